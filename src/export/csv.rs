//! CSV (RFC 4180): a header, then one row per stop, actors in salience order and stops in
//! travel order. Fields holding commas, quotes or line breaks are quoted.

use super::{bounds, coordinate};
use crate::analysis::Analysis;

/// The columns, in order.
pub const COLUMNS: [&str; 12] = [
    "actor", "order", "place", "place_id", "lat", "lon", "when", "earliest", "latest", "status",
    "sources", "evidence",
];

/// A field, quoted when it must be.
#[must_use]
pub fn field(value: &str) -> String {
    let needs_quotes =
        value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// The analysis as CSV, one row per stop, lines ending in CRLF.
#[must_use]
pub fn to_csv(analysis: &Analysis) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for actor in &analysis.actors {
        for (i, stop) in actor.stops.iter().enumerate() {
            let (earliest, latest) = bounds(stop.when.as_ref());
            let quotes: Vec<&str> = stop.evidence.iter().map(|e| e.quote.as_str()).collect();
            let row = [
                actor.name.clone(),
                (i + 1).to_string(),
                stop.place.name.clone(),
                stop.place.id.clone(),
                coordinate(stop.place.latlon.lat),
                coordinate(stop.place.latlon.lon),
                stop.when
                    .as_ref()
                    .map(|w| w.value.clone())
                    .unwrap_or_default(),
                earliest.unwrap_or_default(),
                latest.unwrap_or_default(),
                stop.status.label().to_owned(),
                stop.sources.join("; "),
                quotes.join(" … "),
            ];
            let fields: Vec<String> = row.iter().map(|v| field(v)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let table = [
            ("Khasan", "Khasan"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (" padded", "\" padded\""),
            ("", ""),
        ];
        for (input, expect) in table {
            assert_eq!(field(input), expect);
        }
    }

    #[test]
    fn one_row_per_stop_after_the_header() {
        let csv = to_csv(&sample::analysis());
        let mut rows = csv.split("\r\n");
        assert_eq!(
            rows.next(),
            Some("actor,order,place,place_id,lat,lon,when,earliest,latest,status,sources,evidence")
        );
        assert_eq!(
            rows.next(),
            Some(
                "The envoy,1,Khasan,geonames:2022586,42.42401,130.65243,2023-09-12TMO,2023-09-12T00:00:00,2023-09-12T12:00:00,reported,\"Agency \"\"A\"\"; B & C\",\"He crossed at \"\"Khasan\"\", line one,\nline two.\""
            )
        );
        assert_eq!(
            rows.next(),
            Some(
                "The envoy,2,Ussuriysk,geonames:2013279,43.8,131.95,,,,confirmed,,Then Ussuriysk."
            )
        );
        assert!(rows.next().unwrap().starts_with("The host,1,Vladivostok,"));
        assert_eq!(rows.next(), Some(""));
        assert_eq!(rows.next(), None);
    }
}
