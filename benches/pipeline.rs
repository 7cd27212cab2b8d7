//! Benchmarks of the pipeline: analysis throughput on about a megabyte of news text, on
//! long texts of two sizes (linear cost),
//! `--jsonl` batch throughput over all cores, and HTML article extraction.
//!
//! Run with `cargo bench --no-default-features --bench pipeline`.

use std::hint::black_box;

use divan::Bencher;
use divan::counter::BytesCount;
use itinera::cli::answer_jsonl;
use itinera::ingest::{Document, InputFormat};
use itinera::{Gazetteer, Options, analyze};

// The allocator the binary ships with (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A short article of our own, repeated.
const ARTICLE: &str = include_str!("../tests/fixtures/cli/ferry.txt");

/// About `bytes` of text made by repeating the article.
fn text_of_size(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + ARTICLE.len());
    while text.len() < bytes {
        text.push_str(ARTICLE);
        text.push('\n');
    }
    text
}

fn options() -> Options {
    Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2024, 5, 3),
        ..Options::default()
    }
}

/// The whole pipeline on one ~1 MB document.
#[divan::bench(sample_count = 10)]
fn analyze_one_megabyte(bencher: Bencher) {
    let doc = Document::from_text(text_of_size(1 << 20));
    let gazetteer = Gazetteer::embedded();
    let options = options();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| analyze(black_box(&doc), gazetteer, &options));
}

/// The whole pipeline on one long text of 1 and of 4 MB (a book, a year of one feed): the
/// two times show that the cost grows linearly with the text.
#[divan::bench(args = [1, 4], sample_count = 3)]
fn analyze_long_text(bencher: Bencher, megabytes: usize) {
    let doc = Document::from_text(text_of_size(megabytes << 20));
    let gazetteer = Gazetteer::embedded();
    let options = options();
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| analyze(black_box(&doc), gazetteer, &options));
}

/// `--jsonl` over ~1 MB of requests, each one article, on every core.
#[divan::bench(sample_count = 10)]
fn jsonl_one_megabyte(bencher: Bencher) {
    let mut input = String::new();
    let mut text_bytes = 0;
    for id in 0.. {
        if text_bytes >= 1 << 20 {
            break;
        }
        let line = serde_json::json!({"id": id, "text": ARTICLE, "reference_date": "2024-05-03"});
        input.push_str(&line.to_string());
        input.push('\n');
        text_bytes += ARTICLE.len();
    }
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let gazetteer = Gazetteer::embedded();
    bencher.counter(BytesCount::new(text_bytes)).bench(|| {
        let mut out = Vec::with_capacity(input.len() * 4);
        answer_jsonl(input.as_bytes(), &mut out, gazetteer, workers).map(|()| out.len())
    });
}

/// HTML article extraction on a page of ~100 kB.
#[divan::bench(sample_count = 20)]
fn html_extraction(bencher: Bencher) {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><title>Coast</title><script>var x = 1;</script></head><body><nav><a href=/>Home</a></nav><article>",
    );
    while page.len() < 100_000 {
        for paragraph in ARTICLE.split("\n\n") {
            page.push_str("<p>");
            page.push_str(paragraph);
            page.push_str("</p>\n");
        }
    }
    page.push_str("</article><footer>Footer</footer></body></html>");
    bencher
        .counter(BytesCount::new(page.len()))
        .bench(|| Document::parse(black_box(&page), InputFormat::Html));
}
