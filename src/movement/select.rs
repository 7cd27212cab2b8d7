//! Selection: which actor is the main traveller, which candidates are its stops, and
//! whose the other stops are.

use serde::Serialize;

use super::Status;
use super::candidates::{Candidate, Event, Whose};
use super::doc::Doc;
use super::features::{StopFeature, TravellerFeature, each_stop_features, traveller_features};
use super::lexicon::Trigger;
use super::traveller::Cast;
use super::weights;

/// The event that places `actor` at candidate `c`: the sources that are the actor's own
/// words are no source ("Kim said he arrived").
fn event(cast: &Cast, c: &Candidate, actor: usize) -> Event {
    let own = cast
        .members
        .get(actor)
        .map(|m| m.parts.as_slice())
        .unwrap_or_default();
    let sources: Vec<String> = c
        .sources
        .iter()
        .filter(|s| !own.iter().any(|p| s.to_lowercase() == *p))
        .cloned()
        .collect();
    let status = if c.status == super::Status::Reported && sources.is_empty() {
        super::Status::Confirmed
    } else {
        c.status
    };
    Event {
        actor,
        place: c.place,
        role: c.role,
        status,
        sources,
        time: c.time,
        sentence: c.sentence,
        trigger: c.trigger,
        cue: c.cue,
        background: c.background,
        phase: c.phase,
        offset: c.offset,
        present: c.present,
    }
}

/// A headline ("Kim arrives in Russia") summarises the story: its events are dropped when
/// the body tells of the same place.
fn drop_headline_repeats(doc: &Doc<'_>, events: &mut Vec<Event>) {
    if !doc.has_headline() {
        return;
    }
    // the body names the headline's place, a place it holds, or one close by ("Trump and
    // Kim Arrive in Singapore" over "arrived … at Paya Lebar Air Base in Singapore")
    let place = |e: &Event| doc.places[e.place].destination();
    let body: Vec<&crate::gazetteer::Candidate> = events
        .iter()
        .filter(|e| e.sentence > 0)
        .filter_map(place)
        .collect();
    events.retain(|e| {
        e.sentence > 0
            || place(e).is_none_or(|head| {
                !body.iter().any(|b| {
                    b.id == head.id
                        || super::geometry::contains(head, b)
                        || b.latlon.distance_km(head.latlon) < HEADLINE_NEAR_KM
                })
            })
    });
}

/// A headline's place this close to a place the body names is the same stop, told again.
const HEADLINE_NEAR_KM: f64 = 40.0;

/// Below this share of places hung on the main traveller's event words, a text is a list,
/// a timeline or an itinerary rather than a story, and any place it names may be a stop.
const TOLD: f32 = 0.2;

/// The selection's two models: which actor is the main traveller, and which candidates
/// are its stops. [`Model::builtin`] is what ships (`weights.rs`); a weight file can stand
/// in for it (`itinera extract --stop-weights FILE`), as cross-validation does.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Weights of each stop feature's largest value over a place's mentions.
    stop_max: [f32; StopFeature::COUNT],
    /// Weights of each stop feature's smallest value over a place's mentions.
    stop_min: [f32; StopFeature::COUNT],
    threshold: f32,
    traveller: [f32; TravellerFeature::COUNT],
}

impl Default for Model {
    fn default() -> Self {
        Model::builtin()
    }
}

impl Model {
    /// The weights that ship.
    #[must_use]
    pub fn builtin() -> Model {
        // the table holds thousandths
        let table = |rows: &[(StopFeature, i32)]| {
            let mut out = [0.0; StopFeature::COUNT];
            for &(f, w) in rows {
                out[f as usize] = w as f32 / 1000.0;
            }
            out
        };
        let mut traveller = [0.0; TravellerFeature::COUNT];
        for &(f, w) in weights::TRAVELLER {
            traveller[f as usize] = w as f32 / 1000.0;
        }
        Model {
            stop_max: table(weights::STOP_MAX),
            stop_min: table(weights::STOP_MIN),
            threshold: weights::THRESHOLD,
            traveller,
        }
    }

    /// A model from a weight file: `{"stop_max": {name: weight, …}, "stop_min": {…},
    /// "traveller": {…}, "threshold": 0.5}`; a feature the file leaves out weighs 0.
    pub fn from_json(text: &str) -> Result<Model, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not a weight file: {e}"))?;
        let read = |key: &str, out: &mut [f32], find: &dyn Fn(&str) -> Option<usize>| {
            let Some(table) = value.get(key) else {
                return Ok(());
            };
            let table = table
                .as_object()
                .ok_or_else(|| format!("\"{key}\" must be an object of weights"))?;
            for (name, w) in table {
                let i = find(name).ok_or_else(|| format!("unknown {key} feature \"{name}\""))?;
                out[i] = w
                    .as_f64()
                    .ok_or_else(|| format!("the weight of \"{name}\" must be a number"))?
                    as f32;
            }
            Ok::<(), String>(())
        };
        let stop = |n: &str| StopFeature::from_label(n).map(|f| f as usize);
        let mut stop_max = [0.0; StopFeature::COUNT];
        read("stop_max", &mut stop_max, &stop)?;
        let mut stop_min = [0.0; StopFeature::COUNT];
        read("stop_min", &mut stop_min, &stop)?;
        let mut traveller = [0.0; TravellerFeature::COUNT];
        read("traveller", &mut traveller, &|n| {
            TravellerFeature::from_label(n).map(|f| f as usize)
        })?;
        let threshold = match value.get("threshold") {
            None => weights::THRESHOLD,
            Some(t) => t
                .as_f64()
                .ok_or_else(|| "\"threshold\" must be a number".to_owned())?
                as f32,
        };
        Ok(Model {
            stop_max,
            stop_min,
            threshold,
            traveller,
        })
    }

    /// The probability that a place is a stop, from the largest and smallest values of its
    /// mentions' features.
    fn stop_probability(
        &self,
        max: &[f32; StopFeature::COUNT],
        min: &[f32; StopFeature::COUNT],
    ) -> f32 {
        let z: f32 = self
            .stop_max
            .iter()
            .zip(max)
            .map(|(w, v)| w * v)
            .sum::<f32>()
            + self
                .stop_min
                .iter()
                .zip(min)
                .map(|(w, v)| w * v)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    fn traveller_score(&self, x: &[f32; TravellerFeature::COUNT]) -> f32 {
        self.traveller.iter().zip(x).map(|(w, v)| w * v).sum()
    }
}

/// Why the selection chose as it did: every feature it weighed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// The names of the stop features, in the order of each candidate's `features`.
    pub stop_features: Vec<&'static str>,
    /// The names of the traveller features, in the order of each traveller's `features`.
    pub traveller_features: Vec<&'static str>,
    /// Every actor weighed as the main traveller.
    pub travellers: Vec<TravellerReport>,
    /// Every place mention, with the features of its sentence.
    pub candidates: Vec<CandidateReport>,
    /// Every place the text names, weighed as a stop of the main traveller.
    pub places: Vec<PlaceReport>,
    /// Every event the selection kept, of every actor, as ordering sees it.
    pub events: Vec<EventReport>,
}

/// One kept event: an actor placed at a place mention, with what ordering reads from it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventReport {
    /// The actor's name.
    pub actor: String,
    /// The mention's index in the analysis's `places`.
    pub place: usize,
    /// How the event places the actor: "origin", "arrival", "presence"…
    pub role: &'static str,
    /// How it is vouched for.
    pub status: Status,
    /// The TIMEX3 value of the time attached to it, if any.
    pub time: Option<String>,
    /// The index of its sentence.
    pub sentence: usize,
    /// Its event word's token index, for text order.
    pub trigger: usize,
    /// "after", "before" or "none": how it stands against the event told before it.
    pub cue: &'static str,
    /// "opening", "closing" or "any": where the text puts it in the journey.
    pub phase: &'static str,
    /// The sentence recalls an earlier trip.
    pub background: bool,
}

impl EventReport {
    pub(crate) fn new(doc: &Doc<'_>, cast: &Cast, e: &Event) -> EventReport {
        EventReport {
            actor: cast
                .members
                .get(e.actor)
                .map_or_else(|| String::from("Unknown traveller"), |m| m.name.clone()),
            place: e.place,
            role: e.role.label(),
            status: e.status,
            time: e.time.map(|t| doc.times[t].value.clone()),
            sentence: e.sentence,
            trigger: e.trigger,
            cue: e.cue.label(),
            phase: e.phase.label(),
            background: e.background,
        }
    }
}

/// One place weighed as a stop: what all its mentions say, at most and at least.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceReport {
    /// Where a stop there would lie.
    pub destination: crate::gazetteer::Candidate,
    /// Indices of its mentions in the analysis's `places`.
    pub mentions: Vec<usize>,
    /// The probability that it is a stop of the main traveller.
    pub probability: f32,
    /// True when it was taken as one.
    pub stop: bool,
    /// The largest value of each stop feature over its mentions.
    pub max: Vec<f32>,
    /// The smallest value of each stop feature over its mentions.
    pub min: Vec<f32>,
}

/// One actor weighed as the main traveller.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TravellerReport {
    /// The actor's name.
    pub name: String,
    /// Its score; the highest is the main traveller.
    pub score: f32,
    /// True for the main traveller.
    pub main: bool,
    /// Its feature values.
    pub features: Vec<f32>,
}

/// One place mention and the features of its sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CandidateReport {
    /// The mention's index in the analysis's `places`.
    pub place: usize,
    /// Its feature values.
    pub features: Vec<f32>,
}

/// The main traveller, and the events of every actor: the model decides the main
/// traveller's stops, today's rules those of the others.
pub(crate) fn with_model(
    doc: &Doc<'_>,
    cast: &Cast,
    candidates: &[Candidate],
    model: &Model,
    mut explain: Option<&mut Explanation>,
) -> (Option<usize>, Vec<Event>) {
    let travellers = traveller_features(doc, cast, candidates);
    let scores: Vec<f32> = travellers
        .iter()
        .map(|x| model.traveller_score(x))
        .collect();
    let main = scores
        .iter()
        .enumerate()
        .fold(None::<(usize, f32)>, |best, (a, &s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((a, s)),
        })
        .map(|(a, _)| a);
    let mut events = Vec::new();
    let main_id = main.unwrap_or(usize::MAX);
    if let Some(e) = explain.as_deref_mut() {
        e.stop_features = StopFeature::ALL.iter().map(|f| f.label()).collect();
        e.traveller_features = TravellerFeature::ALL.iter().map(|f| f.label()).collect();
        e.travellers = cast
            .members
            .iter()
            .zip(&travellers)
            .zip(&scores)
            .enumerate()
            .map(|(a, ((m, x), &score))| TravellerReport {
                name: m.name.clone(),
                score,
                main: main == Some(a),
                features: x.to_vec(),
            })
            .collect();
    }
    // Places, each with its mentions, in the order the text first names them.
    let mut places: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut place_of = vec![usize::MAX; candidates.len()];
    for (n, c) in candidates.iter().enumerate() {
        let Some(place) = doc.places[c.place].destination() else {
            continue;
        };
        let i = *index.entry(place.id.as_str()).or_insert_with(|| {
            places.push((&place.id, Vec::new()));
            places.len() - 1
        });
        places[i].1.push(n);
        place_of[n] = i;
    }
    // what all the mentions of each place say, at most and at least
    let mut most = vec![[f32::MIN; StopFeature::COUNT]; places.len()];
    let mut least = vec![[f32::MAX; StopFeature::COUNT]; places.len()];
    each_stop_features(doc, cast, candidates, main, |n, x| {
        if let Some(e) = explain.as_deref_mut() {
            e.candidates.push(CandidateReport {
                place: candidates[n].place,
                features: x.to_vec(),
            });
        }
        if let (Some(most), Some(least)) = (most.get_mut(place_of[n]), least.get_mut(place_of[n])) {
            for (i, &v) in x.iter().enumerate() {
                most[i] = most[i].max(v);
                least[i] = least[i].min(v);
            }
        }
    });
    // a list or a timeline still speaks of a journey somewhere ("the tour", "sailed")
    let journey_told = doc.lowers().any(|w| {
        crate::movement::lexicon::trigger(w).is_some_and(|t| !matches!(t, Trigger::Adjacent))
    });
    for (p, (_, mentions)) in places.iter().enumerate() {
        let (most, least) = (&most[p], &least[p]);
        // no mention ties the place to a journey, in a story told with event words: no
        // candidate (a list or a timeline, told without them, keeps every place)
        let p = if most[StopFeature::Evidence as usize] > 0.0
            || (most[StopFeature::Told as usize] < TOLD && journey_told)
        {
            model.stop_probability(most, least)
        } else {
            0.0
        };
        let stop = p >= model.threshold;
        // the mentions that place the traveller: not those that describe another place, name
        // a government or a person ("a city about 60 km north of Vladivostok", "Moscow's
        // invasion"), unless every mention does
        let clear = mentions.iter().any(|&n| !candidates[n].against.any());
        for &n in mentions {
            let c = &candidates[n];
            if clear && c.against.any() {
                continue;
            }
            // a place the text says the traveller did not go to is kept apart, as denied
            let denied = c.status == Status::Denied
                && c.link.is_some()
                && (c.whose == Whose::Implicit || c.actors.first() == Some(&main_id));
            if stop || denied {
                let mut e = event(cast, c, main_id);
                e.background = false;
                events.push(e);
            }
        }
        if let Some(e) = explain.as_deref_mut()
            && let Some(destination) = doc.places[candidates[mentions[0]].place].destination()
        {
            e.places.push(PlaceReport {
                destination: destination.clone(),
                mentions: mentions.iter().map(|&n| candidates[n].place).collect(),
                probability: p,
                stop,
                max: most.to_vec(),
                min: least.to_vec(),
            });
        }
    }
    for c in candidates {
        if c.link.is_none() || c.against.any() || c.whose == Whose::Implicit {
            continue;
        }
        for &actor in &c.actors {
            if actor != main_id {
                events.push(event(cast, c, actor));
            }
        }
    }
    drop_headline_repeats(doc, &mut events);
    (main, events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_unique_and_read_back() {
        for f in StopFeature::ALL {
            assert_eq!(StopFeature::from_label(f.label()), Some(*f));
        }
        for f in TravellerFeature::ALL {
            assert_eq!(TravellerFeature::from_label(f.label()), Some(*f));
        }
        assert_eq!(StopFeature::from_label("no such cue"), None);
    }

    #[test]
    fn the_shipped_weights_name_each_feature_at_most_once() {
        let mut seen = std::collections::HashSet::new();
        for (f, _) in weights::STOP_MAX {
            assert!(seen.insert(("max", *f as usize)), "{f:?} twice");
        }
        for (f, _) in weights::STOP_MIN {
            assert!(seen.insert(("min", *f as usize)), "{f:?} twice");
        }
        // the rules' verdict counts for a stop, a mention that only names a government
        // against it
        let model = Model::builtin();
        assert!(model.stop_max[StopFeature::Rules as usize] > 0.0);
        assert!(model.stop_min[StopFeature::Government as usize] < 0.0);
    }

    #[test]
    fn weight_files_are_read_and_bad_ones_refused_with_a_reason() {
        let model = Model::from_json(
            r#"{"threshold": 0.3, "stop_max": {"bias": -1, "rules": 2.5}, "traveller": {"mentions": 1}}"#,
        )
        .expect("a good file");
        assert!((model.threshold - 0.3).abs() < 1e-6);
        assert!((model.stop_max[StopFeature::Rules as usize] - 2.5).abs() < 1e-6);
        assert!(model.stop_min.iter().all(|&w| w == 0.0));
        for (text, says) in [
            ("not json", "not a weight file"),
            (r#"{"stop_max": {"flying": 1}}"#, "unknown stop_max feature"),
            (r#"{"stop_max": {"rules": "high"}}"#, "must be a number"),
            (r#"{"stop_max": [1, 2]}"#, "must be an object"),
            (r#"{"threshold": "half"}"#, "threshold"),
        ] {
            let err = Model::from_json(text).expect_err(text);
            assert!(err.contains(says), "{text}: {err}");
        }
    }
}
