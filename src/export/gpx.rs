//! GPX 1.1: a waypoint per stop, then a route per actor through its stops.

use std::fmt::Write as _;

use super::{bounds, coordinate, document_name, xml_escape};
use crate::analysis::Analysis;
use crate::movement::Stop;

/// `lat="…" lon="…"` attributes of a stop.
fn lat_lon(stop: &Stop) -> String {
    format!(
        "lat=\"{}\" lon=\"{}\"",
        coordinate(stop.place.latlon.lat),
        coordinate(stop.place.latlon.lon)
    )
}

/// The analysis as a GPX document.
#[must_use]
pub fn to_gpx(analysis: &Analysis) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"itinera\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n",
    );
    let _ = writeln!(
        out,
        "<metadata><name>{}</name></metadata>",
        xml_escape(&document_name(analysis))
    );
    // GPX wants every waypoint before the first route.
    for actor in &analysis.actors {
        for (i, stop) in actor.stops.iter().enumerate() {
            let (earliest, _) = bounds(stop.when.as_ref());
            let time = earliest
                .map(|t| format!("<time>{t}</time>"))
                .unwrap_or_default();
            let mut desc = format!("{}: stop {} ({})", actor.name, i + 1, stop.status.label());
            if !stop.sources.is_empty() {
                let _ = write!(desc, ", according to {}", stop.sources.join(", "));
            }
            if let Some(evidence) = stop.evidence.first() {
                let _ = write!(desc, ". {}", evidence.quote);
            }
            let _ = writeln!(
                out,
                "<wpt {}>{time}<name>{}</name><desc>{}</desc><type>{}</type></wpt>",
                lat_lon(stop),
                xml_escape(&stop.place.name),
                xml_escape(&desc),
                stop.status.label(),
            );
        }
    }
    for actor in &analysis.actors {
        if actor.stops.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<rte><name>{}</name>", xml_escape(&actor.name));
        for stop in &actor.stops {
            let _ = writeln!(
                out,
                "<rtept {}><name>{}</name></rtept>",
                lat_lon(stop),
                xml_escape(&stop.place.name)
            );
        }
        out.push_str("</rte>\n");
    }
    out.push_str("</gpx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn waypoints_come_first_then_a_route_per_actor() {
        let gpx = to_gpx(&sample::analysis());
        assert!(gpx.contains("<metadata><name>A train &lt;east&gt; &amp; back</name></metadata>"));
        assert!(gpx.contains(
            "<wpt lat=\"42.42401\" lon=\"130.65243\"><time>2023-09-12T00:00:00</time><name>Khasan</name>"
        ));
        assert_eq!(gpx.matches("<wpt ").count(), 3);
        assert_eq!(gpx.matches("<rte>").count(), 2);
        assert_eq!(gpx.matches("<rtept ").count(), 3);
        let last_wpt = gpx.rfind("<wpt ").unwrap();
        let first_rte = gpx.find("<rte>").unwrap();
        assert!(last_wpt < first_rte);
        assert!(gpx.contains("according to Agency &quot;A&quot;, B &amp; C"));
        assert!(gpx.ends_with("</gpx>\n"));
    }
}
