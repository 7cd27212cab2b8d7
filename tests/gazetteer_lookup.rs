//! The embedded gazetteer puts the right place first for names as news writes them.

use itinera::Gazetteer;
use itinera::gazetteer::PlaceKind;

/// (name as written, expected preferred name of the first candidate, its country, its kind).
const TABLE: &[(&str, &str, &str, PlaceKind)] = &[
    ("Khasan", "Khasan", "RU", PlaceKind::PopulatedPlace),
    ("Ussuriysk", "Ussuriysk", "RU", PlaceKind::PopulatedPlace),
    ("Kiev", "Kyiv", "UA", PlaceKind::PopulatedPlace),
    ("Kyiv", "Kyiv", "UA", PlaceKind::PopulatedPlace),
    ("Primorsky Krai", "Primorskiy kray", "RU", PlaceKind::Region),
    (
        "Primorsky region",
        "Primorskiy kray",
        "RU",
        PlaceKind::Region,
    ),
    ("Primorye", "Primorskiy kray", "RU", PlaceKind::Region),
    ("Lake Khanka", "Lake Khanka", "", PlaceKind::Physical),
    ("Pyongyang", "Pyongyang", "KP", PlaceKind::PopulatedPlace),
    (
        "Komsomolsk-on-Amur",
        "Komsomolsk-on-Amur",
        "RU",
        PlaceKind::PopulatedPlace,
    ),
    ("Przemysl", "Przemyśl", "PL", PlaceKind::PopulatedPlace),
    ("Rzeszów", "Rzeszów", "PL", PlaceKind::PopulatedPlace),
    ("Rzeszow", "Rzeszów", "PL", PlaceKind::PopulatedPlace),
    ("Paris", "Paris", "FR", PlaceKind::PopulatedPlace),
    ("Moscow", "Moscow", "RU", PlaceKind::PopulatedPlace),
    ("Georgia", "Georgia", "GE", PlaceKind::Country),
    ("Alexandria", "Alexandria", "EG", PlaceKind::PopulatedPlace),
    ("Lee County", "Lee County", "US", PlaceKind::District),
    (
        "Rapides Parish",
        "Rapides Parish",
        "US",
        PlaceKind::District,
    ),
    ("Gaza Strip", "Gaza Strip", "PS", PlaceKind::Region),
    ("the Gaza Strip", "Gaza Strip", "PS", PlaceKind::Region),
    (
        "Vladivostok",
        "Vladivostok",
        "RU",
        PlaceKind::PopulatedPlace,
    ),
    (
        "Владивосток",
        "Vladivostok",
        "RU",
        PlaceKind::PopulatedPlace,
    ),
    (
        "블라디보스토크",
        "Vladivostok",
        "RU",
        PlaceKind::PopulatedPlace,
    ),
    ("North Korea", "North Korea", "KP", PlaceKind::Country),
    ("Russia", "Russia", "RU", PlaceKind::Country),
    ("Russia's", "Russia", "RU", PlaceKind::Country),
    ("Ukraine", "Ukraine", "UA", PlaceKind::Country),
    ("Washington", "Washington", "US", PlaceKind::PopulatedPlace),
    ("London", "London", "GB", PlaceKind::PopulatedPlace),
    ("Berlin", "Berlin", "DE", PlaceKind::PopulatedPlace),
    ("Beijing", "Beijing", "CN", PlaceKind::PopulatedPlace),
    ("Tokyo", "Tokyo", "JP", PlaceKind::PopulatedPlace),
    ("Seoul", "Seoul", "KR", PlaceKind::PopulatedPlace),
    ("Kharkiv", "Kharkiv", "UA", PlaceKind::PopulatedPlace),
    ("Mariupol", "Mariupol", "UA", PlaceKind::PopulatedPlace),
    (
        "St. Petersburg",
        "Saint Petersburg",
        "RU",
        PlaceKind::PopulatedPlace,
    ),
    ("Texas", "Texas", "US", PlaceKind::Region),
    ("Sydney", "Sydney", "AU", PlaceKind::PopulatedPlace),
    ("Cairo", "Cairo", "EG", PlaceKind::PopulatedPlace),
    ("Baghdad", "Baghdad", "IQ", PlaceKind::PopulatedPlace),
    ("Kabul", "Kabul", "AF", PlaceKind::PopulatedPlace),
    ("Tehran", "Tehran", "IR", PlaceKind::PopulatedPlace),
    ("Khabarovsk", "Khabarovsk", "RU", PlaceKind::PopulatedPlace),
    ("Lake Baikal", "Lake Baikal", "RU", PlaceKind::Physical),
    ("Bombay", "Mumbai", "IN", PlaceKind::PopulatedPlace),
    ("New Delhi", "New Delhi", "IN", PlaceKind::PopulatedPlace),
    ("Sao Paulo", "São Paulo", "BR", PlaceKind::PopulatedPlace),
    ("the Netherlands", "", "NL", PlaceKind::Country),
    ("Ivory Coast", "Ivory Coast", "CI", PlaceKind::Country),
    ("Britain", "United Kingdom", "GB", PlaceKind::Country),
    ("U.S.", "United States", "US", PlaceKind::Country),
    ("US", "United States", "US", PlaceKind::Country),
    ("USA", "United States", "US", PlaceKind::Country),
    ("UK", "United Kingdom", "GB", PlaceKind::Country),
    ("UAE", "United Arab Emirates", "AE", PlaceKind::Country),
    (
        "DRC",
        "Democratic Republic of the Congo",
        "CD",
        PlaceKind::Country,
    ),
    ("NSW", "New South Wales", "AU", PlaceKind::Region),
    ("Odesa", "Odesa", "UA", PlaceKind::PopulatedPlace),
    ("Odessa", "Odesa", "UA", PlaceKind::PopulatedPlace),
    (
        "Springfield",
        "Springfield",
        "US",
        PlaceKind::PopulatedPlace,
    ),
    (
        "Baton Rouge",
        "Baton Rouge",
        "US",
        PlaceKind::PopulatedPlace,
    ),
    ("Kursk Oblast", "Kurskaya oblast'", "RU", PlaceKind::Region),
    (
        "Belgorod region",
        "Belgorodskaya oblast'",
        "RU",
        PlaceKind::Region,
    ),
    (
        "Kherson Oblast",
        "Khersonska oblast",
        "UA",
        PlaceKind::Region,
    ),
    (
        "Khabarovsk Krai",
        "Khabarovskiy kray",
        "RU",
        PlaceKind::Region,
    ),
    ("Macedonia", "North Macedonia", "MK", PlaceKind::Country),
    ("Korea", "South Korea", "KR", PlaceKind::Country),
    ("Dnipro", "Dnipro", "UA", PlaceKind::PopulatedPlace),
    ("New York", "New York City", "US", PlaceKind::PopulatedPlace),
    ("Jerusalem", "Jerusalem", "IL", PlaceKind::PopulatedPlace),
    ("Brussels", "Brussels", "BE", PlaceKind::PopulatedPlace),
    (
        "Los Angeles",
        "Los Angeles",
        "US",
        PlaceKind::PopulatedPlace,
    ),
    ("Darfur", "Darfur", "SD", PlaceKind::InformalRegion),
    ("Jordan", "Jordan", "JO", PlaceKind::Country),
    (
        "Khasansky District",
        "Khasanskiy Rayon",
        "RU",
        PlaceKind::District,
    ),
    ("Tumen River", "Tumen River", "", PlaceKind::Physical),
    ("Sea of Japan", "Sea of Japan", "", PlaceKind::Physical),
    ("East Sea", "Sea of Japan", "", PlaceKind::Physical),
    (
        "Vostochny Cosmodrome",
        "Vostochny Cosmodrome",
        "RU",
        PlaceKind::Landmark,
    ),
    ("Donbas", "Donbas", "UA", PlaceKind::InformalRegion),
    ("Crimea", "Crimea", "UA", PlaceKind::Physical),
    ("Europe", "Europe", "", PlaceKind::Continent),
    ("Middle East", "Middle East", "", PlaceKind::InformalRegion),
    ("Black Sea", "Black Sea", "", PlaceKind::Physical),
    (
        "Strait of Hormuz",
        "Strait of Hormuz",
        "",
        PlaceKind::Physical,
    ),
    // the hand tables: capes, islands and areas of voyages and tours that GeoNames lacks
    // as places, or holds only as a namesake town (Cape Horn, British Columbia)
    ("Cape Horn", "Cape Horn", "CL", PlaceKind::Physical),
    ("Bora Bora", "Bora Bora", "PF", PlaceKind::Physical),
    ("Borabora", "Bora Bora", "PF", PlaceKind::Physical),
    ("Huahine", "Huahine", "PF", PlaceKind::Physical),
    ("Raiatea", "Raiatea", "PF", PlaceKind::Physical),
    ("the Moluccas", "Maluku Islands", "ID", PlaceKind::Physical),
    ("Spice Islands", "Maluku Islands", "ID", PlaceKind::Physical),
    ("Languedoc", "Languedoc", "FR", PlaceKind::InformalRegion),
    ("Sierra Morena", "Sierra Morena", "ES", PlaceKind::Physical),
    ("Padre Island", "Padre Island", "US", PlaceKind::Physical),
    (
        "Valentia Island",
        "Valentia Island",
        "IE",
        PlaceKind::Physical,
    ),
    ("Cooper's Creek", "Cooper Creek", "AU", PlaceKind::Physical),
    ("Fastnet Rock", "Fastnet Rock", "IE", PlaceKind::Landmark),
    ("Alpe d'Huez", "Alpe d'Huez", "FR", PlaceKind::Landmark),
    ("Alpe d’Huez", "Alpe d'Huez", "FR", PlaceKind::Landmark),
    (
        "Xishuangbanna",
        "Xishuangbanna",
        "CN",
        PlaceKind::InformalRegion,
    ),
    // historic regions and ranges of old journeys
    ("Nubia", "Nubia", "", PlaceKind::InformalRegion),
    (
        "Allegheny Mountains",
        "Allegheny Mountains",
        "US",
        PlaceKind::Physical,
    ),
    (
        "Windward Islands",
        "Windward Islands",
        "",
        PlaceKind::Physical,
    ),
    // the everyday names of a former union, an old empire and a holy city
    ("Soviet Union", "Russia", "RU", PlaceKind::Country),
    ("Persia", "Iran", "IR", PlaceKind::Country),
    ("USSR", "Russia", "RU", PlaceKind::Country),
    ("Mecca", "Makkah", "SA", PlaceKind::PopulatedPlace),
];

#[test]
fn the_right_place_comes_first_for_names_news_uses() {
    let g = Gazetteer::embedded();
    let mut failures = Vec::new();
    for &(query, name, country, kind) in TABLE {
        let found = g.lookup(query);
        let ok = found.first().is_some_and(|c| {
            (name.is_empty() || c.name == name)
                && c.country.as_deref().unwrap_or("") == country
                && c.kind == kind
        });
        if !ok {
            failures.push(format!(
                "{query}: got {:?}",
                found
                    .iter()
                    .take(3)
                    .map(|c| (&c.name, &c.country, c.kind, c.importance))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_name_the_index_knows_is_never_searched_online() {
    // Port 9 on the loopback has no server: had the command asked it, Khasan would be missing.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["gazetteer", "lookup", "Khasan", "--limit", "1", "--online"])
        .args(["--online-url", "http://127.0.0.1:9"])
        .output()
        .expect("run itinera");
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert_eq!(list[0]["name"], "Khasan");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("could not be reached"));
}
