//! The `itinera extract` contract, checked by running the built binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A check of one output format's text.
type Check = fn(&str);

fn itinera() -> Command {
    Command::new(env!("CARGO_BIN_EXE_itinera"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
}

/// Runs the binary with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = itinera()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("a pipe to standard input");
    // A process that fails on its arguments may exit before reading its input.
    let _ = input.write_all(stdin);
    drop(input);
    child
        .wait_with_output()
        .expect("the binary runs to the end")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

/// Asserts a failure with exactly one line on standard error, and returns that line.
fn one_line_failure(output: &Output) -> String {
    assert!(!output.status.success(), "expected a failure");
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err:?}");
    assert!(!err.contains("panicked"), "stderr: {err:?}");
    err
}

/// Every span in an `itinera/1` object covers exactly the text it names.
fn assert_spans_match(result: &Value) {
    let text = result["text"].as_str().expect("a text");
    let bytes = text.as_bytes();
    let check = |item: &Value, key: &str| {
        let offset = |key: &str| {
            let n = item[key].as_u64().expect("offsets are numbers");
            usize::try_from(n).expect("offsets fit in memory")
        };
        let (start, end) = (offset("start"), offset("end"));
        assert!(start <= end && end <= bytes.len(), "{item}");
        let covered = std::str::from_utf8(&bytes[start..end]).expect("spans on char boundaries");
        assert_eq!(covered, item[key].as_str().expect("a string"), "{item}");
    };
    for place in result["places"].as_array().expect("a list") {
        check(place, "mention");
    }
    for time in result["times"].as_array().expect("a list") {
        check(time, "mention");
    }
    for actor in result["actors"].as_array().expect("a list") {
        for stop in actor["stops"].as_array().expect("a list") {
            for evidence in stop["evidence"].as_array().expect("a list") {
                check(evidence, "quote");
            }
        }
    }
}

#[test]
fn extract_reads_a_file_and_prints_the_contract() {
    let output = run(&["extract", fixture("ferry.txt").to_str().unwrap()], b"");
    assert!(output.status.success());
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["schema"], "itinera/1");
    assert!(result.get("id").is_none());
    assert_eq!(
        result["document"]["title"],
        "Minister sails north along the coast"
    );
    assert_eq!(result["document"]["published"], "2024-05-03");
    // With no date given, the publication date is the reference date.
    assert_eq!(result["document"]["reference_date"], "2024-05-03");
    assert!(result["text"].as_str().unwrap().contains("Ålesund"));
    for key in ["places", "times", "actors", "diagnostics"] {
        assert!(result[key].is_array(), "{key}");
    }
    assert_spans_match(&result);
}

#[test]
fn extract_reads_standard_input_with_a_dash() {
    let output = run(&["extract", "-"], b"The convoy reached Kherson on Tuesday.");
    assert!(output.status.success());
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["text"], "The convoy reached Kherson on Tuesday.");
    assert_spans_match(&result);
}

#[test]
fn extract_reads_an_html_page_from_standard_input() {
    let page = b"<!DOCTYPE html><html><head><title>Convoy news</title>\
        <meta property=\"article:published_time\" content=\"2022-11-08T10:00:00Z\"></head>\
        <body><nav>Home | World</nav><article><p>The convoy reached Kherson on Tuesday.</p></article>\
        <footer>Copyright</footer></body></html>";
    let output = run(&["extract", "-"], page);
    assert!(output.status.success());
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["text"], "The convoy reached Kherson on Tuesday.");
    assert_eq!(result["document"]["title"], "Convoy news");
    assert_eq!(result["document"]["published"], "2022-11-08");
}

#[test]
fn the_reference_date_option_is_used() {
    let output = run(
        &["extract", "--reference-date", "2023-09-12", "-"],
        b"He left on Tuesday.",
    );
    assert!(output.status.success());
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["document"]["reference_date"], "2023-09-12");
    assert_eq!(result["document"]["published"], Value::Null);
}

#[test]
fn a_malformed_reference_date_is_a_one_line_error() {
    let output = run(&["extract", "--reference-date", "12/09/2023", "-"], b"x");
    let err = one_line_failure(&output);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn every_format_is_written() {
    let file = fixture("ferry.txt");
    let file = file.to_str().unwrap();
    let checks: [(&str, Check); 5] = [
        ("json", |out| {
            let v: Value = serde_json::from_str(out).unwrap();
            assert_eq!(v["schema"], "itinera/1");
        }),
        ("geojson", |out| {
            let v: Value = serde_json::from_str(out).unwrap();
            assert_eq!(v["type"], "FeatureCollection");
            assert!(v["features"].is_array());
        }),
        ("kml", |out| {
            assert!(out.starts_with("<?xml"));
            assert!(out.contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">"));
            assert!(out.trim_end().ends_with("</kml>"));
        }),
        ("gpx", |out| {
            assert!(out.contains("<gpx version=\"1.1\""));
            assert!(out.trim_end().ends_with("</gpx>"));
        }),
        ("csv", |out| {
            assert!(out.starts_with("actor,order,place,place_id,lat,lon,when,"));
        }),
    ];
    for (format, check) in checks {
        let output = run(&["extract", "--format", format, file], b"");
        assert!(output.status.success(), "{format}");
        check(&stdout(&output));
    }
}

#[test]
fn an_unknown_format_is_a_one_line_error() {
    let output = run(&["extract", "--format", "shapefile", "-"], b"text");
    let err = one_line_failure(&output);
    assert!(err.contains("shapefile"), "{err}");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_batch_in_a_format_of_one_file_per_text_is_a_one_line_error() {
    let output = run(
        &["extract", "--jsonl", "--format", "kml"],
        b"{\"id\":1,\"text\":\"x\"}\n",
    );
    let err = one_line_failure(&output);
    assert!(err.contains("--jsonl writes json, geojson or csv"), "{err}");
}

#[test]
fn a_csv_batch_puts_errors_on_standard_error_with_the_request_number() {
    let input =
        "{\"id\":\"x\",\"text\":\"The ferry sailed from Helsinki to Tallinn.\"}\nnot json\n";
    let output = run(&["extract", "--jsonl", "--format", "csv"], input.as_bytes());
    assert!(output.status.success());
    let csv = stdout(&output);
    assert!(csv.starts_with("id,actor,"), "{csv}");
    assert!(
        csv.lines().skip(1).all(|row| row.starts_with("x,")),
        "{csv}"
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("request 2: id null: not a JSON object"),
        "{err}"
    );
}

#[test]
fn an_unknown_option_is_a_one_line_error() {
    let output = run(&["extract", "--colour", "-"], b"text");
    let err = one_line_failure(&output);
    assert!(err.contains("--colour"), "{err}");
}

#[test]
fn jsonl_answers_every_line_in_order() {
    let input = concat!(
        r#"{"id": 1, "text": "The train reached Vladivostok on Tuesday."}"#,
        "\n",
        "this is not json\n",
        "\n",
        r#"{"id": "two", "text": "   "}"#,
        "\n",
        r#"{"id": [3], "text": "She flew to Seoul.", "reference_date": "yesterday"}"#,
        "\n",
        r#"{"id": 4, "text": "She flew to Seoul on Monday.", "reference_date": "2023-09-12"}"#,
        "\n",
        r#"{"id": 5}"#,
        "\n",
        r#"{"id": 6, "text": "Поезд прибыл во Владивосток. 🚂 대표단은 서울에 도착했다."}"#,
    );
    let output = run(&["extract", "--jsonl"], input.as_bytes());
    assert!(output.status.success());
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7, "one answer per non-blank line");
    let ids: Vec<Value> = lines.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            serde_json::json!(1),
            Value::Null,
            serde_json::json!("two"),
            serde_json::json!([3]),
            serde_json::json!(4),
            serde_json::json!(5),
            serde_json::json!(6),
        ]
    );
    for i in [1, 2, 3, 5] {
        assert!(lines[i]["error"].is_string(), "line {i}: {}", lines[i]);
        assert!(lines[i].get("schema").is_none());
    }
    for i in [0, 4, 6] {
        assert_eq!(lines[i]["schema"], "itinera/1", "line {i}");
        assert_spans_match(&lines[i]);
    }
    assert_eq!(lines[4]["document"]["reference_date"], "2023-09-12");
}

#[test]
fn jsonl_keeps_order_over_many_lines() {
    let mut input = String::new();
    for i in 0..300 {
        let text = if i % 7 == 0 {
            "He flew from Moscow to Minsk on Friday, then drove to Brest. ".repeat(20)
        } else {
            format!("Line {i} mentions Kyiv.")
        };
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let output = run(&["extract", "--jsonl"], input.as_bytes());
    assert!(output.status.success());
    let ids: Vec<u64> = stdout(&output)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, (0..300).collect::<Vec<u64>>());
}

#[test]
fn a_batch_on_one_thread_answers_as_one_on_every_core() {
    let mut input = String::new();
    for i in 0..40 {
        let text = format!("Line {i}: the envoy flew from Vienna to Budapest, then to Belgrade.");
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let every_core = run(&["extract", "--jsonl"], input.as_bytes());
    let one = run(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    assert!(one.status.success());
    assert_eq!(stdout(&one), stdout(&every_core));
    assert_eq!(stdout(&one).lines().count(), 40);
}

#[test]
fn no_threads_or_threads_outside_a_batch_is_a_one_line_error() {
    let zero = run(&["extract", "--jsonl", "--threads", "0"], b"");
    assert!(one_line_failure(&zero).contains("--threads"));
    let single = run(&["extract", "--threads", "2", "-"], b"text");
    assert!(one_line_failure(&single).contains("--jsonl"));
}

#[test]
fn several_articles_are_merged_into_one_object_with_their_documents() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(
        &first,
        "Foreign Minister Anna Berg flew from Vienna to Budapest on 2 May 2024. She travelled \
         on to Belgrade on 3 May 2024, the ministry said.",
    )
    .unwrap();
    std::fs::write(
        &second,
        "Minister Berg reached Belgrade on 3 May 2024, Reuters reported. She went on to Sarajevo on \
         5 May 2024.",
    )
    .unwrap();
    let (a, b) = (first.to_str().unwrap(), second.to_str().unwrap());
    let output = run(&["extract", a, b], b"");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let merged: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(merged["schema"], "itinera/1");
    let origins: Vec<&str> = merged["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, [a, b]);
    let envoy = &merged["actors"][0];
    assert_eq!(envoy["name"], "Anna Berg");
    let stops: Vec<&str> = envoy["stops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["place"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(stops, ["Vienna", "Budapest", "Belgrade", "Sarajevo"]);
    let belgrade = &envoy["stops"][2];
    let documents: Vec<u64> = belgrade["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["document"].as_u64().unwrap())
        .collect();
    assert!(
        documents.contains(&0) && documents.contains(&1),
        "{documents:?}"
    );
    // each quote is the text of its own document at its offsets
    for e in belgrade["evidence"].as_array().unwrap() {
        let text = merged["documents"][e["document"].as_u64().unwrap() as usize]["text"]
            .as_str()
            .unwrap();
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], e["quote"].as_str().unwrap());
    }
    // a format of one route per file is refused for several
    let csv = run(&["extract", "--format", "csv", a, b], b"");
    assert!(one_line_failure(&csv).contains("JSON format only"));
}

#[test]
fn a_binary_file_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.png");
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend((0..=255u8).cycle().take(2048));
    std::fs::write(&path, png).unwrap();
    let output = run(&["extract", path.to_str().unwrap()], b"");
    let err = one_line_failure(&output);
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn an_empty_file_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, b"").unwrap();
    let output = run(&["extract", path.to_str().unwrap()], b"");
    let err = one_line_failure(&output);
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_missing_file_is_refused_in_one_line() {
    let output = run(&["extract", "/no/such/dir/article.txt"], b"");
    let err = one_line_failure(&output);
    assert!(err.contains("/no/such/dir/article.txt"), "{err}");
}

#[test]
fn spans_point_into_the_text_whatever_the_script() {
    let inputs = [
        std::fs::read_to_string(fixture("multilingual.txt")).unwrap(),
        std::fs::read_to_string(fixture("ferry.txt")).unwrap(),
        "Глава делегации вылетел из Москвы в Минск 5 марта 2024 года, then to Warsaw on March 6."
            .to_owned(),
        "대통령은 9월 12일 블라디보스토크에 도착했다. He reached Vladivostok on September 12, 2023."
            .to_owned(),
        "🚂🚂 The train 🚂 left Pyongyang 🇰🇵 for Khasan on Sunday, September 10, and reached Moscow later."
            .to_owned(),
    ];
    for input in inputs {
        let output = run(
            &["extract", "--reference-date", "2023-09-12", "-"],
            input.as_bytes(),
        );
        assert!(output.status.success(), "{input}");
        let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_spans_match(&result);
    }
}

#[test]
fn explain_adds_the_selection_s_features_and_a_weight_file_replaces_the_built_in_one() {
    let text = b"President Ana Berg flew to Lyon on September 10 and met the mayor.";
    let plain = run(&["extract", "-"], text);
    let value: Value = serde_json::from_str(&stdout(&plain)).expect("JSON");
    assert!(value.get("explain").is_none());
    let explained = run(&["extract", "--explain", "-"], text);
    let value: Value = serde_json::from_str(&stdout(&explained)).expect("JSON");
    let places = value["explain"]["places"].as_array().expect("places");
    let names = value["explain"]["stop_features"].as_array().expect("names");
    assert!(!places.is_empty());
    assert_eq!(places[0]["max"].as_array().map(Vec::len), Some(names.len()));
    assert!(places.iter().any(|p| p["stop"] == true));
    // a table that rejects every place
    let dir = tempfile::tempdir().expect("a temporary folder");
    let weights = dir.path().join("none.json");
    std::fs::write(&weights, r#"{"stop_max": {"bias": -50}}"#).expect("written");
    let none = run(
        &[
            "extract",
            "--stop-weights",
            weights.to_str().expect("a path"),
            "-",
        ],
        text,
    );
    let value: Value = serde_json::from_str(&stdout(&none)).expect("JSON");
    let stops: usize = value["actors"].as_array().map_or(0, |a| {
        a.iter()
            .filter(|x| x["name"] == "Ana Berg")
            .map(|x| x["stops"].as_array().map_or(0, Vec::len))
            .sum()
    });
    assert_eq!(stops, 0, "{value}");
    // a bad or missing table is a one-line error
    std::fs::write(&weights, "not json").expect("written");
    let bad = run(
        &[
            "extract",
            "--stop-weights",
            weights.to_str().expect("a path"),
            "-",
        ],
        text,
    );
    assert!(one_line_failure(&bad).contains("weights"));
    let missing = run(
        &["extract", "--stop-weights", "/nonexistent/w.json", "-"],
        text,
    );
    assert!(!missing.status.success());
}
