//! The analysed text as the movement model reads it: tokens grouped by sentence, with the
//! place and time mentions that cover them.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;

use crate::geoparse::PlaceMention;
use crate::span::Span;
use crate::text::pos::Upos;
use crate::text::{Token, TokenKind, sentence_at};
use crate::time::TimeExpr;

/// No place or time at a token.
const NONE: u32 = u32::MAX;

/// Tokens, sentences, places and times of one text, indexed by token.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// The tokens of `text`, as [`crate::text::tokenize`] gives them (borrowed when the caller has them).
    pub tokens: Cow<'a, [Token]>,
    /// Every token in lower case, one after another (one string, not one per token: a
    /// book has millions of tokens).
    lower: String,
    /// Where each token's lower case starts in `lower`, and where the last one ends.
    lower_at: Vec<u32>,
    /// Each token's part of speech.
    pub upos: Vec<Upos>,
    /// The sentence each token belongs to.
    sentence_of: Vec<u32>,
    /// Token ranges of the sentences.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Byte spans of the sentences.
    pub sentence_spans: Vec<Span>,
    /// The place mention covering each token, or [`NONE`] (four bytes a token, not eight:
    /// a book has millions).
    place_at: Vec<u32>,
    /// The time expression covering each token, or [`NONE`].
    time_at: Vec<u32>,
    pub places: &'a [PlaceMention],
    pub times: &'a [TimeExpr],
    /// The day the text was written, when known.
    pub reference: Option<chrono::NaiveDate>,
    /// Whether each sentence is a headline in title case, once asked.
    title_case: OnceCell<Vec<Cell<Option<bool>>>>,
    /// Where [`Doc::in_quotation`] last counted quotation marks.
    quotes: Cell<Option<QuoteCursor>>,
}

/// Quotation marks counted from a paragraph's start up to a point.
#[derive(Clone, Copy)]
struct QuoteCursor {
    /// The start of the sentence last asked about.
    sentence: usize,
    /// The start of its paragraph.
    paragraph: usize,
    /// Where counting stopped.
    at: usize,
    /// Straight, opening and closing curly quotes from `paragraph` to `at`.
    counts: [usize; 3],
}

impl<'a> Doc<'a> {
    /// The document over `tokens`, which must be [`crate::text::tokenize`] of `text`.
    pub fn new(
        text: &'a str,
        tokens: Cow<'a, [Token]>,
        sentences: &[Span],
        places: &'a [PlaceMention],
        times: &'a [TimeExpr],
    ) -> Self {
        let mut lower = String::with_capacity(text.len());
        let mut lower_at = Vec::with_capacity(tokens.len() + 1);
        // a text is at most tens of megabytes (`ingest` refuses more): offsets fit in 32 bits
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for t in tokens.iter() {
            lower_at.push(offset(lower.len()));
            let word = t.text(text);
            if word.is_ascii() {
                let from = lower.len();
                lower.push_str(word);
                lower[from..].make_ascii_lowercase();
            } else {
                lower.push_str(&word.to_lowercase());
            }
        }
        lower_at.push(offset(lower.len()));
        let sentence_spans: Vec<Span> = if sentences.is_empty() {
            vec![Span::new(0, text.len())]
        } else {
            sentences.to_vec()
        };
        let mut sentence_of = Vec::with_capacity(tokens.len());
        let mut last = 0;
        for t in tokens.iter() {
            let s = sentence_at(&sentence_spans, t.span().start).unwrap_or(last);
            last = s;
            sentence_of.push(offset(s));
        }
        let mut sentence_tokens = vec![0..0; sentence_spans.len()];
        for (i, &s) in sentence_of.iter().enumerate() {
            if let Some(r) = sentence_tokens.get_mut(s as usize) {
                if r.start == r.end {
                    *r = i..i + 1;
                } else {
                    r.end = i + 1;
                }
            }
        }
        let cover = |spans: &mut dyn Iterator<Item = Span>| {
            let mut at = vec![NONE; tokens.len()];
            for (k, span) in spans.enumerate() {
                let from = tokens.partition_point(|t| t.span().end <= span.start);
                for (i, t) in tokens.iter().enumerate().skip(from) {
                    if t.span().start >= span.end {
                        break;
                    }
                    if at[i] == NONE {
                        at[i] = offset(k);
                    }
                }
            }
            at
        };
        let upos = crate::text::pos::tag_sentences(text, &tokens, &sentence_spans);
        let place_at = cover(&mut places.iter().map(|p| p.span));
        let time_at = cover(&mut times.iter().map(|t| t.span));
        Doc {
            text,
            tokens,
            lower,
            lower_at,
            upos,
            sentence_of,
            sentence_tokens,
            sentence_spans,
            place_at,
            time_at,
            places,
            times,
            reference: None,
            title_case: OnceCell::new(),
            quotes: Cell::new(None),
        }
    }

    /// True when the sentence holding token `i` is a headline in title case ("FBI Arrests
    /// North Carolina Suspect In Checotah"): of its words longer than three letters, at least
    /// four, and three in four of them capitalised. Worked out once per sentence.
    pub fn is_title_case(&self, i: usize) -> bool {
        let Some(s) = self.sentence_index(i) else {
            return false;
        };
        let known = self
            .title_case
            .get_or_init(|| vec![Cell::new(None); self.sentence_tokens.len()]);
        let Some(slot) = known.get(s) else {
            return false;
        };
        if let Some(answer) = slot.get() {
            return answer;
        }
        let (mut long, mut capitalised) = (0, 0);
        for k in self.sentence_tokens[s].clone() {
            if self.word(k).chars().filter(|c| c.is_alphabetic()).count() > 3 {
                long += 1;
                capitalised += usize::from(self.is_capitalised(k));
            }
        }
        let answer = long >= 4 && capitalised * 4 >= long * 3;
        slot.set(Some(answer));
        answer
    }

    /// True when token `i` stands inside quotation marks opened earlier in the paragraph its
    /// sentence starts in: an odd number of straight quotes, or more opening curly quotes than
    /// closing ones, from the paragraph's start to the token (a quotation of several sentences
    /// opens once). Asked in text order, the count goes on from the last answer.
    pub fn in_quotation(&self, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let sentence = self.sentence_range(i);
        let (Some(start), Some(at)) = (
            self.tokens.get(sentence.start).map(|t| t.span().start),
            self.tokens.get(i).map(|t| t.span().start),
        ) else {
            return false;
        };
        let mut c = match self.quotes.get() {
            Some(c) if c.sentence <= start && c.at <= at => c,
            _ => {
                let paragraph = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |n| n + 1);
                QuoteCursor {
                    sentence: start,
                    paragraph,
                    at: paragraph,
                    counts: [0; 3],
                }
            }
        };
        if c.sentence < start {
            // a line break between the last sentence asked about and this one starts a paragraph
            if let Some(n) = memchr::memrchr(b'\n', &bytes[c.sentence..start]) {
                c.paragraph = c.sentence + n + 1;
                c.at = c.paragraph;
                c.counts = [0; 3];
            }
            c.sentence = start;
        }
        // '“' and '”' are E2 80 9C and E2 80 9D in UTF-8
        for k in memchr::memchr2_iter(b'"', 0xE2, &bytes[c.at..at]) {
            let k = c.at + k;
            match bytes.get(k..k + 3) {
                Some([b'"', ..]) => c.counts[0] += 1,
                Some([0xE2, 0x80, 0x9C]) => c.counts[1] += 1,
                Some([0xE2, 0x80, 0x9D]) => c.counts[2] += 1,
                _ if bytes[k] == b'"' => c.counts[0] += 1,
                _ => {}
            }
        }
        c.at = at;
        self.quotes.set(Some(c));
        c.counts[0] % 2 == 1 || c.counts[1] > c.counts[2]
    }

    /// The same document, written on `reference`.
    pub fn written_on(self, reference: Option<chrono::NaiveDate>) -> Self {
        Doc { reference, ..self }
    }

    /// The token's text as written.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span().slice(self.text))
    }

    /// The token in lower case, or `""` past the end.
    pub fn low(&self, i: usize) -> &str {
        crate::work::step();
        match (self.lower_at.get(i), self.lower_at.get(i + 1)) {
            (Some(&from), Some(&to)) => self.lower.get(from as usize..to as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// Every token in lower case, in order.
    pub fn lowers(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.tokens.len()).map(|i| self.low(i))
    }

    /// True when the token is a word that starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        crate::work::step();
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The event word class of token `i`: of the word itself, else of its lemma when it is a
    /// verb ("swimming" → "swim"; a plural noun is no event word: "races in Boston", "flights
    /// from Hanoi").
    pub fn trigger(&self, i: usize) -> Option<super::lexicon::Trigger> {
        crate::work::step();
        let w = self.low(i);
        super::lexicon::trigger(w).or_else(|| {
            let upos = self.pos(i);
            (upos == Upos::Verb)
                .then(|| crate::text::pos::lemma(w, upos))
                .filter(|l| l != w)
                .and_then(|l| super::lexicon::trigger(&l))
        })
    }

    /// The token's part of speech (`X` past the end).
    pub fn pos(&self, i: usize) -> Upos {
        crate::work::step();
        self.upos.get(i).copied().unwrap_or(Upos::X)
    }

    /// True when the token is a number.
    pub fn is_number(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// True when the text's first sentence is a headline: a line of its own, without a
    /// full stop, with more text after it.
    pub fn has_headline(&self) -> bool {
        let Some(first) = self.sentence_spans.first() else {
            return false;
        };
        let line = first.slice(self.text).trim_end();
        self.sentence_spans.len() > 1
            && !line.ends_with(['.', '!', '?', '"', '”', '\'', '’'])
            && self.text[first.end..].starts_with('\n')
    }

    /// The place mention covering token `i`, if any.
    pub fn place_at(&self, i: usize) -> Option<usize> {
        crate::work::step();
        self.place_at
            .get(i)
            .filter(|&&p| p != NONE)
            .map(|&p| p as usize)
    }

    /// The time expression covering token `i`, if any.
    pub fn time_at(&self, i: usize) -> Option<usize> {
        crate::work::step();
        self.time_at
            .get(i)
            .filter(|&&t| t != NONE)
            .map(|&t| t as usize)
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentence_index(i)
            .and_then(|s| self.sentence_tokens.get(s))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The sentence holding token `i`, `None` past the end.
    pub fn sentence_index(&self, i: usize) -> Option<usize> {
        self.sentence_of.get(i).map(|&s| s as usize)
    }

    /// The sentence holding token `i` (the first past the end).
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentence_index(i).unwrap_or(0)
    }

    /// Token range of place mention `p`.
    pub fn place_tokens(&self, p: usize) -> Range<usize> {
        let Some(span) = self.places.get(p).map(|m| m.span) else {
            return 0..0;
        };
        let from = self.tokens.partition_point(|t| t.span().end <= span.start);
        let mut to = from;
        while to < self.tokens.len() && self.tokens[to].span().start < span.end {
            to += 1;
        }
        from..to
    }

    /// Token range of time expression `t`.
    pub fn time_tokens(&self, t: usize) -> Range<usize> {
        let Some(span) = self.times.get(t).map(|m| m.span) else {
            return 0..0;
        };
        let from = self.tokens.partition_point(|t| t.span().end <= span.start);
        let mut to = from;
        while to < self.tokens.len() && self.tokens[to].span().start < span.end {
            to += 1;
        }
        from..to
    }
}
