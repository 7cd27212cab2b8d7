//! Temporal expressions: find them and normalise them to TimeML TIMEX3 values.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use crate::span::Span;

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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() >= 3))
        .map(|i| i as u32 + 1)
}

fn day_bounds(date: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    (
        date.and_time(NaiveTime::MIN),
        date.and_hms_opt(23, 59, 59)
            .unwrap_or(date.and_time(NaiveTime::MIN)),
    )
}

/// Finds the temporal expressions of `text`, normalised against `reference` (the
/// publication date, or one the user set). With no reference, a year-less date keeps
/// `XXXX` in its value and has no bounds.
#[must_use]
pub fn tag(text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let tokens = crate::text::tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(month) = month_number(tokens[i].text(text)) else {
            i += 1;
            continue;
        };
        let Some(day_tok) = tokens.get(i + 1) else {
            break;
        };
        let Ok(day) = day_tok.text(text).parse::<u32>() else {
            i += 1;
            continue;
        };
        let mut end = day_tok.span.end;
        let mut year = None;
        if let (Some(comma), Some(y)) = (tokens.get(i + 2), tokens.get(i + 3))
            && comma.text(text) == ","
            && y.text(text).len() == 4
        {
            year = y.text(text).parse::<i32>().ok();
            if year.is_some() {
                end = y.span.end;
            }
        }
        let year = year.or_else(|| reference.map(|r| r.year()));
        let span = Span::new(tokens[i].span.start, end);
        let (value, earliest, latest) =
            match year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day)) {
                Some(date) => {
                    let (a, b) = day_bounds(date);
                    (date.format("%Y-%m-%d").to_string(), Some(a), Some(b))
                }
                None => (format!("XXXX-{month:02}-{day:02}"), None, None),
            };
        out.push(TimeExpr {
            span,
            mention: span.slice(text).to_owned(),
            kind: TimexType::Date,
            value,
            earliest,
            latest,
            granularity: Granularity::Day,
        });
        i += 2;
    }
    out
}
