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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
    /// Nobody the text names: places visited by an unnamed traveller.
    Unknown,
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
    pub refs: Vec<Ref>,
    /// Token ranges of names that are organisations (possible sources, never movers).
    pub orgs: Vec<Range<usize>>,
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
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
        let mut cast = Cast {
            members: Vec::new(),
            refs: Vec::new(),
            orgs: Vec::new(),
        };
        for range in &doc.sentence_tokens {
            let mut i = range.start;
            while i < range.end {
                if let Some(p) = doc.place_at[i] {
                    let r = doc.place_tokens(p);
                    i = r.end.max(i + 1);
                    continue;
                }
                if doc.time_at[i].is_some() {
                    i += 1;
                    continue;
                }
                if doc.is_capitalised(i) {
                    let mut j = i;
                    while j < range.end
                        && doc.is_capitalised(j)
                        && doc.place_at[j].is_none()
                        && doc.time_at[j].is_none()
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

    /// Handles a run of capitalised words; returns where scanning goes on.
    fn name_run(&mut self, doc: &Doc<'_>, run: Range<usize>, sentence_start: usize) -> usize {
        let mut start = run.start;
        while start < run.end && lexicon::is_capitalised_stopword(doc.low(start)) {
            start += 1;
        }
        if start >= run.end {
            return run.end;
        }
        let first = doc.word(start);
        let words: Vec<&str> = (start..run.end).map(|k| doc.word(k)).collect();
        // Storms: "Hurricane Ian", "Tropical Storm Ana".
        if lexicon::is_storm_prefix(first) {
            let name_from = (start..run.end)
                .find(|&k| !lexicon::is_storm_prefix(doc.word(k)))
                .unwrap_or(run.end);
            if name_from < run.end {
                let parts = (name_from..run.end)
                    .map(|k| strip_possessive(doc.low(k)).to_owned())
                    .collect();
                let name = strip_possessive(&words.join(" ")).to_owned();
                self.add_ref(doc, start..run.end, name, parts, ActorKind::Storm, Vec::new());
            } else if let Some(a) = self.last_of(&[ActorKind::Storm]) {
                self.push_ref(doc, start..run.end, a);
            }
            return run.end;
        }
        // Ships: "USS Gerald R. Ford", "the MV Ruby".
        if lexicon::is_ship_prefix(first) && run.end > start + 1 {
            let parts = (start + 1..run.end)
                .map(|k| strip_possessive(doc.low(k)).to_owned())
                .collect();
            let name = strip_possessive(&words.join(" ")).to_owned();
            self.add_ref(doc, start..run.end, name, parts, ActorKind::Ship, Vec::new());
            return run.end;
        }
        // Flights: "Malaysia Airlines Flight 370".
        if let Some(k) = (start..run.end).find(|&k| doc.low(k) == "flight")
            && doc.is_number(k + 1)
        {
            let name = format!("Flight {}", doc.word(k + 1));
            let parts = vec![doc.low(k + 1).to_owned()];
            self.add_ref(doc, start..k + 2, name, parts, ActorKind::Aircraft, Vec::new());
            return k + 2;
        }
        // Named ships and aircraft already known ("the Aurora").
        let lower: Vec<String> = (start..run.end)
            .map(|k| strip_possessive(doc.low(k)).to_owned())
            .collect();
        if let Some(a) = self.match_known(&lower, None) {
            self.push_ref(doc, start..run.end, a);
            return run.end;
        }
        if words.iter().any(|w| is_acronym(w))
            || lower.iter().any(|w| lexicon::is_org_word(w))
        {
            self.orgs.push(start..run.end);
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
        let after = doc.low(run.end);
        let before = if start > sentence_start {
            doc.low(start - 1)
        } else {
            ""
        };
        let verb_after = lexicon::trigger(after).is_some()
            || lexicon::is_reporting_verb(after)
            || matches!(after, "had" | "has" | "have" | "will" | "would" | "is" | "was");
        let personal = !roles.is_empty()
            || (verb_after && (run.end - name_from >= 2 || start > sentence_start))
            || before == "said"
            || before == "says"
            || (run.end - name_from >= 2 && matches!(after, "," | "who"));
        let kind = if self
            .members
            .iter()
            .any(|m| m.kind == ActorKind::Ship && m.parts.iter().any(|p| name_words.contains(p)))
        {
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
                m.name = strip_possessive(&words[name_from - start..].join(" ")).to_owned();
            }
            self.push_ref(doc, name_from..run.end, a);
            return run.end;
        }
        if personal {
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
        let w = doc.low(i);
        match w {
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
                if let Some(a) =
                    self.last_of(&[ActorKind::Storm, ActorKind::Ship, ActorKind::Aircraft])
                {
                    self.push_ref(doc, i..i + 1, a);
                }
                i + 1
            }
            "they" | "them" | "their" => {
                if let Some(a) = self.last_of(&[ActorKind::Group]) {
                    self.push_ref(doc, i..i + 1, a);
                }
                i + 1
            }
            "the" => self.definite(doc, i, sentence),
            _ => i + 1,
        }
    }

    /// "the [modifiers] head": resolves descriptions to the actor they stand for.
    fn definite(&mut self, doc: &Doc<'_>, i: usize, sentence: Range<usize>) -> usize {
        let mut k = i + 1;
        while k < sentence.end && k <= i + 4 {
            let w = doc.low(k).to_owned();
            let next_is_head = |w: &str| {
                lexicon::is_person_role(w)
                    || lexicon::is_storm_word(w)
                    || lexicon::is_ship_word(w)
                    || lexicon::is_aircraft_word(w)
                    || lexicon::is_carrier_word(w)
                    || lexicon::is_group_word(w)
            };
            if next_is_head(&w) {
                // "the storm system": the last head word wins.
                if next_is_head(doc.low(k + 1)) {
                    k += 1;
                    continue;
                }
                let span = i..k + 1;
                let actor = if lexicon::is_storm_word(&w) {
                    self.last_of(&[ActorKind::Storm]).or_else(|| {
                        (w != "system")
                            .then(|| self.new_member(format!("the {w}"), ActorKind::Storm))
                    })
                } else if lexicon::is_ship_word(&w) {
                    self.last_of(&[ActorKind::Ship])
                        .or_else(|| Some(self.new_member(format!("the {w}"), ActorKind::Ship)))
                } else if lexicon::is_aircraft_word(&w) {
                    self.last_of(&[ActorKind::Aircraft]).or_else(|| {
                        self.main_person().or_else(|| {
                            Some(self.new_member(format!("the {w}"), ActorKind::Aircraft))
                        })
                    })
                } else if lexicon::is_carrier_word(&w) {
                    self.main_person()
                } else if lexicon::is_group_word(&w) {
                    if matches!(w.as_str(), "crew" | "survivors" | "passengers") {
                        self.last_of(&[ActorKind::Ship, ActorKind::Aircraft])
                            .or_else(|| self.main_person())
                    } else {
                        self.main_person()
                            .or_else(|| self.last_of(&[ActorKind::Group]))
                            .or_else(|| Some(self.new_member(format!("the {w}"), ActorKind::Group)))
                    }
                } else {
                    self.by_role(&w)
                };
                if let Some(a) = actor {
                    self.push_ref(doc, span, a);
                }
                return k + 1;
            }
            let filler = doc.is_capitalised(k)
                || doc.place_at[k].is_some()
                || matches!(
                    w.as_str(),
                    "personal" | "armored" | "armoured" | "tropical" | "former" | "missing"
                        | "cargo" | "fishing" | "rescue" | "passenger" | "research" | "naval"
                        | "wanted" | "escaped" | "powerful" | "deadly" | "small" | "two"
                        | "three" | "british" | "young" | "elderly" | "presidential" | "royal"
                        | "slow-moving" | "massive" | "category" | "same" | "whole"
                );
            if !filler && !doc.is_number(k) {
                break;
            }
            k += 1;
        }
        i + 1
    }

    fn new_member(&mut self, name: String, kind: ActorKind) -> usize {
        self.members.push(Member {
            parts: Vec::new(),
            name,
            kind,
            roles: Vec::new(),
            mentions: Vec::new(),
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
        let a = match self.match_known(&parts, Some(kind)) {
            Some(a) => a,
            None => {
                let a = self.new_member(name, kind);
                self.members[a].parts = parts;
                a
            }
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
            .push(Span::new(first.span.start, last.span.end));
        self.refs.push(Ref { tokens, actor });
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

    /// The most recently mentioned actor of one of `kinds`.
    fn last_of(&self, kinds: &[ActorKind]) -> Option<usize> {
        self.refs
            .iter()
            .rev()
            .find(|r| kinds.contains(&self.members[r.actor].kind))
            .map(|r| r.actor)
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
        let persons = |r: &&Ref| self.members[r.actor].kind == ActorKind::Person;
        if let Some(r) = self
            .refs
            .iter()
            .filter(persons)
            .find(|r| r.tokens.start >= sentence_start)
        {
            return Some(r.actor);
        }
        let last = self.refs.iter().rev().find(persons)?;
        let s = doc.sentence_of.get(last.tokens.start).copied()?;
        self.refs
            .iter()
            .filter(persons)
            .find(|r| doc.sentence_of.get(r.tokens.start) == Some(&s))
            .map(|r| r.actor)
    }

    /// The reference covering or nearest before token `i` within `range`.
    pub fn ref_before(&self, i: usize, range: &Range<usize>) -> Option<&Ref> {
        self.refs
            .iter()
            .rev()
            .find(|r| r.tokens.start < i && r.tokens.start >= range.start)
    }

    /// References lying within `range`.
    pub fn refs_in<'s>(&'s self, range: Range<usize>) -> impl Iterator<Item = &'s Ref> + 's {
        self.refs
            .iter()
            .filter(move |r| r.tokens.start >= range.start && r.tokens.end <= range.end)
    }
}
