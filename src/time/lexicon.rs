//! The words the temporal scanner knows, and what they mean.
//!
//! Each token is looked up once (ASCII case-folded on the stack, no allocation) and
//! replaced by its canonical lower-case keyword, or `""` when it is not one. Rules then
//! compare `&'static str`s.

use std::sync::LazyLock;

use super::calendar::{PartOfDay, Season, Unit};
use crate::hash::FastMap;

/// Every keyword the rules look at, sorted for the reader (the lookup hashes).
const KEYWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "afternoon",
    "afternoons",
    "ago",
    "almost",
    "an",
    "and",
    "annually",
    "another",
    "approximately",
    "apr",
    "april",
    "are",
    "around",
    "at",
    "aug",
    "august",
    "autumn",
    "before",
    "beginning",
    "by",
    "cdt",
    "centuries",
    "century",
    "cest",
    "cet",
    "coming",
    "comparable",
    "corresponding",
    "cst",
    "current",
    "currently",
    "daily",
    "dark",
    "dawn",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "dozen",
    "due",
    "during",
    "dusk",
    "each",
    "earlier",
    "early",
    "edt",
    "eet",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighties",
    "eighty",
    "eleven",
    "eleventh",
    "end",
    "ending",
    "entire",
    "est",
    "eve",
    "evening",
    "evenings",
    "every",
    "expected",
    "fall",
    "feb",
    "february",
    "few",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "first",
    "fiscal",
    "five",
    "following",
    "former",
    "formerly",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "friday",
    "from",
    "full",
    "future",
    "gmt",
    "going",
    "half",
    "hence",
    "hour",
    "hours",
    "hundred",
    "in",
    "is",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "least",
    "less",
    "ll",
    "local",
    "long",
    "many",
    "mar",
    "march",
    "may",
    "mdt",
    "mid",
    "middle",
    "midnight",
    "minute",
    "minutes",
    "monday",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "mornings",
    "msk",
    "mst",
    "near",
    "nearly",
    "next",
    "night",
    "nights",
    "nine",
    "nineteen",
    "nineteenth",
    "nineties",
    "ninety",
    "ninth",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "o'clock",
    "oct",
    "october",
    "of",
    "old",
    "on",
    "one",
    "other",
    "over",
    "overnight",
    "past",
    "pdt",
    "percent",
    "period",
    "plan",
    "planned",
    "planning",
    "plans",
    "pm",
    "present",
    "presently",
    "previous",
    "previously",
    "pst",
    "quarter",
    "quarters",
    "recent",
    "recently",
    "right",
    "roughly",
    "same",
    "saturday",
    "scheduled",
    "second",
    "sep",
    "sept",
    "september",
    "set",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventies",
    "seventy",
    "several",
    "shall",
    "since",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixties",
    "sixty",
    "some",
    "soon",
    "spring",
    "start",
    "summer",
    "sunday",
    "ten",
    "tenth",
    "term",
    "than",
    "that",
    "the",
    "these",
    "third",
    "thirteen",
    "thirteenth",
    "thirtieth",
    "thirty",
    "this",
    "thousand",
    "three",
    "through",
    "throughout",
    "thursday",
    "till",
    "time",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "turn",
    "twelfth",
    "twelve",
    "twenties",
    "twentieth",
    "twenty",
    "two",
    "until",
    "utc",
    "wednesday",
    "week",
    "weekend",
    "weekly",
    "weeks",
    "whole",
    "will",
    "winter",
    "within",
    "year",
    "yearly",
    "years",
    "yesterday",
];

/// The canonical keyword `word` is, or `""`.
pub(super) fn keyword(word: &str) -> &'static str {
    static MAP: LazyLock<FastMap<&'static [u8], &'static str>> =
        LazyLock::new(|| KEYWORDS.iter().map(|k| (k.as_bytes(), *k)).collect());
    let word = strip_possessive(word);
    let bytes = word.as_bytes();
    // Typographic apostrophe bytes are not ASCII: such words are not keywords.
    if bytes.is_empty() || bytes.len() > 16 || !bytes.is_ascii() {
        return "";
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    let lower: &[u8] = match &*lower {
        b"a.m" | b"am" => return "am",
        b"p.m" => return "pm",
        b"tues" => b"tuesday",
        b"thurs" => b"thursday",
        b"secs" => return "",
        other => other,
    };
    MAP.get(lower).copied().unwrap_or("")
}

/// `word` without a final possessive `'s` ("Tuesday's" → "Tuesday").
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// Month number of a month name or abbreviation.
pub(super) fn month(kw: &str) -> Option<u32> {
    Some(match kw {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for month names that are also common words or given names ("May", "March",
/// "August"): they count as months alone only in a temporal frame.
pub(super) fn month_is_ambiguous(kw: &str) -> bool {
    matches!(
        kw,
        "may" | "march" | "mar" | "april" | "june" | "august" | "jan" | "dec" | "sep"
    )
}

/// Days since Monday of a weekday name.
pub(super) fn weekday(kw: &str) -> Option<u32> {
    Some(match kw {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// The calendar unit a noun names, singular or plural.
pub(super) fn unit(kw: &str) -> Option<Unit> {
    Some(match kw {
        "minute" | "minutes" => Unit::Minute,
        "hour" | "hours" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// Like [`unit`], for the inside of a hyphenated compound, which is not a keyword token
/// ("three-month-old").
pub(super) fn unit_word(word: &str) -> Option<Unit> {
    unit(keyword(word))
}

/// A part of the day named by a noun.
pub(super) fn part_of_day(kw: &str) -> Option<PartOfDay> {
    Some(match kw {
        "morning" | "mornings" | "dawn" => PartOfDay::Morning,
        "afternoon" | "afternoons" => PartOfDay::Afternoon,
        "evening" | "evenings" | "dusk" => PartOfDay::Evening,
        "night" | "nights" => PartOfDay::Night,
        _ => return None,
    })
}

/// A season named by a noun.
pub(super) fn season(kw: &str) -> Option<Season> {
    Some(match kw {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// The value of a cardinal number word, plain or hyphenated ("twenty-five").
pub(crate) fn number_word(word: &str) -> Option<u32> {
    if let Some((tens, ones)) = word.split_once('-') {
        let t = number_word(tens)?;
        let o = number_word(ones)?;
        return (t >= 20 && t % 10 == 0 && o < 10).then_some(t + o);
    }
    number_keyword(keyword(word))
}

/// The value of a number word's canonical keyword (see [`keyword`]).
pub(super) fn number_keyword(kw: &str) -> Option<u32> {
    Some(match kw {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "hundred" => 100,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// The value of an ordinal, spelled ("third", "twenty-first") or numeric ("3rd", "12th").
pub(super) fn ordinal(word: &str) -> Option<u32> {
    // no ordinal is longer than "twenty-seventh": fold case on the stack
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 || !bytes.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf.make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..bytes.len()]).ok()?;
    if let Some(digits) = lower
        .strip_suffix("st")
        .or_else(|| lower.strip_suffix("nd"))
        .or_else(|| lower.strip_suffix("rd"))
        .or_else(|| lower.strip_suffix("th"))
        && !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return digits.parse().ok();
    }
    if let Some((tens, ones)) = lower.split_once('-') {
        let t = number_word(tens)?;
        let o = ordinal(ones)?;
        return (t >= 20 && t % 10 == 0 && o < 10).then_some(t + o);
    }
    Some(match lower {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// The decade a spelled plural names ("the nineties" → 9), taken as the 1900s.
pub(super) fn decade_word(kw: &str) -> Option<i32> {
    Some(match kw {
        "twenties" => 2,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// True for the abbreviation of a time zone.
pub(super) fn is_zone(word: &str) -> bool {
    matches!(
        word,
        "GMT"
            | "UTC"
            | "EST"
            | "EDT"
            | "CST"
            | "CDT"
            | "MST"
            | "MDT"
            | "PST"
            | "PDT"
            | "BST"
            | "CET"
            | "CEST"
            | "EET"
            | "EEST"
            | "MSK"
            | "IST"
            | "JST"
            | "AEST"
            | "AEDT"
            | "ET"
            | "PT"
            | "Z"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_table_is_sorted_for_binary_search() {
        assert!(KEYWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn keywords_fold_case() {
        assert_eq!(keyword("Yesterday"), "yesterday");
        assert_eq!(keyword("P.M"), "pm");
        assert_eq!(keyword("Vladivostok"), "");
    }

    #[test]
    fn numbers_and_ordinals_are_read_in_words_and_digits() {
        assert_eq!(number_word("twenty-five"), Some(25));
        assert_eq!(ordinal("12th"), Some(12));
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert_eq!(ordinal("first"), Some(1));
        assert_eq!(ordinal("th"), None);
    }
}
