//! Toponym recognition and resolution.
//!
//! [`geoparse`] finds every place name in the text (gazetteer n-grams filtered by
//! capitalisation and context) and picks, for each, the candidate that best fits the
//! document.

use std::sync::Arc;

use serde::Serialize;

mod cand;
mod lexicon;
mod recognize;
mod resolve;
mod weights;

use crate::gazetteer::{Candidate, Gazetteer};
use crate::hash::FastMap;
use crate::span::Span;
use crate::text::Token;
use cand::Cand;

/// One place mention in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    /// Where the mention lies.
    pub span: Span,
    /// The mention's text (`text[span]`).
    pub mention: String,
    /// The chosen place, or `None` when no candidate is good enough. Mentions of one place
    /// share it (a book names London a thousand times).
    pub resolved: Option<Arc<Candidate>>,
    /// How sure the geoparser is that this is a place and resolved right, in `0..=1`.
    pub confidence: f32,
    /// True when the mention is an adjective or demonym ("Russian") rather than a name.
    pub adjectival: bool,
    /// True when the mention is a street or a numbered road ("Main Street", "Highway 10"),
    /// which the gazetteer of towns leaves unresolved.
    pub street: bool,
    /// For a mention resolved to a region or district that holds a city of the same name
    /// (the state of New York and New York City, the district and city of Leeds), that
    /// city: where a journey to the name ends, though the name means the area.
    pub city: Option<Arc<Candidate>>,
}

impl PlaceMention {
    /// The place a journey to this mention goes to: its namesake [`city`](Self::city) if it
    /// has one, else the place it resolves to.
    #[must_use]
    pub fn destination(&self) -> Option<&Candidate> {
        self.city.as_deref().or(self.resolved.as_deref())
    }
}

/// Finds and resolves the place names of `text`, in text order.
///
/// `tokens` must come from [`crate::text::tokenize`] over the same `text`.
#[must_use]
pub fn geoparse(text: &str, tokens: &[Token], gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    // the text lower-cased once, for the word lists (ASCII case only: offsets stay)
    let folded = text.to_ascii_lowercase();
    let info = recognize::token_info(text, &folded, tokens);
    let mut spots = recognize::spot(text, &folded, tokens, &info, gazetteer);
    recognize::decide(text, &folded, tokens, &info, &mut spots);
    let accepted: Vec<bool> = spots
        .iter()
        .map(|s| !s.vetoed && s.evidence >= recognize::ACCEPT)
        .collect();
    let picks = resolve::resolve(&spots, &accepted);
    let mut out = Vec::with_capacity(accepted.iter().filter(|&&ok| ok).count());
    // each place once, however often it is named
    let mut shared: FastMap<&str, Arc<Candidate>> = FastMap::default();
    for ((spot, ok), pick) in spots.into_iter().zip(accepted).zip(picks) {
        if !ok {
            continue;
        }
        let recognised = (0.5 + (spot.evidence - recognize::ACCEPT)).clamp(0.3, 1.0);
        let chosen = pick.and_then(|(i, _)| spot.candidates.get(i));
        let resolved = chosen.map(|c| share(&mut shared, c));
        let sure = pick.map_or(0.3, |(_, sure)| sure);
        let part = spot.first > 0 && info.names_a_part(spot.first - 1);
        let city = chosen
            .filter(|_| !part)
            .and_then(|c| namesake_city(c, &spot.candidates))
            .map(|c| share(&mut shared, c));
        out.push(PlaceMention {
            mention: spot.span.slice(text).to_owned(),
            span: spot.span,
            resolved,
            confidence: (recognised * sure).clamp(0.0, 1.0),
            adjectival: spot.adjectival,
            street: false,
            city,
        });
    }
    drop_unrelated_neighbours(text, &mut out);
    add_streets(text, tokens, &info, &mut out);
    out
}

/// The one shared copy of candidate `c`.
fn share<'g>(shared: &mut FastMap<&'g str, Arc<Candidate>>, c: &Cand<'g>) -> Arc<Candidate> {
    Arc::clone(
        shared
            .entry(c.id)
            .or_insert_with(|| Arc::new(c.to_candidate())),
    )
}

/// Drops two names that stand side by side with only a space between and resolve to
/// places in different countries ("Nuku Hiva" read as Nuuk and Xiva, "Tai Ahmad"): together
/// they are one name the gazetteer lacks, not two places. A name and its country or region
/// ("Sinop Mato Grosso") share a country and stay. Of a country or region and a name
/// beside it ("Kenya Red Cross", "the Connecticut Piranhas"), and of a compass phrase and a
/// name ("North West England"), only the other name goes.
fn drop_unrelated_neighbours(text: &str, places: &mut Vec<PlaceMention>) {
    use crate::gazetteer::PlaceKind;
    let country = |p: &PlaceMention| p.resolved.as_ref().and_then(|c| c.country.clone());
    let is_area = |p: &PlaceMention| {
        p.resolved
            .as_ref()
            .is_some_and(|c| matches!(c.kind, PlaceKind::Country | PlaceKind::Region))
    };
    let lexicon = lexicon::Lexicon::get();
    let is_compass = |p: &PlaceMention| {
        p.mention
            .split([' ', '-'])
            .all(|w| lexicon.class(&w.to_ascii_lowercase()).is_compass())
    };
    let mut drop = vec![false; places.len()];
    for (i, pair) in places.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = text.get(a.span.end..b.span.start).unwrap_or("");
        if gap.is_empty() || !gap.chars().all(|c| c == ' ') || a.adjectival || b.adjectival {
            continue;
        }
        let (Some(x), Some(y)) = (country(a), country(b)) else {
            continue;
        };
        if x == y {
            continue;
        }
        if is_compass(a) {
            drop[i] = true;
        } else if is_area(a) || is_area(b) {
            drop[i] |= !is_area(a);
            drop[i + 1] |= !is_area(b);
        } else {
            drop[i] = true;
            drop[i + 1] = true;
        }
    }
    let mut i = 0;
    places.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// How far from a district's point its namesake city may lie.
const DISTRICT_CITY_KM: f64 = 60.0;

/// How far from a region's point a capital of its name that is a region of its own may lie
/// and be the region's city (Buenos Aires lies at the edge of its province).
const CAPITAL_BESIDE_KM: f64 = 400.0;

/// Population from which a namesake city that is no seat of government counts (New York
/// City is a plain populated place in GeoNames).
const NAMESAKE_CITY: u64 = 100_000;

/// The city among `candidates` (all bearing one name) that lies inside `area`, a region
/// or district, when there is one of note: a seat of government or a big city, the
/// biggest if several.
fn namesake_city<'c, 'g>(area: &Cand<'g>, candidates: &'c [Cand<'g>]) -> Option<&'c Cand<'g>> {
    use crate::gazetteer::PlaceKind;
    let inside = |c: &Cand<'_>| match area.kind {
        // a capital that is a region of its own beside the province of its name is the
        // province's city too (Buenos Aires, Tashkent, Sofia)
        PlaceKind::Region => {
            cand::same(c.country, area.country)
                && (cand::same(c.admin1, Some(area.admin1.unwrap_or(area.name)))
                    || (c.feature_code == "PPLC"
                        && cand::within_km(c.latlon, area.latlon, CAPITAL_BESIDE_KM)))
        }
        PlaceKind::District => {
            cand::same(c.country, area.country)
                && cand::same(c.admin1, area.admin1)
                && cand::within_km(c.latlon, area.latlon, DISTRICT_CITY_KM)
        }
        _ => false,
    };
    candidates
        .iter()
        .filter(|c| c.kind == PlaceKind::PopulatedPlace)
        .filter(|c| {
            matches!(c.feature_code, "PPLC" | "PPLA" | "PPLA2") || c.population >= NAMESAKE_CITY
        })
        .filter(|c| inside(c))
        // the city goes by the name the text wrote, or is called as the area is
        // (Chattogram, the city of the division found as "Chittagong"); a city that only
        // goes by it as another name is some other city (Bihar Sharif in Bihar)
        .filter(|c| {
            !c.by_alternate()
                || crate::gazetteer::normalize(c.name) == crate::gazetteer::normalize(area.name)
        })
        .max_by_key(|c| c.population)
}

/// How sure the geoparser is of a street it found: its name is plain, where it lies is not
/// known.
const STREET_CONFIDENCE: f32 = 0.4;

/// Adds the streets and roads of the text to `places` (unresolved: the gazetteer holds
/// towns, not streets), in place of any town name inside them ("Memphis" in "Memphis
/// Street"), keeping text order.
fn add_streets(
    text: &str,
    tokens: &[Token],
    info: &recognize::TokInfos<'_>,
    places: &mut Vec<PlaceMention>,
) {
    let streets = recognize::streets(text, tokens, info);
    if streets.is_empty() {
        return;
    }
    // a place that reaches outside a street's span keeps it ("Otter Tail County" before
    // "County Road 35"); a place inside one gives way to it ("Memphis" in "Memphis St.")
    let spans: Vec<Span> = streets
        .iter()
        .map(|&(first, end)| Span::new(tokens[first].span().start, tokens[end - 1].span().end))
        .filter(|&s| {
            !overlapping(places, s, |p| p.span)
                .iter()
                .any(|p| p.span.start < s.start || p.span.end > s.end)
        })
        .collect();
    places.retain(|p| overlapping(&spans, p.span, |s| *s).is_empty());
    places.extend(spans.into_iter().map(|span| PlaceMention {
        mention: span.slice(text).to_owned(),
        span,
        resolved: None,
        confidence: STREET_CONFIDENCE,
        adjectival: false,
        street: true,
        city: None,
    }));
    places.sort_by_key(|p| p.span.start);
}

/// The items of `items` (in text order, none overlapping another, their spans read by `of`)
/// that overlap `span`, found by bisection so that long texts stay linear.
fn overlapping<T>(items: &[T], span: Span, of: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|t| of(t).end <= span.start);
    let to = from + items[from..].partition_point(|t| of(t).start < span.end);
    &items[from..to]
}
