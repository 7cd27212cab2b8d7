//! Publication dates written by people and machines: ISO stamps in metadata, and the
//! datelines and "Published:" lines of news copy.
//!
//! A date is only returned when its year is known: "Sept. 12 (Reuters) -" gives nothing.

use chrono::NaiveDate;

/// A date from a machine stamp such as `2023-09-12`, `2023-09-12T08:30:00+03:00` or
/// `20230912`; falls back to [`find_date`] for prose values.
pub(crate) fn parse_stamp(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let head: String = value.chars().take(10).collect();
    for format in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(&head, format) {
            return Some(date);
        }
    }
    let digits: String = value.chars().take(8).collect();
    if digits.len() == 8
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(date) = NaiveDate::parse_from_str(&digits, "%Y%m%d")
    {
        return Some(date);
    }
    find_date(value)
}

/// The month a word names (`Sept.`, `September`, `sep`), 1-based.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let month = match w.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(month)
}

/// A day of the month written as `12`, `12th`, `1st`.
fn day_of(word: &str) -> Option<u32> {
    let digits = word
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .trim_end_matches('.');
    let suffix = &word[digits.len()..].to_ascii_lowercase();
    if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th" | ".") {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A plausible publication year written as four digits.
fn year_of(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1800..=2200).contains(y))
}

/// The first full calendar date (with a year) written in `text`: `12 September 2023`,
/// `September 12, 2023`, `Sept. 12th 2023`, `2023-09-12`.
pub(crate) fn find_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '|' | '/' | '·'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        if let Some(date) = iso_date(word) {
            return Some(date);
        }
        if let Some(month) = month_of(word)
            && let (Some(day), Some(year)) = (day_of(next(1)), year_of(next(2)))
            && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
        {
            return Some(date);
        }
        if let Some(day) = day_of(word) {
            let (month_word, year_word) = if next(1).eq_ignore_ascii_case("of") {
                (next(2), next(3))
            } else {
                (next(1), next(2))
            };
            if let (Some(month), Some(year)) = (month_of(month_word), year_of(year_word))
                && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
            {
                return Some(date);
            }
        }
    }
    None
}

/// `2023-09-12` at the start of a word (times after it are ignored).
fn iso_date(word: &str) -> Option<NaiveDate> {
    let head = word.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Words that introduce a publication date on a line of its own.
const DATE_LABELS: &[&str] = &[
    "published",
    "posted",
    "date",
    "dated",
    "first published",
    "updated",
    "last updated",
    "filed",
];

/// The publication date written at the head of a news text: a "Published: …" line, a
/// short date line, or a dateline ("MOSCOW, Sept 12, 2023 (Reuters) - …"). Only the first
/// lines are read, so dates in the story itself are not taken for the publication date.
pub(crate) fn dateline_date(text: &str) -> Option<NaiveDate> {
    let mut updated: Option<NaiveDate> = None;
    for (index, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .enumerate()
    {
        let lower = line.to_lowercase();
        let label = DATE_LABELS
            .iter()
            .find(|label| lower.starts_with(*label))
            .copied();
        if let Some(label) = label
            && let Some(date) = line.get(label.len()..).and_then(find_date)
        {
            if label.contains("updated") {
                updated = updated.or(Some(date));
                continue;
            }
            return Some(date);
        }
        let short = line.split_whitespace().count() <= 8 && !line.ends_with('.');
        if short && label.is_none() {
            // A line that is only a date ("Tuesday, 12 September 2023", "By Jane Roe | 2023-09-12").
            if let Some(date) = find_date(line) {
                return Some(date);
            }
        }
        if let Some(head) = dateline_head(line)
            && let Some(date) = find_date(head)
        {
            return Some(date);
        }
        if index >= 1 && line.chars().count() > 200 {
            // Past the first paragraph of the story: stop looking.
            break;
        }
    }
    updated
}

/// The dateline of a paragraph: what comes before its first dash, when that is short
/// and names an agency or a place in capitals ("VLADIVOSTOK, Sept 12 (TASS)").
fn dateline_head(line: &str) -> Option<&str> {
    let cut = [" - ", " – ", " — ", " -- ", " —", " –"]
        .iter()
        .filter_map(|dash| line.find(dash))
        .min()?;
    let head = &line[..cut];
    if head.chars().count() > 80 {
        return None;
    }
    let agency = head.contains('(') && head.contains(')');
    let capitals = head
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase));
    (agency || capitals).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Ymd = (i32, u32, u32);

    fn check_find(input: &str, expect: Option<Ymd>) {
        let expect = expect.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        assert_eq!(find_date(input), expect, "{input}");
    }

    #[test]
    fn dates_are_found_in_the_usual_spellings() {
        let table: &[(&str, Option<Ymd>)] = &[
            ("12 September 2023", Some((2023, 9, 12))),
            ("September 12, 2023", Some((2023, 9, 12))),
            ("Sept. 12, 2023", Some((2023, 9, 12))),
            ("Tuesday, Sep 12th 2023 at noon", Some((2023, 9, 12))),
            ("the 3rd of March 2021", Some((2021, 3, 3))),
            ("2023-09-12T08:00:00Z", Some((2023, 9, 12))),
            ("Sept. 12 (Reuters)", None),
            ("February 30, 2023", None),
            ("May I go, 2023 people", None),
            ("", None),
        ];
        for &(input, expect) in table {
            check_find(input, expect);
        }
    }

    #[test]
    fn machine_stamps_are_read() {
        let d = NaiveDate::from_ymd_opt(2023, 9, 12);
        assert_eq!(parse_stamp("2023-09-12T08:30:00+03:00"), d);
        assert_eq!(parse_stamp(" 2023/09/12 "), d);
        assert_eq!(parse_stamp("20230912"), d);
        assert_eq!(parse_stamp("Tue, 12 Sep 2023 08:30:00 GMT"), d);
        assert_eq!(parse_stamp("soon"), None);
        assert_eq!(parse_stamp("2023-ü9-12"), None);
    }

    #[test]
    fn datelines_give_a_date_only_with_a_year() {
        let d = NaiveDate::from_ymd_opt(2023, 9, 12);
        let table: &[(&str, Option<NaiveDate>)] = &[
            ("Published: 12 September 2023\n\nThe train left.", d),
            (
                "A headline\nUpdated 13 September 2023\nPublished 12 September 2023\n",
                d,
            ),
            ("MOSCOW, Sept 12, 2023 (Reuters) - The train left.", d),
            ("Sept. 12 (Reuters) - The train left on Tuesday.", None),
            ("VLADIVOSTOK, Sept 12 (TASS) - The train arrived.", None),
            ("Tuesday, 12 September 2023\n\nThe train left.", d),
            ("Kim goes east\n\nThe war began on 24 February 2022.", None),
            (
                "The talks were planned for months and the delegation is expected to stay for several days, officials said on condition of anonymity, adding that nothing was certain.\nThe war began on 24 February 2022.",
                None,
            ),
        ];
        for &(input, expect) in table {
            assert_eq!(dateline_date(input), expect, "{input}");
        }
    }
}
