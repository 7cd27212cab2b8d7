//! Geoparser throughput over a long news text made by repeating the fixture articles.
//!
//! Run with `cargo bench --no-default-features --bench geoparse`; divan prints bytes/s.

use itinera::Gazetteer;
use itinera::geoparse::geoparse;
use itinera::text::tokenize;

fn main() {
    divan::main();
}

/// About 1 MB of article text.
fn long_text() -> String {
    let articles = [
        include_str!("../tests/fixtures/geoparse/summit.txt"),
        include_str!("../tests/fixtures/geoparse/local_fire.txt"),
        include_str!("../tests/fixtures/geoparse/outbreak.txt"),
    ];
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1_000_000 {
        for a in articles {
            text.push_str(a);
            text.push('\n');
        }
    }
    text
}

#[divan::bench(sample_count = 10)]
fn geoparse_one_megabyte(bencher: divan::Bencher) {
    let text = long_text();
    let gazetteer = Gazetteer::embedded();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            let tokens = tokenize(divan::black_box(&text));
            geoparse(&text, &tokens, gazetteer)
        });
}
