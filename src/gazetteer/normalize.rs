//! Name normalisation: how a name is keyed in the index.

use unicode_normalization::UnicodeNormalization;

/// The index key for a place name: lower case, diacritics removed, apostrophes dropped,
/// hyphens and runs of spaces made one space, "St."/"Saint" made "saint", a leading
/// "the" and a trailing possessive "'s" removed; transliteration variants made one
/// ("Primorskiy Kray" and "Primorsky Krai" both give "primorsky krai").
///
/// ```
/// use itinera::gazetteer::normalize;
/// assert_eq!(normalize("Przemyśl"), "przemysl");
/// assert_eq!(normalize("Komsomolsk-on-Amur"), "komsomolsk on amur");
/// assert_eq!(normalize("St. Petersburg"), "saint petersburg");
/// assert_eq!(normalize("the Gaza Strip"), "gaza strip");
/// ```
#[must_use]
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into a buffer the caller keeps: `out` is cleared and receives the key, so
/// a loop over many names allocates nothing once the buffer is large enough. ASCII names
/// skip Unicode decomposition.
///
/// ```
/// use itinera::gazetteer::normalize_into;
/// let mut key = String::new();
/// normalize_into("Mt. Fuji", &mut key);
/// assert_eq!(key, "mount fuji");
/// normalize_into("Łódź", &mut key);
/// assert_eq!(key, "lodz");
/// ```
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    let name = name.trim();
    let name = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|p| name.strip_suffix(p))
        .unwrap_or(name);
    if is_plain(name) {
        out.push_str(name);
        out.make_ascii_lowercase();
        return;
    }
    let mut words = Words {
        out,
        start: 0,
        index: 0,
        pending_space: false,
    };
    if name.is_ascii() {
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                words.letter(b.to_ascii_lowercase() as char);
            } else if !matches!(b, b'\'' | b'`') {
                words.pending_space = true;
            }
        }
    } else {
        for c in name.nfkd() {
            if unicode_normalization::char::is_combining_mark(c)
                || matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | 'ʻ')
            {
                continue;
            }
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    words.letter(match l {
                        'ø' | 'œ' => 'o',
                        'ł' => 'l',
                        'đ' => 'd',
                        'ß' => 's',
                        'æ' => 'a',
                        'ı' => 'i',
                        other => other,
                    });
                }
            } else {
                words.pending_space = true;
            }
        }
    }
    words.finish_word(true);
}

/// True when [`normalize`] only lower-cases `name`, as it does most names: ASCII letters
/// and digits in words joined by single spaces, no word it may rewrite ("the", "st",
/// "mt", "ft", "ste", "sainte", "kray", a "-skiy" ending) and nothing to trim.
pub(crate) fn is_plain(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if i == start || is_rewritten(&bytes[start..i]) {
                return false;
            }
            start = i + 1;
        } else if !b.is_ascii_alphanumeric() {
            return false;
        }
    }
    start < bytes.len() && !is_rewritten(&bytes[start..])
}

/// True when `word` is one word of a plain name (see [`is_plain`]): ASCII letters and
/// digits only, and no word [`normalize`] may rewrite.
pub(crate) fn is_plain_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    !bytes.is_empty() && bytes.iter().all(u8::is_ascii_alphanumeric) && !is_rewritten(bytes)
}

/// True when [`normalize_into`] may rewrite this ASCII word, in any case.
fn is_rewritten(word: &[u8]) -> bool {
    let n = word.len();
    let lower = |i: usize| word.get(i).map(u8::to_ascii_lowercase);
    // every word it rewrites whole starts with one of these letters
    if n <= 6 && matches!(lower(0), Some(b't' | b's' | b'm' | b'f' | b'k')) {
        let mut low = [0u8; 6];
        for (l, b) in low.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
        }
        if matches!(
            &low[..n],
            b"the" | b"st" | b"mt" | b"ft" | b"ste" | b"sainte" | b"kray"
        ) {
            return true;
        }
    }
    if n > 4 && lower(n - 4) == Some(b's') && lower(n - 3) == Some(b'k') {
        let mut end = [0u8; 4];
        for (l, b) in end.iter_mut().zip(&word[n - 4..]) {
            *l = b.to_ascii_lowercase();
        }
        return matches!(&end, b"skiy" | b"skii" | b"skij" | b"skyi" | b"skyy");
    }
    false
}

/// The key being written, one word at a time; each word is rewritten to its standard form
/// when it ends (and whether it was the last one is known).
struct Words<'a> {
    out: &'a mut String,
    /// Byte offset in `out` where the current word starts.
    start: usize,
    /// How many words have ended before the current one.
    index: usize,
    /// A separator came since the last letter.
    pending_space: bool,
}

impl Words<'_> {
    fn letter(&mut self, c: char) {
        if self.pending_space && self.out.len() > self.start {
            self.finish_word(false);
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.start = self.out.len();
        }
        self.pending_space = false;
        self.out.push(c);
    }

    /// Rewrites the word in `out[start..]`: a leading "the" goes, abbreviations of
    /// saint/mount/fort are spelled out before another word, "kray" is "krai", and Russian
    /// -skiy/-skii/-skij/-skyi/-skyy endings are "-sky".
    fn finish_word(&mut self, last: bool) {
        let word = &self.out[self.start..];
        if word.is_empty() {
            return;
        }
        let index = self.index;
        self.index += 1;
        let replacement = match word {
            "the" if index == 0 && !last => "",
            "st" | "ste" | "sainte" if !last => "saint",
            "mt" if !last => "mount",
            "ft" if !last => "fort",
            "kray" => "krai",
            _ => {
                let len = word.len();
                if len > 4
                    && ["skiy", "skii", "skij", "skyi", "skyy"]
                        .iter()
                        .any(|s| word.ends_with(s))
                {
                    self.out.truncate(self.start + len - 4);
                    self.out.push_str("sky");
                }
                return;
            }
        };
        self.out.truncate(self.start);
        self.out.push_str(replacement);
    }
}

#[cfg(test)]
mod tests {
    use super::{normalize, normalize_into};
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// The first, simple implementation, kept as the specification of the fast one.
    fn reference(name: &str) -> String {
        let name = name.trim();
        let name = ["'s", "’s", "'S", "’S"]
            .iter()
            .find_map(|p| name.strip_suffix(p))
            .unwrap_or(name);
        let mut out = String::with_capacity(name.len());
        let mut pending_space = false;
        for c in name.nfkd() {
            if unicode_normalization::char::is_combining_mark(c)
                || matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | 'ʻ')
            {
                continue;
            }
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                for l in c.to_lowercase() {
                    out.push(match l {
                        'ø' | 'œ' => 'o',
                        'ł' => 'l',
                        'đ' => 'd',
                        'ß' => 's',
                        'æ' => 'a',
                        'ı' => 'i',
                        other => other,
                    });
                }
            } else {
                pending_space = true;
            }
        }
        if let Some(rest) = out.strip_prefix("the ") {
            out = rest.to_owned();
        }
        let words: Vec<&str> = out.split(' ').collect();
        let mut joined = String::with_capacity(out.len() + 4);
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            let not_last = i + 1 < words.len();
            match *w {
                "st" | "ste" | "saint" | "sainte" if not_last => joined.push_str("saint"),
                "mt" | "mount" if not_last => joined.push_str("mount"),
                "ft" | "fort" if not_last => joined.push_str("fort"),
                "kray" => joined.push_str("krai"),
                // Transliterations of Russian -ский: -skiy, -skii, -skij, -skyi, -skyy → -sky.
                other => match ["skiy", "skii", "skij", "skyi", "skyy"]
                    .iter()
                    .find_map(|s| other.strip_suffix(s))
                {
                    Some(stem) if !stem.is_empty() => {
                        joined.push_str(stem);
                        joined.push_str("sky");
                    }
                    _ => joined.push_str(other),
                },
            }
        }
        joined
    }

    #[test]
    fn normalisation_table() {
        for (input, want) in [
            ("Khasan", "khasan"),
            ("Przemyśl", "przemysl"),
            ("Rzeszów", "rzeszow"),
            ("Komsomolsk-on-Amur", "komsomolsk on amur"),
            ("Russia's", "russia"),
            ("Russia’s", "russia"),
            ("St. Petersburg", "saint petersburg"),
            ("Saint Petersburg", "saint petersburg"),
            ("the Gaza Strip", "gaza strip"),
            ("O'Hare", "ohare"),
            ("  New   York ", "new york"),
            ("Владивосток", "владивосток"),
            ("Mt. Fuji", "mount fuji"),
            ("Ft. Worth", "fort worth"),
            ("Mount", "mount"),
            ("København", "kobenhavn"),
            ("Łódź", "lodz"),
            ("Primorskiy Kray", "primorsky krai"),
            ("Primorsky Krai", "primorsky krai"),
            ("Khasanskiy", "khasansky"),
            ("Sky", "sky"),
            ("Skiy", "skiy"),
        ] {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn a_reused_buffer_gives_the_same_keys_as_a_fresh_one() {
        let mut key = String::from("left over");
        for name in [
            "The Hague",
            "St. Louis",
            "Ostrów Wielkopolski",
            "",
            "the",
            "Kray",
        ] {
            normalize_into(name, &mut key);
            assert_eq!(key, reference(name), "{name}");
        }
    }

    #[test]
    fn a_name_is_plain_exactly_when_its_words_are_plain_words_joined_by_single_spaces() {
        for name in [
            "Paris",
            "New York",
            "New  York",
            " Paris",
            "Paris ",
            "St Louis",
            "Mt Hood",
            "O'Hare",
            "Paris 2",
            "Hague The",
            "Novosibirskiy",
            "Primorsky Kray",
            "Łódź",
            "",
            " ",
            "a b c",
        ] {
            let by_words = !name.is_empty() && name.split(' ').all(super::is_plain_word);
            assert_eq!(by_words, super::is_plain(name), "{name:?}");
        }
    }

    #[test]
    fn a_plain_name_is_only_lower_cased() {
        for (name, plain) in [
            ("Paris", true),
            ("New York", true),
            ("Paris 2", true),
            ("NEW YORK CITY", true),
            ("Mountain View", true),
            ("Novosibirsk", true),
            ("New  York", false),
            (" Paris", false),
            ("Paris ", false),
            ("O'Hare", false),
            ("Paris's", false),
            ("Komsomolsk-on-Amur", false),
            ("The Hague", false),
            ("Hague The", false),
            ("St Louis", false),
            ("STE X", false),
            ("Mt Hood", false),
            ("Ft Worth", false),
            ("Sainte Marie", false),
            ("Primorskiy Kray", false),
            ("Novosibirskiy", false),
            ("Łódź", false),
            ("", false),
        ] {
            assert_eq!(super::is_plain(name), plain, "{name}");
            if plain {
                assert_eq!(reference(name), name.to_ascii_lowercase(), "{name}");
            }
            assert_eq!(normalize(name), reference(name), "{name}");
        }
    }

    proptest! {
        #[test]
        fn the_fast_normaliser_agrees_with_the_reference(
            words in proptest::collection::vec(
                "(the|The|st|St\\.|ste|mt|Mt|ft|fort|kray|Kray|skiy|Primorskiy|Khasanskii|saint|x|[a-zA-Z]{1,6}|[a-zé'’ -]{1,5}|Łódź|İzmir|København|[\\PC]{1,3})",
                0..5,
            ),
            sep in "[ ,.'-]{1,2}",
        ) {
            let name = words.join(&sep);
            prop_assert_eq!(normalize(&name), reference(&name));
        }
    }
}
