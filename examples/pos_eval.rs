//! Scores the part-of-speech tagger and the lemmas on a CoNLL-U file, in the file's own words.
//!
//! `cargo run --release --no-default-features --example pos_eval -- en_ewt-ud-test.conllu`
//! prints the share of words tagged right and of NOUN, VERB and AUX lemmas right (given the
//! gold tag), as `scripts/train_pos.py` reports them for "UD's words".

use itinera::Span;
use itinera::text::pos::{Upos, lemma, tag_sentences};
use itinera::text::{Token, TokenKind};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pos_eval FILE.conllu");
        std::process::exit(2);
    };
    let conllu = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut gold = Vec::new();
    let mut lemmas = Vec::new();
    let mut start = 0;
    for line in conllu.lines() {
        if line.is_empty() {
            if text.len() > start {
                sentences.push(Span::new(start, text.len()));
            }
            text.push('\n');
            start = text.len();
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || cols.len() < 4 || cols[0].contains(['-', '.']) {
            continue;
        }
        if text.len() > start {
            text.push(' ');
        }
        let at = text.len();
        text.push_str(cols[1]);
        tokens.push(Token::new(Span::new(at, text.len()), TokenKind::Word));
        gold.push(Upos::from_name(cols[3]).unwrap_or(Upos::X));
        lemmas.push(cols[2].to_lowercase());
    }
    if text.len() > start {
        sentences.push(Span::new(start, text.len()));
    }
    let started = std::time::Instant::now();
    let _ = tag_sentences("Read the model.", &[], &[]);
    let loaded = started.elapsed();
    let started = std::time::Instant::now();
    let tags = tag_sentences(&text, &tokens, &sentences);
    let elapsed = started.elapsed();
    let right = tags.iter().zip(&gold).filter(|(a, b)| a == b).count();
    let (mut lemma_right, mut lemma_total) = (0usize, 0usize);
    for ((token, &upos), gold_lemma) in tokens.iter().zip(&gold).zip(&lemmas) {
        if matches!(upos, Upos::Noun | Upos::Verb | Upos::Aux) && gold_lemma != "_" {
            lemma_total += 1;
            lemma_right +=
                usize::from(lemma(token.text(&text), upos) == gold_lemma.replace('’', "'"));
        }
    }
    println!(
        "{} words in {} sentences: UPOS {:.4}, NOUN/VERB/AUX lemmas {:.4}; model read in \
         {:.1} ms, words tagged in {:.1} ms",
        tokens.len(),
        sentences.len(),
        right as f64 / tokens.len().max(1) as f64,
        lemma_right as f64 / lemma_total.max(1) as f64,
        loaded.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e3,
    );
}
