//! # itinera
//!
//! Drop in a news article; itinera finds the places it names, resolves them with an
//! embedded gazetteer, reads the times, and works out who went where and when, with the
//! sentence and the source behind every stop.
//!
//! The pipeline is plain data in, plain data out: [`analyze`] takes a [`Document`] and
//! returns an [`Analysis`]. The window (module `ui`, feature `gui`) is a thin shell on it.
//!
//! ```
//! use itinera::{analyze, Document, Gazetteer, Options};
//!
//! let doc = Document::from_text("The president flew to Vladivostok on September 12, 2023.");
//! let analysis = analyze(&doc, Gazetteer::embedded(), &Options::default());
//! for place in &analysis.places {
//!     assert_eq!(&analysis.text[place.span.start..place.span.end], place.mention);
//! }
//! ```

pub mod analysis;
pub mod cli;
pub mod export;
pub mod gazetteer;
pub mod geo;
pub mod geoparse;
mod hash;
pub mod ingest;
pub mod merge;
pub mod movement;
pub mod progress;
pub mod project;
pub mod span;
pub mod text;
pub mod time;
#[cfg(feature = "gui")]
pub mod ui;
mod work;

pub use analysis::{Analysis, Diagnostic, Options, SharedModel, analyze, analyze_owned};
pub use gazetteer::Gazetteer;
pub use geo::LatLon;
pub use ingest::Document;
pub use span::Span;
