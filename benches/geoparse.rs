//! Geoparser throughput over news articles, each geoparsed on its own as the app does.
//!
//! The corpus is every article under `tests/fixtures/` (15 articles written for the
//! tests), so no name is remembered from one article to the next. Tokenising is counted.
//! Run with `cargo bench --no-default-features --bench geoparse`; divan prints bytes/s.

use itinera::Gazetteer;
use itinera::geoparse::geoparse;
use itinera::text::tokenize;

// The allocator the binary ships with (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const ARTICLES: &[&str] = &[
    include_str!("../tests/fixtures/geoparse/summit.txt"),
    include_str!("../tests/fixtures/geoparse/local_fire.txt"),
    include_str!("../tests/fixtures/geoparse/outbreak.txt"),
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

/// Every fixture article, one after another.
#[divan::bench(sample_count = 30)]
fn geoparse_articles(bencher: divan::Bencher) {
    let gazetteer = Gazetteer::embedded();
    let bytes: usize = ARTICLES.iter().map(|a| a.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let mut places = 0;
            for text in ARTICLES {
                let text = divan::black_box(*text);
                let tokens = tokenize(text);
                places += geoparse(text, &tokens, gazetteer).len();
            }
            places
        });
}
