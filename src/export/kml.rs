//! KML 2.2: a folder per actor with a placemark per stop (with a `TimeStamp` or `TimeSpan`
//! from the stop's time bounds) and the route as a line.

use std::fmt::Write as _;

use super::{bounds, coordinate, document_name, xml_escape};
use crate::analysis::Analysis;
use crate::movement::Stop;

/// The time element of a stop: a span when its bounds differ, a stamp when it has one
/// instant, nothing when it has no time.
fn time_element(stop: &Stop) -> String {
    match bounds(stop.when.as_ref()) {
        (Some(begin), Some(end)) if begin != end => {
            format!("<TimeSpan><begin>{begin}</begin><end>{end}</end></TimeSpan>")
        }
        (Some(at), _) | (None, Some(at)) => format!("<TimeStamp><when>{at}</when></TimeStamp>"),
        (None, None) => String::new(),
    }
}

/// What a placemark's balloon says: the status, the sources, the evidence.
fn description(stop: &Stop) -> String {
    let mut text = format!("Status: {}", stop.status.label());
    if !stop.sources.is_empty() {
        let _ = write!(text, "\nSources: {}", stop.sources.join(", "));
    }
    if let Some(when) = &stop.when {
        let _ = write!(text, "\nWhen: {}", when.value);
    }
    for evidence in &stop.evidence {
        let _ = write!(text, "\n\n{}", evidence.quote);
    }
    text
}

fn lon_lat(stop: &Stop) -> String {
    format!(
        "{},{}",
        coordinate(stop.place.latlon.lon),
        coordinate(stop.place.latlon.lat)
    )
}

/// The analysis as a KML document.
#[must_use]
pub fn to_kml(analysis: &Analysis) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    let _ = writeln!(out, "<name>{}</name>", xml_escape(&document_name(analysis)));
    for actor in &analysis.actors {
        let actor_name = xml_escape(&actor.name);
        let _ = writeln!(out, "<Folder>\n<name>{actor_name}</name>");
        for (i, stop) in actor.stops.iter().enumerate() {
            let _ = writeln!(
                out,
                "<Placemark>\n<name>{}. {}</name>\n<description>{}</description>\n{}<Point><coordinates>{}</coordinates></Point>\n</Placemark>",
                i + 1,
                xml_escape(&stop.place.name),
                xml_escape(&description(stop)),
                time_element(stop),
                lon_lat(stop),
            );
        }
        if actor.stops.len() >= 2 {
            let path: Vec<String> = actor.stops.iter().map(lon_lat).collect();
            let _ = writeln!(
                out,
                "<Placemark>\n<name>{actor_name}: route</name>\n<LineString><tessellate>1</tessellate><coordinates>{}</coordinates></LineString>\n</Placemark>",
                path.join(" ")
            );
        }
        out.push_str("</Folder>\n");
    }
    out.push_str("</Document>\n</kml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn stops_carry_their_times_and_text_is_escaped() {
        let kml = to_kml(&sample::analysis());
        assert!(kml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml "));
        assert!(kml.contains("<name>A train &lt;east&gt; &amp; back</name>"));
        assert!(kml.contains(
            "<TimeSpan><begin>2023-09-12T00:00:00</begin><end>2023-09-12T12:00:00</end></TimeSpan>"
        ));
        assert!(kml.contains("<name>1. Khasan</name>"));
        assert!(kml.contains("Sources: Agency &quot;A&quot;, B &amp; C"));
        assert!(kml.contains("<coordinates>130.65243,42.42401</coordinates>"));
        assert!(
            kml.contains("<coordinates>130.65243,42.42401 131.95,43.8</coordinates></LineString>")
        );
        assert_eq!(kml.matches("<Folder>").count(), 2);
        assert_eq!(kml.matches("<LineString>").count(), 1);
        assert!(kml.ends_with("</kml>\n"));
    }

    #[test]
    fn a_single_instant_is_a_time_stamp() {
        let mut a = sample::analysis();
        let when = a.actors[0].stops[0].when.as_mut().unwrap();
        when.latest = when.earliest;
        assert!(to_kml(&a).contains("<TimeStamp><when>2023-09-12T00:00:00</when></TimeStamp>"));
    }
}
