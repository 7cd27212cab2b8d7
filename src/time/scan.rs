//! The rule scanner: walks the tokens once, tries the rules at each token, and keeps the
//! longest match.
#![expect(
    clippy::many_single_char_names,
    reason = "calendar rules read best with y, m, d, h for year, month, day, hour"
)]

use chrono::{Datelike, NaiveDate};

use super::calendar::{
    Part, PartOfDay, Season, Unit, Val, at_unit, nearest_year, shift, weekday_after,
    weekday_before, weekday_from,
};
use super::lexicon::{
    decade_word, is_zone, keyword, month, month_is_ambiguous, number_keyword, number_word, ordinal,
    part_of_day, season, unit, unit_word, weekday,
};
use super::{Granularity, TimexType};
use crate::text::{Token, TokenKind};

/// One match: tokens `start..end`, what they mean, and where in the period they point.
#[derive(Clone, Debug)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) val: Val,
    pub(super) part: Part,
}

impl Hit {
    fn new(start: usize, end: usize, val: Val) -> Self {
        Self {
            start,
            end,
            val,
            part: Part::Whole,
        }
    }
}

/// The scanner's view of a document.
pub(super) struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token],
    kw: Vec<&'static str>,
    reference: Option<NaiveDate>,
    /// The last day the narrative was placed on ("two days later" counts from it).
    anchor: Option<NaiveDate>,
    /// The last year mentioned ("that year", "the year").
    last_year: Option<i32>,
    /// The last year mentioned opened a span of two ("the 2023-24 season", "fiscal
    /// 2019–20"): a year-less date in its first half-year belongs to the second year.
    two_years: bool,
    /// The text tells of its own past: most of the years it writes out lie two years or more
    /// from the reference (a history, a story of long ago), not a few in a story of today.
    of_the_past: bool,
    /// The text is an anniversary story ("On this day in 1964 …"): its months are that year's.
    anniversary: bool,
    /// The last date written out in full, year included ("May 8, 1919"): year-less month-day
    /// dates after it belong to the narrative's year when that differs from the reference's.
    narrative: Option<NaiveDate>,
    /// The last quarter mentioned ("the quarter").
    last_quarter: Option<(i32, u32)>,
}

/// Words that frame an ambiguous month name as a month ("in May", "last March").
const MONTH_FRAME: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "from",
    "of",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "throughout",
    "to",
    "and",
    "on",
    "every",
    "each",
    "until",
];

/// Words that frame a season name as a time ("in summer", not "prices fall").
const SEASON_FRAME: &[&str] = &[
    "in",
    "during",
    "this",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "since",
    "until",
    "by",
    "through",
    "throughout",
    "the",
];

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Token], reference: Option<NaiveDate>) -> Self {
        let kw = toks
            .iter()
            .map(|t| {
                if t.kind == TokenKind::Word {
                    keyword(t.text(text))
                } else {
                    ""
                }
            })
            .collect();
        // "On this day in 1964 the Beatles began their first full American tour": an
        // anniversary story tells the year it names
        let anniversary = reference.is_some_and(|r| {
            toks.windows(4).any(|w| {
                w[0].text(text).eq_ignore_ascii_case("this")
                    && w[1].text(text).eq_ignore_ascii_case("day")
                    && w[2].text(text).eq_ignore_ascii_case("in")
                    && w[3].kind == TokenKind::Number
                    && w[3]
                        .text(text)
                        .parse::<i32>()
                        .is_ok_and(|y| (r.year() - y).abs() >= 2)
            })
        });
        let of_the_past = reference.is_some_and(|r| {
            let (mut far, mut near) = (0, 0);
            for t in toks.iter().filter(|t| t.kind == TokenKind::Number) {
                let digits = t.text(text);
                if digits.len() == 4
                    && let Ok(y) = digits.parse::<i32>()
                    && (1000..=2999).contains(&y)
                {
                    if (r.year() - y).abs() >= 2 {
                        far += 1;
                    } else {
                        near += 1;
                    }
                }
            }
            anniversary || (far >= 2 && far > 2 * near)
        });
        Self {
            text,
            toks,
            kw,
            reference,
            anchor: None,
            last_year: None,
            two_years: false,
            of_the_past,
            anniversary,
            narrative: None,
            last_quarter: None,
        }
    }

    /// Every match, in order, none overlapping.
    pub(super) fn run(&mut self) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.worth_trying(i)
                && let Some(hit) = self.at(i)
                && hit.end > hit.start
                && hit.start >= i
            {
                if let Some(day) = day_of(&hit.val) {
                    self.anchor = Some(day);
                }
                // a day in the narrative's own time, written out or taken from the story's
                // year, sets the narrative's date
                if let Val::Day(d) = hit.val
                    && (self.year_written(hit.start, hit.end, d.year())
                        || self
                            .reference
                            .is_some_and(|r| (r.year() - d.year()).abs() >= 2))
                {
                    self.narrative = Some(d);
                }
                self.two_years =
                    matches!(hit.val, Val::Year(y) if self.next_year_follows(hit.end, y));
                match hit.val {
                    Val::Year(y) | Val::Month(y, _) | Val::Season(y, _) | Val::Half(y, _) => {
                        self.last_year = Some(y);
                    }
                    Val::Quarter(y, q) => {
                        self.last_year = Some(y);
                        self.last_quarter = Some((y, q));
                    }
                    Val::Day(d) => self.last_year = Some(d.year()),
                    _ => {}
                }
                i = hit.end;
                out.push(hit);
                continue;
            }
            i += 1;
        }
        out
    }

    // ----- token access -----

    /// The value of token `i` as a number word ("twelve", "twenty-five").
    fn number_at(&self, i: usize) -> Option<u32> {
        let word = self.txt(i);
        if word.contains('-') {
            number_word(word)
        } else {
            number_keyword(self.kw(i))
        }
    }

    fn kw(&self, i: usize) -> &'static str {
        self.kw.get(i).copied().unwrap_or("")
    }

    fn txt(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` and token `i + 1` touch (no space between).
    fn tight(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span().end == b.span().start,
            _ => false,
        }
    }

    fn capitalized(&self, i: usize) -> bool {
        self.txt(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A plain digit string of at most `max_len` digits.
    fn digits(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.txt(i);
        if self.kind(i) == Some(TokenKind::Number)
            && !t.is_empty()
            && t.len() <= max_len
            && t.bytes().all(|b| b.is_ascii_digit())
        {
            t.parse().ok()
        } else {
            None
        }
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.txt(i) == s
    }

    /// Cheap filter: most tokens cannot start a temporal expression.
    fn worth_trying(&self, i: usize) -> bool {
        if !self.kw(i).is_empty() {
            return true;
        }
        match self.kind(i) {
            Some(TokenKind::Number) => true,
            Some(TokenKind::Word) => {
                let t = self.txt(i);
                t.contains('-') || t.as_bytes().first().is_some_and(u8::is_ascii_digit) || {
                    let b = t.as_bytes();
                    b.len() == 2 && matches!(b[0], b'Q' | b'H') && b[1].is_ascii_digit()
                }
            }
            Some(TokenKind::Punct) => matches!(self.txt(i), "'" | "\u{2019}"),
            None => false,
        }
    }

    /// True when tokens `start..end` spell out `year` ("1919" or "nineteen nineteen").
    fn year_written(&self, start: usize, end: usize, year: i32) -> bool {
        let digits = year.to_string();
        (start..end).any(|j| self.txt(j).contains(digits.as_str()))
            || (start..end).any(|j| self.spoken_year(j).is_some_and(|(y, _)| y == year))
    }

    /// The future cue at token `j`, if any: `Some(true)` for a plan ahead ("will", "is
    /// scheduled to"), `Some(false)` for a past plan ("was due to", "had been scheduled").
    fn future_cue(&self, j: usize) -> Option<bool> {
        let t = self.txt(j);
        let k = self.kw(j);
        // "plan" and "plans" are nouns too ("signed the plan"): only "plan to" looks ahead
        // a journey told in the present is one to come ("Moura flies to Rome on Saturday")
        // "said the crew would drive to Kyogle on Friday": reported, a plan still ahead
        let reported = (j.saturating_sub(5)..j.saturating_sub(1)).any(|p| {
            let w = self.txt(p);
            ["said", "says", "told", "added", "warned", "announced"]
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r))
        });
        let cue = matches!(k, "will" | "shall" | "scheduled" | "due")
            || (reported && t.eq_ignore_ascii_case("would"))
            || [
                "flies", "travels", "heads", "departs", "sails", "ends", "begins", "starts",
                "resumes", "continues", "faces", "plays", "meets", "visits", "returns", "hosts",
            ]
            .iter()
            .any(|w| t.eq_ignore_ascii_case(w))
            // "the riders face a stage from Rubavu on Friday", "they play Leeds on Friday"
            || (matches!(t, "face" | "play" | "meet" | "visit")
                && j.checked_sub(1).is_some_and(|p| {
                    let before = self.txt(p);
                    matches!(before, "they" | "we") || before.ends_with('s')
                }))
            || t.ends_with("'ll")
            || t.ends_with("\u{2019}ll")
            || (matches!(
                k,
                "is" | "are" | "set" | "going" | "expected" | "plan" | "plans" | "planning"
            ) && self.is(j + 1, "to"));
        if !cue {
            return None;
        }
        let prev = j.checked_sub(1).map_or("", |p| self.txt(p));
        let past = matches!(
            prev.to_ascii_lowercase().as_str(),
            "was" | "were" | "been" | "had"
        );
        // "said the storm was expected to make landfall": reported, the plan is still ahead
        Some(!past || (reported && !matches!(prev.to_ascii_lowercase().as_str(), "been" | "had")))
    }

    /// True when the clause around token `i` speaks of the future: a cue before it ("will
    /// meet on Thursday") or after it in the same clause ("On Thursday the pope is scheduled
    /// to fly").
    fn future_context(&self, i: usize) -> bool {
        let lo = i.saturating_sub(30);
        for j in (lo..i).rev() {
            if matches!(self.txt(j), "." | "!" | "?" | ";") {
                // the sentence starts here: what follows may still say
                break;
            }
            if let Some(future) = self.future_cue(j) {
                return future;
            }
        }
        // After the expression: stop where the clause ends or a past verb takes over.
        for j in i + 1..(i + 12).min(self.toks.len()) {
            let t = self.txt(j);
            if matches!(t, "." | "!" | "?" | ";" | ":")
                || (t == "," && j > i + 3)
                || matches!(
                    t.to_ascii_lowercase().as_str(),
                    "and"
                        | "but"
                        | "that"
                        | "who"
                        | "which"
                        | "when"
                        | "after"
                        | "before"
                        | "said"
                        | "says"
                        | "told"
                        | "announced"
                        | "reported"
                        | "was"
                        | "were"
                        | "had"
                        | "did"
                )
            {
                return false;
            }
            // "said Friday it would investigate": the day is the saying's
            if self.txt(j).eq_ignore_ascii_case("would") {
                return false;
            }
            if let Some(future) = self.future_cue(j) {
                return future;
            }
        }
        false
    }

    /// The year of a year-less month near `reference`: ahead when the clause speaks of the
    /// future, behind when a past tense stands before it ("had been kidnapped in March"),
    /// else the nearest (see [`nearest_year`]).
    fn month_year(&self, reference: NaiveDate, month: u32, i: usize) -> i32 {
        // "On this day in 1964 … in February": an anniversary story's months are its year's
        if self.anniversary
            && let Some(y) = self.story_year(i)
        {
            return y;
        }
        if self.future_context(i) {
            return nearest_year(reference, month, 15, true);
        }
        let past = (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&j| !matches!(self.txt(j), "." | "!" | "?" | ";"))
            .any(|j| {
                let w = self.txt(j);
                ["had", "was", "were", "did"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            });
        let year = nearest_year(reference, month, 15, false);
        if past && (year, month) > (reference.year(), reference.month()) {
            year - 1
        } else {
            year
        }
    }

    /// True when the sentence around token `i` is plainly about the reference time ("today",
    /// "this year"), so the narrative's year does not apply.
    fn present_context(&self, i: usize) -> bool {
        let lo = i.saturating_sub(15);
        let hi = (i + 15).min(self.toks.len());
        let before = (lo..i)
            .rev()
            .take_while(|&j| !matches!(self.txt(j), "." | "!" | "?"));
        let after = (i + 1..hi).take_while(|&j| !matches!(self.txt(j), "." | "!" | "?"));
        before.chain(after).any(|j| match self.kw(j) {
            "today" | "tonight" | "tomorrow" | "yesterday" | "currently" => true,
            "this" => matches!(self.kw(j + 1), "year" | "month" | "week"),
            _ => false,
        })
    }

    /// True when a dash or slash and the year after `y` follow token `at`, as two digits or
    /// four ("2023-24", "1999/2000").
    fn next_year_follows(&self, at: usize, y: i32) -> bool {
        matches!(self.txt(at), "-" | "–" | "/")
            && self.kind(at + 1) == Some(TokenKind::Number)
            && self.txt(at + 1).parse::<i32>().is_ok_and(|n| {
                (self.txt(at + 1).len() == 2 && n == (y + 1).rem_euclid(100)) || n == y + 1
            })
    }

    /// The year a year-less day in month `m` takes from the last year named, `y`: the
    /// second of two ("the 2023-24 race … on March 5") for a day in January to June.
    fn named_year_for(&self, y: i32, m: u32) -> i32 {
        if self.two_years && m <= 6 { y + 1 } else { y }
    }

    /// The last year mentioned, when it lies two years or more from the reference's (a
    /// year-on-year comparison, "a year earlier", counts from the story's own time).
    fn years_away(&self) -> Option<i32> {
        self.last_year
            .filter(|y| self.reference.is_none_or(|r| (r.year() - y).abs() >= 2))
    }

    /// The year a year-less date at token `at` belongs to in a text that tells of its own
    /// past (see `of_the_past`): the last year it named, when that lies two years or more
    /// from the reference and the sentence is not about the present.
    fn story_year(&self, at: usize) -> Option<i32> {
        self.years_away()
            .filter(|_| self.of_the_past && !self.present_context(at))
    }

    /// The day relative expressions count from: the narrative's last day, else the reference.
    fn anchor_day(&self) -> Option<NaiveDate> {
        self.anchor.or(self.reference)
    }

    // ----- the rules -----

    /// The longest expression starting at token `i`, with its approximators and modifiers.
    fn at(&self, i: usize) -> Option<Hit> {
        // Approximators belong to the expression: "around 7:15 p.m.", "nearly two weeks ago".
        let k = self.kw(i);
        let approx_len = match k {
            "about" | "around" | "approximately" | "nearly" | "almost" | "roughly" => 1,
            "more" | "less" if self.kw(i + 1) == "than" => 2,
            "at" if self.kw(i + 1) == "least" => 2,
            _ => 0,
        };
        // Only before an amount, a clock time or a date: "about the future" is a topic.
        let next = i + approx_len;
        if approx_len > 0
            && (self.kind(next) == Some(TokenKind::Number)
                || self.number_at(next).is_some()
                || month(self.kw(next)).is_some()
                || matches!(self.kw(next), "noon" | "midnight" | "year"))
        {
            let inner = self.modified(i + approx_len)?;
            return Some(Hit { start: i, ..inner });
        }
        self.modified(i)
    }

    /// An expression with an optional "early/late/mid" or "the end of" in front.
    fn modified(&self, i: usize) -> Option<Hit> {
        let k = self.kw(i);
        let part = match k {
            "early" | "earlier" => Some(Part::Start),
            "late" | "later" => Some(Part::End),
            "mid" => Some(Part::Middle),
            _ => None,
        };
        if let Some(part) = part {
            // "early on September 12": the span is the date, the bounds its start.
            if matches!(k, "early" | "late") && self.kw(i + 1) == "on" {
                let inner = self.core(i + 2)?;
                if day_of(&inner.val).is_some() {
                    return Some(Hit { part, ..inner });
                }
                // no year to place it in: the part of the day goes into the value
                // ("early on September 12" → XXXX-09-12TMO)
                if let Some(day) = yearless_day(&inner.val) {
                    let code = match part {
                        Part::Start => "MO",
                        Part::End => "EV",
                        _ => "AF",
                    };
                    return Some(Hit {
                        val: Val::Unplaced(
                            format!("{day}T{code}"),
                            TimexType::Time,
                            Granularity::PartOfDay,
                        ),
                        ..inner
                    });
                }
                return None;
            }
            if let Some(inner) = self.core(i + 1)
                && modifiable(&inner.val)
            {
                return Some(Hit {
                    start: i,
                    part,
                    ..inner
                });
            }
            if k == "later" {
                return self.bare_later(i);
            }
            if k == "mid" {
                return self.compound(i);
            }
            return None;
        }
        // "the end of 1990", "the beginning of next year", "the middle of October".
        let the = usize::from(k == "the");
        let part = match self.kw(i + the) {
            "end" => Some(Part::End),
            "beginning" | "start" => Some(Part::Start),
            "middle" => Some(Part::Middle),
            _ => None,
        };
        if let Some(part) = part
            && self.kw(i + the + 1) == "of"
        {
            let inner = self.core(i + the + 2)?;
            if !modifiable(&inner.val) {
                return None;
            }
            return Some(Hit {
                start: i,
                part,
                ..inner
            });
        }
        self.core(i)
    }

    /// "Later, ..." at the start of a sentence or clause: some time after the narrative.
    fn bare_later(&self, i: usize) -> Option<Hit> {
        let before = i.checked_sub(1).map_or(".", |j| self.txt(j));
        let after = self.txt(i + 1);
        (matches!(before, "." | "!" | "?" | ";" | "\"" | "\u{201c}") && after == ",")
            .then(|| Hit::new(i, i + 1, Val::Future))
    }

    /// An expression at `i` without outer modifiers.
    fn core(&self, i: usize) -> Option<Hit> {
        let hit = self.core_plain(i)?;
        Some(self.with_suffix(self.with_quarter(hit)))
    }

    /// "this year's third quarter", "the 1988 second quarter": a year that names the
    /// quarter after it.
    fn with_quarter(&self, hit: Hit) -> Hit {
        let Val::Year(y) = hit.val else {
            return hit;
        };
        let e = hit.end;
        let (n, end) = if let Some(n) = ordinal(self.txt(e))
            && matches!(self.kw(e + 1), "quarter" | "half")
        {
            (n, e + 2)
        } else if let Some((a, b)) = self.txt(e).split_once('-')
            && let Some(n) = ordinal(a)
            && matches!(keyword(b), "quarter" | "half")
        {
            (n, e + 1)
        } else {
            return hit;
        };
        let quarter = self.txt(end - 1).to_ascii_lowercase().ends_with("quarter");
        let val = match (quarter, n) {
            (true, 1..=4) => Val::Quarter(y, n),
            (false, 1..=2) => Val::Half(y, n),
            _ => return hit,
        };
        Hit { end, val, ..hit }
    }

    /// Adds what may follow a day: a part of the day ("Tuesday night") or a clock time
    /// ("06/26/1998 07:07:00").
    fn with_suffix(&self, hit: Hit) -> Hit {
        let Some(day) = day_of(&hit.val) else {
            return hit;
        };
        if !matches!(hit.val, Val::Day(_)) {
            return hit;
        }
        if let Some(pod) = part_of_day(self.kw(hit.end)) {
            return Hit {
                end: hit.end + 1,
                val: Val::PartOfDay(day, pod),
                ..hit
            };
        }
        if let Some((end, h, m, s)) = self.clock(hit.end, true) {
            return Hit {
                end,
                val: Val::Clock(Some(day), h, m, s),
                ..hit
            };
        }
        hit
    }

    fn core_plain(&self, i: usize) -> Option<Hit> {
        let k = self.kw(i);
        let r = self.reference;
        if k == "the"
            && let Some(hit) = self.day_of_the_month(i)
        {
            return Some(hit);
        }
        match k {
            "yesterday" | "today" | "tomorrow" => {
                let n = match k {
                    "yesterday" => -1,
                    "today" => 0,
                    _ => 1,
                };
                return Some(Hit::new(i, i + 1, self.ref_shift(Unit::Day, n)));
            }
            "tonight" => {
                return Some(Hit::new(i, i + 1, pod_val(r, PartOfDay::Night)));
            }
            // "the overnight ferry" names a kind of ferry, not a night
            "overnight"
                if i > 0
                    && ["the", "an", "a"]
                        .iter()
                        .any(|d| self.txt(i - 1).eq_ignore_ascii_case(d)) =>
            {
                return None;
            }
            "overnight" => {
                let day = match (self.anchor, r) {
                    (Some(a), _) => Some(a),
                    (None, Some(r)) => r.pred_opt(),
                    _ => None,
                };
                return Some(Hit::new(i, i + 1, pod_val(day, PartOfDay::Night)));
            }
            "now" | "currently" | "presently" | "nowadays" => {
                return Some(Hit::new(i, i + 1, Val::Present));
            }
            "right" if self.kw(i + 1) == "now" => {
                return Some(Hit::new(i, i + 2, Val::Present));
            }
            "recently" | "lately" | "former" => {
                return Some(Hit::new(i, i + 1, Val::Past));
            }
            "these" if self.kw(i + 1) == "days" => {
                return Some(Hit::new(i, i + 2, Val::Present));
            }
            "recent" if unit(self.kw(i + 1)).is_some() && self.kw(i + 1).ends_with('s') => {
                return Some(Hit::new(i, i + 2, Val::Past));
            }
            "after" if self.kw(i + 1) == "dark" => {
                // "after dark on September 12": that day's night
                if self.kw(i + 2) == "on"
                    && let Some(inner) = self.core(i + 3)
                {
                    if let Some(d) = day_of(&inner.val) {
                        return Some(Hit::new(i, inner.end, Val::PartOfDay(d, PartOfDay::Night)));
                    }
                    if let Some(day) = yearless_day(&inner.val) {
                        return Some(Hit::new(
                            i,
                            inner.end,
                            Val::Unplaced(
                                format!("{day}TNI"),
                                TimexType::Time,
                                Granularity::PartOfDay,
                            ),
                        ));
                    }
                }
                return Some(Hit::new(
                    i,
                    i + 2,
                    pod_val(self.anchor_day(), PartOfDay::Night),
                ));
            }
            "dawn" | "dusk"
                if i > 0
                    && matches!(
                        self.kw(i - 1),
                        "at" | "before" | "after" | "by" | "until" | "since" | "from"
                    ) =>
            {
                let pod = part_of_day(k)?;
                return Some(Hit::new(i, i + 1, pod_val(self.anchor_day(), pod)));
            }
            "noon" | "midnight" => return self.clock_then_day(i),
            "every" | "each" => return self.set(i),
            "the" => return self.the(i),
            "this" | "last" | "next" | "past" | "coming" | "previous" | "following" | "that" => {
                return self.relative(i, i, k);
            }
            "fiscal" => {
                let inner = self.core_plain(i + 1)?;
                return matches!(inner.val, Val::Year(_) | Val::Quarter(..) | Val::Half(..))
                    .then_some(Hit { start: i, ..inner });
            }
            "a" | "an" | "one" | "several" | "few" | "some" => return self.amount(i, i),
            _ => {}
        }
        if let Some(wd) = weekday(k)
            && self.capitalized(i)
        {
            return self.weekday_date(i, wd);
        }
        if month(k).is_some() && self.capitalized(i) {
            return self.month_date(i);
        }
        if let Some(s) = season(k) {
            let framed = i > 0 && SEASON_FRAME.contains(&self.kw(i - 1));
            if let Some((y, end)) = self.year_after(i + 1) {
                return Some(Hit::new(i, end, Val::Season(y, s)));
            }
            if framed {
                return Some(Hit::new(i, i + 1, self.season_near(s)));
            }
            return None;
        }
        if let Some(hit) = self.number_led(i) {
            return Some(hit);
        }
        if let Some((y, end)) = self.spoken_year(i)
            && (k == "nineteen"
                || i.checked_sub(1).is_some_and(|p| {
                    matches!(self.kw(p), "year" | "in" | "since" | "until" | "by")
                }))
        {
            return Some(Hit::new(i, end, Val::Year(y)));
        }
        if self.number_at(i).is_some()
            && let Some(hit) = self.amount(i, i)
        {
            return Some(hit);
        }
        if let Some(hit) = self.compound(i) {
            return Some(hit);
        }
        self.word_led(i)
    }

    /// Rules after "the".
    fn the(&self, i: usize) -> Option<Hit> {
        let k1 = self.kw(i + 1);
        match k1 {
            "past" => {
                // "the past three years" is a duration; "the past" alone is PAST_REF.
                if let Some(hit) = self.amount(i + 2, i) {
                    return Some(hit);
                }
                if let Some(u) = unit(self.kw(i + 2)) {
                    return Some(Hit::new(
                        i,
                        i + 3,
                        duration_or_vague(self.kw(i + 2), u, Val::Past),
                    ));
                }
                return Some(Hit::new(i, i + 2, Val::Past));
            }
            "future" => return Some(Hit::new(i, i + 2, Val::Future)),
            "near" if matches!(self.kw(i + 2), "future" | "term") => {
                return Some(Hit::new(i, i + 3, Val::Future));
            }
            "last" | "next" | "coming" | "previous" | "following" | "same" => {
                return self.relative(i + 1, i, k1);
            }
            "weekend" => {
                let val = match self.reference {
                    Some(r) => {
                        let sat = if self.future_context(i) {
                            weekday_after(r, chrono::Weekday::Sat, false)
                        } else {
                            weekday_before(r, chrono::Weekday::Sun, false)
                        }?;
                        Val::Weekend(sat)
                    }
                    None => unplaced("XXXX-WXX-WE", Granularity::Week),
                };
                return Some(Hit::new(i, i + 2, val));
            }
            "morning" | "afternoon" | "evening" | "night" => {
                let pod = part_of_day(k1)?;
                // "the afternoon of April 28, 1947": that day's part
                if self.txt(i + 2).eq_ignore_ascii_case("of")
                    && let Some(date) = self.at(i + 3)
                    && let Val::Day(day) = date.val
                {
                    return Some(Hit::new(i, date.end, Val::PartOfDay(day, pod)));
                }
                let day = self.anchor?;
                return Some(Hit::new(i, i + 2, Val::PartOfDay(day, pod)));
            }
            _ => {}
        }
        // "the 1990s", "the nineties", "the 20th century", "the third quarter", "the mid-1990s".
        if let Some(d) = decade_word(k1) {
            return Some(Hit::new(i, i + 2, Val::Decade(190 + d)));
        }
        // "the winter of 1994", "in the summer".
        if let Some(sn) = season(k1) {
            if let Some((y, end)) = self.year_after(i + 2) {
                return Some(Hit::new(i, end, Val::Season(y, sn)));
            }
            let framed = i > 0 && SEASON_FRAME.contains(&self.kw(i - 1));
            return framed.then(|| Hit::new(i, i + 2, self.season_near(sn)));
        }
        // "the year 2000", "the year two thousand".
        if k1 == "year"
            && let Some((y, end)) = self.year_after(i + 2)
        {
            return Some(Hit::new(i, end, Val::Year(y)));
        }
        // "the year-ago quarter": the same quarter one year before.
        let t1 = self.txt(i + 1).to_ascii_lowercase();
        if matches!(t1.as_str(), "year-ago" | "year-earlier")
            && matches!(self.kw(i + 2), "quarter" | "period")
        {
            let val = match (self.last_quarter, self.reference) {
                (Some((y, q)), _) => Val::Quarter(y - 1, q),
                (None, Some(r)) => Val::Year(r.year() - 1),
                _ => unplaced("XXXX", Granularity::Year),
            };
            return Some(Hit::new(i, i + 3, val));
        }
        if let Some(hit) = self.anaphoric(i) {
            return Some(hit);
        }
        // "the 1988 second quarter", "the 1989 period".
        if let Some((y, e)) = self.year_after(i + 1)
            && self.txt(i + 1).len() == 4
        {
            let inner = self.with_quarter(Hit::new(i, e, Val::Year(y)));
            if inner.end > e {
                return Some(inner);
            }
            if matches!(self.kw(e), "quarter" | "period") {
                let val = match self.last_quarter {
                    Some((_, q)) => Val::Quarter(y, q),
                    None => Val::Year(y),
                };
                return Some(Hit::new(i, e + 1, val));
            }
        }
        // "the third-quarter results": an adjective compound does not take the article.
        if self.txt(i + 1).contains('-') && !self.txt(i + 1).starts_with("mid") {
            return None;
        }
        let inner = self.modified(i + 1)?;
        match inner.val {
            Val::Decade(_) | Val::Century(_) | Val::Quarter(..) | Val::Half(..) => {
                Some(Hit { start: i, ..inner })
            }
            _ => None,
        }
    }

    /// "the quarter", "the latest quarter", "the current year", "the month": the period
    /// last mentioned, else the one around the reference.
    fn anaphoric(&self, i: usize) -> Option<Hit> {
        let mut adj = usize::from(matches!(
            self.kw(i + 1),
            "latest"
                | "current"
                | "same"
                | "comparable"
                | "corresponding"
                | "full"
                | "whole"
                | "entire"
        ));
        // "the fiscal year", "the current fiscal year".
        if self.kw(i + 1 + adj) == "fiscal" {
            adj += 1;
        }
        let noun = self.kw(i + 1 + adj);
        let end = i + 2 + adj;
        // "the year ago quarter", "the quarter ended": only the noun phrase itself.
        if !self.is(end, "-") && unit(self.kw(end)).is_some() {
            return None;
        }
        let current = self.kw(i + 1) == "current";
        let latest = self.kw(i + 1) == "latest";
        let r = self.reference;
        let val = match noun {
            "quarter" => match (self.last_quarter, r) {
                (Some((y, q)), _) if !current && !latest => Val::Quarter(y, q),
                (_, Some(r)) => {
                    let d = if current {
                        r
                    } else {
                        shift(r, -3, Unit::Month)?
                    };
                    Val::Quarter(d.year(), d.month0() / 3 + 1)
                }
                _ => unplaced("XXXX-QX", Granularity::Season),
            },
            // "the year" in news is the current one ("that year" is the one last named).
            "year" => match r {
                Some(r) => Val::Year(r.year()),
                _ => unplaced("XXXX", Granularity::Year),
            },
            "month" if adj == 1 => self.ref_shift(Unit::Month, 0),
            "week" => match self.anchor_day() {
                Some(d) => Val::Week(d),
                None => unplaced("XXXX-WXX", Granularity::Week),
            },
            _ => return None,
        };
        Some(Hit::new(i, end, val))
    }

    /// A year said in words: "nineteen ninety-six" (span `i..end`).
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        match self.kw(i) {
            "nineteen" => {
                let n = self.number_at(i + 1)?;
                (10..100).contains(&n).then_some((1900 + n as i32, i + 2))
            }
            "two" if self.kw(i + 1) == "thousand" => {
                if self.kw(i + 2) == "and"
                    && let Some(n) = self.number_at(i + 3).filter(|n| *n < 100)
                {
                    return Some((2000 + n as i32, i + 4));
                }
                Some((2000, i + 2))
            }
            _ => None,
        }
    }

    /// "this/last/next/past/coming/that X" with the keyword at `i` (the span starts at
    /// `start`, which may hold "the").
    fn relative(&self, i: usize, start: usize, k: &str) -> Option<Hit> {
        let next = self.kw(i + 1);
        // "this past spring", "this coming Sunday".
        if k == "this" && matches!(next, "past" | "coming") {
            return self.relative(i + 1, start, next);
        }
        let with_the = start < i;
        // "the past/last/next three years", "the coming weeks": durations or vague refs.
        if matches!(
            k,
            "past" | "last" | "next" | "coming" | "previous" | "following"
        ) && let Some(hit) = self.amount(i + 1, start)
            && matches!(hit.val, Val::Duration(..))
        {
            return Some(hit);
        }
        if let Some(u) = unit(next) {
            let plural = next.ends_with('s') || next == "centuries";
            if plural {
                let vague = match k {
                    "past" | "last" | "previous" => Val::Past,
                    "coming" | "next" | "following" => Val::Future,
                    _ => return None,
                };
                return Some(Hit::new(start, i + 2, duration_or_vague(next, u, vague)));
            }
            if k == "past" || (with_the && k == "last") {
                return Some(Hit::new(start, i + 2, Val::Duration(Some(1), u)));
            }
            if matches!(u, Unit::Minute | Unit::Hour) {
                return None;
            }
            let n: i64 = match k {
                "last" | "previous" => -1,
                "next" | "following" | "coming" => 1,
                _ => 0,
            };
            // "the following day", "that year", "the same day" count from the narrative.
            let from_narrative = with_the || k == "that";
            if u == Unit::Day && n == 0 && !from_narrative {
                return None;
            }
            let val = if k == "that" && u == Unit::Year && self.last_year.is_some() {
                Val::Year(self.last_year?)
            } else if from_narrative {
                match self.anchor_day() {
                    Some(a) => at_unit(shift(a, n, u)?, u),
                    None => unplaced_unit(u),
                }
            } else {
                self.ref_shift(u, n)
            };
            return Some(Hit::new(start, i + 2, val));
        }
        // "the next morning", "the previous night": a part of the day after or before the
        // narrative's day
        if with_the
            && matches!(k, "next" | "following" | "previous")
            && let Some(pod) = part_of_day(next)
        {
            let day = self.anchor_day().and_then(|a| {
                if k == "previous" {
                    a.pred_opt()
                } else {
                    a.succ_opt()
                }
            });
            return Some(Hit::new(start, i + 2, pod_val(day, pod)));
        }
        if with_the && k != "same" {
            return None;
        }
        let r = self.reference;
        if let Some(pod) = part_of_day(next) {
            // "this morning", "last night", "that evening".
            let day = match k {
                "this" => r,
                "last" if pod == PartOfDay::Night || pod == PartOfDay::Evening => {
                    r.and_then(|d| d.pred_opt())
                }
                "that" | "same" => self.anchor_day(),
                _ => return None,
            };
            return Some(Hit::new(start, i + 2, pod_val(day, pod)));
        }
        if next == "weekend" {
            let val = match r {
                Some(r) => {
                    let sat = match k {
                        "last" | "past" => weekday_before(r, chrono::Weekday::Sat, true)?,
                        "next" | "coming" => weekday_after(
                            weekday_after(r, chrono::Weekday::Mon, true)?,
                            chrono::Weekday::Sat,
                            false,
                        )?,
                        "that" => self.anchor_day()?,
                        _ => weekday_after(r, chrono::Weekday::Sat, false)?,
                    };
                    Val::Weekend(sat)
                }
                None => unplaced("XXXX-WXX-WE", Granularity::Week),
            };
            return Some(Hit::new(start, i + 2, val));
        }
        if let Some(wd) = weekday(next) {
            let wd = weekday_from(wd);
            let val = match r {
                Some(r) => Val::Day(match k {
                    "last" | "past" => weekday_before(r, wd, true)?,
                    "next" | "coming" => weekday_after(r, wd, true)?,
                    "this" => weekday_after(r, wd, false)?,
                    _ => return None,
                }),
                None => unplaced(
                    &format!("XXXX-WXX-{}", wd.number_from_monday()),
                    Granularity::Day,
                ),
            };
            return Some(self.with_suffix(Hit::new(start, i + 2, val)));
        }
        if let Some(m) = month(next)
            && self.capitalized(i + 1)
        {
            let val = match r {
                Some(r) => {
                    let y = r.year();
                    let y = match k {
                        "last" | "past" => {
                            if m + 1 < r.month() {
                                y
                            } else {
                                y - 1
                            }
                        }
                        "next" | "coming" => {
                            if m > r.month() {
                                y
                            } else {
                                y + 1
                            }
                        }
                        "this" => y,
                        _ => return None,
                    };
                    Val::Month(y, m)
                }
                None => unplaced(&format!("XXXX-{m:02}"), Granularity::Month),
            };
            return Some(Hit::new(start, i + 2, val));
        }
        if let Some(s) = season(next) {
            let val = match r {
                Some(r) => {
                    let starts = |y: i32| NaiveDate::from_ymd_opt(y, s.first_month(), 1);
                    let ends = |y: i32| starts(y).and_then(|d| shift(d, 3, Unit::Month));
                    let y = r.year();
                    let pick = match k {
                        "last" | "past" => [y, y - 1, y - 2]
                            .into_iter()
                            .find(|&c| ends(c).is_some_and(|e| e <= r)),
                        "next" | "coming" => [y - 1, y, y + 1]
                            .into_iter()
                            .find(|&c| starts(c).is_some_and(|b| b > r)),
                        "this" => [y - 1, y]
                            .into_iter()
                            .find(|&c| {
                                starts(c).is_some_and(|b| b <= r) && ends(c).is_some_and(|e| e > r)
                            })
                            .or(Some(y)),
                        _ => None,
                    }?;
                    Val::Season(pick, s)
                }
                None => unplaced(&format!("XXXX-{}", season_code(s)), Granularity::Season),
            };
            return Some(Hit::new(start, i + 2, val));
        }
        // "this third quarter" is rare; "last quarter" is handled as a unit above.
        if k == "past" && !with_the {
            return None;
        }
        None
    }

    /// Amount + unit at `i` ("two days", "a year ago", "several weeks later"); the span
    /// starts at `start`.
    fn amount(&self, i: usize, start: usize) -> Option<Hit> {
        let k = self.kw(i);
        let (n, after): (Option<u32>, usize) = match k {
            "several" | "many" | "some" | "few" => (None, i + 1),
            "a" | "an" if self.kw(i + 1) == "few" => (None, i + 2),
            "a" | "an" if self.kw(i + 1) == "dozen" => (Some(12), i + 2),
            "a" | "an" if self.kw(i + 1) == "half" && unit(self.kw(i + 2)).is_some() => {
                return None;
            }
            _ => {
                if let Some(n) = self.digits(i, 3) {
                    (Some(n), i + 1)
                } else {
                    let w = self.txt(i);
                    (Some(number_word(w)?), i + 1)
                }
            }
        };
        // "two hundred years"
        let (n, after) = match (n, self.kw(after)) {
            (Some(n), "hundred") if n < 10 => (Some(n * 100), after + 1),
            other => (other.0, after),
        };
        let uk = self.kw(after);
        let u = unit(uk)?;
        if n == Some(1) && uk.ends_with('s') {
            return None;
        }
        if n.is_some() && (k == "some") {
            return None;
        }
        let end = after + 1;
        let dir = match self.kw(end) {
            "ago" => Some((-1, false)),
            "earlier" => Some((-1, true)),
            "later" | "hence" => Some((1, true)),
            _ => None,
        };
        if let Some((sign, narrative)) = dir {
            let val = match n {
                None => {
                    if sign < 0 {
                        Val::Past
                    } else {
                        Val::Future
                    }
                }
                // "formed in 2009 and moved to Santiago two years later": in a story
                // told years away from its writing, years count from the last year
                // mentioned, not from the last day
                Some(n) if narrative && u == Unit::Year && self.years_away().is_some() => {
                    let y = i64::from(self.years_away()?) + sign * i64::from(n);
                    Val::Year(i32::try_from(y).ok()?)
                }
                Some(n) => {
                    let base = if narrative {
                        self.anchor_day()
                    } else {
                        self.reference
                    };
                    match base {
                        Some(b) => at_unit(shift(b, sign * i64::from(n), u)?, u),
                        None => unplaced_unit(u),
                    }
                }
            };
            return Some(Hit::new(start, end + 1, val));
        }
        // "two days after the attack": the duration alone, as TimeML tags it.
        Some(Hit::new(start, end, Val::Duration(n, u)))
    }

    /// "every Tuesday", "each year", "every morning".
    fn set(&self, i: usize) -> Option<Hit> {
        let k1 = self.kw(i + 1);
        if let Some(wd) = weekday(k1) {
            return Some(set_hit_span(
                i,
                i + 2,
                &format!("XXXX-WXX-{}", wd + 1),
                Granularity::Day,
            ));
        }
        if let Some(pod) = part_of_day(k1) {
            let code = match pod {
                PartOfDay::Morning => "MO",
                PartOfDay::Afternoon => "AF",
                PartOfDay::Evening => "EV",
                PartOfDay::Night => "NI",
            };
            return Some(set_hit_span(
                i,
                i + 2,
                &format!("XXXX-XX-XXT{code}"),
                Granularity::PartOfDay,
            ));
        }
        let u = unit(k1)?;
        if k1.ends_with('s') {
            return None;
        }
        let (value, g) = match u {
            Unit::Minute => ("PT1M", Granularity::Minute),
            Unit::Hour => ("PT1H", Granularity::Hour),
            Unit::Day => ("P1D", Granularity::Day),
            Unit::Week => ("P1W", Granularity::Week),
            Unit::Month => ("P1M", Granularity::Month),
            Unit::Quarter => ("P3M", Granularity::Season),
            Unit::Year => ("P1Y", Granularity::Year),
            Unit::Decade => ("P10Y", Granularity::Vague),
            Unit::Century => ("P100Y", Granularity::Vague),
        };
        Some(set_hit_span(i, i + 2, value, g))
    }

    /// A weekday name at `i`, with an optional date after it ("Tuesday, December 3, 1991").
    fn weekday_date(&self, i: usize, wd: u32) -> Option<Hit> {
        let mut j = i + 1;
        if self.is(j, ",") {
            j += 1;
        }
        if let Some(date) = self.month_date(j).or_else(|| self.day_month_date(j))
            && matches!(date.val, Val::Day(_) | Val::Unplaced(..))
        {
            return Some(Hit { start: i, ..date });
        }
        let wday = weekday_from(wd);
        // "Sunday last week", "Monday next week", "Tuesday this week": that weekday of the
        // week before, after or of the reference's (weeks begin on Monday)
        if let Some(shift) = match (self.kw(i + 1), unit(self.kw(i + 2))) {
            ("last" | "previous", Some(Unit::Week)) => Some(-1),
            ("this", Some(Unit::Week)) => Some(0),
            ("next" | "coming", Some(Unit::Week)) => Some(1),
            _ => None,
        } && !self.kw(i + 2).ends_with('s')
        {
            let val = match self.reference {
                Some(r) => {
                    let monday =
                        r - chrono::Duration::days(i64::from(r.weekday().num_days_from_monday()));
                    Val::Day(
                        monday
                            + chrono::Duration::days(
                                7 * shift + i64::from(wday.num_days_from_monday()),
                            ),
                    )
                }
                None => unplaced(
                    &format!("XXXX-WXX-{}", wday.number_from_monday()),
                    Granularity::Day,
                ),
            };
            return Some(Hit::new(i, i + 3, val));
        }
        let val = match (self.reference, self.anchor) {
            (Some(r), _) => Val::Day(if self.future_context(i) {
                weekday_after(r, wday, true)?
            } else {
                weekday_before(r, wday, false)?
            }),
            // no reference, but the story has put itself on a day: the nearest such weekday
            // ("Tuesday, November 3, 2020 … on Wednesday" is the 4th; "Wednesday 13 September
            // 2023 — … crossed on Tuesday" the 12th)
            (None, Some(a)) => {
                let after = weekday_after(a, wday, true)?;
                let before = weekday_before(a, wday, true)?;
                Val::Day(if (a - before) < (after - a) {
                    before
                } else {
                    after
                })
            }
            (None, None) => unplaced(
                &format!("XXXX-WXX-{}", wday.number_from_monday()),
                Granularity::Day,
            ),
        };
        Some(Hit::new(i, i + 1, val))
    }

    /// A year of four digits at `i` (after an optional comma or "of"): (year, end token).
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, ",") || self.kw(i) == "of" {
            i + 1
        } else {
            i
        };
        if let Some(spoken) = self.spoken_year(j) {
            return Some(spoken);
        }
        let y = self.digits(j, 4)?;
        if self.txt(j).len() != 4 || !(1000..=2999).contains(&y) {
            return None;
        }
        // "September 12, 2023:30" cannot happen (a number token), but "2023 percent" can.
        if matches!(self.txt(j + 1), "%") {
            return None;
        }
        Some((y as i32, j + 1))
    }

    /// "(on) the 7th": a day of the month the narrative is in, after a date preposition,
    /// its ordinal written in digits and followed by no noun it counts ("the 7th Fleet",
    /// "the 7th of May" are read elsewhere or not at all).
    fn day_of_the_month(&self, i: usize) -> Option<Hit> {
        let before = i.checked_sub(1).map_or("", |b| self.txt(b));
        if !matches!(
            before.to_ascii_lowercase().as_str(),
            "on" | "by" | "until" | "till" | "since" | "from" | "to" | "through"
        ) {
            return None;
        }
        let t = self.txt(i + 1);
        if self.kind(i + 1) != Some(TokenKind::Word)
            || !t.as_bytes().first().is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let n = ordinal(t)?;
        let next = self.txt(i + 2);
        if next.chars().next().is_some_and(char::is_alphanumeric)
            && !matches!(
                next.to_ascii_lowercase().as_str(),
                "and" | "or" | "at" | "in" | "when" | "before" | "after" | "with" | "as"
            )
        {
            return None;
        }
        let base = self.anchor_day()?;
        let day = NaiveDate::from_ymd_opt(base.year(), base.month(), n)?;
        Some(Hit::new(i, i + 2, Val::Day(day)))
    }

    /// A day of the month at `i` (digits or ordinal): (day, end token).
    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let d = if let Some(d) = self.digits(i, 2) {
            // "12:30" and "12.5" are number tokens that fail `digits`; "12-14" ranges keep 12.
            d
        } else if self.kind(i) == Some(TokenKind::Word) {
            ordinal(self.txt(i))?
        } else {
            return None;
        };
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    /// A month name at `i`, with its day and year if given.
    fn month_date(&self, i: usize) -> Option<Hit> {
        let mk = self.kw(i);
        let m = month(mk)?;
        if !self.capitalized(i) {
            return None;
        }
        let mut j = i + 1;
        // "Sept. 12": the abbreviation's period.
        let dotted = self.is(j, ".") && self.tight(i) && mk.len() <= 4;
        if dotted {
            j += 1;
        }
        if let Some((d, after_day)) = self.day_number(j) {
            let (year, end) = match self.year_after(after_day) {
                Some((y, e)) => (Some(y), e),
                None => (None, after_day),
            };
            let val = self.day_value(year, m, d, i)?;
            return Some(Hit::new(i, end, val));
        }
        if let Some((y, end)) = self.year_after(j) {
            return Some(Hit::new(i, end, Val::Month(y, m)));
        }
        // "June last year", "January this year".
        if let Some(r) = self.reference
            && self.kw(j + 1) == "year"
        {
            let y = match self.kw(j) {
                "this" => Some(r.year()),
                "last" => Some(r.year() - 1),
                "next" => Some(r.year() + 1),
                _ => None,
            };
            if let Some(y) = y {
                return Some(Hit::new(i, j + 2, Val::Month(y, m)));
            }
        }
        // A month alone: ambiguous names need a frame ("in May").
        let framed = i > 0
            && (MONTH_FRAME.contains(&self.kw(i - 1))
                || self.kw(i - 1) == "mid"
                || self.txt(i - 1).ends_with("mid-"));
        if (month_is_ambiguous(mk) || mk.len() <= 4) && !framed {
            return None;
        }
        let end = if dotted { i + 1 } else { j };
        let val = match self.reference {
            Some(r) => Val::Month(self.month_year(r, m, i), m),
            None => unplaced(&format!("XXXX-{m:02}"), Granularity::Month),
        };
        Some(Hit::new(i, end, val))
    }

    /// "12 September 2023", "12th of Sept".
    fn day_month_date(&self, i: usize) -> Option<Hit> {
        let (d, mut j) = self.day_number(i)?;
        if self.kw(j) == "of" {
            j += 1;
        }
        let m = month(self.kw(j))?;
        if !self.capitalized(j) {
            return None;
        }
        let mut end = j + 1;
        if self.is(end, ".") && self.tight(j) && self.kw(j).len() <= 4 {
            // Keep the abbreviation's period only before a year.
            if self.year_after(end + 1).is_some() {
                end += 1;
            }
        }
        let (year, end) = match self.year_after(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        let val = self.day_value(year, m, d, i)?;
        Some(Hit::new(i, end, val))
    }

    /// A day from its parts, the year found near the reference when not given.
    fn day_value(&self, year: Option<i32>, m: u32, d: u32, at: usize) -> Option<Val> {
        let year = match (year, self.reference) {
            (Some(y), _) => y,
            (None, Some(r)) => match self.narrative {
                // The narrative set a full date in another year: stay near it, after it
                // rather than before.
                Some(a) if a.year() != r.year() && !self.present_context(at) => {
                    // ("left on 22 JUN 2020 … arrived in Port Sudan on March 1", written 19
                    // March 2021): a year that puts the day between the narrative's and the
                    // day of writing, when less than a year lies between them
                    let between =
                        |y: i32| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|x| a <= x && x <= r);
                    match (a.year()..=r.year()).find(|&y| between(y)) {
                        Some(y) if (r - a).num_days() <= 366 => y,
                        _ => nearest_year(a, m, d, true),
                    }
                }
                // "in the spring of 1961 … on 4 March": the story's own year, named just
                // before
                _ if let Some(y) = self.story_year(at) => self.named_year_for(y, m),
                _ => nearest_year(r, m, d, self.future_context(at)),
            },
            // No reference, but the narrative set a full date ("May 8, 1919 ... On May
            // 15"): the year-less day follows it.
            (None, None) if let Some(a) = self.narrative => nearest_year(a, m, d, true),
            // No reference: the last year the story named.
            (None, None) if let Some(y) = self.last_year => self.named_year_for(y, m),
            (None, None) => {
                // Check the day exists in some year (Feb 29 in a leap year).
                NaiveDate::from_ymd_opt(2000, m, d)?;
                return Some(unplaced(&format!("XXXX-{m:02}-{d:02}"), Granularity::Day));
            }
        };
        NaiveDate::from_ymd_opt(year, m, d).map(Val::Day)
    }

    fn season_near(&self, s: Season) -> Val {
        match self.reference {
            Some(r) => Val::Season(
                nearest_year(r, s.first_month() + 1, 15, self.future_context(0)),
                s,
            ),
            None => unplaced(&format!("XXXX-{}", season_code(s)), Granularity::Season),
        }
    }

    /// A value `n` units from the reference, at the unit's granularity.
    fn ref_shift(&self, u: Unit, n: i64) -> Val {
        match self.reference.and_then(|r| shift(r, n, u)) {
            Some(d) => at_unit(d, u),
            None => unplaced_unit(u),
        }
    }

    /// Expressions that start with a number token.
    fn number_led(&self, i: usize) -> Option<Hit> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let t = self.txt(i);
        // Clock first ("9:37 p.m.", "1300 GMT", "10 p.m. Wednesday").
        if let Some(hit) = self.clock_then_day(i) {
            return Some(hit);
        }
        if let Some(hit) = self.numeric_date(i) {
            return Some(self.with_suffix(hit));
        }
        if let Some(hit) = self.day_month_date(i) {
            return Some(self.with_suffix(hit));
        }
        if self.tight(i)
            && self.is(i + 1, "-")
            && let Some(hit) = self.compound(i)
        {
            return Some(hit);
        }
        if let Some(hit) = self.amount(i, i) {
            return Some(hit);
        }
        // A year alone: "in 2022", "since 1901".
        if t.len() == 4
            && let Some(y) = self.digits(i, 4)
            && (1600..=2100).contains(&y)
        {
            let prev = i.checked_sub(1).map_or("", |j| self.txt(j));
            // "arrived at Expo 2020 Dubai": inside a sentence, a capitalised word before a
            // year makes them a name (but "Summer 2020", "January 2020" are times, and a
            // sentence's first word is capitalised anyway: "Between 1990 and 1995")
            let named = i.checked_sub(1).is_some_and(|j| {
                self.kind(j) == Some(TokenKind::Word)
                    && prev.chars().next().is_some_and(char::is_uppercase)
                    && prev.chars().skip(1).all(char::is_lowercase)
                    // (months, seasons and other time words are keywords)
                    && self.kw(j).is_empty()
                    && j.checked_sub(1).is_some_and(|h| {
                        !matches!(self.txt(h), "." | "!" | "?" | ":" | ";" | "\"" | "“" | "(")
                            && !self.text[self.toks[h].span().end..self.toks[j].span().start]
                                .contains('\n')
                    })
            });
            if named
                || matches!(
                    prev,
                    "$" | "\u{20ac}" | "\u{a3}" | "#" | "No" | "no" | "No."
                )
                || matches!(self.txt(i + 1), "%")
                || self.kw(i + 1) == "percent"
                || (self.tight(i) && self.is(i + 1, ":"))
            {
                return None;
            }
            return Some(Hit::new(i, i + 1, Val::Year(y as i32)));
        }
        None
    }

    /// "2023-09-12", "12.09.2023", "11/02/89", "9/12", "08-16-90", "19980303".
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let t = self.txt(i);
        // ISO: 2023 - 09 - 12, tight.
        if t.len() == 4
            && self.tight(i)
            && self.is(i + 1, "-")
            && self.tight(i + 1)
            && self.txt(i + 2).len() == 2
            && self.tight(i + 2)
            && self.is(i + 3, "-")
            && self.tight(i + 3)
            && self.txt(i + 4).len() == 2
        {
            let y = self.digits(i, 4)?;
            let m = self.digits(i + 2, 2)?;
            let d = self.digits(i + 4, 2)?;
            let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
            return Some(Hit::new(i, i + 5, Val::Day(date)));
        }
        // US with hyphens: 08-16-90.
        if t.len() == 2
            && self.tight(i)
            && self.is(i + 1, "-")
            && self.tight(i + 1)
            && self.txt(i + 2).len() == 2
            && self.tight(i + 2)
            && self.is(i + 3, "-")
            && self.tight(i + 3)
            && matches!(self.txt(i + 4).len(), 2 | 4)
        {
            let m = self.digits(i, 2)?;
            let d = self.digits(i + 2, 2)?;
            let y = self.full_year(self.digits(i + 4, 4)?, self.txt(i + 4).len());
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Hit::new(i, i + 5, Val::Day(date)));
        }
        // Compact: 19980303.
        if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = t[..4].parse().ok()?;
            let m: u32 = t[4..6].parse().ok()?;
            let d: u32 = t[6..].parse().ok()?;
            if !(1900..=2100).contains(&y) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Hit::new(i, i + 1, Val::Day(date)));
        }
        let sep = if t.contains('/') {
            '/'
        } else if t.contains('.') {
            '.'
        } else {
            return None;
        };
        let parts: Vec<&str> = t.split(sep).collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let num = |s: &str| s.parse::<u32>().ok();
        match parts.as_slice() {
            [a, b, y] if a.len() <= 2 && b.len() <= 2 && matches!(y.len(), 2 | 4) => {
                let (a, b) = (num(a)?, num(b)?);
                let y = self.full_year(num(y)?, y.len());
                // Dotted dates are day-first; slashed ones month-first unless that cannot be.
                let (m, d) = if sep == '.' || a > 12 { (b, a) } else { (a, b) };
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                Some(Hit::new(i, i + 1, Val::Day(date)))
            }
            [a, b] if sep == '/' && a.len() <= 2 && b.len() <= 2 => {
                let (a, b) = (num(a)?, num(b)?);
                // "9/12" only when unambiguous; "24/7" is an idiom, not a date.
                let (m, d) = match (a > 12, b > 12) {
                    (true, false) if !(a == 24 && b == 7) => (b, a),
                    (false, true) => (a, b),
                    _ => return None,
                };
                let val = self.day_value(None, m, d, i)?;
                Some(Hit::new(i, i + 1, val))
            }
            _ => None,
        }
    }

    /// A two-digit year made whole: the century that keeps it at most ten years after
    /// the reference.
    fn full_year(&self, y: u32, len: usize) -> i32 {
        let y = y as i32;
        if len != 2 {
            return y;
        }
        let limit = self.reference.map_or(2035, |r| r.year() + 10);
        if 2000 + y <= limit {
            2000 + y
        } else {
            1900 + y
        }
    }

    /// A clock time at `i`, then an optional day after it ("10 p.m. Wednesday").
    fn clock_then_day(&self, i: usize) -> Option<Hit> {
        let (end, h, m, s) = self.clock(i, false)?;
        let mut j = end;
        if self.is(j, ",") {
            j += 1;
        }
        // "at 4:05 p.m. on Sunday": the day after "on" is the clock's, but a span of its own
        let on = self.kw(j) == "on";
        if on {
            j += 1;
        }
        let day_hit = match self.kw(j) {
            "yesterday" | "today" | "tomorrow" => {
                let n = match self.kw(j) {
                    "yesterday" => -1,
                    "today" => 0,
                    _ => 1,
                };
                Some(Hit::new(j, j + 1, self.ref_shift(Unit::Day, n)))
            }
            k if weekday(k).is_some() && self.capitalized(j) => {
                weekday(k).and_then(|wd| self.weekday_date(j, wd))
            }
            _ => self.month_date(j),
        };
        if let Some(dh) = day_hit
            && let Val::Day(d) = dh.val
        {
            let to = if on { end } else { dh.end };
            return Some(Hit::new(i, to, Val::Clock(Some(d), h, m, s)));
        }
        Some(Hit::new(i, end, Val::Clock(self.anchor_day(), h, m, s)))
    }

    /// A clock time at `i`: (end token, hour, minute, second). `after_date` accepts a
    /// bare "07:07:00" after a date.
    fn clock(&self, i: usize, after_date: bool) -> Option<(usize, u32, u32, Option<u32>)> {
        let k = self.kw(i);
        if k == "noon" {
            return Some((i + 1, 12, 0, None));
        }
        if k == "midnight" {
            return Some((i + 1, 24, 0, None));
        }
        let t = self.txt(i);
        if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        // Split "9:37pm" / "2041EDT" into digits and a letter suffix.
        let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
        let (num, suffix) = t.split_at(split);
        let fields: Vec<&str> = num.split(':').collect();
        let parse = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (mut h, m, s, colon, four) = match fields.as_slice() {
            [h] if h.len() == 4 && h.bytes().all(|b| b.is_ascii_digit()) => {
                (parse(&h[..2])?, parse(&h[2..])?, None, false, true)
            }
            [h] => (parse(h)?, 0, None, false, false),
            [h, m] if m.len() == 2 => (parse(h)?, parse(m)?, None, true, false),
            [h, m, s] if m.len() == 2 && s.len() == 2 => {
                (parse(h)?, parse(m)?, parse(s), true, false)
            }
            _ => return None,
        };
        if m >= 60 || s.is_some_and(|s| s >= 60) {
            return None;
        }
        let mut end = i + 1;
        let mut meridiem = match suffix.to_ascii_lowercase().as_str() {
            "am" | "a" => Some(false),
            "pm" | "p" => Some(true),
            "" => None,
            other if is_zone(&other.to_ascii_uppercase()) => {
                if !four && !colon {
                    return None;
                }
                None
            }
            _ => return None,
        };
        let mut zoned = !suffix.is_empty() && meridiem.is_none();
        if meridiem.is_none() && suffix.is_empty() {
            match self.kw(end) {
                "am" => meridiem = Some(false),
                "pm" => meridiem = Some(true),
                _ => {}
            }
            if meridiem.is_some() {
                end += 1;
                // "p.m." keeps its final period.
                if self.txt(end - 1).contains('.') && self.is(end, ".") && self.tight(end - 1) {
                    end += 1;
                }
            }
        } else if meridiem.is_some() && self.is(end, ".") && self.tight(i) && suffix.contains('.') {
            end += 1;
        }
        if is_zone(self.txt(end)) {
            zoned = true;
            end += 1;
        } else if self.kw(end) == "local" && self.kw(end + 1) == "time" {
            zoned = true;
            end += 2;
        } else if self.kw(end) == "o'clock" {
            zoned = true;
            end += 1;
        }
        if let Some(pm) = meridiem {
            if !(1..=12).contains(&h) || four {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
        } else {
            {
                let cued = i > 0
                    && matches!(
                        self.kw(i - 1),
                        "at" | "around" | "about" | "by" | "until" | "from" | "since"
                    );
                if h > 24 || !(zoned || (colon && (cued || after_date))) {
                    return None;
                }
                if four && !zoned {
                    return None;
                }
            }
        }
        Some((end, h, m, s))
    }

    /// Hyphenated compounds: "three-month-old", "45-year-old", "third-quarter",
    /// "mid-November", "mid-1990s", "19th-century".
    fn compound(&self, i: usize) -> Option<Hit> {
        // The tight run of tokens joined by hyphens.
        let mut end = i + 1;
        while self.tight(end - 1) && end < self.toks.len() {
            let t = self.txt(end);
            let prev = self.txt(end - 1);
            if t == "-" || prev == "-" || prev.ends_with('-') {
                end += 1;
            } else {
                break;
            }
        }
        if self.txt(end - 1) == "-" {
            end -= 1;
        }
        let first = self.toks.get(i)?.span().start;
        let last = self.toks.get(end - 1)?.span().end;
        let whole = self.text.get(first..last)?;
        let whole = super::lexicon::strip_possessive(whole);
        if !whole.contains('-') {
            return None;
        }
        let pieces: Vec<&str> = whole.split('-').collect();
        let lower0 = pieces[0].to_ascii_lowercase();
        // mid-X
        if lower0 == "mid" && pieces.len() >= 2 {
            let rest = &whole[4..];
            if let Some(pod) = part_of_day(keyword(rest)) {
                // "mid-afternoon yesterday", "mid-morning".
                let (day, end) = match self.kw(end) {
                    "yesterday" => (self.reference.and_then(|r| r.pred_opt()), end + 1),
                    "today" => (self.reference, end + 1),
                    "tomorrow" => (self.reference.and_then(|r| r.succ_opt()), end + 1),
                    _ => (self.anchor_day(), end),
                };
                return Some(Hit::new(i, end, pod_val(day, pod)));
            }
            let val = if let Some(m) = month(keyword(rest)) {
                match self.reference {
                    Some(r) => Val::Month(self.month_year(r, m, i), m),
                    None => unplaced(&format!("XXXX-{m:02}"), Granularity::Month),
                }
            } else {
                year_or_decade(rest)?
            };
            return Some(Hit {
                start: i,
                end,
                val,
                part: Part::Middle,
            });
        }
        // "year-earlier", "year-ago" results: the year before the reference.
        if pieces.len() == 2
            && lower0 == "year"
            && matches!(pieces[1].to_ascii_lowercase().as_str(), "earlier" | "ago")
        {
            let val = match self.reference {
                Some(r) => Val::Year(r.year() - 1),
                None => unplaced("XXXX", Granularity::Year),
            };
            return Some(Hit::new(i, end, val));
        }
        // Amount-unit(-old/-long): durations.
        let amount = pieces[0]
            .parse::<u32>()
            .ok()
            .filter(|n| *n < 1000)
            .or_else(|| number_word(pieces[0]))
            .or_else(|| {
                // "twenty-five-year-old"
                (pieces.len() >= 3)
                    .then(|| number_word(&whole[..pieces[0].len() + 1 + pieces[1].len()]))
                    .flatten()
            });
        if let Some(n) = amount {
            let unit_at = if number_word(pieces[0]).is_some()
                && pieces.len() >= 3
                && unit_word(pieces[1]).is_none()
            {
                2
            } else {
                1
            };
            if let Some(u) = pieces
                .get(unit_at)
                .filter(|p| !p.ends_with('s'))
                .and_then(|p| unit_word(p))
            {
                let tail_ok = pieces.get(unit_at + 1..).is_some_and(|t| {
                    t.iter()
                        .all(|p| matches!(p.to_ascii_lowercase().as_str(), "old" | "long"))
                });
                if tail_ok {
                    return Some(Hit::new(i, end, Val::Duration(Some(n), u)));
                }
            }
        }
        // Ordinal-quarter / ordinal-half / ordinal-century.
        if pieces.len() == 2
            && let Some(n) = ordinal(pieces[0])
        {
            let what = keyword(pieces[1]);
            let r = self.reference;
            return match what {
                "quarter" if (1..=4).contains(&n) => Some(Hit::new(
                    i,
                    end,
                    match r {
                        Some(r) => Val::Quarter(r.year(), n),
                        None => unplaced(&format!("XXXX-Q{n}"), Granularity::Season),
                    },
                )),
                "half" if (1..=2).contains(&n) => Some(Hit::new(
                    i,
                    end,
                    match r {
                        Some(r) => Val::Half(r.year(), n),
                        None => unplaced(&format!("XXXX-H{n}"), Granularity::Season),
                    },
                )),
                "century" if (1..=30).contains(&n) => {
                    Some(Hit::new(i, end, Val::Century(n as i32 - 1)))
                }
                _ => None,
            };
        }
        None
    }

    /// Expressions led by a word that is not a keyword: "1990s", "Q3", "12th" (as a
    /// day before a month), ordinals before "quarter"/"century", "'90s".
    fn word_led(&self, i: usize) -> Option<Hit> {
        let t = self.txt(i);
        let r = self.reference;
        if matches!(t, "'" | "\u{2019}")
            && self.tight(i)
            && let Some(d) = self.txt(i + 1).strip_suffix('s')
            && d.len() == 2
            && d.ends_with('0')
            && let Ok(d) = d.parse::<i32>()
        {
            let century = if d <= 20 { 200 } else { 190 };
            return Some(Hit::new(i, i + 2, Val::Decade(century + d / 10)));
        }
        if self.kind(i) == Some(TokenKind::Punct) {
            return None;
        }
        if t.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && let Some(hit) = self.clock_then_day(i)
        {
            return Some(hit);
        }
        if let Some(v) = year_or_decade(t)
            && matches!(v, Val::Decade(_) | Val::Century(_))
        {
            return Some(Hit::new(i, i + 1, v));
        }
        let b = t.as_bytes();
        if b.len() == 2 && matches!(b[0], b'Q' | b'H') && b[1].is_ascii_digit() {
            let n = u32::from(b[1] - b'0');
            let (year, end) = match self.year_after(i + 1) {
                Some((y, e)) => (Some(y), e),
                None => (r.map(|r| r.year()), i + 1),
            };
            let q = b[0] == b'Q';
            if (q && !(1..=4).contains(&n)) || (!q && !(1..=2).contains(&n)) {
                return None;
            }
            let val = match (year, q) {
                (Some(y), true) => Val::Quarter(y, n),
                (Some(y), false) => Val::Half(y, n),
                (None, true) => unplaced(&format!("XXXX-Q{n}"), Granularity::Season),
                (None, false) => unplaced(&format!("XXXX-H{n}"), Granularity::Season),
            };
            return Some(Hit::new(i, end, val));
        }
        if let Some(hit) = self.day_month_date(i) {
            return Some(self.with_suffix(hit));
        }
        let n = ordinal(t)?;
        match self.kw(i + 1) {
            "quarter" | "half" => {
                let q = self.kw(i + 1) == "quarter";
                if (q && !(1..=4).contains(&n)) || (!q && !(1..=2).contains(&n)) {
                    return None;
                }
                let (year, end) = match self.of_year(i + 2) {
                    Some((y, e)) => (Some(y), e),
                    None => (r.map(|r| r.year()), i + 2),
                };
                let val = match (year, q) {
                    (Some(y), true) => Val::Quarter(y, n),
                    (Some(y), false) => Val::Half(y, n),
                    (None, true) => unplaced(&format!("XXXX-Q{n}"), Granularity::Season),
                    (None, false) => unplaced(&format!("XXXX-H{n}"), Granularity::Season),
                };
                Some(Hit::new(i, end, val))
            }
            "century" if (1..=30).contains(&n) => {
                Some(Hit::new(i, i + 2, Val::Century(n as i32 - 1)))
            }
            _ => None,
        }
    }

    /// "of 1990", "of this year", "of last year" after a quarter: (year, end token).
    fn of_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.kw(i) != "of" {
            return None;
        }
        if let Some((y, e)) = self.year_after(i + 1) {
            return Some((y, e));
        }
        let r = self.reference?;
        if self.kw(i + 2) == "year" {
            let y = match self.kw(i + 1) {
                "this" => r.year(),
                "last" => r.year() - 1,
                "next" => r.year() + 1,
                _ => return None,
            };
            return Some((y, i + 3));
        }
        None
    }
}

/// The day a value falls on, when it is day-level (narrative anchors).
fn day_of(val: &Val) -> Option<NaiveDate> {
    match *val {
        Val::Day(d) | Val::PartOfDay(d, _) | Val::Clock(Some(d), ..) => Some(d),
        _ => None,
    }
}

/// True when "early/late/mid" can apply to the value.
fn modifiable(val: &Val) -> bool {
    matches!(
        val,
        Val::Day(_)
            | Val::Week(_)
            | Val::Weekend(_)
            | Val::Month(..)
            | Val::Quarter(..)
            | Val::Half(..)
            | Val::Season(..)
            | Val::Year(_)
            | Val::Decade(_)
            | Val::Century(_)
            | Val::PartOfDay(..)
    ) || matches!(val, Val::Unplaced(_, TimexType::Date, _))
}

/// "1990" → a year, "1990s" → a decade, "1800s" → a century.
fn year_or_decade(s: &str) -> Option<Val> {
    let (digits, plural) = match s.strip_suffix('s') {
        Some(d) => (d, true),
        None => (s, false),
    };
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    if !(1000..=2999).contains(&y) {
        return None;
    }
    Some(match (plural, y % 100 == 0 && y % 1000 != 0) {
        (false, _) => Val::Year(y),
        (true, true) => Val::Century(y / 100),
        (true, false) => Val::Decade(y / 10),
    })
}

fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
    }
}

/// The value of a year-less day ("XXXX-09-12"), if `val` is one.
fn yearless_day(val: &Val) -> Option<&str> {
    match val {
        Val::Unplaced(v, TimexType::Date, Granularity::Day)
            if v.len() == 10 && v.starts_with("XXXX-") && !v.contains('W') =>
        {
            Some(v)
        }
        _ => None,
    }
}

fn unplaced(value: &str, g: Granularity) -> Val {
    Val::Unplaced(value.to_owned(), TimexType::Date, g)
}

fn unplaced_unit(u: Unit) -> Val {
    let v = match u {
        Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    };
    unplaced(v, u.granularity())
}

fn pod_val(day: Option<NaiveDate>, pod: PartOfDay) -> Val {
    if let Some(d) = day {
        Val::PartOfDay(d, pod)
    } else {
        {
            let code = match pod {
                PartOfDay::Morning => "MO",
                PartOfDay::Afternoon => "AF",
                PartOfDay::Evening => "EV",
                PartOfDay::Night => "NI",
            };
            Val::Unplaced(
                format!("XXXX-XX-XXT{code}"),
                TimexType::Time,
                Granularity::PartOfDay,
            )
        }
    }
}

/// A plural unit with no amount: a vague reference ("in past years") for years and
/// longer, else a duration of unknown length ("the past weeks" → `PXW`).
fn duration_or_vague(word: &str, u: Unit, vague: Val) -> Val {
    if word.ends_with('s') || word == "centuries" {
        vague
    } else {
        Val::Duration(Some(1), u)
    }
}

fn set_hit_span(start: usize, end: usize, value: &str, g: Granularity) -> Hit {
    Hit::new(start, end, Val::Set(value.to_owned(), g))
}
