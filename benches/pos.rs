//! Part-of-speech tagging throughput: the twelve fixture articles (about 14 KB of news text of
//! our own), tokens and sentences found beforehand, so only the tagger is timed.
//!
//! Run with `cargo bench --no-default-features --bench pos`; divan prints tokens/s.

use divan::Bencher;
use divan::counter::ItemsCount;
use itinera::text::pos::{lemma, tag_sentences};
use itinera::text::{sentences, tokenize};

// The allocator the binary ships with (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const ARTICLES: &[&str] = &[
    include_str!("../tests/fixtures/articles/01_state_visit.txt"),
    include_str!("../tests/fixtures/articles/02_storm_track.txt"),
    include_str!("../tests/fixtures/articles/03_migrant_boat.txt"),
    include_str!("../tests/fixtures/articles/04_flight_diversion.txt"),
    include_str!("../tests/fixtures/articles/05_manhunt.txt"),
    include_str!("../tests/fixtures/articles/06_expedition.txt"),
    include_str!("../tests/fixtures/articles/07_out_of_order.txt"),
    include_str!("../tests/fixtures/articles/08_relative_dates.txt"),
    include_str!("../tests/fixtures/articles/09_several_actors.txt"),
    include_str!("../tests/fixtures/articles/10_distractors.txt"),
    include_str!("../tests/fixtures/articles/11_no_dates.txt"),
    include_str!("../tests/fixtures/articles/12_conflicting_reports.txt"),
];

/// Every article with its tokens and sentences.
fn prepared() -> Vec<(&'static str, Vec<itinera::text::Token>, Vec<itinera::Span>)> {
    let prepared: Vec<_> = ARTICLES
        .iter()
        .map(|&text| (text, tokenize(text), sentences(text)))
        .collect();
    // the model is read on first use: not part of the timing
    let (text, tokens, sentences) = &prepared[0];
    divan::black_box(tag_sentences(text, tokens, sentences));
    prepared
}

/// Tags every token of every article.
#[divan::bench(sample_count = 200)]
fn tag(bencher: Bencher) {
    let articles = prepared();
    let tokens: usize = articles.iter().map(|(_, t, _)| t.len()).sum();
    bencher.counter(ItemsCount::new(tokens)).bench(|| {
        let mut n = 0;
        for (text, tokens, sentences) in &articles {
            n += tag_sentences(divan::black_box(text), tokens, sentences).len();
        }
        n
    });
}

/// The lemma of every tagged token.
#[divan::bench(sample_count = 200)]
fn lemmas(bencher: Bencher) {
    let articles = prepared();
    let tagged: Vec<(&str, _)> = articles
        .iter()
        .flat_map(|(text, tokens, sentences)| {
            let tags = tag_sentences(text, tokens, sentences);
            tokens
                .iter()
                .map(|t| t.text(text))
                .zip(tags)
                .collect::<Vec<_>>()
        })
        .collect();
    bencher.counter(ItemsCount::new(tagged.len())).bench(|| {
        let mut bytes = 0;
        for &(word, upos) in &tagged {
            bytes += lemma(divan::black_box(word), upos).len();
        }
        bytes
    });
}
