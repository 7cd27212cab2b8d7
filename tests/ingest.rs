//! Reading articles: HTML pages (clean, broken, scripted), Markdown, plain text, encodings.

use chrono::NaiveDate;
use itinera::ingest::{Document, InputFormat};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn html(page: &str) -> Document {
    Document::from_bytes(page.as_bytes()).expect("a page is readable")
}

const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Minister reaches Ålesund | The Coastal Times</title>
  <meta property="og:title" content="Minister reaches Ålesund">
  <meta property="article:published_time" content="2024-05-03T06:15:00+02:00">
  <style>p { color: red }</style>
  <script>var ads = "<p>Buy now</p>";</script>
</head>
<body>
  <header><a href="/">The Coastal Times</a><nav><ul><li>World</li><li>Sport</li></ul></nav></header>
  <div class="layout">
    <aside><h3>Most read</h3><p>A story about football that everyone reads.</p></aside>
    <article>
      <h1>Minister reaches Ålesund</h1>
      <p>The fisheries minister left Bergen by ferry on Thursday evening &amp; reached
         Ålesund early on Friday, her office&nbsp;said.</p>
      <figure><img src="a.jpg"><figcaption>The ferry at Ålesund on Friday.</figcaption></figure>
      <p>She is expected in <b>Trondheim</b> on Saturday &#8212; a trip of 290&#x202F;km.</p>
      <form><input name="email"><button>Subscribe</button></form>
    </article>
  </div>
  <footer>© The Coastal Times. All rights reserved.</footer>
</body>
</html>"#;

#[test]
fn a_news_page_gives_its_article_title_and_date() {
    let doc = html(NEWS_PAGE);
    assert_eq!(doc.title.as_deref(), Some("Minister reaches Ålesund"));
    assert_eq!(doc.published, date(2024, 5, 3));
    assert_eq!(
        doc.text,
        "Minister reaches Ålesund\n\n\
         The fisheries minister left Bergen by ferry on Thursday evening & reached Ålesund early on Friday, her office said.\n\n\
         The ferry at Ålesund on Friday.\n\n\
         She is expected in Trondheim on Saturday — a trip of 290 km."
    );
    for furniture in [
        "Buy now",
        "football",
        "World",
        "Subscribe",
        "rights",
        "color",
    ] {
        assert!(!doc.text.contains(furniture), "{furniture} leaked");
    }
}

#[test]
fn a_page_without_an_article_element_uses_its_densest_paragraphs() {
    let page = "<html><body>\
        <div class=menu><p>Home</p><p>About</p></div>\
        <div class=content>\
          <p>The envoy crossed into Belarus at Brest on Monday morning, officials said.</p>\
          <p>From Brest she drove to Minsk, where talks began in the afternoon.</p>\
        </div>\
        <div class=related><p>Other news</p></div>\
        </body></html>";
    let doc = html(page);
    assert_eq!(
        doc.text,
        "The envoy crossed into Belarus at Brest on Monday morning, officials said.\n\n\
         From Brest she drove to Minsk, where talks began in the afternoon."
    );
}

#[test]
fn broken_html_is_read_as_a_browser_would() {
    let page = "<html><head><title>Broken &amp; bold</title><body>\
        <main><p>The convoy reached <i>Kherson<p>on Tuesday, said the <b>mayor.\
        <div><p>Unclosed everything <span>and a stray </td></tr> here";
    let doc = html(page);
    assert_eq!(doc.title.as_deref(), Some("Broken & bold"));
    assert!(doc.text.contains("The convoy reached Kherson"));
    assert!(doc.text.contains("on Tuesday, said the mayor."));
    assert!(doc.text.contains("Unclosed everything and a stray here"));
}

#[test]
fn scripts_styles_and_hidden_blocks_are_left_out() {
    let page = "<!doctype html><body><article>\
        <p>Visible words about Odesa.</p>\
        <script>document.write('<p>Injected Lviv</p>')</script>\
        <noscript><p>Enable JavaScript</p></noscript>\
        <style>.x{}</style>\
        <p hidden>Hidden Kyiv</p><p style=\"display: none\">Also hidden</p>\
        <div aria-hidden=\"true\">Icon text</div>\
        <p>More visible words.</p></article></body>";
    assert_eq!(
        html(page).text,
        "Visible words about Odesa.\n\nMore visible words."
    );
}

#[test]
fn publication_dates_come_from_any_common_kind_of_metadata() {
    let cases = [
        "<meta itemprop=\"datePublished\" content=\"2021-07-04\">",
        "<meta name=\"pubdate\" content=\"20210704\">",
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2021-07-04T09:00:00Z\"}</script>",
        "<script type=\"application/ld+json\">[{\"@graph\":[{\"datePublished\":\"2021-07-04\"}]}]</script>",
        "<p>By a reporter, <time datetime=\"2021-07-04T12:00\">Sunday</time></p>",
        "<meta name=\"DC.date.issued\" content=\"2021-07-04\">",
    ];
    for head in cases {
        let page = format!(
            "<html><head>{head}</head><body><article><p>The ship docked at Piraeus.</p></article></body></html>"
        );
        assert_eq!(html(&page).published, date(2021, 7, 4), "{head}");
    }
}

#[test]
fn a_dateline_in_the_page_text_gives_the_date_when_metadata_does_not() {
    let page = "<html><body><article><p>ATHENS, July 4, 2021 (Reuters) - The ship docked at Piraeus.</p></article></body></html>";
    assert_eq!(html(page).published, date(2021, 7, 4));
}

#[test]
fn the_title_falls_back_to_the_first_heading() {
    let page = "<html><body><h1>Ship docks at Piraeus</h1><p>It came from Crete.</p><p>It stayed.</p></body></html>";
    assert_eq!(html(page).title.as_deref(), Some("Ship docks at Piraeus"));
}

#[test]
fn html_that_yields_no_text_keeps_the_input() {
    let page =
        "<html><head><title>Only a title</title></head><body><script>x()</script></body></html>";
    let doc = html(page);
    assert_eq!(doc.title.as_deref(), Some("Only a title"));
    assert!(!doc.text.is_empty());
}

#[test]
fn prose_mentioning_a_tag_is_not_taken_for_html() {
    let text = "The report used the <p> tag twice. Officials in Oslo said nothing.";
    assert_eq!(InputFormat::sniff(text), InputFormat::Text);
    assert_eq!(Document::from_bytes(text.as_bytes()).unwrap().text, text);
}

#[test]
fn markdown_keeps_the_words_and_loses_the_markup() {
    let md = "# Envoy reaches Minsk\n\n\
              *Published: 6 March 2024*\n\n\
              The envoy [crossed](https://example.org/story) into **Belarus** at `Brest`.\n\n\
              ![map](map.png)\n\n\
              ## Next\n\n\
              - Minsk\n- Vitebsk\n";
    let doc = Document::from_bytes(md.as_bytes()).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Envoy reaches Minsk"));
    assert_eq!(doc.published, date(2024, 3, 6));
    assert_eq!(
        doc.text,
        "Envoy reaches Minsk\n\nPublished: 6 March 2024\n\nThe envoy crossed into Belarus at Brest.\n\n\n\nNext\n\nMinsk\nVitebsk"
    );
}

#[test]
fn file_extensions_choose_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("story.md");
    std::fs::write(&md, "Plain words about *Minsk*.").unwrap();
    assert_eq!(
        Document::from_path(&md).unwrap().text,
        "Plain words about Minsk."
    );
    let txt = dir.path().join("story.txt");
    std::fs::write(&txt, "# not a heading in a text file").unwrap();
    assert_eq!(
        Document::from_path(&txt).unwrap().text,
        "# not a heading in a text file"
    );
    let page = dir.path().join("story.html");
    std::fs::write(&page, "Words about <b>Minsk</b>.").unwrap();
    assert_eq!(
        Document::from_path(&page).unwrap().text,
        "Words about Minsk."
    );
}

#[test]
fn plain_text_gives_a_headline_and_a_dateline_date() {
    let text = "Envoy reaches Minsk\n\nMINSK, March 6, 2024 (AP) - The envoy arrived on Wednesday.";
    let doc = Document::from_bytes(text.as_bytes()).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Envoy reaches Minsk"));
    assert_eq!(doc.published, date(2024, 3, 6));
    assert_eq!(doc.text, text);
}

#[test]
fn a_dateline_without_a_year_gives_no_date() {
    let text = "MINSK, March 6 (AP) - The envoy arrived on Wednesday.";
    let doc = Document::from_bytes(text.as_bytes()).unwrap();
    assert_eq!(doc.published, None);
    assert_eq!(doc.title, None);
}

#[test]
fn a_first_line_that_is_a_sentence_is_not_a_title() {
    let doc = Document::from_bytes(b"The envoy arrived.\nShe left again.").unwrap();
    assert_eq!(doc.title, None);
}

#[test]
fn encoded_html_pages_are_decoded_first() {
    let page = "<html><head><meta charset=\"windows-1251\"><title>Визит</title></head>\
        <body><article><p>Делегация прибыла во Владивосток во вторник утром.</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
    let doc = Document::from_bytes(&bytes).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Визит"));
    assert_eq!(
        doc.text,
        "Делегация прибыла во Владивосток во вторник утром."
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(page.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        Document::from_bytes(&utf16).unwrap().title.as_deref(),
        Some("Визит")
    );
}
