//! Temporal expressions: find them and normalise them to TimeML TIMEX3 values.
//!
//! Design choice: a hand-written, table-driven scanner over the shared tokens
//! ([`crate::text::tokenize`]), with chrono for calendar arithmetic. We evaluated the
//! `duckling` crate (a Rust port of Facebook's Duckling): it resolves toward the future
//! as an assistant would, knows nothing of TIMEX3 values or TimeML span conventions, and
//! pulls in a regex-heavy rule engine far slower than our 10 MB/s budget. One pass over
//! the tokens, each looked up once in a keyword table, tries a few rules per candidate
//! token and keeps the longest match; day-level results become the narrative anchor
//! that "two days later" counts from.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::span::Span;
use crate::text::Token;

mod calendar;
mod lexicon;
pub(crate) use lexicon::number_word;
mod scan;

/// TimeML TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("September 12", "2023", "last week").
    Date,
    /// A time of day ("1:10 PM", "early on September 12").
    Time,
    /// A length of time ("four years").
    Duration,
    /// A recurrence ("every Tuesday").
    Set,
}

/// How fine a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Minutes or finer.
    Minute,
    /// An hour.
    Hour,
    /// Part of a day (morning, evening, night).
    PartOfDay,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A season or quarter.
    Season,
    /// A year.
    Year,
    /// Decades, centuries, or vague references (`PAST_REF`).
    Vague,
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Where it lies in the text.
    pub span: Span,
    /// Its text.
    pub mention: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value (`2023-09-12`, `2023-09-12TMO`, `XXXX-09-12`, `P4Y`, `PAST_REF`).
    pub value: String,
    /// Earliest instant the expression can mean, when it denotes a time that can be placed.
    pub earliest: Option<NaiveDateTime>,
    /// Latest instant it can mean.
    pub latest: Option<NaiveDateTime>,
    /// How fine the value is.
    pub granularity: Granularity,
}

/// Finds the temporal expressions of `text`, normalised against `reference` (the
/// publication date, or one the user set). With no reference, a year-less date keeps
/// `XXXX` in its value and has no bounds.
///
/// The result is sorted by span; spans do not overlap and lie on char boundaries.
#[must_use]
pub fn tag(text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let tokens = crate::text::tokenize(text);
    tag_tokens(text, &tokens, reference)
}

/// Like [`tag`], over tokens the caller already has (they must come from
/// [`crate::text::tokenize`] on the same `text`).
#[must_use]
pub fn tag_tokens(text: &str, tokens: &[Token], reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let hits = scan::Scanner::new(text, tokens, reference).run();
    let mut out: Vec<TimeExpr> = Vec::with_capacity(hits.len());
    for hit in hits {
        let (Some(first), Some(last)) = (tokens.get(hit.start), tokens.get(hit.end - 1)) else {
            continue;
        };
        let start = first.span().start;
        let mut end = last.span().end;
        // A final possessive is not part of the expression ("Tuesday's vote").
        let tail = last.text(text);
        let bare = lexicon::strip_possessive(tail);
        if bare.len() < tail.len() && !bare.is_empty() {
            end -= tail.len() - bare.len();
        }
        let span = Span::new(start, end);
        if out.last().is_some_and(|p| p.span.end > span.start) {
            continue;
        }
        let (kind, value, granularity) = calendar::spell(&hit.val);
        let bounds = calendar::placed(&hit.val, hit.part);
        let granularity = if hit.part == calendar::Part::Whole || granularity > Granularity::Day {
            granularity
        } else {
            Granularity::PartOfDay
        };
        out.push(TimeExpr {
            span,
            mention: span.slice(text).to_owned(),
            kind,
            value,
            earliest: bounds.map(|b| b.0),
            latest: bounds.map(|b| b.1),
            granularity,
        });
    }
    out
}

/// The day of a weekday value that no date anchors (`XXXX-WXX-1`, `XXXX-WXX-7TMO`), with
/// its time of day if it has one. `None` for anything else.
#[must_use]
pub fn weekday_of(value: &str) -> Option<(chrono::Weekday, Option<&str>)> {
    let rest = value.strip_prefix("XXXX-WXX-")?;
    let (day, clock) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let n: u8 = day.parse().ok()?;
    let day = chrono::Weekday::try_from(n.checked_sub(1)?).ok()?;
    Some((day, clock))
}

/// The bounds a year-less value (`XXXX-09-12`, `XXXX-09-12TMO`, `XXXX-09-12T21:30`,
/// `XXXX-09`) would have in `year`: how a story that never names its year can still order
/// "early on September 12" before "after dark on September 12". `None` for anything else.
#[must_use]
pub fn bounds_in_year(value: &str, year: i32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let rest = value.strip_prefix("XXXX-")?;
    let (date, clock) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut parts = date.split('-');
    let month: u32 = parts.next()?.parse().ok()?;
    let day = match parts.next() {
        Some(d) => Some(d.parse::<u32>().ok()?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    let Some(day) = day else {
        return clock
            .is_none()
            .then(|| calendar::placed(&calendar::Val::Month(year, month), calendar::Part::Whole))
            .flatten();
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let val = match clock {
        None => calendar::Val::Day(date),
        Some("MO") => calendar::Val::PartOfDay(date, calendar::PartOfDay::Morning),
        Some("AF") => calendar::Val::PartOfDay(date, calendar::PartOfDay::Afternoon),
        Some("EV") => calendar::Val::PartOfDay(date, calendar::PartOfDay::Evening),
        Some("NI") => calendar::Val::PartOfDay(date, calendar::PartOfDay::Night),
        Some(t) => {
            let (h, m) = t.split_once(':')?;
            calendar::Val::Clock(Some(date), h.parse().ok()?, m.get(..2)?.parse().ok()?, None)
        }
    };
    calendar::placed(&val, calendar::Part::Whole)
}
