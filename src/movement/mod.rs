//! The movement model: who went where, when, according to whom.
//!
//! From the places, times and sentences of an analysed text, [`movements`] builds the
//! actors and, for each, the ordered stops of their route.

use serde::Serialize;

use crate::gazetteer::Candidate;
use crate::geoparse::PlaceMention;
use crate::span::Span;
use crate::text::sentence_at;
use crate::time::TimeExpr;

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
}

/// Someone or something that moves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// The fullest name the text gives ("Kim Jong Un").
    pub name: String,
    /// Every mention that refers to the actor.
    pub mentions: Vec<Span>,
    /// The route, in travel order.
    pub stops: Vec<Stop>,
}

/// Words that place an actor at a location when they govern a place in the same sentence.
const MOTION_WORDS: &[&str] = &[
    "arrive",
    "arrived",
    "arrives",
    "arriving",
    "reach",
    "reached",
    "reaches",
    "land",
    "landed",
    "lands",
    "visit",
    "visited",
    "visits",
    "visiting",
    "travel",
    "traveled",
    "travelled",
    "travels",
    "went",
    "go",
    "goes",
    "head",
    "headed",
    "heads",
    "fly",
    "flew",
    "flies",
    "sail",
    "sailed",
    "depart",
    "departed",
    "left",
    "leave",
    "leaves",
    "crossed",
    "cross",
    "entered",
    "enter",
    "stopped",
    "toured",
    "met",
    "meet",
    "moved",
];

/// Builds actors and their routes.
#[must_use]
pub fn movements(
    text: &str,
    sentences: &[Span],
    places: &[PlaceMention],
    _times: &[TimeExpr],
) -> Vec<Actor> {
    let mut stops: Vec<Stop> = Vec::new();
    for mention in places {
        let Some(place) = &mention.resolved else {
            continue;
        };
        let Some(si) = sentence_at(sentences, mention.span.start) else {
            continue;
        };
        let sentence = sentences[si];
        let words = sentence.slice(text).to_lowercase();
        let moving = words
            .split(|c: char| !c.is_alphabetic())
            .any(|w| MOTION_WORDS.contains(&w));
        if !moving || mention.adjectival {
            continue;
        }
        if let Some(existing) = stops.iter_mut().find(|s| s.place.id == place.id) {
            existing.mentions.push(mention.span);
            continue;
        }
        stops.push(Stop {
            place: place.clone(),
            mentions: vec![mention.span],
            when: None,
            status: Status::Confirmed,
            sources: Vec::new(),
            evidence: vec![Evidence {
                span: sentence,
                quote: sentence.slice(text).to_owned(),
            }],
            alternatives: Vec::new(),
        });
    }
    if stops.is_empty() {
        return Vec::new();
    }
    vec![Actor {
        name: String::from("Unknown traveller"),
        mentions: Vec::new(),
        stops,
    }]
}
