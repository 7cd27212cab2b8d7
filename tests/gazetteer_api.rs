//! The embedded gazetteer's API beyond plain lookups: demonyms, countries, regions, prefixes.

use itinera::Gazetteer;
use itinera::LatLon;
use itinera::gazetteer::{PlaceKind, normalize, normalize_into};

#[test]
fn demonyms_and_their_plurals_resolve_to_places() {
    let g = Gazetteer::embedded();
    for (word, name, kind) in [
        ("Russian", "Russia", PlaceKind::Country),
        ("Russians", "Russia", PlaceKind::Country),
        ("North Korean", "North Korea", PlaceKind::Country),
        ("North Koreans", "North Korea", PlaceKind::Country),
        ("Texan", "Texas", PlaceKind::Region),
        ("Muscovite", "Moscow", PlaceKind::PopulatedPlace),
        ("European", "Europe", PlaceKind::Continent),
    ] {
        let d = g
            .demonym(word)
            .unwrap_or_else(|| panic!("{word} unresolved"));
        assert_eq!(
            (d.place.name.as_str(), d.place.kind),
            (name, kind),
            "{word}"
        );
    }
    assert!(g.demonym("Table").is_none());
    assert!(g.demonym("").is_none());
}

#[test]
fn countries_and_regions_are_found_by_code_and_name() {
    let g = Gazetteer::embedded();
    let ru = g.country("ru").expect("Russia");
    assert_eq!(ru.name, "Russia");
    assert!(g.country("ZZ").is_none());
    let by_code = g.admin1("RU", "59").expect("Primorskiy kray by code");
    let by_name = g
        .admin1("RU", "Primorsky Krai")
        .expect("Primorskiy kray by name");
    assert_eq!(by_code, by_name);
    let tx = g.admin1("US", "Texas").expect("Texas");
    assert_eq!(tx.kind, PlaceKind::Region);
    assert!(g.admin1("FR", "Texas").is_none());
}

#[test]
fn a_town_knows_its_region_and_country() {
    let g = Gazetteer::embedded();
    let khasan = g.lookup("Khasan").remove(0);
    assert_eq!(g.admin1_code(&khasan).as_deref(), Some("59"));
    let region = g.region_of(&khasan).expect("region");
    assert_eq!(region.name, "Primorskiy kray");
    assert!(g.is_within(&khasan, &region));
    assert!(g.is_within(&khasan, &g.country("RU").expect("Russia")));
    assert!(!g.is_within(&khasan, &g.admin1("US", "Texas").expect("Texas")));
    assert_eq!(g.by_id(&khasan.id), Some(khasan));
}

#[test]
fn prefixes_and_exact_names_are_checked_without_lookups() {
    let g = Gazetteer::embedded();
    assert!(g.len() > 200_000);
    assert!(g.contains_normalized(&normalize("Komsomolsk-on-Amur")));
    assert!(g.has_prefix_normalized("komsomolsk on"));
    assert!(g.has_prefix_normalized("new "));
    assert!(!g.has_prefix_normalized("qqqxz"));
    assert!(!g.contains_normalized("komsomolsk on"));
    assert!(!g.contains_normalized(""));
    assert_eq!(g.count_normalized("paris"), g.lookup("Paris").len());
}

#[test]
fn odd_input_finds_nothing_and_does_not_panic() {
    let g = Gazetteer::embedded();
    for s in [
        "",
        " ",
        "\u{1}geonames:1",
        "'s",
        "----",
        "\u{0}",
        "🙂",
        "the",
    ] {
        let _ = g.lookup(s);
        let _ = g.has_prefix_normalized(s);
        let _ = g.demonym(s);
    }
    assert!(g.lookup("\u{1}geonames:2022586").is_empty());
}

#[test]
fn nearly_every_row_of_the_demonym_table_resolves() {
    let g = Gazetteer::embedded();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/gazetteer/demonyms.tsv");
    let text = std::fs::read_to_string(path).expect("demonym table");
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let missing: Vec<&str> = rows
        .iter()
        .filter(|l| g.demonym(l.split('\t').next().unwrap_or("")).is_none())
        .copied()
        .collect();
    eprintln!("unresolved demonyms: {missing:#?}");
    assert!(
        missing.len() * 20 <= rows.len(),
        "{} of {} unresolved",
        missing.len(),
        rows.len()
    );
}

proptest::proptest! {
    #[test]
    fn any_text_can_be_looked_up_without_panicking(s in "\\PC{0,24}") {
        let g = Gazetteer::embedded();
        let key = normalize(&s);
        let found = g.lookup_normalized(&key);
        proptest::prop_assert_eq!(found.len(), g.count_normalized(&key));
        proptest::prop_assert_eq!(g.contains_normalized(&key), !found.is_empty());
        let _ = g.has_prefix_normalized(&key);
        let _ = g.demonym(&s);
        let _ = g.lookup_top(&s, 2);
    }
}

#[test]
fn a_river_has_points_along_its_course_and_is_near_a_town_on_its_banks() {
    let g = Gazetteer::embedded();
    let danube = g
        .lookup("Danube")
        .into_iter()
        .find(|c| c.id.ends_with("river/danube"))
        .expect("the Danube");
    let points = g.points(&danube);
    assert!(points.len() > 3, "{points:?}");
    assert_eq!(points[0], danube.latlon);
    // Vienna lies on the upper Danube, hundreds of kilometres from its middle point.
    let vienna = LatLon::new(48.21, 16.37);
    assert!(danube.latlon.distance_km(vienna) > 200.0);
    assert!(g.distance_km_to(&danube, &vienna) < 30.0);
    let place = g.place_of(&danube).expect("its record");
    assert!((place.distance_km_to(&vienna) - g.distance_km_to(&danube, &vienna)).abs() < 1e-9);
    // A town has its own point only.
    let vladivostok = g.lookup_top("Vladivostok", 1).pop().expect("Vladivostok");
    assert_eq!(g.points(&vladivostok), vec![vladivostok.latlon]);
    assert!(g.distance_km_to(&vladivostok, &vienna) > 7000.0);
}

#[test]
fn borrowed_places_agree_with_owned_candidates() {
    let g = Gazetteer::embedded();
    let mut key = String::new();
    for name in [
        "Springfield",
        "Kiev",
        "Primorsky Krai",
        "Rzeszów",
        "Sea of Japan",
        "Nowhere Xyz",
    ] {
        normalize_into(name, &mut key);
        let owned = g.lookup(name);
        let borrowed: Vec<_> = g
            .places_normalized(&key)
            .map(|p| p.to_candidate())
            .collect();
        assert_eq!(owned, borrowed, "{name}");
        assert_eq!(g.places(name).len(), owned.len(), "{name}");
        for (p, c) in g.places(name).zip(&owned) {
            assert_eq!(
                (p.id(), p.name(), p.country()),
                (c.id.as_str(), c.name.as_str(), c.country.as_deref())
            );
        }
    }
}

#[test]
fn a_name_cursor_agrees_with_prefix_checks_and_lookups_as_n_grams_grow() {
    let g = Gazetteer::embedded();
    for phrase in [
        "new york city council",
        "komsomolsk on amur river",
        "sea of japan coast",
        "saint petersburg",
        "gaza strip border",
        "vladivostok",
        "zzz unknown words",
    ] {
        let mut walk = g.name_cursor();
        let mut grown = String::new();
        for (i, word) in phrase.split(' ').enumerate() {
            let piece = if i == 0 {
                word.to_owned()
            } else {
                format!(" {word}")
            };
            grown.push_str(&piece);
            let alive = walk.push_str(&piece);
            assert_eq!(alive, g.has_prefix_normalized(&grown), "{grown}");
            assert_eq!(walk.is_prefix(), alive, "{grown}");
            assert_eq!(walk.is_name(), g.contains_normalized(&grown), "{grown}");
            let ids: Vec<&str> = walk.places().map(|p| p.id()).collect();
            let want: Vec<String> = g
                .lookup_normalized(&grown)
                .into_iter()
                .map(|c| c.id)
                .collect();
            assert_eq!(ids, want, "{grown}");
        }
    }
    let mut side = g.name_cursor();
    assert!(!side.push_str("\u{1}geonames:1") && !side.is_name());
    assert!(!g.name_cursor().is_name());
}
