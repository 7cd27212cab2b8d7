//! The pipeline entry point: a document in, an [`Analysis`] out.

use chrono::NaiveDate;
use serde::Serialize;

use crate::gazetteer::Gazetteer;
use crate::geoparse::{PlaceMention, geoparse};
use crate::ingest::Document;
use crate::movement::{Actor, movements};
use crate::span::Span;
use crate::text::{sentences, tokenize};
use crate::time::{TimeExpr, tag_tokens};

/// Settings for one analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date relative expressions are resolved against. When `None`, the document's
    /// publication date is used; when that is unknown too, year-less dates stay year-less.
    pub reference_date: Option<NaiveDate>,
}

/// A problem the pipeline met and worked around.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// What happened, in plain words.
    pub message: String,
    /// The part of the text it concerns, if any.
    pub span: Option<Span>,
}

/// Everything the pipeline found in one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The document's title, if it had one.
    pub title: Option<String>,
    /// Its publication date, if known.
    pub published: Option<NaiveDate>,
    /// The date relative times were resolved against.
    pub reference_date: Option<NaiveDate>,
    /// The analysed text. Every span in this analysis is a byte range into it.
    pub text: String,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Every place mention, in text order.
    pub places: Vec<PlaceMention>,
    /// Every temporal expression, in text order.
    pub times: Vec<TimeExpr>,
    /// Actors by salience, the main mover first.
    pub actors: Vec<Actor>,
    /// Problems met on the way.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the whole pipeline on a document. Never panics, never does I/O.
///
/// ```
/// use itinera::{analyze, Document, Gazetteer, Options};
/// let doc = Document::from_text("The delegation arrived in Vladivostok on September 12, 2023.");
/// let analysis = analyze(&doc, Gazetteer::embedded(), &Options::default());
/// assert_eq!(analysis.times[0].value, "2023-09-12");
/// ```
#[must_use]
pub fn analyze(document: &Document, gazetteer: &Gazetteer, options: &Options) -> Analysis {
    let text = document.text.clone();
    let reference_date = options.reference_date.or(document.published);
    let tokens = tokenize(&text);
    let sentences = sentences(&text);
    let places = geoparse(&text, &tokens, gazetteer);
    let times = tag_tokens(&text, &tokens, reference_date);
    let actors = movements(&text, &sentences, &places, &times);
    let mut diagnostics = Vec::new();
    if gazetteer.is_empty() {
        diagnostics.push(Diagnostic {
            message: "the gazetteer is empty: no place can be found".into(),
            span: None,
        });
    }
    Analysis {
        title: document.title.clone(),
        published: document.published,
        reference_date,
        text,
        sentences,
        places,
        times,
        actors,
        diagnostics,
    }
}
