//! Events that place an actor: each place mention is linked, through its preposition and
//! the event word that governs it, to an actor, a time, a status and its sources.

use std::ops::Range;

use super::Status;
use super::doc::Doc;
use super::geometry::{Offset, offset_of};
use super::lexicon::{self, Trigger, is_calendar_word};
use super::traveller::Cast;
use crate::gazetteer::PlaceKind;
use crate::text::pos::Upos;

/// The part a place plays in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Where the actor came from.
    Origin,
    /// Where the actor went or arrived.
    Arrival,
    /// Where the actor was headed, not known to be reached.
    Intended,
    /// Where a diversion sent the actor.
    Diverted,
    /// A place the actor came back to.
    Return,
    /// A place passed through.
    Waypoint,
    /// Where the actor was.
    Presence,
}

impl Role {
    /// Its name in an explanation.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Role::Origin => "origin",
            Role::Arrival => "arrival",
            Role::Intended => "intended",
            Role::Diverted => "diverted",
            Role::Return => "return",
            Role::Waypoint => "waypoint",
            Role::Presence => "presence",
        }
    }
}

/// How an event stands in narrative time relative to the one told before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    None,
    After,
    Before,
}

impl Cue {
    /// Its name in an explanation.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Cue::None => "none",
            Cue::After => "after",
            Cue::Before => "before",
        }
    }
}

/// One event placing one actor at one place: a candidate the selection kept, for one actor.
#[derive(Clone, Debug)]
pub(crate) struct Event {
    pub actor: usize,
    pub place: usize,
    pub role: Role,
    pub status: Status,
    pub sources: Vec<String>,
    pub time: Option<usize>,
    pub sentence: usize,
    /// Token of the event word, for text order.
    pub trigger: usize,
    pub cue: Cue,
    /// The sentence recalls an earlier, separate trip.
    pub background: bool,
    /// Where the text says the stop falls in the journey.
    pub phase: Phase,
    /// How far and which way from the place the text puts the actor.
    pub offset: Option<Offset>,
    /// Told in the present: it happens on the day of writing.
    pub present: bool,
}

/// Where the text says a stop falls in the journey: "his first stop", "the final leg".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Nothing said.
    #[default]
    Any,
    /// "the first stop", "kicked off his tour in".
    Opening,
    /// "the final stop", "wrapped up her visit in", "ended in".
    Closing,
    /// Where one leg a heading names began: "Paris" in "Stage Three Paris to Lyon".
    LegStart,
    /// Where that leg ended: "Lyon".
    LegEnd,
}

impl Phase {
    /// Its name in an explanation.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Phase::Any => "any",
            Phase::Opening => "opening",
            Phase::Closing => "closing",
            Phase::LegStart => "leg start",
            Phase::LegEnd => "leg end",
        }
    }
}

/// How a place mention hangs on the sentence.
#[derive(Clone, Debug)]
pub(crate) struct Link {
    pub trigger: usize,
    pub class: Trigger,
    pub preposition: Option<&'static str>,
}

/// How the text ties an event to the actor it places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Whose {
    /// Named (or a pronoun) before the event word, its subject.
    Subject,
    /// Named only after the event word ("… was the port where Cook anchored").
    After,
    /// The one a picture or a sighting shows ("a photo showed Kim in …").
    Depicted,
    /// The noun a relative clause hangs on ("Suryadi, who flew in from Kigali").
    Relative,
    /// No one in the sentence: the story's main subject, by default.
    Implicit,
    /// People we do not follow ("troopers searched", "his parents flew in").
    Others,
    /// No event word, or a noun ("talks in Jeddah") with no one to hang it on.
    Nobody,
}

/// What the text says against a mention being a stop of anyone: each is a cue the
/// selection weighs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is one cue, read one by one into the selection's features"
)]
pub(crate) struct Against {
    /// It overlaps a date or a name ("on May 15", "Kenji Mori").
    pub name_or_date: bool,
    /// A government, not a place ("Moscow's invasion").
    pub government: bool,
    /// It only qualifies the place after it ("the Pacific port city of Vladivostok").
    pub qualifies_next: bool,
    /// A county naming an institution ("the Bourbon County Detention Center in Paris").
    pub names_institution: bool,
    /// Where people are from ("most come from Sudan").
    pub come_from: bool,
    /// A river, sea or continent a trip is named after ("a Danube tour").
    pub names_trip: bool,
    /// It says where the place before it lies ("Khasan, … in Russia's Primorsky region").
    pub describes_another: bool,
    /// Others were asked to go ("asked the faithful to travel to Kinshasa").
    pub someone_else_asked: bool,
    /// A river or range a journey follows ("along the Danube").
    pub along: bool,
}

impl Against {
    /// True when any cue speaks against the mention.
    pub fn any(self) -> bool {
        let Against {
            name_or_date,
            government,
            qualifies_next,
            names_institution,
            come_from,
            names_trip,
            describes_another,
            someone_else_asked,
            along,
        } = self;
        name_or_date
            || government
            || qualifies_next
            || names_institution
            || come_from
            || names_trip
            || describes_another
            || someone_else_asked
            || along
    }
}

/// A resolved place mention with everything the text says about it as a stop: the event
/// word it hangs on, whose event that is, its time, status and sources, and the cues
/// against it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// The place mention.
    pub place: usize,
    /// The event word and preposition it hangs on, if any.
    pub link: Option<Link>,
    /// The part the place plays in that event.
    pub role: Role,
    /// The actors the event places, subject first; empty when no one we follow.
    pub actors: Vec<usize>,
    /// How the text ties the event to its first actor.
    pub whose: Whose,
    pub status: Status,
    /// Sources of the sentence that vouch for the event.
    pub sources: Vec<String>,
    pub time: Option<usize>,
    pub sentence: usize,
    /// Token of the event word (of the place when there is none), for text order.
    pub trigger: usize,
    pub cue: Cue,
    /// The sentence recalls an earlier, separate trip, or the event is a long stay.
    pub background: bool,
    /// Cues against it.
    pub against: Against,
    /// It is listed with the place mention before it and shares its event.
    pub coordinated: bool,
    /// Where the text says the stop falls in the journey.
    pub phase: Phase,
    /// How far and which way from the place the text puts the actor ("300 km northwest of").
    pub offset: Option<Offset>,
    /// The event word is told in the present ("is on an official visit to China"): it
    /// happens on the day of writing.
    pub present: bool,
}

/// Every resolved, non-adjectival place mention of the text as a [`Candidate`], in text
/// order.
pub(crate) fn find(doc: &Doc<'_>, cast: &Cast) -> Vec<Candidate> {
    let sources = sources_by_sentence(doc, cast);
    // at most one a mention: sized once, not doubled step by step (a book has a hundred
    // thousand mentions)
    let mut out = Vec::with_capacity(doc.places.len());
    let mut links: Vec<Option<Link>> = vec![None; doc.places.len()];
    for (p, mention) in doc.places.iter().enumerate() {
        let Some(place) = &mention.resolved else {
            continue;
        };
        if mention.adjectival {
            continue;
        }
        let tokens = doc.place_tokens(p);
        if tokens.is_empty() {
            continue;
        }
        let mut sentence = doc.sentence_range(tokens.start);
        if cites_a_publication(doc, &sentence, tokens.start) {
            continue;
        }
        let mut against = Against {
            // "on May 15", "Kenji Mori": a date or a name the geoparser took for a place.
            name_or_date: tokens.clone().any(|k| doc.time_at(k).is_some())
                || (tokens.len() == 1 && is_calendar_word(doc.low(tokens.start)))
                || cast.refs_overlapping(tokens.clone()).next().is_some(),
            ..Against::default()
        };
        // "Moscow's invasion", "Pyongyang's commitments": a government, not a place; but
        // "at New York's Kennedy airport" and "from the gates of Mendoza's park" are the
        // place.
        let located = tokens.start > sentence.start
            && (lexicon::is_locative_preposition(doc.low(tokens.start - 1))
                || (doc.low(tokens.start - 1) == "of"
                    && tokens.start - 1 > sentence.start
                    && lexicon::is_place_noun(doc.low(tokens.start - 2))));
        against.government = is_possessive(doc, &tokens) && !located;
        // "the Pacific port city of Vladivostok", "the Black Sea resort of Sochi": the
        // name only qualifies the place that follows.
        against.qualifies_next = qualifies_the_next_place(doc, &tokens, &sentence);
        // "the Bourbon County Detention Center in Paris": a county names the institution,
        // the town after it says where it is
        against.names_institution = matches!(
            place.kind,
            crate::gazetteer::PlaceKind::District | crate::gazetteer::PlaceKind::Region
        ) && tokens.end < sentence.end
            && doc.is_capitalised(tokens.end)
            && is_institution(doc.low(tokens.end))
            && (tokens.end..sentence.end.min(tokens.end + 8)).any(|k| doc.place_at(k).is_some());
        // "most come from Sudan and Eritrea": where people are from, not where they went
        against.come_from = link_from_present_come(doc, &tokens);
        // "a five-nation Danube tour", "his Asia trip": a river, sea or continent a trip is
        // named after is no stop of it
        against.names_trip = matches!(
            place.kind,
            crate::gazetteer::PlaceKind::Physical | crate::gazetteer::PlaceKind::Continent
        ) && tokens.end < sentence.end
            && is_noun_trigger(doc.low(tokens.end));
        let coordinated = coordinated_with(doc, &tokens, &sentence);
        let link = if let Some(prev) = coordinated {
            links[prev].clone()
        } else {
            against.describes_another = describes_another_place(doc, &tokens, &sentence);
            if against.describes_another {
                None
            } else {
                link_place(doc, &tokens, &sentence)
                    .or_else(|| where_clause_link(doc, &tokens, &sentence))
                    .or_else(|| {
                        // (the sentence before and this one are then read as one)
                        let (link, both) = elliptical_link(doc, &tokens, &sentence)?;
                        sentence = both;
                        Some(link)
                    })
            }
        };
        // only a mention nothing speaks against passes its event on to the list it heads
        if !against.any() {
            links[p].clone_from(&link);
        }
        let mut candidate = Candidate {
            place: p,
            link: None,
            role: Role::Presence,
            actors: Vec::new(),
            whose: Whose::Nobody,
            status: Status::Confirmed,
            sources: Vec::new(),
            time: None,
            sentence: doc.sentence_of(tokens.start),
            trigger: tokens.start,
            cue: Cue::None,
            background: false,
            against,
            coordinated: coordinated.is_some(),
            phase: phase_of(doc, &tokens, &sentence),
            present: false,
            offset: offset_of(doc, &tokens, place.kind),
        };
        if let Some(link) = link {
            candidate.against.someone_else_asked = someone_else_asked(doc, &link, &sentence, cast);
            // "a journey along the Danube": the river is the whole way, not a stop on it
            candidate.against.along = link.preposition == Some("along")
                && place.kind == crate::gazetteer::PlaceKind::Physical;
            candidate.role = match role_of(link.class, link.preposition) {
                // "flew back to Seoul", "towed back to Colombo"
                Role::Arrival if doc.low(link.trigger + 1) == "back" => Role::Return,
                role => role,
            };
            (candidate.actors, candidate.whose) = actors_of(doc, cast, &link, &tokens, &sentence);
            candidate.sources =
                sources_for(doc, &sources[doc.sentence_of(tokens.start)], link.trigger);
            let (cue, subordinate) = cue_of(doc, &sentence, link.trigger);
            let status = status_of(
                doc,
                &link,
                tokens.end,
                &sentence,
                candidate.role,
                &candidate.sources,
                subordinate,
            );
            // "after a stop in Manila": the sentence's date belongs to the main clause.
            let time = time_of(doc, &link, &tokens, &sentence)
                .filter(|&t| !subordinate || doc.time_tokens(t).start > link.trigger);
            candidate.status = if time.is_some_and(|t| after_writing(doc, t))
                && matches!(status, Status::Confirmed | Status::Reported)
            {
                Status::Expected
            } else {
                status
            };
            candidate.time = time;
            candidate.cue = cue;
            candidate.present = told_in_present(doc, &sentence, link.trigger);
            candidate.trigger = link.trigger;
            candidate.background = is_background(doc, &sentence) || long_stay(doc, link.trigger);
            candidate.link = Some(link);
        } else {
            // No event word: what the sentence says about the place all the same, read
            // from the place itself (its preposition, the nearest time, the mood).
            let preposition = tokens
                .start
                .checked_sub(1)
                .filter(|&k| k >= sentence.start)
                .and_then(|k| lexicon::locative_preposition(doc.low(k)));
            let link = Link {
                trigger: tokens.start,
                class: Trigger::Presence,
                preposition,
            };
            // without an event word, "from" is all that tells a part
            candidate.role = if link.preposition == Some("from") {
                Role::Origin
            } else {
                Role::Presence
            };
            candidate.sources =
                sources_for(doc, &sources[doc.sentence_of(tokens.start)], tokens.start);
            let (cue, subordinate) = cue_of(doc, &sentence, link.trigger);
            candidate.status = status_of(
                doc,
                &link,
                tokens.end,
                &sentence,
                candidate.role,
                &candidate.sources,
                subordinate,
            );
            candidate.time = time_of(doc, &link, &tokens, &sentence);
            candidate.cue = cue;
            candidate.background = is_background(doc, &sentence);
        }
        out.push(candidate);
    }
    out
}

/// What the words around a place say of its place in the journey: "his fourth and final
/// stop", "Manila, the last stop", "wrapped up his visit in Lima", "kicked off the tour in
/// Perth", "the first leg took them to …".
fn phase_of(doc: &Doc<'_>, tokens: &Range<usize>, sentence: &Range<usize>) -> Phase {
    let leg = |w: &str| {
        matches!(
            w,
            "stop" | "leg" | "destination" | "port" | "call" | "visit" | "stage" | "stopover"
        )
    };
    let closing_word = |k: usize| {
        let w = doc.low(k);
        (matches!(w, "final" | "last") && (k + 1..k + 3).any(|j| leg(doc.low(j))))
            || matches!(
                w,
                "wrapped"
                    | "wraps"
                    | "wrapping"
                    | "concluded"
                    | "concludes"
                    | "concluding"
                    | "ended"
                    | "ends"
                    | "ending"
                    | "finale"
            )
    };
    let opening_word = |k: usize| {
        let w = doc.low(k);
        (matches!(w, "first" | "opening") && (k + 1..k + 3).any(|j| leg(doc.low(j))))
            || (matches!(w, "kicked" | "kicks" | "kicking") && doc.low(k + 1) == "off")
            || matches!(
                w,
                "began" | "begun" | "begins" | "started" | "starts" | "starting"
            )
    };
    // the clause before the place, else a few words after it ("Manila, the fourth and final
    // stop"), not into the next verb's ("began in Jiangxi and ended in Shaanxi")
    let before: Vec<usize> = (sentence.start.max(tokens.start.saturating_sub(8))..tokens.start)
        .rev()
        .take_while(|&k| !lexicon::is_clause_break(doc.low(k)))
        .collect();
    let after: Vec<usize> = (tokens.end..sentence.end.min(tokens.end + 8))
        .take_while(|&k| {
            let next_verb = doc.low(k) == "and" && doc.pos(k + 1) == crate::text::pos::Upos::Verb;
            !(lexicon::is_clause_break(doc.low(k)) || next_verb)
        })
        .collect();
    // "have arrived in Tehran after a tour to four African countries": an arrival after
    // the journey ends it
    let arrival_before = before.iter().any(|&k| {
        doc.trigger(k)
            .is_some_and(|t| matches!(t, Trigger::Arrive | Trigger::Return))
    });
    // ("after a 16-hour trip from Manila": the hyphened length is three tokens)
    let after_journey = after.iter().take(2).any(|&k| {
        doc.low(k) == "after"
            && (k + 1..sentence.end.min(k + 7)).any(|j| lexicon::is_journey_noun(doc.low(j)))
    });
    if arrival_before && after_journey {
        return Phase::Closing;
    }
    // "Sixth Day—Saturday, Sept. 3rd Stone to Worcester,— 44 Miles": a heading with no verb
    // names the day's leg, where it began and where it ended
    // (a heading is short: a long sentence is not read again for each place in it)
    let heading = sentence.len() <= 30
        && sentence.clone().all(|k| {
            !matches!(
                doc.pos(k),
                crate::text::pos::Upos::Verb | crate::text::pos::Upos::Aux
            )
        });
    if heading {
        if tokens.start >= sentence.start + 2
            && doc.low(tokens.start - 1) == "to"
            && doc.place_at(tokens.start - 2).is_some()
        {
            return Phase::LegEnd;
        }
        if tokens.end + 1 < sentence.end
            && doc.low(tokens.end) == "to"
            && doc.place_at(tokens.end + 1).is_some()
        {
            return Phase::LegStart;
        }
    }
    // "wrapped up the 10-day visit to Cuba and the U.S.": the places a journey word lists
    // are what the journey was, not where it ended (but the last of them may be)
    let (list_start, listed) = list_of(doc, tokens, sentence);
    let content = listed >= 2
        && list_start > sentence.start + 1
        && matches!(doc.low(list_start - 1), "to" | "of")
        && lexicon::is_journey_noun(doc.low(list_start - 2))
        && !last_of_list(doc, tokens, sentence);
    if content {
        return Phase::Any;
    }
    // "the lengthy trip back to Tokyo then started", "began the journey to Lhasa": where a
    // journey that starts is going is its end, not its start
    let headed_to = tokens.start > sentence.start
        && matches!(
            doc.low(tokens.start - 1),
            "to" | "toward" | "towards" | "for" | "into"
        );
    for words in [before, after] {
        if words.iter().any(|&k| closing_word(k)) {
            return Phase::Closing;
        } else if !headed_to && words.iter().any(|&k| opening_word(k)) {
            return Phase::Opening;
        }
    }
    Phase::Any
}

/// True when the place at `at` stands in a citation of a publication before any dash
/// that ends it ("Rensselaer Republican, Volume 27, Number 47, Rensselaer, Jasper County, 25
/// July 1895 —", "Source: Salem Gazette - Salem, Massachusetts - Volume: XIII Issue: 94"):
/// where a paper was printed, not where anyone went.
fn cites_a_publication(doc: &Doc<'_>, sentence: &Range<usize>, at: usize) -> bool {
    // (a citation is a short line: a long sentence is not read again for each place in it)
    if sentence.len() > 40 {
        return false;
    }
    let volume = sentence
        .clone()
        .find(|&k| matches!(doc.low(k), "volume" | "vol"));
    let numbered = volume.is_some_and(|v| {
        (v + 1..sentence.end).any(|k| matches!(doc.low(k), "number" | "issue" | "page" | "no"))
    });
    let dash = (sentence.start..at).any(|k| matches!(doc.low(k), "—" | "–"));
    numbered && !dash
}

/// True for the last place of the list `tokens` belongs to ("… and the U.S.").
fn last_of_list(doc: &Doc<'_>, tokens: &Range<usize>, sentence: &Range<usize>) -> bool {
    let mut k = tokens.end;
    if k + 1 < sentence.end && matches!(doc.low(k), "," | "and" | "or") {
        k += 1;
        if doc.low(k) == "the" {
            k += 1;
        }
        return doc.place_at(k).is_none();
    }
    true
}

/// Words that open or end the name of an institution a county or region may be named in
/// ("Bourbon County Detention Center", "Hardin County Jail").
fn is_institution(word: &str) -> bool {
    matches!(
        word,
        "jail"
            | "prison"
            | "detention"
            | "correctional"
            | "penitentiary"
            | "hospital"
            | "medical"
            | "court"
            | "courthouse"
            | "circuit"
            | "district"
            | "sheriff's"
            | "school"
            | "college"
            | "university"
            | "museum"
            | "library"
            | "center"
            | "centre"
            | "fairgrounds"
    )
}

fn is_possessive(doc: &Doc<'_>, tokens: &Range<usize>) -> bool {
    let last = doc.word(tokens.end - 1);
    last.ends_with("'s")
        || last.ends_with("’s")
        || matches!(doc.word(tokens.end), "'s" | "’s" | "'" | "’")
}

/// True for a name followed by a few lower-case words, then "of" and another place
/// ("the Pacific port city of Vladivostok", "the Baltic port of Gdansk").
fn qualifies_the_next_place(doc: &Doc<'_>, tokens: &Range<usize>, sentence: &Range<usize>) -> bool {
    let mut k = tokens.end;
    let mut words = 0;
    while k + 1 < sentence.end && words < 4 {
        let w = doc.word(k);
        if doc.low(k) == "of" {
            return words > 0 && doc.place_at(k + 1).is_some();
        }
        if !w.chars().all(char::is_lowercase) {
            return false;
        }
        words += 1;
        k += 1;
    }
    false
}

/// The place mention this one is listed with ("Paris, Lyon and Marseille"), if any.
fn coordinated_with(
    doc: &Doc<'_>,
    tokens: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<usize> {
    let mut k = tokens.start;
    let mut joined = false;
    while k > sentence.start {
        k -= 1;
        match doc.low(k) {
            "," | "and" | "or" | "then" => joined = true,
            // "stops in Jamaica, the Cayman Islands and Mexico"
            "the" if k + 1 == tokens.start => {}
            // "reached Warsaw on March 3, and Kyiv on May 2": dates between list items
            _ if doc.time_at(k).is_some() => {}
            "on" | "by" | "around" if doc.time_at(k + 1).is_some() => {}
            _ => {
                let p = doc.place_at(k)?;
                if !joined {
                    return None;
                }
                // "Paris, France": a country after a city is its container, not a list item
                // (but "Okinawa, Singapore, Guam": a list of three is a list).
                let kind = doc.places[p].resolved.as_ref().map(|c| c.kind);
                let this = doc
                    .place_at(tokens.start)
                    .and_then(|q| doc.places[q].resolved.as_ref().map(|c| c.kind));
                if doc.low(tokens.start - 1) == ","
                    && matches!(this, Some(PlaceKind::Country | PlaceKind::Region))
                    && kind != this
                    && !in_list(doc, tokens, sentence)
                {
                    return None;
                }
                // "visit Abuja in Nigeria, Djibouti in Djibouti and Nairobi in Kenya": the
                // list goes on from the town, not from the country that places it
                let start = doc.place_tokens(p).start;
                if start >= 2
                    && start - 2 >= sentence.start
                    && doc.low(start - 1) == "in"
                    && let Some(town) = doc.place_at(start - 2)
                {
                    return Some(town);
                }
                return Some(p);
            }
        }
    }
    None
}

/// The list of places `tokens` belongs to ("Benin, The Gambia and Guinea"): its first token,
/// and how many places it has (1 for a place on its own).
pub(crate) fn list_of(
    doc: &Doc<'_>,
    tokens: &std::ops::Range<usize>,
    sentence: &std::ops::Range<usize>,
) -> (usize, usize) {
    // walk left and right over ", X", "and X", "the X"
    let mut count = 1;
    let mut k = tokens.start;
    while k > sentence.start {
        let mut j = k - 1;
        if doc.low(j) == "the" && j > sentence.start {
            j -= 1;
        }
        if !matches!(doc.low(j), "," | "and" | "or") || j == sentence.start {
            break;
        }
        let Some(p) = doc.place_at(j - 1) else {
            break;
        };
        count += 1;
        k = doc.place_tokens(p).start;
    }
    let first = k;
    let mut k = tokens.end;
    while k + 1 < sentence.end && matches!(doc.low(k), "," | "and" | "or") {
        let mut j = k + 1;
        if doc.low(j) == "the" {
            j += 1;
        }
        let Some(p) = doc.place_at(j) else {
            break;
        };
        count += 1;
        k = doc.place_tokens(p).end;
    }
    (first, count)
}

/// True for a member of a list of three places or more ("Benin, The Gambia and Guinea").
pub(crate) fn in_list(
    doc: &Doc<'_>,
    tokens: &std::ops::Range<usize>,
    sentence: &std::ops::Range<usize>,
) -> bool {
    list_of(doc, tokens, sentence).1 >= 3
}

/// True when the mention only says where a place named just before lies
/// ("Khasan, a settlement …, on the Tumen River in Russia's Primorsky region").
fn describes_another_place(doc: &Doc<'_>, tokens: &Range<usize>, sentence: &Range<usize>) -> bool {
    if in_list(doc, tokens, sentence) {
        return false;
    }
    let mut k = tokens.start;
    let mut preposition = None;
    let mut words = 0;
    while k > sentence.start {
        k -= 1;
        let w = doc.low(k);
        if let Some(p1) = doc.place_at(k) {
            if words == 0 && preposition.is_none() {
                return false;
            }
            // "the Hardin County Jail in Elizabethtown": the county names the jail, which the
            // town after it places
            let after = doc.place_tokens(p1).end;
            if after < tokens.start && doc.is_capitalised(after) && is_institution(doc.low(after)) {
                return false;
            }
            // "Lebanon, Tennessee, east of Nashville": the state only qualifies the town
            let first = doc.place_tokens(p1).start;
            let p1 = match first.checked_sub(2) {
                Some(j) if j >= sentence.start && doc.low(j + 1) == "," => {
                    doc.place_at(j).unwrap_or(p1)
                }
                _ => p1,
            };
            // "struck Cuba near Havana": a town does not describe the country before it.
            let broad = |p: Option<usize>| {
                p.and_then(|p| doc.places[p].resolved.as_ref())
                    .is_some_and(|c| {
                        matches!(
                            c.kind,
                            PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent
                        )
                    })
            };
            let wide = broad(Some(p1))
                || doc.places[p1]
                    .resolved
                    .as_ref()
                    .is_some_and(|c| c.kind == PlaceKind::Physical);
            if wide && !broad(doc.place_at(tokens.start)) {
                return false;
            }
            return preposition.is_some_and(lexicon::is_descriptive_preposition)
                || (preposition.is_none() && doc.low(tokens.start - 1) == ",")
                || doc.low(tokens.start - 1) == "(";
        }
        if matches!(
            w,
            "and" | "or" | "then" | "before" | "after" | "later" | ";"
        ) || doc.trigger(k).is_some_and(|t| t != Trigger::Adjacent)
            || lexicon::is_reporting_verb(w)
        {
            return false;
        }
        if preposition.is_none() && lexicon::is_locative_preposition(w) || w == "of" {
            preposition.get_or_insert(w);
            // "across the river from El Paso", "20 miles from the border"
            let relative = w == "from"
                && (k.saturating_sub(4)..k).any(|j| {
                    matches!(
                        doc.low(j),
                        "across" | "away" | "km" | "kilometers" | "kilometres" | "miles" | "far"
                    )
                });
            if !lexicon::is_descriptive_preposition(w) && !relative {
                return false;
            }
            if relative {
                preposition = Some("near");
            }
        }
        words += 1;
        if words > 12 {
            return false;
        }
    }
    false
}

/// True when the event word at `trigger` is told in the present: "is visiting", "is on an
/// official visit to", "are in" — not "is expected to", "is due", "is set to".
fn told_in_present(doc: &Doc<'_>, sentence: &Range<usize>, trigger: usize) -> bool {
    let from = sentence.start.max(trigger.saturating_sub(5));
    let Some(be) = (from..trigger)
        .rev()
        .find(|&k| matches!(doc.low(k), "is" | "are" | "am"))
    else {
        return matches!(doc.low(trigger), "visits" | "tours" | "arrives" | "lands");
    };
    !(be + 1..=trigger).any(|k| {
        matches!(
            doc.low(k),
            "expected"
                | "due"
                | "set"
                | "scheduled"
                | "to"
                | "going"
                | "planning"
                | "being"
                | "not"
                | "been"
        )
    })
}

/// True when the place follows "come from" or "comes from" (a few words before, over a
/// list): the present tense tells where people are from.
fn link_from_present_come(doc: &Doc<'_>, tokens: &Range<usize>) -> bool {
    (tokens.start.saturating_sub(8)..tokens.start).any(|k| {
        matches!(doc.low(k), "come" | "comes" | "hail" | "hails") && doc.low(k + 1) == "from"
    })
}

/// "… to Vaishali, where she arrived on Jan. 24": an event word of the "where" clause
/// after a place the sentence does not otherwise tie to an event.
fn where_clause_link(
    doc: &Doc<'_>,
    tokens: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<Link> {
    let at = tokens.end;
    // the clause's subject is the traveller's pronoun or name ("where insurgents
    // ambushed two trucks" is someone else's)
    if !(at + 2 < sentence.end
        && doc.low(at) == ","
        && doc.low(at + 1) == "where"
        && (matches!(doc.low(at + 2), "he" | "she" | "they" | "it" | "we")
            || (doc.is_capitalised(at + 2) && doc.place_at(at + 2).is_none())))
    {
        return None;
    }
    (at + 2..sentence.end.min(at + 7))
        .take_while(|&k| doc.place_at(k).is_none() && !matches!(doc.low(k), "," | ";"))
        .find_map(|k| {
            doc.trigger(k)
                .filter(|&class| class != Trigger::Adjacent)
                .map(|class| Link {
                    trigger: k,
                    class,
                    preposition: Some("in"),
                })
        })
}

/// "For the next three days I walked fast and alone. Thirty km a day to Cajarc, to
/// Vaylats, to Cahors.": a short sentence with no verb of its own, whose place follows "to"
/// or "via", goes on with the journey the sentence before it ends with, in the same
/// paragraph. Returns the link to that journey's verb and the two sentences' tokens.
fn elliptical_link(
    doc: &Doc<'_>,
    tokens: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<(Link, Range<usize>)> {
    let before = tokens
        .start
        .checked_sub(1)
        .filter(|&k| k >= sentence.start)?;
    let (class, preposition) = match doc.low(before) {
        "to" | "onto" => (Trigger::Move, "to"),
        "via" => (Trigger::Waypoint, "via"),
        _ => return None,
    };
    // (a fragment is short: a long sentence is not read again for each place in it)
    let verbless = sentence.len() <= ELLIPSIS_WORDS
        && sentence.clone().all(|k| {
            !matches!(
                doc.pos(k),
                crate::text::pos::Upos::Verb | crate::text::pos::Upos::Aux
            )
        });
    let s = doc.sentence_of(tokens.start);
    let previous = doc.sentence_tokens.get(s.checked_sub(1)?)?.clone();
    let gap = doc
        .text
        .get(doc.sentence_spans.get(s - 1)?.end..doc.sentence_spans.get(s)?.start)?;
    if !verbless || gap.contains('\n') {
        return None;
    }
    let verb = (previous
        .start
        .max(previous.end.saturating_sub(ELLIPSIS_WORDS))..previous.end)
        .rev()
        .find(|&k| matches!(doc.trigger(k), Some(Trigger::Move | Trigger::Intend)))?;
    Some((
        Link {
            trigger: verb,
            class,
            preposition: Some(preposition),
        },
        previous.start..sentence.end,
    ))
}

/// How many words a verbless fragment, and the end of the sentence it goes on from, may hold.
const ELLIPSIS_WORDS: usize = 40;

/// Finds the preposition or verb before a place mention and the event word governing it.
fn link_place(doc: &Doc<'_>, tokens: &Range<usize>, sentence: &Range<usize>) -> Option<Link> {
    let mut j = tokens.start;
    let mut steps = 0;
    let preposition_at = loop {
        if j <= sentence.start || steps > 6 {
            return None;
        }
        j -= 1;
        steps += 1;
        let w = doc.low(j);
        if w == "of" {
            let before = if j > sentence.start {
                doc.low(j - 1)
            } else {
                ""
            };
            if lexicon::is_direction(before) {
                // "about 300 kilometres northwest of Apia": the geometry moves the point
                j -= 1;
                break j;
            }
            if lexicon::is_place_noun(before) {
                continue;
            }
            // "a tour of the United States, Canada and Mexico": the journey's own places
            if matches!(
                before,
                "tour" | "tours" | "visit" | "visits" | "trip" | "journey" | "swing" | "circuit"
            ) {
                return Some(Link {
                    trigger: j - 1,
                    class: Trigger::Presence,
                    preposition: Some("in"),
                });
            }
            return None;
        }
        if lexicon::is_locative_preposition(w) {
            break j;
        }
        if let Some(class) = doc.trigger(j)
            && takes_place_object(class, w)
        {
            return Some(Link {
                trigger: j,
                class,
                preposition: None,
            });
        }
        let filler = lexicon::is_np_filler(w)
            // "visit African countries Benin, The Gambia and Guinea", "stops in several towns
            // including Penzance": a kind of place and its instances
            || lexicon::is_place_kind_plural(w)
            || matches!(w, "including" | "several" | "many" | "other" | "such" | "as" | "namely")
            // "on the east side of Idabel"
            || lexicon::is_direction(w)
            || doc.is_capitalised(j)
            || doc.is_number(j)
            || matches!(
                w,
                "-" | "km" | "kilometers" | "kilometres" | "miles" | "about"
            )
            // "set sail from Cai Mep, Vietnam": the country of a port the gazetteer lacks
            // stands in for it
            || (w == ","
                && j + 1 == tokens.start
                && j > sentence.start
                && doc.is_capitalised(j - 1)
                && doc.place_at(j - 1).is_none()
                && doc.time_at(j - 1).is_none());
        if !filler {
            return None;
        }
    };
    if doc.low(preposition_at) == "to"
        && preposition_at > 0
        && doc.low(preposition_at - 1) == "according"
    {
        return None;
    }
    // "talks on Gaza reconstruction": a topic
    if matches!(doc.low(preposition_at), "on" | "about" | "over")
        && preposition_at > sentence.start
        && lexicon::is_topic_noun(doc.low(preposition_at - 1))
    {
        return None;
    }
    // (a compass word before "of" is "near": "300 kilometres northwest of Apia")
    let preposition = lexicon::locative_preposition(doc.low(preposition_at)).unwrap_or("near");
    // "via X" is a waypoint of the journey its verb tells ("flew to Geneva via Doha").
    if preposition == "via" {
        let verb = (sentence.start.max(preposition_at.saturating_sub(12))..preposition_at)
            .rev()
            .find(|&k| {
                matches!(
                    doc.trigger(k),
                    Some(
                        Trigger::Move
                            | Trigger::Arrive
                            | Trigger::Depart
                            | Trigger::Intend
                            | Trigger::Return
                    )
                )
            });
        return Some(Link {
            trigger: verb.unwrap_or(preposition_at),
            class: Trigger::Waypoint,
            preposition: Some(preposition),
        });
    }
    let floor = sentence.start.max(preposition_at.saturating_sub(16));
    let mut k = preposition_at;
    let mut comma = false;
    while k > floor {
        k -= 1;
        let w = doc.low(k);
        if lexicon::is_clause_break(w) && !joins_modifiers(doc, k) {
            break;
        }
        if w == "," {
            comma = true;
            // "When he failed to return, rangers launched a search from Healy": a new
            // subject and verb after the comma start the clause the place is in.
            let (word, verb) = (doc.low(k + 1), doc.low(k + 2));
            if k + 2 < preposition_at
                && word.chars().all(char::is_alphabetic)
                && !word.is_empty()
                && lexicon::trigger(word).is_none()
                && !matches!(word, "then" | "and" | "later" | "before" | "after")
                && verb.len() > 4
                && verb.ends_with("ed")
                && lexicon::trigger(verb).is_none()
            {
                break;
            }
        }
        // "visit Bamako, citing the situation in Mali": past another place and a comma,
        // the clause has moved on.
        if comma && doc.place_at(k).is_some() {
            break;
        }
        // "a trip to Angola to monitor the storm from Washington": an infinitive that is
        // no event word starts a clause of its own.
        if w == "to"
            && k + 1 < preposition_at
            && doc.place_at(k + 1).is_none()
            && !lexicon::is_np_filler(doc.low(k + 1))
            && doc.trigger(k + 1).is_none()
            && !doc.is_capitalised(k + 1)
            && !doc.is_number(k + 1)
        {
            break;
        }
        // "The tour will end in Berlin": the journey's own verb, its noun close before.
        if lexicon::is_journey_phase(w)
            && (floor.max(k.saturating_sub(5))..k)
                .rev()
                .take_while(|&i| !lexicon::is_clause_break(doc.low(i)) && doc.low(i) != ",")
                .any(|i| lexicon::is_journey_noun(doc.low(i)))
        {
            return Some(Link {
                trigger: k,
                class: Trigger::Presence,
                preposition: Some(preposition),
            });
        }
        let Some(class) = doc.trigger(k) else {
            continue;
        };
        if matches!(w, "play" | "plays" | "played" | "playing")
            && (k + 1..preposition_at).any(|i| lexicon::is_part_played(doc.low(i)))
        {
            continue;
        }
        // "cast off from Suva", not "cast doubt on"
        if w == "cast" && doc.low(k + 1) != "off" {
            continue;
        }
        let adjacent = k + 1 == preposition_at
            || (k + 2 == preposition_at
                && matches!(
                    doc.low(k + 1),
                    "still" | "already" | "back" | "once" | "briefly"
                ));
        match class {
            Trigger::Adjacent if !adjacent => {}
            Trigger::Intend if w == "route" && doc.low(k.saturating_sub(1)) != "en" => {}
            Trigger::Intend if matches!(w, "way" | "due") && !adjacent => {}
            _ => {
                return Some(Link {
                    trigger: k,
                    class,
                    preposition: Some(preposition),
                });
            }
        }
    }
    // "a camera in Twin Falls recorded him", "a camera in Paris, Texas, recorded a man
    // matching his description": a verb of seeing soon after the place.
    let seen_after = (tokens.end..sentence.end.min(tokens.end + 5))
        .take_while(|&k| !lexicon::is_clause_break(doc.low(k)))
        .find(|&k| {
            matches!(
                doc.low(k),
                "recorded" | "filmed" | "photographed" | "showed" | "captured" | "spotted" | "saw"
            )
        });
    if let Some(k) = seen_after
        && (k + 1..(k + 4).min(sentence.end)).any(|i| {
            matches!(
                doc.low(i),
                "him" | "her" | "them" | "it" | "man" | "woman" | "suspect" | "fugitive"
            )
        })
    {
        return Some(Link {
            trigger: k,
            class: Trigger::Presence,
            preposition: Some(preposition),
        });
    }
    // A fronted place: "In Manila he also visited a base", "In Tapachula Lopez applied".
    let fronted = preposition_at == sentence.start
        || (preposition_at == sentence.start + 1 && lexicon::is_after_cue(doc.low(sentence.start)));
    if fronted {
        let mut k = tokens.end;
        while k < sentence.end && k < tokens.end + 6 {
            let w = doc.low(k);
            if lexicon::is_clause_break(w) || (w == "," && k > tokens.end) {
                break;
            }
            if let Some(class) = doc.trigger(k)
                && class != Trigger::Adjacent
                && !matches!(class, Trigger::Intend)
            {
                return Some(Link {
                    trigger: k,
                    class: if matches!(class, Trigger::Move | Trigger::Depart | Trigger::Arrive) {
                        Trigger::Presence
                    } else {
                        class
                    },
                    preposition: Some(preposition),
                });
            }
            k += 1;
        }
    }
    None
}

/// True when the "but" at `k` joins two words describing one noun, inside a noun phrase
/// ("played to a soaked but sold-out crowd in Valdivia"), not two clauses.
fn joins_modifiers(doc: &Doc<'_>, k: usize) -> bool {
    doc.low(k) == "but"
        && k >= 2
        && !doc.is_capitalised(k - 1)
        && matches!(
            doc.low(k - 2),
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our"
        )
}

/// True when token `k` stands at most two words into its clause, where a subject stands
/// ("Troopers set up", "then the police searched"), not after a verb ("a boat carrying 60
/// migrants capsized").
fn opens_clause(doc: &Doc<'_>, k: usize, sentence: &Range<usize>) -> bool {
    (sentence.start.max(k.saturating_sub(2))..=k).any(|i| {
        i == sentence.start
            || matches!(doc.low(i - 1), "," | ";" | "and" | "but" | "then" | "that")
            // "officials said helicopters would …"
            || lexicon::is_reporting_verb(doc.low(i - 1))
    })
}

/// The "who", "that" or "which" whose clause `trigger` is the verb of, with at most two
/// helpers or adverbs between ("who still owns", "that had attended").
fn relative_pronoun_before(
    doc: &Doc<'_>,
    trigger: usize,
    sentence: &Range<usize>,
) -> Option<usize> {
    for k in (sentence.start.max(trigger.saturating_sub(3))..trigger).rev() {
        let w = doc.low(k);
        if matches!(w, "who" | "that" | "which") {
            return Some(k);
        }
        // only helpers and adverbs between: "said that he arrived" has its own subject
        if !matches!(
            w,
            "still"
                | "later"
                | "also"
                | "then"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "would"
                | "will"
                | "first"
                | "recently"
                | "reportedly"
                | "just"
                | "again"
                | "briefly"
                | "only"
                | "once"
                | "never"
                | "not"
        ) {
            return None;
        }
    }
    None
}

/// True when the event is one others were asked or told to make ("asked the faithful to
/// travel to Kinshasa"), with no actor of ours between.
fn someone_else_asked(doc: &Doc<'_>, link: &Link, sentence: &Range<usize>, cast: &Cast) -> bool {
    if link.trigger == 0 || doc.low(link.trigger - 1) != "to" {
        return false;
    }
    let from = sentence.start.max(link.trigger.saturating_sub(8));
    (from..link.trigger).any(|k| {
        matches!(
            doc.low(k),
            "asked"
                | "urged"
                | "told"
                | "invited"
                | "ordered"
                | "allowed"
                | "encouraged"
                | "advised"
                | "warned"
                | "called"
                | "forced"
                | "persuaded"
                | "begged"
        ) && cast.refs_in(k + 1..link.trigger).next().is_none()
    })
}

/// True for event words that take the place as their object ("visited Paris", "left Moscow").
fn takes_place_object(class: Trigger, word: &str) -> bool {
    match class {
        Trigger::Arrive => matches!(
            word,
            "reach"
                | "reached"
                | "reaches"
                | "reaching"
                | "enter"
                | "entered"
                | "enters"
                | "entering"
        ),
        Trigger::Depart => matches!(
            word,
            "leave"
                | "left"
                | "leaves"
                | "leaving"
                | "fled"
                | "flee"
                | "flees"
                | "fleeing"
                | "departed"
                | "departs"
                | "depart"
                | "departing"
                | "evacuated"
        ),
        Trigger::Presence | Trigger::Waypoint => !matches!(
            word,
            "talks"
                | "held"
                | "hold"
                | "holds"
                | "holding"
                | "spent"
                | "stopped"
                | "stop"
                | "stops"
                | "passing"
                | "called"
                | "shows"
                | "showed"
                | "shown"
                | "laid"
                | "signed"
                | "addressed"
                // "played Spain" is the other side, not the place
                | "play"
                | "plays"
                | "played"
                | "playing"
        ),
        Trigger::Move => matches!(word, "crossed" | "cross" | "crosses" | "crossing" | "swept"),
        _ => false,
    }
}

fn role_of(class: Trigger, preposition: Option<&str>) -> Role {
    let toward = matches!(
        preposition,
        Some("to" | "into" | "onto" | "toward" | "towards" | "for")
    );
    let from = matches!(preposition, Some("from"));
    let through = matches!(preposition, Some("via" | "through" | "past"));
    if from {
        return Role::Origin;
    }
    match class {
        Trigger::Intend => Role::Intended,
        Trigger::Divert => Role::Diverted,
        Trigger::Return => Role::Return,
        _ if through => Role::Waypoint,
        Trigger::Depart if toward => Role::Intended,
        // "sailed for Samoa", "set course for Jebel Ali": the way it was heading
        Trigger::Move if preposition == Some("for") => Role::Intended,
        Trigger::Depart => Role::Origin,
        Trigger::Waypoint => Role::Waypoint,
        Trigger::Arrive | Trigger::Move => Role::Arrival,
        Trigger::Presence | Trigger::Meet | Trigger::Adjacent => {
            if toward {
                Role::Arrival
            } else {
                Role::Presence
            }
        }
    }
}

/// The actors an event places: the subject of the event word, and for meetings and
/// pictures the people named between the word and the place.
fn actors_of(
    doc: &Doc<'_>,
    cast: &Cast,
    link: &Link,
    tokens: &Range<usize>,
    sentence: &Range<usize>,
) -> (Vec<usize>, Whose) {
    let mut out = Vec::new();
    let depicting = matches!(
        doc.low(link.trigger),
        "showed"
            | "shown"
            | "shows"
            | "pictured"
            | "photographed"
            | "filmed"
            | "seen"
            | "spotted"
            | "sighted"
            // what is found, tracked or caught was there: "tracked a shark off Lyon"
            | "tracked"
            | "detected"
            | "tagged"
            | "found"
            | "located"
    );
    let between: Vec<usize> = cast
        .refs_in(link.trigger + 1..tokens.start)
        .map(|r| r.actor)
        .collect();
    if depicting && let Some(&a) = between.first() {
        out.push(a);
        return (out, Whose::Depicted);
    }
    // whoever is carried moves: "the tour, which also took him to Japan", "a helicopter
    // brought them to Kalaeloa", "the air force flew the student to Dubai"
    let carrying = matches!(
        doc.low(link.trigger),
        "took"
            | "takes"
            | "taking"
            | "brought"
            | "brings"
            | "bringing"
            | "carried"
            | "carries"
            | "carrying"
            | "flew"
            | "ferried"
            | "whisked"
            | "transported"
            | "drove"
    );
    if carrying
        && let Some(r) = cast
            .refs_in(link.trigger + 1..tokens.start)
            .find(|r| r.tokens.start <= link.trigger + 3)
    {
        return (vec![r.actor], Whose::Subject);
    }
    // A relative clause's subject is the noun it hangs on: "Suryadi, who flew in from
    // Kigali" is Suryadi's; "a woman in Adre who walked from El Geneina" and "the nations
    // that attended" are no one's we follow.
    if let Some(rel) = relative_pronoun_before(doc, link.trigger, sentence)
        && rel > sentence.start
    {
        let mut antecedent = rel - 1;
        if doc.low(antecedent) == "," && antecedent > sentence.start {
            antecedent -= 1;
        }
        if let Some(r) = cast.refs_overlapping(antecedent..antecedent + 1).next() {
            out.push(r.actor);
            return (out, Whose::Relative);
        }
        return (out, Whose::Others);
    }
    // "a trip to Warsaw by the foreign minister": a journey named by its noun, made by
    // someone the "by" after it names, who is not one we follow
    if is_noun_trigger(doc.low(link.trigger))
        && let Some(by) =
            (tokens.end..sentence.end.min(tokens.end + 4)).find(|&k| doc.low(k) == "by")
    {
        let agent = cast
            .refs_starting_in(by + 1..by + 4)
            .first()
            .map(|r| r.actor);
        match agent {
            Some(a) => return (vec![a], Whose::Subject),
            None if (by + 1..sentence.end.min(by + 4))
                .any(|k| lexicon::is_person_role(doc.low(k)) || lexicon::is_title(doc.low(k))) =>
            {
                return (out, Whose::Others);
            }
            None => {}
        }
    }
    // "Troopers set up checkpoints near Durant": a group of people we do not follow, unless
    // what they moved or saw is someone's ("officers had tracked his convoy").
    // ("helicopters would be deployed from Warsaw": over the helpers of a verb)
    let mut subject_end = link.trigger;
    while subject_end > sentence.start
        && matches!(
            doc.low(subject_end - 1),
            "would"
                | "will"
                | "be"
                | "been"
                | "being"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "could"
                | "may"
                | "might"
                | "to"
        )
    {
        subject_end -= 1;
    }
    if (sentence.start.max(subject_end.saturating_sub(2))..subject_end)
        .any(|k| lexicon::is_other_agent(doc.low(k)) && opens_clause(doc, k, sentence))
        && !matches!(doc.low(link.trigger + 1), "his" | "her" | "their" | "its")
    {
        return (out, Whose::Others);
    }
    // "the singer whose grandparents fled Anatolia": the event is the grandparents'.
    if (sentence.start.max(link.trigger.saturating_sub(16))..link.trigger)
        .rev()
        .take_while(|&k| !lexicon::is_clause_break(doc.low(k)) && doc.low(k) != ",")
        .any(|k| doc.low(k) == "whose")
    {
        return (out, Whose::Others);
    }
    // The nearest actor before the event word, passing over speakers ("Taha said
    // officers had tracked his convoy"), unless the word is their own ("Putin said in").
    let before: Vec<&super::traveller::Ref> = cast
        .refs_starting_in(sentence.start..link.trigger)
        .iter()
        .rev()
        .collect();
    // "His parents flew in from Portland": the subject is someone we do not follow.
    if before.first().is_some_and(|r| {
        let clause_start = r.tokens.start == sentence.start
            || matches!(
                doc.low(r.tokens.start - 1),
                "," | ";" | "but" | "while" | "when"
            );
        clause_start && link.trigger <= r.tokens.end + 3 && owner_of_someone_else(doc, &r.tokens)
    }) {
        return (out, Whose::Others);
    }
    let subject = before
        .into_iter()
        .find(|r| {
            let next = r.tokens.end;
            (!lexicon::is_reporting_verb(doc.low(next)) || next == link.trigger)
                && !owner_of_someone_else(doc, &r.tokens)
        })
        .map(|r| (r.actor, Whose::Subject))
        .or_else(|| {
            cast.refs_in(link.trigger + 1..sentence.end)
                .find(|r| {
                    (r.tokens.start >= tokens.end || r.tokens.end <= tokens.start)
                        && !is_possessive(doc, &r.tokens)
                        && !matches!(
                            doc.low(r.tokens.start),
                            "him" | "her" | "them" | "it" | "its" | "their" | "his"
                        )
                })
                .map(|r| (r.actor, Whose::After))
        })
        .or_else(|| {
            // No one in the sentence: the story's subject, if the event word is a verb
            // ("arrange talks in Jeddah" is nobody's stop).
            if is_noun_trigger(doc.low(link.trigger)) {
                None
            } else {
                Some((cast.main_actor().unwrap_or(usize::MAX), Whose::Implicit))
            }
        });
    let Some((subject, whose)) = subject else {
        return (out, Whose::Nobody);
    };
    out.push(subject);
    if link.class == Trigger::Meet {
        for a in between {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    (out, whose)
}

/// True for "his parents", "the captain's wife": a possessive that names someone other
/// than its owner. "his first trip", "Lindbergh's flight", "his train" stay the owner's.
fn owner_of_someone_else(doc: &Doc<'_>, tokens: &Range<usize>) -> bool {
    let last = doc.low(tokens.end - 1);
    let possessive = tokens.len() == 1 && matches!(last, "his" | "her" | "its" | "their")
        || is_possessive(doc, tokens);
    possessive
        && !(tokens.end..tokens.end + 2).any(|k| {
            is_noun_trigger(doc.low(k))
                || lexicon::is_carrier_word(doc.low(k))
                || lexicon::is_group_word(doc.low(k))
                || lexicon::is_ship_word(doc.low(k))
                || lexicon::is_aircraft_word(doc.low(k))
        })
}

pub(crate) fn is_noun_trigger(word: &str) -> bool {
    matches!(
        word,
        "trip"
            | "tour"
            | "tours"
            | "visit"
            | "visits"
            | "journey"
            | "flight"
            | "voyage"
            | "arrival"
            | "departure"
            | "talks"
            | "meeting"
            | "stop"
            | "stopover"
            | "entry"
            | "return"
            | "crossing"
            | "diversion"
            | "route"
            | "way"
            | "concert"
            | "concerts"
            | "gig"
            | "gigs"
            | "recital"
    )
}

fn status_of(
    doc: &Doc<'_>,
    link: &Link,
    place_end: usize,
    sentence: &Range<usize>,
    role: Role,
    sources: &[String],
    subordinate: bool,
) -> Status {
    // "would fly to Anchorage … before returning to Washington": a subordinate event
    // shares the mood of its main clause.
    let reach = if subordinate { 20 } else { 6 };
    let from = sentence.start.max(link.trigger.saturating_sub(reach));
    let mut negated = false;
    let mut conjecture = false;
    let mut expected = role == Role::Intended;
    for k in from..link.trigger {
        if doc.time_at(k).is_some() {
            continue;
        }
        let w = doc.low(k);
        if lexicon::is_clause_break(w) || (!subordinate && (w == "," || w == "and")) {
            negated = false;
            conjecture = false;
            // "would continue east, passing north of the Bahamas": a participle keeps the mood.
            if !doc.low(link.trigger).ends_with("ing") || w != "," {
                expected = role == Role::Intended;
            }
            continue;
        }
        // "turned down offers to", "instead of going", "rather than fly"
        let next = doc.low(k + 1);
        // "investigators suspected he would head for Ciudad del Este" (but "he is believed
        // to have fled to Syria" reports)
        conjecture |= lexicon::is_conjecture(w)
            && !matches!(
                doc.low(k.saturating_sub(1)),
                "is" | "was" | "are" | "were" | "been" | "be" | "widely"
            )
            && (role == Role::Intended
                || (k + 1..link.trigger)
                    .any(|j| matches!(doc.low(j), "would" | "might" | "could")));
        // "investigators suspect he intended to fly from São Paulo to Madrid"
        conjecture |= lexicon::is_present_conjecture(w)
            && (k + 1..link.trigger).any(|j| {
                matches!(
                    doc.low(j),
                    "would" | "might" | "could" | "intended" | "planned" | "meant"
                )
            });
        negated |= lexicon::is_negation(w)
            || (matches!(w, "turned" | "turns" | "turning" | "turn") && next == "down")
            || (w == "instead" && next == "of")
            || (w == "rather" && next == "than");
        expected |= lexicon::is_expectation(w)
            || (w == "to"
                && k + 1 == link.trigger
                && matches!(
                    doc.low(k.saturating_sub(1)),
                    "set" | "going" | "due" | "want" | "wants"
                ));
    }
    // "a planned stop in Nairobi had been dropped"
    // ("the calls at Mundra and Jebel Ali have been cancelled": over a coordinated place)
    let mut end = place_end;
    while end + 1 < sentence.end
        && doc.low(end) == "and"
        && let Some(next) = doc.place_at(end + 1)
    {
        end = doc.place_tokens(next).end;
    }
    let cancelled = (end..sentence.end.min(end + 5))
        .take_while(|&k| !matches!(doc.low(k), "," | ";" | "where" | "and" | "but"))
        .any(|k| lexicon::is_called_off(doc.low(k)));
    // "planned to cross at Vidin, but the visit was postponed", "tips that he was heading
    // for Utah, but those leads turned out to be false"
    let later_called_off = (place_end..sentence.end)
        .position(|k| matches!(doc.low(k), "but" | "however"))
        .is_some_and(|at| {
            let from = place_end + at + 1;
            (from..sentence.end.min(from + 8)).any(|k| {
                let w = doc.low(k);
                lexicon::is_called_off(w) || lexicon::is_refuted(w)
            })
        });
    // "postponed a trip to Germany", "cancelled his visit to Lyon"
    // ("the voyage has been cancelled, including planned calls at Apia")
    let called_off = (is_noun_trigger(doc.low(link.trigger))
        || matches!(doc.low(link.trigger), "call" | "calls"))
        && (link.trigger.saturating_sub(5).max(sentence.start)..link.trigger).any(|k| {
            let w = doc.low(k);
            lexicon::is_called_off(w)
                || matches!(
                    w,
                    "delayed"
                        | "abandon"
                        | "cancel"
                        | "postpone"
                        | "scrap"
                        | "skip"
                        | "skipped"
                        | "off"
                )
        });
    // a trip made is not undone by what was called off after it ("flew to Kraków but
    // cancelled its concert in Warsaw"); a plan is ("planned to cross at Vidin, but …")
    let later_called_off = later_called_off && expected;
    if negated || conjecture || cancelled || called_off || later_called_off {
        Status::Denied
    } else if expected {
        Status::Expected
    } else if !sources.is_empty() {
        Status::Reported
    } else {
        Status::Confirmed
    }
}

/// The time expression of the sentence nearest the event word or the place.
fn time_of(
    doc: &Doc<'_>,
    link: &Link,
    tokens: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<usize> {
    let mut best: Option<(usize, (usize, usize))> = None;
    let mut k = sentence.start;
    while k < sentence.end {
        if let Some(t) = doc.time_at(k) {
            let expr = &doc.times[t];
            let r = doc.time_tokens(t);
            let usable = matches!(
                expr.kind,
                crate::time::TimexType::Date | crate::time::TimexType::Time
            ) && (expr.earliest.is_some()
                || names_a_calendar_day(&expr.value)
                || crate::time::weekday_of(&expr.value).is_some());
            // "the first hurricane to hit Jamaica directly since 1951": the time of an
            // earlier event the comparison counts from
            let since_first = r.start > sentence.start
                && doc.low(r.start - 1) == "since"
                && (sentence.start..r.start).any(|j| matches!(doc.low(j), "first" | "last"));
            if usable && !since_first && !time_of_another_clause(doc, &r, link.trigger) {
                let mut d = distance(&r, link.trigger).min(distance(&r, tokens.start));
                // "slipped away from a hospital in Pendleton last weekend was arrested on
                // Wednesday at a motel in Yakima": a time right after another place, before
                // the event word of a place after it, is the other place's
                if r.end <= link.trigger
                    && link.trigger < tokens.start
                    && follows_place(doc, sentence, r.start)
                {
                    d += 4;
                }
                // "an inmate who escaped from a jail over the weekend was arrested on
                // Wednesday": the relative clause's time is its own verb's
                if r.end <= link.trigger && in_relative_clause(doc, sentence, r.start) {
                    d += 4;
                }
                // of two as near the event word, the one nearer the place ("began in May
                // 1932 in Nairobi and ended in August 1932 in Cairo")
                let d = (d, distance(&r, tokens.start));
                if best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((t, d));
                }
            }
            k = r.end.max(k + 1);
        } else {
            k += 1;
        }
    }
    best.map(|(t, _)| t)
}

/// True when the time at `time` is another clause's than that of the event word at
/// `trigger`, before it: a report's of what was said ("the ministry in a statement on
/// Wednesday quoted Amr as saying that his visit to China…", not "two days later a ranch
/// hand reported seeing him near Idaho Falls"), or the main clause's when the event word is in a
/// relative clause ("left Seoul late Tuesday, ending a tour during which he visited
/// China"). A report's time after the event ("brought them to Bangkok, officials said
/// Thursday") still dates it: news reports what has just happened.
fn time_of_another_clause(doc: &Doc<'_>, time: &Range<usize>, trigger: usize) -> bool {
    let between = || (time.end..trigger).map(|k| doc.low(k));
    time.end <= trigger
        && (between().any(|w| matches!(w, "which" | "who"))
            || (between().any(|w| lexicon::is_reporting_verb(w) || w == "statement")
                && between().any(|w| matches!(w, "that" | "saying"))))
}

/// True when token `at` follows "who" or "which" and the verb of that relative clause
/// ("who escaped from a jail over the weekend").
fn in_relative_clause(doc: &Doc<'_>, sentence: &Range<usize>, at: usize) -> bool {
    (sentence.start..at)
        .rev()
        .take_while(|&k| !matches!(doc.low(k), "," | ";"))
        .find(|&k| matches!(doc.low(k), "who" | "which"))
        .is_some_and(|rel| {
            (rel + 1..at).any(|j| {
                let w = doc.low(j);
                doc.trigger(j).is_some() || (w.len() > 4 && w.ends_with("ed"))
            })
        })
}

/// True when the token before `start`, or before the preposition there, is a place:
/// "Pendleton last weekend", "Paraguay at the weekend".
fn follows_place(doc: &Doc<'_>, sentence: &Range<usize>, start: usize) -> bool {
    let before = |k: usize| k > sentence.start && doc.place_at(k - 1).is_some();
    before(start)
        || (start > sentence.start
            && matches!(doc.low(start - 1), "at" | "on" | "in" | "during" | "over")
            && before(start - 1))
}

/// True for a TIMEX3 value that names a month or a day of the calendar even though its year
/// is unknown ("September 12" in an article with no dateline is `XXXX-09-12`): it still dates
/// the stop for a reader. Values with nothing calendar-like left (`XXXX-WXX-2`, `PRESENT_REF`)
/// are not.
fn names_a_calendar_day(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("XXXX-") else {
        return false;
    };
    let date = rest.split('T').next().unwrap_or_default();
    let mut parts = date.split('-');
    let numeric = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(numeric) && parts.all(numeric)
}

fn distance(r: &Range<usize>, i: usize) -> usize {
    if i < r.start {
        r.start - i
    } else if i >= r.end {
        i + 1 - r.end
    } else {
        0
    }
}

/// The narrative cue of an event, and whether the event sits in a subordinate phrase
/// ("after a stop in Manila", "before returning to Tokyo") that orders it against the
/// sentence's main event.
fn cue_of(doc: &Doc<'_>, sentence: &Range<usize>, trigger: usize) -> (Cue, bool) {
    for k in trigger.saturating_sub(3).max(sentence.start)..trigger {
        if doc.place_at(k).is_some() || doc.low(k) == "," {
            continue;
        }
        match doc.low(k) {
            "after" | "following" => return (Cue::Before, true),
            "before" | "ahead" => return (Cue::After, true),
            _ => {}
        }
    }
    // "after a 16-hour trip from Manila", "following his first state visit to Japan": the
    // word heads a noun phrase whose modifiers put it further from the event noun (not a
    // clause: "not long before the fat merchantman El Faro pulled out of Jacksonville")
    let noun = doc.pos(trigger) == Upos::Noun;
    let mut k = trigger;
    while noun && k > sentence.start && trigger - k < SUBORDINATE_REACH {
        k -= 1;
        match doc.low(k) {
            "after" | "following" => return (Cue::Before, true),
            "before" => return (Cue::After, true),
            "-" => continue,
            _ => {}
        }
        if !matches!(
            doc.pos(k),
            Upos::Det | Upos::Num | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Pron
        ) || doc.trigger(k).is_some()
        {
            break;
        }
    }
    let cue = cue_in_clause(doc, sentence, trigger);
    // "She reached Lyon on foot. She had set out from Paris a week before.": the past
    // perfect tells what came before the story told in the past
    // ("she had then flown to Berlin": a step within what came before)
    let perfect = doc.pos(trigger) == Upos::Verb
        && (trigger.saturating_sub(2).max(sentence.start)..trigger)
            .any(|k| matches!(doc.low(k), "had" | "'d" | "’d"))
        // ("had to leave Paris": a need, not a past perfect)
        && doc.low(trigger.saturating_sub(1)) != "to";
    (if perfect { Cue::Before } else { cue }, false)
}

/// How many words a phrase's "after" or "before" may stand ahead of its event noun.
const SUBORDINATE_REACH: usize = 7;

fn cue_in_clause(doc: &Doc<'_>, sentence: &Range<usize>, trigger: usize) -> Cue {
    for k in sentence.start..trigger {
        let w = doc.low(k);
        if w == "before" {
            if matches!(doc.low(k + 1), "that" | "then" | "this") {
                return Cue::Before;
            }
            continue;
        }
        if lexicon::is_before_cue(w) && w != "prior" && w != "first" {
            return Cue::Before;
        }
        if lexicon::is_after_cue(w) {
            return Cue::After;
        }
    }
    Cue::None
}

/// True when time `t` is a relative date ("on Saturday", "tomorrow") that falls after
/// the day the text was written: "a concert on Saturday in Bariloche", read on a Tuesday,
/// is a plan. A date written out ("flew to Abidjan on February 18") is the text's own
/// word: a story told in the past is no plan, whatever day its metadata gives.
fn after_writing(doc: &Doc<'_>, t: usize) -> bool {
    let (Some(reference), Some(time)) = (doc.reference, doc.times.get(t)) else {
        return false;
    };
    let relative = !time
        .span
        .slice(doc.text)
        .bytes()
        .any(|b| b.is_ascii_digit());
    relative && time.earliest.is_some_and(|e| e.date() > reference)
}

/// True when the event at `trigger` is a stay of months or years ("spent two seasons at
/// the cycling centre in Aigle", "lived for a decade in Lyon"): a chapter of a life, not
/// a stop of the journey told.
fn long_stay(doc: &Doc<'_>, trigger: usize) -> bool {
    matches!(
        doc.low(trigger),
        "spent" | "spend" | "spends" | "spending" | "lived" | "stayed" | "worked"
    ) && (trigger + 1..trigger + 5).any(|k| {
        matches!(
            doc.low(k),
            "months" | "years" | "seasons" | "decades" | "decade" | "season" | "year"
        ) && !matches!(doc.low(k - 1), "the" | "this" | "that" | "last")
    })
}

fn is_background(doc: &Doc<'_>, sentence: &Range<usize>) -> bool {
    sentence.clone().any(|k| {
        let w = doc.low(k);
        // "a former governor" tells who someone is, not when the event was; "Once
        // authorities release it, the ship …" is "when"
        let when = w == "once"
            && k == sentence.start
            && !matches!(
                doc.low(k + 1),
                "a" | "an" | "home" | "known" | "part" | "upon"
            );
        (lexicon::is_background_cue(w)
            && !when
            && !matches!(w, "last" | "past" | "previously" | "former"))
            || (w == "last"
                && matches!(
                    doc.low(k + 1),
                    "visited"
                        | "went"
                        | "travelled"
                        | "traveled"
                        | "came"
                        | "seen"
                        | "year"
                        | "decade"
                        | "summer"
                        | "winter"
                        | "spring"
                        | "autumn"
                ))
    })
}

/// The sources each sentence cites ("KCNA said", "according to Yonhap").
/// The sources of a sentence that vouch for the event at `trigger`: those in the same
/// clause (between semicolons), and "according to" anywhere.
fn sources_for(doc: &Doc<'_>, found: &[(usize, String)], trigger: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (at, name) in found {
        let (a, b) = if *at < trigger {
            (*at, trigger)
        } else {
            (trigger, *at)
        };
        let same_clause = !(a..b).any(|k| doc.low(k) == ";");
        let according = doc.low(*at) == "according";
        if (same_clause || according) && !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

fn sources_by_sentence(doc: &Doc<'_>, cast: &Cast) -> Vec<Vec<(usize, String)>> {
    let mut aliases: Vec<(String, String)> = Vec::new();
    let mut out = Vec::with_capacity(doc.sentence_tokens.len());
    for range in &doc.sentence_tokens {
        let mut found: Vec<(usize, String)> = Vec::new();
        for k in range.clone() {
            let w = doc.low(k);
            let name = if w == "according" && doc.low(k + 1) == "to" {
                name_after(doc, cast, k + 2, range, &aliases)
            } else if lexicon::is_reporting_verb(w) {
                name_before(doc, cast, k, range, &mut aliases).or_else(|| {
                    matches!(w, "said" | "says")
                        .then(|| name_after(doc, cast, k + 1, range, &aliases))
                        .flatten()
                })
            } else {
                None
            };
            match name {
                Some(Named::Source(n)) => {
                    if !found.iter().any(|(_, f)| *f == n) {
                        found.push((k, n));
                    }
                }
                Some(Named::Pronoun) | None => {}
            }
        }
        out.push(found);
    }
    out
}

enum Named {
    Source(String),
    /// "it said": the source named before.
    Pronoun,
}

/// The source named just before a reporting verb, skipping adverbs and times.
fn name_before(
    doc: &Doc<'_>,
    cast: &Cast,
    verb: usize,
    range: &Range<usize>,
    aliases: &mut Vec<(String, String)>,
) -> Option<Named> {
    let mut k = verb;
    let mut steps = 0;
    while k > range.start && steps < 8 {
        k -= 1;
        steps += 1;
        let w = doc.low(k);
        if doc.time_at(k).is_some()
            || is_calendar_word(w)
            || matches!(
                w,
                "later"
                    | "also"
                    | "earlier"
                    | "had"
                    | "has"
                    | "have"
                    | "on"
                    | "news"
                    | "agency"
                    | "then"
                    | "first"
                    | "officially"
                    | "separately"
                    | "state"
                    | "media"
                    | "television"
                    | "newspaper"
                    | "broadcaster"
                    | "outlet"
                    | "the"
            )
        {
            continue;
        }
        if w == ")" {
            // "Korean Central News Agency (KCNA) announced"
            if k >= range.start + 2 && doc.low(k - 2) == "(" {
                let short = doc.word(k - 1).to_owned();
                let long_end = k - 2;
                let mut s = long_end;
                while s > range.start && doc.is_capitalised(s - 1) && doc.place_at(s - 1).is_none()
                {
                    s -= 1;
                }
                if s < long_end {
                    let long = (s..long_end)
                        .map(|i| doc.word(i))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let long = long.to_lowercase();
                    // each alias once: a book that spells it out in every chapter
                    if !aliases.iter().any(|(l, s)| *l == long && *s == short) {
                        aliases.push((long, short.clone()));
                    }
                }
                return Some(Named::Source(short));
            }
            return None;
        }
        if matches!(w, "it" | "they" | "agency") {
            return Some(Named::Pronoun);
        }
        // "Local media reported", "Some outlets said": a kind of source, not a name
        if matches!(
            w,
            "local"
                | "regional"
                | "national"
                | "foreign"
                | "international"
                | "western"
                | "independent"
                | "official"
                | "some"
                | "other"
                | "many"
                | "several"
                | "opposition"
                | "social"
        ) {
            return None;
        }
        if doc.is_capitalised(k) && doc.place_at(k).is_none() {
            let end = k + 1;
            let mut s = k;
            while s > range.start && doc.is_capitalised(s - 1) && doc.place_at(s - 1).is_none() {
                s -= 1;
            }
            return source_name(doc, cast, s..end, aliases).map(Named::Source);
        }
        return None;
    }
    None
}

/// The source named just after "according to" or "said".
fn name_after(
    doc: &Doc<'_>,
    cast: &Cast,
    from: usize,
    range: &Range<usize>,
    aliases: &[(String, String)],
) -> Option<Named> {
    let mut k = from;
    while k < range.end
        && (matches!(doc.low(k), "the" | "a" | "state" | "official" | "'s" | "’s")
            || doc.place_at(k).is_some()
            || !doc.is_capitalised(k) && lexicon::is_title(doc.low(k)))
    {
        k += 1;
    }
    let s = k;
    // "the Chinese foreign ministry", "Unification Ministry", "state television"
    while k < range.end
        && doc.place_at(k).is_none()
        && (doc.is_capitalised(k)
            || (k > s || doc.is_capitalised(s))
                && (lexicon::is_org_word(doc.low(k))
                    || matches!(doc.low(k), "foreign" | "defense" | "defence" | "interior")))
    {
        k += 1;
    }
    if s == k {
        return None;
    }
    source_name(doc, cast, s..k, aliases).map(Named::Source)
}

/// The short form of a source's name: an acronym or alias when known, a person's surname,
/// an organisation's name without "news agency".
fn source_name(
    doc: &Doc<'_>,
    cast: &Cast,
    run: Range<usize>,
    aliases: &[(String, String)],
) -> Option<String> {
    let words: Vec<&str> = run
        .clone()
        .map(|k| doc.word(k))
        .filter(|w| !lexicon::is_capitalised_stopword(&w.to_lowercase()))
        .collect();
    // An organisation keeps its whole name ("National Hurricane Center"); a person loses
    // the titles in front ("Kremlin spokesman Dmitry Peskov" → "Peskov").
    let organisation = words
        .iter()
        .any(|w| lexicon::is_org_word(&w.to_lowercase()) && !lexicon::is_title(&w.to_lowercase()));
    let words: Vec<&str> = if organisation {
        words
    } else {
        words
            .into_iter()
            .skip_while(|w| lexicon::is_title(&w.to_lowercase()))
            .collect()
    };
    if words.is_empty() {
        return None;
    }
    let long = words.join(" ");
    if let Some((_, short)) = aliases.iter().find(|(l, _)| *l == long.to_lowercase()) {
        return Some(short.clone());
    }
    let person = cast
        .refs_overlapping(run.clone())
        .any(|r| cast.members[r.actor].kind == super::ActorKind::Person);
    if person && words.len() >= 2 {
        return words.last().map(|w| (*w).to_owned());
    }
    Some(long)
}

#[cfg(test)]
mod time_link_tests {
    use super::names_a_calendar_day;
    use crate::gazetteer::{Candidate, Gazetteer, PlaceKind};
    use crate::geo::LatLon;

    #[test]
    fn only_values_naming_a_month_or_a_day_date_a_stop_without_a_year() {
        let table = [
            ("XXXX-09-12", true),
            ("XXXX-09", true),
            ("XXXX-09-12TMO", true),
            ("XXXX-WXX-2", false),
            ("XXXX-XX-XXTNI", false),
            ("XXXX", false),
            ("PRESENT_REF", false),
            ("2023-09-12", false),
        ];
        for (value, expected) in table {
            assert_eq!(names_a_calendar_day(value), expected, "{value}");
        }
    }

    #[test]
    fn an_arrival_in_an_undated_article_keeps_the_day_named_in_its_sentence() {
        let text = "Prime Minister Ilse Moor arrived in Ghent on March 3 for talks.";
        let gazetteer = Gazetteer::from_records(vec![(
            Candidate {
                id: "test:ghent".into(),
                name: "Ghent".into(),
                latlon: LatLon::new(51.05, 3.72),
                kind: PlaceKind::PopulatedPlace,
                feature_code: String::new(),
                country: Some("BE".into()),
                admin1: None,
                population: 1000,
                importance: 0.5,
            },
            Vec::new(),
        )]);
        let tokens = crate::text::tokenize(text);
        let places = crate::geoparse::geoparse(text, &tokens, &gazetteer);
        let times = crate::time::tag(text, None);
        let actors = super::super::movements(text, &crate::text::sentences(text), &places, &times);
        let when = actors
            .first()
            .and_then(|a| a.stops.first())
            .and_then(|s| s.when.as_ref())
            .map(|w| w.value.clone());
        assert_eq!(when.as_deref(), Some("XXXX-03-03"));
    }
}
