//! The pipeline entry point: a document in, an [`Analysis`] out.

use chrono::NaiveDate;
use serde::Serialize;

use crate::gazetteer::Gazetteer;
use crate::gazetteer::online::SharedFallback;
use crate::gazetteer::{Candidate, normalize};
use crate::geoparse::{PlaceMention, geoparse};
use crate::ingest::Document;
use crate::movement::{Actor, Explanation, Model, movements_explained};
use crate::span::Span;
use crate::text::{sentences, tokenize};
use crate::time::{TimeExpr, tag_tokens};

/// Settings for one analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date relative expressions are resolved against. When `None`, the document's
    /// publication date is used; when that is unknown too, year-less dates stay year-less.
    pub reference_date: Option<NaiveDate>,
    /// Where to ask for places the embedded gazetteer lacks: mentions the geoparser found
    /// but could not resolve are looked up there. `None` (the default): no network use.
    pub online: Option<SharedFallback>,
    /// The selection's weights; `None` (the default): the built-in ones.
    pub model: Option<SharedModel>,
    /// Keep the explanation of the selection's choices in [`Analysis::explanation`].
    pub explain: bool,
}

/// A shared handle on a [`Model`], compared by identity.
#[derive(Clone)]
pub struct SharedModel(pub std::sync::Arc<Model>);

impl std::fmt::Debug for SharedModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedModel(..)")
    }
}

impl PartialEq for SharedModel {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedModel {}

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
    /// Why the stops are what they are, when [`Options::explain`] asked for it.
    pub explanation: Option<Explanation>,
}

/// Runs the whole pipeline on a document. Never panics, and does no I/O unless
/// [`Options::online`] is set.
///
/// ```
/// use itinera::{analyze, Document, Gazetteer, Options};
/// let doc = Document::from_text("The delegation arrived in Vladivostok on September 12, 2023.");
/// let analysis = analyze(&doc, Gazetteer::embedded(), &Options::default());
/// assert_eq!(analysis.times[0].value, "2023-09-12");
/// ```
#[must_use]
pub fn analyze(document: &Document, gazetteer: &Gazetteer, options: &Options) -> Analysis {
    analyze_owned(document.clone(), gazetteer, options)
}

/// [`analyze`], keeping the document's text in the analysis instead of a copy of it (a
/// book's text is held once, not twice).
#[must_use]
pub fn analyze_owned(document: Document, gazetteer: &Gazetteer, options: &Options) -> Analysis {
    let Document {
        title,
        published,
        text,
    } = document;
    let reference_date = options.reference_date.or(published);
    // (the shares of each stage are those of a profile on news)
    crate::progress::report(0.0, "Reading words");
    let tokens = tokenize(&text);
    let sentences = sentences(&text);
    crate::progress::report(0.05, "Finding places");
    let mut places = geoparse(&text, &tokens, gazetteer);
    let mut diagnostics = Vec::new();
    if let Some(online) = &options.online {
        resolve_online(&mut places, online, &mut diagnostics);
    }
    crate::progress::report(0.3, "Reading dates");
    let times = tag_tokens(&text, &tokens, reference_date);
    let builtin;
    let model = if let Some(m) = &options.model {
        &*m.0
    } else {
        builtin = Model::builtin();
        &builtin
    };
    crate::progress::report(0.4, "Reading sentences");
    let (actors, explanation) = movements_explained(
        &text,
        &tokens,
        &sentences,
        &places,
        &times,
        reference_date,
        model,
        options.explain,
    );
    crate::progress::report(1.0, "Done");
    if gazetteer.is_empty() {
        diagnostics.push(Diagnostic {
            message: "the gazetteer is empty: no place can be found".into(),
            span: None,
        });
    }
    Analysis {
        title,
        published,
        reference_date,
        text,
        sentences,
        places,
        times,
        actors,
        diagnostics,
        explanation,
    }
}

/// Looks up online the mentions the geoparser recognised but could not resolve, each
/// distinct name once; the best hit resolves the mention. The first failure is reported
/// and ends the step: the analysis goes on offline.
fn resolve_online(
    places: &mut [PlaceMention],
    online: &SharedFallback,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut answers: std::collections::HashMap<String, Option<Candidate>> =
        std::collections::HashMap::new();
    for place in places
        .iter_mut()
        // a street's name alone could be anywhere: only the gazetteer's towns are asked for
        .filter(|p| p.resolved.is_none() && !p.adjectival && !p.street)
    {
        let key = normalize(&place.mention);
        let best = if let Some(known) = answers.get(&key) {
            known.clone()
        } else {
            match online.0.lookup(&place.mention) {
                Ok(found) => {
                    let best = found.into_iter().next();
                    answers.insert(key, best.clone());
                    best
                }
                Err(e) => {
                    diagnostics.push(Diagnostic {
                        message: format!("online place search stopped: {e}"),
                        span: Some(place.span),
                    });
                    return;
                }
            }
        };
        place.resolved = best.map(std::sync::Arc::new);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// The steps the analysis of `text` takes (see [`crate::work`]).
    fn steps_for(text: &str) -> u64 {
        let document = Document::from_text(text);
        crate::work::take();
        let analysis = analyze(&document, Gazetteer::embedded(), &Options::default());
        assert!(!analysis.places.is_empty());
        crate::work::take()
    }

    #[test]
    fn work_grows_linearly_with_the_text() {
        // a story of our own, told 8 and 32 times over: four times the text may take a
        // little more than four times the work, not sixteen
        let article = include_str!("../tests/fixtures/articles/01_state_visit.txt");
        let small = steps_for(&article.repeat(8));
        let large = steps_for(&article.repeat(32));
        let ratio = large as f64 / small as f64;
        assert!(
            (3.5..5.0).contains(&ratio),
            "4x the text took {ratio:.2}x the work ({small} -> {large} steps)"
        );
    }

    use crate::gazetteer::PlaceKind;
    use crate::gazetteer::online::{Fallback, FallbackError};
    use crate::geo::LatLon;

    /// A fallback that knows one place, or fails, and counts the names it is asked.
    struct Stub {
        fail: bool,
        asked: Mutex<Vec<String>>,
    }

    impl Fallback for Stub {
        fn lookup(&self, name: &str) -> Result<Vec<Candidate>, FallbackError> {
            if let Ok(mut asked) = self.asked.lock() {
                asked.push(name.to_owned());
            }
            if self.fail {
                return Err(FallbackError::Unreachable {
                    url: "http://127.0.0.1:9".into(),
                    reason: "connection refused".into(),
                });
            }
            Ok(vec![Candidate {
                id: "osm:node/1".into(),
                name: name.to_owned(),
                latlon: LatLon::new(1.0, 2.0),
                kind: PlaceKind::PopulatedPlace,
                feature_code: "village".into(),
                country: None,
                admin1: None,
                population: 0,
                importance: 0.2,
            }])
        }
    }

    fn mention(text: &str, at: usize, resolved: Option<Candidate>) -> PlaceMention {
        PlaceMention {
            span: Span::new(at, at + text.len()),
            mention: text.to_owned(),
            resolved: resolved.map(std::sync::Arc::new),
            confidence: 0.5,
            adjectival: false,
            street: false,
            city: None,
        }
    }

    fn run(fail: bool) -> (Vec<PlaceMention>, Vec<Diagnostic>, Vec<String>) {
        let stub = std::sync::Arc::new(Stub {
            fail,
            asked: Mutex::new(Vec::new()),
        });
        let known = Gazetteer::embedded().lookup_top("Vladivostok", 1).pop();
        let mut places = vec![
            mention("Zorvka", 0, None),
            mention("Vladivostok", 10, known),
            mention("ZORVKA", 30, None),
            // a street's name alone could be anywhere: never asked
            PlaceMention {
                street: true,
                city: None,
                ..mention("Main Street", 40, None)
            },
        ];
        let mut diagnostics = Vec::new();
        resolve_online(&mut places, &SharedFallback(stub.clone()), &mut diagnostics);
        let asked = stub.asked.lock().map(|a| a.clone()).unwrap_or_default();
        (places, diagnostics, asked)
    }

    #[test]
    fn an_unresolved_mention_is_looked_up_online_once_per_name() {
        let (places, diagnostics, asked) = run(false);
        assert_eq!(asked, ["Zorvka"]);
        assert!(diagnostics.is_empty());
        assert!(places[3].resolved.is_none());
        assert_eq!(
            places[0].resolved.as_ref().map(|c| c.id.as_str()),
            Some("osm:node/1")
        );
        assert_eq!(places[2].resolved, places[0].resolved);
        assert_eq!(
            places[1].resolved.as_ref().map(|c| c.name.as_str()),
            Some("Vladivostok")
        );
    }

    #[test]
    fn a_failing_online_search_leaves_one_message_and_the_mentions_unresolved() {
        let (places, diagnostics, asked) = run(true);
        assert_eq!(asked.len(), 1);
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.contains("could not be reached"));
        assert!(places[0].resolved.is_none() && places[2].resolved.is_none());
    }
}
