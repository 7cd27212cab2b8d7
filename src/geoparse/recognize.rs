//! Recognition: which runs of tokens name a place.
//!
//! Every capitalised word starts a search for the longest gazetteer name over the
//! capitalised words (and small connectors) that follow it. Each match becomes a
//! [`Spot`] with the evidence around it: context cues, qualifiers, person and
//! organisation signals. [`decide`] then weighs that evidence with what the whole
//! document says (surnames already seen, words the text also uses in lower case).

use std::borrow::Cow;
use std::rc::Rc;

use crate::gazetteer::{Gazetteer, PlaceKind, Places, is_plain_word, normalize, normalize_into};
use crate::geo::LatLon;
use crate::span::Span;
use crate::text::{Token, TokenKind};

use super::cand::{Cand, same, within_km};
use super::lexicon::{
    ABBREVIATED_WORDS, AP_TWO_LETTER_STATES, Class, FastMap, FastSet, LANGUAGE_AFTER, Lexicon,
    PEOPLE_FROM, SPEAK, with_capacity,
};

/// The longest run of words tried as one name.
const MAX_WORDS: usize = 6;
/// The longest word looked up in the word lists.
const MAX_LOWER: usize = 32;
/// At most this many candidates are kept per name.
const MAX_CANDIDATES: usize = 25;

/// A possible place mention with the evidence for and against it.
#[derive(Clone, Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one mention"
)]
pub(crate) struct Spot<'g> {
    /// The mention's bytes, possessive "'s" left out.
    pub span: Span,
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub end: usize,
    /// Normalised name (one sense per key per document).
    pub key: Rc<str>,
    /// Gazetteer candidates, best prior first.
    pub candidates: Rc<[Cand<'g>]>,
    /// A demonym or adjective ("Russian").
    pub adjectival: bool,
    /// Words in the name.
    pub words: usize,
    /// Recognition evidence; accepted at [`ACCEPT`] or more.
    pub evidence: f32,
    /// A hard filter fired (person's name, organisation): never a place.
    pub vetoed: bool,
    /// Index (in the spot list) of the place that qualifies this one ("Paris, Texas").
    pub qualifier: Option<usize>,
    /// This spot qualifies the previous one.
    pub is_qualifier: bool,
    /// A US state written as its abbreviation ("W.Va.", "Calif.").
    pub abbreviation: bool,
    /// The kind of place a word next to the name asks for ("Washington state", "the city
    /// of Mexico", "Tumen River").
    pub hint: Option<Hint>,
    /// This spot and the next are coordinated ("Texas, Georgia and Ohio"): list members
    /// tend to be places of one kind.
    pub listed_with_next: bool,
    /// The spot is a member of a list of three or more names joined by "and" or "or"
    /// ("Ghana, Niger, Nigeria and Togo"), where "Niger, Nigeria" is no "Town, Country" pair.
    pub in_list: bool,
    /// A capitalised natural feature's word follows the name ("Elliott Bay", "Salt Hill",
    /// "Mona Island"): the name stands for a feature the gazetteer may not hold.
    pub feature_follows: bool,
    /// The name was seen acting as a person ("Nelson said").
    pub person: bool,
    /// What the word before the name ("in", "near", "the city of") added to its evidence,
    /// or the cue of the list it continues ("in Potsdam and Cottbus").
    pub cue: f32,
}

impl<'g> Spot<'g> {
    /// A spot with no evidence weighed yet.
    fn new(
        span: Span,
        tokens: (usize, usize),
        key: Rc<str>,
        candidates: Rc<[Cand<'g>]>,
        adjectival: bool,
        words: usize,
    ) -> Self {
        Spot {
            span,
            first: tokens.0,
            end: tokens.1,
            key,
            candidates,
            adjectival,
            words,
            evidence: 0.0,
            vetoed: false,
            qualifier: None,
            is_qualifier: false,
            abbreviation: false,
            hint: None,
            listed_with_next: false,
            in_list: false,
            feature_follows: false,
            person: false,
            cue: 0.0,
        }
    }
}

/// The kind of place a type word beside a name asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Hint {
    /// "city", "town", "village", "capital".
    Settlement,
    /// "state", "province", "region", "oblast", "krai", "prefecture".
    Region,
    /// "county", "parish", "district", "borough".
    District,
    /// "country", "republic", "kingdom", "nation".
    Country,
    /// "river", "lake", "sea", "mountains", "island", "desert"…
    Physical,
}

impl Hint {
    /// The hint a lower-case place-type word gives, if any.
    pub(crate) fn of(word: &str) -> Option<Hint> {
        Some(match word {
            "city" | "town" | "village" | "hamlet" | "capital" | "port" | "resort" | "township"
            | "municipality" | "settlement" | "suburb" => Hint::Settlement,
            "state" | "province" | "region" | "oblast" | "krai" | "kray" | "prefecture"
            | "governorate" | "territory" | "canton" | "emirate" => Hint::Region,
            "county" | "parish" | "district" | "borough" | "department" => Hint::District,
            "country" | "nation" | "republic" | "kingdom" => Hint::Country,
            "river" | "lake" | "sea" | "gulf" | "bay" | "strait" | "desert" | "mountains"
            | "island" | "islands" | "peninsula" | "valley" | "coast" => Hint::Physical,
            _ => return None,
        })
    }

    /// The hint of a plural type word before a list ("the states of Texas and Georgia").
    pub(crate) fn of_plural(word: &str) -> Option<Hint> {
        Hint::of(match word {
            "cities" => "city",
            "towns" => "town",
            "villages" => "village",
            "states" => "state",
            "provinces" => "province",
            "regions" => "region",
            "counties" => "county",
            "districts" => "district",
            "countries" => "country",
            "nations" => "nation",
            _ => return None,
        })
    }

    /// True when a candidate of this kind is what the hint asks for.
    pub(crate) fn fits(self, kind: PlaceKind) -> bool {
        match self {
            Hint::Settlement => kind == PlaceKind::PopulatedPlace,
            Hint::Region => kind == PlaceKind::Region,
            Hint::District => kind == PlaceKind::District,
            Hint::Country => kind == PlaceKind::Country,
            Hint::Physical => matches!(kind, PlaceKind::Physical | PlaceKind::InformalRegion),
        }
    }
}

/// Evidence lost by a minor place name heading an organisation's ("Gainesville Police").
const ORG_PENALTY: f32 = 0.0;

/// Evidence lost by a small place's name right before a capitalised word ("Margit Halvorsen").
const FIRST_NAME_PENALTY: f32 = 0.3;

/// Evidence lost by a lone name right after another capitalised word ("Taco Bell").
const INSIDE_NAME_PENALTY: f32 = 0.5;

/// Evidence lost by a country or region's lone name right after another capitalised
/// word ("United Russia").
const STRONG_INSIDE_NAME_PENALTY: f32 = 0.6;

/// A minor place this close to a confident one is taken as part of the story.
const NEAR_KM: f64 = 80.0;

/// The evidence a town's name has on its own when the town is small (see [`prior`]).
const SMALL_PRIOR: f32 = 0.45;

/// Population from which a city's other names are taken as its exonyms ("Kiev", "Peking").
const EXONYM_CITY: u64 = 1_000_000;

/// Evidence at which a spot is a place.
pub(crate) const ACCEPT: f32 = 0.5;

/// Words that name a storm when a capitalised name follows ("Hurricane Gilbert",
/// "Tropical Storm Hanna", "Cyclone Favio").
const STORM_WORDS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm", "depression"];

/// Population under which a place is a village, whose name of several words after "the"
/// is rather an organisation's (see [`local_evidence`]).
const VILLAGE: u64 = 5_000;

/// What the recogniser asks about each token, worked out once per document. Eight bytes a
/// token: a book has millions.
#[derive(Clone, Copy, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one token"
)]
pub(crate) struct TokInfo {
    word: bool,
    cap: bool,
    all_caps: bool,
    sentence_start: bool,
    /// The length of the token's text for the word lists (see [`TokInfos::lower`]).
    lower_len: u8,
    /// The word lists that text is on: several stages ask about the same token.
    class: Class,
}

/// The [`TokInfo`] of each token of a text, with what its lower-cased words are read from.
pub(crate) struct TokInfos<'f> {
    folded: &'f str,
    tokens: &'f [Token],
    items: Vec<TokInfo>,
}

impl<'f> TokInfos<'f> {
    /// The text of token `i` for the word lists: lower-cased, a possessive "'s" left off,
    /// empty for a word that is not ASCII or is longer than any listed word.
    pub(crate) fn lower(&self, i: usize) -> &'f str {
        let (Some(t), Some(info)) = (self.tokens.get(i), self.items.get(i)) else {
            return "";
        };
        let start = t.span().start;
        self.folded
            .get(start..start + usize::from(info.lower_len))
            .unwrap_or("")
    }

    /// True when token `i` names part of the area after it ("southeastern Oklahoma",
    /// "upstate New York"): the area, not a city of its name, is meant.
    pub(crate) fn names_a_part(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|t| t.class.is_compass())
            || matches!(self.lower(i), "upstate" | "downstate" | "rural")
    }
}

impl std::ops::Deref for TokInfos<'_> {
    type Target = [TokInfo];

    fn deref(&self) -> &[TokInfo] {
        &self.items
    }
}

/// The [`TokInfo`] of each token; `folded` is the text ASCII-lower-cased (same offsets).
pub(crate) fn token_info<'f>(text: &str, folded: &'f str, tokens: &'f [Token]) -> TokInfos<'f> {
    let lex = Lexicon::get();
    let bytes = text.as_bytes();
    // most texts are ASCII throughout: then each token is, without a test of its own
    let all_ascii = text.is_ascii();
    let mut out = Vec::with_capacity(tokens.len());
    let mut prev_end = 0usize;
    let mut prev_boundary = true;
    for t in tokens {
        // bytewise: a token lies on char boundaries, and its text is read as bytes but
        // for the case of a word that is not all ASCII
        let b = bytes.get(t.span().start..t.span().end).unwrap_or(&[]);
        // the gap is short (a space, mostly)
        let gap = bytes.get(prev_end..t.span().start).unwrap_or(&[]);
        let sentence_start = prev_boundary || breaks_line(gap);
        let word = t.kind == TokenKind::Word;
        let ascii = all_ascii || b.is_ascii();
        let (cap, all_caps) = if !word {
            (false, false)
        } else if ascii {
            // the same questions in ASCII, where every letter's case is its ASCII case
            // (a lower-case letter, most often the second, settles the second at once)
            let cap = b.first().is_some_and(u8::is_ascii_uppercase);
            let all_caps = cap
                && !b.iter().any(u8::is_ascii_lowercase)
                && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
            (cap, all_caps)
        } else {
            let s = t.text(text);
            let cap = s.chars().next().is_some_and(char::is_uppercase);
            let all_caps = cap
                && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(char::is_lowercase);
            (cap, all_caps)
        };
        let lower = lower_of(b, ascii, folded, t.span().start);
        out.push(TokInfo {
            word,
            cap,
            all_caps,
            sentence_start,
            // (at most MAX_LOWER bytes)
            lower_len: u8::try_from(lower.len()).unwrap_or(0),
            // no list holds the empty word, a number or a punctuation mark (every listed
            // word has a letter)
            class: if !word || lower.is_empty() {
                Class::default()
            } else {
                lex.class(lower)
            },
        });
        prev_boundary = t.kind == TokenKind::Punct && is_boundary_mark(b);
        prev_end = t.span().end;
    }
    TokInfos {
        folded,
        tokens,
        items: out,
    }
}

/// True when the gap between two tokens holds a line break; the usual gap, one space, is
/// answered without a search.
fn breaks_line(gap: &[u8]) -> bool {
    gap != b" " && gap.contains(&b'\n')
}

/// True for a punctuation mark after which a token opens a sentence, a quote, a
/// parenthesis or a list item.
fn is_boundary_mark(mark: &[u8]) -> bool {
    match mark {
        [b'.' | b'!' | b'?' | b':' | b'"' | b'(' | b'-'] | b"--" => true,
        [first, ..] if !first.is_ascii() => {
            matches!(std::str::from_utf8(mark), Ok("“" | "‘" | "—" | "–" | "•"))
        }
        _ => false,
    }
}

/// Lower-cased token text for lexicon lookups (ASCII only; others never match a list),
/// sliced from `folded`, the text ASCII-lower-cased once (same byte offsets).
#[cfg(test)]
fn lower<'f>(text: &str, folded: &'f str, t: Token) -> &'f str {
    let s = text
        .as_bytes()
        .get(t.span().start..t.span().end)
        .unwrap_or(&[]);
    lower_of(s, s.is_ascii(), folded, t.span().start)
}

/// The lower-cased text of a token (see [`TokInfos::lower`]) from its bytes `s`, which
/// start at byte `start` of the text, when whether they are all ASCII is known.
fn lower_of<'f>(s: &[u8], ascii: bool, folded: &'f str, start: usize) -> &'f str {
    // bytewise: the token lies on char boundaries, and so does an ASCII prefix of it
    let s = s
        .strip_suffix(b"'s")
        .or_else(|| s.strip_suffix("’s".as_bytes()))
        .unwrap_or(s);
    // a word that is not all ASCII may be so but for its possessive ("Kim’s")
    if s.len() > MAX_LOWER || !(ascii || s.is_ascii()) {
        return "";
    }
    folded.get(start..start + s.len()).unwrap_or("")
}

/// The span of the mention: a possessive or trailing apostrophe left out, the period of
/// an abbreviation ("U.S.", "W.Va.", "Calif.") taken in.
fn mention_span(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    abbreviation: bool,
) -> (Span, usize) {
    let start = tokens[first].span().start;
    let mut end = tokens[last].span().end;
    let mut next = last + 1;
    let s = &text[start..end];
    if let Some(stripped) = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| s.strip_suffix(p))
    {
        end = start + stripped.len();
    } else if let Some(dot) = tokens.get(last + 1) {
        let word = tokens[last].text(text);
        if dot.span().start == end && dot.text(text) == "." && (abbreviation || word.contains('.'))
        {
            end = dot.span().end;
            next = last + 2;
        }
    }
    (Span::new(start, end), next)
}

/// Finds every gazetteer name and demonym in the text, with its local evidence; `folded`
/// is the text ASCII-lower-cased (same offsets).
pub(crate) fn spot<'g>(
    text: &str,
    folded: &str,
    tokens: &[Token],
    info: &TokInfos<'_>,
    gazetteer: &'g Gazetteer,
) -> Vec<Spot<'g>> {
    let lex = Lexicon::get();
    let capitalised = info.iter().filter(|t| t.cap).count();
    let mut memo = Memo::new(gazetteer, capitalised);
    // about one spot per capitalised word
    let mut spots = Vec::with_capacity(capitalised + 4);
    let mut i = 0;
    while i < tokens.len() {
        if !info[i].cap || info.lower(i) == "the" {
            i += 1;
            continue;
        }
        // the furthest token a name starting here may reach
        let mut reach = i;
        let mut words = 1;
        let mut j = i + 1;
        while j < tokens.len() && words < MAX_WORDS {
            let gap = &text[tokens[j - 1].span().end..tokens[j].span().start];
            if breaks_line(gap.as_bytes()) {
                break;
            }
            if !info[j].word {
                // "St. Petersburg", "Ft. Worth": a period right after a short capitalised word
                let short = info[j - 1].cap && tokens[j - 1].span().len() <= 3 && gap.is_empty();
                if short && tokens[j].text(text) == "." && info.get(j + 1).is_some_and(|n| n.cap) {
                    j += 1;
                    continue;
                }
                // "John o' Groats": the apostrophe of a clipped "of"
                if gap.is_empty()
                    && matches!(tokens[j].text(text), "'" | "’")
                    && tokens[j - 1].text(text) == "o"
                    && info.get(j + 1).is_some_and(|n| n.cap)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if info[j].cap || elided(tokens[j].text(text)) {
                reach = j;
            } else if !info[j].class.is_connector() {
                break;
            }
            words += 1;
            j += 1;
        }
        // the n-grams from here that are plain names (plain words joined by single spaces,
        // see `is_plain`) end at `plain_end` or before: their keys are their folded text,
        // with no need to normalise them
        let mut plain_end = None;
        for j in i..=reach {
            let joined =
                j == i || text.get(tokens[j - 1].span().end..tokens[j].span().start) == Some(" ");
            if !joined || !is_plain_word(tokens[j].text(text)) {
                break;
            }
            plain_end = Some(j);
        }
        let plain_key = |last: usize| {
            plain_end
                .is_some_and(|end| last <= end)
                .then(|| &folded[tokens[i].span().start..tokens[last].span().end])
        };
        let mut found = None;
        // one walk down the index answers every shorter n-gram whose key is a prefix of
        // the longest one's
        let walk = (reach > i).then(|| {
            memo.walk(
                &text[tokens[i].span().start..tokens[reach].span().end],
                plain_key(reach),
            )
        });
        for last in (i..=reach).rev() {
            let elided_last = last > i && elided(tokens[last].text(text));
            if !(info[last].cap || elided_last) {
                continue;
            }
            let raw = &text[tokens[i].span().start..tokens[last].span().end];
            let name = memo.name_along(raw, plain_key(last), walk);
            if let Some(state) = us_abbreviation(text, tokens, last, raw, lex) {
                found = Some((last, Rc::from(normalize(state)), false, true));
                break;
            }
            if let Some(key) = name {
                found = Some((last, key, false, false));
                break;
            }
        }
        // "Welsh", "English", "Sri Lankan": a demonym beats a small town of that name, and a
        // longer demonym beats a shorter place
        let single_minor = found.as_ref().is_some_and(|(last, key, _, abbreviation)| {
            // "Welsh, Louisiana": a town with its region stays a town
            let qualified = tokens.get(last + 1).is_some_and(|t| t.text(text) == ",")
                && info.get(last + 2).is_some_and(|n| n.cap);
            !abbreviation && !qualified && {
                let best = memo
                    .candidates(key)
                    .iter()
                    .map(prior)
                    .fold(0.0f32, f32::max);
                *last == i && best < 0.6
            }
        });
        // "North Korean": a demonym longer than the place found ("North") wins too
        // so a demonym must end after the place found, unless that is a single minor name:
        // only those that could win are looked up
        let shortest = match found.as_ref().map(|f| f.0) {
            _ if single_minor => Some(i),
            None => Some(i),
            Some(f) if f == i => Some(i + 1),
            Some(_) => None,
        };
        if let Some(shortest) = shortest
            && let Some((l, k)) = demonym_at(text, tokens, info, i, shortest, &mut memo)
        {
            found = Some((l, Rc::from(demonym_key(&k)), true, false));
        }
        if found.is_none() {
            // "Gainesville-based", "Egyptian-US", "Arab-Israeli", "D-Columbus": names
            // inside a hyphenated word
            hyphen_parts(text, tokens[i], i, &mut memo, &mut spots);
            i += 1;
            continue;
        }
        let abbreviation = found.as_ref().is_some_and(|f| f.3);
        let Some((last, key, adjectival, _)) = found else {
            i += 1;
            continue;
        };
        let (span, next) = mention_span(text, tokens, i, last, abbreviation);
        let candidates: Rc<[Cand<'g>]> = if adjectival {
            memo.demonym(span.slice(text)).into_iter().collect()
        } else {
            memo.candidates(&key)
        };
        if candidates.is_empty() {
            i += 1;
            continue;
        }
        let words = tokens[i..=last]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        let mut spot = Spot::new(span, (i, next), key, candidates, adjectival, words);
        spot.abbreviation = abbreviation;
        spots.push(spot);
        i = next;
    }
    elided_compass_names(text, tokens, info, &mut spots, &mut memo);
    for k in 0..spots.len() {
        local_evidence(text, tokens, info, &mut spots, k, lex);
    }
    route_starts(text, tokens, &mut spots);
    mark_lists(text, tokens, &mut spots);
    peoples(text, tokens, info, &mut spots);
    spots
}

/// Members of a list that names this many peoples are peoples, not places.
const PEOPLES_IN_A_LIST: usize = 3;

/// "The Delaware, the Ottawa, Shawnee, Pawnee and Potawatomi", "The Cherokee were among
/// the last to go": names of peoples that towns, states and rivers bear are the peoples
/// in a list of three or more of them and as the subject of "were" or "are".
fn peoples(text: &str, tokens: &[Token], info: &TokInfos<'_>, spots: &mut [Spot]) {
    let people = |s: &Spot| s.words == 1 && !s.adjectival && info[s.first].class.is_people();
    // most texts name no people at all
    if !spots.iter().any(people) {
        return;
    }
    let mut start = 0;
    while start < spots.len() {
        let mut end = start;
        while end + 1 < spots.len() && spots[end].listed_with_next {
            end += 1;
        }
        let run = &mut spots[start..=end];
        if run.iter().filter(|s| people(s)).count() >= PEOPLES_IN_A_LIST {
            for s in run.iter_mut().filter(|s| people(s)) {
                s.vetoed = true;
            }
        }
        start = end + 1;
    }
    for s in spots.iter_mut().filter(|s| people(s)) {
        let after_the = s.first > 0 && info.lower(s.first - 1) == "the";
        let were = tokens
            .get(s.end)
            .is_some_and(|t| matches!(t.text(text), "were" | "are"));
        if after_the && were {
            s.vetoed = true;
        }
    }
}

/// "Vittel to La Planche", "Nantua to Chambery": a name right before "to" and a place that
/// "to" cues is where a leg starts, a place as much as where it ends; it takes that cue
/// when it has none of its own ("from Nantua to Chambery" has one).
fn route_starts(text: &str, tokens: &[Token], spots: &mut [Spot]) {
    for k in 1..spots.len() {
        let (a, b) = (&spots[k - 1], &spots[k]);
        let leg = b.first == a.end + 1
            && tokens[a.end].text(text) == "to"
            && a.cue == 0.0
            && b.cue > 0.0
            && !a.vetoed
            && !b.vetoed
            && !a.adjectival
            && !b.adjectival
            && b.evidence >= ACCEPT;
        if leg {
            let cue = b.cue;
            spots[k - 1].cue = cue;
            spots[k - 1].evidence += cue;
        }
    }
}

/// True for a word that names a natural feature inside its name ("Cape Horn", "Lake
/// Geneva", "Cooper Creek", "Padre Island").
fn is_feature_word(word: &str) -> bool {
    matches!(
        word,
        "cape"
            | "mount"
            | "mt"
            | "lake"
            | "river"
            | "creek"
            | "bay"
            | "gulf"
            | "island"
            | "isle"
            | "islands"
            | "strait"
            | "sea"
            | "peninsula"
    )
}

/// True for a word that is an elided particle joined to a capitalised name ("d'Ivoire",
/// "d’Huez", "l'Aquila"): inside a run of capitalised words it is part of the name, as in
/// "Côte d'Ivoire", "Alpe d’Huez", "Château d'Oex".
fn elided(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('d' | 'l'))
        && matches!(chars.next(), Some('\'' | '’'))
        && chars.next().is_some_and(char::is_uppercase)
}

/// "North and South Korea", "Central and East Africa", "Northern and Central Italy": a
/// compass word joined by "and" or "or" to a name that opens with another compass word
/// stands for its own name with the same tail (North Korea, Central Africa). It takes that
/// name's places, or is no place at all when the gazetteer knows no such name (the region
/// called North in Cameroon is not meant).
fn elided_compass_names<'g>(
    text: &str,
    tokens: &[Token],
    info: &TokInfos<'_>,
    spots: &mut [Spot<'g>],
    memo: &mut Memo<'_, 'g>,
) {
    let compass = |j: usize| info.get(j).is_some_and(|t| t.cap && t.class.is_compass());
    for k in 0..spots.len() {
        let first = spots[k].first;
        if spots[k].words != 1
            || spots[k].adjectival
            || !compass(first)
            || !tokens
                .get(first + 1)
                .is_some_and(|t| matches!(t.text(text), "and" | "or" | "&"))
            || !compass(first + 2)
        {
            continue;
        }
        // the tail: the rest of the name the second compass word opens ("Korea" of "South
        // Korea"), or the name right after it ("Italy" of "Central Italy")
        let tail = spots[k + 1..]
            .iter()
            .take(2)
            .find_map(|n| match n.first {
                f if f == first + 2 && n.end > first + 3 => Some(n.end),
                f if f == first + 3 => Some(n.end),
                _ => None,
            })
            .map(|end| &text[tokens[first + 3].span().start..tokens[end - 1].span().end]);
        let candidates = tail.map(|tail| {
            let key = normalize(&format!("{} {tail}", tokens[first].text(text)));
            let c = memo.candidates(&key);
            (key, c)
        });
        match candidates {
            Some((key, c)) if !c.is_empty() => {
                // weighed as the name it stands for, not as a lone word
                spots[k].words = 1 + key.matches(' ').count();
                spots[k].key = Rc::from(key);
                spots[k].candidates = c;
            }
            _ => spots[k].vetoed = true,
        }
    }
}

/// Capitalised words before a street's name that are no part of it ("On Main Street").
const STREET_NAME_BREAKS: &[&str] = &[
    "the", "a", "an", "on", "at", "in", "of", "to", "from", "near", "and", "or", "by", "for",
    "with", "into", "onto", "along", "off", "past", "via",
];

/// Words that head a numbered road ("Highway 10", "County Road 43", "Interstate 395").
const ROAD_HEADS: &[&str] = &["highway", "road", "route", "interstate"];

/// Streets and numbered roads ("Main Street", "E. Broad St.", "40th Avenue South", "County
/// Road 43", "Interstate 395"): places the text names that no gazetteer of towns holds. Each
/// is the token range `first..end`, in text order.
pub(crate) fn streets(text: &str, tokens: &[Token], info: &TokInfos<'_>) -> Vec<(usize, usize)> {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.text(text));
    let cap = |j: usize| info.get(j).is_some_and(|t| t.cap);
    // a period written right after the token ("St.", "E.")
    let dotted = |j: usize| {
        tokens
            .get(j + 1)
            .is_some_and(|t| t.span().start == tokens[j].span().end && t.text(text) == ".")
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut j = 0;
    while j < tokens.len() {
        let lower_j = info.lower(j);
        // "Highway 10", "State Highway 360", "County Road 43", "Interstate 395"
        if cap(j)
            && ROAD_HEADS.contains(&lower_j)
            && tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            let first = match info.lower(j.saturating_sub(1)) {
                "state" | "county" | "us" | "federal" if j > 0 && cap(j - 1) => j - 1,
                _ => j,
            };
            out.push((first, j + 2));
            j += 2;
            continue;
        }
        // the street words but those that end other names too ("Supreme Court", "Dr. Smith"),
        // and a turnpike, which names a road but leaves the place before it a place
        // ("Massachusetts Turnpike")
        let is_end = cap(j)
            && (info[j].class.is_street() || lower_j == "turnpike")
            && !matches!(lower_j, "court" | "ct" | "place" | "pl" | "circle" | "dr")
            // "St. Louis", "St. Patrick's": a saint, not a street
            && !(lower_j == "st" && cap(j + 2) && dotted(j))
            && !(lower_j == "st" && !dotted(j) && cap(j + 1));
        if !is_end || j == 0 {
            j += 1;
            continue;
        }
        // the name before the street word: up to three capitalised words or ordinals
        // ("Van Dorn", "North Cooper", "40th"), an initial with its period ("E. Broad")
        let mut first = j;
        while first > 0 && j - first < 4 {
            let prev = first - 1;
            // a name never runs over a line break ("Main Street\nDrive safely")
            if breaks_line(&text.as_bytes()[tokens[prev].span().end..tokens[first].span().start]) {
                break;
            }
            let w = word(prev);
            let ordinal = w.len() > 2
                && w.as_bytes()[0].is_ascii_digit()
                && matches!(w.get(w.len() - 2..), Some("st" | "nd" | "rd" | "th"));
            let (low, class) = (info.lower(prev), info[prev].class);
            // "The", "On", "Sunday", "Officer" before the name are no part of it
            let ordinary = STREET_NAME_BREAKS.contains(&low)
                || class.is_title()
                || class.is_org_head()
                || class.is_media_head()
                || class.is_calendar();
            // "Augusta's Highland Avenue": the street starts after the possessive
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            if (cap(prev) && !ordinary && !possessive) || ordinal {
                first = prev;
            } else if w == "." && prev > 0 && cap(prev - 1) && tokens[prev - 1].span().len() == 1 {
                // "E. Broad St."
                first = prev - 1;
            } else {
                break;
            }
        }
        if first == j {
            j += 1;
            continue;
        }
        // "Augusta St.", "Nordland Ave.": the abbreviation's period belongs to the name
        let abbreviated = matches!(
            lower_j,
            "st" | "ave" | "rd" | "blvd" | "pkwy" | "ln" | "hwy"
        ) && dotted(j);
        let mut end = if abbreviated { j + 2 } else { j + 1 };
        // "40th Avenue South"
        if cap(end) && info[end].class.is_compass() && !cap(end + 1) {
            end += 1;
        }
        // a longer name goes on ("Main Street Bank", "Elm Street School")
        let longer = cap(end)
            && word(end).len() > 1
            && !breaks_line(&text.as_bytes()[tokens[end - 1].span().end..tokens[end].span().start]);
        if !longer {
            out.push((first, end));
        }
        j = end;
    }
    out
}

/// A number written in figures or as a small number word ("12", "eight").
fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "dozens"
                | "hundreds"
        )
}

/// Links coordinated names ("Texas, Georgia and Ohio", "China, Japan, and the United
/// Kingdom"): each member is `listed_with_next` but the last, and the members of a list of
/// three or more that a conjunction closes are `in_list`.
fn mark_lists(text: &str, tokens: &[Token], spots: &mut [Spot]) {
    // whether each spot is joined to the next, and by a conjunction
    let mut conjunction = vec![false; spots.len()];
    for k in 1..spots.len() {
        let (a, b) = (&spots[k - 1], &spots[k]);
        if b.first <= a.end || b.first - a.end > 5 {
            continue;
        }
        let gap = &tokens[a.end..b.first];
        // "the" only just before a name: "Japan, and the United Kingdom"
        let body = match gap.split_last() {
            Some((last, body)) if last.text(text) == "the" => body,
            _ => gap,
        };
        // "twelve in Ontario, eight in Alberta and one in Quebec": a count and "in" before
        // each member, at the same place in every link
        let body = match body {
            [rest @ .., count, within]
                if within.text(text) == "in" && is_count(count.text(text)) =>
            {
                rest
            }
            _ => body,
        };
        let joined = !body.is_empty()
            && body.len() <= 2
            && body
                .iter()
                .all(|t| matches!(t.text(text), "," | "and" | "or" | "&"));
        if joined {
            spots[k - 1].listed_with_next = true;
            conjunction[k - 1] = gap
                .iter()
                .any(|t| matches!(t.text(text), "and" | "or" | "&"));
        }
    }
    let mut start = 0;
    while start < spots.len() {
        let mut end = start;
        while end + 1 < spots.len() && spots[end].listed_with_next {
            end += 1;
        }
        if end >= start + 2 && conjunction[start..end].iter().any(|&c| c) {
            for s in &mut spots[start..=end] {
                s.in_list = true;
            }
        }
        // "the states of Texas and Georgia": a type word before a list asks for its kind
        // in every member
        if end > start
            && let Some(hint) = spots[start].hint
        {
            for s in &mut spots[start + 1..=end] {
                s.hint.get_or_insert(hint);
            }
        }
        start = end + 1;
    }
}

/// The places inside one hyphenated word: the name before a lower-case tail
/// ("Gainesville-based"), countries, regions and demonyms joined to each other
/// ("Egyptian-US relations", "Arab-Israeli"), and the place after a party letter
/// ("D-Columbus").
fn hyphen_parts<'t, 'g>(
    text: &'t str,
    token: Token,
    index: usize,
    memo: &mut Memo<'t, 'g>,
    spots: &mut Vec<Spot<'g>>,
) {
    let word = token.text(text);
    if !word.contains('-') {
        return;
    }
    let parts: Vec<(usize, &'t str)> = word
        .split('-')
        .scan(0usize, |at, part| {
            let start = *at;
            *at += part.len() + 1;
            Some((start, part))
        })
        .collect();
    let after_party_letter = parts.len() == 2 && matches!(parts[0].1, "D" | "R" | "I");
    for (n, &(offset, part)) in parts.iter().enumerate() {
        if !part.chars().next().is_some_and(char::is_uppercase) || part.len() < 2 {
            continue;
        }
        let lower_tail = n == 0
            && parts
                .get(1)
                .is_some_and(|(_, t)| t.chars().next().is_some_and(char::is_lowercase));
        let start = token.span().start + offset;
        let raw = &text[start..start + part.len()];
        let (candidates, adjectival): (Rc<[Cand<'g>]>, bool) =
            if let Some(place) = memo.demonym(raw) {
                (Rc::from([place]), true)
            } else {
                let Some(key) = memo.name(raw) else {
                    continue;
                };
                (memo.candidates(&key), false)
            };
        let major = candidates.iter().any(|c| {
            matches!(
                c.kind,
                PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent
            )
        });
        if !(adjectival || major || lower_tail || (after_party_letter && n == 1)) {
            continue;
        }
        let key = if adjectival {
            demonym_key(&normalize(raw))
        } else {
            normalize(raw)
        };
        let key = Rc::from(key);
        let span = Span::new(start, start + part.len());
        spots.push(Spot::new(
            span,
            (index, index + 1),
            key,
            candidates,
            adjectival,
            1,
        ));
    }
}

/// The key a demonym's spot goes by: apart from a place of the same name ("Welsh" the
/// adjective and Welsh, Louisiana are two names).
fn demonym_key(normalized: &str) -> String {
    format!("demonym:{normalized}")
}

/// What one document has already asked the gazetteer: names repeat, and their keys and
/// candidates are worked out once.
struct Memo<'t, 'g> {
    gazetteer: &'g Gazetteer,
    /// Per raw n-gram, the key of the name it is, `None` when the index knows no name of
    /// its key.
    ngrams: FastMap<&'t str, Option<Rc<str>>>,
    /// The best candidates per key: of every name the index knows that was asked about,
    /// and of the other keys asked for their candidates that have some.
    candidates: FastMap<Rc<str>, Rc<[Cand<'g>]>>,
    demonyms: FastMap<&'t str, Option<Cand<'g>>>,
    /// The walks of the longest n-grams, by their raw text.
    walks: FastMap<&'t str, Walk<'t>>,
    /// The keys of the walks, one after another (see [`Walk::key`]).
    walk_keys: String,
    /// The names along the walks, one walk's after another's (see [`Walk::names`]).
    walk_names: Vec<(usize, Places<'g>)>,
    /// Room to normalise a name in.
    key: String,
    /// Room to read one name's candidates in before they are shared.
    scratch: Vec<Cand<'g>>,
}

/// The best candidates of `places`, read through `scratch` so that the shared list is the
/// only allocation.
fn read_candidates<'g>(scratch: &mut Vec<Cand<'g>>, places: Places<'g>) -> Rc<[Cand<'g>]> {
    scratch.clear();
    scratch.extend(places.take(MAX_CANDIDATES).map(Cand::from));
    Rc::from(scratch.as_slice())
}

/// The most capitalised words the memo's tables are sized for in advance.
const MEMO_SIZE_CAP: usize = 8192;

/// The walk of one n-gram's key down the name index, kept in the [`Memo`]: the lengths at
/// which a prefix of the key is a name, with the places it names. Any key that is a prefix
/// of the walked one is answered without a lookup of its own: a name when its length is
/// listed, none otherwise.
#[derive(Clone, Copy)]
struct Walk<'t> {
    /// The n-gram walked.
    raw: &'t str,
    /// Where its key lies in the memo's `walk_keys`.
    key: (usize, usize),
    /// Where the names along it lie in the memo's `walk_names`, shortest first.
    names: (usize, usize),
}

impl<'t, 'g> Memo<'t, 'g> {
    /// An empty memo for a text of `capitalised` capitalised words, sized so that its
    /// tables seldom grow: about two n-grams and one name, demonym try and walk per word.
    fn new(gazetteer: &'g Gazetteer, capitalised: usize) -> Self {
        // (a long text repeats its names: past a news story's size the tables grow as
        // needed, rather than by the words of a book)
        let capitalised = capitalised.min(MEMO_SIZE_CAP);
        Memo {
            gazetteer,
            ngrams: with_capacity(2 * capitalised),
            candidates: with_capacity(capitalised),
            demonyms: with_capacity(capitalised),
            walks: with_capacity(capitalised),
            walk_keys: String::new(),
            walk_names: Vec::new(),
            key: String::new(),
            scratch: Vec::with_capacity(MAX_CANDIDATES),
        }
    }

    /// The key of the name `raw` is, `None` when the gazetteer knows none by its key.
    fn name(&mut self, raw: &'t str) -> Option<Rc<str>> {
        self.name_along(raw, None, None)
    }

    /// [`Memo::name`] of an n-gram whose key may be known already, `plain` (its folded
    /// text, when it is a plain name), answered by `walk` when it can. A known name's
    /// candidates are read at once, from the places the lookup found.
    fn name_along(
        &mut self,
        raw: &'t str,
        plain: Option<&'t str>,
        walk: Option<Walk<'t>>,
    ) -> Option<Rc<str>> {
        if let Some(name) = self.ngrams.get(raw) {
            return name.clone();
        }
        // the walked n-gram's key is at hand, and so is a plain name's
        let key = match walk {
            Some(w) if std::ptr::eq(w.raw, raw) => &self.walk_keys[w.key.0..w.key.1],
            _ => plain.unwrap_or_else(|| {
                normalize_into(raw, &mut self.key);
                self.key.as_str()
            }),
        };
        let places = if key.is_empty() {
            None
        } else {
            match walk.filter(|w| self.walk_keys[w.key.0..w.key.1].starts_with(key)) {
                Some(w) => self.walk_names[w.names.0..w.names.1]
                    .iter()
                    .find(|(n, _)| *n == key.len())
                    .map(|(_, p)| p.clone()),
                None => self.gazetteer.known_places(key),
            }
        };
        let name = places.map(|places| {
            if let Some((known, _)) = self.candidates.get_key_value(key) {
                return Rc::clone(known);
            }
            let key: Rc<str> = Rc::from(key);
            let c = read_candidates(&mut self.scratch, places);
            self.candidates.insert(Rc::clone(&key), c);
            key
        });
        self.ngrams.insert(raw, name.clone());
        name
    }

    /// The walk of the key of `raw` down the name index (`plain`: its key, when it is a
    /// plain name).
    fn walk(&mut self, raw: &'t str, plain: Option<&'t str>) -> Walk<'t> {
        if let Some(&w) = self.walks.get(raw) {
            return w;
        }
        let start = self.walk_keys.len();
        if let Some(key) = plain {
            self.walk_keys.push_str(key);
        } else {
            normalize_into(raw, &mut self.key);
            self.walk_keys.push_str(&self.key);
        }
        let key = (start, self.walk_keys.len());
        let from = self.walk_names.len();
        self.gazetteer
            .names_along_into(&self.walk_keys[start..], &mut self.walk_names);
        let w = Walk {
            raw,
            key,
            names: (from, self.walk_names.len()),
        };
        self.walks.insert(raw, w);
        w
    }

    /// The best candidates of a key.
    fn candidates(&mut self, key: &str) -> Rc<[Cand<'g>]> {
        if let Some(c) = self.candidates.get(key) {
            return Rc::clone(c);
        }
        let c = read_candidates(&mut self.scratch, self.gazetteer.places_normalized(key));
        // only keys with candidates are kept: a key kept is a name the index knows
        if !c.is_empty() {
            self.candidates.insert(Rc::from(key), Rc::clone(&c));
        }
        c
    }

    /// The place a demonym names.
    fn demonym(&mut self, word: &'t str) -> Option<Cand<'g>> {
        let gazetteer = self.gazetteer;
        *self
            .demonyms
            .entry(word)
            .or_insert_with(|| gazetteer.demonym_place(word).map(Cand::from))
    }
}

/// Evidence lost by a demonym opening a longer capitalised name ("American Airlines").
const DEMONYM_IN_NAME_PENALTY: f32 = 0.4;

/// "W.Va.", "Calif.", "Ga." after "Town," — a US state abbreviation with its period.
fn us_abbreviation(
    text: &str,
    tokens: &[Token],
    last: usize,
    raw: &str,
    lex: &Lexicon,
) -> Option<&'static str> {
    let word = tokens[last].text(text);
    let dotted = word.contains('.')
        || tokens
            .get(last + 1)
            .is_some_and(|t| t.span().start == tokens[last].span().end && t.text(text) == ".");
    // most names have no period: the table is asked only about those that do
    if !dotted {
        return None;
    }
    let key = normalize(raw);
    let state = lex.us_state(&key)?;
    let after_comma = last >= 1 && tokens[last - 1].text(text) == ",";
    // of the two-letter forms with a dot only AP's are states: "Pa.", "Ga."; "Ms.", "Co.",
    // "Me." are a title, a company and a word
    let letters = word.trim_end_matches('.');
    // "Dutch Harbor, Alaska.": a state written out in full ends its sentence with the period
    if letters.eq_ignore_ascii_case(state) {
        return None;
    }
    let two_letter_word = letters.len() == 2
        && !letters.bytes().all(|b| b.is_ascii_uppercase())
        && !AP_TWO_LETTER_STATES.contains(&key.as_str());
    (dotted && (after_comma || word.contains('.')) && word.len() >= 2 && !two_letter_word)
        .then_some(state)
}

/// A demonym of one or two words ("Russian", "North Korean", "Palestinians") starting at `i`,
/// the longer first, ending at token `shortest` or later (one word is `i`, two `i + 1`).
fn demonym_at<'t>(
    text: &'t str,
    tokens: &[Token],
    info: &TokInfos<'_>,
    i: usize,
    shortest: usize,
    memo: &mut Memo<'t, '_>,
) -> Option<(usize, String)> {
    if i + 1 < tokens.len() && info[i + 1].cap {
        let two = &text[tokens[i].span().start..tokens[i + 1].span().end];
        if memo.demonym(two).is_some() {
            return Some((i + 1, normalize(two)));
        }
    }
    if shortest > i {
        return None;
    }
    let one = tokens[i].text(text);
    memo.demonym(one).is_some().then(|| (i, normalize(one)))
}

/// An island, islands or a peninsula: a place that can say where a town on it lies.
pub(crate) fn is_island(c: &Cand<'_>) -> bool {
    c.kind == PlaceKind::Physical
        && matches!(
            c.feature_code,
            "island" | "islands" | "archipelago" | "peninsula"
        )
}

fn prior(c: &Cand<'_>) -> f32 {
    match c.kind {
        PlaceKind::Country | PlaceKind::Continent => 0.9,
        PlaceKind::Region => 0.7,
        PlaceKind::District => 0.4,
        PlaceKind::PopulatedPlace => match c.population {
            p if p >= 1_000_000 => 0.8,
            p if p >= 200_000 => 0.7,
            p if p >= 50_000 => 0.6,
            p if p >= 10_000 => 0.45,
            _ => 0.3,
        },
        PlaceKind::Physical | PlaceKind::Landmark | PlaceKind::InformalRegion => 0.5,
    }
}

/// True when the tokens from `at` say how far a place lies: "is about 90 miles",
/// "lies 30 km", "sits some 200 kilometres".
fn distance_follows(text: &str, tokens: &[Token], at: usize) -> bool {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.text(text));
    if !matches!(word(at), "is" | "lies" | "sits") {
        return false;
    }
    let mut j = at + 1;
    if matches!(
        word(j),
        "about" | "some" | "roughly" | "nearly" | "approximately" | "around" | "just"
    ) {
        j += 1;
    }
    let number = word(j);
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && matches!(
            word(j + 1).to_ascii_lowercase().as_str(),
            "miles" | "mi" | "km" | "kilometres" | "kilometers" | "nautical"
        )
}

/// Weighs the evidence next to one spot.
fn local_evidence(
    text: &str,
    tokens: &[Token],
    info: &TokInfos<'_>,
    spots: &mut [Spot<'_>],
    k: usize,
    lex: &Lexicon,
) {
    let (first, end) = (spots[k].first, spots[k].end);
    let best_prior = spots[k].candidates.iter().map(prior).fold(0.0f32, f32::max);
    let strong = spots[k].candidates.iter().any(|c| {
        matches!(
            c.kind,
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
        )
    });
    let mut ev = best_prior;
    // "Tanja", "Sarova", "Nikolai": a word that some town goes by only as one of its other
    // names (a transliteration, an old name) is as weak as a small town's name: the text
    // must say it is a place. A great city's other names are its exonyms ("Kiev"); the
    // names of areas and of the hand table's features ("Auschwitz") are chosen ones. (A
    // name right beside another is left to be weighed with it: "Nuku Hiva" is neither.)
    let beside_another = spots.get(k + 1).is_some_and(|n| n.first == end)
        || k.checked_sub(1).is_some_and(|p| spots[p].end == first);
    if ev > SMALL_PRIOR && spots[k].words == 1 && !spots[k].adjectival && !beside_another && {
        let mut buf = String::new();
        let key = &*spots[k].key;
        spots[k].candidates.iter().all(|c| {
            matches!(c.kind, PlaceKind::PopulatedPlace | PlaceKind::District)
                && c.population < EXONYM_CITY
                && !c.bears_own_name(key, &mut buf)
        })
    } {
        ev = SMALL_PRIOR;
    }
    if spots[k].adjectival {
        ev = 0.8;
    }
    if spots[k].words > 1 {
        ev += 0.2;
    }
    let prev = first.checked_sub(1).map(|p| tokens[p]);
    let prev_lower = first.checked_sub(1).map_or("", |p| info.lower(p));
    let before_prev_lower = first.checked_sub(2).map_or("", |p| info.lower(p));
    let prev_is_word = prev.is_some_and(|p| p.kind == TokenKind::Word);
    let next = tokens.get(end).copied();
    let next_lower = info.lower(end);
    // the word lists each neighbour is on, looked up once
    let (prev_class, before_prev_class, next_class) = (
        first
            .checked_sub(1)
            .map_or(Class::default(), |p| info[p].class),
        first
            .checked_sub(2)
            .map_or(Class::default(), |p| info[p].class),
        info.get(end).map_or(Class::default(), |n| n.class),
    );
    let next_cap = info.get(end).is_some_and(|n| n.cap);
    // context cues
    let mut cue = 0.0;
    // a cue opening a sentence or an itinerary's line is capitalised ("In Paris", "Leave
    // Prevesa, arrive Salakhora")
    let cue_word = prev_is_word
        && (!info[first - 1].cap || info[first - 1].sentence_start)
        && prev_class.is_cue_before();
    if cue_word {
        cue = if prev_lower == "of" { 0.1 } else { 0.3 };
        // "the city of X", "the east side of X", "the outskirts of X"
        let part_of = first >= 2
            && matches!(
                info.lower(first - 2),
                "side" | "outskirts" | "edge" | "heart" | "centre" | "center" | "suburbs"
            );
        if prev_lower == "of" && (before_prev_class.is_place_type() || part_of) {
            cue += 0.3;
        }
    } else if matches!(prev_lower, "and" | "or")
        && let Some(before) = k.checked_sub(1).map(|p| &spots[p])
        && before.end + 1 == first
        && !before.vetoed
        // "near Rivers and Stokes avenues": streets, not towns
        && !next_lower
            .strip_suffix('s')
            .is_some_and(|one| lex.class(one).is_street())
    {
        // "in Potsdam and Cottbus", "near Lyon or Nice": a name joined to a cued one
        // shares its cue (not after a comma: "In Clay County, Ching grew up")
        cue = before.cue;
    }
    spots[k].cue = cue;
    ev += cue;
    // "Washington state", "the city of Mexico", "the state of Georgia"
    spots[k].hint = if next_cap { None } else { Hint::of(next_lower) }
        .or_else(|| {
            (prev_lower == "of")
                .then(|| Hint::of(before_prev_lower).or_else(|| Hint::of_plural(before_prev_lower)))
                .flatten()
        })
        // "Cape Horn", "Lake Geneva", "Cooper Creek": a name that a natural feature's word
        // opens or closes means the feature where the gazetteer has one, rather than a
        // town named after it
        .or_else(|| {
            let inner = |t: usize| info.lower(t);
            (spots[k].words > 1
                && (is_feature_word(inner(first)) || is_feature_word(inner(end - 1))))
            .then_some(Hint::Physical)
        });
    spots[k].feature_follows = next_cap && (is_feature_word(next_lower) || next_lower == "hill");
    // "the Pacific", "the Atlantic flyway", "the Middle East", "the Andes": a sea, a range
    // or a well-known area takes "the", a town does not
    if spots[k].hint.is_none()
        && prev_lower == "the"
        && spots[k].candidates.iter().any(|c| {
            matches!(c.kind, PlaceKind::Physical | PlaceKind::InformalRegion)
                && (c.importance >= 0.8
                    || (c.importance >= 0.6 && *normalize(c.name) == *spots[k].key))
        })
    {
        spots[k].hint = Some(Hint::Physical);
    }
    if !next_cap && next_class.is_place_type() {
        ev += 0.3;
    } else if !next_cap && next_class.is_cue_after() {
        ev += 0.15;
    } else if distance_follows(text, tokens, end) {
        // "Hornell is about 90 miles southeast of Buffalo": a place, set by its distance
        ev += 0.3;
    }
    // sentence-initial single words are often ordinary words
    let single = spots[k].words == 1;
    let (first_lower, first_class) = (info.lower(first), info[first].class);
    // "a Laconia man", "the Concord resident": people named by where they are from
    let from_here = !next_cap && !info[first].sentence_start && PEOPLE_FROM.contains(&next_lower);
    if from_here {
        ev += 0.15;
    }
    let cued = cue_word;
    // "US", "UK": a country or region written in capitals inside ordinary text is no pronoun
    let shouted = info[first].all_caps
        && !first.checked_sub(1).is_some_and(|p| info[p].all_caps)
        && !info.get(end).is_some_and(|n| n.all_caps);
    if spots[k].abbreviation {
        ev = ev.max(0.6);
    } else if single && first_class.is_calendar() {
        spots[k].vetoed = true;
    } else if single
        && first_class.is_stop()
        && !spots[k].adjectival
        && !(strong && shouted)
        && !from_here
    {
        ev -= if cued && prev_lower != "of" { 0.3 } else { 0.6 };
    }
    if single && info[first].sentence_start && !strong {
        ev -= 0.1;
    }
    if single && info[first].all_caps && !strong && first_lower.len() <= 4 {
        ev -= 0.4;
    }
    // a person's name
    let after_title = prev_is_word && info[first - 1].cap && prev_class.is_title();
    let after_title_dot = first >= 2
        && tokens[first - 1].text(text) == "."
        && tokens[first - 2].kind == TokenKind::Word
        && before_prev_class.is_title();
    let after_given = prev_is_word
        && info[first - 1].cap
        && prev_class.is_given_name()
        && !spots.get(k.wrapping_sub(1)).is_some_and(|p| {
            p.end == first && p.candidates.first().is_some_and(|c| prior(c) >= 0.7)
        });
    // "Matthew D. Flores": a surname after a middle initial
    let after_initial = first >= 2
        && tokens[first - 1].text(text) == "."
        && tokens[first - 2].span().len() == 1
        && info[first - 2].cap;
    let given_before_surname = single
        && first_class.is_given_name()
        && next_cap
        && !next_class.is_org_head()
        && !next_class.is_place_type()
        && next.is_some_and(|n| n.span().start == tokens[end - 1].span().end + 1);
    // "Sen.", "Inc.", "Gov.": an abbreviated title or company suffix
    let abbreviated = single
        && tokens
            .get(end)
            .is_some_and(|t| t.span().start == tokens[end - 1].span().end && t.text(text) == ".")
        && (first_class.is_title() || ABBREVIATED_WORDS.contains(&first_lower));
    // "US$460"
    let currency = text[spots[k].span.end..].starts_with('$');
    // "Wichita Street", "St. Patrick's Day", "North Texas", a lone initial
    let street = next_cap && ((single && next_class.is_street()) || next_lower == "day");
    let compass = single && next_cap && first_class.is_compass();
    let initial = single && tokens[first].span().len() == 1;
    // "West Nile virus", "Marburg fever", "Lyme disease": a disease named after a place
    let disease = next.is_some_and(|n| n.kind == TokenKind::Word) && next_class.is_disease();
    // "spoke only French", "English language learners", "said in Russian.": a language
    let language = spots[k].adjectival
        && (LANGUAGE_AFTER.contains(&next_lower)
            || SPEAK.contains(&prev_lower)
            || (SPEAK.contains(&before_prev_lower) && prev_lower == "only")
            || (matches!(prev_lower, "in" | "into")
                && next.is_none_or(|n| n.kind != TokenKind::Word)));
    // "American Recovery and Reinvestment Act", "Canadian Tire": a demonym opening an
    // organisation's or a law's name (titles aside: "Russian President", "French Foreign
    // Minister")
    let title_after = next_class.is_title()
        || (end + 1 < tokens.len() && info[end + 1].cap && info[end + 1].class.is_title());
    // ("Russian Far East" stays: a region's name follows; "European Union" does not: a
    // small town's does)
    let place_follows = spots.get(k + 1).is_some_and(|n| {
        n.first == end
            && (n.words > 1
                || n.candidates.iter().any(|c| {
                    matches!(
                        c.kind,
                        PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent
                    )
                }))
    });
    let opens_name = spots[k].adjectival
        && next_cap
        && !info[end].sentence_start
        && !title_after
        && !place_follows;
    if opens_name {
        ev -= DEMONYM_IN_NAME_PENALTY;
    }
    // "told Xinhua", "according to Tass": a news agency is a source
    let agency = single && first_class.is_agency();
    // "the Mackenzie River Delta": the river's own delta or valley, not a town named Delta
    let river_part = single
        && prev_lower == "river"
        && first >= 2
        && info[first - 2].cap
        && matches!(info.lower(first), "delta" | "valley" | "basin" | "estuary");
    if street || compass || initial || disease || language || agency || river_part {
        spots[k].vetoed = true;
    }
    if (after_title || after_title_dot || after_given || after_initial) && !spots[k].adjectival {
        spots[k].vetoed = true;
    }
    if (given_before_surname || abbreviated || currency) && !spots[k].abbreviation {
        spots[k].vetoed = true;
    }
    // "The Hague", "The Bronx": a capitalised article that is part of the place's own name
    let own_article = prev_lower == "the"
        && spots[k].candidates.iter().any(|c| {
            c.name
                .get(..4)
                .is_some_and(|a| a.eq_ignore_ascii_case("the "))
        });
    // "the Red Cross": a town takes no article, so a village's name
    // of several words after "the" is an organisation's or a group's (one that names
    // something after it stays: "the New Concord Reservoir", and so does another
    // language's name that keeps its own article in English: "the Mûr de Bretagne")
    let village_after_the = prev_lower == "the"
        && !single
        && !next_cap
        && (first..end).all(|t| !info[t].word || info[t].cap)
        && !own_article
        && spots[k].hint.is_none()
        && spots[k]
            .candidates
            .iter()
            .all(|c| c.kind == PlaceKind::PopulatedPlace && c.population < VILLAGE);
    if village_after_the {
        ev -= INSIDE_NAME_PENALTY;
    }
    // "Taco Bell", "United Russia", "Wright State": a capitalised word before a lone name
    // that is no title, compass word or place makes the two one proper name
    let inside_name = single
        && prev_is_word
        && info[first - 1].cap
        && !info[first - 1].sentence_start
        && !info[first - 1].all_caps
        && !prev_class.is_compass()
        && !prev_class.is_title()
        && !own_article
        && spots[..k].last().is_none_or(|p| p.end != first);
    if inside_name && !strong {
        ev -= INSIDE_NAME_PENALTY;
    }
    // "El Faro", "La Stampa": after another language's article a lone name is the rest of
    // a proper name the gazetteer lacks (its places of two words, "El Paso", are matched
    // whole), whether a town or a region bears it
    let after_article = single
        && prev_is_word
        && info[first - 1].cap
        && matches!(
            prev_lower,
            "el" | "la" | "le" | "les" | "los" | "las" | "il" | "lo"
        );
    // (once: a lone name the rule above docked already loses no more)
    let docked = inside_name && !strong;
    if after_article && !docked {
        ev -= INSIDE_NAME_PENALTY;
    }
    // "United Russia", "Air China": a country too, unless the word before only says which
    // part of it ("Mainland China")
    // "Organization's Beijing spokesman", "The US military", "Former Arkansas Gov."
    let possessive_before = prev.is_some_and(|p| {
        let w = p.text(text);
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'")
    });
    if inside_name
        && strong
        && !spots[k].adjectival
        && !lex.is_part_word(prev_lower)
        && !prev_class.is_stop()
        && !possessive_before
    {
        ev -= STRONG_INSIDE_NAME_PENALTY;
    }
    // "Margit Halvorsen": a small place's name right before a capitalised word that is
    // neither a place nor an organisation's word is most likely a first name
    // "Margit Halvorsen": a name no place bears as its own (Margate is "Margit" only in
    // another language) counts as small however big the place
    let alternate_only = || {
        let mut buf = String::new();
        let key = &*spots[k].key;
        !spots[k]
            .candidates
            .iter()
            .any(|c| c.bears_own_name(key, &mut buf))
    };
    let before_surname = single
        && next_cap
        && !strong
        && (best_prior < 0.5 || alternate_only())
        && next.is_some_and(|n| n.span().start == tokens[end - 1].span().end + 1)
        && spots.get(k + 1).is_none_or(|n| n.first != end)
        && !next_class.is_org_head()
        && !next_class.is_media_head()
        && !next_class.is_place_type()
        && !next_class.is_street()
        && !next_class.is_stop();
    if before_surname && !spots[k].adjectival {
        ev -= FIRST_NAME_PENALTY;
    }
    // "Nelson said", "said Nelson", "Clark, 22, pleaded": a person, unless the name is a
    // country, a region or a big city speaking for its government ("Moscow said")
    let speaks = (next.is_some_and(|n| n.kind == TokenKind::Word) && next_class.is_speech())
        || (prev_is_word && !info[first - 1].cap && prev_class.is_speech());
    let aged = next_lower == ","
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.text(text).bytes().all(|b| b.is_ascii_digit()))
        && tokens.get(end + 2).is_some_and(|t| t.text(text) == ",");
    // "the Clinton administration": a leader's name, not the town
    let governs = matches!(
        next_lower,
        "administration" | "administrations" | "presidency"
    );
    // "Moscow said", "Georgia said", "Ontario said": a country or a region speaks for its
    // government, but not a region named like a person ("Nelson said")
    let speaks_for_a_government = || {
        spots[k].candidates.iter().any(|c| {
            matches!(c.kind, PlaceKind::Country | PlaceKind::Continent)
                || (c.kind == PlaceKind::Region && !first_class.is_given_name())
        })
    };
    if single
        && (speaks || aged || governs)
        && !speaks_for_a_government()
        && spots[k]
            .candidates
            .iter()
            .filter(|c| c.kind != PlaceKind::Region)
            .map(prior)
            .fold(0.0f32, f32::max)
            < 0.7
        && !spots[k].adjectival
    {
        spots[k].vetoed = true;
        spots[k].person = true;
    }
    let possessive = {
        let s = spots[k].span.slice(text);
        let after = &text[spots[k].span.end..];
        s.ends_with("'s") || after.starts_with("'s") || after.starts_with("’s")
    };
    // an organisation: "New York Times", "Gainesville Police Department"
    if next_cap && !spots[k].adjectival && !possessive {
        let mut j = end;
        let mut n = 0;
        while j < tokens.len() && info[j].cap && n < 4 {
            let w = info[j].class;
            if w.is_media_head() {
                // "The New York Times", "China Daily": the paper, not the place
                if n == 0 {
                    spots[k].vetoed = true;
                }
                ev -= if strong { 0.3 } else { 0.6 };
                break;
            }
            if w.is_org_head() {
                ev -= if strong { 0.0 } else { ORG_PENALTY };
                break;
            }
            j += 1;
            n += 1;
        }
    }
    // "Town, Region", "Horta, in the Azores", "Rockaway, on Long Island": both sides gain
    let word_at = |j: usize| tokens.get(j).map_or("", |t| t.text(text));
    let qualifier_at = match word_at(end + 1) {
        "in" | "on" if word_at(end + 2) == "the" => end + 3,
        "in" | "on" => end + 2,
        _ => end + 1,
    };
    if let Some(comma) = next
        && comma.text(text) == ","
        && let Some(q) = spots.get(k + 1)
        && q.first == qualifier_at
        && q.candidates.iter().any(|c| {
            matches!(
                c.kind,
                PlaceKind::Country | PlaceKind::Region | PlaceKind::District
            ) || is_island(c)
        })
    {
        ev += 0.35;
        spots[k].qualifier = Some(k + 1);
        spots[k + 1].is_qualifier = true;
    }
    if spots[k].is_qualifier {
        ev += 0.2;
    }
    spots[k].evidence = ev;
}

/// A set of words' shapes (length and first byte, five bits of each): a word whose shape
/// is not in the set is surely none of the words put in, for the price of a bit test.
#[derive(Default)]
struct Shapes([u64; 16]);

impl Shapes {
    /// The bit of a word's shape.
    fn bit(word: &str) -> usize {
        let first = word.as_bytes().first().copied().unwrap_or(0);
        ((word.len() & 31) << 5) | usize::from(first & 31)
    }

    /// Puts `word`'s shape in the set.
    fn insert(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// False when no word put in is `word`.
    fn may_hold(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Document-level decisions: surnames seen in full names veto their later bare uses, a
/// word the text also writes in lower case is an ordinary word, a name accepted once
/// with good evidence is accepted everywhere, and qualifiers of accepted places count.
pub(crate) fn decide(
    text: &str,
    folded: &str,
    tokens: &[Token],
    info: &TokInfos<'_>,
    spots: &mut [Spot<'_>],
) {
    // surnames and given names seen in person names
    let mut person_words: FastSet<String> =
        FastSet::with_capacity_and_hasher(16, std::hash::BuildHasherDefault::default());
    // the names of storms
    let mut storm_words: FastSet<String> = FastSet::default();
    // the one-word names, in lower case, and which of them the text also writes so
    let lower_case = |span: Span| -> Cow<'_, str> {
        let s = span.slice(text);
        // ASCII text is lower-cased already in `folded`, at the same offsets
        match folded.get(span.start..span.end) {
            Some(f) if s.is_ascii() => Cow::Borrowed(f),
            _ => Cow::Owned(s.to_lowercase()),
        }
    };
    // each one-word name in lower case, worked out once
    let names_lower: Vec<Option<Cow<'_, str>>> = spots
        .iter()
        .map(|s| (s.words == 1).then(|| lower_case(s.span)))
        .collect();
    // sized once: collecting from a filter would grow the table step by step
    let mut lowered: FastMap<&str, bool> = with_capacity(spots.len());
    lowered.extend(names_lower.iter().flatten().map(|w| (w.as_ref(), false)));
    // the shapes of those names, to skip most words without hashing them
    let mut shapes = Shapes::default();
    for w in names_lower.iter().flatten() {
        shapes.insert(w);
    }
    for i in 0..tokens.len() {
        if !info[i].word {
            continue;
        }
        if !info[i].cap {
            let word = tokens[i].text(text);
            if shapes.may_hold(word)
                && let Some(seen) = lowered.get_mut(word)
            {
                *seen = true;
            }
            continue;
        }
        let (w, class) = (info.lower(i), info[i].class);
        // "Hurricane Gilbert", "Tropical Storm Hanna": the storm's name
        if STORM_WORDS.contains(&w) && info.get(i + 1).is_some_and(|n| n.cap && n.word) {
            storm_words.insert(normalize(tokens[i + 1].text(text)));
        }
        let starts_person = class.is_given_name() || class.is_title();
        // "Dr. Caleb Chu", "Tyrise M. Bell": skip a title's period, a middle initial
        let mut j = i + 1;
        if starts_person && tokens.get(j).is_some_and(|t| t.text(text) == ".") {
            j += 1;
        }
        let initial_next = tokens[i].span().len() == 1
            && tokens.get(i + 1).is_some_and(|t| t.text(text) == ".")
            && i >= 1
            && info[i - 1].cap;
        if initial_next && info.get(i + 2).is_some_and(|n| n.cap) {
            person_words.insert(normalize(tokens[i - 1].text(text)));
            person_words.insert(normalize(tokens[i + 2].text(text)));
        }
        if starts_person && info.get(j).is_some_and(|n| n.cap) {
            let start = j;
            while j < tokens.len() && info[j].cap && j < start + 3 {
                person_words.insert(normalize(tokens[j].text(text)));
                j += 1;
            }
            // "Kim Jong Un", "Xi Jin Ping": a family name written first is used alone later
            if j - start >= 2 && class.is_given_name() {
                person_words.insert(normalize(w));
            }
        }
    }
    for s in spots.iter().filter(|s| s.person) {
        person_words.insert(s.key.to_string());
    }
    for (s, lower) in spots.iter_mut().zip(&names_lower) {
        if s.adjectival {
            continue;
        }
        // a storm's name is no place wherever the text writes it alone ("Gilbert hit
        // Jamaica"), unless a country or region bears it
        if s.words == 1
            && storm_words.contains(&*s.key)
            && !s.candidates.iter().any(|c| {
                matches!(
                    c.kind,
                    PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent
                )
            })
        {
            s.vetoed = true;
        }
        if s.words == 1 && person_words.contains(&*s.key) {
            let strong = s
                .candidates
                .first()
                .is_some_and(|c| matches!(c.kind, PlaceKind::Country | PlaceKind::Region));
            if !strong {
                s.evidence -= 0.5;
            }
        }
        if lower
            .as_ref()
            .is_some_and(|w| lowered.get(w.as_ref()).copied().unwrap_or(false))
        {
            s.evidence -= 0.4;
        }
    }
    // qualifiers strengthen the place they qualify
    for k in 0..spots.len() {
        if let Some(q) = spots[k].qualifier
            && spots[q].evidence >= ACCEPT
            && !spots[q].vetoed
        {
            spots[k].evidence += 0.2;
        }
    }
    // a minor name near the document's confident places is likely one of them
    let mut anchors: Vec<(LatLon, Option<&str>, Option<&str>, bool)> = spots
        .iter()
        .filter(|s| !s.vetoed && !s.adjectival && s.evidence >= ACCEPT + 0.1)
        .filter_map(|s| s.candidates.first())
        .filter(|c| !matches!(c.kind, PlaceKind::Country | PlaceKind::Continent))
        .map(|c| {
            let region = matches!(c.kind, PlaceKind::Region);
            let name = if region {
                Some(c.admin1.unwrap_or(c.name))
            } else {
                c.admin1
            };
            (c.latlon, c.country, name, region)
        })
        .collect();
    // each anchor once, so long texts stay linear in the names they repeat
    anchors.sort_by(|a, b| {
        a.0.lat
            .total_cmp(&b.0.lat)
            .then(a.0.lon.total_cmp(&b.0.lon))
    });
    anchors.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2 && a.3 == b.3);
    if !anchors.is_empty() {
        // regions match by name; points by distance, looked up in a latitude band (still
        // sorted by latitude; a point without a finite latitude is near nothing)
        let regions: Vec<_> = anchors.iter().filter(|a| a.3).collect();
        let points: Vec<LatLon> = anchors
            .iter()
            .filter(|a| !a.3 && a.0.lat.is_finite())
            .map(|a| a.0)
            .collect();
        let reach = NEAR_KM / 111.0 + 0.01;
        for s in spots.iter_mut() {
            if s.vetoed || s.evidence >= ACCEPT || s.evidence < ACCEPT - 0.35 {
                continue;
            }
            let near = s.candidates.iter().take(12).any(|c| {
                let in_region = regions.iter().any(|(_, cc, a1, _)| {
                    same(c.country, *cc) && a1.is_some() && same(c.admin1, *a1)
                });
                let lat = c.latlon.lat;
                let from = points.partition_point(|p| p.lat < lat - reach);
                let to = points.partition_point(|p| p.lat <= lat + reach);
                in_region
                    || points
                        .get(from..to)
                        .unwrap_or(&[])
                        .iter()
                        .any(|p| within_km(*p, c.latlon, NEAR_KM))
            });
            if near {
                s.evidence += 0.25;
            }
        }
    }
    // "East", "Far North", "South-West": regions named by compass words alone (Cameroon's)
    // are no places in a story that names nothing else in their country; a well-known area
    // ("Middle East") or a feature is another matter
    let lex = Lexicon::get();
    let compass_only = |s: &Spot<'_>| {
        (s.first..s.end).all(|t| {
            !info[t].word
                || info
                    .lower(t)
                    .split('-')
                    .all(|w| w == "far" || lex.class(w).is_compass())
        })
    };
    let mut countries: Vec<&str> = spots
        .iter()
        .filter(|s| !s.vetoed && s.evidence >= ACCEPT + 0.1 && !compass_only(s))
        .filter_map(|s| s.candidates.first()?.country)
        .collect();
    // each country once, so long texts stay linear
    countries.sort_unstable();
    countries.dedup();
    for s in spots.iter_mut() {
        if !s.vetoed
            && !s.adjectival
            && compass_only(s)
            && s.candidates.iter().all(|c| {
                matches!(
                    c.kind,
                    PlaceKind::Region | PlaceKind::District | PlaceKind::PopulatedPlace
                ) && !countries.iter().any(|cc| same(c.country, Some(cc)))
            })
        {
            s.vetoed = true;
        }
    }
    // one decision per name: a name well attested anywhere is a place everywhere
    let mut best: FastMap<&str, f32> = with_capacity(spots.len());
    for s in spots.iter() {
        if !s.vetoed {
            let e = best.entry(&*s.key).or_insert(f32::MIN);
            *e = e.max(s.evidence);
        }
    }
    let lifted: Vec<bool> = spots
        .iter()
        .map(|s| best.get(&*s.key).is_some_and(|&b| b >= ACCEPT + 0.1))
        .collect();
    for (s, lift) in spots.iter_mut().zip(lifted) {
        if lift && !s.vetoed && s.evidence >= 0.0 {
            s.evidence = s.evidence.max(ACCEPT);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn one_walk_answers_the_shorter_names_as_their_own_lookups_would() {
        let g = Gazetteer::embedded();
        let mut memo = Memo::new(g, 4);
        for longest in [
            "New York City Council",
            "St. Petersburg Times",
            "Rio de Janeiro",
        ] {
            let walk = memo.walk(longest, None);
            let words: Vec<&str> = longest.split(' ').collect();
            for n in 1..=words.len() {
                let raw = &longest[..words[..n].join(" ").len()];
                let key = normalize(raw);
                let expected = g.contains_normalized(&key).then_some(key.as_str());
                assert_eq!(
                    memo.name_along(raw, None, Some(walk)).as_deref(),
                    expected,
                    "{raw}"
                );
            }
        }
    }

    #[test]
    fn a_shape_set_holds_every_word_put_in_and_turns_most_others_away() {
        let mut shapes = Shapes::default();
        let names = ["paris", "georgia", "łódź", "", "x", &"a".repeat(70)];
        for name in names {
            shapes.insert(name);
        }
        assert!(names.iter().all(|n| shapes.may_hold(n)));
        let others = ["london", "the", "said", "moscow", "in", "polish"];
        assert!(others.iter().all(|w| !shapes.may_hold(w)));
    }

    #[test]
    fn the_marks_that_open_a_sentence_are_those_listed_and_no_other() {
        let listed = [
            ".", "!", "?", ":", "\"", "“", "‘", "(", "—", "–", "•", "-", "--",
        ];
        for mark in listed {
            assert!(is_boundary_mark(mark.as_bytes()), "{mark}");
        }
        for mark in [
            ",", ";", ")", "”", "’", "'", "…", "a", "", "..", "·", "‐", "„",
        ] {
            assert!(!is_boundary_mark(mark.as_bytes()), "{mark}");
        }
        // a word lowered to nothing is on no list, so its class is not looked up
        assert_eq!(Lexicon::get().class(""), Class::default());
    }

    #[test]
    fn words_are_lowered_for_the_lists_only_when_short_and_ascii() {
        let long = "X".repeat(40);
        for (word, lowered) in [
            ("Paris", "paris"),
            ("PARIS's", "paris"),
            ("CHINA'S", "china's"),
            ("Kim’s", "kim"),
            ("Łódź", ""),
            (long.as_str(), ""),
        ] {
            let text = format!("In {word} today");
            let folded = text.to_ascii_lowercase();
            let tokens = tokenize(&text);
            assert_eq!(lower(&text, &folded, tokens[1]), lowered, "{word}");
        }
    }
}
