//! Turning an [`Analysis`] into files: the `itinera/1` JSON contract, GeoJSON, KML (with
//! timestamps), GPX and CSV.
//!
//! Every writer is a plain function from an analysis to the text of a file. Stops are
//! written in travel order, actors in salience order, so equal analyses give equal files.

mod csv;
mod geojson;
mod gpx;
mod json;
mod kml;

pub use csv::{COLUMNS as CSV_COLUMNS, field as csv_field, to_csv};
pub use geojson::to_geojson;
pub use gpx::to_gpx;
pub(crate) use json::place_json;
pub use json::{JsonView, MergedView, SCHEMA, to_json};
pub use kml::to_kml;

use crate::analysis::Analysis;
use crate::movement::When;

/// Output formats of `itinera extract --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The `itinera/1` JSON object.
    Json,
    /// A GeoJSON `FeatureCollection`: a point per stop, a line per actor's route.
    GeoJson,
    /// KML for Google Earth and GIS tools, with the stops' times.
    Kml,
    /// GPX: a waypoint per stop and a route per actor.
    Gpx,
    /// CSV: one row per stop.
    Csv,
}

impl Format {
    /// Every format, in the order they are listed to users.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::GeoJson,
        Format::Kml,
        Format::Gpx,
        Format::Csv,
    ];

    /// The name used on the command line (`geojson`), also the usual file extension.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::GeoJson => "geojson",
            Format::Kml => "kml",
            Format::Gpx => "gpx",
            Format::Csv => "csv",
        }
    }

    /// The file name extension for this format, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        self.name()
    }

    /// The media type of the files this format writes.
    #[must_use]
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::GeoJson => "application/geo+json",
            Format::Kml => "application/vnd.google-earth.kml+xml",
            Format::Gpx => "application/gpx+xml",
            Format::Csv => "text/csv",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.name() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format '{s}' (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// Renders an analysis in `format`, as the text of a file.
#[must_use]
pub fn render(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string(&JsonView::new(analysis, None)).unwrap_or_default(),
        Format::GeoJson => to_geojson(analysis).to_string(),
        Format::Kml => to_kml(analysis),
        Format::Gpx => to_gpx(analysis),
        Format::Csv => to_csv(analysis),
    }
}

/// Writes an analysis in `format` to `out`, followed by a newline. The JSON contract is
/// written as it is serialised, so a long text's result is never held twice in memory.
///
/// # Errors
/// When `out` fails.
pub fn write(
    analysis: &Analysis,
    format: Format,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => serde_json::to_writer(&mut out, &JsonView::new(analysis, None))?,
        _ => out.write_all(render(analysis, format).as_bytes())?,
    }
    writeln!(out)
}

/// An ISO 8601 date-time without a zone, as the JSON contract writes them.
fn stamp(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// `earliest`/`latest` of a stop's time, either missing when unknown.
fn bounds(when: Option<&When>) -> (Option<String>, Option<String>) {
    when.map_or((None, None), |w| {
        (w.earliest.map(stamp), w.latest.map(stamp))
    })
}

/// Coordinates rounded to 5 decimals (about a metre), as text.
fn coordinate(x: f64) -> String {
    let rounded = (x * 1e5).round() / 1e5;
    format!("{rounded}")
}

/// Escapes text for XML element content and attribute values.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped; tabs and line breaks are kept.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The name of an exported document: its title, or a neutral default.
fn document_name(analysis: &Analysis) -> String {
    analysis
        .title
        .clone()
        .unwrap_or_else(|| String::from("itinera route"))
}

#[cfg(test)]
pub(crate) mod sample {
    //! A small analysis with two actors, for the writers' tests.

    use chrono::NaiveDate;

    use crate::analysis::Analysis;
    use crate::gazetteer::{Candidate, PlaceKind};
    use crate::geo::LatLon;
    use crate::movement::{Actor, Evidence, Status, Stop, When};
    use crate::span::Span;

    fn place(id: &str, name: &str, lat: f64, lon: f64) -> Candidate {
        Candidate {
            id: id.into(),
            name: name.into(),
            latlon: LatLon::new(lat, lon),
            kind: PlaceKind::PopulatedPlace,
            feature_code: "PPL".into(),
            country: Some("RU".into()),
            admin1: None,
            population: 0,
            importance: 0.5,
        }
    }

    fn stop(place: Candidate, when: Option<When>, status: Status, quote: &str) -> Stop {
        Stop {
            place,
            mentions: vec![Span::new(0, 4)],
            when,
            status,
            sources: if status == Status::Reported {
                vec!["Agency \"A\"".into(), "B & C".into()]
            } else {
                Vec::new()
            },
            evidence: vec![Evidence {
                span: Span::new(0, quote.len()),
                quote: quote.into(),
            }],
            alternatives: Vec::new(),
            approximate: false,
        }
    }

    /// Two actors: one with two stops (a time span, then none), one with one stop.
    pub(crate) fn analysis() -> Analysis {
        let day = NaiveDate::from_ymd_opt(2023, 9, 12).unwrap();
        let when = When {
            value: "2023-09-12TMO".into(),
            earliest: day.and_hms_opt(0, 0, 0),
            latest: day.and_hms_opt(12, 0, 0),
            span: Span::new(0, 4),
        };
        let khasan = place("geonames:2022586", "Khasan", 42.424_01, 130.652_43);
        let ussuriysk = place("geonames:2013279", "Ussuriysk", 43.8, 131.95);
        let vladivostok = place("geonames:2013348", "Vladivostok", 43.10562, 131.87353);
        Analysis {
            title: Some("A train <east> & back".into()),
            published: Some(day),
            reference_date: Some(day),
            text: String::new(),
            sentences: Vec::new(),
            places: Vec::new(),
            times: Vec::new(),
            actors: vec![
                Actor {
                    name: "The envoy".into(),
                    mentions: Vec::new(),
                    stops: vec![
                        stop(
                            khasan,
                            Some(when),
                            Status::Reported,
                            "He crossed at \"Khasan\", line one,\nline two.",
                        ),
                        stop(ussuriysk, None, Status::Confirmed, "Then Ussuriysk."),
                    ],
                    ..Default::default()
                },
                Actor {
                    name: "The host".into(),
                    mentions: Vec::new(),
                    stops: vec![stop(
                        vladivostok,
                        None,
                        Status::Expected,
                        "He waits in Vladivostok.",
                    )],
                    ..Default::default()
                },
            ],
            diagnostics: Vec::new(),
            explanation: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_names_each_actors_kind_and_denied_stops() {
        let mut analysis = sample::analysis();
        analysis.actors[1].kind = crate::movement::ActorKind::Person;
        let moved = analysis.actors[1].stops.remove(0);
        analysis.actors[1].denied.push(moved);
        let json = to_json(&analysis, None);
        let host = &json["actors"][1];
        assert_eq!(host["kind"], "person");
        assert_eq!(host["stops"].as_array().map(Vec::len), Some(0));
        assert_eq!(host["denied"][0]["place"]["name"], "Vladivostok");
        assert_eq!(json["actors"][0]["kind"], "unknown");
    }

    #[test]
    fn formats_are_read_by_name_in_any_case() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
            assert_eq!(format.name().to_uppercase().parse::<Format>(), Ok(format));
        }
        let err = "shapefile".parse::<Format>().unwrap_err();
        assert!(err.contains("shapefile") && err.contains("geojson") && !err.contains('\n'));
    }

    #[test]
    fn xml_special_characters_are_escaped() {
        let table = [
            ("a & b", "a &amp; b"),
            ("<tag attr=\"x\">", "&lt;tag attr=&quot;x&quot;&gt;"),
            ("it's", "it&apos;s"),
            ("bell\u{7} and tab\t", "bell and tab\t"),
            ("Хасан 🚂", "Хасан 🚂"),
        ];
        for (input, expect) in table {
            assert_eq!(xml_escape(input), expect);
        }
    }

    #[test]
    fn coordinates_are_rounded_to_five_places() {
        assert_eq!(coordinate(42.424_014_9), "42.42401");
        assert_eq!(coordinate(-0.5), "-0.5");
        assert_eq!(coordinate(130.0), "130");
    }
}
