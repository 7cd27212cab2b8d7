//! Builds the embedded gazetteer index from the committed source tables in
//! `assets/gazetteer/` into `OUT_DIR` (`gazetteer.fst`, `gazetteer.bin`), and unpacks the
//! part-of-speech model (`pos.bin`) so that no run spends its start inflating it.

use std::io::{BufReader, Read};
use std::path::Path;

#[path = "src/gazetteer/index.rs"]
mod index;
#[path = "src/gazetteer/normalize.rs"]
#[expect(
    dead_code,
    reason = "the library uses parts of normalisation the build does not"
)]
mod normalize;
#[path = "src/gazetteer/table.rs"]
#[expect(
    dead_code,
    reason = "the library uses parts of the tables the build does not"
)]
mod table;

const DIR: &str = "assets/gazetteer";
const POS_MODEL: &str = "assets/pos/model.bin.gz";

fn read_text(path: &Path) -> String {
    let Ok(file) = std::fs::File::open(path) else {
        return String::new();
    };
    let mut text = String::new();
    let ok = if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(BufReader::new(file))
            .read_to_string(&mut text)
            .is_ok()
    } else {
        BufReader::new(file).read_to_string(&mut text).is_ok()
    };
    if !ok {
        println!("cargo::warning=could not read {}", path.display());
        text.clear();
    }
    text
}

fn main() {
    for f in ["index.rs", "normalize.rs", "table.rs"] {
        println!("cargo::rerun-if-changed=src/gazetteer/{f}");
    }
    println!("cargo::rerun-if-changed={DIR}");
    println!("cargo::rerun-if-changed={POS_MODEL}");
    let dir = Path::new(DIR);
    for f in [
        "places.tsv.gz",
        "features.tsv",
        "continents.tsv",
        "demonyms.tsv",
        "aliases.tsv",
        "country_centres.tsv",
    ] {
        println!("cargo::rerun-if-changed={DIR}/{f}");
    }

    let mut entries = Vec::new();
    let places = read_text(&dir.join("places.tsv.gz"));
    entries.extend(places.lines().filter_map(table::Entry::parse_line));
    table::centre_regions(&mut entries);
    let centres = read_text(&dir.join("country_centres.tsv"));
    table::apply_country_centres(&mut entries, &centres);
    let mut hand = String::new();
    for f in ["continents.tsv", "features.tsv"] {
        let text = read_text(&dir.join(f));
        entries.extend(text.lines().filter_map(table::Entry::parse_feature_line));
        hand.push_str(&text);
        if !hand.ends_with('\n') {
            hand.push('\n');
        }
    }
    let aliases = read_text(&dir.join("aliases.tsv"));
    table::add_aliases(&mut entries, &aliases);
    table::drop_shadowed(&mut entries, normalize::normalize);
    let demonym_text = read_text(&dir.join("demonyms.tsv"));
    let demonyms: Vec<table::DemonymRow> = demonym_text
        .lines()
        .filter_map(table::DemonymRow::parse_line)
        .collect();

    let built = match index::build(&entries, &demonyms, false) {
        Ok(b) => b,
        Err(e) => {
            println!("cargo::warning=gazetteer index failed ({e}); embedding an empty one");
            index::build(&[], &[], false).unwrap_or(index::Built {
                fst: Vec::new(),
                tables: Vec::new(),
            })
        }
    };
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        println!("cargo::warning=OUT_DIR is not set");
        return;
    };
    // an unreadable model leaves an empty file, which the tagger refuses (and its tests catch)
    let mut pos = Vec::new();
    if let Err(e) = std::fs::File::open(POS_MODEL)
        .and_then(|f| flate2::read::GzDecoder::new(BufReader::new(f)).read_to_end(&mut pos))
    {
        println!("cargo::warning=could not read {POS_MODEL}: {e}");
        pos.clear();
    }
    // The hand tables also go into the binary, for `itinera gazetteer build`.
    for (name, bytes) in [
        ("gazetteer.fst", built.fst.as_slice()),
        ("gazetteer.bin", built.tables.as_slice()),
        ("hand.tsv", hand.as_bytes()),
        ("demonyms.tsv", demonym_text.as_bytes()),
        ("aliases.tsv", aliases.as_bytes()),
        ("country_centres.tsv", centres.as_bytes()),
        ("pos.bin", pos.as_slice()),
    ] {
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            println!("cargo::warning=could not write {name}: {e}");
        }
    }
}
