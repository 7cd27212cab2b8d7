//! Who moves: names of people, storms, ships and aircraft, and the pronouns and
//! descriptions that refer back to them.
//!
//! There is no trained recogniser: a capitalised run is a person when a title or role
//! word stands before it ("President Vladimir Putin", "leader Kim Jong Un") or an event or
//! reporting verb follows it ("Kim arrived", "Peskov said"), or when it repeats part of a
//! name already found ("Kim" after "Kim Jong Un"). Storms, ships and aircraft are known by
//! their prefixes ("Hurricane", "USS", "Flight 370").

use std::ops::Range;

use serde::Serialize;

use super::doc::Doc;
use super::lexicon;
use crate::span::Span;

/// What sort of mover an actor is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A group travelling together (a delegation, an expedition, survivors).
    Group,
    /// A ship or boat.
    Ship,
    /// An aircraft or flight.
    Aircraft,
    /// A storm.
    Storm,
    /// An animal or a herd: a tagged whale, a wandering wolf.
    Animal,
    /// Nobody the text names: places visited by an unnamed traveller.
    #[default]
    Unknown,
}

impl ActorKind {
    /// How many kinds there are (`Unknown` is the last).
    const COUNT: usize = ActorKind::Unknown as usize + 1;
}

/// One actor found in the text.
pub(crate) struct Member {
    pub name: String,
    pub kind: ActorKind,
    /// Lower-case words of the name, for matching variants.
    pub parts: Vec<String>,
    /// Role words seen with the name ("leader", "president").
    pub roles: Vec<String>,
    pub mentions: Vec<Span>,
    /// Where the first pass first met the actor (byte offset), for the second pass.
    pub introduced: Option<usize>,
}

/// A stretch of tokens that refers to an actor.
#[derive(Clone, Debug)]
pub(crate) struct Ref {
    pub tokens: Range<usize>,
    pub actor: usize,
}

/// Every actor of a text, with every reference to them, in text order.
pub(crate) struct Cast {
    pub members: Vec<Member>,
    /// Sorted by their first token, so that a stretch of text finds its references by
    /// binary search ([`Cast::refs_in`], [`Cast::refs_overlapping`]).
    pub refs: Vec<Ref>,
    /// The most tokens any reference spans.
    longest_ref: usize,
    /// For each kind of actor, its latest reference while the text is read: (index in
    /// `refs`, actor).
    latest_of_kind: [Option<(usize, usize)>; ActorKind::COUNT],
    /// The actor of the latest reference to a group ("the crew", "Read and his crew").
    latest_plural: Option<usize>,
    /// The narrator's index among `members`, once met.
    narrator: Option<usize>,
    /// Token ranges of names that are organisations (possible sources, never movers).
    pub orgs: Vec<Range<usize>>,
}

/// True when token `i` opens the story after a dateline ("ASUNCIÓN, Aug 7 (Agency) — A").
fn after_dateline(doc: &Doc<'_>, i: usize, sentence: &Range<usize>) -> bool {
    i > sentence.start && matches!(doc.low(i - 1), "—" | "–" | "-" | "--")
}

/// The name of the one who tells a text in the first person.
pub(crate) const NARRATOR: &str = "the narrator";

/// True when token `i` is a name in a byline or a picture credit: "By Mark Matthews",
/// "(AP Photo/Jane Doe)", "Photo: …", "Reporting by …".
pub(crate) fn in_byline(doc: &Doc<'_>, i: usize) -> bool {
    let sentence = doc.sentence_range(i);
    // a first line that is only a name the story never names again ("Alessandro Penso" over
    // a photo story) is a credit; an encyclopedia's title ("Marco Polo") comes back
    let alone = sentence.start == 0
        && (2..=3).contains(&sentence.len())
        && sentence
            .clone()
            .all(|k| doc.is_capitalised(k) && doc.place_at(k).is_none())
        && !lexicon::is_storm_prefix(doc.word(sentence.start))
        && !lexicon::is_ship_prefix(doc.word(sentence.start))
        && !(sentence.end..doc.tokens.len()).any(|k| doc.low(k) == doc.low(sentence.end - 1));
    alone
        || (sentence.start.max(i.saturating_sub(4))..i).any(|k| {
            let w = doc.low(k);
            (w == "by"
                && (k == sentence.start
                    || doc.low(k.saturating_sub(1)) == "reporting"
                    || (doc.word(k) == "By" && !doc.is_title_case(sentence.start))))
                || matches!(
                    w,
                    "photo" | "photograph" | "credit" | "photos" | "image" | "video"
                ) && matches!(doc.low(k + 1), "/" | ":" | "by")
                || w == "©"
        })
}

/// A pronoun without the verb it is contracted with: "he'll" → "he", "they’re" → "they".
fn without_contraction(word: &str) -> &str {
    [
        "'ll", "’ll", "'s", "’s", "'d", "’d", "'re", "’re", "'ve", "’ve", "'m", "’m",
    ]
    .iter()
    .find_map(|c| word.strip_suffix(c))
    .filter(|w| matches!(*w, "he" | "she" | "it" | "they" | "we" | "i" | "you"))
    .unwrap_or(word)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// True for an event or reporting word used as a verb ("arrived", "said"), not as a noun
/// ("tour", "trip"), or for any word in "-ed".
fn is_verbish(word: &str) -> bool {
    let noun = matches!(
        word,
        "trip"
            | "tour"
            | "visit"
            | "journey"
            | "flight"
            | "voyage"
            | "arrival"
            | "departure"
            | "talks"
            | "meeting"
            | "stop"
            | "stopover"
            | "return"
            | "entry"
            | "landfall"
            | "route"
            | "way"
            | "diversion"
            | "crossing"
            | "set"
            | "cross"
            | "land"
            | "hold"
            | "escape"
            | "plan"
    );
    !noun
        && (lexicon::trigger(word).is_some()
            || lexicon::is_reporting_verb(word)
            || (word.len() > 4 && word.ends_with("ed")))
}

/// The kind of actor a head word names when a name follows it ("the vessel Aurora", "the
/// band Northern Lights"): ships and groups.
fn named_kind(head: &str) -> Option<ActorKind> {
    if lexicon::is_ship_word(head) {
        Some(ActorKind::Ship)
    } else if lexicon::is_group_word(head) && !matches!(head, "men" | "survivors" | "passengers") {
        Some(ActorKind::Group)
    } else {
        None
    }
}

/// The end of a name of up to four capitalised words starting at token `from` (before
/// `limit`), right after a head word; `None` when no such name starts there. A place
/// ("the delegation Russia sent") or a day or month ("the crew Monday") is no name.
fn name_after_head(doc: &Doc<'_>, from: usize, limit: usize) -> Option<usize> {
    let is_name_word =
        |j: usize| j < limit && doc.is_capitalised(j) && !lexicon::is_calendar_word(doc.low(j));
    let mut end = from;
    while end < from + 4 && is_name_word(end) {
        end += 1;
    }
    // a place may open a name ("the container ship Karnaphuli Star") but not be all of it
    while end > from && doc.place_at(end - 1).is_some() {
        end -= 1;
    }
    (end > from).then_some(end)
}

/// A word that may modify a head word ("container", "Liberian-flagged"): letters and
/// hyphens, and no word that joins or starts a clause ("of", "who", "and").
fn is_modifier_word(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !matches!(
            word,
            "of" | "and"
                | "or"
                | "but"
                | "who"
                | "that"
                | "which"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "from"
                | "for"
                | "was"
                | "were"
                | "is"
                | "are"
                | "has"
                | "had"
                | "said"
        )
}

fn is_acronym(word: &str) -> bool {
    let w = strip_possessive(word);
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

impl Cast {
    /// Finds the actors of `doc`.
    pub fn find(doc: &Doc<'_>) -> Cast {
        // Two passes: names learnt anywhere in the text ("Lopez said") are known when the
        // second pass meets their first, less marked mention ("Maria Lopez and her children").
        let first = Cast::pass(doc, Vec::new());
        let known = first
            .members
            .into_iter()
            .filter(|m| !m.parts.is_empty())
            .map(|mut m| {
                m.introduced = m.mentions.iter().map(|s| s.start).min();
                m.mentions.clear();
                m
            })
            .collect();
        let mut cast = Cast::pass(doc, known);
        // Actors the first pass knew but the second never met again are dropped.
        let mut used = vec![false; cast.members.len()];
        for r in &cast.refs {
            used[r.actor] = true;
        }
        let mut new_index = vec![usize::MAX; cast.members.len()];
        let mut next = 0;
        for (i, u) in used.iter().enumerate() {
            if *u {
                new_index[i] = next;
                next += 1;
            }
        }
        let mut i = 0;
        cast.members.retain(|_| {
            i += 1;
            used[i - 1]
        });
        for r in &mut cast.refs {
            r.actor = new_index[r.actor];
        }
        cast.refs.sort_by_key(|r| r.tokens.start);
        cast
    }

    fn pass(doc: &Doc<'_>, known: Vec<Member>) -> Cast {
        let mut cast = Cast {
            members: known,
            refs: Vec::new(),
            longest_ref: 0,
            latest_of_kind: [None; ActorKind::COUNT],
            latest_plural: None,
            narrator: None,
            orgs: Vec::new(),
        };
        for range in &doc.sentence_tokens {
            let mut i = range.start;
            while i < range.end {
                if let Some(p) = doc.place_at(i)
                    && !cast.name_despite_place(doc, i, range.start)
                {
                    let r = doc.place_tokens(p);
                    i = r.end.max(i + 1);
                    continue;
                }
                if doc.time_at(i).is_some() {
                    i += 1;
                    continue;
                }
                if doc.is_capitalised(i)
                    && matches!(
                        without_contraction(doc.low(i)),
                        "he" | "she"
                            | "his"
                            | "her"
                            | "it"
                            | "its"
                            | "they"
                            | "their"
                            | "the"
                            | "a"
                            | "an"
                            | "i"
                            | "we"
                            | "my"
                            | "our"
                    )
                {
                    i = cast.lower_case_ref(doc, i, range.clone()).max(i + 1);
                    continue;
                }
                if doc.is_capitalised(i) {
                    let mut j = i;
                    while j < range.end
                        && doc.is_capitalised(j)
                        && (doc.place_at(j).is_none()
                            || (j > i && Cast::name_goes_on(doc, i..j))
                            || cast.name_despite_place(doc, j, range.start))
                        && doc.time_at(j).is_none()
                    {
                        j += 1;
                        // a possessive ends a name: "Putin's invitation"
                        if strip_possessive(doc.word(j - 1)) != doc.word(j - 1) {
                            break;
                        }
                    }
                    let end = cast.name_run(doc, i..j, range.start);
                    i = end.max(i + 1);
                    continue;
                }
                i = cast.lower_case_ref(doc, i, range.clone()).max(i + 1);
            }
        }
        cast
    }

    /// True when a token the geoparser took for a place is part of a name: it follows a
    /// title ("Pope Leo", "President Vladimir Putin") or repeats a known name ("Mori").
    fn name_despite_place(&self, doc: &Doc<'_>, i: usize, sentence_start: usize) -> bool {
        if !doc.is_capitalised(i) || doc.time_at(i).is_some() {
            return false;
        }
        // "HMS Portland", "USS Port Royal": a ship named after a place
        let first = doc.place_at(i).map_or(i, |p| doc.place_tokens(p).start);
        let after_title = first > sentence_start
            && (lexicon::is_title(doc.low(first - 1).trim_end_matches('.'))
                || lexicon::is_ship_prefix(doc.word(first - 1)))
            && !matches!(
                doc.low(first - 1),
                "state"
                    | "house"
                    | "national"
                    | "security"
                    | "council"
                    // "a former Baltimore congressman": the place says where he served
                    | "former"
                    | "late"
                    | "foreign"
                    | "interior"
                    | "defense"
                    | "defence"
                    | "white"
                    | "ruling"
                    | "opposition"
                    | "supreme"
                    | "deputy"
                    | "vice"
            );
        let w = strip_possessive(doc.low(i));
        let known = self.members.iter().any(|m| {
            (m.kind != ActorKind::Person || m.parts.len() >= 2) && m.parts.iter().any(|p| p == w)
        });
        // "Leo Africanus (originally Al-Hassan…)", "Ana Lyon, a Moorish traveller": a one-word
        // place before a surname that an apposition follows is a given name
        let given_name = doc
            .place_at(i)
            .is_some_and(|p| doc.place_tokens(p) == (i..i + 1))
            && doc.is_capitalised(i + 1)
            && i + 1 < doc.tokens.len()
            && doc.place_at(i + 1).is_none()
            && !lexicon::is_capitalised_stopword(doc.low(i + 1))
            && !lexicon::is_org_word(doc.low(i + 1))
            && !lexicon::is_site_word(doc.low(i + 1))
            && (doc.low(i + 2) == "("
                || (doc.low(i + 2) == "," && matches!(doc.low(i + 3), "a" | "an" | "the")));
        after_title || known || given_name
    }

    /// True when a capitalised run that began with a given name goes on into a word the
    /// geoparser took for a place ("Kenji Mori", "General Hamid Osman").
    fn name_goes_on(doc: &Doc<'_>, run: Range<usize>) -> bool {
        let tail_start = run
            .clone()
            .rev()
            .find(|&k| lexicon::is_title(doc.low(k).trim_end_matches('.')))
            .map_or(run.start, |k| k + 1);
        let tail = tail_start..run.end;
        if tail.is_empty() || tail.len() > 2 {
            return false;
        }
        let plain = tail.clone().all(|k| {
            !lexicon::is_capitalised_stopword(doc.low(k))
                && !lexicon::is_org_word(doc.low(k))
                && !is_acronym(doc.word(k))
                && strip_possessive(doc.word(k)) == doc.word(k)
        });
        let titled =
            tail_start > run.start || (run.start > 0 && lexicon::is_title(doc.low(run.start - 1)));
        plain
            && (titled || tail.clone().any(|k| doc.place_at(k).is_none()))
            && !matches!(doc.low(run.end), "river" | "city" | "county" | "province")
    }

    /// Handles a run of capitalised words; returns where scanning goes on.
    fn name_run(&mut self, doc: &Doc<'_>, run: Range<usize>, sentence_start: usize) -> usize {
        let mut start = run.start;
        // "That’s official speak", "Six stages that could decide the race"
        let no_name = |k: usize| {
            let w = strip_possessive(without_contraction(doc.low(k)));
            lexicon::is_capitalised_stopword(w) || lexicon::is_number_word(w)
        };
        while start < run.end && no_name(start) {
            start += 1;
        }
        // "Leave Prevesa", "Arrive Janina": an itinerary's verb opening its line
        if start == sentence_start
            && start + 1 < run.end
            && doc
                .trigger(start)
                .is_some_and(|t| t != lexicon::Trigger::Adjacent)
        {
            start += 1;
        }
        // "By Mark Matthews", "(AP Photo/Jane Doe)": who wrote or photographed, not who moved
        if start >= run.end || in_byline(doc, start) {
            return run.end;
        }
        // "set sail from Cai Mep, Vietnam": a name the gazetteer lacks, placed in a country
        // or region, is a place
        if start > sentence_start
            && matches!(
                doc.low(start - 1),
                "from" | "in" | "at" | "to" | "near" | "for"
            )
            && doc.low(run.end) == ","
            && doc.place_at(run.end + 1).is_some_and(|p| {
                doc.places[p].resolved.as_ref().is_some_and(|c| {
                    matches!(
                        c.kind,
                        crate::gazetteer::PlaceKind::Country | crate::gazetteer::PlaceKind::Region
                    )
                })
            })
        {
            return run.end;
        }
        let first = doc.word(start);
        let words: Vec<&str> = (start..run.end).map(|k| doc.word(k)).collect();
        // Storms: "Hurricane Ian", "Tropical Storm Ana".
        // "Storm Force 10" is the wind's strength on a scale, not a storm's name
        if lexicon::is_storm_prefix(first) && doc.low(start + 1) != "force" {
            let name_from = (start..run.end)
                .find(|&k| !lexicon::is_storm_prefix(doc.word(k)))
                .unwrap_or(run.end);
            if name_from < run.end {
                let parts = (name_from..run.end)
                    .map(|k| strip_possessive(doc.low(k)).to_owned())
                    .collect();
                let name = strip_possessive(&words.join(" ")).to_owned();
                self.add_ref(
                    doc,
                    start..run.end,
                    name,
                    parts,
                    ActorKind::Storm,
                    Vec::new(),
                );
            } else if let Some(a) = self.last_of(&[ActorKind::Storm]) {
                self.push_ref(doc, start..run.end, a);
            }
            return run.end;
        }
        // "Frigate HMS Portland": the ship's name starts at its prefix
        if let Some(k) =
            (start + 1..run.end.saturating_sub(1)).find(|&k| lexicon::is_ship_prefix(doc.word(k)))
        {
            start = k;
        }
        let first = doc.word(start);
        let words: Vec<&str> = (start..run.end).map(|k| doc.word(k)).collect();
        // Ships: "USS Gerald R. Ford", "the MV Ruby".
        if lexicon::is_ship_prefix(first) && run.end > start + 1 {
            let parts = (start + 1..run.end)
                .map(|k| strip_possessive(doc.low(k)).to_owned())
                .collect();
            let name = strip_possessive(&words.join(" ")).to_owned();
            self.add_ref(
                doc,
                start..run.end,
                name,
                parts,
                ActorKind::Ship,
                Vec::new(),
            );
            return run.end;
        }
        // Flights: "Malaysia Airlines Flight 370".
        if let Some(k) = (start..run.end).find(|&k| doc.low(k) == "flight")
            && doc.is_number(k + 1)
        {
            let name = format!("Flight {}", doc.word(k + 1));
            let parts = vec![doc.low(k + 1).to_owned()];
            self.add_ref(
                doc,
                start..k + 2,
                name,
                parts,
                ActorKind::Aircraft,
                Vec::new(),
            );
            return k + 2;
        }
        // Aircraft types: "the Airbus A330", "a Boeing 737".
        if matches!(
            first,
            "Airbus"
                | "Boeing"
                | "Embraer"
                | "Cessna"
                | "Antonov"
                | "Ilyushin"
                | "Tupolev"
                | "Bombardier"
                | "Sukhoi"
                | "Gulfstream"
                | "Learjet"
        ) {
            let actor = self
                .last_of(&[ActorKind::Aircraft])
                .or_else(|| self.main_person());
            if let Some(a) = actor {
                self.push_ref(doc, start..run.end, a);
            }
            return run.end;
        }
        // Named ships and aircraft already known ("the Aurora").
        let lower: Vec<String> = (start..run.end)
            .map(|k| strip_possessive(doc.low(k)).to_owned())
            .collect();
        if let Some(a) = self.match_known(&lower, None) {
            self.push_ref(doc, start..run.end, a);
            return run.end;
        }
        // "MarineTraffic.com", "Reuters.org": a website is an organisation
        let website = |w: &String| {
            [".com", ".org", ".net", ".co.uk"]
                .iter()
                .any(|d| w.ends_with(d))
        };
        if words.iter().any(|w| is_acronym(w))
            || lower.iter().any(|w| lexicon::is_org_word(w) || website(w))
        {
            self.orgs.push(start..run.end);
            return run.end;
        }
        // "Makalu Base Camp, where …", "Parque General San Martín": a site, not a person
        if run.end > start + 1
            && (lower.last().is_some_and(|w| lexicon::is_site_word(w))
                || lexicon::is_site_head(&lower[0]))
        {
            return run.end;
        }
        // People: drop titles in front ("Russian President Vladimir Putin").
        let mut roles: Vec<String> = Vec::new();
        if start > sentence_start && lexicon::is_title(doc.low(start - 1)) {
            roles.push(doc.low(start - 1).to_owned());
        }
        let mut name_from = start;
        for k in start..run.end {
            if lexicon::is_title(doc.low(k).trim_end_matches('.')) {
                roles.push(doc.low(k).trim_end_matches('.').to_owned());
                name_from = k + 1;
            }
        }
        if name_from >= run.end || run.end - name_from > 4 {
            return run.end;
        }
        let name_words = &lower[name_from - start..];
        // "Kidnapping Suspect In Checotah": a headline's title case, not a name
        if name_words
            .iter()
            .all(|w| lexicon::is_capitalised_stopword(strip_possessive(w)))
        {
            return run.end;
        }
        // "up the Detroit and St. Clair Rivers", "the Cabotian Mountains": the land's
        // features in the plural, not a person
        if name_words.len() >= 2
            && name_words.last().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "rivers" | "lakes" | "mountains" | "islands" | "hills" | "falls" | "straits"
                )
            })
        {
            return run.end;
        }
        let after = doc.low(run.end);
        let before = if start > sentence_start {
            doc.low(start - 1)
        } else {
            ""
        };
        // "Elcano later took command": one adverb may stand between name and verb.
        let adverb = after.ends_with("ly")
            || matches!(
                after,
                "later" | "then" | "also" | "first" | "soon" | "again" | "finally"
            );
        let verb_at = run.end + usize::from(adverb);
        let after_adverb = doc.low(verb_at);
        // a full name before a verb the tagger knows ("Bill Clinton embarks on")
        let tagged_verb = name_words.len() >= 2
            && !doc.is_title_case(sentence_start)
            && doc.pos(verb_at) == crate::text::pos::Upos::Verb
            && doc
                .word(verb_at)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        let verb_after = tagged_verb
            || is_verbish(after_adverb)
            || matches!(
                after_adverb,
                "took"
                    | "made"
                    | "set"
                    | "held"
                    | "sat"
                    | "stood"
                    | "ran"
                    | "won"
                    | "lost"
                    | "began"
                    | "spoke"
                    | "wrote"
                    | "gave"
                    | "got"
                    | "kept"
                    | "led"
                    | "knew"
                    | "felt"
                    | "thought"
                    | "found"
                    | "became"
            )
            || matches!(
                after,
                "had" | "has" | "have" | "will" | "would" | "is" | "was"
            );
        let possessive = strip_possessive(doc.word(run.end - 1)) != doc.word(run.end - 1);
        // "Lindbergh's solo flight": the owner of a journey is its traveller.
        let owns_journey = possessive
            && (run.end..run.end + 3)
                .any(|k| matches!(doc.trigger(k), Some(t) if t != lexicon::Trigger::Adjacent));
        // "the Vatican said": an institution, not a person.
        let after_article = start > sentence_start
            && matches!(before, "the" | "a" | "an")
            && run.end - name_from == 1;
        // "the Mayflower sailed", "the Beatles arrived": a one-word name after "the" that
        // travels is a ship or a band, not an institution that speaks ("the Vatican said")
        if after_article
            && before == "the"
            && doc
                .trigger(run.end)
                .is_some_and(|t| !matches!(t, lexicon::Trigger::Adjacent))
            && !lexicon::is_org_word(&lower[name_from - start])
        {
            let name = format!("the {}", strip_possessive(doc.word(name_from)));
            let parts = vec![strip_possessive(&lower[name_from - start]).to_owned()];
            self.add_ref(
                doc,
                name_from..run.end,
                name,
                parts,
                ActorKind::Group,
                Vec::new(),
            );
            return run.end;
        }
        // "West Africa", "of Central Asia": regions the gazetteer missed, not people.
        let regional = lexicon::is_direction(&lower[0]) || (before == "of" && roles.is_empty());
        let personal = !after_article
            && !regional
            && (!roles.is_empty()
                || (verb_after && (run.end - name_from >= 2 || start > sentence_start))
                || before == "said"
                || before == "says"
                || owns_journey
                || (run.end - name_from >= 2 && matches!(after, "," | "who"))
                // "Wijesinghe, who comes from Kandy": places take "which" or "where"
                || (after == "," && doc.low(run.end + 1) == "who")
                // "Ibn Batuta (1304–68) Arab traveller", "Leo Africanus (originally
                // Al-Hassan…)": an encyclopedia's lifespan or other name
                || (run.end - name_from >= 2
                    && after == "("
                    && (doc.is_number(run.end + 1)
                        || matches!(
                            doc.low(run.end + 1),
                            "originally" | "born" | "also" | "né" | "née" | "c." | "circa"
                        ))))
            // "Buddhism", "Catholicism": a creed, not a person
            && !name_words.iter().any(|w| w.len() > 5 && w.ends_with("ism"));
        let kind =
            if self.members.iter().any(|m| {
                m.kind == ActorKind::Ship && m.parts.iter().any(|p| name_words.contains(p))
            }) {
                ActorKind::Ship
            } else {
                ActorKind::Person
            };
        if let Some(a) = self.match_known(name_words, Some(kind)) {
            let m = &mut self.members[a];
            for r in roles {
                if !m.roles.contains(&r) {
                    m.roles.push(r);
                }
            }
            if name_words.len() > m.parts.len() {
                m.parts = name_words.to_vec();
                strip_possessive(&words[name_from - start..].join(" ")).clone_into(&mut m.name);
            }
            self.push_ref(doc, name_from..run.end, a);
            return run.end;
        }
        // a headline in title case capitalises every word: no sign of a name there
        if personal && (!doc.is_title_case(sentence_start) || !roles.is_empty()) {
            let name = strip_possessive(&words[name_from - start..].join(" ")).to_owned();
            self.add_ref(
                doc,
                name_from..run.end,
                name,
                name_words.to_vec(),
                ActorKind::Person,
                roles,
            );
        }
        run.end
    }

    /// Handles a lower-case token that may refer to an actor (a pronoun, "the storm",
    /// "the North Korean leader", "his train"); returns where scanning goes on.
    fn lower_case_ref(&mut self, doc: &Doc<'_>, i: usize, sentence: Range<usize>) -> usize {
        // "He'll then visit Kazakhstan", "they’re due in Oslo"
        let w = without_contraction(doc.low(i));
        match w {
            // "We left New Orleans at dawn", "I reached Lisbon": a letter, a diary, a blog
            // told by its writer (not words quoted in a story)
            "i" | "me" | "my" | "we" | "us" | "our" if !doc.in_quotation(i) => {
                let narrator = if let Some(a) = self.narrator {
                    a
                } else {
                    let a = self
                        .members
                        .iter()
                        .position(|m| m.name == NARRATOR)
                        .unwrap_or_else(|| self.new_member(NARRATOR.to_owned(), ActorKind::Person));
                    self.narrator = Some(a);
                    a
                };
                self.push_ref(doc, i..i + 1, narrator);
                i + 1
            }
            "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself" => {
                if let Some(a) = self.person_antecedent(doc, sentence.start) {
                    // "his train", "her plane": the vehicle carries the person.
                    let next = doc.low(i + 1);
                    let end = if lexicon::is_carrier_word(next) {
                        i + 2
                    } else {
                        i + 1
                    };
                    self.push_ref(doc, i..end, a);
                    return end;
                }
                i + 1
            }
            "it" | "its" => {
                if let Some(a) = self.last_of(&[
                    ActorKind::Storm,
                    ActorKind::Ship,
                    ActorKind::Aircraft,
                    ActorKind::Animal,
                ]) {
                    self.push_ref(doc, i..i + 1, a);
                }
                i + 1
            }
            "they" | "them" | "their" | "themselves" => {
                if let Some(a) = self
                    .latest_plural
                    .or_else(|| self.last_of(&[ActorKind::Group]))
                {
                    self.push_ref(doc, i..i + 1, a);
                }
                i + 1
            }
            "the" => self.definite(doc, i, sentence),
            // "A fishing boat carrying 60 migrants capsized": a new actor as subject only
            // (after a dateline too: "ASUNCIÓN, Aug 7 — A prisoner who …").
            "a" | "an"
                if i == sentence.start
                    || after_dateline(doc, i, &sentence)
                    // "waking up to a powerful winter storm", "tracked a great white shark"
                    || (i + 1..sentence.end.min(i + 5))
                        .take_while(|&k| is_modifier_word(doc.low(k)))
                        .any(|k| {
                            lexicon::is_storm_word(doc.low(k)) && doc.low(k) != "system"
                                || lexicon::is_animal_word(doc.low(k))
                        }) =>
            {
                self.definite(doc, i, sentence)
            }
            _ => i + 1,
        }
    }

    /// "the [modifiers] head": resolves descriptions to the actor they stand for.
    fn definite(&mut self, doc: &Doc<'_>, i: usize, sentence: Range<usize>) -> usize {
        let next_is_head = |w: &str| {
            lexicon::is_person_role(w)
                || lexicon::is_storm_word(w)
                || lexicon::is_ship_word(w)
                || lexicon::is_aircraft_word(w)
                || lexicon::is_carrier_word(w)
                || lexicon::is_group_word(w)
                || lexicon::is_animal_word(w)
        };
        // "the container ship Ever Bright", "the rock band Northern Lights": any plain words
        // before the head word of a name are its modifiers
        let head_ahead = (i + 1..sentence.end.min(i + 5))
            .take_while(|&k| is_modifier_word(doc.low(k)))
            .find(|&k| next_is_head(doc.low(k)))
            .filter(|&k| {
                named_kind(doc.low(k)).is_some()
                    && name_after_head(doc, k + 1, sentence.end).is_some()
            })
            .unwrap_or(i);
        // "a powerful winter storm", "a great white shark": plain words before a storm's or
        // an animal's head word describe it
        let head_ahead = head_ahead.max(
            (i + 1..sentence.end.min(i + 5))
                .take_while(|&k| is_modifier_word(doc.low(k)))
                .find(|&k| {
                    lexicon::is_storm_word(doc.low(k)) || lexicon::is_animal_word(doc.low(k))
                })
                .unwrap_or(i),
        );
        let mut k = i + 1;
        while k < sentence.end && k <= i + 4 {
            let w = doc.low(k).to_owned();
            // "the Karnaphuli Star": a capitalised head after a place's name is part of a
            // name ("the Russian President" is a role)
            let in_name = doc.is_capitalised(k)
                && doc
                    .place_at(k - 1)
                    .is_some_and(|p| !doc.places[p].adjectival);
            if next_is_head(&w) && !in_name {
                // "the storm system": the last head word wins.
                if next_is_head(doc.low(k + 1)) {
                    k += 1;
                    continue;
                }
                let span = i..k + 1;
                let indefinite = matches!(doc.low(i), "a" | "an");
                let actor = if lexicon::is_animal_word(&w) {
                    // "a great white shark", "the wolf": the one animal the story follows
                    self.main_of(&[ActorKind::Animal])
                        .or_else(|| Some(self.new_member(format!("the {w}"), ActorKind::Animal)))
                } else if indefinite && !lexicon::is_storm_word(&w) {
                    // "a man", "an official": someone new, not the story's subject; but
                    // the lede's "A prisoner who escaped …" or "A cargo ship that drifted
                    // …" is the one the next sentences name ("Rolando Benítez, 34, was
                    // detained", "The vessel Moana Star was towed …").
                    let kind = if lexicon::is_ship_word(&w) {
                        Some(ActorKind::Ship)
                    } else if lexicon::is_aircraft_word(&w) {
                        Some(ActorKind::Aircraft)
                    } else if lexicon::is_person_role(&w) {
                        Some(ActorKind::Person)
                    } else {
                        None
                    };
                    kind.and_then(|kind| self.named_after_lede(doc, i, kind))
                } else if lexicon::is_storm_word(&w) {
                    self.main_of(&[ActorKind::Storm]).or_else(|| {
                        (w != "system")
                            .then(|| self.new_member(format!("the {w}"), ActorKind::Storm))
                    })
                } else if let Some(kind) = named_kind(&w)
                    && let Some(end) = name_after_head(doc, k + 1, sentence.end)
                {
                    // "the research vessel Aurora", "the container ship Ever Bright", "the
                    // rock band Northern Lights": the name follows the head.
                    let name = strip_possessive(
                        &(k + 1..end)
                            .map(|j| doc.word(j))
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                    .to_owned();
                    let parts = (k + 1..end)
                        .map(|j| strip_possessive(doc.low(j)).to_owned())
                        .collect();
                    self.add_ref(doc, i..end, name, parts, kind, Vec::new());
                    return end;
                } else if lexicon::is_ship_word(&w) {
                    // "Doyle eased her flood boat …; the boat": an unnamed boat in a
                    // story about a person is the person's
                    self.main_of(&[ActorKind::Ship])
                        .or_else(|| self.main_person())
                        .or_else(|| Some(self.new_member(format!("the {w}"), ActorKind::Ship)))
                } else if lexicon::is_aircraft_word(&w) {
                    self.main_of(&[ActorKind::Aircraft]).or_else(|| {
                        self.main_person().or_else(|| {
                            Some(self.new_member(format!("the {w}"), ActorKind::Aircraft))
                        })
                    })
                } else if lexicon::is_carrier_word(&w) {
                    // "the convoy" in a story about no one in particular is the traveller
                    self.main_person()
                        .or_else(|| self.last_of(&[ActorKind::Group]))
                        .or_else(|| Some(self.new_member(format!("the {w}"), ActorKind::Group)))
                } else if lexicon::is_group_word(&w) {
                    if matches!(w.as_str(), "crew" | "survivors" | "passengers") {
                        self.last_of(&[ActorKind::Ship, ActorKind::Aircraft])
                            .or_else(|| self.main_person())
                    } else {
                        self.main_person()
                            .or_else(|| self.last_of(&[ActorKind::Group]))
                            .or_else(|| Some(self.new_member(format!("the {w}"), ActorKind::Group)))
                    }
                } else if doc.low(i) == "the"
                    && doc.is_capitalised(k)
                    && lexicon::is_title(&w)
                    && !self.members.iter().any(|m| m.roles.contains(&w))
                {
                    // "the Queen", "the Pope": a title that stands for its holder's name
                    let name = format!("the {}", doc.word(k));
                    Some(
                        self.members
                            .iter()
                            .position(|m| m.name == name)
                            .unwrap_or_else(|| self.new_member(name, ActorKind::Person)),
                    )
                } else if doc.low(i) == "the" {
                    self.by_role(&w)
                } else {
                    None
                };
                if let Some(a) = actor {
                    self.push_ref(doc, span, a);
                }
                return k + 1;
            }
            let filler = k < head_ahead
                || doc.is_capitalised(k)
                || doc.place_at(k).is_some()
                || matches!(
                    w.as_str(),
                    "personal"
                        | "armored"
                        | "armoured"
                        | "tropical"
                        | "former"
                        | "missing"
                        | "cargo"
                        | "fishing"
                        | "rescue"
                        | "passenger"
                        | "research"
                        | "naval"
                        | "wanted"
                        | "escaped"
                        | "powerful"
                        | "deadly"
                        | "small"
                        | "two"
                        | "three"
                        | "british"
                        | "young"
                        | "elderly"
                        | "presidential"
                        | "royal"
                        | "slow-moving"
                        | "massive"
                        | "category"
                        | "same"
                        | "whole"
                );
            if !filler && !doc.is_number(k) {
                break;
            }
            k += 1;
        }
        i + 1
    }

    /// The actor of `kind` a lede's "A prisoner who …" (token `i`, in the text's first
    /// sentence) stands for: the first one of that kind the first pass met, if it first
    /// met it within the next two sentences.
    fn named_after_lede(&self, doc: &Doc<'_>, i: usize, kind: ActorKind) -> Option<usize> {
        let sentence = doc.sentence_of(i);
        if sentence > usize::from(doc.has_headline()) {
            return None;
        }
        let here = doc.tokens[i].span().start;
        let (a, at) = self
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == kind)
            .filter_map(|(a, m)| m.introduced.map(|at| (a, at)))
            .min_by_key(|&(_, at)| at)?;
        let later = doc.tokens.partition_point(|t| t.span().start < at);
        (at > here && doc.sentence_index(later).is_some_and(|s| s <= sentence + 2)).then_some(a)
    }

    fn new_member(&mut self, name: String, kind: ActorKind) -> usize {
        self.members.push(Member {
            parts: Vec::new(),
            name,
            kind,
            roles: Vec::new(),
            mentions: Vec::new(),
            introduced: None,
        });
        self.members.len() - 1
    }

    fn add_ref(
        &mut self,
        doc: &Doc<'_>,
        tokens: Range<usize>,
        name: String,
        parts: Vec<String>,
        kind: ActorKind,
        roles: Vec<String>,
    ) {
        let a = if let Some(a) = self.match_known(&parts, Some(kind)) {
            a
        } else {
            let a = self.new_member(name, kind);
            self.members[a].parts = parts;
            a
        };
        for r in roles {
            if !self.members[a].roles.contains(&r) {
                self.members[a].roles.push(r);
            }
        }
        self.push_ref(doc, tokens, a);
    }

    fn push_ref(&mut self, doc: &Doc<'_>, tokens: Range<usize>, actor: usize) {
        let (Some(first), Some(last)) = (
            doc.tokens.get(tokens.start),
            doc.tokens.get(tokens.end.saturating_sub(1)),
        ) else {
            return;
        };
        self.members[actor]
            .mentions
            .push(Span::new(first.span().start, last.span().end));
        // the reference names a group ("the crew", "Read and his crew")
        let plural = doc.low(tokens.end) == "and"
            && matches!(doc.low(tokens.end + 1), "his" | "her" | "their" | "the")
            || (tokens.start..tokens.end).any(|k| lexicon::is_group_word(doc.low(k)));
        debug_assert!(
            self.refs
                .last()
                .is_none_or(|r| r.tokens.start <= tokens.start),
            "references are pushed in text order"
        );
        self.longest_ref = self.longest_ref.max(tokens.len());
        self.refs.push(Ref { tokens, actor });
        self.latest_of_kind[self.members[actor].kind as usize] = Some((self.refs.len() - 1, actor));
        if plural {
            self.latest_plural = Some(actor);
        }
    }

    /// A known actor whose name shares its words with `words` ("Kim" ~ "Kim Jong Un").
    fn match_known(&self, words: &[String], kind: Option<ActorKind>) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (a, m) in self.members.iter().enumerate() {
            if m.parts.is_empty() || kind.is_some_and(|k| k != m.kind) {
                continue;
            }
            let subset = words.iter().all(|w| m.parts.contains(w));
            let superset = m.parts.iter().all(|p| words.contains(p));
            if (subset || superset) && best.is_none_or(|(_, n)| m.mentions.len() >= n) {
                best = Some((a, m.mentions.len()));
            }
        }
        best.map(|(a, _)| a)
    }

    /// The actor of one of `kinds` a description ("the ship", "the storm") stands for: the
    /// one mentioned most so far, the first of those on a tie; a story's "the ship" is its
    /// own ship, not the escort named last.
    fn main_of(&self, kinds: &[ActorKind]) -> Option<usize> {
        let mut best: Option<(usize, usize, usize)> = None;
        for (a, m) in self.members.iter().enumerate() {
            if !kinds.contains(&m.kind) || m.mentions.is_empty() {
                continue;
            }
            let n = m.mentions.len();
            let first = m.mentions.first().map_or(usize::MAX, |s| s.start);
            if best.is_none_or(|(_, bn, bf)| n > bn || (n == bn && first < bf)) {
                best = Some((a, n, first));
            }
        }
        best.map(|(a, _, _)| a)
    }

    /// The most recently mentioned actor of one of `kinds`.
    fn last_of(&self, kinds: &[ActorKind]) -> Option<usize> {
        kinds
            .iter()
            .filter_map(|&k| self.latest_of_kind[k as usize])
            .max_by_key(|&(r, _)| r)
            .map(|(_, actor)| actor)
    }

    /// The person mentioned most so far.
    fn main_person(&self) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (a, m) in self.members.iter().enumerate() {
            if m.kind == ActorKind::Person
                && !m.parts.is_empty()
                && best.is_none_or(|(_, n)| m.mentions.len() > n)
            {
                best = Some((a, m.mentions.len()));
            }
        }
        best.map(|(a, _)| a)
    }

    /// The actor mentioned most in the whole text, the story's subject when a sentence
    /// names no one.
    pub fn main_actor(&self) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (a, m) in self.members.iter().enumerate() {
            if best.is_none_or(|(_, n)| m.mentions.len() > n) {
                best = Some((a, m.mentions.len()));
            }
        }
        best.map(|(a, _)| a)
    }

    /// The person a role word ("the leader") refers to.
    fn by_role(&self, role: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (a, m) in self.members.iter().enumerate() {
            if m.kind == ActorKind::Person
                && m.roles.iter().any(|r| r == role)
                && best.is_none_or(|(_, n)| m.mentions.len() > n)
            {
                best = Some((a, m.mentions.len()));
            }
        }
        best.map(|(a, _)| a).or_else(|| {
            // "the man", "the suspect" with no matching title: the main person.
            self.main_person()
        })
    }

    /// The person a pronoun refers to: the first person named in this sentence before it,
    /// else the first person of the latest sentence that named one.
    fn person_antecedent(&self, doc: &Doc<'_>, sentence_start: usize) -> Option<usize> {
        // ("I spotted a whimbrel … she flew on": "she" is never the one who writes)
        let persons = |r: &&Ref| {
            self.members[r.actor].kind == ActorKind::Person && Some(r.actor) != self.narrator
        };
        // "Keller said she would …": the one who speaks is seldom the one spoken of.
        let reporter = |r: &Ref| lexicon::is_reporting_verb(doc.low(r.tokens.end));
        // (references are pushed in text order while the text is read)
        let from = self
            .refs
            .partition_point(|r| r.tokens.start < sentence_start);
        if let Some(r) = self.refs[from..]
            .iter()
            .filter(persons)
            .find(|r| !reporter(r))
        {
            return Some(r.actor);
        }
        let last = self.refs[..from]
            .iter()
            .rev()
            .inspect(|_| crate::work::step())
            .find(persons)?;
        let s = doc.sentence_index(last.tokens.start)?;
        let in_s = || self.refs_in(doc.sentence_tokens[s].clone()).filter(persons);
        in_s()
            .find(|r| !reporter(r))
            .or_else(|| in_s().next())
            .map(|r| r.actor)
    }

    /// References lying within `range`.
    pub fn refs_in(&self, range: Range<usize>) -> impl Iterator<Item = &Ref> + '_ {
        let from = self.refs.partition_point(|r| r.tokens.start < range.start);
        self.refs[from..]
            .iter()
            .inspect(|_| crate::work::step())
            .take_while(move |r| r.tokens.start < range.end)
            .filter(move |r| r.tokens.end <= range.end)
    }

    /// The references whose first token lies in `range`, in text order.
    pub fn refs_starting_in(&self, range: Range<usize>) -> &[Ref] {
        let from = self.refs.partition_point(|r| r.tokens.start < range.start);
        let to = self.refs.partition_point(|r| r.tokens.start < range.end);
        let found = self.refs.get(from..to).unwrap_or(&[]);
        crate::work::steps(found.len());
        found
    }

    /// The references that share a token with `range`.
    pub fn refs_overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Ref> + '_ {
        let from = self
            .refs
            .partition_point(|r| r.tokens.start + self.longest_ref <= range.start);
        self.refs[from..]
            .iter()
            .inspect(|_| crate::work::step())
            .take_while(move |r| r.tokens.start < range.end)
            .filter(move |r| range.start < r.tokens.end)
    }
}
