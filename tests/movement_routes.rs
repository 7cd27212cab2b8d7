//! The movement model on whole journey articles: each fixture in `tests/fixtures/articles`
//! is analysed and its main actor's route compared with the expected one by the rule of
//! `route_eval.py` (stops matched one-to-one within 50 km, order of the matched dated
//! stops), plus a snapshot of every actor and stop.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers read fixtures that must exist; a panic is the right failure"
)]

use std::fs;
use std::path::{Path, PathBuf};

use itinera::gazetteer::{Candidate, PlaceKind};
use itinera::movement::Stop;
use itinera::{Document, Gazetteer, LatLon, Options, analyze};
use serde_json::{Value, json};

const RADIUS_KM: f64 = 50.0;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

/// The hand-made gazetteer of the fixture articles.
fn gazetteer() -> Gazetteer {
    let table = fs::read_to_string(fixtures().join("places.tsv")).unwrap();
    let mut records = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let kind = match f[3] {
            "C" => PlaceKind::Country,
            "R" => PlaceKind::Region,
            "H" => PlaceKind::Physical,
            "K" => PlaceKind::Continent,
            _ => PlaceKind::PopulatedPlace,
        };
        let population: u64 = f[6].parse().unwrap();
        let candidate = Candidate {
            id: format!("fixture:{n}"),
            name: f[0].to_owned(),
            latlon: LatLon::new(f[1].parse().unwrap(), f[2].parse().unwrap()),
            kind,
            feature_code: f[3].to_owned(),
            country: Some(f[4].to_owned()).filter(|c| !c.is_empty()),
            admin1: Some(f[5].to_owned()).filter(|c| !c.is_empty()),
            population,
            importance: (population as f32).log10() / 10.0,
        };
        let alternates = f
            .get(7)
            .map(|a| {
                a.split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        records.push((candidate, alternates));
    }
    Gazetteer::from_records(records)
}

struct Case {
    name: String,
    text: String,
    expected: Value,
}

fn cases() -> Vec<Case> {
    let mut names: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let expected = fixtures().join(format!("{stem}.expected.json"));
            Case {
                text: fs::read_to_string(&p).unwrap(),
                expected: serde_json::from_str(&fs::read_to_string(expected).unwrap()).unwrap(),
                name: stem,
            }
        })
        .collect()
}

fn point(v: &Value) -> LatLon {
    LatLon::new(v["lat"].as_f64().unwrap(), v["lon"].as_f64().unwrap())
}

/// F1 of stops within 50 km times the share of matched stop pairs in the right order.
fn score(expected: &Value, predicted: &[LatLon]) -> f64 {
    let stops = expected["stops"].as_array().unwrap();
    let gold: Vec<LatLon> = stops
        .iter()
        .chain(expected["expected"].as_array().unwrap())
        .map(point)
        .collect();
    let mut used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (g, gp) in gold.iter().enumerate() {
        let mut best: Option<(f64, usize)> = None;
        for (p, pp) in predicted.iter().enumerate() {
            let d = gp.distance_km(*pp);
            if !used[p] && d <= RADIUS_KM && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, p));
            }
        }
        if let Some((_, p)) = best {
            used[p] = true;
            pairs.push((g, p));
        }
    }
    let recall = pairs.len() as f64 / gold.len().max(1) as f64;
    let precision = if predicted.is_empty() {
        0.0
    } else {
        pairs.len() as f64 / predicted.len() as f64
    };
    let f1 = if recall + precision > 0.0 {
        2.0 * recall * precision / (recall + precision)
    } else {
        0.0
    };
    let ordered: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(g, _)| g < stops.len())
        .collect();
    let (mut agree, mut total) = (0, 0);
    for i in 0..ordered.len() {
        for j in i + 1..ordered.len() {
            total += 1;
            if (ordered[i].0 < ordered[j].0) == (ordered[i].1 < ordered[j].1) {
                agree += 1;
            }
        }
    }
    let order = if total == 0 {
        1.0
    } else {
        f64::from(agree) / f64::from(total)
    };
    f1 * order
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[test]
fn fixture_routes_match_their_expected_stops() {
    let gazetteer = gazetteer();
    let mut scores = Vec::new();
    for case in cases() {
        let reference = case.expected["reference_date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let options = Options {
            reference_date: reference,
            ..Options::default()
        };
        let analysis = analyze(
            &Document::from_text(case.text.clone()),
            &gazetteer,
            &options,
        );
        let predicted: Vec<LatLon> = analysis
            .actors
            .first()
            .map(|a| a.stops.iter().map(|s| s.place.latlon).collect())
            .unwrap_or_default();
        let s = score(&case.expected, &predicted);
        eprintln!("{:28} {s:.2}", case.name);
        scores.push(s);
        let snapshot = json!(
            analysis
                .actors
                .iter()
                .map(|a| json!({
                    "name": a.name,
                    "kind": a.kind,
                    "stops": a.stops.iter().map(|s| json!({
                        "place": s.place.name,
                        "lat": round(s.place.latlon.lat),
                        "lon": round(s.place.latlon.lon),
                        "when": s.when.as_ref().map(|w| w.value.clone()),
                        "status": s.status.label(),
                        "sources": s.sources,
                        "alternatives": s.alternatives,
                    })).collect::<Vec<_>>(),
                    "denied": a.denied.iter().map(|s| s.place.name.clone()).collect::<Vec<_>>(),
                }))
                .collect::<Vec<_>>()
        );
        insta::assert_json_snapshot!(format!("route_{}", case.name), snapshot);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    eprintln!("mean {mean:.3}");
    assert!(scores.len() >= 12, "only {} fixtures", scores.len());
    assert!(mean >= 0.6, "mean route score {mean:.3} is below 0.6");
}

/// The article the app opens on first start, with the real gazetteer: every stop of the
/// envoy's river tour, in order.
#[test]
fn the_sample_article_follows_the_whole_tour() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/danube_envoy.txt");
    let text = fs::read_to_string(path).unwrap();
    // the app reads its publication date from the dateline
    let options = Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 14),
        ..Options::default()
    };
    let analysis = analyze(&Document::from_text(text), Gazetteer::embedded(), &options);
    let stops: Vec<&str> = analysis.actors[0]
        .stops
        .iter()
        .map(|s| s.place.name.as_str())
        .collect();
    assert_eq!(
        stops,
        [
            "Vienna",
            "Bratislava",
            "Budapest",
            "Belgrade",
            "Kladovo",
            "Ruse",
            "Giurgiu",
            "Bucharest",
            "Constanţa"
        ]
    );
}

/// A journey to a name that means a region ends at the region's city of that name: a flight
/// lands in New York City, not in the middle of the state. The place mention still means
/// the state.
#[test]
fn a_journey_to_a_region_named_like_its_city_ends_at_the_city() {
    let text = "The airliner left London on Monday morning and landed in New York seven \
                hours later, the airline said.";
    let analysis = analyze(
        &Document::from_text(text.to_owned()),
        Gazetteer::embedded(),
        &Options::default(),
    );
    let stops: Vec<&str> = analysis.actors[0]
        .stops
        .iter()
        .map(|s| s.place.name.as_str())
        .collect();
    assert_eq!(stops, ["London", "New York City"]);
    let new_york = analysis
        .places
        .iter()
        .find(|p| p.mention == "New York")
        .unwrap();
    assert_eq!(
        new_york.resolved.as_ref().map(|c| c.kind),
        Some(PlaceKind::Region)
    );
    // a region with no city of its name stays a region, and so does a part of a region
    for text in [
        "The airliner left Madrid on Monday and landed in Florida that night.",
        "The fugitive left Dallas on Monday and was captured in southeastern Oklahoma on \
         Saturday, police said.",
    ] {
        let analysis = analyze(
            &Document::from_text(text.to_owned()),
            Gazetteer::embedded(),
            &Options::default(),
        );
        let last = analysis.actors[0].stops.last().map(|s| s.place.kind);
        assert_eq!(last, Some(PlaceKind::Region), "{text}");
    }
}

/// The main actor's stops in `text`, written on `written`, with the embedded gazetteer,
/// each as `view` shows it.
fn main_route<T>(text: &str, written: &str, view: impl Fn(&Stop) -> T) -> Vec<T> {
    let options = Options {
        reference_date: chrono::NaiveDate::parse_from_str(written, "%Y-%m-%d").ok(),
        ..Options::default()
    };
    let analysis = analyze(
        &Document::from_text(text.to_owned()),
        Gazetteer::embedded(),
        &options,
    );
    analysis
        .actors
        .first()
        .map_or_else(Vec::new, |a| a.stops.iter().map(view).collect())
}

/// The main actor's stops with their status.
fn main_stops(text: &str, written: &str) -> Vec<(String, String)> {
    main_route(text, written, |s| {
        (s.place.name.clone(), s.status.label().to_owned())
    })
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn a_headline_the_body_does_not_repeat_is_the_latest_news() {
    let text = "Runner Vell reaches Venado Tuerto\n\nRunner Ana Vell set off from the gates of \
                Mendoza's city park on Oct. 3. She arrived in Río Cuarto on \
                Saturday. She will travel to Pergamino on Thursday.";
    assert_eq!(
        main_stops(text, "2025-10-15"),
        pairs(&[
            ("Mendoza", "confirmed"),
            ("Río Cuarto", "confirmed"),
            ("Venado Tuerto", "confirmed"),
            ("Pergamino", "expected"),
        ])
    );
}

/// The main actor's stops with the day each is dated to (`None` when undated).
fn main_stops_dated(text: &str, written: &str) -> Vec<(String, Option<String>)> {
    main_route(text, written, |s| {
        (
            s.place.name.clone(),
            s.when.as_ref().map(|w| w.value.clone()),
        )
    })
}

#[test]
fn the_ledes_unnamed_prisoner_is_the_man_named_next() {
    // "A prisoner who escaped …" is Ortega; a place investigators only suspected he would
    // head for is no stop; the town told undated after its dated country takes its date.
    let text = "SALTA, March 14 — A prisoner who escaped from a jail in Salta at the \
                weekend was arrested in Chile on Wednesday. Rolando Ortega Ruiz, 41, was \
                detained by police at the bus station in Calama. Investigators first \
                suspected he would head for Tucumán, where his cousin lives. By Monday he \
                had reached San Pedro de Atacama.";
    let day = |d: &str| Some(d.to_owned());
    assert_eq!(
        main_stops_dated(text, "2025-03-14"),
        vec![
            ("Salta".to_owned(), Some("2025-W10-WE".to_owned())),
            ("San Pedro de Atacama".to_owned(), day("2025-03-10")),
            ("Calama".to_owned(), day("2025-03-12")),
        ]
    );
}

#[test]
fn what_others_believed_he_would_do_is_no_plan_of_his() {
    let text = "Police believed he would flee to Tucumán. Rolando Ortega later drove to \
                Calama on Monday.";
    assert_eq!(
        main_stops(text, "2025-03-14"),
        pairs(&[("Calama", "confirmed")])
    );
    let reported = "Rolando Ortega is believed to have fled to Calama on Monday.";
    assert_eq!(main_stops(reported, "2025-03-14").len(), 1);
}

#[test]
fn a_ships_calls_called_off_and_its_tow_home() {
    // the ship's name opens with a place and ends in a role word ("Star"); "set course for"
    // is a heading; calls called off later are no stops; "towed back" is a return
    let text = "The bulk carrier Tampico Star loaded grain in Rosario and sailed on March 2. \
                It called at Montevideo on March 5 and then set course for Durban, with a \
                call on the way at Walvis Bay. The calls at Walvis Bay and Durban have been \
                cancelled, the owner said on Thursday. Once inspectors release it, the \
                Tampico Star is expected to be towed back to Montevideo next month.";
    assert_eq!(
        main_stops(text, "2025-03-20"),
        pairs(&[
            ("Rosario", "confirmed"),
            ("Montevideo", "confirmed"),
            ("Montevideo", "expected"),
        ])
    );
}

#[test]
fn a_manhunt_told_from_the_arrest_back() {
    // the relative clause's weekend is the escape's, not the arrest's; a county names the
    // jail, the town after it places it; a feared heading is no plan; the car left behind
    // puts him in Elizabethtown; the undated return comes after the arrest
    let text = "A prisoner who escaped from a jail over the weekend was arrested on \
                Wednesday outside Bardstown, Kentucky. Curtis Pruitt, 38, was held on \
                Thursday at the Nelson County Detention Center in Bardstown. Officers had \
                feared he was heading for Cincinnati. His car was found abandoned on Monday \
                in Elizabethtown, Kentucky. He will be returned to the Hardin County Jail \
                in Elizabethtown.";
    assert_eq!(
        main_stops_dated(text, "2025-03-13"),
        vec![
            ("Elizabethtown".to_owned(), Some("2025-03-10".to_owned())),
            ("Bardstown".to_owned(), Some("2025-03-12".to_owned())),
            ("Elizabethtown".to_owned(), None),
        ]
    );
}

#[test]
fn a_stage_race_runs_from_town_to_town() {
    let text = "TILCARA, Argentina, March 13 - Cyclist Ana Ruiz won Tuesday's stage from \
                Salta to San Salvador de Jujuy by four seconds. On Friday the riders face a \
                short but steep stage from San Salvador de Jujuy to Humahuaca, climbing into \
                the high valleys of the Quebrada, before a stage on Saturday from Humahuaca \
                back to Salta.";
    assert_eq!(
        main_stops(text, "2025-03-13"),
        pairs(&[
            ("Salta", "confirmed"),
            ("San Salvador de Jujuy", "confirmed"),
            ("Humahuaca", "expected"),
            ("Salta", "expected"),
        ])
    );
}

#[test]
fn a_where_clause_places_its_traveller_and_who_marks_a_person() {
    // "Okafor, who …" is a person; "…, where she arrived" ties the place to the walk
    let text = "When Adaeze Okafor finally sat down in Enugu, she laughed. Okafor, who comes \
                from Lagos, set off on Jan. 6 from Onitsha. The longest stretch followed, \
                along the old road to Awka, where she arrived on Jan. 14.";
    let stops = main_stops(text, "2025-02-07");
    assert!(
        stops.contains(&("Awka".to_owned(), "confirmed".to_owned())),
        "{stops:?}"
    );
    assert!(
        stops.contains(&("Onitsha".to_owned(), "confirmed".to_owned())),
        "{stops:?}"
    );
}

#[test]
fn where_people_come_from_and_where_they_were_suspected_to_go_are_no_stops() {
    let text = "Nadia Rahman, 40, flew to Rome on Monday. Most of her fellow passengers come \
                from Sudan and Eritrea. Investigators suspect she intended to fly on from \
                Rome to Madrid.";
    assert_eq!(
        main_stops(text, "2025-03-13"),
        pairs(&[("Rome", "confirmed")])
    );
}

#[test]
fn far_off_a_place_is_not_at_it_and_cancelled_calls_are_no_stops() {
    let text = "The cruise ship Coral Dawn called at Suva on Nov. 1. A fire broke out on \
                Tuesday while the ship was about 300 kilometres northwest of Apia. The rest \
                of the voyage has been cancelled, including planned calls at Apia and at \
                Nuku'alofa.";
    // the fire puts the ship at a point 300 km northwest of Apia, not at Apia
    assert_eq!(
        main_stops(text, "2023-11-09"),
        pairs(&[
            ("Suva", "confirmed"),
            ("about 300 kilometres northwest of Apia", "confirmed")
        ])
    );
}

#[test]
fn a_report_denied_elsewhere_and_a_city_that_only_describes_are_no_stops() {
    let text = "The container ship Kestrel Dawn reached Rotterdam on Thursday. A shipping \
                newsletter said the Kestrel Dawn had called at Durban. \"The vessel did not \
                call at Durban,\" the operator said. On Sunday a camera in Lebanon, Tennessee, \
                east of Nashville, filmed its owner.";
    let stops = main_stops(text, "2025-03-20");
    assert!(!stops.iter().any(|(p, _)| p == "Durban"), "{stops:?}");
    assert!(!stops.iter().any(|(p, _)| p == "Nashville"), "{stops:?}");
    assert!(
        stops.contains(&("Rotterdam".to_owned(), "confirmed".to_owned())),
        "{stops:?}"
    );
}

#[test]
fn a_race_that_began_in_a_town_started_there() {
    let text = "Cyclist Ana Ruiz began the race on Sunday in Humahuaca and won on Tuesday in \
                Tilcara.";
    let stops = main_stops(text, "2025-03-13");
    assert!(stops.iter().any(|(p, _)| p == "Humahuaca"), "{stops:?}");
}

#[test]
fn a_weekday_told_in_the_past_in_a_story_datelined_the_next_day_is_that_day_before() {
    // with the dateline's day as the reference, and with no reference at all
    let text = "VLADIVOSTOK, Russia, Wednesday 13 September 2023 — North Korean leader Kim Jong \
                Un crossed into Russia early on Tuesday and arrived at Khasan, a border \
                settlement, KCNA said.";
    for written in ["2023-09-13", ""] {
        let stops = main_route(text, written, |s| {
            (
                s.place.name.clone(),
                s.when
                    .as_ref()
                    .map(|w| w.value.chars().take(10).collect::<String>()),
                s.status.label().to_owned(),
            )
        });
        let khasan = stops.iter().find(|s| s.0 == "Khasan");
        assert_eq!(
            khasan.map(|s| (s.1.as_deref(), s.2.as_str())),
            Some((Some("2023-09-12"), "reported")),
            "{written:?}: {stops:?}"
        );
    }
}

#[test]
fn times_of_day_order_a_story_that_never_names_its_year() {
    let text = "State television showed the envoy Ana Berg arriving after dark on September 12 \
                at a station near Vladivostok. Her office said she had arrived early on \
                September 12 at Khasan.";
    let stops = main_route(text, "", |s| s.place.name.clone());
    let khasan = stops.iter().position(|s| s == "Khasan");
    let vladivostok = stops.iter().position(|s| s == "Vladivostok");
    assert!(khasan.is_some() && khasan < vladivostok, "{stops:?}");
}

fn stop_names(text: &str) -> Vec<String> {
    main_route(text, "", |s| s.place.name.clone())
}

#[test]
fn weekdays_with_no_date_fall_in_one_week() {
    // told backwards: the week begins where the tour started, not where the text does
    let stops = stop_names(
        "Foreign Minister Ana Berg arrived in Lisbon early Monday after a tour of Africa. She \
         visited Accra on Friday. She started her tour on Thursday in Dakar. On Sunday she \
         flew to Lagos.",
    );
    assert_eq!(stops, ["Dakar", "Accra", "Lagos", "Lisbon"], "{stops:?}");
    // a starting point begins the week even when the gap after it is the longest
    let stops =
        stop_names("The fugitive was captured in Tulsa on Saturday. He had left Dallas on Monday.");
    assert_eq!(stops, ["Dallas", "Tulsa"], "{stops:?}");
}

#[test]
fn weekdays_follow_the_dates_a_story_gives_its_older_events() {
    // no day of writing: the weekday is the news, the dated stay its background
    let stops = stop_names(
        "Buses carrying hundreds of migrants reached Tijuana on Thursday. The caravan \
         was in San Pedro Sula on October 13.",
    );
    assert_eq!(stops, ["San Pedro Sula", "Tijuana"], "{stops:?}");
}

#[test]
fn a_visit_is_dated_by_its_own_words_not_by_setting_out_for_it() {
    let stops = stop_names(
        "The freighter Lotus Star set sail from Kobe on March 31, 2024, heading towards \
         Manila. On April 3 the Lotus Star reached Manila. It had called at Naha on April 1.",
    );
    assert_eq!(stops, ["Kobe", "Naha", "Manila"], "{stops:?}");
}

#[test]
fn a_port_the_gazetteer_lacks_is_stood_in_for_by_its_country() {
    // the setting out is from Vietnam; Taipei shows the day the ship reached it
    let stops = main_route(
        "The freighter Sea Lark set sail from Cai Mep, Vietnam, at 17:34 on March 31, 2024, \
         heading towards Taipei, Taiwan. It reached Taipei on April 3.",
        "",
        |s| {
            let when = s.when.as_ref().map(|w| w.value.clone()).unwrap_or_default();
            format!("{} {when}", s.place.name)
        },
    );
    assert_eq!(
        stops,
        ["Vietnam 2024-03-31T17:34", "Taipei 2024-04-03"],
        "{stops:?}"
    );
    // Taipei's card quotes the visit first; the port is no traveller
    let text = "The freighter Sea Lark set sail from Cai Mep, Vietnam, at 17:34 on March 31, 2024, \
                heading towards Taipei, Taiwan. It reached Taipei on April 3.";
    let quotes = main_route(text, "", |s| s.evidence[0].quote.clone());
    assert!(quotes[1].starts_with("It reached Taipei"), "{quotes:?}");
    let analysis = analyze(
        &Document::from_text(text),
        Gazetteer::embedded(),
        &Options::default(),
    );
    assert!(
        analysis.actors.iter().all(|a| a.name != "Cai Mep"),
        "{:?}",
        analysis.actors
    );
}

#[test]
fn the_places_a_wrapped_up_visit_lists_are_not_where_it_ended() {
    let stops = main_route(
        "PHILADELPHIA — Pope Francis wrapped up the 10-day visit to Cuba and the U.S. on \
         Sunday, celebrating Mass before leaving for Rome.\n\nPope Francis left New York City \
         for Philadelphia on Saturday.",
        "2015-09-28",
        |s| s.place.name.clone(),
    );
    let at = |name: &str| stops.iter().position(|s| s == name);
    assert!(
        at("Cuba").is_some() && at("Cuba") < at("Philadelphia"),
        "{stops:?}"
    );
    assert_eq!(stops.last().map(String::as_str), Some("Rome"), "{stops:?}");
}

#[test]
fn the_year_a_first_since_counts_from_does_not_date_the_stop() {
    let stops = main_route(
        "Hurricane Gilbert formed near Barbados on September 9, 1988. It was the first \
         hurricane to hit Jamaica directly since 1951.",
        "",
        |s| {
            let when = s.when.as_ref().map(|w| w.value.clone()).unwrap_or_default();
            format!("{} {when}", s.place.name)
        },
    );
    assert!(stops.iter().any(|s| s.starts_with("Jamaica")), "{stops:?}");
    assert!(!stops.iter().any(|s| s.contains("1951")), "{stops:?}");
}

#[test]
fn a_list_of_towns_each_placed_in_its_country_shares_one_event() {
    let stops = main_route(
        "Secretary Rex Tillerson will visit Abuja in Nigeria, Djibouti in Djibouti, Addis Ababa \
         in Ethiopia and Nairobi in Kenya next week.",
        "2018-03-01",
        |s| format!("{} {}", s.place.name, s.status.label()),
    );
    assert_eq!(
        stops,
        [
            "Abuja expected",
            "Djibouti expected",
            "Addis Ababa expected",
            "Nairobi expected"
        ],
        "{stops:?}"
    );
}

#[test]
fn a_headline_place_the_body_names_more_closely_is_one_stop() {
    let stops = stop_names(
        "Trump Arrives in Singapore for Summit\n\nPresident Donald Trump arrived at Paya Lebar \
         Air Base in Singapore on Sunday evening.",
    );
    assert_eq!(stops.len(), 1, "{stops:?}");
}

#[test]
fn a_report_of_words_does_not_date_the_visit_they_tell_of() {
    let text = "Foreign Minister Ana Berg left Seoul late Tuesday, ending a week-long Asian tour. \
                The ministry in a statement on Wednesday quoted Berg as saying that her visit to \
                Beijing had gone well.";
    for written in ["2012-05-17", ""] {
        let stops = main_route(text, written, |s| s.place.name.clone());
        assert_eq!(stops, ["Beijing", "Seoul"], "{written:?}: {stops:?}");
    }
}

#[test]
fn a_journey_that_began_in_one_place_and_ended_in_another() {
    let stops = stop_names(
        "The caravan's trek began in May 1932 in Nairobi and ended in August 1932 in Cairo. \
         The caravan crossed into Sudan in June 1932.",
    );
    assert_eq!(
        stops.first().map(String::as_str),
        Some("Nairobi"),
        "{stops:?}"
    );
    assert_eq!(stops.last().map(String::as_str), Some("Cairo"), "{stops:?}");
}

#[test]
fn a_pronoun_contracted_with_its_verb_still_refers() {
    let stops = stop_names(
        "Secretary of State Ana Berg arrived in Uzbekistan on Sunday for talks on security. \
         She'll then visit Kazakhstan, Tajikistan and Turkmenistan.",
    );
    assert_eq!(
        stops,
        ["Uzbekistan", "Kazakhstan", "Tajikistan", "Turkmenistan"],
        "{stops:?}"
    );
}

#[test]
fn whoever_is_carried_moves() {
    let stops = stop_names(
        "President Ana Berg returned to Washington on Sunday. Over the course of the tour, \
         which also took her to Japan, South Korea and Malaysia, Berg met four leaders.",
    );
    for place in ["Japan", "South Korea", "Malaysia"] {
        assert!(stops.iter().any(|s| s == place), "{place}: {stops:?}");
    }
}

#[test]
fn a_dateline_does_not_put_its_place_first() {
    let stops = stop_names(
        "OSLO (AFP) - A Finnish airliner that landed in Tampere on its way from Helsinki took \
         off from Oslo for Rome early today after refuelling, police said.",
    );
    let tampere = stops.iter().position(|s| s == "Tampere");
    let oslo = stops.iter().position(|s| s == "Oslo");
    assert!(tampere.is_some() && tampere < oslo, "{stops:?}");
}

#[test]
fn a_distance_converted_in_brackets_still_moves_the_point() {
    let stops = main_route(
        "Hurricane Eta made landfall in eastern Honduras on Tuesday and later moved 300 miles \
         (480 kilometres) southeast of Miami.",
        "",
        |s| (s.place.latlon, s.approximate),
    );
    let (point, approximate) = *stops.last().expect("a stop");
    assert!(approximate);
    let miami = itinera::geo::LatLon::new(25.76, -80.19);
    assert!((point.distance_km(miami) - 483.0).abs() < 10.0, "{point:?}");
    assert!(point.lat < miami.lat && point.lon > miami.lon);
}

#[test]
fn a_full_name_before_any_verb_is_a_person() {
    let stops = main_route(
        "WASHINGTON -- Bill Morrow embarks on the longest journey of his presidency today, a tour \
         of Ghana and Uganda.",
        "",
        |s| s.place.name.clone(),
    );
    assert_eq!(stops, ["Ghana", "Uganda"]);
}

#[test]
fn an_encyclopedia_s_subject_is_named_though_his_given_name_is_a_town() {
    let text = "Leo Africanus (originally Al-Hassan ibn Mohammed), a Moorish traveller, born in \
                Granada about 1485. While he was a child, his parents removed to Africa, and \
                settled at Fez. At the age of 16 he accompanied his uncle to Timbuktu.";
    let analysis = analyze(
        &Document::from_text(text.to_owned()),
        Gazetteer::embedded(),
        &Options::default(),
    );
    assert_eq!(
        analysis.actors.first().map(|a| a.name.as_str()),
        Some("Leo Africanus")
    );
}

#[test]
fn an_arrival_after_the_tour_ends_it_and_plans_come_after() {
    let stops = stop_names(
        "Foreign Minister Ana Berg has arrived in Lisbon after a tour of three African \
         countries. She started her tour on Thursday in Dakar. She visited Accra on Friday. \
         She is expected to visit Madrid on Wednesday.",
    );
    assert_eq!(stops, ["Dakar", "Accra", "Lisbon", "Madrid"], "{stops:?}");
}

#[test]
fn a_visit_told_in_the_present_in_the_lede_is_on_the_day_of_writing() {
    let stops = main_route(
        "Prime Minister Ana Berg is on an official visit to China, her office said. She had \
         flown to Hong Kong on April 13 for talks with bankers.",
        "2009-04-15",
        |s| s.place.name.clone(),
    );
    assert_eq!(stops, ["Hong Kong", "China"], "{stops:?}");
}

#[test]
fn undated_headings_keep_each_legs_start_and_end_in_place() {
    // each heading's start begins its own leg, not the whole journey
    let stops = stop_names(
        "Stage One Moscow to Warsaw\n\nThe Tour raced through the rain.\n\n\
         Stage Two Berlin to Paris\n\nThe Tour raced in the sun.\n\n\
         Stage Three Lyon to Havana\n\nThe Tour raced again.\n",
    );
    assert_eq!(
        stops,
        ["Moscow", "Warsaw", "Berlin", "Paris", "Lyon", "Havana"]
    );
}

#[test]
fn a_country_s_units_name_the_place_they_hold() {
    // "walked from the département of X": the département is where she set out from
    let stops = stop_names(
        "On September 4 Minister Olga Reit walked from the département of Lyon into Paris.",
    );
    assert_eq!(stops, ["Lyon", "Paris"]);
}
