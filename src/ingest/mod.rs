//! Bytes in, a [`Document`] out: decoding, and article extraction from HTML and Markdown.
//!
//! Nothing here panics on any input: unreadable input is an [`IngestError`], and input
//! that is text but not the markup it seemed to be is analysed as plain text, so nothing
//! the user gave is lost.

mod dates;
mod html;
mod markdown;
#[cfg(feature = "online")]
pub mod web;

use std::path::Path;

use chrono::NaiveDate;

/// The largest input accepted, in bytes. News articles are a few tens of kilobytes.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// True when `text` is an `http://` or `https://` address rather than a file name or an
/// article (surrounding blanks ignored).
#[must_use]
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    !text.contains(char::is_whitespace)
        && ["http://", "https://"].iter().any(|scheme| {
            text.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        })
}

/// The largest link file read for its address: a link file is a few hundred bytes.
const MAX_LINK_FILE_BYTES: u64 = 64 * 1024;

/// The largest other file looked into for one address alone: an article is larger, so it
/// is not read twice.
const MAX_ADDRESS_FILE_BYTES: u64 = 4 * 1024;

/// How large a file named `name` may be and still be a link file.
fn link_file_limit(name: &str) -> u64 {
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("url" | "desktop" | "webloc") => MAX_LINK_FILE_BYTES,
        _ => MAX_ADDRESS_FILE_BYTES,
    }
}

/// The web address a link file holds, given its name and bytes: a link dragged from a
/// browser to the desktop or a file manager (a `.url` Internet Shortcut, a `.desktop` link, a
/// `.webloc`), or a small text file (a `text/uri-list`) holding one address and nothing else.
/// `None` for anything else, which is read as an article.
#[must_use]
pub fn address_in_link_file(name: &str, bytes: &[u8]) -> Option<String> {
    if bytes.len() as u64 > link_file_limit(name) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let found = match extension.as_deref() {
        // "[InternetShortcut]\nURL=https://…", "[Desktop Entry]\nType=Link\nURL=https://…"
        Some("url" | "desktop") => text.lines().find_map(|line| {
            let (key, value) = line.split_once('=')?;
            let key = key.trim();
            (key.eq_ignore_ascii_case("url") || key.eq_ignore_ascii_case("url[$e]"))
                .then(|| value.trim())
        }),
        // a property list: <key>URL</key><string>https://…</string>
        Some("webloc") => {
            let after = &text[text.find("<key>URL</key>")? + "<key>URL</key>".len()..];
            let start = after.find("<string>")? + "<string>".len();
            let end = after[start..].find("</string>")? + start;
            Some(after[start..end].trim())
        }
        // one address alone, as a uri-list holds it (comment lines start with '#')
        _ => {
            let mut lines = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'));
            let first = lines.next()?;
            lines.next().is_none().then_some(first)
        }
    }?;
    // a .webloc escapes '&' as "&amp;"
    let found = found.replace("&amp;", "&");
    is_web_address(&found).then(|| found.trim().to_owned())
}

/// The web address the file at `path` holds when it is a link file (see
/// [`address_in_link_file`]); a large or unreadable file is no link file.
#[must_use]
pub fn address_in_link_path(path: &std::path::Path) -> Option<String> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > link_file_limit(&path.to_string_lossy()) {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    address_in_link_file(&path.to_string_lossy(), &bytes)
}

/// A text ready for analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The title, when the input had one (HTML `<title>`, a Markdown `# heading`).
    pub title: Option<String>,
    /// The publication date, when the input says it.
    pub published: Option<NaiveDate>,
    /// The plain text to analyse.
    pub text: String,
}

/// The kinds of text input itinera reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text, analysed as it is.
    Text,
    /// An HTML page: the article is extracted from it.
    Html,
    /// Markdown: the markup is removed and the words kept.
    Markdown,
}

impl InputFormat {
    /// The format a file name's extension announces (`.html`, `.htm`, `.md`, `.txt`…), if any.
    #[must_use]
    pub fn from_extension(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" => Some(InputFormat::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(InputFormat::Markdown),
            "txt" | "text" => Some(InputFormat::Text),
            _ => None,
        }
    }

    /// The format a decoded text looks like, judged by its content.
    #[must_use]
    pub fn sniff(text: &str) -> Self {
        if looks_like_html(text) {
            InputFormat::Html
        } else if markdown::looks_like_markdown(text) {
            InputFormat::Markdown
        } else {
            InputFormat::Text
        }
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Nothing to analyse.
    #[error("the text is empty")]
    Empty,
    /// Looks like an image, archive or executable rather than text.
    #[error("this is not a text file (it looks like binary data)")]
    Binary,
    /// Larger than [`MAX_INPUT_BYTES`].
    #[error("the file is too large ({size_mb:.1} MB; the limit is {limit_mb} MB)")]
    TooLarge {
        /// Size of the input in megabytes.
        size_mb: f64,
        /// The limit in megabytes.
        limit_mb: usize,
    },
    /// The file could not be read.
    #[error("could not read {path}: {source}")]
    Io {
        /// The underlying error.
        source: std::io::Error,
        /// The file.
        path: String,
    },
}

impl Document {
    /// A document from plain text, with no title or date.
    #[must_use]
    pub fn from_text(text: impl Into<String>) -> Self {
        Self {
            title: None,
            published: None,
            text: text.into(),
        }
    }

    /// Reads a file (plain text, HTML or Markdown, in any common encoding). The file name's
    /// extension says the format when it is a known one; otherwise the content does.
    pub fn from_path(path: &Path) -> Result<Self, IngestError> {
        let meta = std::fs::metadata(path).map_err(|source| IngestError::Io {
            source,
            path: path.display().to_string(),
        })?;
        if meta.len() > MAX_INPUT_BYTES as u64 {
            return Err(too_large(meta.len() as usize));
        }
        let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
            source,
            path: path.display().to_string(),
        })?;
        Self::from_bytes_as(&bytes, InputFormat::from_extension(path))
    }

    /// Decodes bytes of unknown encoding and format into a document.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, IngestError> {
        Self::from_bytes_as(bytes, None)
    }

    /// Decodes bytes of unknown encoding into a document, reading them as `format`, or as
    /// the content suggests when `format` is `None`.
    pub fn from_bytes_as(bytes: &[u8], format: Option<InputFormat>) -> Result<Self, IngestError> {
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(too_large(bytes.len()));
        }
        let text = decode(bytes)?;
        if looks_binary(&text) {
            return Err(IngestError::Binary);
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if text.trim().is_empty() {
            return Err(IngestError::Empty);
        }
        Ok(Self::parse(
            &text,
            format.unwrap_or_else(|| InputFormat::sniff(&text)),
        ))
    }

    /// A document from decoded text in `format`: the article of an HTML page, the words of
    /// Markdown, or plain text as it is, with the title and publication date it states.
    /// Text that yields nothing as HTML or Markdown is kept as plain text.
    #[must_use]
    pub fn parse(text: &str, format: InputFormat) -> Self {
        match format {
            InputFormat::Html if !text.contains('<') => Self::parse(text, InputFormat::Text),
            InputFormat::Html => {
                let page = html::extract(text);
                if page.text.trim().is_empty() {
                    let mut plain = Self::parse(text, InputFormat::Text);
                    plain.title = page.title.or(plain.title);
                    plain.published = page.published.or(plain.published);
                    return plain;
                }
                let published = page.published.or_else(|| dates::dateline_date(&page.text));
                Self {
                    title: page.title,
                    published,
                    text: page.text,
                }
            }
            InputFormat::Markdown => {
                let (title, words) = markdown::strip(text);
                if words.trim().is_empty() {
                    return Self::parse(text, InputFormat::Text);
                }
                Self {
                    title: title.or_else(|| plain_title(&words)),
                    published: dates::dateline_date(&words),
                    text: words,
                }
            }
            InputFormat::Text => Self {
                title: plain_title(text),
                published: dates::dateline_date(text),
                text: text.to_owned(),
            },
        }
    }
}

/// The first line of a plain text when it reads as a headline: short, not a sentence
/// (no final period), not a dateline or a date, and followed by more text.
fn plain_title(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    lines.next()?;
    let words = first.split_whitespace().count();
    let ends_sentence = first.ends_with(['.', ',', ';', ':']);
    let lower = first.to_lowercase();
    let byline =
        lower.starts_with("by ") || lower.starts_with("published") || lower.starts_with("updated");
    let is_date = dates::find_date(first).is_some() && words <= 6;
    let alphabetic = first.chars().any(char::is_alphabetic);
    (first.chars().count() <= 150
        && words <= 25
        && !ends_sentence
        && !byline
        && !is_date
        && alphabetic)
        .then(|| first.to_owned())
}

/// True when a text is an HTML page or fragment rather than prose that mentions a tag.
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let start = head.trim_start();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return true;
    }
    if !start.starts_with('<') {
        return false;
    }
    let sample: String = text
        .chars()
        .take(65_536)
        .collect::<String>()
        .to_ascii_lowercase();
    let tags = [
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "<body", "<head", "<meta", "<title",
        "<article", "<span", "</a>", "<li>", "<h1", "<h2", "<table", "<section", "<main", "<?xml",
    ];
    let count: usize = tags.iter().map(|t| sample.matches(t).count()).sum();
    count >= 2
}

fn too_large(bytes: usize) -> IngestError {
    IngestError::TooLarge {
        size_mb: bytes as f64 / 1_048_576.0,
        limit_mb: MAX_INPUT_BYTES / 1_048_576,
    }
}

/// Decodes with a byte-order mark when there is one, as UTF-8 when valid, else by guessing.
fn decode(bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if let Some(utf16) = sniff_utf16(bytes) {
        let (text, _) = utf16.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(IngestError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

/// UTF-16 without a byte-order mark: every other byte zero in ASCII-heavy text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 > pairs * 7 && even_zero * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 > pairs * 7 && odd_zero * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// True when a decoded text is mostly control characters or replacement characters.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    if sample.is_empty() {
        return false;
    }
    let bad = sample
        .iter()
        .filter(|&&c| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        })
        .count();
    bad * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_told_from_file_names_and_articles() {
        assert!(is_web_address("https://example.org/news/1"));
        assert!(is_web_address("  HTTP://example.org\n"));
        assert!(!is_web_address("article.html"));
        assert!(!is_web_address("ftp://example.org/a.txt"));
        assert!(!is_web_address("http"));
        // an article that happens to start with an address is an article
        assert!(!is_web_address(
            "https://example.org said on Monday that the envoy left."
        ));
    }

    #[test]
    fn link_files_give_the_address_they_hold() {
        let table: &[(&str, &str, Option<&str>)] = &[
            (
                "Envoy.url",
                "[InternetShortcut]\r\nURL=https://example.org/news/1\r\n",
                Some("https://example.org/news/1"),
            ),
            (
                "link.DESKTOP",
                "[Desktop Entry]\nEncoding=UTF-8\nName=Envoy\nType=Link\nURL[$e]=https://example.org/a?b=1\nIcon=text-html\n",
                Some("https://example.org/a?b=1"),
            ),
            (
                "Envoy.webloc",
                "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>URL</key>\
                 <string>https://example.org/a?b=1&amp;c=2</string></dict></plist>",
                Some("https://example.org/a?b=1&c=2"),
            ),
            (
                "links.txt",
                "# dragged from a browser\nhttps://example.org/news/1\n",
                Some("https://example.org/news/1"),
            ),
            // an article, not a link
            (
                "article.txt",
                "https://example.org/news/1\nThe envoy reached Vienna on Monday.\n",
                None,
            ),
            (
                "two.uris",
                "https://example.org/1\nhttps://example.org/2\n",
                None,
            ),
            (
                "bad.url",
                "[InternetShortcut]\nURL=file:///etc/passwd\n",
                None,
            ),
            ("empty.url", "", None),
            ("notes.md", "Vienna, then Budapest.", None),
        ];
        for &(name, text, want) in table {
            assert_eq!(
                address_in_link_file(name, text.as_bytes()).as_deref(),
                want,
                "{name}"
            );
        }
        // not text, or too big to be a link
        assert_eq!(address_in_link_file("x.url", &[0xff, 0xfe, 0x00]), None);
        let big = format!("https://example.org/{}", "a".repeat(70_000));
        assert_eq!(address_in_link_file("big.url", big.as_bytes()), None);
        // a link file may carry much besides its address; another file only that address
        let padded = format!("{}\nhttps://example.org/1\n", "# note\n".repeat(1_000));
        assert_eq!(
            address_in_link_file(
                "padded.url",
                format!("[X]\n{padded}URL=https://example.org/1").as_bytes()
            )
            .as_deref(),
            Some("https://example.org/1")
        );
        assert_eq!(address_in_link_file("padded.txt", padded.as_bytes()), None);
    }

    #[test]
    fn utf8_text_is_read_as_is() {
        let d = Document::from_bytes("Kim arrived in Хасан.".as_bytes()).unwrap();
        assert_eq!(d.text, "Kim arrived in Хасан.");
    }

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        for u in "Vladivostok".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(Document::from_bytes(&utf16).unwrap().text, "Vladivostok");
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend(b"Khasan");
        assert_eq!(Document::from_bytes(&bom8).unwrap().text, "Khasan");
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        let bytes: Vec<u8> = "Ussuriysk is north"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            Document::from_bytes(&bytes).unwrap().text,
            "Ussuriysk is north"
        );
    }

    #[test]
    fn windows_1251_cyrillic_is_decoded() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("Поезд прибыл во Владивосток утром во вторник.");
        assert_eq!(
            Document::from_bytes(&bytes).unwrap().text,
            "Поезд прибыл во Владивосток утром во вторник."
        );
    }

    #[test]
    fn latin1_is_decoded() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("Le président est arrivé à Montréal hier soir.");
        assert_eq!(
            Document::from_bytes(&bytes).unwrap().text,
            "Le président est arrivé à Montréal hier soir."
        );
    }

    #[test]
    fn garbage_is_reported_as_such() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
        ];
        assert!(matches!(
            Document::from_bytes(&png),
            Err(IngestError::Binary)
        ));
        assert!(matches!(Document::from_bytes(b""), Err(IngestError::Empty)));
        assert!(matches!(
            Document::from_bytes(b"  \n\t "),
            Err(IngestError::Empty)
        ));
        let huge = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(matches!(
            Document::from_bytes(&huge),
            Err(IngestError::TooLarge { .. })
        ));
    }

    #[test]
    fn line_endings_are_unified() {
        assert_eq!(Document::from_bytes(b"a\r\nb\rc").unwrap().text, "a\nb\nc");
    }
}
