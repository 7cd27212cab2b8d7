//! Calendar values the scanner resolves expressions to, their TIMEX3 spelling and bounds.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::{Granularity, TimexType};

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit's letter in an ISO 8601 duration, and whether it sits after `T`.
    fn duration_letter(self) -> (&'static str, bool) {
        match self {
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }

    /// The granularity of a value of this unit.
    pub(super) fn granularity(self) -> Granularity {
        match self {
            Unit::Minute => Granularity::Minute,
            Unit::Hour => Granularity::Hour,
            Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Season,
            Unit::Year => Granularity::Year,
            Unit::Decade | Unit::Century => Granularity::Vague,
        }
    }
}

/// A part of the day, as TIMEX3 spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }

    /// Hours covered, as (first hour, last hour) of the day; night runs into the next day.
    fn hours(self) -> (u32, u32) {
        match self {
            PartOfDay::Morning => (5, 11),
            PartOfDay::Afternoon => (12, 17),
            PartOfDay::Evening => (18, 21),
            PartOfDay::Night => (21, 29),
        }
    }
}

/// A season, as TIMEX3 spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First month of the season (northern meteorological seasons; winter starts in
    /// December of the season's year).
    pub(super) fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Where inside its period a modified expression lies ("early", "mid", "late").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(super) enum Part {
    #[default]
    Whole,
    Start,
    Middle,
    End,
}

/// What an expression resolved to.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Val {
    Day(NaiveDate),
    Week(NaiveDate),
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// First three digits of the decade's years (199 for the 1990s).
    Decade(i32),
    /// First two digits of the century's years (19 for the 20th century).
    Century(i32),
    PartOfDay(NaiveDate, PartOfDay),
    /// A clock time; the date is unknown when there is no reference.
    Clock(Option<NaiveDate>, u32, u32, Option<u32>),
    Present,
    Past,
    Future,
    /// A length of time: amount (None when vague, "several years") and unit.
    Duration(Option<u32>, Unit),
    /// A recurrence, with its TIMEX3 value.
    Set(String, Granularity),
    /// A value that cannot be placed (no reference date), already spelled.
    Unplaced(String, TimexType, Granularity),
}

fn start_of(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

fn end_of(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(23, 59, 59)
        .unwrap_or_else(|| start_of(date))
}

fn month_bounds(year: i32, month: u32, count: u32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(count))?;
    Some((start_of(first), end_of(next.pred_opt()?)))
}

/// Monday of the ISO week of `date`.
pub(super) fn monday_of(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// Adds `n` units (negative: subtracts) to `date`; `None` out of chrono's range.
pub(super) fn shift(date: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
    let days = |d: i64| {
        if d >= 0 {
            date.checked_add_days(Days::new(d.unsigned_abs()))
        } else {
            date.checked_sub_days(Days::new(d.unsigned_abs()))
        }
    };
    let months = |m: i64| {
        let m32 = u32::try_from(m.unsigned_abs()).ok()?;
        if m >= 0 {
            date.checked_add_months(Months::new(m32))
        } else {
            date.checked_sub_months(Months::new(m32))
        }
    };
    match unit {
        Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => days(n),
        Unit::Week => days(n.checked_mul(7)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// The value of `date` at the granularity of `unit` (used for "two weeks ago").
pub(super) fn at_unit(date: NaiveDate, unit: Unit) -> Val {
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => Val::Day(date),
        Unit::Week => Val::Week(date),
        Unit::Month => Val::Month(date.year(), date.month()),
        Unit::Quarter => Val::Quarter(date.year(), date.month0() / 3 + 1),
        Unit::Year => Val::Year(date.year()),
        Unit::Decade => Val::Decade(date.year().div_euclid(10)),
        Unit::Century => Val::Century(date.year().div_euclid(100)),
    }
}

/// The (first, last) instants of a resolved value, narrowed to `part`.
fn bounds(val: &Val) -> Option<(NaiveDateTime, NaiveDateTime)> {
    match *val {
        Val::Day(d) => Some((start_of(d), end_of(d))),
        Val::Week(d) => {
            let monday = monday_of(d);
            Some((
                start_of(monday),
                end_of(monday.checked_add_days(Days::new(6))?),
            ))
        }
        Val::Weekend(d) => {
            let saturday = monday_of(d).checked_add_days(Days::new(5))?;
            Some((start_of(saturday), end_of(saturday.succ_opt()?)))
        }
        Val::Month(y, m) => month_bounds(y, m, 1),
        Val::Quarter(y, q) => month_bounds(y, q.checked_sub(1)? * 3 + 1, 3),
        Val::Half(y, h) => month_bounds(y, h.checked_sub(1)? * 6 + 1, 6),
        Val::Season(y, s) => month_bounds(y, s.first_month(), 3),
        Val::Year(y) => month_bounds(y, 1, 12),
        Val::Decade(d) => month_bounds(d.checked_mul(10)?, 1, 120),
        Val::Century(c) => month_bounds(c.checked_mul(100)?, 1, 1200),
        Val::PartOfDay(d, p) => {
            let (first, last) = p.hours();
            let start = start_of(d).checked_add_signed(chrono::TimeDelta::hours(first.into()))?;
            let end = start_of(d)
                .checked_add_signed(chrono::TimeDelta::seconds(i64::from(last) * 3600 + 3599))?;
            Some((start, end))
        }
        Val::Clock(Some(d), h, m, s) => {
            let start = start_of(d).checked_add_signed(chrono::TimeDelta::seconds(
                i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s.unwrap_or(0)),
            ))?;
            let end = start.checked_add_signed(chrono::TimeDelta::seconds(if s.is_some() {
                0
            } else {
                59
            }))?;
            Some((start, end))
        }
        _ => None,
    }
}

/// Narrows `(a, b)` to the first, middle or last third.
fn narrow((a, b): (NaiveDateTime, NaiveDateTime), part: Part) -> (NaiveDateTime, NaiveDateTime) {
    let third = (b - a) / 3;
    let (x, y) = match part {
        Part::Whole => return (a, b),
        Part::Start => (a, a + third),
        Part::Middle => (a + third, b - third),
        Part::End => (b - third, b),
    };
    // Periods of days or longer narrow to whole days ("mid-August": 11 to 21 August).
    if third >= chrono::TimeDelta::days(1) {
        (start_of(x.date()), end_of(y.date()))
    } else {
        (x, y)
    }
}

/// The TIMEX3 type, value and granularity of a resolved value.
pub(super) fn spell(val: &Val) -> (TimexType, String, Granularity) {
    use Granularity as G;
    use TimexType as T;
    match val {
        Val::Day(d) => (T::Date, d.format("%Y-%m-%d").to_string(), G::Day),
        Val::Week(d) => {
            let w = d.iso_week();
            (T::Date, format!("{}-W{:02}", w.year(), w.week()), G::Week)
        }
        Val::Weekend(d) => {
            let w = d.iso_week();
            (
                T::Date,
                format!("{}-W{:02}-WE", w.year(), w.week()),
                G::Week,
            )
        }
        Val::Month(y, m) => (T::Date, format!("{y:04}-{m:02}"), G::Month),
        Val::Quarter(y, q) => (T::Date, format!("{y:04}-Q{q}"), G::Season),
        Val::Half(y, h) => (T::Date, format!("{y:04}-H{h}"), G::Season),
        Val::Season(y, s) => (T::Date, format!("{y:04}-{}", s.code()), G::Season),
        Val::Year(y) => (T::Date, format!("{y:04}"), G::Year),
        Val::Decade(d) => (T::Date, format!("{d:03}"), G::Vague),
        Val::Century(c) => (T::Date, format!("{c:02}"), G::Vague),
        Val::PartOfDay(d, p) => (
            T::Time,
            format!("{}T{}", d.format("%Y-%m-%d"), p.code()),
            G::PartOfDay,
        ),
        Val::Clock(d, h, m, s) => {
            let day = d.map_or_else(
                || "XXXX-XX-XX".to_owned(),
                |d| d.format("%Y-%m-%d").to_string(),
            );
            let value = match s {
                Some(s) => format!("{day}T{h:02}:{m:02}:{s:02}"),
                None => format!("{day}T{h:02}:{m:02}"),
            };
            (T::Time, value, G::Minute)
        }
        Val::Present => (T::Date, "PRESENT_REF".into(), G::Vague),
        Val::Past => (T::Date, "PAST_REF".into(), G::Vague),
        Val::Future => (T::Date, "FUTURE_REF".into(), G::Vague),
        Val::Duration(n, unit) => {
            let (letter, timed) = unit.duration_letter();
            let amount = n.map_or_else(|| "X".to_owned(), |n| n.to_string());
            let value = match (unit, n) {
                (Unit::Decade, Some(n)) => format!("P{}Y", n * 10),
                (Unit::Century, Some(n)) => format!("P{}Y", n * 100),
                (Unit::Quarter, Some(n)) => format!("P{}M", n * 3),
                _ if timed => format!("PT{amount}{letter}"),
                _ => format!("P{amount}{letter}"),
            };
            (T::Duration, value, unit.granularity())
        }
        Val::Set(v, g) => (T::Set, v.clone(), *g),
        Val::Unplaced(v, t, g) => (*t, v.clone(), *g),
    }
}

/// The bounds of a resolved value narrowed to `part`, when it can be placed.
pub(super) fn placed(val: &Val, part: Part) -> Option<(NaiveDateTime, NaiveDateTime)> {
    bounds(val).map(|b| narrow(b, part))
}

/// The weekday `n` days after Monday.
pub(super) fn weekday_from(n: u32) -> Weekday {
    match n {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The nearest `weekday` on or before `date` (strictly before when `strict`).
pub(super) fn weekday_before(date: NaiveDate, weekday: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    if strict && back == 0 {
        back = 7;
    }
    date.checked_sub_days(Days::new(u64::from(back)))
}

/// The nearest `weekday` on or after `date` (strictly after when `strict`).
pub(super) fn weekday_after(date: NaiveDate, weekday: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut ahead =
        (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    if strict && ahead == 0 {
        ahead = 7;
    }
    date.checked_add_days(Days::new(u64::from(ahead)))
}

/// The year to give a year-less day or month, near `reference`: news mostly reports the
/// recent past and announces the near future, so a future reading costs twice the
/// days a past one does (the other way round when the sentence speaks of the future).
pub(super) fn nearest_year(reference: NaiveDate, month: u32, day: u32, future: bool) -> i32 {
    let y = reference.year();
    let mut best = (i64::MAX, y);
    for candidate in [y - 1, y, y + 1] {
        let Some(date) = NaiveDate::from_ymd_opt(candidate, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(candidate, month, 28))
        else {
            continue;
        };
        let diff = (date - reference).num_days();
        let cost = match (diff >= 0, future) {
            (true, false) | (false, true) => diff.abs() * 2,
            _ => diff.abs(),
        };
        if cost < best.0 {
            best = (cost, candidate);
        }
    }
    best.1
}
