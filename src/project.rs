//! The `.itinera` project file: the articles a user works on and where they came from, their
//! reference dates, the user's corrections, the selected stop and the map view, as versioned
//! JSON.
//!
//! A project keeps the text itself, not only its path: reopening analyses the stored text
//! again (with whatever pipeline this version has), so a project opens the same on another
//! machine and after the source file moved. Files are written atomically
//! ([`write_atomically`]): a crash or a full disk leaves the previous file as it was.
//!
//! ```
//! use itinera::project::{Article, Project};
//! let mut project = Project::default();
//! project.articles.push(Article::from_text("Pasted text", "The envoy reached Vienna."));
//! let json = project.to_json();
//! assert_eq!(Project::from_json(json.as_bytes()), Ok(project));
//! ```

use std::hash::Hasher as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::gazetteer::{Candidate, normalize};
use crate::movement::{Actor, Evidence, Status, Stop, When};
use crate::span::Span;

/// The value of the `format` field: what sort of file this is.
pub const FORMAT: &str = "itinera-project";
/// The newest project file version this build reads. A project is written with the oldest
/// version that holds it ([`Project::required_version`]): 1 while its corrections are all
/// "not a stop" (so an older itinera still opens it), 2 when it holds a place, a date, a
/// traveller, a name or a move, 3 when it holds an added stop, merged actors or a mention that is no place.
pub const VERSION: u32 = 3;
/// The file name extension of project files, without the dot.
pub const EXTENSION: &str = "itinera";

/// Everything a project file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Always [`FORMAT`].
    pub format: String,
    /// The file version: what the file said when read; written as
    /// [`Project::required_version`].
    pub version: u32,
    /// The articles, in the order they were added. The window merges their routes.
    pub articles: Vec<Article>,
    /// The user's corrections, oldest first, including those that no longer apply.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The selected stop, if any.
    #[serde(default)]
    pub selected: Option<Selection>,
    /// Where the map was looking.
    #[serde(default)]
    pub view: Option<MapView>,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: 1,
            articles: Vec::new(),
            corrections: Vec::new(),
            selected: None,
            view: None,
        }
    }
}

/// One article of a project: its text as analysed and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// What the window calls it ("report.html", "Pasted text").
    pub name: String,
    /// The file it was read from, if any (kept for the record; the text below is what is
    /// analysed).
    #[serde(default)]
    pub source: Option<PathBuf>,
    /// The title the source gave.
    #[serde(default)]
    pub title: Option<String>,
    /// The publication date the source gave.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// The date relative times were resolved against.
    #[serde(default)]
    pub reference_date: Option<NaiveDate>,
    /// The web address it was fetched from and when, if it was (older files have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<Fetched>,
    /// The plain text, as the pipeline read it: every span of a correction is a byte range
    /// into it.
    pub text: String,
}

/// Where a fetched article came from: the address the user gave and when it was fetched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fetched {
    /// The address as the user gave it (typed, pasted or held by a dropped link file).
    pub address: String,
    /// When the page was fetched, in UTC.
    pub at: chrono::DateTime<chrono::Utc>,
}

impl Fetched {
    /// `address`, fetched now.
    #[must_use]
    pub fn now(address: &str) -> Self {
        Self {
            address: address.to_owned(),
            at: chrono::Utc::now(),
        }
    }
}

impl Article {
    /// An article of plain text with no source file, title or dates.
    #[must_use]
    pub fn from_text(name: &str, text: &str) -> Self {
        Self {
            name: name.into(),
            source: None,
            title: None,
            published: None,
            reference_date: None,
            fetched: None,
            text: text.into(),
        }
    }

    /// The [`text_hash`] of this article's text.
    #[must_use]
    pub fn hash(&self) -> String {
        text_hash(&self.text)
    }
}

/// What a correction says. Each is tied to a mention (see [`Correction`]): a stop's
/// mention for the kinds about stops, one of an actor's mentions for those about actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionKind {
    /// The stop this mention makes is no stop: remove it from every route.
    NotAStop,
    /// The mention's name names no place here (a person, a team, a ship called after a
    /// town): no mention of that name (by [`crate::gazetteer::normalize`]) is a place, and
    /// every stop only such mentions make goes from every route.
    NotAPlace,
    /// The mention's name means this place: every mention of the same name (by
    /// [`crate::gazetteer::normalize`]) resolves to it, and every stop named by one moves
    /// to it. The place is kept whole, so the correction holds whatever gazetteer reads
    /// the project.
    Place {
        /// The place chosen.
        place: Candidate,
    },
    /// The stop this mention makes happened on this day (at this time, when given); its
    /// route is ordered again by the corrected date.
    Date {
        /// The day.
        date: NaiveDate,
        /// The time of day, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        time: Option<NaiveTime>,
    },
    /// The actor this mention refers to is the traveller: it comes first among the actors.
    Traveller,
    /// The actor this mention refers to is called `name`.
    RenameActor {
        /// The new name, trimmed and never empty.
        name: String,
    },
    /// The stop this mention makes moves `by` places later in its route (earlier when
    /// negative), within the route's ends.
    Move {
        /// How many places later.
        by: i32,
    },
    /// The mention's words name a place the traveller went to that the pipeline kept as no
    /// stop: the traveller (the first actor when the correction applies; one called
    /// "Traveller" when the text has none) gets a stop at `place`, placed in its route
    /// after the stop the text tells last before these words (first when none is told
    /// before them), dated by the first time its sentence gives. The place mentions the
    /// words cover resolve to `place`.
    AddStop {
        /// The place chosen (from the gazetteer).
        place: Candidate,
    },
    /// The actor this mention refers to is the one the words at `into` refer to: the two
    /// become one actor, under the name of `into`'s, where the earlier of the two stood
    /// among the actors, with both routes merged into one (by date where both stops have
    /// one, else by where the text tells them; a place both routes reach one after the
    /// other is one stop).
    MergeActors {
        /// A mention of the actor merged into: a byte range into the text of article
        /// `into_article`.
        into: Span,
        /// The words at `into` when the correction was made.
        into_mention: String,
        /// The article of `into` (index into [`Project::articles`]; written only when it
        /// is not the first, so a project of one article reads as before). A merge of
        /// actors named in two articles applies to the merged route only.
        #[serde(default, skip_serializing_if = "is_zero")]
        into_article: usize,
    },
}

impl CorrectionKind {
    /// The oldest project file version that can hold this kind: 1 for "not a stop", 2
    /// for the others.
    #[must_use]
    pub fn version(&self) -> u32 {
        match self {
            CorrectionKind::NotAStop => 1,
            CorrectionKind::Place { .. }
            | CorrectionKind::Date { .. }
            | CorrectionKind::Traveller
            | CorrectionKind::RenameActor { .. }
            | CorrectionKind::Move { .. } => 2,
            CorrectionKind::NotAPlace
            | CorrectionKind::AddStop { .. }
            | CorrectionKind::MergeActors { .. } => 3,
        }
    }

    /// What it does, in a few words, for the window ("not a stop", "date 2025-06-07").
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            CorrectionKind::NotAStop => "not a stop".into(),
            CorrectionKind::NotAPlace => "not a place".into(),
            CorrectionKind::Place { place } => format!("place {}", place.name),
            CorrectionKind::Date { date, time: None } => format!("date {date}"),
            CorrectionKind::Date {
                date,
                time: Some(time),
            } => format!("date {date} {}", time.format("%H:%M")),
            CorrectionKind::Traveller => "the traveller".into(),
            CorrectionKind::RenameActor { name } => format!("renamed {name}"),
            CorrectionKind::Move { by } if *by < 0 => format!("{} earlier", -by),
            CorrectionKind::Move { by } => format!("{by} later"),
            CorrectionKind::AddStop { place } => format!("added stop {}", place.name),
            CorrectionKind::MergeActors { into_mention, .. } => {
                format!("merged into “{into_mention}”")
            }
        }
    }
}

/// A user's correction, tied to a mention in an article's text rather than to the
/// pipeline's output, so it outlives a re-analysis by another version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// What it says.
    pub kind: CorrectionKind,
    /// Index of the article in [`Project::articles`].
    #[serde(default)]
    pub article: usize,
    /// The mention it concerns: a byte range into the article's text.
    pub span: Span,
    /// The mention's text when the correction was made.
    pub mention: String,
    /// The [`text_hash`] of the article's text when the correction was made.
    pub text_hash: String,
}

impl Correction {
    /// True when the correction still points at its mention in `text`: its span covers
    /// the same words as when it was made.
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        text.get(self.span.start..self.span.end) == Some(self.mention.as_str())
    }

    /// A correction of article 0 tied to the words at `span` of `text`; `None` when the
    /// span is not a range of `text` on character boundaries.
    #[must_use]
    pub fn new(kind: CorrectionKind, text: &str, span: Span) -> Option<Self> {
        let mention = text.get(span.start..span.end)?;
        Some(Self {
            kind,
            article: 0,
            span,
            mention: mention.to_owned(),
            text_hash: text_hash(text),
        })
    }

    /// True when `span` (a stop's or an actor's mention) overlaps this correction's.
    fn overlaps(&self, span: &Span) -> bool {
        span.start < self.span.end && self.span.start < span.end
    }
}

/// Applies the corrections of article `article` to its analysis, in order; returns, for
/// each correction, whether it applied. A correction of another article is skipped (and
/// reported as applied: it is not this analysis's to judge). One whose mention is no longer
/// where it was in the text (the text changed) is not applied and reported as such; it
/// stays in the project.
///
/// A stop or an actor is the correction's when one of its mentions overlaps the
/// correction's span, so a correction still holds when a newer pipeline draws the
/// mention's bounds a little differently. "Not a stop" removes every such stop (and has
/// applied when there is none: there is nothing to remove). The other kinds apply when
/// they find what they change: a place, every place mention and stop of the mention's name;
/// a date, the stop, which then moves in its route to where the date puts it among the
/// dated stops (as near its old place as the dates allow); a traveller, the actor, which
/// comes first; a new name, the actor; a move, the stop, within its route's ends; an added
/// stop, unless the traveller has a stop at those words already; a merge, both actors.
/// Stops keep their `alternatives` pointing at the same stops when the route is reordered.
pub fn apply_corrections(
    analysis: &mut Analysis,
    article: usize,
    corrections: &[Correction],
) -> Vec<bool> {
    corrections
        .iter()
        .map(|c| c.article != article || (c.matches(&analysis.text) && apply_one(analysis, c)))
        .collect()
}

/// Whether a span of `text` is the correction's mention or names the same (by
/// [`normalize`]): what a correction about a name applies to.
fn same_name<'a>(c: &'a Correction, text: &'a str) -> impl Fn(&Span) -> bool + 'a {
    let key = normalize(&c.mention);
    move |m: &Span| {
        c.overlaps(m)
            || text
                .get(m.start..m.end)
                .is_some_and(|t| normalize(t) == key)
    }
}

/// Applies one correction whose mention is where it was; false when it found nothing to
/// change.
fn apply_one(analysis: &mut Analysis, c: &Correction) -> bool {
    let ours = |s: &Stop| s.mentions.iter().any(|m| c.overlaps(m));
    match &c.kind {
        CorrectionKind::NotAStop => {
            for actor in &mut analysis.actors {
                let keep: Vec<bool> = actor.stops.iter().map(|s| !ours(s)).collect();
                let order = (0..keep.len()).filter(|&i| keep[i]).collect::<Vec<_>>();
                reorder(&mut actor.stops, &order);
            }
            true
        }
        CorrectionKind::NotAPlace => {
            let named = same_name(c, &analysis.text);
            let before = analysis.places.len();
            analysis.places.retain(|p| !named(&p.span));
            let mut found = analysis.places.len() != before;
            for actor in &mut analysis.actors {
                for stops in [&mut actor.stops, &mut actor.denied] {
                    for stop in stops.iter_mut() {
                        stop.mentions.retain(|m| !named(m));
                    }
                    let keep: Vec<usize> = (0..stops.len())
                        .filter(|&i| !stops[i].mentions.is_empty())
                        .collect();
                    if keep.len() != stops.len() {
                        found = true;
                        reorder(stops, &keep);
                    }
                }
            }
            found
        }
        CorrectionKind::Place { place } => {
            let named = same_name(c, &analysis.text);
            let mut found = false;
            let shared = std::sync::Arc::new(place.clone());
            for mention in &mut analysis.places {
                if named(&mention.span) {
                    mention.resolved = Some(std::sync::Arc::clone(&shared));
                    mention.city = None;
                    found = true;
                }
            }
            for actor in &mut analysis.actors {
                for stop in actor.stops.iter_mut().chain(&mut actor.denied) {
                    if stop.mentions.iter().any(&named) {
                        stop.place = place.clone();
                        stop.approximate = false;
                        found = true;
                    }
                }
            }
            found
        }
        CorrectionKind::Date { date, time } => {
            let at = time.map_or_else(|| date.and_time(NaiveTime::MIN), |t| date.and_time(t));
            let when = When {
                value: time.map_or_else(
                    || date.format("%Y-%m-%d").to_string(),
                    |t| format!("{}T{}", date.format("%Y-%m-%d"), t.format("%H:%M")),
                ),
                earliest: Some(at),
                latest: Some(if time.is_some() {
                    at
                } else {
                    date.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
                }),
                span: c.span,
            };
            let mut found = false;
            for actor in &mut analysis.actors {
                let Some(from) = actor.stops.iter().position(ours) else {
                    continue;
                };
                found = true;
                actor.stops[from].when = Some(when.clone());
                let to = dated_place(&actor.stops, from, at);
                move_stop(&mut actor.stops, from, to);
            }
            found
        }
        CorrectionKind::Traveller => {
            let Some(i) = analysis
                .actors
                .iter()
                .position(|a| a.mentions.iter().any(|m| c.overlaps(m)))
            else {
                return false;
            };
            analysis.actors[..=i].rotate_right(1);
            true
        }
        CorrectionKind::RenameActor { name } => {
            let mut found = false;
            for actor in &mut analysis.actors {
                if actor.mentions.iter().any(|m| c.overlaps(m)) {
                    actor.name.clone_from(name);
                    found = true;
                }
            }
            found
        }
        CorrectionKind::Move { by } => {
            let mut found = false;
            for actor in &mut analysis.actors {
                let Some(from) = actor.stops.iter().position(ours) else {
                    continue;
                };
                found = true;
                let last = actor.stops.len() - 1;
                let to = i64::try_from(from)
                    .unwrap_or(i64::MAX)
                    .saturating_add(i64::from(*by))
                    .clamp(0, i64::try_from(last).unwrap_or(i64::MAX));
                move_stop(&mut actor.stops, from, usize::try_from(to).unwrap_or(last));
            }
            found
        }
        CorrectionKind::AddStop { place } => add_stop(analysis, c.span, place),
        CorrectionKind::MergeActors {
            into,
            into_mention,
            into_article,
        } => {
            // both mentions must be in the text at hand: merged routes are shifted into
            // one text (and article) before this applies
            *into_article == c.article
                && analysis.text.get(into.start..into.end) == Some(into_mention.as_str())
                && merge_actors(analysis, c.span, *into)
        }
    }
}

/// True when `a` and `b` share a byte.
fn spans_overlap(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Gives the traveller a stop at `place` for the words at `span` ([`CorrectionKind::AddStop`]);
/// false when it already has a stop there.
fn add_stop(analysis: &mut Analysis, span: Span, place: &Candidate) -> bool {
    if analysis.actors.first().is_some_and(|a| {
        a.stops
            .iter()
            .any(|s| s.mentions.iter().any(|m| spans_overlap(m, &span)))
    }) {
        return false;
    }
    for mention in &mut analysis.places {
        if spans_overlap(&mention.span, &span) {
            mention.resolved = Some(std::sync::Arc::new(place.clone()));
            mention.city = None;
        }
    }
    let sentence = analysis
        .sentences
        .iter()
        .find(|s| s.start <= span.start && span.end <= s.end)
        .copied()
        .unwrap_or(span);
    let when = analysis
        .times
        .iter()
        .find(|t| {
            sentence.start <= t.span.start && t.span.end <= sentence.end && t.earliest.is_some()
        })
        .map(|t| When {
            value: t.value.clone(),
            earliest: t.earliest,
            latest: t.latest,
            span: t.span,
        });
    let quote = analysis
        .text
        .get(sentence.start..sentence.end)
        .unwrap_or_default()
        .to_owned();
    let stop = Stop {
        place: place.clone(),
        mentions: vec![span],
        when,
        status: Status::Confirmed,
        sources: Vec::new(),
        evidence: vec![Evidence {
            span: sentence,
            quote,
        }],
        alternatives: Vec::new(),
        approximate: false,
    };
    if analysis.actors.is_empty() {
        analysis.actors.push(Actor {
            name: "Traveller".into(),
            ..Actor::default()
        });
    }
    let stops = &mut analysis.actors[0].stops;
    // after the stop told last before these words
    let to = stops
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let first = s.mentions.iter().map(|m| m.start).min()?;
            (first < span.start).then_some((first, i))
        })
        .max()
        .map_or(0, |(_, i)| i + 1);
    stops.push(stop);
    let from = stops.len() - 1;
    move_stop(stops, from, to);
    true
}

/// Merges the actor with a mention at `from` into the one with a mention at `into`
/// ([`CorrectionKind::MergeActors`]); false when either is missing or they are one.
fn merge_actors(analysis: &mut Analysis, from: Span, into: Span) -> bool {
    let named = |a: &Actor, span: &Span| a.mentions.iter().any(|m| spans_overlap(m, span));
    let Some(source) = analysis.actors.iter().position(|a| named(a, &from)) else {
        return false;
    };
    let Some(target) = analysis.actors.iter().position(|a| named(a, &into)) else {
        return false;
    };
    if source == target {
        return false;
    }
    let merged = analysis.actors.remove(source);
    let target = if target > source { target - 1 } else { target };
    let actor = &mut analysis.actors[target];
    merge_routes(&mut actor.stops, merged.stops);
    actor.denied.extend(merged.denied);
    for mention in merged.mentions {
        if !actor.mentions.contains(&mention) {
            actor.mentions.push(mention);
        }
    }
    // where the earlier of the two stood: merging the traveller keeps a traveller first
    if source < target {
        analysis.actors[source..=target].rotate_right(1);
    }
    true
}

/// Merges `other` into the route `stops`, each route keeping its own order: of the two
/// next stops, the earlier by date when both are dated (on different days or times), else
/// the one the text tells first. Two stops in a row at one place become one (the first,
/// with both's mentions). Alternatives keep pointing at the same stops.
fn merge_routes(stops: &mut Vec<Stop>, other: Vec<Stop>) {
    let date = |s: &Stop| s.when.as_ref().and_then(|w| w.earliest);
    let told = |s: &Stop| {
        s.mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX)
    };
    let first_first = |a: &Stop, b: &Stop| match (date(a), date(b)) {
        (Some(x), Some(y)) if x != y => x < y,
        _ => told(a) <= told(b),
    };
    let n = stops.len();
    stops.extend(other.into_iter().map(|mut s| {
        for a in &mut s.alternatives {
            *a += n;
        }
        s
    }));
    let (mut i, mut j) = (0, n);
    let mut order = Vec::with_capacity(stops.len());
    while i < n || j < stops.len() {
        if j >= stops.len() || (i < n && first_first(&stops[i], &stops[j])) {
            order.push(i);
            i += 1;
        } else {
            order.push(j);
            j += 1;
        }
    }
    let mut kept: Vec<usize> = Vec::with_capacity(order.len());
    for k in order {
        if let Some(&last) = kept.last()
            && stops[last].place.id == stops[k].place.id
        {
            let mentions = stops[k].mentions.clone();
            stops[last].mentions.extend(mentions);
            continue;
        }
        kept.push(k);
    }
    reorder(stops, &kept);
}

/// Where the stop at `from`, now dated `at`, goes in its route: as near its old place as
/// lies after every other stop dated no later and before the first one dated later that
/// follows them. Undated stops do not move it.
fn dated_place(stops: &[Stop], from: usize, at: chrono::NaiveDateTime) -> usize {
    let others: Vec<Option<chrono::NaiveDateTime>> = stops
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .map(|(_, s)| s.when.as_ref().and_then(|w| w.earliest))
        .collect();
    let low = others
        .iter()
        .rposition(|d| d.is_some_and(|d| d <= at))
        .map_or(0, |i| i + 1);
    let high = others[low..]
        .iter()
        .position(|d| d.is_some_and(|d| d > at))
        .map_or(others.len(), |i| low + i);
    from.clamp(low, high)
}

/// Moves the stop at `from` to index `to` of the route (as `remove` then `insert` would).
fn move_stop(stops: &mut Vec<Stop>, from: usize, to: usize) {
    let mut order: Vec<usize> = (0..stops.len()).filter(|&i| i != from).collect();
    order.insert(to.min(order.len()), from);
    reorder(stops, &order);
}

/// Rebuilds `stops` as `stops[order[0]], stops[order[1]], …` (a stop left out of `order`
/// is dropped), keeping every stop's `alternatives` pointing at the same stops.
fn reorder(stops: &mut Vec<Stop>, order: &[usize]) {
    let mut new_index = vec![None; stops.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_index.get_mut(old) {
            *slot = Some(new);
        }
    }
    let mut old: Vec<Option<Stop>> = std::mem::take(stops).into_iter().map(Some).collect();
    *stops = order
        .iter()
        .filter_map(|&i| old.get_mut(i).and_then(Option::take))
        .collect();
    for stop in stops.iter_mut() {
        stop.alternatives = stop
            .alternatives
            .iter()
            .filter_map(|&a| new_index.get(a).copied().flatten())
            .collect();
    }
}

/// Reads a stop's date as the user types it: `YYYY-MM-DD`, optionally followed by a time
/// of day, `HH:MM` (after a space or a `T`).
///
/// # Errors
///
/// What is wrong with the input, in plain words, for the window to show.
pub fn parse_stop_date(input: &str) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("Type a date as YYYY-MM-DD, for example 2025-06-07".into());
    }
    let (day, clock) = match input.split_once([' ', 'T']) {
        Some((day, clock)) => (day, Some(clock.trim())),
        None => (input, None),
    };
    let well_formed = day.len() == 10
        && day.char_indices().all(|(i, ch)| {
            if i == 4 || i == 7 {
                ch == '-'
            } else {
                ch.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!(
            "“{input}” is not a date: type it as YYYY-MM-DD, for example 2025-06-07"
        ));
    }
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| format!("{day} is no day of the calendar"))?;
    let time = match clock {
        None => None,
        Some(clock) => Some(NaiveTime::parse_from_str(clock, "%H:%M").map_err(|_| {
            format!("“{clock}” is not a time of day: type it as HH:MM, for example 14:30")
        })?),
    };
    Ok((date, time))
}

/// Reads an article's reference date as the user types it: `YYYY-MM-DD`, a day without a
/// time.
///
/// # Errors
///
/// What is wrong with the input, in plain words, for the window to show.
pub fn parse_reference_date(input: &str) -> Result<NaiveDate, String> {
    match parse_stop_date(input)? {
        (date, None) => Ok(date),
        (_, Some(_)) => Err(format!(
            "“{}” is not a day: the article's date is a day alone, YYYY-MM-DD",
            input.trim()
        )),
    }
}

/// The selected stop: the actor and stop indices at the time of saving, and the stop's
/// first mention, which finds it again when a re-analysis numbers stops differently.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Index of the actor.
    pub actor: usize,
    /// Index of the stop in the actor's route.
    pub stop: usize,
    /// The stop's first mention: a byte range into the text of article
    /// [`Selection::article`].
    #[serde(default)]
    pub mention: Option<Span>,
    /// The article of the mention (index into [`Project::articles`]; written only when it
    /// is not the first, so a project of one article reads as before).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub article: usize,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if"
)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The map's centre and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Latitude of the centre, degrees.
    pub lat: f64,
    /// Longitude of the centre, degrees.
    pub lon: f64,
    /// The web-map zoom level (0 shows the world in one tile).
    pub zoom: f64,
}

/// Why a project could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read.
    #[error("could not read the project: {source} ({path})")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not an itinera project, or it is damaged.
    #[error("{reason} ({path})")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, in plain words.
        reason: ParseError,
    },
    /// The file could not be written; the previous file, if any, is unchanged.
    #[error("could not save: {source}; the previous file is unchanged ({path})")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// What is wrong with the bytes of a project file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not JSON, or JSON without the `format` field of a project.
    #[error("this is not an itinera project file")]
    NotAProject,
    /// A newer itinera wrote it; this build leaves it alone rather than guess.
    #[error(
        "this project was saved by a newer itinera (file version {found}; this version reads up to {VERSION}). Open it with a newer itinera; the file was not changed"
    )]
    Newer {
        /// The version the file says.
        found: u64,
    },
    /// A project file whose content is broken (cut short, edited by hand…).
    #[error("the project file is damaged ({detail}); it was not changed")]
    Damaged {
        /// The parser's words.
        detail: String,
    },
}

/// Just the fields that say what a file is, read before the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl Project {
    /// A project of one article.
    #[must_use]
    pub fn with_article(article: Article) -> Self {
        Self {
            articles: vec![article],
            ..Self::default()
        }
    }

    /// The oldest file version that holds this project: 1, or 2 when a correction is of a
    /// kind version 1 lacks (an older itinera then refuses the file rather than drop it).
    #[must_use]
    pub fn required_version(&self) -> u32 {
        self.corrections
            .iter()
            .map(|c| c.kind.version())
            .fold(1, u32::max)
    }

    /// The project as the JSON text of a file (pretty-printed, so it diffs and reads),
    /// with the version [`Project::required_version`] says.
    #[must_use]
    pub fn to_json(&self) -> String {
        let written;
        let project = if self.version == self.required_version() {
            self
        } else {
            written = Self {
                version: self.required_version(),
                ..self.clone()
            };
            &written
        };
        // A struct of strings, numbers and options always serialises.
        let mut json = serde_json::to_string_pretty(project).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a project from the bytes of a file. A file of another format, of a newer
    /// version, or damaged is refused with the reason.
    pub fn from_json(bytes: &[u8]) -> Result<Self, ParseError> {
        let damaged = |e: serde_json::Error| ParseError::Damaged {
            detail: e.to_string(),
        };
        let header: Header = match serde_json::from_slice(bytes) {
            Ok(header) => header,
            // Not even an object: a project cut short, or another kind of file.
            Err(e) if e.is_eof() && looks_like_a_project(bytes) => return Err(damaged(e)),
            Err(_) => return Err(ParseError::NotAProject),
        };
        if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(ParseError::NotAProject);
        }
        let Some(version) = header.version.as_ref().and_then(serde_json::Value::as_u64) else {
            return Err(ParseError::Damaged {
                detail: "no version number".into(),
            });
        };
        if version > u64::from(VERSION) {
            return Err(ParseError::Newer { found: version });
        }
        let project: Project = serde_json::from_slice(bytes).map_err(damaged)?;
        if project.articles.is_empty() {
            return Err(ParseError::Damaged {
                detail: "it holds no article".into(),
            });
        }
        Ok(project)
    }

    /// Reads the project file at `path`.
    pub fn load(path: &Path) -> Result<Self, ProjectError> {
        let bytes = std::fs::read(path).map_err(|source| ProjectError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json(&bytes).map_err(|reason| ProjectError::Invalid {
            path: path.to_owned(),
            reason,
        })
    }

    /// Writes the project to `path` atomically: the file is either the previous one or
    /// this one, whatever happens during the write.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        let json = self.to_json();
        write_atomically(path, |out| out.write_all(json.as_bytes())).map_err(|source| {
            ProjectError::Write {
                path: path.to_owned(),
                source,
            }
        })
    }
}

/// True when a cut-short file began as a project does, so the reader is told it is damaged
/// rather than of another kind.
fn looks_like_a_project(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    String::from_utf8_lossy(head).contains(FORMAT)
}

/// A fingerprint of an article's text, as 16 hexadecimal digits: the crate's word
/// hasher over the UTF-8 bytes and the length. Stored in project files, so it must never
/// change (a test pins it).
#[must_use]
pub fn text_hash(text: &str) -> String {
    let mut hasher = crate::hash::WordHasher::default();
    hasher.write(text.as_bytes());
    hasher.write_usize(text.len());
    format!("{:016x}", hasher.finish())
}

/// Writes a file atomically: `write` fills a new temporary file in the same directory,
/// which is flushed to disk and then renamed over `path`. If anything fails — `write`
/// itself, the disk, the rename — the temporary file is removed and `path` is left as it
/// was; a crash at any moment leaves either the old file or the new one, never a mix.
/// An existing file's permissions are kept.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt as _;
        // as a plain new file would be (the umask applies), not tempfile's private 0600
        std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o666),
            |m| m.permissions(),
        )
    };
    #[cfg(unix)]
    builder.permissions(permissions);
    let mut tmp = builder.tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself reaches the disk when the directory does. It has happened by now,
    // so a failure here is no failure to save: the file is in place.
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fetched_article_keeps_its_address_and_time_and_older_files_have_none() {
        let mut project = Project::default();
        let mut article = Article::from_text("https://example.org/envoy", "The envoy left Vienna.");
        article.fetched = Some(Fetched {
            address: "https://example.org/envoy".into(),
            at: "2026-12-07T18:30:00Z".parse().unwrap(),
        });
        project.articles.push(article);
        let json = project.to_json();
        assert!(
            json.contains("\"address\": \"https://example.org/envoy\""),
            "{json}"
        );
        assert!(json.contains("2026-12-07T18:30:00Z"), "{json}");
        assert_eq!(Project::from_json(json.as_bytes()), Ok(project));
        // a file without the field reads as never fetched, and writes none
        let old = Project::from_json(
            br#"{"format": "itinera-project", "version": 1, "articles": [{"name": "a", "text": "x"}]}"#,
        )
        .unwrap();
        assert_eq!(old.articles[0].fetched, None);
        assert!(!old.to_json().contains("fetched"));
    }

    fn sample() -> Project {
        let text = "The envoy left Vienna on June 4. She reached Budapest.";
        let start = text.find("Budapest").unwrap();
        Project {
            articles: vec![Article {
                name: "envoy.txt".into(),
                source: Some("/home/ana/envoy.txt".into()),
                title: Some("Envoy on the Danube".into()),
                published: NaiveDate::from_ymd_opt(2025, 6, 9),
                reference_date: NaiveDate::from_ymd_opt(2025, 6, 9),
                fetched: None,
                text: text.into(),
            }],
            corrections: vec![Correction {
                kind: CorrectionKind::NotAStop,
                article: 0,
                span: Span::new(start, start + "Budapest".len()),
                mention: "Budapest".into(),
                text_hash: text_hash(text),
            }],
            selected: Some(Selection {
                actor: 0,
                stop: 1,
                mention: Some(Span::new(15, 21)),
                article: 0,
            }),
            view: Some(MapView {
                lat: 47.123_456_789,
                lon: 19.0,
                zoom: 6.25,
            }),
            ..Project::default()
        }
    }

    #[test]
    fn a_saved_project_loads_equal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        let project = sample();
        project.save(&path).unwrap();
        assert_eq!(Project::load(&path).unwrap(), project);
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(json["format"], FORMAT);
        assert_eq!(json["version"], 1);
        // nothing but the project is left in the directory
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_save_that_fails_half_way_leaves_the_previous_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        sample().save(&path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let mut changed = sample();
        changed.corrections.clear();
        let json = changed.to_json();
        let result = write_atomically(&path, |out| {
            out.write_all(&json.as_bytes()[..json.len() / 2])?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_saved_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        sample().save(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        sample().save(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    fn check(bytes: &str, expect: &ParseError) {
        assert_eq!(
            Project::from_json(bytes.as_bytes()).as_ref(),
            Err(expect),
            "{bytes}"
        );
    }

    #[test]
    fn files_that_are_not_projects_or_are_damaged_are_refused_with_the_reason() {
        let full = sample().to_json();
        let damaged = |detail: &str| ParseError::Damaged {
            detail: detail.into(),
        };
        check("", &ParseError::NotAProject);
        check("The envoy left Vienna.", &ParseError::NotAProject);
        check(
            "{\"type\": \"FeatureCollection\"}",
            &ParseError::NotAProject,
        );
        check(
            "{\"format\": \"itinera-project\"}",
            &damaged("no version number"),
        );
        check(
            "{\"format\": \"itinera-project\", \"version\": 1, \"articles\": []}",
            &damaged("it holds no article"),
        );
        let wrong_type =
            "{\"format\": \"itinera-project\", \"version\": 1, \"articles\": [{\"name\": 3}]}";
        let Err(ParseError::Damaged { detail }) = Project::from_json(wrong_type.as_bytes()) else {
            panic!("a name that is a number is damage");
        };
        assert!(detail.starts_with("invalid type: integer `3`"), "{detail}");
        let cut = &full[..full.len() / 2];
        let Err(ParseError::Damaged { detail }) = Project::from_json(cut.as_bytes()) else {
            panic!("a file cut in half is damaged");
        };
        assert!(detail.contains("EOF"), "{detail}");
    }

    #[test]
    fn a_selection_names_its_article_only_when_it_is_not_the_first() {
        let table = [
            (0, r#"{"actor":1,"stop":2,"mention":null}"#),
            (1, r#"{"actor":1,"stop":2,"mention":null,"article":1}"#),
        ];
        for (article, json) in table {
            let selection = Selection {
                actor: 1,
                stop: 2,
                mention: None,
                article,
            };
            assert_eq!(serde_json::to_string(&selection).unwrap(), json);
            assert_eq!(serde_json::from_str::<Selection>(json).unwrap(), selection);
        }
    }

    #[test]
    fn a_newer_project_is_refused_and_says_so() {
        let newer = sample()
            .to_json()
            .replacen("\"version\": 1", "\"version\": 4", 1);
        let err = Project::from_json(newer.as_bytes()).unwrap_err();
        assert_eq!(err, ParseError::Newer { found: 4 });
        assert_eq!(
            err.to_string(),
            "this project was saved by a newer itinera (file version 4; this version reads \
             up to 3). Open it with a newer itinera; the file was not changed"
        );
    }

    #[test]
    fn a_refused_file_names_itself_last() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.itinera");
        std::fs::write(&path, "{\"format\": \"itinera-project\", \"version\": 9}").unwrap();
        let err = Project::load(&path).unwrap_err().to_string();
        assert!(err.starts_with("this project was saved by a newer itinera"));
        assert!(err.ends_with(&format!("({})", path.display())), "{err}");
        let missing = Project::load(&dir.path().join("nope.itinera")).unwrap_err();
        assert!(matches!(missing, ProjectError::Read { .. }));
    }

    #[test]
    fn the_text_hash_never_changes() {
        // Project files store it: a change here would orphan every saved correction.
        assert_eq!(text_hash(""), "0000000000000000");
        assert_eq!(
            text_hash("The envoy left Vienna."),
            text_hash("The envoy left Vienna.")
        );
        assert_ne!(
            text_hash("The envoy left Vienna."),
            text_hash("The envoy left Vienna!")
        );
        assert_eq!(text_hash("The envoy left Vienna."), "99eb254f5bce048e");
    }

    /// A correction marking the stop at `name`'s first mention in `text` as no stop.
    fn not_a_stop(text: &str, name: &str) -> Correction {
        let start = text.find(name).unwrap();
        Correction {
            kind: CorrectionKind::NotAStop,
            article: 0,
            span: Span::new(start, start + name.len()),
            mention: name.into(),
            text_hash: text_hash(text),
        }
    }

    fn stop_names(analysis: &crate::analysis::Analysis) -> Vec<String> {
        analysis.actors[0]
            .stops
            .iter()
            .map(|s| s.place.name.clone())
            .collect()
    }

    #[test]
    fn not_a_stop_holds_when_the_text_is_analysed_again() {
        use crate::{Document, Gazetteer, Options, analyze};
        let text = "The envoy arrived in Vienna on June 4, 2025. On June 6 she travelled \
                    to Budapest, and on June 8 she flew to Belgrade.";
        let run = |text: &str| {
            analyze(
                &Document::from_text(text),
                Gazetteer::embedded(),
                &Options::default(),
            )
        };
        let mut first = run(text);
        assert_eq!(stop_names(&first), ["Vienna", "Budapest", "Belgrade"]);
        let corrections = [not_a_stop(text, "Budapest")];
        assert_eq!(apply_corrections(&mut first, 0, &corrections), [true]);
        assert_eq!(stop_names(&first), ["Vienna", "Belgrade"]);
        // a fresh analysis of the stored text (as a reopened project, or a newer version)
        let mut again = run(text);
        assert_eq!(apply_corrections(&mut again, 0, &corrections), [true]);
        assert_eq!(again, first);
        // the text changed under the correction: kept, not applied, nothing removed
        let edited = text.replace("The envoy", "Yesterday the envoy");
        let mut other = run(&edited);
        assert_eq!(apply_corrections(&mut other, 0, &corrections), [false]);
        assert_eq!(stop_names(&other), ["Vienna", "Budapest", "Belgrade"]);
        // another article's correction is none of this one's business
        let elsewhere = Correction {
            article: 1,
            ..corrections[0].clone()
        };
        let mut untouched = run(text);
        assert_eq!(apply_corrections(&mut untouched, 0, &[elsewhere]), [true]);
        assert_eq!(stop_names(&untouched).len(), 3);
    }

    #[test]
    fn a_correction_matches_its_mention_only() {
        let project = sample();
        let correction = &project.corrections[0];
        let text = &project.articles[0].text;
        assert!(correction.matches(text));
        let edited = text.replace("She reached", "Then she reached");
        assert!(
            !correction.matches(&edited),
            "the span moved off the mention"
        );
        let same_length = text.replace("Budapest", "Bucharest");
        assert!(!correction.matches(&same_length));
        assert!(!correction.matches(""));
    }

    /// A hand-made analysis: the envoy goes Vienna (June 4), Budapest (June 6), Belgrade
    /// (June 8), Budapest and Belgrade reported by two sources as alternatives; her deputy
    /// stays in Budapest (its second mention); Atlantis is named but found nowhere.
    fn envoy() -> Analysis {
        use crate::gazetteer::PlaceKind;
        use crate::geo::LatLon;
        use crate::geoparse::PlaceMention;
        use crate::movement::{Actor, Status};
        let text = "The envoy left Vienna on June 4. She reached Budapest on June 6 and \
                    Belgrade on June 8. Her deputy stayed in Budapest. Atlantis waited.";
        let span = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).unwrap().0;
            Span::new(start, start + word.len())
        };
        let place = |name: &str, lat: f64, lon: f64| Candidate {
            id: format!("test:{name}"),
            name: name.into(),
            latlon: LatLon::new(lat, lon),
            kind: PlaceKind::PopulatedPlace,
            feature_code: "PPLC".into(),
            country: None,
            admin1: None,
            population: 1_000_000,
            importance: 0.9,
        };
        let stop = |name: &str, lat, lon, nth, day: Option<u32>| Stop {
            place: place(name, lat, lon),
            mentions: vec![span(name, nth)],
            when: day.map(|d| {
                let date = NaiveDate::from_ymd_opt(2025, 6, d).unwrap();
                When {
                    value: date.to_string(),
                    earliest: Some(date.and_time(NaiveTime::MIN)),
                    latest: date.and_hms_opt(23, 59, 59),
                    span: span(&format!("June {d}"), 0),
                }
            }),
            status: Status::Confirmed,
            sources: Vec::new(),
            evidence: Vec::new(),
            alternatives: Vec::new(),
            approximate: false,
        };
        let mut route = vec![
            stop("Vienna", 48.2, 16.4, 0, Some(4)),
            stop("Budapest", 47.5, 19.0, 0, Some(6)),
            stop("Belgrade", 44.8, 20.4, 0, Some(8)),
        ];
        route[1].alternatives = vec![2];
        route[2].alternatives = vec![1];
        let mention = |name: &str, nth, lat, lon| PlaceMention {
            span: span(name, nth),
            mention: name.into(),
            resolved: Some(std::sync::Arc::new(place(name, lat, lon))),
            confidence: 0.9,
            adjectival: false,
            street: false,
            city: None,
        };
        Analysis {
            title: None,
            published: None,
            reference_date: None,
            text: text.into(),
            sentences: Vec::new(),
            places: vec![
                mention("Vienna", 0, 48.2, 16.4),
                mention("Budapest", 0, 47.5, 19.0),
                mention("Belgrade", 0, 44.8, 20.4),
                mention("Budapest", 1, 47.5, 19.0),
                PlaceMention {
                    resolved: None,
                    ..mention("Atlantis", 0, 0.0, 0.0)
                },
            ],
            times: Vec::new(),
            actors: vec![
                Actor {
                    name: "Envoy".into(),
                    mentions: vec![span("envoy", 0)],
                    stops: route,
                    ..Actor::default()
                },
                Actor {
                    name: "Deputy".into(),
                    mentions: vec![span("deputy", 0)],
                    stops: vec![stop("Budapest", 47.5, 19.0, 1, None)],
                    ..Actor::default()
                },
            ],
            diagnostics: Vec::new(),
            explanation: None,
        }
    }

    /// Each route as "Actor: Place lat date, …", with the alternatives of a stop as the
    /// names they point at, and the place mentions' latitudes.
    fn describe(analysis: &Analysis) -> String {
        let mut out: Vec<String> = analysis
            .actors
            .iter()
            .map(|a| {
                let stops: Vec<String> = a
                    .stops
                    .iter()
                    .map(|s| {
                        let date = s.when.as_ref().map_or("-", |w| w.value.as_str());
                        let alternatives: String = s
                            .alternatives
                            .iter()
                            .flat_map(|&i| [" ~", a.stops[i].place.name.as_str()])
                            .collect();
                        format!(
                            "{} {:.1} {date}{alternatives}",
                            s.place.name, s.place.latlon.lat
                        )
                    })
                    .collect();
                format!("{}: {}", a.name, stops.join(", "))
            })
            .collect();
        let places: Vec<String> = analysis
            .places
            .iter()
            .map(|p| {
                p.resolved
                    .as_ref()
                    .map_or("?".into(), |c| format!("{:.1}", c.latlon.lat))
            })
            .collect();
        out.push(format!("places {}", places.join(" ")));
        out.join(" | ")
    }

    /// A correction of the words `word` (their `nth` occurrence) in the envoy's text.
    fn at(kind: CorrectionKind, word: &str, nth: usize) -> Correction {
        let text = envoy().text;
        let start = text.match_indices(word).nth(nth).unwrap().0;
        Correction::new(kind, &text, Span::new(start, start + word.len())).unwrap()
    }

    fn add(place: &CorrectionKind) -> CorrectionKind {
        let CorrectionKind::Place { place } = place else {
            panic!("a place")
        };
        CorrectionKind::AddStop {
            place: place.clone(),
        }
    }

    /// A merge into the actor named by the first occurrence of `word` in the envoy's text.
    fn merge(word: &str) -> CorrectionKind {
        let text = envoy().text;
        let start = text.find(word).unwrap();
        CorrectionKind::MergeActors {
            into: Span::new(start, start + word.len()),
            into_mention: word.into(),
            into_article: 0,
        }
    }

    fn date(day: u32, time: Option<&str>) -> CorrectionKind {
        CorrectionKind::Date {
            date: NaiveDate::from_ymd_opt(2025, 6, day).unwrap(),
            time: time.map(|t| NaiveTime::parse_from_str(t, "%H:%M").unwrap()),
        }
    }

    #[test]
    fn each_kind_of_correction_changes_the_analysis_as_it_says() {
        let plain = "Envoy: Vienna 48.2 2025-06-04, Budapest 47.5 2025-06-06 ~Belgrade, \
                     Belgrade 44.8 2025-06-08 ~Budapest | Deputy: Budapest 47.5 - \
                     | places 48.2 47.5 44.8 47.5 ?";
        assert_eq!(describe(&envoy()), plain);
        let georgia = CorrectionKind::Place {
            place: Candidate {
                id: "geonames:4185379".into(),
                latlon: crate::geo::LatLon::new(33.9, -84.4),
                ..envoy().actors[0].stops[1].place.clone()
            },
        };
        let table: Vec<(Vec<Correction>, Vec<bool>, String)> = vec![
            (
                vec![at(CorrectionKind::NotAStop, "Budapest", 0)],
                vec![true],
                // the alternatives of the stop left point at nothing
                plain
                    .replace("Budapest 47.5 2025-06-06 ~Belgrade, ", "")
                    .replace(" ~Budapest", ""),
            ),
            (
                // no mention of the name is a place: both stops it made go, the deputy's
                // too, and the alternatives left point at nothing
                vec![at(CorrectionKind::NotAPlace, "Budapest", 1)],
                vec![true],
                plain
                    .replace("Budapest 47.5 2025-06-06 ~Belgrade, ", "")
                    .replace(" ~Budapest", "")
                    .replace("Deputy: Budapest 47.5 -", "Deputy: ")
                    .replace("places 48.2 47.5 44.8 47.5 ?", "places 48.2 44.8 ?"),
            ),
            (
                // a name that makes no stop: only its mentions go
                vec![at(CorrectionKind::NotAPlace, "Atlantis", 0)],
                vec![true],
                plain.replace(" ?", ""),
            ),
            (
                // every mention of the name, the deputy's stop too
                vec![at(georgia.clone(), "Budapest", 0)],
                vec![true],
                "Envoy: Vienna 48.2 2025-06-04, Budapest 33.9 2025-06-06 ~Belgrade, \
                 Belgrade 44.8 2025-06-08 ~Budapest | Deputy: Budapest 33.9 - \
                 | places 48.2 33.9 44.8 33.9 ?"
                    .into(),
            ),
            (
                // a place for a name the gazetteer lacked
                vec![at(georgia.clone(), "Atlantis", 0)],
                vec![true],
                plain.replace(" ?", " 33.9"),
            ),
            (
                // Belgrade on June 5 goes before Budapest; the alternatives follow
                vec![at(date(5, None), "Belgrade", 0)],
                vec![true],
                plain.replace(
                    "Budapest 47.5 2025-06-06 ~Belgrade, Belgrade 44.8 2025-06-08 ~Budapest",
                    "Belgrade 44.8 2025-06-05 ~Budapest, Budapest 47.5 2025-06-06 ~Belgrade",
                ),
            ),
            (
                // Vienna at noon on June 9 goes last
                vec![at(date(9, Some("12:00")), "Vienna", 0)],
                vec![true],
                "Envoy: Budapest 47.5 2025-06-06 ~Belgrade, Belgrade 44.8 2025-06-08 \
                 ~Budapest, Vienna 48.2 2025-06-09T12:00 | Deputy: Budapest 47.5 - \
                 | places 48.2 47.5 44.8 47.5 ?"
                    .into(),
            ),
            (
                // a date that keeps the order changes only the date
                vec![at(date(7, None), "Budapest", 0)],
                vec![true],
                plain.replace("47.5 2025-06-06", "47.5 2025-06-07"),
            ),
            (
                vec![at(CorrectionKind::Traveller, "deputy", 0)],
                vec![true],
                "Deputy: Budapest 47.5 - | Envoy: Vienna 48.2 2025-06-04, Budapest 47.5 \
                 2025-06-06 ~Belgrade, Belgrade 44.8 2025-06-08 ~Budapest \
                 | places 48.2 47.5 44.8 47.5 ?"
                    .into(),
            ),
            (
                vec![at(
                    CorrectionKind::RenameActor {
                        name: "Ana Ortiz".into(),
                    },
                    "envoy",
                    0,
                )],
                vec![true],
                plain.replace("Envoy:", "Ana Ortiz:"),
            ),
            (
                vec![at(CorrectionKind::Move { by: -1 }, "Belgrade", 0)],
                vec![true],
                plain.replace(
                    "Budapest 47.5 2025-06-06 ~Belgrade, Belgrade 44.8 2025-06-08 ~Budapest",
                    "Belgrade 44.8 2025-06-08 ~Budapest, Budapest 47.5 2025-06-06 ~Belgrade",
                ),
            ),
            (
                // a move past the route's ends stops there
                vec![at(CorrectionKind::Move { by: 7 }, "Vienna", 0)],
                vec![true],
                "Envoy: Budapest 47.5 2025-06-06 ~Belgrade, Belgrade 44.8 2025-06-08 \
                 ~Budapest, Vienna 48.2 2025-06-04 | Deputy: Budapest 47.5 - \
                 | places 48.2 47.5 44.8 47.5 ?"
                    .into(),
            ),
            (
                // nothing to change: a date or a move for a word that is no stop, a
                // traveller that is no actor
                vec![
                    at(date(5, None), "Atlantis", 0),
                    at(CorrectionKind::Move { by: 1 }, "Atlantis", 0),
                    at(CorrectionKind::Traveller, "Atlantis", 0),
                    at(
                        CorrectionKind::RenameActor { name: "X".into() },
                        "Atlantis",
                        0,
                    ),
                    // the words merged into are no longer where they were
                    at(
                        CorrectionKind::MergeActors {
                            into: Span::new(4, 9),
                            into_mention: "Envoy".into(),
                            into_article: 0,
                        },
                        "deputy",
                        0,
                    ),
                ],
                vec![false, false, false, false, false],
                plain.into(),
            ),
            (
                // a stop added at words told after Vienna's and before Budapest's
                vec![at(add(&georgia), "reached", 0)],
                vec![true],
                plain.replace(
                    "Vienna 48.2 2025-06-04, Budapest",
                    "Vienna 48.2 2025-06-04, Budapest 33.9 -, Budapest",
                ),
            ),
            (
                // a name the gazetteer lacked: the mention resolves too; told last, it
                // goes last; a second time, it changes nothing
                vec![
                    at(add(&georgia), "Atlantis", 0),
                    at(add(&georgia), "Atlantis", 0),
                ],
                vec![true, false],
                plain
                    .replace(
                        "2025-06-08 ~Budapest |",
                        "2025-06-08 ~Budapest, Budapest 33.9 - |",
                    )
                    .replace(" ?", " 33.9"),
            ),
            (
                // the deputy merged into the envoy: one route, by date, then by the text
                vec![at(merge("envoy"), "deputy", 0)],
                vec![true],
                "Envoy: Vienna 48.2 2025-06-04, Budapest 47.5 2025-06-06 ~Belgrade, \
                 Belgrade 44.8 2025-06-08 ~Budapest, Budapest 47.5 - \
                 | places 48.2 47.5 44.8 47.5 ?"
                    .into(),
            ),
            (
                // the envoy merged into the deputy: the deputy's name, first among the
                // actors; a merge of one actor into itself or of no actor changes nothing,
                // nor does one into another article's actor (the merged route's business)
                vec![
                    at(
                        CorrectionKind::MergeActors {
                            into: Span::new(4, 9),
                            into_mention: "envoy".into(),
                            into_article: 1,
                        },
                        "deputy",
                        0,
                    ),
                    at(merge("deputy"), "envoy", 0),
                    at(merge("deputy"), "envoy", 0),
                    at(merge("envoy"), "Atlantis", 0),
                ],
                vec![false, true, false, false],
                "Deputy: Vienna 48.2 2025-06-04, Budapest 47.5 2025-06-06 ~Belgrade, \
                 Belgrade 44.8 2025-06-08 ~Budapest, Budapest 47.5 - \
                 | places 48.2 47.5 44.8 47.5 ?"
                    .into(),
            ),
            (
                // corrections apply in order: the later date wins
                vec![
                    at(date(5, None), "Belgrade", 0),
                    at(date(9, None), "Belgrade", 0),
                ],
                vec![true, true],
                plain.replace("44.8 2025-06-08", "44.8 2025-06-09"),
            ),
        ];
        for (corrections, applied, expected) in table {
            let mut analysis = envoy();
            assert_eq!(
                apply_corrections(&mut analysis, 0, &corrections),
                applied,
                "{corrections:?}"
            );
            assert_eq!(describe(&analysis), expected, "{corrections:?}");
        }
    }

    #[test]
    fn a_correction_whose_words_moved_is_not_applied_and_changes_nothing() {
        let kinds = [
            CorrectionKind::NotAStop,
            date(5, None),
            CorrectionKind::Traveller,
            CorrectionKind::RenameActor { name: "X".into() },
            CorrectionKind::Move { by: -1 },
            CorrectionKind::Place {
                place: envoy().actors[0].stops[0].place.clone(),
            },
            CorrectionKind::AddStop {
                place: envoy().actors[0].stops[0].place.clone(),
            },
            merge("envoy"),
        ];
        for kind in kinds {
            for (start, end) in [(4, 9), (9, 4), (1000, 1008), (usize::MAX - 1, usize::MAX)] {
                // the words recorded are not at the span in this text (or the span is
                // out of the text, or backwards)
                let correction = Correction {
                    kind: kind.clone(),
                    article: 0,
                    span: Span { start, end },
                    mention: "Belgrade".into(),
                    text_hash: "0".into(),
                };
                let mut analysis = envoy();
                assert_eq!(
                    apply_corrections(&mut analysis, 0, &[correction]),
                    [false],
                    "{kind:?}"
                );
                assert_eq!(analysis, envoy());
            }
        }
    }

    #[test]
    fn dates_are_read_as_typed_or_refused_with_the_reason() {
        type Read = Result<(NaiveDate, Option<NaiveTime>), &'static str>;
        let d = |day| NaiveDate::from_ymd_opt(2025, 6, day).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        let table: [(&str, Read); 9] = [
            ("2025-06-07", Ok((d(7), None))),
            (" 2025-06-07 ", Ok((d(7), None))),
            ("2025-06-07 14:30", Ok((d(7), t(14, 30)))),
            ("2025-06-07T09:05", Ok((d(7), t(9, 5)))),
            ("", Err("Type a date as YYYY-MM-DD, for example 2025-06-07")),
            (
                "7 June",
                Err("“7 June” is not a date: type it as YYYY-MM-DD, for example 2025-06-07"),
            ),
            ("2025-02-30", Err("2025-02-30 is no day of the calendar")),
            (
                "2025-06-07 25:00",
                Err("“25:00” is not a time of day: type it as HH:MM, for example 14:30"),
            ),
            (
                "２０２５-06-07",
                Err(
                    "“２０２５-06-07” is not a date: type it as YYYY-MM-DD, for example \
                     2025-06-07",
                ),
            ),
        ];
        for (input, expected) in table {
            assert_eq!(
                parse_stop_date(input),
                expected.map_err(str::to_owned),
                "{input}"
            );
        }
    }

    #[test]
    fn an_articles_date_is_a_day_and_a_wrong_one_says_what_is_wrong() {
        let table: [(&str, Result<NaiveDate, &str>); 5] = [
            (
                "2020-01-05",
                Ok(NaiveDate::from_ymd_opt(2020, 1, 5).unwrap()),
            ),
            (
                " 2020-01-05 ",
                Ok(NaiveDate::from_ymd_opt(2020, 1, 5).unwrap()),
            ),
            ("", Err("Type a date as YYYY-MM-DD, for example 2025-06-07")),
            ("2020-13-05", Err("2020-13-05 is no day of the calendar")),
            (
                "2020-01-05 10:00",
                Err(
                    "“2020-01-05 10:00” is not a day: the article's date is a day alone, YYYY-MM-DD",
                ),
            ),
        ];
        for (input, expected) in table {
            assert_eq!(
                parse_reference_date(input),
                expected.map_err(str::to_owned),
                "{input}"
            );
        }
    }

    #[test]
    fn a_project_is_written_with_the_oldest_version_that_holds_it() {
        let mut project = sample();
        let json: serde_json::Value = serde_json::from_str(&project.to_json()).unwrap();
        assert_eq!(
            json["version"], 1,
            "only 'not a stop': an older itinera reads it"
        );
        let text = project.articles[0].text.clone();
        let start = text.find("Vienna").unwrap();
        project.corrections.push(
            Correction::new(date(5, Some("08:15")), &text, Span::new(start, start + 6)).unwrap(),
        );
        let written = project.to_json();
        let json: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(json["version"], 2);
        assert_eq!(
            json["corrections"][1]["kind"],
            serde_json::json!({"date": {"date": "2025-06-05", "time": "08:15:00"}})
        );
        let read = Project::from_json(written.as_bytes()).unwrap();
        assert_eq!(read.version, 2);
        assert_eq!(read.corrections, project.corrections);
        // what this build writes, a version-1 reader refuses as newer rather than drop
        // corrections it does not know
        assert!(written.contains("\"version\": 2"));
    }

    #[test]
    fn a_version_1_file_still_opens() {
        // as itinera 0.x with project version 1 wrote it
        let v1 = r#"{
  "format": "itinera-project",
  "version": 1,
  "articles": [
    {
      "name": "envoy.txt",
      "source": null,
      "title": null,
      "published": "2025-06-09",
      "reference_date": "2025-06-09",
      "text": "The envoy left Vienna on June 4. She reached Budapest."
    }
  ],
  "corrections": [
    {
      "kind": "not_a_stop",
      "article": 0,
      "span": { "start": 45, "end": 53 },
      "mention": "Budapest",
      "text_hash": "0123456789abcdef"
    }
  ],
  "selected": null,
  "view": null
}
"#;
        let project = Project::from_json(v1.as_bytes()).unwrap();
        assert_eq!(project.version, 1);
        assert_eq!(project.corrections[0].kind, CorrectionKind::NotAStop);
        assert!(project.corrections[0].matches(&project.articles[0].text));
        // and saved again, it stays a version 1 file
        assert!(project.to_json().contains("\"version\": 1"));
    }

    #[test]
    fn every_kind_of_correction_survives_a_save_and_a_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        let mut project = Project::with_article(Article::from_text("envoy", &envoy().text));
        project.corrections = vec![
            at(CorrectionKind::NotAStop, "Vienna", 0),
            at(
                CorrectionKind::Place {
                    place: envoy().actors[0].stops[0].place.clone(),
                },
                "Budapest",
                1,
            ),
            at(date(5, None), "Belgrade", 0),
            at(CorrectionKind::Traveller, "deputy", 0),
            at(
                CorrectionKind::RenameActor {
                    name: "Ana Ortiz".into(),
                },
                "envoy",
                0,
            ),
            at(CorrectionKind::Move { by: -2 }, "Belgrade", 0),
        ];
        project.save(&path).unwrap();
        let read = Project::load(&path).unwrap();
        assert_eq!(read.corrections, project.corrections);
        assert_eq!(read.version, 2);
        // an added stop and a merge need version 3
        project.corrections.extend([
            at(
                CorrectionKind::AddStop {
                    place: envoy().actors[0].stops[0].place.clone(),
                },
                "Atlantis",
                0,
            ),
            at(merge("envoy"), "deputy", 0),
        ]);
        project.save(&path).unwrap();
        let read = Project::load(&path).unwrap();
        assert_eq!(read.corrections, project.corrections);
        assert_eq!(read.version, 3);
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            json["corrections"][7]["kind"],
            serde_json::json!({"merge_actors": {
                "into": {"start": 4, "end": 9},
                "into_mention": "envoy"
            }})
        );
    }

    #[test]
    fn a_place_and_a_date_hold_when_the_text_is_analysed_again() {
        use crate::{Document, Gazetteer, Options, analyze};
        let text = "The envoy arrived in Vienna on June 4, 2025. On June 6 she travelled \
                    to Budapest, and on June 8 she flew to Belgrade.";
        let run = || {
            analyze(
                &Document::from_text(text),
                Gazetteer::embedded(),
                &Options::default(),
            )
        };
        let first = run();
        assert_eq!(stop_names(&first), ["Vienna", "Budapest", "Belgrade"]);
        let shown = first.actors[0].stops[1].place.clone();
        let other = Gazetteer::embedded()
            .lookup("Budapest")
            .into_iter()
            .find(|c| c.latlon.distance_km(shown.latlon) > 1.0)
            .expect("another place called Budapest");
        let span = |name: &str| {
            let start = text.find(name).unwrap();
            Span::new(start, start + name.len())
        };
        let corrections = [
            Correction::new(
                CorrectionKind::Place {
                    place: other.clone(),
                },
                text,
                span("Budapest"),
            )
            .unwrap(),
            Correction::new(date(5, None), text, span("Belgrade")).unwrap(),
        ];
        for mut analysis in [run(), run()] {
            assert_eq!(
                apply_corrections(&mut analysis, 0, &corrections),
                [true, true]
            );
            assert_eq!(stop_names(&analysis), ["Vienna", "Belgrade", "Budapest"]);
            assert_eq!(analysis.actors[0].stops[2].place, other);
            assert_eq!(
                analysis.actors[0].stops[1].when.as_ref().unwrap().value,
                "2025-06-05"
            );
        }
    }
}

#[cfg(test)]
mod added_stop_tests {
    use super::*;
    use crate::{Document, Gazetteer, Options, analyze};

    #[test]
    fn an_added_stop_holds_its_place_when_the_text_is_analysed_again() {
        let text = "The envoy arrived in Vienna on June 4, 2025. Reporters from Graz \
                    followed her. On June 6 she travelled to Budapest, and on June 8 she \
                    flew to Belgrade.";
        let run = || {
            analyze(
                &Document::from_text(text),
                Gazetteer::embedded(),
                &Options::default(),
            )
        };
        let names = |a: &Analysis| -> Vec<String> {
            a.actors[0]
                .stops
                .iter()
                .map(|s| s.place.name.clone())
                .collect()
        };
        let first = run();
        assert!(
            !names(&first).contains(&"Graz".to_owned()),
            "{:?}",
            names(&first)
        );
        let graz = Gazetteer::embedded().lookup_top("Graz", 1).remove(0);
        let start = text.find("Graz").unwrap();
        let corrections = [Correction::new(
            CorrectionKind::AddStop { place: graz },
            text,
            Span::new(start, start + 4),
        )
        .unwrap()];
        let mut once = run();
        assert_eq!(apply_corrections(&mut once, 0, &corrections), [true]);
        let route = names(&once);
        let at = |name: &str| route.iter().position(|n| n == name).unwrap();
        assert!(
            at("Vienna") < at("Graz") && at("Graz") < at("Budapest"),
            "{route:?}"
        );
        let mut again = run();
        apply_corrections(&mut again, 0, &corrections);
        assert_eq!(again, once);
    }
}
