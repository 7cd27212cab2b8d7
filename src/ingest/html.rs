//! Article extraction from HTML pages.
//!
//! The page is parsed by html5ever (through `scraper`), which recovers from broken markup
//! the way browsers do. The title and publication date come from the page's metadata; the
//! text from its `<article>` or `<main>`, or else from the element holding the most
//! paragraph text, leaving out scripts, menus, headers, footers, asides and forms.

use std::collections::HashMap;

use chrono::NaiveDate;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::dates::parse_stamp;

/// What an HTML page gave.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// The page's title.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// The article text, paragraphs separated by blank lines; empty when none was found.
    pub text: String,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "input", "label", "svg", "math", "iframe", "object", "embed",
    "canvas", "menu", "dialog", "audio", "video",
];

/// ARIA roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Elements that start and end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "caption",
    "tr",
    "td",
    "th",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "body",
    "center",
];

/// `<meta>` keys (name, property or itemprop, lower case) that carry the publication date,
/// best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "citation_publication_date",
    "article.published",
    "date",
];

/// `<meta>` keys that carry the title, best first.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "headline"];

/// Reads the title, the date and the article text of an HTML page. Never panics.
pub(crate) fn extract(source: &str) -> Extracted {
    let page = Html::parse_document(source);
    let metadata = Metadata::read(&page);
    let root = article_root(&page).unwrap_or_else(|| page.root_element());
    let mut text = block_text(root);
    if text.is_empty() {
        text = block_text(page.root_element());
    }
    Extracted {
        title: metadata.title(),
        published: metadata.published(),
        text,
    }
}

/// What the page says about itself.
#[derive(Default)]
struct Metadata {
    /// `(rank in TITLE_KEYS, value)` of the best title meta seen.
    meta_title: Option<(usize, String)>,
    /// The `<title>` element.
    title_element: Option<String>,
    /// The first `<h1>`.
    first_h1: Option<String>,
    /// `(rank in DATE_KEYS, date)` of the best date meta seen.
    meta_date: Option<(usize, NaiveDate)>,
    /// An element marked `itemprop="datePublished"`, or a `<time pubdate>`.
    marked_date: Option<NaiveDate>,
    /// `datePublished` of the page's JSON-LD.
    json_ld_date: Option<NaiveDate>,
    /// `headline` of the page's JSON-LD.
    json_ld_headline: Option<String>,
    /// The first `<time datetime>`.
    first_time: Option<NaiveDate>,
}

impl Metadata {
    fn read(page: &Html) -> Self {
        let mut m = Metadata::default();
        for element in page
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            let e = element.value();
            match e.name() {
                "meta" => m.read_meta(element),
                "title" if m.title_element.is_none() => {
                    m.title_element = non_empty(collapse(&element.text().collect::<String>()));
                }
                "h1" if m.first_h1.is_none() => {
                    m.first_h1 = non_empty(collapse(&element.text().collect::<String>()));
                }
                "script"
                    if e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    m.read_json_ld(&element.text().collect::<String>());
                }
                name => {
                    let marked = e
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || (name == "time" && e.attr("pubdate").is_some());
                    let stamp = e.attr("datetime").or_else(|| e.attr("content"));
                    if marked && m.marked_date.is_none() {
                        m.marked_date = stamp
                            .and_then(parse_stamp)
                            .or_else(|| parse_stamp(&element.text().collect::<String>()));
                    }
                    if name == "time" && m.first_time.is_none() {
                        m.first_time = stamp.and_then(parse_stamp);
                    }
                }
            }
        }
        m
    }

    fn read_meta(&mut self, element: ElementRef<'_>) {
        let e = element.value();
        let Some(content) = e.attr("content") else {
            return;
        };
        for key in [e.attr("property"), e.attr("name"), e.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            let key = key.trim().to_ascii_lowercase();
            if let Some(rank) = TITLE_KEYS.iter().position(|k| *k == key)
                && self
                    .meta_title
                    .as_ref()
                    .is_none_or(|(best, _)| rank < *best)
                && let Some(title) = non_empty(collapse(content))
            {
                self.meta_title = Some((rank, title));
            }
            if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key)
                && self.meta_date.as_ref().is_none_or(|(best, _)| rank < *best)
                && let Some(date) = parse_stamp(content)
            {
                self.meta_date = Some((rank, date));
            }
        }
    }

    fn read_json_ld(&mut self, source: &str) {
        let Ok(value) = serde_json::from_str::<Value>(source.trim()) else {
            return;
        };
        if self.json_ld_date.is_none() {
            self.json_ld_date = find_key(&value, "datePublished")
                .and_then(Value::as_str)
                .and_then(parse_stamp);
        }
        if self.json_ld_headline.is_none() {
            self.json_ld_headline = find_key(&value, "headline")
                .and_then(Value::as_str)
                .and_then(|s| non_empty(collapse(s)));
        }
    }

    fn title(&self) -> Option<String> {
        self.meta_title
            .as_ref()
            .map(|(_, t)| t.clone())
            .or_else(|| self.title_element.clone())
            .or_else(|| self.json_ld_headline.clone())
            .or_else(|| self.first_h1.clone())
    }

    fn published(&self) -> Option<NaiveDate> {
        let best_meta = self.meta_date.filter(|(rank, _)| *rank < 2).map(|(_, d)| d);
        best_meta
            .or(self.marked_date)
            .or(self.json_ld_date)
            .or(self.meta_date.map(|(_, d)| d))
            .or(self.first_time)
    }
}

/// The first value under `key` anywhere in a JSON tree (depth-first, document order).
fn find_key<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// True for elements whose content is page furniture or hidden.
fn is_skipped(element: &scraper::node::Element) -> bool {
    let name = element.name();
    if SKIPPED.contains(&name) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if element.attr("role").is_some_and(|role| {
        let role = role.trim().to_ascii_lowercase();
        SKIPPED_ROLES.contains(&role.as_str())
    }) {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// The element holding the article: the `<article>` (or `<main>`) with the most paragraph
/// text, else the element with the most text in its own `<p>` children.
fn article_root(page: &Html) -> Option<ElementRef<'_>> {
    let paragraph_len = paragraph_lengths(page);
    let mut best_article: Option<(usize, ElementRef<'_>)> = None;
    let mut best_main: Option<(usize, ElementRef<'_>)> = None;
    let mut best_parent: Option<(usize, ElementRef<'_>)> = None;
    let mut under_parent: HashMap<NodeId, usize> = HashMap::new();
    let mut paragraphs: Vec<ElementRef<'_>> = Vec::new();
    for element in page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let e = element.value();
        if e.name() == "p" {
            paragraphs.push(element);
            // A paragraph counts fully for its parent and half for its grandparent, so a
            // story whose paragraphs are each wrapped in their own <div> is still found.
            let len = paragraph_len.get(&element.id()).copied().unwrap_or(0);
            if let Some(parent) = element.parent() {
                *under_parent.entry(parent.id()).or_default() += 2 * len;
                if let Some(grandparent) = parent.parent() {
                    *under_parent.entry(grandparent.id()).or_default() += len;
                }
            }
        }
    }
    for element in page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let e = element.value();
        let is_article = e.name() == "article"
            || e.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
        let is_main = e.name() == "main"
            || e.attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
        if is_article || is_main {
            let len: usize = paragraphs
                .iter()
                .filter(|p| p.ancestors().any(|a| a.id() == element.id()))
                .filter_map(|p| paragraph_len.get(&p.id()))
                .sum();
            let slot = if is_article {
                &mut best_article
            } else {
                &mut best_main
            };
            if slot.as_ref().is_none_or(|(best, _)| len > *best) {
                *slot = Some((len, element));
            }
        }
        if let Some(&len) = under_parent.get(&element.id())
            && best_parent.as_ref().is_none_or(|(best, _)| len > *best)
        {
            best_parent = Some((len, element));
        }
    }
    // An <article> holding a good share of the page's paragraph text is the article; a teaser
    // <article> in a sidebar is not. (Parent scores count paragraphs twice.)
    let densest = best_parent.as_ref().map_or(0, |(len, _)| *len / 2);
    [best_article, best_main]
        .into_iter()
        .flatten()
        .find(|(len, _)| *len > 0 && *len * 2 >= densest)
        .or(best_parent.filter(|(len, _)| *len > 0))
        .map(|(_, e)| e)
}

/// Length in characters of each visible `<p>`'s text, by node.
fn paragraph_lengths(page: &Html) -> HashMap<NodeId, usize> {
    let mut lengths = HashMap::new();
    for element in page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        if element.value().name() != "p" {
            continue;
        }
        let hidden = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_skipped(a.value()));
        if !hidden {
            let len = block_text(element).chars().count();
            lengths.insert(element.id(), len);
        }
    }
    lengths
}

/// The visible text under `root`, one paragraph per block element, paragraphs separated by
/// a blank line. Iterative: deeply nested pages cannot overflow the stack.
fn block_text(root: ElementRef<'_>) -> String {
    let mut out = Paragraphs::default();
    let mut skipping = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if skipping > 0 || is_skipped(e) {
                        skipping += 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.end();
                    }
                }
                Node::Text(t) if skipping == 0 => out.push(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skipping > 0 {
                        skipping -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.end();
                    }
                }
            }
        }
    }
    out.finish()
}

/// Text gathered paragraph by paragraph, white space collapsed.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn end(&mut self) {
        let paragraph = self.current.trim_end();
        if !paragraph.is_empty() {
            self.done.push(paragraph.to_owned());
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end();
        self.done.join("\n\n")
    }
}

/// White space runs as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_is_collapsed_and_blocks_split_paragraphs() {
        let x = extract("<body><p>One\n  two&nbsp;three</p><div>Four<br>five</div></body>");
        assert_eq!(x.text, "One two three\n\nFour\n\nfive");
    }

    #[test]
    fn json_ld_keys_are_found_inside_graphs() {
        let v: Value = serde_json::from_str(
            r#"{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-09-12"}]}"#,
        )
        .unwrap();
        assert_eq!(
            find_key(&v, "datePublished").and_then(Value::as_str),
            Some("2023-09-12")
        );
    }

    #[test]
    fn a_sidebar_article_does_not_win_over_the_story() {
        let page = "<body><div id=story><p>A long paragraph about the train that went from the border to the port city over the night.</p><p>Another long paragraph about who was on it and what they said when it arrived.</p></div><aside><article><p>Teaser</p></article></aside></body>";
        assert!(extract(page).text.starts_with("A long paragraph"));
    }
}
