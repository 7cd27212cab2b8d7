//! Word lists the movement model reads text with. All entries are lower case.

use std::sync::LazyLock;

use crate::hash::FastMap;

/// What an event word says about the actor and the place it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trigger {
    /// The actor came to the place ("arrived", "reached", "landed", "made landfall").
    Arrive,
    /// The actor left the place ("left", "departed", "fled").
    Depart,
    /// The actor moved; the preposition says which end the place is ("flew to", "sailed from").
    Move,
    /// The actor was heading for the place and may not have got there ("bound for", "headed to").
    Intend,
    /// The actor was sent somewhere other than planned ("diverted to").
    Divert,
    /// The actor came back to a place already on the route ("returned to").
    Return,
    /// The actor passed through the place ("stopped in", "via").
    Waypoint,
    /// The actor was at the place ("visited", "met … in", "was seen in", "battered").
    Presence,
    /// Presence that takes people along: the object of the verb was there too ("met Putin in").
    Meet,
    /// Presence only when the place follows at once ("was in", "said in").
    Adjacent,
}

/// Every event word by its class (the first class listing a word wins).
const TRIGGERS: &[(Trigger, &[&str])] = &[
    (
        Trigger::Arrive,
        &[
            "arrive",
            "arrived",
            "arrives",
            "arriving",
            "arrival",
            "reach",
            "reached",
            "reaches",
            "reaching",
            "land",
            "landed",
            "lands",
            "landing",
            "enter",
            "entered",
            "enters",
            "entering",
            "entry",
            "landfall",
            "docked",
            "docks",
            "anchored",
            "anchoring",
            "berthed",
            "moored",
            "came",
            "come",
            "comes",
            "coming",
            "pulled",
            "touched",
        ],
    ),
    (
        Trigger::Depart,
        &[
            "leave",
            "left",
            "leaves",
            "leaving",
            "depart",
            "departed",
            "departs",
            "departing",
            "departure",
            "fled",
            "flee",
            "flees",
            "fleeing",
            "escaped",
            "escape",
            "evacuated",
            "cast",
            "began",
            "begins",
            "started",
            "starts",
            // "embarked for Panama", "embarked at Southampton"
            "embark",
            "embarked",
            "embarks",
            "embarking",
        ],
    ),
    (
        Trigger::Move,
        &[
            "travel",
            "traveled",
            "travelled",
            "travels",
            "traveling",
            "travelling",
            "went",
            "go",
            "goes",
            "going",
            "gone",
            "fly",
            "flew",
            "flown",
            "flies",
            "flying",
            "flight",
            "sail",
            "sailed",
            "sails",
            "sailing",
            "drove",
            "drive",
            "driven",
            "drives",
            "driving",
            "walked",
            "trekked",
            "marched",
            "moved",
            "moves",
            "moving",
            "journey",
            "journeyed",
            "trip",
            "voyage",
            "rode",
            "ride",
            "continued",
            "proceeded",
            "set",
            "took",
            "boarded",
            "crossed",
            "cross",
            "crosses",
            "crossing",
            "steamed",
            "cruised",
            "hiked",
            "rowed",
            "drifted",
            "churned",
            "tracked",
            "swept",
            "sweeping",
            "raced",
            "rushed",
            "hurried",
            "taken",
            "transferred",
            "deported",
            "extradited",
            "brought",
            "escorted",
            "hitchhiked",
            "slipped",
            "paddled",
            "skied",
            "sledged",
            "pushed",
            "ventured",
            "relocated",
            "headed",
            "head",
            "heads",
            "taxied",
            "steered",
            "motored",
            "cycled",
            "hopped",
            "airlifted",
            "ferried",
            "shuttled",
            "move",
            "pass",
            "towed",
            "tow",
            "towing",
            "passes",
            "track",
            "tracking",
            "continue",
            "continues",
            "continuing",
            "limped",
            "hobbled",
            "staggered",
            "trudged",
            "strolled",
            "swam",
            "wandered",
            "sprinted",
            "jogged",
            "stage",
            "stages",
            "leg",
            "legs",
            // base forms: other inflections reach them through their lemma ("swimming" → "swim")
            "swim",
            "trek",
            "hike",
            "roam",
            "wander",
            "migrate",
            "churn",
            "deployed",
            "deploying",
            "redeployed",
        ],
    ),
    (
        Trigger::Intend,
        &["heading", "bound", "route", "way", "destined", "due"],
    ),
    (
        Trigger::Divert,
        // "hijacked the aircraft to Vlorë"
        &[
            "diverted",
            "rerouted",
            "redirected",
            "diversion",
            "hijacked",
            "commandeered",
        ],
    ),
    (
        Trigger::Return,
        &["returned", "return", "returns", "returning"],
    ),
    (
        Trigger::Waypoint,
        &[
            "stopped",
            "stop",
            "stops",
            "stopover",
            "stopping",
            "via",
            "transited",
            "passed",
            "passing",
            "refueled",
            "refuelled",
            "called",
            "call",
            "calls",
            "rounded",
            "rounding",
        ],
    ),
    (
        Trigger::Presence,
        &[
            "visit",
            "visited",
            "visits",
            "visiting",
            "tour",
            "toured",
            "tours",
            "touring",
            "talks",
            "held",
            "hold",
            "holds",
            "holding",
            "attend",
            "attended",
            "attends",
            "attending",
            "seen",
            "spotted",
            "sighted",
            "photographed",
            "pictured",
            "filmed",
            "showed",
            "shown",
            "shows",
            "appeared",
            "stayed",
            "remained",
            "spent",
            "wintered",
            "camped",
            "hid",
            "hiding",
            "arrested",
            "captured",
            "caught",
            "detained",
            "located",
            "rescued",
            "hit",
            "struck",
            "strikes",
            "battered",
            "pounded",
            "lashed",
            "slammed",
            "hammered",
            "ravaged",
            "lingered",
            "stalled",
            "weakened",
            "strengthened",
            "intensified",
            "inspected",
            "addressed",
            "spoke",
            "speaking",
            "laid",
            "surrendered",
            "sheltered",
            "docking",
            "overnighted",
            "rested",
            "paused",
            "lunched",
            "dined",
            "performed",
            "prayed",
            "celebrated",
            "signed",
            "capsized",
            "sank",
            "sunk",
            "foundered",
            "aground",
            "wrecked",
            "crashed",
            "disappeared",
            "vanished",
            "collided",
            "seeing",
            "saw",
            "sighting",
            "waited",
            "applied",
            "registered",
            "slept",
            "recorded",
            "hiding out",
            "holed",
            "trapped",
            "stranded",
            "treated",
            "hospitalized",
            "hospitalised",
            "interviewed",
            "killed",
            "died",
            "buried",
            "dissipate",
            "dissipated",
            "dissipating",
            "dissipates",
            "weaken",
            "weakening",
            "strike",
            "striking",
            "batter",
            "battering",
            "pound",
            "pounding",
            "lash",
            "lashing",
            "hitting",
            "threaten",
            "threatening",
            "race",
            "racing",
            "compete",
            "competes",
            "competed",
            "competing",
            "train",
            "trained",
            "perform",
            "performs",
            "performing",
            "speak",
            "speaks",
            "preach",
            "preached",
            "preaching",
            "campaign",
            "campaigned",
            "campaigning",
            "rally",
            "rallied",
            "testify",
            "testified",
            "lecture",
            "lectured",
            "play",
            "plays",
            "played",
            "playing",
            "brief",
            "briefs",
            "briefed",
            "arraigned",
            "appear",
            "appears",
            "emerged",
            "concert",
            "concerts",
            "gig",
            "gigs",
            "show",
            "recital",
            "stole",
            "robbed",
            "carjacked",
            "stabbed",
            "overpowered",
            "assaulted",
            "ambushed",
            "burglarized",
            "burgled",
            "looted",
            "abandoned",
            "loaded",
            "unloaded",
            "discharged",
            "loading",
            "unloading",
            "won",
            "wins",
            "winning",
            "finished",
            "finishing",
            "operated",
            "operating",
            "patrolled",
            "patrolling",
        ],
    ),
    (
        Trigger::Meet,
        &[
            "met",
            "meet",
            "meets",
            "meeting",
            "hosted",
            "greeted",
            "welcomed",
            "received",
            "joined",
            "accompanied",
        ],
    ),
    (
        Trigger::Adjacent,
        &[
            // a home ("lives in Paris") is no stop of a journey
            "was", "were", "is", "are", "be", "been", "said", "says", "told", "remains", "stays",
        ],
    ),
];

/// The trigger class of a lower-case word, if it is an event word.
pub(crate) fn trigger(word: &str) -> Option<Trigger> {
    static CLASS: LazyLock<FastMap<&'static str, Trigger>> = LazyLock::new(|| {
        let mut class = FastMap::default();
        for (trigger, words) in TRIGGERS {
            for word in *words {
                class.entry(*word).or_insert(*trigger);
            }
        }
        class
    });
    CLASS.get(word).copied()
}

/// Declares the prepositions that put a place in relation to an event, once: a test and a
/// lookup that hands back the word as a static string (a link keeps it without copying).
macro_rules! locative_prepositions {
    ($($word:literal)|*) => {
        /// Prepositions that put a place in relation to an event.
        pub(crate) fn is_locative_preposition(word: &str) -> bool {
            matches!(word, $($word)|*)
        }

        /// `word` as a static string when it is a locative preposition.
        pub(crate) fn locative_preposition(word: &str) -> Option<&'static str> {
            match word {
                $($word => Some($word),)*
                _ => None,
            }
        }
    };
}

locative_prepositions!(
    "in" | "at"
        | "near"
        | "on"
        | "to"
        | "into"
        | "onto"
        | "from"
        | "toward"
        | "towards"
        | "via"
        | "through"
        | "across"
        | "over"
        | "off"
        | "outside"
        | "inside"
        | "around"
        | "for"
        | "within"
        | "throughout"
        | "along"
        | "past"
        | "beyond"
        | "en"
        | "aboard"
);

/// Prepositions with which one place describes another ("Khasan, on the Tumen River in …").
pub(crate) fn is_descriptive_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on" | "of" | "near" | "outside" | "along" | "off" | "within" | "at"
    )
}

/// Nouns that stand between a preposition and a name ("the port city of Vladivostok").
pub(crate) fn is_place_noun(word: &str) -> bool {
    matches!(
        word,
        "city"
            | "town"
            | "village"
            | "port"
            | "capital"
            | "province"
            | "region"
            | "state"
            | "island"
            | "islands"
            | "district"
            | "county"
            | "settlement"
            | "outskirts"
            | "suburbs"
            | "suburb"
            | "area"
            | "territory"
            | "republic"
            | "kingdom"
            | "resort"
            | "hamlet"
            | "coast"
            | "shores"
            | "harbor"
            | "harbour"
            | "base"
            | "airport"
            | "station"
            | "enclave"
            | "municipality"
            | "community"
            | "center"
            | "centre"
            | "heart"
            | "streets"
            | "waters"
            | "bay"
            | "gulf"
            | "mouth"
            | "banks"
            | "foot"
            | "edge"
            | "vicinity"
            | "environs"
            | "shore"
            | "side"
            | "part"
            | "parts"
            | "corner"
            | "square"
            | "plaza"
            | "gates"
            | "docks"
            // "from the département of Aveyron into the Lot": the units a country is
            // divided into
            | "department"
            | "département"
            | "governorate"
            | "oblast"
            | "canton"
            | "parish"
            | "borough"
            | "commune"
            | "principality"
            | "duchy"
            | "emirate"
            | "country"
    )
}

/// People spoken of as a group, who are not the story's traveller when they are the subject
/// ("Troopers set up checkpoints near Durant", "police searched a house in Tyler").
pub(crate) fn is_other_agent(word: &str) -> bool {
    matches!(
        word,
        "police"
            | "troopers"
            | "officers"
            | "deputies"
            | "investigators"
            | "agents"
            | "soldiers"
            | "troops"
            | "rescuers"
            | "searchers"
            | "authorities"
            | "officials"
            | "residents"
            | "volunteers"
            | "crews"
            | "firefighters"
            | "marshals"
            | "rangers"
            | "guards"
            | "workers"
            | "protesters"
            | "demonstrators"
            | "fans"
            | "tourists"
            | "migrants"
            | "refugees"
            | "villagers"
            | "journalists"
            | "reporters"
            | "diplomats"
            | "delegates"
            | "inspectors"
            | "forecasters"
            | "doctors"
            | "medics"
            | "prosecutors"
            | "detectives"
            | "helicopters"
            | "planes"
            | "jets"
            | "warships"
            | "trucks"
            | "ambulances"
            | "others"
    )
}

/// Compass words that make "north of X" a position relative to X.
pub(crate) fn is_direction(word: &str) -> bool {
    matches!(
        word,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "outskirts"
    )
}

/// Words that may sit between a preposition and a place name without breaking the link.
pub(crate) fn is_np_filler(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "what"
            | "remote"
            | "small"
            | "tiny"
            | "coastal"
            | "border"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "capital"
            | "historic"
            | "ancient"
            | "old"
            | "new"
            | "main"
            | "train"
            | "port"
            | "seaside"
            | "mountain"
            | "mountainous"
            | "frontier"
            | "city"
            | "island"
            | "rural"
            | "industrial"
            | "outer"
            | "inner"
            | "nearby"
            | "neighbouring"
            | "neighboring"
            | "sprawling"
            | "bustling"
            | "quiet"
            | "fishing"
            | "naval"
            | "military"
            | "river"
            | "harbour"
            | "harbor"
            | "resort"
            | "tiny-"
    ) || is_place_noun(word)
        || is_direction(word)
}

/// Words that end the reach of an event word in a sentence.
pub(crate) fn is_clause_break(word: &str) -> bool {
    matches!(
        word,
        ";" | "where"
            | "which"
            | "who"
            | "whom"
            | "while"
            | "whereas"
            | "but"
            | "although"
            | "because"
            | "\""
            | "“"
            | "”"
    )
}

/// Words that make an event negated, when they come shortly before it.
pub(crate) fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "denied"
            | "denies"
            | "deny"
            | "denying"
            | "no"
            | "without"
            | "refused"
            | "refuses"
            | "declined"
            | "declines"
            | "rejected"
            | "rejects"
    ) || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// Verbs that begin or end a journey named by its noun ("the tour will end in Berlin").
pub(crate) fn is_journey_phase(word: &str) -> bool {
    matches!(
        word,
        "end"
            | "ends"
            | "ended"
            | "finish"
            | "finishes"
            | "finished"
            | "conclude"
            | "concludes"
            | "concluded"
            | "culminate"
            | "culminates"
            | "culminated"
            | "begin"
            | "begins"
            | "began"
            | "start"
            | "starts"
            | "started"
            | "open"
            | "opens"
            | "opened"
            | "resume"
            | "resumes"
            | "resumed"
            | "wind"
            | "winds"
            | "wound"
            | "wrap"
            | "wraps"
            | "wrapped"
    )
}

/// Nouns for a whole journey, the subject of [`is_journey_phase`] verbs.
pub(crate) fn is_journey_noun(word: &str) -> bool {
    matches!(
        word,
        "tour"
            | "trip"
            | "visit"
            | "journey"
            | "voyage"
            | "cruise"
            | "expedition"
            | "trek"
            | "odyssey"
            | "pilgrimage"
            | "roadshow"
            | "itinerary"
    )
}

/// True for a noun naming something that happens in a place, which the place then only
/// locates ("unrest in Havana", "the war in Ukraine", "floods in Kerala").
pub(crate) fn is_happening_noun(word: &str) -> bool {
    matches!(
        word,
        "crisis"
            | "war"
            | "conflict"
            | "unrest"
            | "violence"
            | "fighting"
            | "situation"
            | "protests"
            | "protest"
            | "elections"
            | "election"
            | "attack"
            | "attacks"
            | "bombing"
            | "developments"
            | "events"
            | "reports"
            | "news"
            | "famine"
            | "flooding"
            | "floods"
            | "damage"
            | "outbreak"
            | "epidemic"
            | "invasion"
            | "occupation"
            | "fires"
            | "earthquake"
            | "riots"
            | "strikes"
            | "shooting"
            | "massacre"
            | "coup"
            | "economy"
            | "markets"
            | "prices"
            | "weather"
            | "rains"
            | "storms"
            | "heat"
            | "snow"
    )
}

/// Plural nouns for kinds of places, which a list of their instances may follow ("African
/// countries Benin, The Gambia and Guinea", "towns and cities including Penzance").
pub(crate) fn is_place_kind_plural(word: &str) -> bool {
    matches!(
        word,
        "countries"
            | "nations"
            | "cities"
            | "towns"
            | "villages"
            | "ports"
            | "states"
            | "capitals"
            | "islands"
            | "provinces"
            | "regions"
            | "stops"
            | "destinations"
            | "venues"
            | "places"
    )
}

/// Nouns after which "on", "about" or "over" a place gives a topic, not a location
/// ("talks on Gaza reconstruction", "a dispute over Crimea").
pub(crate) fn is_topic_noun(word: &str) -> bool {
    matches!(
        word,
        "talks"
            | "meeting"
            | "meetings"
            | "conference"
            | "summit"
            | "deal"
            | "agreement"
            | "accord"
            | "briefing"
            | "report"
            | "statement"
            | "remarks"
            | "views"
            | "stance"
            | "position"
            | "policy"
            | "negotiations"
            | "dispute"
            | "row"
            | "focus"
            | "discussions"
            | "debate"
            | "hearing"
            | "resolution"
            | "sanctions"
            | "vote"
            | "consultations"
            | "comments"
            | "concerns"
            | "tensions"
    )
}

/// Words after "played" that make it a part taken, not a place played in ("played a key
/// role in", "played down reports in").
pub(crate) fn is_part_played(word: &str) -> bool {
    matches!(
        word,
        "role" | "roles" | "part" | "parts" | "host" | "down" | "up" | "out" | "havoc" | "field"
    )
}

/// Past participles that call a planned event off ("the visit was postponed").
pub(crate) fn is_called_off(word: &str) -> bool {
    matches!(
        word,
        "postponed"
            | "cancelled"
            | "canceled"
            | "scrapped"
            | "shelved"
            | "abandoned"
            | "dropped"
            | "handed"
            | "reassigned"
    )
}

/// Words that say a report was wrong ("those leads turned out to be false").
pub(crate) fn is_refuted(word: &str) -> bool {
    matches!(
        word,
        "false" | "unfounded" | "baseless" | "groundless" | "untrue" | "mistaken" | "erroneous"
    )
}

/// Past verbs of guessing: what others "suspected he would" do is a guess the story
/// goes on to settle, not a plan of the traveller's.
pub(crate) fn is_conjecture(word: &str) -> bool {
    matches!(
        word,
        "suspected"
            | "believed"
            | "feared"
            | "speculated"
            | "thought"
            | "assumed"
            | "guessed"
            | "rumoured"
            | "rumored"
    )
}

/// Present verbs of guessing, a guess only when a modal or "intended" follows ("they
/// suspect he intended to fly to Madrid"; "police believe he is in Lyon" may be news).
pub(crate) fn is_present_conjecture(word: &str) -> bool {
    matches!(
        word,
        "suspect" | "suspects" | "believe" | "believes" | "fear" | "fears"
    )
}

/// Words that make an event announced or planned rather than done.
pub(crate) fn is_expectation(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "would"
            | "shall"
            | "expected"
            | "expects"
            | "plans"
            | "planned"
            | "planning"
            | "plan"
            | "due"
            | "scheduled"
            | "intends"
            | "intended"
            | "hopes"
            | "hoped"
            | "ahead"
            | "upcoming"
            | "may"
            | "might"
            | "could"
            | "likely"
            | "possible"
            | "proposed"
            | "invited"
            | "invitation"
            | "forecast"
            | "projected"
            | "predicted"
            | "trying"
            | "tried"
            | "hoping"
            | "attempting"
            | "seeking"
            | "sought"
            | "wants"
            | "wanted"
            | "tasked"
            | "slated"
            | "supposed"
            | "aims"
            | "aiming"
    ) || word.ends_with("'ll")
        || word.ends_with("’ll")
}

/// Verbs and phrases by which a source vouches for what follows.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "reported"
            | "reports"
            | "announced"
            | "announces"
            | "showed"
            | "shown"
            | "shows"
            | "published"
            | "quoted"
            | "confirmed"
            | "confirms"
            | "claimed"
            | "claims"
            | "stated"
            | "broadcast"
            | "aired"
            | "posted"
            | "wrote"
            | "tweeted"
            | "cited"
            | "citing"
            | "told"
            | "added"
            | "released"
    )
}

/// Cues that an event comes after the one narrated before it.
pub(crate) fn is_after_cue(word: &str) -> bool {
    matches!(
        word,
        "later"
            | "then"
            | "afterwards"
            | "afterward"
            | "subsequently"
            | "next"
            | "eventually"
            | "finally"
            | "after"
            | "onward"
            | "onwards"
            | "thereafter"
    )
}

/// Cues that an event comes before the one narrated before it.
pub(crate) fn is_before_cue(word: &str) -> bool {
    matches!(
        word,
        "earlier" | "previously" | "before" | "beforehand" | "prior" | "initially" | "first"
    )
}

/// Cues that a sentence recalls an earlier, separate trip.
pub(crate) fn is_background_cue(word: &str) -> bool {
    matches!(
        word,
        "previous" | "previously" | "former" | "once" | "ago" | "last" | "past" | "decades"
    )
}

/// Titles and role words that come before a person's name.
pub(crate) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "vice"
            | "prime"
            | "minister"
            | "premier"
            | "chancellor"
            | "leader"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "emperor"
            | "pope"
            | "sheikh"
            | "emir"
            | "sultan"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "senator"
            | "sen"
            | "governor"
            | "gov"
            | "mayor"
            | "general"
            | "gen"
            | "colonel"
            | "col"
            | "captain"
            | "capt"
            | "admiral"
            | "adm"
            | "commander"
            | "lieutenant"
            | "sergeant"
            | "sheriff"
            | "chief"
            | "director"
            | "ambassador"
            | "envoy"
            | "explorer"
            | "navigator"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "sir"
            | "lord"
            | "lady"
            | "rev"
            | "father"
            | "cardinal"
            | "archbishop"
            | "bishop"
            | "chairman"
            | "official"
            | "officer"
            | "inspector"
            | "detective"
            | "agent"
            | "pilot"
            | "skipper"
            | "activist"
            | "author"
            | "singer"
            | "star"
            | "suspect"
            | "fugitive"
            | "inmate"
            | "convict"
            | "defense"
            | "defence"
            | "foreign"
            | "interior"
            | "state"
            | "deputy"
            | "supreme"
            | "crown"
            | "national"
            | "security"
            | "council"
            | "house"
            | "white"
            | "kremlin"
            | "party"
            | "ruling"
            | "opposition"
            | "former"
            | "late"
            | "climber"
            | "mountaineer"
            | "sailor"
            | "rower"
            | "adventurer"
            | "correspondent"
            | "reporter"
            | "journalist"
            | "coach"
            | "striker"
            | "professor"
            | "prof"
            | "doctor"
            | "scientist"
            | "researcher"
            | "glaciologist"
            | "geologist"
            | "biologist"
            | "rider"
            | "cyclist"
            | "runner"
            | "ultrarunner"
            | "athlete"
            | "swimmer"
            | "skier"
            | "boxer"
            | "driver"
            | "batsman"
            | "bowler"
            | "musician"
            | "rapper"
            | "guitarist"
            | "drummer"
            | "actor"
            | "actress"
            | "photographer"
            | "filmmaker"
            | "artist"
            | "writer"
            | "novelist"
            | "poet"
            | "priest"
            | "imam"
            | "rabbi"
            | "lawyer"
            | "attorney"
            | "businessman"
            | "businesswoman"
            | "tycoon"
            | "billionaire"
            | "physiotherapist"
    )
}

/// Heads of definite descriptions that refer back to a person ("the North Korean leader").
pub(crate) fn is_person_role(word: &str) -> bool {
    matches!(
        word,
        "leader"
            | "president"
            | "premier"
            | "chancellor"
            | "pope"
            | "pontiff"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "monarch"
            | "emperor"
            | "minister"
            | "envoy"
            | "explorer"
            | "navigator"
            | "suspect"
            | "fugitive"
            | "gunman"
            | "escapee"
            | "inmate"
            | "convict"
            | "man"
            | "woman"
            | "senator"
            | "governor"
            | "dictator"
            | "diplomat"
            | "secretary"
            | "adventurer"
            | "climber"
            | "sailor"
            | "rower"
            | "singer"
            | "star"
            | "visitor"
            | "guest"
            | "prisoner"
            | "trafficker"
            | "smuggler"
            | "teenager"
            | "hiker"
            | "pilgrim"
            | "cyclist"
            | "runner"
            | "swimmer"
            | "walker"
            | "tourist"
            | "driver"
            | "pilot"
            | "reporter"
            | "journalist"
    )
}

/// Heads that name storms.
pub(crate) fn is_storm_word(word: &str) -> bool {
    matches!(
        word,
        "storm" | "hurricane" | "typhoon" | "cyclone" | "depression" | "tempest" | "system"
    )
}

/// Heads that name ships and boats.
pub(crate) fn is_ship_word(word: &str) -> bool {
    matches!(
        word,
        "ship"
            | "vessel"
            | "boat"
            | "tanker"
            | "ferry"
            | "yacht"
            | "carrier"
            | "submarine"
            | "freighter"
            | "trawler"
            | "dinghy"
            | "cutter"
            | "frigate"
            | "destroyer"
            | "liner"
            | "schooner"
            | "barge"
            | "raft"
            | "sloop"
            | "steamer"
            | "icebreaker"
    )
}

/// Animals news follows on their travels ("the shark was tracked off …", "the herd
/// reached Kunming").
pub(crate) fn is_animal_word(word: &str) -> bool {
    matches!(
        word,
        "whale"
            | "shark"
            | "wolf"
            | "bear"
            | "elephant"
            | "elephants"
            | "herd"
            | "walrus"
            | "seal"
            | "turtle"
            | "osprey"
            | "stork"
            | "eagle"
            | "crane"
            | "albatross"
            | "tiger"
            | "leopard"
            | "lion"
            | "moose"
            | "orca"
            | "dolphin"
            | "humpback"
            | "manatee"
            | "crocodile"
            | "cougar"
            | "lynx"
            | "swan"
            | "goose"
            | "falcon"
            | "vulture"
            | "penguin"
    )
}

/// Heads that name aircraft.
pub(crate) fn is_aircraft_word(word: &str) -> bool {
    matches!(
        word,
        "plane"
            | "aircraft"
            | "jet"
            | "airliner"
            | "flight"
            | "helicopter"
            | "airplane"
            | "jetliner"
    )
}

/// Vehicles that carry a person ("his personal armored train").
pub(crate) fn is_carrier_word(word: &str) -> bool {
    matches!(
        word,
        "train" | "motorcade" | "convoy" | "car" | "limousine" | "entourage" | "cortege"
    )
}

/// Heads of groups that travel together.
pub(crate) fn is_group_word(word: &str) -> bool {
    matches!(
        word,
        "delegation"
            | "expedition"
            | "party"
            | "team"
            | "crew"
            | "survivors"
            | "passengers"
            | "migrants"
            | "group"
            | "caravan"
            | "column"
            | "refugees"
            | "pilgrims"
            | "troops"
            | "band"
            | "explorers"
            | "men"
    )
}

/// Prefixes of ship names ("USS Gerald R. Ford").
pub(crate) fn is_ship_prefix(word: &str) -> bool {
    matches!(
        word,
        "USS" | "HMS" | "MV" | "MS" | "RV" | "SS" | "INS" | "HMAS" | "HMCS" | "FV" | "USNS" | "RMS"
    )
}

/// Prefixes of storm names ("Hurricane Ian").
pub(crate) fn is_storm_prefix(word: &str) -> bool {
    matches!(
        word,
        "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Tropical" | "Super" | "Superstorm"
    )
}

/// Capitalised words that begin sentences or headlines but are no names.
pub(crate) fn is_capitalised_stopword(word: &str) -> bool {
    is_calendar_word(word)
        || matches!(
            word,
            "the"
                | "a"
                | "an"
                | "but"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "to"
                | "of"
                | "with"
                | "after"
                | "before"
                | "when"
                | "while"
                | "as"
                | "he"
                | "she"
                | "it"
                | "they"
                | "his"
                | "her"
                | "its"
                | "their"
                | "this"
                | "that"
                | "these"
                | "those"
                | "there"
                | "then"
                | "later"
                | "earlier"
                | "meanwhile"
                | "however"
                | "according"
                | "unnamed"
                | "officials"
                | "police"
                | "authorities"
                | "rescuers"
                | "witnesses"
                | "residents"
                | "forecasters"
                | "we"
                | "i"
                | "you"
                | "our"
                | "no"
                | "not"
                | "if"
                | "since"
                | "during"
                | "until"
                | "one"
                | "two"
                | "some"
                | "many"
                | "all"
                | "both"
                | "each"
                | "every"
                | "what"
                | "who"
                | "where"
                | "why"
                | "how"
                | "yet"
                | "so"
                | "still"
                | "instead"
                | "also"
                | "now"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "ukrainian"
                | "russian"
                | "western"
                | "eastern"
                | "northern"
                | "southern"
        )
}

/// Numbers written as words ("Six stages", "Three men", "Dozens of migrants").
pub(crate) fn is_number_word(word: &str) -> bool {
    crate::time::number_word(word).is_some()
        || matches!(
            word,
            "dozens" | "hundreds" | "thousands" | "several" | "few"
        )
}

/// Words that make a capitalised run an organisation rather than a person.
pub(crate) fn is_org_word(word: &str) -> bool {
    matches!(
        word,
        "agency"
            | "news"
            | "ministry"
            | "department"
            | "office"
            | "council"
            | "times"
            | "post"
            | "press"
            | "associated"
            | "reuters"
            | "tass"
            | "xinhua"
            | "yonhap"
            | "interfax"
            | "novosti"
            | "ria"
            | "kcna"
            | "afp"
            | "ap"
            | "bbc"
            | "cnn"
            | "kremlin"
            | "house"
            | "guard"
            | "army"
            | "navy"
            | "police"
            | "service"
            | "center"
            | "centre"
            | "committee"
            | "commission"
            | "bureau"
            | "company"
            | "airlines"
            | "airways"
            | "air"
            | "lines"
            | "university"
            | "institute"
            | "party"
            | "government"
            | "administration"
            | "parliament"
            | "congress"
            | "senate"
            | "court"
            | "union"
            | "organization"
            | "organisation"
            | "forces"
            | "force"
            | "coast"
            | "journal"
            | "herald"
            | "tribune"
            | "telegraph"
            | "guardian"
            | "television"
            | "tv"
            | "radio"
            | "network"
            | "channel"
            | "media"
            | "group"
            | "inc"
            | "corp"
            | "bank"
            | "fund"
            | "forum"
            | "summit"
            | "conference"
            | "club"
            | "foundation"
            | "society"
            | "museum"
            | "hospital"
            | "school"
            | "church"
            | "embassy"
            | "mission"
            | "command"
            | "fleet"
            | "patrol"
            | "rescue"
            | "authority"
            | "authorities"
            | "online"
            | "daily"
            | "crescent"
            | "cross"
            | "nations"
            | "association"
            | "federation"
            | "alliance"
            | "coalition"
            | "trust"
            | "charity"
    )
}

/// Words that begin the name of a site in the languages news borrows names from:
/// "Parque General San Martín", "Estadio Germán Becker", "Avenida Presidente Vargas".
pub(crate) fn is_site_head(word: &str) -> bool {
    matches!(
        word,
        "parque"
            | "parc"
            | "parco"
            | "avenida"
            | "calle"
            | "rua"
            | "rue"
            | "plaza"
            | "praça"
            | "piazza"
            | "paseo"
            | "estadio"
            | "estádio"
            | "stadio"
            | "teatro"
            | "théâtre"
            | "aeropuerto"
            | "aeroporto"
            | "aéroport"
            | "puerto"
            | "porto"
            | "palacio"
            | "palácio"
            | "palais"
            | "palazzo"
            | "museo"
            | "musée"
            | "hospital"
            | "hôpital"
            | "ospedale"
            | "universidad"
            | "universidade"
            | "université"
            | "colegio"
            | "iglesia"
            | "igreja"
            | "église"
            | "catedral"
            | "cathédrale"
            | "estación"
            | "estação"
            | "gare"
            | "stazione"
            | "fort"
            | "camp"
            | "mount"
            | "lake"
            | "port"
    )
}

/// Words that end the name of a site, not of a person: "Makalu Base Camp, where …",
/// "Hagley Oval", "Baneasa Airport".
pub(crate) fn is_site_word(word: &str) -> bool {
    matches!(
        word,
        "camp"
            | "base"
            | "park"
            | "airport"
            | "airfield"
            | "airstrip"
            | "station"
            | "terminal"
            | "port"
            | "harbour"
            | "harbor"
            | "pier"
            | "square"
            | "plaza"
            | "street"
            | "road"
            | "avenue"
            | "highway"
            | "bridge"
            | "tunnel"
            | "dam"
            | "canal"
            | "glacier"
            | "mountain"
            | "mountains"
            | "peak"
            | "pass"
            | "col"
            | "valley"
            | "lake"
            | "river"
            | "island"
            | "islands"
            | "beach"
            | "bay"
            | "falls"
            | "desert"
            | "forest"
            | "reserve"
            | "hotel"
            | "stadium"
            | "arena"
            | "oval"
            | "palace"
            | "hall"
            | "cathedral"
            | "mosque"
            | "temple"
            | "prison"
            | "jail"
            | "market"
    )
}

/// Weekdays, months and the holidays news dates events by (lower case).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "christmas"
            | "easter"
    )
}
