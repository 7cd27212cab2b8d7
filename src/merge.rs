//! Several articles about one journey, merged into one route per actor.
//!
//! Each article is analysed on its own; then actors are matched across articles by name
//! (the same kind of mover, and one name holding the other's words or sharing a person's
//! family name: "Kim Jong Un", "Kim"; "Vladimir Putin", "President Putin"), and each
//! actor's stops are matched by place. A stop told by several articles keeps every
//! source and quote, each naming its article; where two articles give the same place
//! different days, the stop keeps both ([`MergedStop::disagreements`]). Stops are put in
//! order by their days where the articles give them, else in the order of the first article
//! that tells them.

use crate::analysis::Analysis;
use crate::movement::{Actor, ActorKind, Evidence, Stop, When};
use crate::span::Span;

/// One article of a merged analysis.
#[derive(Clone, Debug)]
pub struct Source {
    /// Where it came from: a file name or a web address.
    pub origin: String,
    /// Its own analysis.
    pub analysis: Analysis,
}

/// Several articles, one route per actor.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The articles, in the order given.
    pub documents: Vec<Source>,
    /// The actors, the main mover (most stops, then most articles) first.
    pub actors: Vec<MergedActor>,
}

/// An actor as the articles together tell it.
#[derive(Clone, Debug)]
pub struct MergedActor {
    /// The fullest name any article gives.
    pub name: String,
    /// What sort of mover it is.
    pub kind: ActorKind,
    /// The articles that tell of it (indices into [`Merged::documents`]).
    pub documents: Vec<usize>,
    /// Every mention of it, with its article, in the order of the articles.
    pub mentions: Vec<(usize, Span)>,
    /// The route, in travel order.
    pub stops: Vec<MergedStop>,
}

/// One stop, with what every article says of it.
#[derive(Clone, Debug)]
pub struct MergedStop {
    /// The stop as the first article that tells it gives it (place, time, status).
    pub stop: Stop,
    /// The article of [`MergedStop::stop`].
    pub document: usize,
    /// Every quote behind the stop, with its article.
    pub evidence: Vec<(usize, Evidence)>,
    /// Every mention of the stop, with its article.
    pub mentions: Vec<(usize, Span)>,
    /// Every source named, in order of first mention across the articles.
    pub sources: Vec<String>,
    /// Every source named, with the article that names it (a source two articles name is
    /// listed for each).
    pub attributed: Vec<(usize, String)>,
    /// Another article's day for the same stop, where it differs.
    pub disagreements: Vec<(usize, When)>,
}

/// How far apart two points may be and still be one stop, in kilometres.
const SAME_STOP_KM: f64 = 25.0;

/// Merges the analyses of several articles.
#[must_use]
pub fn merge(documents: Vec<Source>) -> Merged {
    let mut actors: Vec<MergedActor> = Vec::new();
    for (d, source) in documents.iter().enumerate() {
        for actor in source
            .analysis
            .actors
            .iter()
            .filter(|a| !a.stops.is_empty())
        {
            match actors
                .iter()
                .position(|m| m.kind == actor.kind && same_name(&m.name, &actor.name))
            {
                Some(m) => join(&mut actors[m], d, actor),
                None => actors.push(MergedActor {
                    name: actor.name.clone(),
                    kind: actor.kind,
                    documents: vec![d],
                    mentions: actor.mentions.iter().map(|&m| (d, m)).collect(),
                    stops: actor.stops.iter().map(|s| merged_stop(d, s)).collect(),
                }),
            }
        }
    }
    // the main mover: most stops, then told by most articles, then first told
    let mut order: Vec<usize> = (0..actors.len()).collect();
    order.sort_by_key(|&a| {
        (
            std::cmp::Reverse(actors[a].stops.len()),
            std::cmp::Reverse(actors[a].documents.len()),
            a,
        )
    });
    let mut slots: Vec<Option<MergedActor>> = actors.into_iter().map(Some).collect();
    let actors = order.into_iter().filter_map(|a| slots[a].take()).collect();
    Merged { documents, actors }
}

fn merged_stop(d: usize, s: &Stop) -> MergedStop {
    MergedStop {
        stop: s.clone(),
        document: d,
        evidence: s.evidence.iter().map(|e| (d, e.clone())).collect(),
        mentions: s.mentions.iter().map(|&m| (d, m)).collect(),
        sources: s.sources.clone(),
        attributed: s.sources.iter().map(|x| (d, x.clone())).collect(),
        disagreements: Vec::new(),
    }
}

/// True when two names of movers name the same one: equal but for case, one's words all
/// among the other's ("Kim" in "Kim Jong Un"), or two names of two words or more ending in
/// the same family name ("Vladimir Putin", "President Putin").
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && w != "the")
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    within(&a, &b) || within(&b, &a) || (a.len() >= 2 && b.len() >= 2 && a.last() == b.last())
}

/// Adds an article's telling of an actor to the merged actor.
fn join(merged: &mut MergedActor, d: usize, actor: &Actor) {
    if !merged.documents.contains(&d) {
        merged.documents.push(d);
    }
    merged
        .mentions
        .extend(actor.mentions.iter().map(|&m| (d, m)));
    if actor.name.split_whitespace().count() > merged.name.split_whitespace().count() {
        merged.name.clone_from(&actor.name);
    }
    // each stop of this article matches at most one stop already there; unmatched stops go
    // after the stop this article told just before them
    let mut taken = vec![false; merged.stops.len()];
    let mut after: Option<usize> = None;
    let mut inserts: Vec<(Option<usize>, MergedStop)> = Vec::new();
    for s in &actor.stops {
        let matched = merged
            .stops
            .iter()
            .enumerate()
            .filter(|(i, m)| !taken[*i] && same_place(&m.stop, s))
            // of several visits, the one nearest in time, else the first not yet matched
            .min_by_key(|(_, m)| gap_seconds(m.stop.when.as_ref(), s.when.as_ref()))
            .map(|(i, _)| i);
        match matched {
            Some(i) => {
                taken[i] = true;
                absorb(&mut merged.stops[i], d, s);
                after = Some(i);
            }
            None => inserts.push((after, merged_stop(d, s))),
        }
    }
    // each new stop goes after the stop it followed in its article; inserted from the last
    // position back, so the positions not yet used still point where they did (the sort is
    // stable: a run after one stop keeps its own order)
    inserts.sort_by_key(|(at, _)| *at);
    for (at, stop) in inserts.into_iter().rev() {
        let index = at.map_or(0, |i| i + 1).min(merged.stops.len());
        merged.stops.insert(index, stop);
    }
    reorder_by_days(&mut merged.stops);
}

fn same_place(a: &Stop, b: &Stop) -> bool {
    a.place.id == b.place.id || a.place.latlon.distance_km(b.place.latlon) < SAME_STOP_KM
}

/// Seconds between two stops' times (0 when either is unknown: no evidence against).
fn gap_seconds(a: Option<&When>, b: Option<&When>) -> i64 {
    match (a.and_then(|w| w.earliest), b.and_then(|w| w.earliest)) {
        (Some(x), Some(y)) => (x - y).num_seconds().abs(),
        _ => 0,
    }
}

/// True when two times cannot be the same: both known, and their bounds do not overlap.
pub(crate) fn disagree(a: &When, b: &When) -> bool {
    match (a.earliest, a.latest, b.earliest, b.latest) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => a1 < b0 || b1 < a0,
        _ => false,
    }
}

/// Adds another article's telling of a stop.
fn absorb(merged: &mut MergedStop, d: usize, s: &Stop) {
    for e in &s.evidence {
        merged.evidence.push((d, e.clone()));
    }
    for &m in &s.mentions {
        merged.mentions.push((d, m));
    }
    for source in &s.sources {
        if !merged.sources.contains(source) {
            merged.sources.push(source.clone());
        }
        merged.attributed.push((d, source.clone()));
    }
    match (&merged.stop.when, &s.when) {
        (Some(ours), Some(theirs)) if disagree(ours, theirs) => {
            merged.disagreements.push((d, theirs.clone()));
        }
        // a day only the other article gives
        (None, Some(theirs)) => merged.stop.when = Some(theirs.clone()),
        _ => {}
    }
}

/// Puts stops with days in the order of their days, leaving undated stops where they are
/// between them (a stable sort on the last day known at each stop; undated stops before any
/// day stay at the start).
fn reorder_by_days(stops: &mut Vec<MergedStop>) {
    let mut last = None;
    let mut keyed: Vec<(Option<chrono::NaiveDateTime>, MergedStop)> = std::mem::take(stops)
        .into_iter()
        .map(|s| {
            if let Some(t) = s.stop.when.as_ref().and_then(|w| w.earliest) {
                last = Some(t);
            }
            (last, s)
        })
        .collect();
    keyed.sort_by_key(|(day, _)| *day);
    stops.extend(keyed.into_iter().map(|(_, s)| s));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Gazetteer, Options, analyze};

    fn source(origin: &str, text: &str) -> Source {
        Source {
            origin: origin.to_owned(),
            analysis: analyze(
                &Document::from_text(text),
                Gazetteer::embedded(),
                &Options::default(),
            ),
        }
    }

    #[test]
    fn names_of_one_mover_are_matched() {
        assert!(same_name("Kim Jong Un", "Kim"));
        assert!(same_name("Vladimir Putin", "President Putin"));
        assert!(same_name("the envoy", "The Envoy"));
        assert!(!same_name("Kim Jong Un", "Vladimir Putin"));
        assert!(!same_name("", "Putin"));
    }

    #[test]
    fn two_articles_make_one_route_with_sources_from_both() {
        let a = source(
            "a.txt",
            "Foreign Minister Anna Berg flew from Vienna to Budapest on 2 May 2024. KCNA said \
             she then travelled to Belgrade on 3 May 2024.",
        );
        let b = source(
            "b.txt",
            "Minister Berg reached Belgrade on 3 May 2024, Yonhap reported. She went on to Sarajevo \
             on 5 May 2024.",
        );
        let merged = merge(vec![a, b]);
        let envoy = &merged.actors[0];
        assert_eq!(envoy.documents, vec![0, 1]);
        let names: Vec<&str> = envoy
            .stops
            .iter()
            .map(|s| s.stop.place.name.as_str())
            .collect();
        assert_eq!(names, ["Vienna", "Budapest", "Belgrade", "Sarajevo"]);
        let belgrade = &envoy.stops[2];
        let articles: Vec<usize> = belgrade.evidence.iter().map(|(d, _)| *d).collect();
        assert!(
            articles.contains(&0) && articles.contains(&1),
            "{articles:?}"
        );
        assert!(belgrade.disagreements.is_empty());
        assert_eq!(envoy.stops[3].document, 1);
        // who said so, with the article that says it
        assert_eq!(
            belgrade.attributed,
            [(0, "KCNA".to_owned()), (1, "Yonhap".to_owned())]
        );
        let told: Vec<usize> = envoy.mentions.iter().map(|(d, _)| *d).collect();
        assert!(told.contains(&0) && told.contains(&1), "{told:?}");
        assert!(told.is_sorted(), "{told:?}");
    }

    #[test]
    fn articles_that_give_one_stop_different_days_keep_both() {
        let a = source("a.txt", "Anna Berg arrived in Belgrade on 3 May 2024.");
        let b = source("b.txt", "Anna Berg arrived in Belgrade on 9 May 2024.");
        let merged = merge(vec![a, b]);
        let stop = &merged.actors[0].stops[0];
        assert_eq!(merged.actors[0].stops.len(), 1);
        assert_eq!(
            stop.stop.when.as_ref().map(|w| w.value.as_str()),
            Some("2024-05-03")
        );
        assert_eq!(stop.disagreements.len(), 1);
        assert_eq!(stop.disagreements[0].0, 1);
        assert_eq!(stop.disagreements[0].1.value, "2024-05-09");
    }

    fn undated(name: &str) -> Stop {
        let place = Gazetteer::embedded()
            .lookup(name)
            .into_iter()
            .next()
            .expect("a place of that name");
        Stop {
            place,
            mentions: Vec::new(),
            when: None,
            status: crate::movement::Status::Confirmed,
            sources: Vec::new(),
            evidence: Vec::new(),
            alternatives: Vec::new(),
            approximate: false,
        }
    }

    #[test]
    fn a_new_stop_goes_after_the_stop_its_article_told_before_it() {
        // the first article: Vienna, Budapest, Belgrade, Sofia; the second tells Sofia, then
        // Skopje, then goes back to Budapest, then Bratislava
        let route = |names: &[&str]| names.iter().map(|n| merged_stop(0, &undated(n))).collect();
        let mut merged = MergedActor {
            name: "Anna Berg".into(),
            kind: ActorKind::Person,
            documents: vec![0],
            mentions: Vec::new(),
            stops: route(&["Vienna", "Budapest", "Belgrade", "Sofia"]),
        };
        let second = Actor {
            name: "Berg".into(),
            stops: ["Sofia", "Skopje", "Budapest", "Bratislava"]
                .iter()
                .map(|n| undated(n))
                .collect(),
            kind: ActorKind::Person,
            ..Actor::default()
        };
        join(&mut merged, 1, &second);
        let names: Vec<&str> = merged
            .stops
            .iter()
            .map(|s| s.stop.place.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Vienna",
                "Budapest",
                "Bratislava",
                "Belgrade",
                "Sofia",
                "Skopje"
            ]
        );
        assert_eq!(merged.documents, vec![0, 1]);
    }

    #[test]
    fn movers_of_other_kinds_or_names_stay_apart() {
        let a = source(
            "a.txt",
            "The envoy flew from Vienna to Budapest on 2 May 2024.",
        );
        let b = source("b.txt", "Hurricane Ida struck Louisiana on 29 August 2021.");
        let merged = merge(vec![a, b]);
        assert_eq!(merged.actors.len(), 2);
        assert!(merged.actors.iter().all(|a| a.documents.len() == 1));
    }
}
