//! Properties that hold for every input: the pipeline never panics, and every span it
//! returns lies inside the text on character boundaries.

use itinera::ingest::{Document, InputFormat};
use itinera::{Analysis, Gazetteer, Options, Span, analyze};
use proptest::prelude::*;

/// Every span of an analysis, with what it is said to cover (when the analysis says).
fn spans(a: &Analysis) -> Vec<(Span, Option<&str>)> {
    let mut out: Vec<(Span, Option<&str>)> = Vec::new();
    out.extend(a.sentences.iter().map(|s| (*s, None)));
    out.extend(a.places.iter().map(|p| (p.span, Some(p.mention.as_str()))));
    out.extend(a.times.iter().map(|t| (t.span, Some(t.mention.as_str()))));
    for actor in &a.actors {
        out.extend(actor.mentions.iter().map(|s| (*s, None)));
        for stop in &actor.stops {
            out.extend(stop.mentions.iter().map(|s| (*s, None)));
            out.extend(
                stop.evidence
                    .iter()
                    .map(|e| (e.span, Some(e.quote.as_str()))),
            );
            if let Some(when) = &stop.when {
                out.push((when.span, None));
            }
        }
    }
    out.extend(
        a.diagnostics
            .iter()
            .filter_map(|d| d.span)
            .map(|s| (s, None)),
    );
    out
}

fn check_analysis(text: &str) {
    let doc = Document::from_text(text);
    let options = Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2023, 9, 12),
        ..Options::default()
    };
    let a = analyze(&doc, Gazetteer::embedded(), &options);
    assert_eq!(a.text, text);
    for (span, covered) in spans(&a) {
        assert!(span.start <= span.end, "{span:?}");
        assert!(span.end <= text.len(), "{span:?} beyond {}", text.len());
        assert!(text.is_char_boundary(span.start), "{span:?}");
        assert!(text.is_char_boundary(span.end), "{span:?}");
        if let Some(covered) = covered {
            assert_eq!(&text[span.start..span.end], covered);
        }
    }
}

/// Text made of the pieces news articles are made of, in any order.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kim".to_owned()),
        Just("arrived in".to_owned()),
        Just("Vladivostok".to_owned()),
        Just("on September 12".to_owned()),
        Just("early on Tuesday".to_owned()),
        Just("KCNA said.".to_owned()),
        Just("Хасан".to_owned()),
        Just("블라디보스토크".to_owned()),
        Just("🚂".to_owned()),
        Just("\n\n".to_owned()),
        Just("(Reuters) -".to_owned()),
        Just("2023".to_owned()),
        "[A-Za-z]{1,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn analysis_of_any_string_keeps_spans_in_bounds(text in "\\PC{0,300}") {
        check_analysis(&text);
    }

    #[test]
    fn analysis_of_newsy_text_keeps_spans_in_bounds(text in newsy()) {
        check_analysis(&text);
    }

    #[test]
    fn any_bytes_are_read_or_refused_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = Document::from_bytes(&bytes) {
            prop_assert!(!doc.text.trim().is_empty());
        }
    }

    #[test]
    fn any_text_is_read_in_every_format_without_panicking(text in "\\PC{0,400}") {
        for format in [InputFormat::Text, InputFormat::Html, InputFormat::Markdown] {
            let doc = Document::parse(&text, format);
            if !text.trim().is_empty() {
                prop_assert!(!doc.text.trim().is_empty(), "{format:?} lost {text:?}");
            }
        }
    }

    #[test]
    fn tag_soup_is_read_without_panicking(pieces in prop::collection::vec(prop_oneof![
        Just("<p>"), Just("</p>"), Just("<div class=\"x\">"), Just("</div>"), Just("<article>"),
        Just("<script>"), Just("</script>"), Just("<!--"), Just("-->"), Just("<"), Just(">"),
        Just("&amp;"), Just("&#x1F682;"), Just("&#99999999;"), Just("<br/>"), Just("<title>"),
        Just("<meta property=\"article:published_time\" content=\"2023-02-30\">"),
        Just("<script type=\"application/ld+json\">{\"datePublished\":"), Just("Khasan"),
        Just("<h1>"), Just("\u{0}"), Just("\"'"), Just("Владивосток"),
    ], 0..60)) {
        let html = format!("<!DOCTYPE html>{}", pieces.concat());
        let doc = Document::parse(&html, InputFormat::Html);
        prop_assert!(!doc.text.is_empty());
    }
}
