//! The movement model: who went where, when, according to whom.
//!
//! From the places, times and sentences of an analysed text, [`movements`] builds the
//! actors and, for each, the ordered stops of their route.

use serde::Serialize;

mod candidates;
mod doc;
mod features;
mod geometry;
mod lexicon;
mod order;
mod select;
mod traveller;
mod weights;

use crate::gazetteer::Candidate;
use crate::geoparse::PlaceMention;
use crate::span::Span;
use crate::text::Token;
use crate::time::TimeExpr;

pub use features::{StopFeature, TravellerFeature};
pub use select::{CandidateReport, EventReport, Explanation, Model, PlaceReport, TravellerReport};
pub use traveller::ActorKind;

/// How a stop is vouched for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Narrated as fact.
    Confirmed,
    /// Attributed to a source ("KCNA said").
    Reported,
    /// Announced or planned ("will meet", "is expected to").
    Expected,
    /// Denied ("did not go to").
    Denied,
}

impl Status {
    /// The contract's word for it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Expected => "expected",
            Status::Denied => "denied",
        }
    }
}

/// When a stop happened, as far as the text says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct When {
    /// The time expression it came from, as a TIMEX3 value.
    pub value: String,
    /// Earliest bound.
    pub earliest: Option<chrono::NaiveDateTime>,
    /// Latest bound.
    pub latest: Option<chrono::NaiveDateTime>,
    /// The expression's span in the text.
    pub span: Span,
}

/// A sentence (or part of one) that backs a stop.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// Where the evidence lies.
    pub span: Span,
    /// Its text.
    pub quote: String,
}

/// One stop of an actor's route.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stop {
    /// The place.
    pub place: Candidate,
    /// The place mentions in the text that name this stop.
    pub mentions: Vec<Span>,
    /// When the actor was there, if the text says.
    pub when: Option<When>,
    /// How the stop is vouched for.
    pub status: Status,
    /// Who reported it ("KCNA", "Yonhap"), in order of first mention; empty when narrated as fact.
    pub sources: Vec<String>,
    /// The sentences behind it.
    pub evidence: Vec<Evidence>,
    /// Indices (into the same actor's `stops`) of stops that other sources give for the same event.
    pub alternatives: Vec<usize>,
    /// True when the point is worked out from a distance and a bearing or a compass part
    /// ("300 km northwest of Apia", "eastern Honduras"), not a place's own point.
    pub approximate: bool,
}

/// Someone or something that moves.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Actor {
    /// The fullest name the text gives ("Kim Jong Un").
    pub name: String,
    /// Every mention that refers to the actor.
    pub mentions: Vec<Span>,
    /// The route, in travel order.
    pub stops: Vec<Stop>,
    /// What sort of mover this is.
    pub kind: ActorKind,
    /// Places the text says the actor did not go to ("denied visiting Kyiv"), with status
    /// [`Status::Denied`]. Kept apart so that `stops` stays the route travelled.
    pub denied: Vec<Stop>,
}

/// Builds actors and their routes.
///
/// Actors are people, groups, ships, aircraft and storms found in the text (with their
/// name variants, pronouns and descriptions); each stop is a place that an event of the
/// actor's ("arrived in", "left", "was seen in") governs, with its time, status, sources
/// and the sentence that says so. `actors` comes out by salience, the main mover first,
/// and only actors with at least one stop are kept.
#[must_use]
pub fn movements(
    text: &str,
    sentences: &[Span],
    places: &[PlaceMention],
    times: &[TimeExpr],
) -> Vec<Actor> {
    let tokens = crate::text::tokenize(text);
    movements_with_tokens(text, &tokens, sentences, places, times, None)
}

/// [`movements`] over the tokens the caller already has (they must come from
/// [`crate::text::tokenize`] on the same `text`), so the text is not tokenised again, for
/// a text written on `reference` when that is known: a stop a relative date ("on
/// Saturday") puts after it is a plan, however the sentence puts it.
#[must_use]
pub fn movements_with_tokens(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    places: &[PlaceMention],
    times: &[TimeExpr],
    reference: Option<chrono::NaiveDate>,
) -> Vec<Actor> {
    movements_explained(
        text,
        tokens,
        sentences,
        places,
        times,
        reference,
        &Model::builtin(),
        false,
    )
    .0
}

/// [`movements_with_tokens`] with the selection's `model`, and with the explanation of
/// its choices when `explain` is set.
#[must_use]
#[expect(
    clippy::too_many_arguments,
    reason = "the pipeline's parts, each its own value"
)]
pub fn movements_explained(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    places: &[PlaceMention],
    times: &[TimeExpr],
    reference: Option<chrono::NaiveDate>,
    model: &Model,
    explain: bool,
) -> (Vec<Actor>, Option<Explanation>) {
    let doc = doc::Doc::new(text, tokens.into(), sentences, places, times).written_on(reference);
    crate::progress::report(0.55, "Finding the travellers");
    let mut explanation = explain.then(Explanation::default);
    let actors = routes(&doc, model, explanation.as_mut());
    (actors, explanation)
}

/// The stages, one after the other: who moves, every place that might be a stop, which are
/// stops and whose, and each route in order.
fn routes(doc: &doc::Doc<'_>, model: &Model, mut explain: Option<&mut Explanation>) -> Vec<Actor> {
    let cast = traveller::Cast::find(doc);
    crate::progress::report(0.7, "Weighing the stops");
    let candidates = candidates::find(doc, &cast);
    let (main, events) = select::with_model(doc, &cast, &candidates, model, explain.as_deref_mut());
    crate::progress::report(0.9, "Ordering the routes");
    if let Some(x) = explain {
        x.events = events
            .iter()
            .map(|e| select::EventReport::new(doc, &cast, e))
            .collect();
    }
    order::build(doc, &cast, &events, main)
}

#[cfg(test)]
mod tests;
