//! Turning an [`Analysis`] into files: the `itinera/1` JSON contract, and (later) GeoJSON,
//! KML, GPX and CSV.

mod json;

pub(crate) use json::place_json;
pub use json::{SCHEMA, to_json};

use crate::analysis::Analysis;

/// Output formats of `itinera extract --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The `itinera/1` JSON object.
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            other => Err(format!("unknown format '{other}' (expected json)")),
        }
    }
}

/// Renders an analysis in `format`, as the text of a file.
#[must_use]
pub fn render(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => to_json(analysis, None).to_string(),
    }
}
