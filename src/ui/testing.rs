//! Hand-made analyses for tests and benchmarks, built without the pipeline.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::gazetteer::{Candidate, PlaceKind};
use crate::geo::LatLon;
use crate::geoparse::PlaceMention;
use crate::movement::{Actor, Evidence, Status, Stop, When};
use crate::span::Span;
use crate::time::{Granularity, TimeExpr, TimexType};

const TEXT: &str = "The envoy left Vienna on June 4, 2025, by boat. \
She reached Budapest on June 6, 2025, and met ministers. \
Officials said she is expected in Belgrade on June 8, 2025. \
Her deputy stayed in Bratislava. \
Reporters waited in Atlantis.";

fn city(name: &str, lat: f64, lon: f64, country: &str) -> Candidate {
    Candidate {
        id: format!("test:{}", name.to_lowercase()),
        name: name.into(),
        latlon: LatLon::new(lat, lon),
        kind: PlaceKind::PopulatedPlace,
        feature_code: "PPLC".into(),
        country: Some(country.into()),
        admin1: None,
        population: 1_000_000,
        importance: 0.9,
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or(0);
    Span::new(start, start + needle.len())
}

fn sentence_of(text: &str, span: Span) -> Evidence {
    let start = text[..span.start].rfind(". ").map_or(0, |i| i + 2);
    let end = text[span.end..]
        .find('.')
        .map_or(text.len(), |i| span.end + i + 1);
    Evidence {
        span: Span::new(start, end),
        quote: text[start..end].to_owned(),
    }
}

fn time(text: &str, mention: &str, date: NaiveDate) -> TimeExpr {
    TimeExpr {
        span: span_of(text, mention),
        mention: mention.into(),
        kind: TimexType::Date,
        value: date.format("%Y-%m-%d").to_string(),
        earliest: date.and_hms_opt(0, 0, 0),
        latest: date.and_hms_opt(23, 59, 59),
        granularity: Granularity::Day,
    }
}

fn stop(text: &str, place: Candidate, when: Option<&TimeExpr>, status: Status) -> Stop {
    let span = span_of(text, &place.name);
    Stop {
        mentions: vec![span],
        when: when.map(|t| When {
            value: t.value.clone(),
            earliest: t.earliest,
            latest: t.latest,
            span: t.span,
        }),
        status,
        sources: if status == Status::Reported || status == Status::Expected {
            vec!["officials".into()]
        } else {
            Vec::new()
        },
        evidence: vec![sentence_of(text, span)],
        alternatives: Vec::new(),
        approximate: false,
        place,
    }
}

/// Two actors: "Envoy" with three stops (Vienna, Budapest, Belgrade — the last one expected)
/// and "Deputy" with one (Bratislava); "Atlantis" is an unresolved mention.
#[must_use]
pub fn three_stop_analysis() -> Analysis {
    let text = TEXT.to_owned();
    let d = |day| NaiveDate::from_ymd_opt(2025, 6, day).unwrap_or_default();
    let times = vec![
        time(&text, "June 4, 2025", d(4)),
        time(&text, "June 6, 2025", d(6)),
        time(&text, "June 8, 2025", d(8)),
    ];
    let vienna = city("Vienna", 48.2082, 16.3738, "AT");
    let budapest = city("Budapest", 47.4979, 19.0402, "HU");
    let belgrade = city("Belgrade", 44.7866, 20.4489, "RS");
    let bratislava = city("Bratislava", 48.1486, 17.1077, "SK");
    let mut places: Vec<PlaceMention> = [&vienna, &budapest, &belgrade, &bratislava]
        .into_iter()
        .map(|c| PlaceMention {
            span: span_of(&text, &c.name),
            mention: c.name.clone(),
            resolved: Some(Arc::new(c.clone())),
            confidence: 0.9,
            adjectival: false,
            street: false,
            city: None,
        })
        .collect();
    places.push(PlaceMention {
        span: span_of(&text, "Atlantis"),
        mention: "Atlantis".into(),
        resolved: None,
        confidence: 0.2,
        adjectival: false,
        street: false,
        city: None,
    });
    places.sort_by_key(|p| p.span);
    let actors = vec![
        Actor {
            name: "Envoy".into(),
            mentions: vec![span_of(&text, "envoy")],
            stops: vec![
                stop(&text, vienna, Some(&times[0]), Status::Confirmed),
                stop(&text, budapest, Some(&times[1]), Status::Confirmed),
                stop(&text, belgrade, Some(&times[2]), Status::Expected),
            ],
            ..Default::default()
        },
        Actor {
            name: "Deputy".into(),
            mentions: vec![span_of(&text, "deputy")],
            stops: vec![stop(&text, bratislava, None, Status::Reported)],
            ..Default::default()
        },
    ];
    let sentences = text
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .scan(0, |start, end| {
            let s = Span::new(*start, end);
            *start = end + 1;
            Some(s)
        })
        .collect();
    Analysis {
        title: Some("Envoy on the Danube".into()),
        published: Some(d(9)),
        reference_date: Some(d(9)),
        text,
        sentences,
        places,
        times,
        actors,
        diagnostics: Vec::new(),
        explanation: None,
    }
}

const SECOND_TEXT: &str = "The envoy arrived in Belgrade on June 9, 2025, officials said. \
She flew on to Sofia on June 10, 2025.";

/// A second article about the envoy of [`three_stop_analysis`]: "Envoy" reached Belgrade
/// (a day later than the first article says, officials said) and went on to Sofia.
#[must_use]
pub fn second_article_analysis() -> Analysis {
    let text = SECOND_TEXT.to_owned();
    let d = |day| NaiveDate::from_ymd_opt(2025, 6, day).unwrap_or_default();
    let times = vec![
        time(&text, "June 9, 2025", d(9)),
        time(&text, "June 10, 2025", d(10)),
    ];
    let belgrade = city("Belgrade", 44.7866, 20.4489, "RS");
    let sofia = city("Sofia", 42.6977, 23.3219, "BG");
    let places = [&belgrade, &sofia]
        .into_iter()
        .map(|c| PlaceMention {
            span: span_of(&text, &c.name),
            mention: c.name.clone(),
            resolved: Some(Arc::new(c.clone())),
            confidence: 0.9,
            adjectival: false,
            street: false,
            city: None,
        })
        .collect();
    let actors = vec![Actor {
        name: "Envoy".into(),
        mentions: vec![span_of(&text, "envoy")],
        stops: vec![
            stop(&text, belgrade, Some(&times[0]), Status::Reported),
            stop(&text, sofia, Some(&times[1]), Status::Confirmed),
        ],
        ..Default::default()
    }];
    let sentences = vec![
        Span::new(0, text.find(". ").map_or(text.len(), |i| i + 1)),
        Span::new(text.find("She").unwrap_or(0), text.len()),
    ];
    Analysis {
        title: Some("Envoy reaches Sofia".into()),
        published: Some(d(11)),
        reference_date: Some(d(11)),
        text,
        sentences,
        places,
        times,
        actors,
        diagnostics: Vec::new(),
        explanation: None,
    }
}

/// One actor with `n` stops winding across Eurasia, one sentence per stop, for benchmarks.
#[must_use]
pub fn long_route_analysis(n: usize) -> Analysis {
    long_text_analysis(n, n)
}

/// [`long_route_analysis`] of `n` stops in a text that names `places` places in all (at
/// least `n`): the others are villages the caravan only passes near, highlighted in the
/// article but no stops.
#[must_use]
pub fn long_text_analysis(n: usize, places_named: usize) -> Analysis {
    let mut text = String::new();
    let mut stops = Vec::with_capacity(n);
    let mut places = Vec::with_capacity(n);
    for i in 0..n {
        let name = format!("Town{i}");
        let t = i as f64 / n.max(1) as f64;
        let lat = 30.0 + 20.0 * (t * 12.0).sin();
        let lon = -10.0 + 140.0 * t;
        let place = city(&name, lat, lon, "ZZ");
        let start = text.len();
        text.push_str("The caravan reached ");
        let span = Span::new(text.len(), text.len() + name.len());
        text.push_str(&name);
        text.push_str(" after a long day. ");
        places.push(PlaceMention {
            span,
            mention: name.clone(),
            resolved: Some(Arc::new(place.clone())),
            confidence: 0.8,
            adjectival: false,
            street: false,
            city: None,
        });
        stops.push(Stop {
            place,
            mentions: vec![span],
            when: None,
            status: if i % 7 == 3 {
                Status::Reported
            } else {
                Status::Confirmed
            },
            sources: Vec::new(),
            evidence: vec![Evidence {
                span: Span::new(start, text.len() - 1),
                quote: text[start..text.len() - 1].to_owned(),
            }],
            alternatives: Vec::new(),
            approximate: false,
        });
    }
    for k in 0..places_named.saturating_sub(n) {
        let name = format!("Village{k}");
        let t = k as f64 / places_named.max(1) as f64;
        text.push_str("It passed near ");
        let span = Span::new(text.len(), text.len() + name.len());
        text.push_str(&name);
        text.push_str(". ");
        places.push(PlaceMention {
            span,
            mention: name.clone(),
            resolved: Some(Arc::new(city(
                &name,
                25.0 + 10.0 * t,
                -5.0 + 130.0 * t,
                "ZZ",
            ))),
            confidence: 0.6,
            adjectival: false,
            street: false,
            city: None,
        });
    }
    Analysis {
        title: None,
        published: None,
        reference_date: None,
        text,
        sentences: Vec::new(),
        places,
        times: Vec::new(),
        actors: vec![Actor {
            name: "Caravan".into(),
            mentions: Vec::new(),
            stops,
            ..Default::default()
        }],
        diagnostics: Vec::new(),
        explanation: None,
    }
}

/// The window's state with `analysis` opened, as a finished load leaves it.
#[must_use]
pub fn state_with(analysis: Analysis) -> crate::ui::state::State {
    use crate::ui::state::{Action, Effect, Input, Loaded, State};
    let mut state = State::default();
    let effects = state.apply(Action::Open(Input::Text {
        name: "t".into(),
        text: "x".into(),
    }));
    if let Some(Effect::Load { job, .. }) = effects.first().cloned() {
        state.apply(Action::Loaded {
            job,
            loaded: Box::new(Loaded {
                name: "t".into(),
                path: Some("/tmp/a.txt".into()),
                fetched: None,
                analysis: std::sync::Arc::new(analysis),
                project: None,
                others: Vec::new(),
            }),
        });
    }
    state
}

/// Where [`state_opened`] says its project was read from.
pub const PROJECT_PATH: &str = "/tmp/envoy.itinera";

/// A state that opened `project` from [`PROJECT_PATH`] as a reopened file does: the first
/// article analysed as [`three_stop_analysis`], the further ones as `others`.
#[must_use]
pub fn state_opened(
    project: crate::project::Project,
    others: Vec<Arc<Analysis>>,
) -> crate::ui::state::State {
    use crate::ui::state::{Action, Effect, Input, Loaded, OpenedProject, State};
    let mut state = State::default();
    let path = std::path::PathBuf::from(PROJECT_PATH);
    if let Some(Effect::Load { job, .. }) =
        state.apply(Action::Open(Input::Path(path.clone()))).pop()
    {
        state.apply(Action::Loaded {
            job,
            loaded: Box::new(Loaded {
                name: "envoy.txt".into(),
                path: None,
                fetched: None,
                analysis: Arc::new(three_stop_analysis()),
                project: Some(Box::new(OpenedProject { path, project })),
                others,
            }),
        });
    }
    state
}

/// One actor touring the South Pacific over the antimeridian: Suva, Apia, Nuku'alofa,
/// Papeete.
#[must_use]
pub fn pacific_tour_analysis() -> Analysis {
    let stops = [
        ("Suva", -18.1368, 178.4253, "FJ"),
        ("Apia", -13.8333, -171.7667, "WS"),
        ("Nuku'alofa", -21.1368, -175.2011, "TO"),
        ("Papeete", -17.5347, -149.5684, "PF"),
    ];
    let mut text = String::from("The minister flew");
    for (i, (name, ..)) in stops.iter().enumerate() {
        text.push_str(if i == 0 { " from " } else { " to " });
        text.push_str(name);
    }
    text.push('.');
    let places: Vec<Candidate> = stops
        .iter()
        .map(|&(name, lat, lon, country)| city(name, lat, lon, country))
        .collect();
    let mentions = places
        .iter()
        .map(|c| PlaceMention {
            span: span_of(&text, &c.name),
            mention: c.name.clone(),
            resolved: Some(Arc::new(c.clone())),
            confidence: 0.9,
            adjectival: false,
            street: false,
            city: None,
        })
        .collect();
    let actor_stops = places
        .into_iter()
        .map(|c| stop(&text, c, None, Status::Confirmed))
        .collect();
    Analysis {
        title: Some("A Pacific tour".into()),
        published: None,
        reference_date: None,
        sentences: vec![Span::new(0, text.len())],
        text,
        places: mentions,
        times: Vec::new(),
        actors: vec![Actor {
            name: "Minister".into(),
            mentions: Vec::new(),
            stops: actor_stops,
            ..Default::default()
        }],
        diagnostics: Vec::new(),
        explanation: None,
    }
}

/// The names of the stops of actor `actor` that `state` shows, in route order (none when
/// nothing is shown).
#[must_use]
pub fn route_names(state: &crate::ui::state::State, actor: usize) -> Vec<String> {
    state
        .analysis()
        .and_then(|a| a.actors.get(actor))
        .map_or_else(Vec::new, |a| {
            a.stops.iter().map(|s| s.place.name.clone()).collect()
        })
}

/// The names of the actors `state` shows, in their order.
#[must_use]
pub fn actor_names(state: &crate::ui::state::State) -> Vec<String> {
    state.analysis().map_or_else(Vec::new, |a| {
        a.actors.iter().map(|x| x.name.clone()).collect()
    })
}
