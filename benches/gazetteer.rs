//! Benchmarks of the embedded gazetteer: load time, lookups, the geoparser's prefix checks.
//! Run with `cargo bench --no-default-features --bench gazetteer`.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use itinera::Gazetteer;
use itinera::gazetteer::{normalize, normalize_into};

/// Names as news writes them: big and small places, regions, features, misses.
const NAMES: &[&str] = &[
    "Khasan",
    "Ussuriysk",
    "Kiev",
    "Primorsky Krai",
    "Tumen River",
    "Sea of Japan",
    "Vostochny Cosmodrome",
    "Lake Khanka",
    "Pyongyang",
    "Komsomolsk-on-Amur",
    "Przemysl",
    "Rzeszów",
    "Paris",
    "Moscow",
    "Georgia",
    "Alexandria",
    "Lee County",
    "Rapides Parish",
    "Donbas",
    "Crimea",
    "Gaza Strip",
    "Washington",
    "Springfield",
    "Monday",
    "President",
    "Reuters",
    "September",
    "Vladivostok",
    "London",
    "Texas",
    "Ukraine",
    "North Korea",
];

// The allocator the binary ships with (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    println!(
        "embedded index: {:.1} MB, {} places",
        Gazetteer::embedded_size() as f64 / 1e6,
        Gazetteer::embedded().len()
    );
    divan::main();
}

/// Opening the embedded index (headers only; no parsing).
#[divan::bench]
fn load() -> Gazetteer {
    Gazetteer::load_embedded()
}

/// Full lookups (normalisation and candidate records), names per second.
#[divan::bench]
fn lookup(bencher: Bencher) {
    let g = Gazetteer::embedded();
    bencher.counter(ItemsCount::new(NAMES.len())).bench(|| {
        for n in NAMES {
            black_box(g.lookup(black_box(n)));
        }
    });
}

/// Full lookups read in place, as the geoparser can do per n-gram: normalise into a reused
/// buffer, then read every candidate's name, point and prior without copying.
#[divan::bench]
fn places(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let mut key = String::new();
    bencher
        .counter(ItemsCount::new(NAMES.len()))
        .bench_local(|| {
            for n in NAMES {
                normalize_into(black_box(n), &mut key);
                for p in g.places_normalized(&key) {
                    black_box((p.name(), p.latlon(), p.importance(), p.country()));
                }
            }
        });
}

/// Growing n-grams: a name cursor walked word by word over phrases, against a prefix check
/// from the root per n-gram (`has_prefix_ngrams`). Counted in n-grams.
#[divan::bench]
fn cursor_ngrams(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let phrases = ngram_phrases();
    let count: usize = phrases.iter().map(Vec::len).sum();
    bencher.counter(ItemsCount::new(count)).bench_local(|| {
        for words in &phrases {
            let mut walk = g.name_cursor();
            for w in words {
                if !walk.push_str(black_box(w)) {
                    break;
                }
                black_box(walk.is_name());
            }
        }
    });
}

/// The same n-grams checked from the root each time, as `has_prefix_normalized` does.
#[divan::bench]
fn has_prefix_ngrams(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let phrases = ngram_phrases();
    let count: usize = phrases.iter().map(Vec::len).sum();
    let mut grown = String::new();
    bencher.counter(ItemsCount::new(count)).bench_local(|| {
        for words in &phrases {
            grown.clear();
            for w in words {
                grown.push_str(black_box(w));
                if !g.has_prefix_normalized(&grown) {
                    break;
                }
                black_box(g.contains_normalized(&grown));
            }
        }
    });
}

/// Each bench name's normalised words, the first bare and the rest with a leading space.
fn ngram_phrases() -> Vec<Vec<String>> {
    NAMES
        .iter()
        .map(|n| {
            normalize(n)
                .split(' ')
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_owned()
                    } else {
                        format!(" {w}")
                    }
                })
                .collect()
        })
        .collect()
}

/// Normalisation into a reused buffer, names per second.
#[divan::bench]
fn normalize_into_buffer(bencher: Bencher) {
    let mut key = String::new();
    bencher
        .counter(ItemsCount::new(NAMES.len()))
        .bench_local(|| {
            for n in NAMES {
                normalize_into(black_box(n), &mut key);
                black_box(&key);
            }
        });
}

/// Lookups of already-normalised keys, limited to the best candidate, as the geoparser
/// does per mention.
#[divan::bench]
fn lookup_normalized(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let keys: Vec<String> = NAMES.iter().map(|n| normalize(n)).collect();
    bencher.counter(ItemsCount::new(keys.len())).bench(|| {
        for k in &keys {
            black_box(g.lookup_normalized(black_box(k)).first().cloned());
        }
    });
}

/// The best three candidates of each name, names per second.
#[divan::bench]
fn lookup_top3(bencher: Bencher) {
    let g = Gazetteer::embedded();
    bencher.counter(ItemsCount::new(NAMES.len())).bench(|| {
        for n in NAMES {
            black_box(g.lookup_top(black_box(n), 3));
        }
    });
}

/// Exact-name checks, per n-gram.
#[divan::bench]
fn contains_normalized(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let keys: Vec<String> = NAMES.iter().map(|n| normalize(n)).collect();
    bencher.counter(ItemsCount::new(keys.len())).bench(|| {
        for k in &keys {
            black_box(g.contains_normalized(black_box(k)));
        }
    });
}

/// Prefix checks, per token n-gram.
#[divan::bench]
fn has_prefix_normalized(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let keys: Vec<String> = NAMES.iter().map(|n| format!("{} ", normalize(n))).collect();
    bencher.counter(ItemsCount::new(keys.len())).bench(|| {
        for k in &keys {
            black_box(g.has_prefix_normalized(black_box(k)));
        }
    });
}
