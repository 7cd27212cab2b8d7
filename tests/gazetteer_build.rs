//! `itinera gazetteer build` reads GeoNames-format dumps and writes a table or an index
//! that `itinera gazetteer lookup --index` answers from.

use std::path::Path;
use std::process::Command;

fn itinera(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(args)
        .output()
        .expect("itinera runs");
    assert!(
        out.status.success(),
        "itinera {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/geonames")
        .to_string_lossy()
        .into_owned()
}

fn first(index: &str, name: &str) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&itinera(&["gazetteer", "lookup", name, "--index", index]))
            .expect("a JSON array");
    json.get(0).cloned().unwrap_or(serde_json::Value::Null)
}

#[test]
fn an_index_built_from_a_tiny_geonames_dump_answers_lookups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("tiny.bin");
    let index = index.to_str().expect("UTF-8 path");
    itinera(&[
        "gazetteer",
        "build",
        "--geonames",
        &fixture(),
        "--out",
        index,
    ]);

    let khasan = first(index, "Khasan");
    assert_eq!(khasan["id"], "geonames:2022586");
    assert_eq!(khasan["admin1"], "Primorskiy kray");
    assert_eq!(khasan["country"], "RU");

    // A region gets the centre of its places (here the middle of Khasan, Vladivostok and
    // Ussuriysk), not its seat's point; its names meet across transliterations.
    let krai = first(index, "Primorsky Krai");
    assert_eq!(krai["kind"], "region");
    assert!((krai["lat"].as_f64().unwrap() - 43.11339).abs() < 1e-3);
    assert!((krai["lon"].as_f64().unwrap() - 131.29867).abs() < 1e-3);
    assert_eq!(first(index, "Primorye")["id"], krai["id"]);
    assert_eq!(first(index, "Приморский край")["id"], krai["id"]);

    // A parish gets a point from its places; one without places is left out.
    let parish = first(index, "Rapides Parish");
    assert_eq!(parish["kind"], "district");
    assert_eq!(parish["admin1"], "Louisiana");
    assert!(first(index, "Empty Parish").is_null());

    // The bigger Alexandria first; non-Latin names from the alternate names.
    assert_eq!(first(index, "Alexandria")["country"], "EG");
    assert_eq!(first(index, "블라디보스토크")["name"], "Vladivostok");
    assert_eq!(first(index, "United States")["kind"], "country");
    assert!(first(index, "Paris").is_null());
}

#[test]
fn the_source_table_is_written_the_same_way_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.tsv.gz");
    let b = dir.path().join("b.tsv.gz");
    for out in [&a, &b] {
        let out = out.to_str().expect("UTF-8 path");
        itinera(&["gazetteer", "build", "--geonames", &fixture(), "--out", out]);
    }
    let (a, b) = (std::fs::read(a).expect("a"), std::fs::read(b).expect("b"));
    assert!(!a.is_empty());
    assert_eq!(a, b);
}
