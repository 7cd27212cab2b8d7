//! Markdown to plain text: the markup goes, the words stay.
//!
//! Headings lose their `#`, emphasis its stars, links and images their targets, code its
//! fences; list and quote markers go. Lines stay lines, so paragraphs stay apart.

/// Plain text and the first level-one heading of a Markdown document.
pub(crate) fn strip(source: &str) -> (Option<String>, String) {
    let mut title = None;
    let mut lines: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    for raw in source.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            } else {
                lines.push(line.to_owned());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        if is_rule_or_underline(trimmed) || is_reference_definition(trimmed) {
            // A setext underline makes the line above a heading.
            if title.is_none()
                && trimmed.starts_with('=')
                && let Some(previous) = lines.last().filter(|l| !l.trim().is_empty())
            {
                title = Some(previous.trim().to_owned());
            }
            continue;
        }
        if is_table_rule(trimmed) {
            continue;
        }
        let (level, body) = heading(trimmed);
        let body = strip_block_markers(body);
        let text = strip_inline(body);
        if level == 1 && title.is_none() && !text.trim().is_empty() {
            title = Some(text.trim().to_owned());
        }
        lines.push(text);
    }
    (title, lines.join("\n"))
}

/// `(level, text)` of an ATX heading line, or `(0, line)`.
fn heading(line: &str) -> (usize, &str) {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return (0, line);
    }
    let rest = &line[level..];
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return (0, line);
    }
    let rest = rest.trim();
    let rest = rest.trim_end_matches('#').trim_end();
    (level, rest)
}

/// `---`, `***`, `___` (thematic breaks) and `===` (setext underlines).
fn is_rule_or_underline(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ['-', '*', '_', '=']
            .iter()
            .any(|&m| compact.chars().all(|c| c == m))
}

/// `[label]: https://…`
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| !line[1..i].contains(']') && line.len() > i + 2)
}

/// `|---|:--:|` lines of a table.
fn is_table_rule(line: &str) -> bool {
    line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Removes quote markers and list bullets from the start of a line.
fn strip_block_markers(mut line: &str) -> &str {
    loop {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix('>') {
            line = rest;
            continue;
        }
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = t.strip_prefix(bullet) {
                let rest = rest
                    .strip_prefix("[ ] ")
                    .or_else(|| rest.strip_prefix("[x] "))
                    .unwrap_or(rest);
                return rest;
            }
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits) {
            let rest = &t[digits..];
            if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                return rest;
            }
        }
        return t;
    }
}

/// Removes inline markup: links and images keep their text, emphasis and code marks go,
/// backslash escapes are resolved, table pipes become spaces.
fn strip_inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                // An image: its alt text is not part of the story.
                if let Some((_, end)) = link_at(&chars, i + 1) {
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '[' => {
                if let Some((label_end, end)) = link_at(&chars, i) {
                    let label: String = chars[i + 1..label_end].iter().collect();
                    out.push_str(&strip_inline(&label));
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '<' => {
                // An autolink `<https://…>` or an inline tag: dropped.
                let close = chars[i..].iter().position(|&x| x == '>');
                let inner_ok = close.is_some_and(|k| {
                    k > 1
                        && !chars[i + 1..i + k].iter().any(|c| c.is_whitespace())
                        && (chars[i + 1].is_ascii_alphabetic() || chars[i + 1] == '/')
                });
                match close {
                    Some(k) if inner_ok => i += k + 1,
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '*' | '`' | '~' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let lone_star = c == '*'
                    && run == 1
                    && chars.get(i + 1).is_some_and(|x| x.is_whitespace())
                    && (i == 0 || chars[i - 1].is_whitespace());
                if lone_star || (c == '~' && run == 1) {
                    out.push(c);
                }
                i += run;
            }
            '_' => {
                // Underscores inside words (snake_case, URLs) are kept.
                let run = chars[i..].iter().take_while(|&&x| x == '_').count();
                let before = i.checked_sub(1).map(|k| chars[k]);
                let after = chars.get(i + run).copied();
                let inside_word = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if inside_word {
                    out.extend(std::iter::repeat_n('_', run));
                }
                i += run;
            }
            '|' => {
                // A table cell border: one space between cells.
                while out.ends_with(' ') {
                    out.pop();
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                i += 1;
                while chars.get(i).is_some_and(|c| *c == ' ') {
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    let collapsed = out.trim();
    if collapsed.len() == out.len() {
        out
    } else {
        collapsed.to_owned()
    }
}

/// A link starting at `chars[open] == '['`: `[label](target)` or `[label][ref]`.
/// Returns the index of the label's `]` and the index just past the link.
fn link_at(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut label_end = None;
    for (k, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    label_end = Some(k);
                    break;
                }
            }
            _ => {}
        }
    }
    let label_end = label_end?;
    let (opener, closer) = match chars.get(label_end + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (k, &c) in chars.iter().enumerate().skip(label_end + 1) {
        if c == opener {
            depth += 1;
        } else if c == closer {
            depth -= 1;
            if depth == 0 {
                return Some((label_end, k + 1));
            }
        }
    }
    None
}

/// How much a text looks like Markdown: a score of telltale constructs.
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let mut score = 0;
    let mut first = true;
    for line in text.lines().take(400) {
        let t = line.trim_start();
        if t.is_empty() {
            continue;
        }
        let (level, _) = heading(t);
        if level > 0 && t.len() > level {
            score += if first { 3 } else { 2 };
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            score += 2;
        }
        if t.contains("](") {
            score += 2;
        }
        if t.contains("**") || t.contains("__") {
            score += 1;
        }
        if t.starts_with("> ") || t.starts_with("- ") || t.starts_with("* ") {
            score += 1;
        }
        first = false;
        if score >= 3 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(strip_inline(input), expect, "{input}");
    }

    #[test]
    fn inline_markup_is_removed_and_words_kept() {
        let table = [
            ("**Kim** arrived in *Khasan*", "Kim arrived in Khasan"),
            (
                "see [the port](https://example.org/a_(b)) now",
                "see the port now",
            ),
            ("![a photo](x.png) The train", "The train"),
            ("a [ref link][1] here", "a ref link here"),
            (
                "`code` and __bold__ and snake_case",
                "code and bold and snake_case",
            ),
            ("2 * 3 = 6", "2 * 3 = 6"),
            (r"a \*literal\* star", "a *literal* star"),
            ("<https://example.org> text", "text"),
            ("| Moscow | Russia |", "Moscow Russia"),
            ("~~struck~~ out", "struck out"),
            ("5 < 6 and [unclosed", "5 < 6 and [unclosed"),
            ("emoji 🚂 and Хасан", "emoji 🚂 and Хасан"),
        ];
        for (input, expect) in table {
            check(input, expect);
        }
    }

    #[test]
    fn headings_fences_lists_and_quotes_are_unmarked() {
        let md = "# Kim goes east\n\nThe *train* left.\n\n## Route\n\n- Khasan\n- Ussuriysk\n1. first\n> quoted\n\n```\nlet x = 1;\n```\n---\n[1]: https://example.org\n";
        let (title, text) = strip(md);
        assert_eq!(title.as_deref(), Some("Kim goes east"));
        assert_eq!(
            text,
            "Kim goes east\n\nThe train left.\n\nRoute\n\nKhasan\nUssuriysk\nfirst\nquoted\n\nlet x = 1;"
        );
    }

    #[test]
    fn a_setext_heading_is_a_title() {
        let (title, text) = strip("Kim goes east\n=============\n\nThe train left.");
        assert_eq!(title.as_deref(), Some("Kim goes east"));
        assert_eq!(text, "Kim goes east\n\nThe train left.");
    }

    #[test]
    fn markdown_is_told_from_prose() {
        assert!(looks_like_markdown("# Title\n\nSome text."));
        assert!(looks_like_markdown(
            "Text with a [link](http://x) and **bold** words."
        ));
        assert!(!looks_like_markdown(
            "MOSCOW (Reuters) - The train left.\n\nIt arrived at 5 p.m."
        ));
        assert!(!looks_like_markdown("#hashtag news from the port"));
    }
}
