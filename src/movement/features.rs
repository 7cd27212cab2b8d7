//! The numbers the selection weighs: the features of a candidate stop, and of a candidate
//! traveller. Each is a cue the text gives ("the place follows 'arrived in'", "the actor
//! is named in the headline"), mostly 0 or 1; `scripts/train_stops.py` learns their weights
//! from the real-text corpus.

use std::collections::{HashMap, HashSet};

use super::Status;
use super::candidates::{Candidate, Role, Whose, in_list, list_of};
use super::doc::Doc;
use super::geometry::{contains, is_open_water};
use super::lexicon::{self, Trigger};
use super::traveller::{ActorKind, Cast, in_byline};
use crate::gazetteer::PlaceKind;
use crate::text::pos::Upos;

/// Declares a feature enum with its names, in the order of its vectors.
macro_rules! features {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $label:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every feature, in vector order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// How many there are.
            pub const COUNT: usize = $name::ALL.len();

            /// The feature's name in weight files and explanations.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }

            /// The feature of that name.
            #[must_use]
            pub fn from_label(label: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|f| f.label() == label)
            }
        }
    };
}

features! {
    /// What a candidate stop's text says about it, for the main traveller's route.
    StopFeature {
        /// Always 1.
        Bias => "bias",
        /// Something ties the mention to a journey: an event word governs it, or one stands
        /// before it in a sentence about the main traveller (or about no one). A place none of
        /// whose mentions has this is no candidate at all.
        Evidence => "evidence",
        /// The hand-written rules take it as a stop of the main traveller: an event word
        /// places the main traveller there (or no one else), and nothing speaks against it.
        Rules => "rules",
        /// The event's subject is the main traveller.
        MainSubject => "main_subject",
        /// The main traveller is named after the event word.
        MainAfter => "main_after",
        /// A picture or sighting shows the main traveller there.
        MainDepicted => "main_depicted",
        /// A relative clause on the main traveller ("Kim, who arrived in …").
        MainRelative => "main_relative",
        /// The sentence names no one: the story's subject by default.
        Implicit => "implicit",
        /// The main traveller is among the event's others ("met Kim in …").
        MainAmong => "main_among",
        /// The event is another actor's.
        OtherActor => "other_actor",
        /// The event is of people we do not follow ("troopers searched …").
        Others => "others",
        /// An event word, but no one it could be tied to.
        Nobody => "nobody",
        /// No event word governs the place.
        NoLink => "no_link",
        /// The sentence names the main traveller.
        MainInSentence => "main_in_sentence",
        /// The sentence before names the main traveller (and this one names no one).
        MainJustBefore => "main_just_before",
        /// The sentence names another actor.
        OtherInSentence => "other_in_sentence",
        /// Event word: arrived, reached, landed.
        Arrive => "arrive",
        /// Event word: left, departed, fled.
        Depart => "depart",
        /// Event word: travelled, flew, sailed.
        Move => "move",
        /// Event word: heading, bound for.
        Intend => "intend",
        /// Event word: diverted.
        Divert => "divert",
        /// Event word: returned.
        Return => "return",
        /// Event word: stopped in, via, called at.
        Waypoint => "waypoint",
        /// Event word: visited, was seen in, hit.
        Presence => "presence",
        /// Event word: met, hosted.
        Meet => "meet",
        /// Event word: was, said (only right before the place).
        Adjacent => "adjacent",
        /// The event word is a noun ("his trip to").
        NounTrigger => "noun_trigger",
        /// The event word is tagged as a verb ("visited", not "the visit").
        VerbTrigger => "verb_trigger",
        /// The place is the verb's object ("visited Paris").
        PrepNone => "prep_none",
        /// in, at, on, inside, within, aboard.
        PrepIn => "prep_in",
        /// to, into, onto, toward.
        PrepTo => "prep_to",
        /// from.
        PrepFrom => "prep_from",
        /// via, through, past, across, over, along, around.
        PrepThrough => "prep_through",
        /// near, off, outside, a compass word.
        PrepNear => "prep_near",
        /// for ("left for", "bound for").
        PrepFor => "prep_for",
        /// Right after "of" ("the mayor of Lyon"), not after a place noun.
        PrepOf => "prep_of",
        /// Followed by a word it qualifies ("a Portland attorney", "Tasmania Police").
        Modifier => "modifier",
        /// Tells where a person is from ("Dorothy Sullivan of Chicago").
        Affiliation => "affiliation",
        /// An event word stands within eight words before, in the same clause.
        TriggerBefore => "trigger_before",
        /// The sentence has a word of motion (arrive, leave, travel, head, return, stop).
        SentenceMotion => "sentence_motion",
        /// One of a list of three places or more.
        InList => "in_list",
        /// One of such a list that no event word governs, in a sentence with no word of
        /// motion ("Members of the G-8 are Canada, France and Germany", "the passengers
        /// hailed from Pakistan, Bangladesh and Egypt"): a timeline's line has its date.
        BareList => "bare_list",
        /// The place does something: a verb follows it ("Moscow may be seeking", "Beijing
        /// accused"), as a government or a team does.
        Acts => "acts",
        /// The share of the text's places that the rules hang on the main traveller: how much
        /// of the story is told with event words.
        Told => "told",
        /// No event word, in a story told with event words (`told` when `no_link`).
        UnlinkedTold => "unlinked_told",
        /// It only locates something that happens ("unrest in Havana", "the war in Ukraine")
        /// or a topic ("talks on Gaza").
        Topic => "topic",
        /// It tells where people or things come from ("migrants from Pakistan, Bangladesh and
        /// Egypt", "cocaine from Colombia"), a noun before "from", not a journey's verb.
        FromOfNoun => "from_of_noun",
        /// It stands in a cause ("delayed due to the storm in Warsaw", "because of fighting
        /// in Sudan", "amid protests in Lima").
        Cause => "cause",
        /// Tokens from the event word to the place, over ten (at most 1).
        LinkDistance => "link_distance",
        /// Listed after another place, sharing its event ("Paris, Lyon and Marseille").
        Coordinated => "coordinated",
        /// The place is where the actor came from.
        RoleOrigin => "role_origin",
        /// The place is where the actor went.
        RoleArrival => "role_arrival",
        /// The place is where the actor was headed.
        RoleIntended => "role_intended",
        /// The place is passed through.
        RoleWaypoint => "role_waypoint",
        /// A source vouches for it ("KCNA said").
        Reported => "reported",
        /// A plan or a forecast.
        Expected => "expected",
        /// Denied, cancelled, a guess.
        Denied => "denied",
        /// The event has its own time.
        OwnTime => "own_time",
        /// The sentence recalls an earlier trip, or the event is a stay of years.
        Background => "background",
        /// Overlaps a date or a person's name.
        NameOrDate => "name_or_date",
        /// A government ("Moscow's invasion").
        Government => "government",
        /// Qualifies the place after it ("the port city of Vladivostok").
        QualifiesNext => "qualifies_next",
        /// A county naming an institution.
        NamesInstitution => "names_institution",
        /// Where people come from.
        ComeFrom => "come_from",
        /// A river or region a trip is named after ("a Danube tour").
        NamesTrip => "names_trip",
        /// Says where the place before it lies ("Khasan, on the Tumen River").
        DescribesAnother => "describes_another",
        /// Others were asked to go there.
        SomeoneElseAsked => "someone_else_asked",
        /// A river or range followed ("along the Danube").
        Along => "along",
        /// A town, village or city.
        Town => "town",
        /// A country.
        Country => "country",
        /// A first-level region.
        Region => "region",
        /// A county or district.
        District => "district",
        /// A continent.
        Continent => "continent",
        /// A sea, gulf, strait or ocean.
        Water => "water",
        /// A river, range, island, desert.
        Land => "land",
        /// An informal region ("the Sahel").
        Informal => "informal",
        /// An airport, station, base, landmark.
        Landmark => "landmark",
        /// log10 of the population, over 7.
        Population => "population",
        /// A country or region holding another place the text hangs on an event.
        HoldsAnother => "holds_another",
        /// A feature within 60 km of a town the text hangs on an event.
        NearATown => "near_a_town",
        /// In the headline.
        Headline => "headline",
        /// In the headline, and the body names it too.
        HeadlineRepeated => "headline_repeated",
        /// In the first sentence of the body.
        Lede => "lede",
        /// Where the sentence falls in the text, 0 to 1.
        Position => "position",
        /// A dateline ("VLADIVOSTOK, Russia —").
        Dateline => "dateline",
        /// Inside a quotation.
        Quoted => "quoted",
        /// The first mention of this place.
        FirstMention => "first_mention",
        /// log2 of how often the text names this place, over 3.
        Mentions => "mentions",
        /// The geoparser's confidence.
        Confidence => "confidence",
    }
}

features! {
    /// What the text says about an actor as the story's traveller.
    TravellerFeature {
        /// Always 1.
        Bias => "bias",
        /// log2 of 1 + its mentions, over 4.
        Mentions => "mentions",
        /// Named in the headline.
        Headline => "headline",
        /// Named in the first sentence of the body.
        Lede => "lede",
        /// Where its first mention falls, 0 to 1.
        FirstAt => "first_at",
        /// A person.
        Person => "person",
        /// A group.
        Group => "group",
        /// A ship or boat.
        Ship => "ship",
        /// An aircraft or flight.
        Aircraft => "aircraft",
        /// A storm.
        Storm => "storm",
        /// An animal.
        Animal => "animal",
        /// log2 of 1 + the places it is the subject of a journey word at, over 3.
        Journeys => "journeys",
        /// log2 of 1 + the places it is the subject of a presence word at, over 3.
        Presences => "presences",
        /// log2 of 1 + the places today's rules give it, over 3.
        RuleStops => "rule_stops",
        /// The share of its mentions followed by a reporting verb ("Peskov said").
        Speaker => "speaker",
        /// Named in a byline or a photo credit ("By Mark Matthews", "AP Photo/…").
        Byline => "byline",
        /// Its name has two words or more.
        FullName => "full_name",
        /// A title or role is known for it ("President", "leader").
        Titled => "titled",
        /// The actor the text mentions most.
        MostMentioned => "most_mentioned",
        /// The writer ("I", "we" outside quotes): the traveller of a diary or a blog, and
        /// no one's in a story that only once says "we".
        Narrator => "narrator",
    }
}

/// A place's identity with its point, which a bearing may have moved ("60 km east of X").
fn point_key(p: &crate::gazetteer::Candidate) -> (&str, u64, u64) {
    (
        p.id.as_str(),
        p.latlon.lat.to_bits(),
        p.latlon.lon.to_bits(),
    )
}

/// The stop features of each candidate, for a route of `main` (`None`: no traveller known).
#[cfg(test)]
pub(crate) fn stop_features(
    doc: &Doc<'_>,
    cast: &Cast,
    candidates: &[Candidate],
    main: Option<usize>,
) -> Vec<[f32; StopFeature::COUNT]> {
    let mut out = Vec::with_capacity(candidates.len());
    each_stop_features(doc, cast, candidates, main, |_, x| out.push(*x));
    out
}

/// Hands the stop features of each candidate, in order, to `f` with its index: a long
/// text's features are used as they come, never all held at once.
pub(crate) fn each_stop_features(
    doc: &Doc<'_>,
    cast: &Cast,
    candidates: &[Candidate],
    main: Option<usize>,
    mut f: impl FnMut(usize, &[f32; StopFeature::COUNT]),
) {
    use StopFeature as F;
    let sentences = doc.sentence_spans.len().max(1);
    let headline = doc.has_headline();
    let ids: Vec<&str> = candidates
        .iter()
        .map(|c| {
            doc.places[c.place]
                .resolved
                .as_ref()
                .map_or("", |p| p.id.as_str())
        })
        .collect();
    // how often each place is named, and where first
    let mut told_of: HashMap<&str, (usize, usize)> = HashMap::new();
    for (n, id) in ids.iter().enumerate() {
        told_of.entry(id).or_insert((n, 0)).1 += 1;
    }
    // places the text hangs on an event with nothing against them, each once
    let mut seen = HashSet::new();
    let anchored: Vec<&crate::gazetteer::Candidate> = candidates
        .iter()
        .filter(|c| c.link.is_some() && !c.against.any())
        .filter_map(|c| doc.places[c.place].destination())
        .filter(|p| seen.insert(point_key(p)))
        .collect();
    // whether a point holds one of them, or lies near one, asked once per point
    let mut holds: HashMap<(&str, u64, u64), bool> = HashMap::new();
    let mut near_a_town: HashMap<&str, bool> = HashMap::new();
    let names = |s: usize, who: &dyn Fn(usize) -> bool| {
        doc.sentence_tokens
            .get(s)
            .is_some_and(|r| cast.refs_in(r.clone()).any(|x| who(x.actor)))
    };
    let is_main = |a: usize| Some(a) == main;
    let is_other = |a: usize| Some(a) != main && a != usize::MAX;
    let rules = |c: &Candidate| {
        c.link.is_some()
            && !c.against.any()
            && !c.background
            && c.status != Status::Denied
            && (c.whose == Whose::Implicit || c.actors.iter().any(|&a| is_main(a)))
    };
    let told = if candidates.is_empty() {
        0.0
    } else {
        candidates.iter().filter(|c| rules(c)).count() as f32 / candidates.len() as f32
    };
    for (n, c) in candidates.iter().enumerate() {
        let mut x = [0.0f32; StopFeature::COUNT];
        let mut set = |f: F, v: f32| x[f as usize] = v;
        set(F::Bias, 1.0);
        let mention = &doc.places[c.place];
        let Some(place) = mention.resolved.as_ref() else {
            f(n, &x);
            continue;
        };
        // whose
        let first = c.actors.first().copied();
        match c.whose {
            _ if c.link.is_none() => set(F::NoLink, 1.0),
            Whose::Implicit => set(F::Implicit, 1.0),
            Whose::Others => set(F::Others, 1.0),
            Whose::Nobody => set(F::Nobody, 1.0),
            whose if first.is_some_and(is_main) => set(
                match whose {
                    Whose::After => F::MainAfter,
                    Whose::Depicted => F::MainDepicted,
                    Whose::Relative => F::MainRelative,
                    _ => F::MainSubject,
                },
                1.0,
            ),
            _ if c.actors.iter().any(|&a| is_main(a)) => set(F::MainAmong, 1.0),
            _ => set(F::OtherActor, 1.0),
        }
        set(F::Rules, f32::from(u8::from(rules(c))));
        set(F::Told, told);
        if c.link.is_none() {
            set(F::UnlinkedTold, told);
        }
        let here = names(c.sentence, &is_main);
        set(F::MainInSentence, f32::from(u8::from(here)));
        set(
            F::MainJustBefore,
            f32::from(u8::from(
                !here
                    && c.sentence > 0
                    && names(c.sentence - 1, &is_main)
                    && !names(c.sentence, &is_other),
            )),
        );
        set(
            F::OtherInSentence,
            f32::from(u8::from(names(c.sentence, &is_other))),
        );
        if let Some(link) = &c.link {
            set(
                match link.class {
                    Trigger::Arrive => F::Arrive,
                    Trigger::Depart => F::Depart,
                    Trigger::Move => F::Move,
                    Trigger::Intend => F::Intend,
                    Trigger::Divert => F::Divert,
                    Trigger::Return => F::Return,
                    Trigger::Waypoint => F::Waypoint,
                    Trigger::Presence => F::Presence,
                    Trigger::Meet => F::Meet,
                    Trigger::Adjacent => F::Adjacent,
                },
                1.0,
            );
            set(
                F::NounTrigger,
                f32::from(u8::from(super::candidates::is_noun_trigger(
                    doc.low(link.trigger),
                ))),
            );
            set(
                F::VerbTrigger,
                f32::from(u8::from(matches!(
                    doc.pos(link.trigger),
                    Upos::Verb | Upos::Aux
                ))),
            );
            let at = doc.place_tokens(c.place).start;
            set(
                F::LinkDistance,
                (at.abs_diff(link.trigger) as f32 / 10.0).min(1.0),
            );
        }
        let preposition = match &c.link {
            Some(link) => link.preposition,
            None => doc
                .place_tokens(c.place)
                .start
                .checked_sub(1)
                .map(|k| doc.low(k))
                .filter(|w| lexicon::is_locative_preposition(w)),
        };
        set(
            match preposition {
                None => F::PrepNone,
                Some("in" | "at" | "on" | "inside" | "within" | "aboard") => F::PrepIn,
                Some("to" | "into" | "onto" | "toward" | "towards") => F::PrepTo,
                Some("from") => F::PrepFrom,
                Some(
                    "via" | "through" | "past" | "across" | "over" | "along" | "around"
                    | "throughout" | "beyond",
                ) => F::PrepThrough,
                Some("for") => F::PrepFor,
                Some(_) => F::PrepNear,
            },
            1.0,
        );
        set(F::Coordinated, f32::from(u8::from(c.coordinated)));
        let tokens = doc.place_tokens(c.place);
        let sentence = doc.sentence_range(tokens.start);
        // the word before the list the place heads or belongs to ("violence in Honduras and
        // El Salvador": "in", after "violence")
        let before = list_of(doc, &tokens, &sentence)
            .0
            .checked_sub(1)
            .filter(|&k| k >= sentence.start);
        let of = before.is_some_and(|k| {
            doc.low(k) == "of" && !(k > sentence.start && lexicon::is_place_noun(doc.low(k - 1)))
        });
        set(F::PrepOf, f32::from(u8::from(of)));
        set(
            F::Affiliation,
            f32::from(u8::from(
                of && before.is_some_and(|k| {
                    k > sentence.start
                        && cast.refs_overlapping(k - 1..k).any(|r| {
                            r.tokens.end == k && cast.members[r.actor].kind == ActorKind::Person
                        })
                }),
            )),
        );
        set(
            F::Modifier,
            f32::from(u8::from(is_modifier(doc, &tokens, &sentence))),
        );
        let trigger_before = (sentence.start.max(tokens.start.saturating_sub(8))..tokens.start)
            .rev()
            .take_while(|&k| !lexicon::is_clause_break(doc.low(k)))
            .any(|k| doc.trigger(k).is_some_and(|t| t != Trigger::Adjacent));
        set(F::TriggerBefore, f32::from(u8::from(trigger_before)));
        let moving = sentence.clone().any(|k| {
            doc.trigger(k).is_some_and(|t| {
                !matches!(t, Trigger::Presence | Trigger::Meet | Trigger::Adjacent)
            })
        });
        set(F::SentenceMotion, f32::from(u8::from(moving)));
        let listed = in_list(doc, &tokens, &sentence);
        set(F::InList, f32::from(u8::from(listed)));
        set(
            F::BareList,
            f32::from(u8::from(
                listed && c.link.is_none() && !moving && c.time.is_none(),
            )),
        );
        set(F::Acts, f32::from(u8::from(acts(doc, &tokens, &sentence))));
        let cause = (sentence.start.max(tokens.start.saturating_sub(6))..tokens.start).any(|k| {
            let (w, next) = (doc.low(k), doc.low(k + 1));
            (w == "due" && next == "to")
                || (w == "because" && next == "of")
                || (w == "owing" && next == "to")
                || matches!(w, "amid" | "despite")
        });
        set(F::Cause, f32::from(u8::from(cause)));
        // (not a vehicle's or a group's: "tracked his convoy from Geneina", "the crew from
        // Lyon", nor a date's: "set off on Jan. 6 from Onitsha")
        let from_of_noun = before.filter(|&k| k > sentence.start).is_some_and(|k| {
            let w = doc.low(k - 1);
            doc.low(k) == "from"
                && matches!(doc.pos(k - 1), Upos::Noun | Upos::Propn)
                && doc.time_at(k - 1).is_none()
                && doc.trigger(k - 1).is_none()
                && !lexicon::is_carrier_word(w)
                && !lexicon::is_ship_word(w)
                && !lexicon::is_aircraft_word(w)
                && !lexicon::is_group_word(w)
                && !lexicon::is_animal_word(w)
                && !lexicon::is_storm_word(w)
                && w != "home"
                && cast.refs_overlapping(k - 1..k).next().is_none()
        });
        set(F::FromOfNoun, f32::from(u8::from(from_of_noun)));
        let topic = before.is_some_and(|k| {
            k > sentence.start
                && matches!(doc.low(k), "in" | "on" | "over" | "about" | "across" | "of")
                && (lexicon::is_happening_noun(doc.low(k - 1))
                    || lexicon::is_topic_noun(doc.low(k - 1)))
        });
        set(F::Topic, f32::from(u8::from(topic)));
        // the rules did not know that a place in a topic or a cause, or where people come
        // from, is no stop
        if topic || cause || from_of_noun {
            set(F::Rules, 0.0);
        }
        let nobody_named = doc
            .sentence_tokens
            .get(c.sentence)
            .is_some_and(|r| cast.refs_in(r.clone()).next().is_none());
        set(
            F::Evidence,
            f32::from(u8::from(
                c.link.is_some()
                    || (trigger_before
                        && (here
                            || nobody_named
                            || (c.sentence > 0 && names(c.sentence - 1, &is_main)))),
            )),
        );
        match c.role {
            Role::Origin => set(F::RoleOrigin, 1.0),
            Role::Arrival | Role::Return | Role::Diverted => set(F::RoleArrival, 1.0),
            Role::Intended => set(F::RoleIntended, 1.0),
            Role::Waypoint => set(F::RoleWaypoint, 1.0),
            Role::Presence => {}
        }
        match c.status {
            Status::Confirmed => {}
            Status::Reported => set(F::Reported, 1.0),
            Status::Expected => set(F::Expected, 1.0),
            Status::Denied => set(F::Denied, 1.0),
        }
        set(F::OwnTime, f32::from(u8::from(c.time.is_some())));
        set(F::Background, f32::from(u8::from(c.background)));
        let a = c.against;
        for (f, on) in [
            (F::NameOrDate, a.name_or_date),
            (F::Government, a.government),
            (F::QualifiesNext, a.qualifies_next),
            (F::NamesInstitution, a.names_institution),
            (F::ComeFrom, a.come_from),
            (F::NamesTrip, a.names_trip),
            (F::DescribesAnother, a.describes_another),
            (F::SomeoneElseAsked, a.someone_else_asked),
            (F::Along, a.along),
        ] {
            set(f, f32::from(u8::from(on)));
        }
        set(
            match place.kind {
                PlaceKind::PopulatedPlace => F::Town,
                PlaceKind::Country => F::Country,
                PlaceKind::Region => F::Region,
                PlaceKind::District => F::District,
                PlaceKind::Continent => F::Continent,
                PlaceKind::Physical if is_open_water(place) => F::Water,
                PlaceKind::Physical => F::Land,
                PlaceKind::InformalRegion => F::Informal,
                PlaceKind::Landmark => F::Landmark,
            },
            1.0,
        );
        set(
            F::Population,
            ((place.population as f32 + 1.0).log10() / 7.0).min(1.0),
        );
        let point = mention.destination().unwrap_or(place);
        let holds_another = *holds
            .entry(point_key(point))
            .or_insert_with(|| anchored.iter().any(|p| contains(point, p)));
        set(F::HoldsAnother, f32::from(u8::from(holds_another)));
        let near = place.kind == PlaceKind::Physical
            && *near_a_town.entry(place.id.as_str()).or_insert_with(|| {
                anchored.iter().any(|p| {
                    p.kind != PlaceKind::Physical && p.latlon.distance_km(place.latlon) < 60.0
                })
            });
        set(F::NearATown, f32::from(u8::from(near)));
        let in_headline = headline && c.sentence == 0;
        set(F::Headline, f32::from(u8::from(in_headline)));
        set(
            F::HeadlineRepeated,
            f32::from(u8::from(
                in_headline
                    && candidates
                        .iter()
                        .zip(&ids)
                        .any(|(o, id)| o.sentence > 0 && *id == ids[n]),
            )),
        );
        set(
            F::Lede,
            f32::from(u8::from(c.sentence == usize::from(headline))),
        );
        set(F::Position, c.sentence as f32 / sentences as f32);
        set(F::Dateline, f32::from(u8::from(is_dateline(doc, c.place))));
        set(F::Quoted, f32::from(u8::from(is_quoted(doc, c.place))));
        let (first_named, same) = told_of[ids[n]];
        set(F::FirstMention, f32::from(u8::from(first_named == n)));
        set(F::Mentions, ((same as f32).log2() / 3.0).min(1.0));
        set(F::Confidence, mention.confidence);
        f(n, &x);
    }
}

/// True when the words after the place make it qualify a noun: "a Portland attorney",
/// "Tasmania Police said", "Toronto-based", "U.S. Embassy staff".
fn is_modifier(
    doc: &Doc<'_>,
    tokens: &std::ops::Range<usize>,
    sentence: &std::ops::Range<usize>,
) -> bool {
    let next = tokens.end;
    if next >= sentence.end {
        return false;
    }
    let w = doc.low(next);
    let last = doc.word(tokens.end - 1);
    if last.ends_with('-') || w.starts_with('-') || w == "-based" {
        return true;
    }
    if doc.place_at(next).is_some() || doc.time_at(next).is_some() {
        return false;
    }
    // a noun right after the name: the place qualifies it
    matches!(doc.pos(next), Upos::Noun | Upos::Propn)
        && !lexicon::is_reporting_verb(w)
        && lexicon::trigger(w).is_none()
}

/// True when a verb follows the place as its subject: "Moscow may be seeking", "Beijing
/// accused him", "Washington was keen", "Tasmania Police said" is a modifier instead.
fn acts(doc: &Doc<'_>, tokens: &std::ops::Range<usize>, sentence: &std::ops::Range<usize>) -> bool {
    let mut k = tokens.end;
    // "Washington, however, was", "Moscow has long said"
    while k < sentence.end && k < tokens.end + 3 && (doc.low(k) == "," || doc.pos(k) == Upos::Adv) {
        k += 1;
    }
    k < sentence.end
        && matches!(doc.pos(k), Upos::Verb | Upos::Aux)
        && !matches!(doc.low(k + 1), "in" | "at" | "on" | "home")
}

/// True for a place opening its sentence in capitals, or followed by a dash soon after
/// ("VLADIVOSTOK, Russia (AP) —").
pub(crate) fn is_dateline(doc: &Doc<'_>, place: usize) -> bool {
    let tokens = doc.place_tokens(place);
    let sentence = doc.sentence_range(tokens.start);
    if tokens.start != sentence.start {
        return false;
    }
    let word = doc.word(tokens.start);
    let shouting = word.chars().filter(|c| c.is_alphabetic()).count() > 2
        && word.chars().all(|c| !c.is_lowercase());
    shouting
        || (tokens.end..sentence.end.min(tokens.end + 8))
            .any(|k| matches!(doc.low(k), "—" | "–" | "--"))
}

/// True when the place lies inside quotation marks in its sentence.
fn is_quoted(doc: &Doc<'_>, place: usize) -> bool {
    let tokens = doc.place_tokens(place);
    let sentence = doc.sentence_range(tokens.start);
    let Some(start) = doc.tokens.get(sentence.start).map(|t| t.span().start) else {
        return false;
    };
    let Some(at) = doc.tokens.get(tokens.start).map(|t| t.span().start) else {
        return false;
    };
    let before = &doc.text[start..at];
    let straight = before.matches('"').count();
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    straight % 2 == 1 || open > close
}

/// The traveller features of every actor of the cast.
pub(crate) fn traveller_features(
    doc: &Doc<'_>,
    cast: &Cast,
    candidates: &[Candidate],
) -> Vec<[f32; TravellerFeature::COUNT]> {
    use TravellerFeature as F;
    let headline = doc.has_headline();
    let lede = usize::from(headline);
    let most = cast.main_actor();
    let len = doc.text.len().max(1) as f32;
    // each actor's references, and the linked candidates that name it first
    let mut refs_of: Vec<Vec<&super::traveller::Ref>> = vec![Vec::new(); cast.members.len()];
    for r in &cast.refs {
        if let Some(refs) = refs_of.get_mut(r.actor) {
            refs.push(r);
        }
    }
    let mut linked_to: Vec<Vec<&Candidate>> = vec![Vec::new(); cast.members.len()];
    for c in candidates {
        if c.link.is_some()
            && c.whose != Whose::Implicit
            && let Some(linked) = c.actors.first().and_then(|&a| linked_to.get_mut(a))
        {
            linked.push(c);
        }
    }
    let mut out = Vec::with_capacity(cast.members.len());
    for (a, m) in cast.members.iter().enumerate() {
        let mut x = [0.0f32; TravellerFeature::COUNT];
        let mut set = |f: F, v: f32| x[f as usize] = v;
        set(F::Bias, 1.0);
        set(
            F::Mentions,
            ((m.mentions.len() as f32 + 1.0).log2() / 4.0).min(1.5),
        );
        let refs = &refs_of[a];
        let in_sentence = |s: usize| refs.iter().any(|r| doc.sentence_of(r.tokens.start) == s);
        set(F::Headline, f32::from(u8::from(headline && in_sentence(0))));
        set(F::Lede, f32::from(u8::from(in_sentence(lede))));
        set(
            F::FirstAt,
            m.mentions.iter().map(|s| s.start).min().unwrap_or(0) as f32 / len,
        );
        match m.kind {
            ActorKind::Person => set(F::Person, 1.0),
            ActorKind::Group => set(F::Group, 1.0),
            ActorKind::Ship => set(F::Ship, 1.0),
            ActorKind::Aircraft => set(F::Aircraft, 1.0),
            ActorKind::Storm => set(F::Storm, 1.0),
            ActorKind::Animal => set(F::Animal, 1.0),
            ActorKind::Unknown => {}
        }
        let mut journeys = 0;
        let mut presences = 0;
        let mut rules = 0;
        for c in &linked_to[a] {
            let Some(link) = &c.link else {
                continue;
            };
            if matches!(
                link.class,
                Trigger::Presence | Trigger::Meet | Trigger::Adjacent
            ) {
                presences += 1;
            } else {
                journeys += 1;
            }
            if !c.against.any() && !c.background {
                rules += 1;
            }
        }
        let log = |n: i32| ((n as f32 + 1.0).log2() / 3.0).min(1.5);
        set(F::Journeys, log(journeys));
        set(F::Presences, log(presences));
        set(F::RuleStops, log(rules));
        let speaking = refs
            .iter()
            .filter(|r| lexicon::is_reporting_verb(doc.low(r.tokens.end)))
            .count();
        set(F::Speaker, speaking as f32 / refs.len().max(1) as f32);
        set(
            F::Byline,
            f32::from(u8::from(
                refs.iter().any(|r| in_byline(doc, r.tokens.start)),
            )),
        );
        set(F::FullName, f32::from(u8::from(m.parts.len() >= 2)));
        set(F::Titled, f32::from(u8::from(!m.roles.is_empty())));
        set(F::MostMentioned, f32::from(u8::from(most == Some(a))));
        set(
            F::Narrator,
            f32::from(u8::from(m.name == super::traveller::NARRATOR)),
        );
        out.push(x);
    }
    out
}
