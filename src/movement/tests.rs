//! The movement model on short texts with a tiny gazetteer.

use chrono::NaiveDate;

use super::{Actor, Status, movements_with_tokens};
use crate::gazetteer::{Candidate, Gazetteer, PlaceKind};
use crate::geo::LatLon;
use crate::geoparse::geoparse;
use crate::text::{sentences, tokenize};
use crate::time::tag;

fn place(
    name: &str,
    lat: f64,
    lon: f64,
    kind: PlaceKind,
    country: &str,
) -> (Candidate, Vec<String>) {
    (
        Candidate {
            id: format!("test:{name}"),
            name: name.to_owned(),
            latlon: LatLon::new(lat, lon),
            kind,
            feature_code: String::new(),
            country: Some(country.to_owned()),
            admin1: None,
            population: 1000,
            importance: 0.5,
        },
        Vec::new(),
    )
}

fn gazetteer() -> Gazetteer {
    use PlaceKind::{Country, InformalRegion, Physical, PopulatedPlace as Town, Region};
    Gazetteer::from_records(vec![
        place("Russia", 61.0, 98.0, Country, "RU"),
        place("Moscow", 55.75, 37.62, Town, "RU"),
        place("Vladivostok", 43.12, 131.89, Town, "RU"),
        place("Khasan", 42.43, 130.64, Town, "RU"),
        place("Ussuriysk", 43.80, 131.95, Town, "RU"),
        place("Tumen River", 42.3, 130.6, Physical, "RU"),
        place("Primorsky region", 45.0, 134.0, Region, "RU"),
        place("Pyongyang", 39.03, 125.75, Town, "KP"),
        place("Paris", 48.85, 2.35, Town, "FR"),
        place("Lyon", 45.76, 4.84, Town, "FR"),
        place("Berlin", 52.52, 13.41, Town, "DE"),
        place("Germany", 51.0, 10.0, Country, "DE"),
        place("Warsaw", 52.23, 21.01, Town, "PL"),
        place("Kyiv", 50.45, 30.52, Town, "UA"),
        place("Miami", 25.76, -80.19, Town, "US"),
        place("Havana", 23.11, -82.37, Town, "CU"),
        place("Cuba", 21.5, -79.5, Country, "CU"),
        place("Pacific", 0.0, -160.0, Physical, "US"),
        place("Baltic", 58.0, 20.0, Physical, "PL"),
        place("Danube", 45.2, 29.7, Physical, "RO"),
        place("East Africa", -1.0, 36.0, InformalRegion, ""),
        place("Goma", -1.68, 29.22, Town, "CD"),
        place("Donbas", 48.0, 38.0, InformalRegion, "UA"),
        place("Florida Straits", 24.0, -81.0, Physical, "US"),
        place("Apia", -13.83, -171.76, Town, "WS"),
        place("Suva", -18.14, 178.44, Town, "FJ"),
        place("Honduras", 15.0, -86.5, Country, "HN"),
        place("Belize City", 17.5, -88.2, Town, "BZ"),
        place("Okinawa", 26.33, 127.8, Region, "JP"),
        place("Singapore", 1.29, 103.85, Country, "SG"),
        place("Guam", 13.44, 144.79, Country, "GU"),
        place("Manila", 14.6, 120.98, Town, "PH"),
        place("Tokyo", 35.68, 139.69, Town, "JP"),
        place("Seoul", 37.57, 126.98, Town, "KR"),
        place("Washington", 38.9, -77.04, Town, "US"),
        place("Coral Sea", -18.0, 152.0, Physical, "AU"),
        place("Mackay", -21.14, 149.19, Town, "AU"),
    ])
}

/// The day the test texts were written.
const WRITTEN: Option<NaiveDate> = NaiveDate::from_ymd_opt(2023, 9, 12);

fn run(text: &str) -> Vec<Actor> {
    let gazetteer = gazetteer();
    let tokens = tokenize(text);
    let places = geoparse(text, &tokens, &gazetteer);
    let times = tag(text, WRITTEN);
    movements_with_tokens(text, &tokens, &sentences(text), &places, &times, WRITTEN)
}

/// The main actor's name and stop names, in route order.
fn route(text: &str) -> (String, Vec<String>) {
    let actors = run(text);
    let Some(main) = actors.first() else {
        return (String::new(), Vec::new());
    };
    (
        main.name.clone(),
        main.stops.iter().map(|s| s.place.name.clone()).collect(),
    )
}

/// The main actor's stops with their status, in route order.
fn statuses(text: &str) -> Vec<(String, Status)> {
    run(text).first().map_or_else(Vec::new, |main| {
        main.stops
            .iter()
            .map(|s| (s.place.name.clone(), s.status))
            .collect()
    })
}

fn names(stops: &[&str]) -> Vec<String> {
    stops.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn arrivals_and_departures_make_an_ordered_route() {
    let (actor, stops) = route(
        "President Anna Berg left Paris on September 10 and arrived in Berlin on September 11.",
    );
    assert_eq!(actor, "Anna Berg");
    assert_eq!(stops, names(&["Paris", "Berlin"]));
}

#[test]
fn a_city_mentioned_twice_is_one_stop() {
    let (_, stops) = route(
        "Chancellor Otto Lind arrived in Warsaw. Lind held talks in Warsaw with the prime minister.",
    );
    assert_eq!(stops, names(&["Warsaw"]));
}

#[test]
fn a_country_holding_a_more_specific_stop_is_not_a_stop() {
    let (_, stops) =
        route("Leader Kim Jong Un arrived in Russia. Kim had arrived at Khasan, the agency said.");
    assert_eq!(stops, names(&["Khasan"]));
}

#[test]
fn a_part_of_a_continent_holding_a_stop_far_from_its_point_is_not_a_stop() {
    // Goma lies 760 km from East Africa's point, well inside the region
    let (_, stops) = route("Bishop Leo Marr arrived in East Africa. Marr then flew to Goma.");
    assert_eq!(stops, names(&["Goma"]));
    // a smaller area keeps its stop beside a city as far away
    let (_, stops) = route("Minister Olga Reit arrived in Donbas. Reit then flew to Kyiv.");
    assert_eq!(stops, names(&["Donbas", "Kyiv"]));
}

#[test]
fn racing_competing_and_speaking_somewhere_put_the_actor_there() {
    let (_, stops) = route(
        "Runner Ana Vell competed in Lyon on September 10. She is scheduled to race in Berlin \
         on September 29.",
    );
    assert_eq!(stops, names(&["Lyon", "Berlin"]));
    let actors = run("Senator Ed Lomb will speak in Warsaw on Friday.");
    assert_eq!(actors[0].stops[0].status, Status::Expected);
}

#[test]
fn playing_somewhere_puts_a_band_there_but_playing_a_role_does_not() {
    let (_, stops) = route(
        "The rock band Night Owls played to 40,000 fans in Lyon on September 10 and flew to \
         Berlin the next day.",
    );
    assert_eq!(stops, names(&["Lyon", "Berlin"]));
    let (_, stops) = route(
        "Minister Ada Holm played a key role in Warsaw's reforms. Holm flew to Kyiv on Monday.",
    );
    assert_eq!(stops, names(&["Kyiv"]));
    let (_, stops) = route(
        "Envoy Ivo Marsh played down reports of unrest in Havana. Marsh flew to Miami on Monday.",
    );
    assert_eq!(stops, names(&["Miami"]));
}

#[test]
fn the_tour_or_trip_with_no_one_named_is_the_main_actors() {
    let stops = statuses(
        "The rock band Night Owls flew to Lyon on September 10. The tour will end in Berlin \
         on September 28.",
    );
    assert_eq!(
        stops,
        [
            ("Lyon".to_owned(), Status::Confirmed),
            ("Berlin".to_owned(), Status::Expected)
        ]
    );
    // a trip someone else makes, or one without an article, is not the actor's
    let (_, stops) = route(
        "President Anna Berg flew to Paris on Monday. Officials said a trip to Warsaw \
         by the foreign minister was possible.",
    );
    assert_eq!(stops, names(&["Paris"]));
}

#[test]
fn due_somewhere_is_expected_there() {
    let stops = statuses(
        "Minister Ada Holm flew to Paris on Monday. Holm is due in Berlin on Friday and due \
         back in Warsaw next week.",
    );
    assert_eq!(
        stops,
        [
            ("Paris".to_owned(), Status::Confirmed),
            ("Berlin".to_owned(), Status::Expected),
            ("Warsaw".to_owned(), Status::Expected)
        ]
    );
    // "due to" is a cause
    let (_, stops) = route("Envoy Ivo Marsh flew to Kyiv, delayed due to the storm in Warsaw.");
    assert_eq!(stops, names(&["Kyiv"]));
}

#[test]
fn trips_declined_or_passed_up_are_not_made() {
    for text in [
        "Singer Ana Vell toured Lyon on Monday. Vell has turned down offers to perform in Berlin.",
        "Singer Ana Vell toured Lyon on Monday. Vell declined to travel to Berlin.",
        "Singer Ana Vell toured Lyon on Monday. Rather than fly to Berlin, Vell stayed.",
        "Singer Ana Vell toured Lyon on Monday, then flew home instead of going to Berlin.",
    ] {
        let actors = run(text);
        let made: Vec<&str> = actors[0]
            .stops
            .iter()
            .filter(|s| s.status != Status::Denied)
            .map(|s| s.place.name.as_str())
            .collect();
        assert_eq!(made, ["Lyon"], "{text}");
    }
    // "instead," alone leads to what was done
    let (_, stops) = route("Singer Ana Vell skipped Lyon. Instead, Vell flew to Berlin on Monday.");
    assert_eq!(stops, names(&["Berlin"]));
}

#[test]
fn a_home_is_not_a_stop() {
    let (_, stops) = route("Singer Ana Vell, who lives in Paris, performed in Lyon on Monday.");
    assert_eq!(stops, names(&["Lyon"]));
}

#[test]
fn more_ways_of_being_somewhere() {
    for (text, want) in [
        (
            "The yacht Sea Fox cast off from Havana on Monday and reached Miami.",
            &["Havana", "Miami"][..],
        ),
        (
            "The cargo ship Ever Blue rounded Cuba on Monday and docked in Miami.",
            &["Cuba", "Miami"],
        ),
        (
            "Envoy Ivo Marsh will brief donors in Berlin next week.",
            &["Berlin"],
        ),
        (
            "Singer Ana Vell gave a concert in Lyon on Monday.",
            &["Lyon"],
        ),
        (
            "Suspect Dale Kinn is expected to be arraigned in Miami.",
            &["Miami"],
        ),
    ] {
        let (_, stops) = route(text);
        assert_eq!(stops, names(want), "{text}");
    }
}

#[test]
fn a_relative_clause_belongs_to_the_noun_it_hangs_on() {
    let (_, stops) = route(
        "Envoy Ivo Marsh, who flew in from Kyiv on Monday, met a woman in Berlin who had \
         walked from Warsaw. The nations that attended the Lyon summit agreed. Officials \
         said that he arrived in Paris on Tuesday.",
    );
    assert_eq!(stops, names(&["Kyiv", "Berlin", "Paris"]));
    let (_, stops) =
        route("Singer Ana Vell, whose grandparents fled Kyiv, performed in Lyon on Monday.");
    assert_eq!(stops, names(&["Lyon"]));
}

#[test]
fn talks_on_a_place_are_about_it() {
    let (_, stops) = route("Envoy Ivo Marsh flew to Paris on Monday for talks on Kyiv.");
    assert_eq!(stops, names(&["Paris"]));
}

#[test]
fn a_former_role_does_not_make_the_event_background() {
    let (_, stops) = route(
        "Minister Ada Holm, a former governor who still owns a farm, began the trip in \
         Berlin on Tuesday.",
    );
    assert_eq!(stops, names(&["Berlin"]));
}

#[test]
fn a_manhunt_follows_the_fugitive_not_the_police() {
    let (_, stops) = route(
        "Inmate Dale Kinn overpowered a guard at a hospital in Paris on Sept. 9. Hours later \
         he stole a truck in Lyon. A camera in Berlin, Germany, recorded a man matching his \
         description on Sept. 10. Troopers set up checkpoints near Warsaw. He was arrested \
         on Sept. 11 behind a house on the east side of Kyiv.",
    );
    assert_eq!(stops, names(&["Paris", "Lyon", "Berlin", "Kyiv"]));
}

#[test]
fn a_lead_later_found_false_is_no_stop() {
    let (_, stops) = route(
        "Fugitive Dan Reeve left Paris on September 10. Police had received tips that he was \
         heading for Lyon, but those leads turned out to be false. He was caught in Berlin.",
    );
    assert_eq!(stops, names(&["Paris", "Berlin"]));
}

#[test]
fn a_ship_or_a_group_named_after_its_head_word_is_one_actor() {
    let actors = run(
        "The container ship Ever Bright left Warsaw on September 10 and arrived in \
         Berlin on September 11. The vessel then sailed to Paris.",
    );
    assert_eq!(actors[0].name, "Ever Bright");
    assert_eq!(actors[0].kind, super::ActorKind::Ship);
    let names: Vec<&str> = actors[0]
        .stops
        .iter()
        .map(|s| s.place.name.as_str())
        .collect();
    assert_eq!(names, ["Warsaw", "Berlin", "Paris"]);
    let actors = run("The rock band Northern Lights arrived in Lyon on September 10.");
    assert_eq!(actors[0].name, "Northern Lights");
    assert_eq!(actors[0].kind, super::ActorKind::Group);
}

#[test]
fn a_strait_passed_near_a_country_left_keeps_the_country() {
    // the strait is a stop of the ferry that passed through it
    let (_, stops) = route(
        "The ferry Sol left Cuba on September 10, passed through the Florida Straits and \
         arrived in Miami on September 11.",
    );
    assert_eq!(stops, names(&["Cuba", "Florida Straits", "Miami"]));
}

#[test]
fn a_trip_made_before_a_but_is_not_called_off() {
    let (_, stops) =
        route("Singer Ida Lund flew to Lyon on September 10 but cancelled her concert in Paris.");
    assert_eq!(stops, names(&["Lyon"]));
}

#[test]
fn places_that_describe_another_are_not_stops() {
    let (_, stops) = route(
        "Leader Kim Jong Un arrived at Khasan, a settlement on the Tumen River in the Primorsky region, on Tuesday.",
    );
    assert_eq!(stops, names(&["Khasan"]));
}

#[test]
fn governments_named_by_their_capital_are_not_stops() {
    let (_, stops) = route(
        "Leader Kim Jong Un arrived in Vladivostok. Officials warned Moscow may be seeking arms, and Pyongyang's commitments were questioned.",
    );
    assert_eq!(stops, names(&["Vladivostok"]));
}

#[test]
fn a_named_source_makes_a_stop_reported() {
    let actors = run("The agency Yonhap said leader Kim Jong Un arrived in Ussuriysk.");
    let stop = &actors[0].stops[0];
    assert_eq!(stop.status, Status::Reported);
    assert_eq!(stop.sources, ["Yonhap"]);
}

#[test]
fn an_acronym_in_brackets_is_the_source_name() {
    let actors = run(
        "The Korean Central News Agency (KCNA) announced that leader Kim Jong Un had arrived at Khasan.",
    );
    assert_eq!(actors[0].stops[0].sources, ["KCNA"]);
}

#[test]
fn plans_are_expected_and_denials_are_kept_apart() {
    let actors = run(
        "President Anna Berg arrived in Paris. Berg is expected to travel to Lyon. She did not go to Kyiv.",
    );
    let berg = &actors[0];
    let statuses: Vec<(String, Status)> = berg
        .stops
        .iter()
        .map(|s| (s.place.name.clone(), s.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Paris".to_owned(), Status::Confirmed),
            ("Lyon".to_owned(), Status::Expected)
        ]
    );
    assert_eq!(berg.denied[0].place.name, "Kyiv");
    assert_eq!(berg.denied[0].status, Status::Denied);
}

#[test]
fn a_pronoun_carries_the_route_to_the_next_sentence() {
    let (actor, stops) =
        route("Prime Minister Otto Lind landed in Warsaw. He then flew to Berlin.");
    assert_eq!(actor, "Otto Lind");
    assert_eq!(stops, names(&["Warsaw", "Berlin"]));
}

#[test]
fn dates_order_a_story_told_backwards() {
    let (_, stops) = route(
        "Envoy Maria Sala arrived in Berlin on September 12. She had left Paris on September 9 and stopped in Lyon on September 10.",
    );
    assert_eq!(stops, names(&["Paris", "Lyon", "Berlin"]));
}

#[test]
fn a_stop_told_after_the_main_clause_comes_first() {
    let (_, stops) = route("Envoy Maria Sala arrived in Berlin after a two-day stop in Warsaw.");
    assert_eq!(stops, names(&["Warsaw", "Berlin"]));
}

#[test]
fn a_storm_is_an_actor_with_its_own_track() {
    let (actor, stops) = route(
        "Hurricane Elsa struck Cuba near Havana on September 10. The storm then moved north and made landfall near Miami on September 11.",
    );
    assert_eq!(actor, "Hurricane Elsa");
    assert_eq!(stops, names(&["Havana", "Miami"]));
}

#[test]
fn several_actors_keep_their_own_stops() {
    let actors = run(
        "President Anna Berg arrived in Paris on Monday. Berg later visited Lyon. Meanwhile Chancellor Otto Lind flew to Warsaw.",
    );
    assert_eq!(actors[0].name, "Anna Berg");
    let lind = actors.iter().find(|a| a.name == "Otto Lind").unwrap();
    assert_eq!(lind.stops[0].place.name, "Warsaw");
}

#[test]
fn sources_that_disagree_about_one_arrival_are_alternatives() {
    let actors = run(
        "The agency Yonhap said leader Kim Jong Un arrived at Vladivostok on September 12. The agency KCNA said Kim arrived at Khasan on September 12.",
    );
    let kim = &actors[0];
    assert_eq!(kim.stops.len(), 2);
    assert_eq!(kim.stops[0].alternatives, [1]);
    assert_eq!(kim.stops[1].alternatives, [0]);
}

#[test]
fn an_earlier_trip_told_for_background_is_not_on_the_route() {
    let (_, stops) = route(
        "President Anna Berg arrived in Paris on September 10, 2023. She flew to Lyon on September 11, 2023, and reached Berlin on September 12, 2023. Berg had visited Kyiv on May 3, 2019.",
    );
    assert_eq!(stops, names(&["Paris", "Lyon", "Berlin"]));
}

#[test]
fn a_long_expedition_keeps_its_early_dates() {
    let (_, stops) = route(
        "Explorer Otto Lind left Paris on May 1, 2020. He reached Warsaw on March 3, 2021, and arrived in Kyiv on February 2, 2022.",
    );
    assert_eq!(stops, names(&["Paris", "Warsaw", "Kyiv"]));
}

#[test]
fn text_without_movement_has_no_actors() {
    assert!(run("The weather in Paris was mild. Prices rose in Berlin.").is_empty());
    assert!(run("").is_empty());
}

proptest::proptest! {
    #[test]
    // ASCII only: `text::sentences` panics on some multi-byte spaces (reported to its owner).
    fn any_text_gives_routes_with_spans_inside_it(text in "[ -~\\n]{0,200}") {
        for actor in run(&text) {
            for span in actor.mentions.iter().chain(actor.stops.iter().flat_map(|s| &s.mentions)) {
                proptest::prop_assert!(text.get(span.start..span.end).is_some());
            }
        }
    }

    #[test]
    fn journey_words_in_any_order_do_not_panic(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Kim", "Jong", "Un", "arrived", "in", "at", "Khasan", "Russia", "'s", ",", ".",
                "said", "the", "leader", "he", "later", "from", "to", "via", "Paris", "not",
                "(KCNA)", "according", "September", "12", "Hurricane", "Elsa", "it", "\n",
            ]),
            0..40,
        )
    ) {
        let text = words.join(" ");
        let _ = run(&text);
    }
}

#[test]
fn a_name_that_qualifies_the_next_place_is_not_a_stop() {
    for text in [
        "Minister Anna Berg was in the Pacific port city of Vladivostok on Monday.",
        "Minister Anna Berg arrived in the Baltic port of Warsaw on Monday.",
    ] {
        let (_, stops) = route(text);
        assert_eq!(stops.len(), 1, "{text}: {stops:?}");
        assert_ne!(stops[0], "Pacific", "{text}");
        assert_ne!(stops[0], "Baltic", "{text}");
    }
}

#[test]
fn a_plan_called_off_later_in_the_sentence_is_no_stop_to_expect() {
    let actors = run(
        "President Anna Berg arrived in Paris. She had planned to travel on to Lyon the same evening, but the visit was postponed because of a strike.",
    );
    let lyon: Vec<Status> = actors[0]
        .stops
        .iter()
        .filter(|s| s.place.name == "Lyon")
        .map(|s| s.status)
        .collect();
    assert!(
        lyon.iter().all(|s| *s == Status::Denied),
        "Lyon should not be expected: {lyon:?}"
    );
}

#[test]
fn a_kind_of_media_is_not_a_source_name() {
    let actors = run("Local media reported that President Anna Berg arrived in Lyon.");
    let lyon = actors[0].stops.iter().find(|s| s.place.name == "Lyon");
    assert!(lyon.is_some_and(|s| s.sources.is_empty()), "{lyon:?}");
}

#[test]
fn a_river_a_tour_is_named_after_is_no_stop() {
    let (_, stops) =
        route("Envoy Anna Berg ended her Danube tour in Berlin. Berg arrived in Berlin on Monday.");
    assert_eq!(stops, names(&["Berlin"]));
    let (_, stops) = route("Envoy Anna Berg sailed along the Danube and arrived in Berlin.");
    assert_eq!(stops, names(&["Berlin"]));
}

#[test]
fn a_site_named_like_a_person_is_no_actor() {
    // "Kestrel Base Camp, where …" reads like "Anna Berg, who …"
    let actors = run(
        "The scientists flew from Paris to Warsaw on April 20 and walked to Kestrel Base \
         Camp, where they have been based since May 3. Kestrel Base Camp lies at 5,000 metres.",
    );
    let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Camp")), "{names:?}");
}

#[test]
fn a_birthplace_and_a_stay_of_years_are_no_stops() {
    let (_, stops) = route(
        "Rider Ana Vell competed in Lyon on September 10. Vell was born in Paris and \
         spent two seasons at a training centre in Berlin before turning professional.",
    );
    assert_eq!(stops, names(&["Lyon"]));
    // a stay of days is a stop
    let (_, stops) = route("Envoy Otto Lind spent two days in Warsaw on his way to Kyiv.");
    assert_eq!(stops, names(&["Warsaw", "Kyiv"]));
}

#[test]
fn a_but_inside_a_noun_phrase_does_not_end_the_clause() {
    let (_, stops) = route(
        "The band Marea Sur played to a soaked but sold-out crowd of 6,000 in Lyon on Monday.",
    );
    assert_eq!(stops, names(&["Lyon"]));
    // between clauses it still does
    let (_, stops) = route("Singer Ana Vell played well, but the crowd in Lyon was small.");
    assert!(stops.is_empty(), "{stops:?}");
}

#[test]
fn a_show_somewhere_puts_the_performer_there() {
    let (_, stops) = route(
        "The band Marea Sur opened its tour on Wednesday in Lyon, followed by an open-air \
         show on Friday at the city stadium in Paris.",
    );
    assert_eq!(stops, names(&["Lyon", "Paris"]));
}

#[test]
fn a_stop_a_relative_date_puts_after_the_writing_is_expected() {
    assert_eq!(
        statuses(
            "Singer Ana Vell performed in Lyon on September 10. She will then cross into \
             Germany for a concert in Berlin on Saturday."
        ),
        [
            ("Lyon".to_owned(), Status::Confirmed),
            ("Berlin".to_owned(), Status::Expected)
        ]
    );
    // a date written out in a story told in the past keeps its status
    assert_eq!(
        statuses(
            "Singer Ana Vell performed in Lyon on September 10 and flew to Berlin on \
             September 16."
        ),
        [
            ("Lyon".to_owned(), Status::Confirmed),
            ("Berlin".to_owned(), Status::Confirmed)
        ]
    );
}

#[test]
fn a_time_right_after_another_place_is_that_place_s() {
    let actors = run(
        "Runner Ana Vell, who left a hospital in Paris last weekend, was stopped without a \
         struggle on Wednesday at a hotel in Lyon, police said.",
    );
    let lyon = actors[0]
        .stops
        .iter()
        .find(|s| s.place.name == "Lyon")
        .expect("Lyon is a stop");
    assert_eq!(
        lyon.when.as_ref().map(|w| w.value.as_str()),
        Some("2023-09-06")
    );
}

#[test]
fn a_task_handed_to_others_and_their_helicopters_are_not_the_traveller_s() {
    let (_, stops) = route(
        "Skipper Ana Vell reached Lyon on Monday. Her crew had been tasked to continue to \
         Paris on Wednesday, but that assignment was handed to a team from Berlin. Officials \
         said helicopters would be deployed from Warsaw.",
    );
    assert_eq!(stops, names(&["Lyon"]));
}

#[test]
fn an_unnamed_boat_in_a_story_about_a_person_is_the_person_s() {
    let actors = run(
        "Volunteer Ana Vell left Lyon in her flood boat on Monday. On Tuesday the boat \
         reached Paris.",
    );
    assert_eq!(
        actors.len(),
        1,
        "{:?}",
        actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    let stops: Vec<&str> = actors[0]
        .stops
        .iter()
        .map(|s| s.place.name.as_str())
        .collect();
    assert_eq!(stops, ["Lyon", "Paris"]);
}

#[test]
fn a_compass_part_of_a_country_is_a_point_inside_it() {
    let actors = run("Hurricane Eta made landfall in eastern Honduras on Tuesday.");
    let stop = &actors[0].stops[0];
    assert_eq!(stop.place.name, "eastern Honduras");
    assert!(stop.approximate && stop.place.latlon.lon > -86.5);
    // a town of another country near it is not inside it
    let (_, stops) = route(
        "Hurricane Eta made landfall in eastern Honduras on Tuesday and later moved 60 km east \
         of Belize City.",
    );
    assert_eq!(stops.len(), 2, "{stops:?}");
}

#[test]
fn the_final_stop_comes_last_however_it_is_told() {
    let (_, stops) = route(
        "President Ana Berg returned home to Washington after a flight from Manila, her fourth \
         and final stop. The tour also took her to Tokyo and Seoul.",
    );
    assert_eq!(
        stops.last().map(String::as_str),
        Some("Washington"),
        "{stops:?}"
    );
    let manila = stops.iter().position(|s| s == "Manila");
    let tokyo = stops.iter().position(|s| s == "Tokyo");
    assert!(tokyo < manila, "{stops:?}");
}

#[test]
fn a_list_of_three_places_is_a_list_not_a_place_and_its_country() {
    let (_, stops) =
        route("The cruiser USS Ardent made port visits to Okinawa, Singapore and Guam in May.");
    assert_eq!(stops, names(&["Okinawa", "Singapore", "Guam"]));
}

#[test]
fn a_sea_is_a_stop_of_a_storm() {
    let (_, stops) = route(
        "Cyclone Ada moved over the Coral Sea on Monday and crossed the coast near Mackay on \
         Tuesday.",
    );
    assert_eq!(stops, names(&["Coral Sea", "Mackay"]));
}

#[test]
fn the_ship_is_the_story_s_own_not_the_escort_named_last() {
    let actors = run(
        "The frigate HMS Ardent left Lyon on September 4 with the destroyer HMS Brisk. The \
         ship reached Paris on September 8.",
    );
    assert_eq!(actors[0].name, "HMS Ardent");
    let stops: Vec<&str> = actors[0]
        .stops
        .iter()
        .map(|s| s.place.name.as_str())
        .collect();
    assert_eq!(stops, ["Lyon", "Paris"]);
}

#[test]
fn animals_travel() {
    let (actor, stops) =
        route("Researchers tracked a great white shark near Lyon. The shark later reached Paris.");
    assert_eq!(actor, "the shark");
    assert_eq!(stops, names(&["Lyon", "Paris"]));
}

#[test]
fn a_storm_introduced_mid_sentence_is_the_traveller() {
    let (actor, stops) =
        route("Millions woke to a powerful winter storm that stalled near Berlin on Monday.");
    assert_eq!(actor, "the storm");
    assert_eq!(stops, names(&["Berlin"]));
}

#[test]
fn bylines_and_title_case_headlines_name_no_traveller() {
    let actors = run(
        "Ministers Meet In Paris For Talks\nBy Mark Hollis\nPresident Ana Berg flew to Lyon on \
         Monday.",
    );
    let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    assert!(!names.contains(&"Mark Hollis"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Meet")), "{names:?}");
    assert_eq!(names.first(), Some(&"Ana Berg"));
}

#[test]
fn an_itinerary_s_verb_opening_a_line_is_no_name() {
    let actors = run("Leave Lyon at dawn.\nArrive Paris by noon.");
    assert!(
        actors.iter().all(|a| !a.name.starts_with("Leave")),
        "{:?}",
        actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn the_narrator_of_a_first_person_text_travels() {
    let (actor, stops) = route("We left Lyon at dawn and reached Paris that night.");
    assert_eq!(actor, "the narrator");
    assert_eq!(stops, names(&["Lyon", "Paris"]));
    // "I" quoted in a story is the speaker's, not a narrator's
    let actors = run("\"I love Paris,\" said singer Ana Vell, who flew to Lyon on Monday.");
    assert!(actors.iter().all(|a| a.name != "the narrator"));
}

#[test]
fn an_inflected_verb_is_an_event_word_through_its_lemma() {
    let (_, stops) = route("Swimmer Ana Vell was swimming to Lyon on Monday.");
    assert_eq!(stops, names(&["Lyon"]));
}

#[test]
fn a_title_standing_for_its_holder_and_a_named_ship_after_the_are_travellers() {
    let (actor, stops) = route(
        "The Queen left Lyon on September 4. Prime Minister Ivo Marsh greeted the Queen when \
         she arrived in Paris on September 6.",
    );
    assert_eq!(actor, "the Queen");
    assert_eq!(stops, names(&["Lyon", "Paris"]));
    let (actor, stops) =
        route("The Mayflower sailed from Lyon on September 4 and reached Paris on September 9.");
    assert_eq!(actor, "the Mayflower");
    assert_eq!(stops, names(&["Lyon", "Paris"]));
}

#[test]
fn an_encyclopedia_s_subject_is_a_person_but_a_creed_and_a_wind_force_are_not() {
    let (actor, _) = route(
        "Ibn Batuta (1304–68) Arab traveller and writer. He travelled from Lyon to Paris in \
         1325.",
    );
    assert_eq!(actor, "Ibn Batuta");
    let actors = run("Buddhism reached Lyon early. Monk Ana Vell travelled to Paris in 629.");
    assert!(actors.iter().all(|a| a.name != "Buddhism"));
    let actors = run("A Storm Force 10 gale blew as the lifeboat Good Hope reached Lyon.");
    assert!(actors.iter().all(|a| a.kind != super::ActorKind::Storm));
}

#[test]
fn where_people_or_goods_come_from_is_no_stop() {
    let (_, stops) = route(
        "The freighter Sea Fox reached Lyon on September 4 carrying machine parts from Paris, \
         Berlin and Warsaw.",
    );
    assert_eq!(stops, names(&["Lyon"]));
}

#[test]
fn function_words_and_numbers_are_no_names() {
    for text in [
        "FBI Arrests Ohio Kidnapping Suspect In Lyon\nLYON, France - News was in Lyon late \
         Wednesday as authorities arrested a kidnapping suspect at a motel.\nThe FBI says the \
         man abducted a girl from Ohio. Police found her in Lyon, more than 900 miles away from \
         home.",
        "The race will visit Lyon on stage three.  >>> Six stages that could decide the race. \
         The riders rode from Paris to Lyon on Monday.",
        "It’s a long way home. The men were flown from Paris to Lyon on Monday.",
    ] {
        let actors = run(text);
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        for word in ["In", "It", "It’s", "Six"] {
            assert!(!names.contains(&word), "{names:?} in {text}");
        }
    }
}

/// `read` of the document, the cast and the candidates the movement model makes of `text`.
fn with_candidates<T>(
    text: &str,
    read: impl FnOnce(
        &super::doc::Doc<'_>,
        &super::traveller::Cast,
        &[super::candidates::Candidate],
    ) -> T,
) -> T {
    let gazetteer = gazetteer();
    let tokens = tokenize(text);
    let places = geoparse(text, &tokens, &gazetteer);
    let times = tag(text, WRITTEN);
    let sentences = sentences(text);
    let doc = super::doc::Doc::new(text, tokens.as_slice().into(), &sentences, &places, &times)
        .written_on(WRITTEN);
    let cast = super::traveller::Cast::find(&doc);
    let candidates = super::candidates::find(&doc, &cast);
    read(&doc, &cast, &candidates)
}

/// The value of stop feature `f` for each place mention of `text`, by mention.
fn feature_by_mention(text: &str, f: super::StopFeature) -> Vec<(String, f32)> {
    with_candidates(text, |doc, cast, candidates| {
        let main = (!cast.members.is_empty()).then_some(0);
        let features = super::features::stop_features(doc, cast, candidates, main);
        candidates
            .iter()
            .zip(features)
            .map(|(c, x)| (doc.places[c.place].mention.clone(), x[f as usize]))
            .collect()
    })
}

#[test]
fn a_list_nothing_moves_through_is_a_bare_list() {
    use super::StopFeature::BareList;
    let value = |text: &str, place: &str| {
        feature_by_mention(text, BareList)
            .into_iter()
            .find(|(m, _)| m == place)
            .map(|(_, v)| v)
    };
    let members = "President Ana Berg spoke on Monday. Members of the group are Germany, Cuba \
                   and Russia.";
    assert_eq!(value(members, "Cuba"), Some(1.0));
    let tour = "President Ana Berg will visit Paris, Lyon and Berlin on her tour.";
    assert_eq!(value(tour, "Paris"), Some(0.0));
    let timeline = "The tour of Ana Berg. May 3, 2023: Germany, Cuba and Russia.";
    assert_eq!(value(timeline, "Cuba"), Some(0.0));
}

#[test]
fn a_website_is_no_traveller() {
    let actors = run(
        "Tracking data for the vessel from MarineTraffic.com showed it in Havana on Monday. It \
         had just come from Miami.",
    );
    assert!(
        actors.iter().all(|a| a.name != "MarineTraffic.com"),
        "{:?}",
        actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

/// The actors of `text`, read with the embedded gazetteer and no day of writing.
fn run_embedded(text: &str) -> Vec<Actor> {
    let tokens = tokenize(text);
    let places = geoparse(text, &tokens, Gazetteer::embedded());
    let times = tag(text, None);
    movements_with_tokens(text, &tokens, &sentences(text), &places, &times, None)
}

/// The names of the cast of `text`, read with the embedded gazetteer.
fn cast_names(text: &str) -> Vec<String> {
    let gazetteer = Gazetteer::embedded();
    let tokens = tokenize(text);
    let places = geoparse(text, &tokens, gazetteer);
    let times = tag(text, None);
    let sentences = sentences(text);
    let doc = super::doc::Doc::new(text, tokens.as_slice().into(), &sentences, &places, &times);
    super::traveller::Cast::find(&doc)
        .members
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn a_first_line_that_is_only_a_name_never_named_again_is_a_credit() {
    let credit = "Jonas Brenner\nMuhammed (not real name), 18 years old, fled from Idlib in \
                  Syria after he was wounded in a missile explosion. He says he is anxious about \
                  the journey that lies ahead of him.";
    let actors = run_embedded(credit);
    assert!(
        actors.iter().all(|a| a.name != "Jonas Brenner"),
        "{:?}",
        actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    // an encyclopedia's title names its subject again
    let title = cast_names("Ana Vell\nAna Vell was a traveller. Vell walked to Vienna in 1850.");
    assert!(title.iter().any(|n| n == "Ana Vell"), "{title:?}");
}

#[test]
fn a_place_after_former_is_where_someone_served_not_a_name() {
    let names = cast_names(
        "Leaders joining the president include Jon Ruiz, a former Baltimore congressman. He \
         will fly to Accra.",
    );
    assert!(!names.iter().any(|n| n == "Baltimore"), "{names:?}");
}

#[test]
fn a_quotation_of_several_sentences_has_no_narrator() {
    let actors = run(
        "Ana Vell reached Paris on Monday. “We were tired. We walked from Lyon all night,” \
         she said.",
    );
    assert!(
        actors.iter().all(|a| a.name != "the narrator"),
        "{:?}",
        actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn authorities_publishers_and_aid_groups_are_no_travellers() {
    for (text, org) in [
        (
            "Irish Aviation Authority officials said the small plane left Paris on Saturday \
             and was lost near Lyon.",
            "Aviation Authority",
        ),
        (
            "Daily Online reported that the hijacked plane flew from Paris to Lyon on Monday.",
            "Daily Online",
        ),
    ] {
        let actors = run(text);
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(!names.iter().any(|n| n.contains(org)), "{names:?}");
    }
}

#[test]
fn the_places_of_a_citation_are_no_candidates() {
    use super::StopFeature::Bias;
    let mentions = |text: &str| -> Vec<String> {
        feature_by_mention(text, Bias)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    };
    // where the paper was printed, before the dash that ends its masthead, is no candidate
    let text = "Daily Herald, Volume 27, Number 47, in Warsaw, 25 July 1895 — SHIP SUNK.\n\n\
                The steamer Lark sailed from Lyon to Berlin.";
    assert_eq!(
        mentions(text),
        ["Lyon", "Berlin"],
        "{:?}",
        feature_by_mention(text, Bias)
    );
    // without a volume and a number it is an ordinary sentence
    let text = "The Daily Herald, printed in Warsaw, said on 25 July 1895 that the steamer Lark \
                sailed from Lyon to Berlin.";
    assert!(mentions(text).contains(&"Warsaw".to_owned()));
}

/// The phase of each candidate of `text`, by mention.
fn phase_by_mention(text: &str) -> Vec<(String, super::candidates::Phase)> {
    with_candidates(text, |doc, _, candidates| {
        candidates
            .iter()
            .map(|c| (doc.places[c.place].mention.clone(), c.phase))
            .collect()
    })
}

#[test]
fn a_heading_with_no_verb_names_where_the_days_leg_began_and_ended() {
    use super::candidates::Phase;
    let phases = phase_by_mention(
        "Sixth Day—Saturday, Sept. 3rd Paris to Lyon,— 44 Miles\n\nI set off early.",
    );
    assert_eq!(
        phases,
        [
            ("Paris".to_owned(), Phase::LegStart),
            ("Lyon".to_owned(), Phase::LegEnd)
        ]
    );
    // with a verb it is a sentence like any other
    let phases = phase_by_mention("We walked from Paris to Lyon in the rain.");
    assert!(phases.iter().all(|(_, p)| *p == Phase::Any), "{phases:?}");
}

#[test]
fn quotation_marks_are_counted_from_the_paragraph_in_any_order_asked() {
    let text = "He said: \"We left Lisbon,\nwe reached Porto.\" Then we flew.\n\
                “I sailed on. We docked.” We rested. \"Open";
    let tokens = tokenize(text);
    let sentences = sentences(text);
    let doc = super::doc::Doc::new(text, tokens.as_slice().into(), &sentences, &[], &[]);
    // what the walk must agree with: the marks from the start of the paragraph the token's
    // sentence starts in, up to the token, counted afresh
    let direct = |i: usize| {
        let start = tokens[doc.sentence_range(i).start].span().start;
        let paragraph = text[..start].rfind('\n').map_or(0, |n| n + 1);
        let before = &text[paragraph..tokens[i].span().start];
        before.matches('"').count() % 2 == 1
            || before.matches('“').count() > before.matches('”').count()
    };
    let word = |w: &str| {
        tokens
            .iter()
            .position(|t| t.text(text) == w)
            .expect("the word is in the text")
    };
    // inside across a line break within the sentence; a new paragraph counts afresh, with
    // curly quotes; an opening mark left open
    for (w, inside) in [
        ("We", true),
        ("we", true),
        ("I", true),
        ("rested", false),
        ("Open", true),
    ] {
        assert_eq!(doc.in_quotation(word(w)), inside, "{w}");
    }
    let all: Vec<usize> = (0..tokens.len()).collect();
    for &i in all.iter().chain(all.iter().rev()) {
        assert_eq!(
            doc.in_quotation(i),
            direct(i),
            "token {i}: {:?}",
            tokens[i].text(text)
        );
    }
    assert!(!doc.in_quotation(tokens.len() + 5));
}

#[test]
fn a_lede_that_sums_up_the_journey_gives_way_to_the_body_telling_it() {
    // undated: the lede's arrival is the end the body's legs reach
    let (_, stops) = route(
        "Cyclist Mia Gorn arrived to a warm welcome in Berlin. She set off from Paris, riding \
         to Lyon and then on to Berlin.",
    );
    assert_eq!(stops, names(&["Paris", "Lyon", "Berlin"]));
    // a lede told in order keeps its order when the body names a place of it again
    let (_, stops) = route(
        "Envoy Ivo Marsh flew to Warsaw, then on to Kyiv. Marsh was the first envoy to fly to \
         Warsaw since the war began.",
    );
    assert_eq!(stops, names(&["Warsaw", "Kyiv"]));
}

#[test]
fn a_journey_that_starts_towards_a_place_does_not_start_there() {
    use super::candidates::Phase;
    let phases = phase_by_mention(
        "The band's tour began in Paris. The long trip back to Lyon then started.",
    );
    assert_eq!(
        phases,
        [
            ("Paris".to_owned(), Phase::Opening),
            ("Lyon".to_owned(), Phase::Any)
        ]
    );
}

#[test]
fn a_ledes_undated_return_home_ends_the_trip_the_body_tells() {
    let (_, stops) = route(
        "Minister Olga Reit has returned to Warsaw. Reit had arrived in Berlin for talks and \
         then flew to Paris.",
    );
    assert_eq!(stops, names(&["Berlin", "Paris", "Warsaw"]));
}

#[test]
fn an_undated_stop_takes_the_day_the_text_last_gave_its_actor() {
    let (_, stops) = route(
        "Minister Olga Reit set out early on September 14. She reached Berlin after a long \
         drive. On September 13, Reit had been in Paris.",
    );
    assert_eq!(stops, names(&["Paris", "Berlin"]));
    // a day given to no one (the line that dates a page) is not the actor's
    let (_, stops) = route(
        "Dated September 20, 2023. Minister Olga Reit reached Berlin after a long drive. \
         On September 13, Reit flew on to Paris.",
    );
    assert_eq!(stops, names(&["Berlin", "Paris"]));
}

#[test]
fn embarking_somewhere_sets_out_from_it_and_a_hijacking_diverts_to_a_place() {
    use super::candidates::Role;
    let roles = |text: &str| {
        with_candidates(text, |doc, _, candidates| {
            candidates
                .iter()
                .map(|c| (doc.places[c.place].mention.clone(), c.role))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        roles("Captain John Reed embarked at Lyon."),
        [("Lyon".to_owned(), Role::Origin)]
    );
    assert_eq!(
        roles("Dr Ivo Marsh hijacked the aircraft to Berlin."),
        [("Berlin".to_owned(), Role::Diverted)]
    );
}

#[test]
fn a_stop_reached_after_the_final_one_stays_after_it() {
    use super::candidates::Cue;
    // "after" heads a noun phrase far from its event noun: the trip from Paris came first,
    // and Paris, the final stop, still comes before the landing it led to
    let (_, stops) = route(
        "Minister Olga Reit landed in Warsaw at 3:46 p.m. after a 16-hour trip from Paris, \
         the third and final stop. The tour also took her to Berlin and Lyon.",
    );
    assert_eq!(stops, names(&["Berlin", "Lyon", "Paris", "Warsaw"]));
    // a clause after "before" is no such phrase: its verb is not ordered by it
    let cues = |text: &str| {
        with_candidates(text, |doc, _, candidates| {
            candidates
                .iter()
                .map(|c| (doc.places[c.place].mention.clone(), c.cue))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        cues("Olga Reit spoke in Berlin after a long 16-hour trip from Paris."),
        [
            ("Berlin".to_owned(), Cue::None),
            ("Paris".to_owned(), Cue::Before)
        ]
    );
    assert_eq!(
        cues("Olga Reit spoke in Berlin not long before the minister Olga Reit flew to Paris."),
        [
            ("Berlin".to_owned(), Cue::None),
            ("Paris".to_owned(), Cue::None)
        ]
    );
}

#[test]
fn a_blog_that_shows_its_newest_day_first_is_read_in_the_order_of_its_days() {
    let (_, stops) = route(
        "Day 3 Lyon to Paris\n\nWe left Lyon early and reached Paris at night.\n\n\
         Day 2 Berlin to Lyon\n\nWe drove from Berlin to Lyon.\n",
    );
    assert_eq!(stops, names(&["Berlin", "Lyon", "Paris"]));
    // a date of its own wins over a heading's number
    let (_, stops) = route(
        "Day 3\n\nWe reached Paris on September 14.\n\nDay 2\n\nWe reached Berlin on \
         September 16.\n",
    );
    assert_eq!(stops, names(&["Paris", "Berlin"]));
}

#[test]
fn a_timelines_date_lines_date_the_entries_under_them() {
    // told in text order Paris comes first; the dates put Berlin there
    let (_, stops) = route(
        "September 20\n\nMinister Olga Reit flew to Paris.\n\nSeptember 14\n\nMinister Olga Reit \
         arrived in Berlin.\n",
    );
    assert_eq!(stops, names(&["Berlin", "Paris"]));
    // a page's one line of publication heads no entries
    let (_, stops) = route(
        "September 20\n\nMinister Olga Reit flew to Paris. She went on to Berlin on September 19.\n",
    );
    assert_eq!(stops, names(&["Paris", "Berlin"]));
}

#[test]
fn she_or_he_is_never_the_one_who_writes() {
    let actors =
        run("Last week I saw Minister Olga Reit in Paris. She flew on to Berlin on Friday.");
    let berlin = actors
        .iter()
        .find(|a| a.stops.iter().any(|s| s.place.name == "Berlin"))
        .map(|a| a.name.as_str());
    assert_eq!(berlin, Some("Olga Reit"));
}

#[test]
fn a_sentence_with_no_verb_goes_on_with_the_journey_before_it() {
    let (_, stops) =
        route("In May I walked from Paris to Lyon. Then, a week later, to Berlin and to Warsaw.");
    assert_eq!(stops, names(&["Paris", "Lyon", "Berlin", "Warsaw"]));
    // not across a paragraph, where a heading may stand
    let (_, stops) = route("In May I walked from Paris to Lyon.\n\nTo Berlin and Warsaw");
    assert_eq!(stops, names(&["Paris", "Lyon"]));
}

#[test]
fn features_named_in_the_plural_are_no_one() {
    let actors = run(
        "The route lay up the Detroit and St. Clair Rivers. Clair Rivers was fine. We \
         paddled on to Paris on Monday.",
    );
    assert!(
        actors.iter().all(|a| !a.name.contains("Rivers")),
        "{:?}",
        actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn the_past_perfect_tells_what_came_before() {
    let (_, stops) = route("Minister Olga Reit reached Lyon. She had left Paris by train.");
    assert_eq!(stops, names(&["Paris", "Lyon"]));
    // a run of it keeps its own order, all before the story it steps back from
    let (_, stops) = route(
        "Minister Olga Reit reached Warsaw. She had left Paris by train. She had then \
         flown to Berlin.",
    );
    assert_eq!(stops, names(&["Paris", "Berlin", "Warsaw"]));
}
