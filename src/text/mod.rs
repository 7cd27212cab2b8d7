//! Tokens and sentences, with byte spans into the document text.
//!
//! Nothing here allocates per token beyond the output vectors, and no offset is ever
//! adjusted: a [`Token`]'s span slices the very text it was made from.

use crate::span::Span;

pub mod pos;

/// What a token looks like, as far as later stages care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and inner apostrophes, hyphens and periods, as in "O'Hare", "Komsomolsk-on-Amur", "U.S.").
    Word,
    /// Digits, possibly with inner separators ("1,200", "12.09.2023", "9:37").
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token of the text: twelve bytes (a book has millions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    start: u32,
    end: u32,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
    /// A token over `span`. Offsets are kept in 32 bits: a text is at most tens of
    /// megabytes (`ingest` refuses more); past 4 GiB they would stop at its end.
    #[must_use]
    pub fn new(span: Span, kind: TokenKind) -> Token {
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Token {
            start: offset(span.start),
            end: offset(span.end),
            kind,
        }
    }

    /// Where the token lies in the text.
    #[must_use]
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The token's text.
    #[must_use]
    pub fn text(self, text: &str) -> &str {
        self.span().slice(text)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{00AD}'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '·')
}

/// True for a period at byte `at` that runs two sentences together without a space, as
/// scraped pages do ("in Rockland County.Then the car"): a word of two lower-case letters
/// or more before it, a capitalised word after it. "U.S", "e.g", "Ph.D" and "x.1" stay.
fn run_on_period(bytes: &[u8], at: usize) -> bool {
    at >= 2
        && bytes.get(at) == Some(&b'.')
        && bytes[at - 2].is_ascii_lowercase()
        && bytes[at - 1].is_ascii_lowercase()
        && bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(at + 2).is_some_and(u8::is_ascii_lowercase)
}

/// Splits `text` into words, numbers and punctuation marks.
///
/// Inner apostrophes and hyphens stay inside a word ("O'Hare", "Komsomolsk-on-Amur"); a
/// period stays inside when a letter follows it directly ("U.S"), so abbreviations keep
/// together but a sentence-final period is its own token.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    // Bytewise, with ASCII answered from the byte and only other characters decoded: the
    // same tokens as `tokenize_by_chars` (kept in the tests), for a fraction of the cost.
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let start = at;
        let numeric = match b {
            // ASCII whitespace as `char::is_whitespace` has it
            b' ' | b'\t'..=b'\r' => {
                at += 1;
                continue;
            }
            b'0'..=b'9' => true,
            b'a'..=b'z' | b'A'..=b'Z' => false,
            0..=0x7f => {
                at += 1;
                tokens.push(Token::new(Span::new(start, at), TokenKind::Punct));
                continue;
            }
            _ => {
                let Some((c, len)) = char_at(text, at) else {
                    break;
                };
                at += len;
                if c.is_whitespace() {
                    continue;
                }
                if !is_word_char(c) {
                    tokens.push(Token::new(Span::new(start, at), TokenKind::Punct));
                    continue;
                }
                false
            }
        };
        loop {
            // a run of ASCII letters and digits, the bulk of any word
            while bytes
                .get(at)
                .is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)])
            {
                at += 1;
            }
            // an ASCII byte after it that is no joiner ends the word
            match bytes.get(at) {
                None => break,
                Some(b'\'' | b'-' | b'.') if !numeric => {}
                Some(b',' | b'.' | b':' | b'/') if numeric => {}
                Some(b) if b.is_ascii() => break,
                Some(_) => {}
            }
            let Some((n, len)) = char_at(text, at) else {
                break;
            };
            if is_word_char(n) {
                at += len;
                continue;
            }
            let joins = if numeric {
                matches!(n, ',' | '.' | ':' | '/')
            } else {
                is_joiner(n)
            };
            // A joiner stays only when a word character follows it directly, and a period
            // only when it does not run two sentences together.
            let joined = joins
                && char_at(text, at + len).is_some_and(|(a, _)| {
                    (numeric && a.is_ascii_digit()) || (!numeric && a.is_alphabetic())
                })
                && (numeric || at < start + 2 || !run_on_period(bytes, at));
            if !joined {
                break;
            }
            at += len;
        }
        let kind = if numeric && all_digits_or_separators(&bytes[start..at]) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(Token::new(Span::new(start, at), kind));
    }
    tokens
}

/// For each byte, whether it is an ASCII letter or digit: a table read is cheaper than
/// the three range tests of `u8::is_ascii_alphanumeric` in the tokenizer's inner loop.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character starting at byte `at` of `text` (on a char boundary) and its length in
/// bytes, `None` at the end: an ASCII byte is its own character, others are decoded.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn all_digits_or_separators(s: &[u8]) -> bool {
    s.iter()
        .all(|&b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':' | b'/'))
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "etc", "jr", "sr", "inc", "corp", "co", "ltd", "u.s", "u.k",
    "u.n", "e.g", "i.e", "approx", "pres", "rev", "hon", "maj", "brig", "pvt", "ave", "blvd", "rd",
    "fig", "est", "a.m", "p.m",
];

/// Sentence spans of `text`, in order, covering every non-space character.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
/// whitespace and an upper-case letter, digit or opening quote, unless the period closes
/// a known abbreviation or a single initial; and at every blank line or line break that
/// follows a line without final punctuation (headlines, datelines, list items).
#[must_use]
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = None::<usize>;
    // the byte just past the last non-space character before `i`
    let non_space_end = |i: usize| text[..i].trim_end().len();
    let mut i = 0;
    // Only line breaks and final punctuation matter: other bytes (and the inner bytes of
    // any multi-byte character) are stepped over without decoding them.
    while i < bytes.len() {
        if start.is_none() {
            let rest = &text[i..];
            let skipped = rest.len() - rest.trim_start().len();
            if skipped == rest.len() {
                break;
            }
            i += skipped;
            start = Some(i);
        }
        let width = match bytes[i] {
            b'\n' => {
                // A line break ends a sentence when the line has no closing punctuation
                // (headline, dateline) or when the next line is blank.
                let next_blank = text[i + 1..]
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim().is_empty());
                let line_end = non_space_end(i);
                let line_ended_open = !text[..line_end].ends_with([',', ';', ':', '-', '–', '(']);
                if let Some(s) = start
                    && (next_blank || line_ended_open)
                {
                    out.push(Span::new(s, line_end));
                    start = None;
                }
                i += 1;
                continue;
            }
            b'.' | b'!' | b'?' => 1,
            0xE2 if text[i..].starts_with('…') => '…'.len_utf8(),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut end = i + width;
        // swallow closing quotes and brackets
        for n in text[end..].chars() {
            if matches!(n, '"' | '\'' | '’' | '”' | ')' | ']' | '.' | '!' | '?') {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        let period = bytes[i] == b'.';
        let at = i;
        i = end;
        let rest = &text[end..];
        let after_space = rest.trim_start_matches([' ', '\t', '\u{a0}']);
        let run_on = period && end == at + 1 && run_on_period(bytes, at);
        if after_space.len() == rest.len() && !rest.starts_with('\n') && !rest.is_empty() && !run_on
        {
            continue; // no space after: "U.S.-led", "3.5"
        }
        let starts_new = match after_space.chars().next() {
            None | Some('\n' | '\r') => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[')
            }
        };
        if !starts_new {
            continue;
        }
        if period {
            let word_start = text[..at]
                .char_indices()
                .rev()
                .find(|&(_, ch)| ch.is_whitespace() || ch == '(' || ch == '"')
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            let word = text[word_start..at].to_lowercase();
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            if single_initial || ABBREVIATIONS.contains(&word.as_str()) {
                continue;
            }
        }
        if let Some(s) = start.take() {
            out.push(Span::new(s, end));
        }
    }
    if let Some(s) = start {
        let end = non_space_end(bytes.len());
        if end > s {
            out.push(Span::new(s, end));
        }
    }
    out
}

/// Index of the sentence containing byte `offset`, if any.
#[must_use]
pub fn sentence_at(sentences: &[Span], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    /// The tokenizer as first written, char by char: [`tokenize`] must agree with it.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if is_word_char(c) {
                let numeric = c.is_ascii_digit();
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = chars.peek() {
                    if is_word_char(n) {
                        end = i + n.len_utf8();
                        chars.next();
                        continue;
                    }
                    let joins = if numeric {
                        matches!(n, ',' | '.' | ':' | '/')
                    } else {
                        is_joiner(n)
                    };
                    if !joins
                        || (!numeric
                            && n == '.'
                            && i >= start + 2
                            && run_on_period(text.as_bytes(), i))
                    {
                        break;
                    }
                    let after = text[i + n.len_utf8()..].chars().next();
                    match after {
                        Some(a)
                            if (numeric && a.is_ascii_digit())
                                || (!numeric && a.is_alphabetic()) =>
                        {
                            end = i + n.len_utf8();
                            chars.next();
                        }
                        _ => break,
                    }
                }
                let kind = if numeric && all_digits_or_separators(&text.as_bytes()[start..end]) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                tokens.push(Token::new(Span::new(start, end), kind));
            } else {
                tokens.push(Token::new(
                    Span::new(start, start + c.len_utf8()),
                    TokenKind::Punct,
                ));
            }
        }
        tokens
    }

    #[test]
    fn the_bytewise_tokenizer_agrees_with_the_char_by_char_one() {
        let fixtures = [
            include_str!("../../tests/fixtures/articles/01_state_visit.txt"),
            include_str!("../../tests/fixtures/articles/02_storm_track.txt"),
            include_str!("../../tests/fixtures/articles/06_expedition.txt"),
            "O'Hare U.S. Komsomolsk-on-Amur 1,200 12.09.2023 9:37 3/4 x.1 1.x ’s co-op l’Aquila",
            "Łódź—Kraków São Paulo İstanbul naïve ½ 2½ ٣٤ x\u{AD}y x-\u{AD} \u{2028}a\u{A0}b ‐‐ a·b",
            "a- -a 'a a' 1, ,1 1.. a.. .a a.b.c. 1:2:3 .",
            "Rockland County.Then x.Ab ab.AB ab.Ab. Mrs.Smith e.g.Then 1.Ab ab.A",
        ];
        for text in fixtures {
            assert_eq!(tokenize(text), tokenize_by_chars(text), "{text}");
        }
    }

    /// The sentence splitter as it was written first, a character at a time: the reference
    /// the byte-stepping one must agree with.
    fn sentences_by_chars(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut start = None::<usize>;
        let mut last_non_space = 0usize;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if start.is_none() {
                if c.is_whitespace() {
                    continue;
                }
                start = Some(i);
            }
            if c == '\n' {
                // A line break ends a sentence when the line has no closing punctuation
                // (headline, dateline) or when the next line is blank.
                let next_blank = text[i + 1..]
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim().is_empty());
                let line_ended_open = !text[..=last_non_space]
                    .trim_end()
                    .ends_with([',', ';', ':', '-', '–', '(']);
                if let Some(s) = start
                    && (next_blank || line_ended_open)
                {
                    out.push(Span::new(s, last_non_space + 1));
                    start = None;
                }
                continue;
            }
            if !c.is_whitespace() {
                last_non_space = i + c.len_utf8() - 1;
            }
            if matches!(c, '.' | '!' | '?' | '…') {
                let mut end = i + c.len_utf8();
                // swallow closing quotes and brackets
                while let Some(&(j, n)) = iter.peek() {
                    if matches!(n, '"' | '\'' | '’' | '”' | ')' | ']' | '.' | '!' | '?') {
                        end = j + n.len_utf8();
                        last_non_space = end - 1;
                        iter.next();
                    } else {
                        break;
                    }
                }
                let rest = &text[end..];
                let after_space = rest.trim_start_matches([' ', '\t', '\u{a0}']);
                let run_on = c == '.' && end == i + 1 && run_on_period(bytes, i);
                if after_space.len() == rest.len()
                    && !rest.starts_with('\n')
                    && !rest.is_empty()
                    && !run_on
                {
                    continue; // no space after: "U.S.-led", "3.5"
                }
                let next = after_space.chars().next();
                let starts_new = match next {
                    None | Some('\n' | '\r') => true,
                    Some(n) => {
                        n.is_uppercase()
                            || n.is_ascii_digit()
                            || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[')
                    }
                };
                if !starts_new {
                    continue;
                }
                if c == '.' {
                    let word_start = text[..i]
                        .char_indices()
                        .rev()
                        .find(|&(_, ch)| ch.is_whitespace() || ch == '(' || ch == '"')
                        .map_or(0, |(p, ch)| p + ch.len_utf8());
                    let word = text[word_start..i].to_lowercase();
                    let single_initial =
                        word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
                    if single_initial || ABBREVIATIONS.contains(&word.as_str()) {
                        continue;
                    }
                }
                if let Some(s) = start.take() {
                    out.push(Span::new(s, end));
                }
            }
        }
        if let Some(s) = start {
            let end = last_non_space + 1;
            if end > s && end <= bytes.len() {
                out.push(Span::new(s, end));
            }
        }
        out
    }

    #[test]
    fn fixtures_split_into_sentences_as_char_by_char() {
        for text in [
            "Kim left. He arrived in Khasan.\nHEADLINE\n\nU.S.-led talks at 3.5 p.m. ended… Then “Go!” he said.) ",
            "Dr. A. Smith met Mr. Lee at St. Paul. It rained!  \u{a0}And then?\r\nNew line:\nnext, line-\nend",
            "",
            "   \n\n ",
            "…",
            "Café. Ère nouvelle… Ça va? Oui.",
            "Rockland County.Then they fled. Mrs.Smith met Ph.D students at U.S.Navy sites.Tea",
        ] {
            assert_eq!(sentences(text), sentences_by_chars(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_tokenizes_as_char_by_char(
            text in "([a-zA-Z0-9 ]|[-'’.,:/·‐]|\\PC|\\s|Ł|é|\u{AD}|½|٣)*"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_by_chars(&text));
        }

        #[test]
        fn any_text_splits_into_sentences_as_char_by_char(
            text in "([a-zA-Z0-9 ]|[.!?…\"'’”)(“‘,;:–-]|\\]|\\[|\n|\r|\t|\u{a0}|\\PC|\\s|é|Ł)*"
        ) {
            proptest::prop_assert_eq!(sentences(&text), sentences_by_chars(&text));
        }
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        assert_eq!(
            words("Komsomolsk-on-Amur, O'Hare and the U.S. border."),
            [
                "Komsomolsk-on-Amur",
                ",",
                "O'Hare",
                "and",
                "the",
                "U.S",
                ".",
                "border",
                "."
            ]
        );
        assert_eq!(
            words("Russia's 1,200 km on 12.09.2023 at 9:37pm"),
            [
                "Russia's",
                "1,200",
                "km",
                "on",
                "12.09.2023",
                "at",
                "9:37pm"
            ]
        );
        assert_eq!(words("Ussuriysk—then"), ["Ussuriysk", "—", "then"]);
    }

    #[test]
    fn token_kinds() {
        let t = tokenize("In 2023, Kim");
        assert_eq!(
            t.iter().map(|t| t.kind).collect::<Vec<_>>(),
            [
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Punct,
                TokenKind::Word
            ]
        );
    }

    #[test]
    fn sentences_split_on_final_punctuation_only() {
        assert_eq!(
            sents(
                "Kim arrived in Russia. Mr. Putin waited in Vladivostok. He left at 3 p.m. on Tuesday."
            ),
            [
                "Kim arrived in Russia.",
                "Mr. Putin waited in Vladivostok.",
                "He left at 3 p.m. on Tuesday."
            ]
        );
        assert_eq!(
            sents("U.S. officials said so. J. Smith agreed."),
            ["U.S. officials said so.", "J. Smith agreed."]
        );
        // a scraped page that lost the space after a period still has two sentences; an
        // abbreviation or an initialism does not
        assert_eq!(
            sents("They crossed into Rockland County.Then the car crashed. Mrs.Smith saw it."),
            [
                "They crossed into Rockland County.",
                "Then the car crashed.",
                "Mrs.Smith saw it."
            ]
        );
        assert_eq!(
            words("Rockland County.Then U.S.Navy"),
            ["Rockland", "County", ".", "Then", "U.S.Navy"]
        );
    }

    #[test]
    fn headlines_and_blank_lines_end_sentences() {
        assert_eq!(
            sents("Kim arrives in Russia\n\nThe train crossed the border.\nIt stopped."),
            [
                "Kim arrives in Russia",
                "The train crossed the border.",
                "It stopped."
            ]
        );
        assert_eq!(sents("  "), Vec::<&str>::new());
        assert_eq!(sents("no final stop"), ["no final stop"]);
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(
            sents("He said \"we will go.\" Then he went."),
            ["He said \"we will go.\"", "Then he went."]
        );
    }

    #[test]
    fn a_wide_space_before_a_period_is_no_problem() {
        assert_eq!(sents("\u{a0}."), ["."]);
        assert_eq!(
            sents("Seoul\u{3000}St. Louis. Then"),
            ["Seoul\u{3000}St. Louis.", "Then"]
        );
    }

    #[test]
    fn sentence_lookup() {
        let text = "One. Two. Three.";
        let s = sentences(text);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 6), Some(1));
        assert_eq!(sentence_at(&s, 4), None);
        assert_eq!(sentence_at(&s, 100), None);
    }
}
