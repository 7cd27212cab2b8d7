//! Geoparser tests: one table per rule, snapshots of short fixture articles, and a
//! property test that no input makes it panic or cut a character.

use std::sync::Arc;

use itinera::LatLon;
use itinera::gazetteer::{Candidate, Gazetteer, PlaceKind};
use itinera::geoparse::{PlaceMention, geoparse};
use itinera::text::tokenize;
use proptest::prelude::*;
use serde_json::{Value, json};

#[expect(
    clippy::too_many_arguments,
    reason = "a test record is its plain facts"
)]
fn record(
    id: &str,
    name: &str,
    lat: f64,
    lon: f64,
    kind: PlaceKind,
    code: &str,
    country: &str,
    admin1: Option<&str>,
    population: u64,
    importance: f32,
) -> Candidate {
    Candidate {
        id: format!("test:{id}"),
        name: name.to_owned(),
        latlon: LatLon::new(lat, lon),
        kind,
        feature_code: code.to_owned(),
        country: Some(country.to_owned()),
        admin1: admin1.map(str::to_owned),
        population,
        importance,
    }
}

/// A small world: real names and coordinates, with the ambiguities news text meets.
fn world() -> Gazetteer {
    use PlaceKind::{Continent, Country, District, PopulatedPlace as Ppl, Region};
    let r = record;
    let rows: Vec<(Candidate, Vec<&str>)> = vec![
        (
            r(
                "ru",
                "Russia",
                61.5,
                105.3,
                Country,
                "PCLI",
                "RU",
                None,
                144_000_000,
                1.0,
            ),
            vec!["Russian Federation"],
        ),
        (
            r(
                "kp",
                "North Korea",
                40.0,
                127.0,
                Country,
                "PCLI",
                "KP",
                None,
                25_000_000,
                0.95,
            ),
            vec!["DPRK"],
        ),
        (
            r(
                "kr",
                "South Korea",
                36.5,
                127.9,
                Country,
                "PCLI",
                "KR",
                None,
                51_000_000,
                0.95,
            ),
            vec![],
        ),
        (
            r(
                "us",
                "United States",
                39.8,
                -98.5,
                Country,
                "PCLI",
                "US",
                None,
                330_000_000,
                1.0,
            ),
            vec!["U.S.", "US", "USA", "America"],
        ),
        (
            r(
                "ph",
                "Philippines",
                13.0,
                122.0,
                Country,
                "PCLI",
                "PH",
                None,
                110_000_000,
                0.95,
            ),
            vec![],
        ),
        (
            r(
                "fr", "France", 46.0, 2.0, Country, "PCLI", "FR", None, 67_000_000, 1.0,
            ),
            vec![],
        ),
        (
            r(
                "jp",
                "Japan",
                35.7,
                139.7,
                Country,
                "PCLI",
                "JP",
                None,
                125_000_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "au",
                "Australia",
                -25.0,
                135.0,
                Country,
                "PCLI",
                "AU",
                None,
                26_000_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "cn",
                "China",
                35.0,
                105.0,
                Country,
                "PCLI",
                "CN",
                None,
                1_400_000_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "msstate",
                "Mississippi",
                32.7,
                -89.7,
                Region,
                "ADM1",
                "US",
                Some("Mississippi"),
                3_000_000,
                0.8,
            ),
            vec![],
        ),
        (
            // an area of no one country
            Candidate {
                country: None,
                ..r(
                    "mideast",
                    "Middle East",
                    29.0,
                    42.0,
                    PlaceKind::InformalRegion,
                    "region",
                    "",
                    None,
                    0,
                    0.9,
                )
            },
            vec![],
        ),
        (
            r(
                "mideastmd",
                "Middle East",
                39.3,
                -76.6,
                Ppl,
                "PPL",
                "US",
                Some("Maryland"),
                1_900,
                0.33,
            ),
            vec![],
        ),
        (
            r(
                "liny",
                "Long Island",
                40.8,
                -73.3,
                PlaceKind::Physical,
                "island",
                "US",
                Some("New York"),
                0,
                0.6,
            ),
            vec![],
        ),
        (
            r(
                "libs",
                "Long Island",
                23.2,
                -75.1,
                Region,
                "ADM1",
                "BS",
                Some("Long Island"),
                3_000,
                0.4,
            ),
            vec![],
        ),
        (
            r(
                "chinajp",
                "China",
                27.3,
                128.6,
                Ppl,
                "PPL",
                "JP",
                Some("Kagoshima"),
                6_000,
                0.35,
            ),
            vec![],
        ),
        (
            r(
                "gb",
                "United Kingdom",
                54.0,
                -2.0,
                Country,
                "PCLI",
                "GB",
                None,
                67_000_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "ne", "Niger", 16.0, 8.0, Country, "PCLI", "NE", None, 22_000_000, 0.95,
            ),
            vec![],
        ),
        (
            r(
                "ng",
                "Nigeria",
                10.0,
                8.0,
                Country,
                "PCLI",
                "NG",
                None,
                200_000_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "ghana", "Ghana", 8.0, -2.0, Country, "PCLI", "GH", None, 31_000_000, 1.0,
            ),
            vec![],
        ),
        (
            r(
                "togo", "Togo", 8.0, 1.2, Country, "PCLI", "TG", None, 8_000_000, 0.9,
            ),
            vec![],
        ),
        (
            r(
                "nigerstate",
                "Niger",
                9.9,
                5.5,
                Region,
                "ADM1",
                "NG",
                Some("Niger"),
                1_300_000,
                0.6,
            ),
            vec![],
        ),
        (
            r(
                "jo", "Jordan", 31.0, 36.0, Country, "PCLI", "JO", None, 10_000_000, 0.9,
            ),
            vec![],
        ),
        (
            r(
                "ge", "Georgia", 42.0, 43.5, Country, "PCLI", "GE", None, 3_700_000, 0.85,
            ),
            vec![],
        ),
        (
            r(
                "eu", "Europe", 48.7, 9.1, Continent, "CONT", "EU", None, 0, 1.0,
            ),
            vec![],
        ),
        (
            r(
                "primorye",
                "Primorsky Krai",
                45.0,
                134.0,
                Region,
                "ADM1",
                "RU",
                Some("Primorsky Krai"),
                1_900_000,
                0.7,
            ),
            vec!["Primorsky", "Primorye"],
        ),
        (
            r(
                "tx",
                "Texas",
                31.0,
                -100.0,
                Region,
                "ADM1",
                "US",
                Some("Texas"),
                29_000_000,
                0.9,
            ),
            vec![],
        ),
        (
            r(
                "la",
                "Louisiana",
                31.0,
                -92.0,
                Region,
                "ADM1",
                "US",
                Some("Louisiana"),
                4_600_000,
                0.85,
            ),
            vec![],
        ),
        (
            r(
                "ga",
                "Georgia",
                32.7,
                -83.4,
                Region,
                "ADM1",
                "US",
                Some("Georgia"),
                10_700_000,
                0.88,
            ),
            vec![],
        ),
        (
            r(
                "bulacan",
                "Bulacan",
                14.9,
                121.0,
                District,
                "ADM2",
                "PH",
                Some("Central Luzon"),
                3_700_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "rapides",
                "Rapides Parish",
                31.2,
                -92.5,
                District,
                "ADM2",
                "US",
                Some("Louisiana"),
                130_000,
                0.4,
            ),
            vec![],
        ),
        (
            r(
                "vvo",
                "Vladivostok",
                43.1056,
                131.8735,
                Ppl,
                "PPLA",
                "RU",
                Some("Primorsky Krai"),
                600_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "uss",
                "Ussuriysk",
                43.8029,
                131.9456,
                Ppl,
                "PPL",
                "RU",
                Some("Primorsky Krai"),
                170_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "khasan",
                "Khasan",
                42.4308,
                130.6434,
                Ppl,
                "PPL",
                "RU",
                Some("Primorsky Krai"),
                700,
                0.2,
            ),
            vec![],
        ),
        (
            r(
                "mow",
                "Moscow",
                55.7558,
                37.6173,
                Ppl,
                "PPLC",
                "RU",
                Some("Moscow"),
                12_500_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "moscow-id",
                "Moscow",
                46.7324,
                -117.0002,
                Ppl,
                "PPL",
                "US",
                Some("Idaho"),
                25_000,
                0.3,
            ),
            vec![],
        ),
        (
            r(
                "pyongyang",
                "Pyongyang",
                39.0392,
                125.7625,
                Ppl,
                "PPLC",
                "KP",
                Some("Pyongyang"),
                3_000_000,
                0.9,
            ),
            vec![],
        ),
        (
            r(
                "seoul",
                "Seoul",
                37.5665,
                126.978,
                Ppl,
                "PPLC",
                "KR",
                Some("Seoul"),
                9_700_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "dc",
                "Washington",
                38.8951,
                -77.0364,
                Ppl,
                "PPLC",
                "US",
                Some("District of Columbia"),
                690_000,
                1.0,
            ),
            vec!["Washington, D.C."],
        ),
        (
            r(
                "nyc",
                "New York City",
                40.7128,
                -74.006,
                Ppl,
                "PPL",
                "US",
                Some("New York"),
                8_300_000,
                1.0,
            ),
            vec!["New York"],
        ),
        (
            r(
                "york",
                "York",
                53.959,
                -1.0815,
                Ppl,
                "PPL",
                "GB",
                Some("England"),
                150_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "kim",
                "Kim",
                37.25,
                -103.35,
                Ppl,
                "PPL",
                "US",
                Some("Colorado"),
                70,
                0.05,
            ),
            vec![],
        ),
        (
            r(
                "aleg",
                "Alexandria",
                31.2001,
                29.9187,
                Ppl,
                "PPLA",
                "EG",
                Some("Alexandria"),
                3_800_000,
                0.85,
            ),
            vec![],
        ),
        (
            r(
                "alela",
                "Alexandria",
                31.3113,
                -92.4451,
                Ppl,
                "PPLA2",
                "US",
                Some("Louisiana"),
                47_000,
                0.4,
            ),
            vec![],
        ),
        (
            r(
                "aleva",
                "Alexandria",
                38.8048,
                -77.0469,
                Ppl,
                "PPL",
                "US",
                Some("Virginia"),
                155_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "pineville",
                "Pineville",
                31.3224,
                -92.4343,
                Ppl,
                "PPL",
                "US",
                Some("Louisiana"),
                14_000,
                0.2,
            ),
            vec![],
        ),
        (
            r(
                "ball",
                "Ball",
                31.4152,
                -92.4118,
                Ppl,
                "PPL",
                "US",
                Some("Louisiana"),
                4_000,
                0.1,
            ),
            vec![],
        ),
        (
            r(
                "parisfr",
                "Paris",
                48.8566,
                2.3522,
                Ppl,
                "PPLC",
                "FR",
                Some("Île-de-France"),
                2_100_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "paristx",
                "Paris",
                33.6609,
                -95.5555,
                Ppl,
                "PPLA2",
                "US",
                Some("Texas"),
                25_000,
                0.3,
            ),
            vec![],
        ),
        (
            r(
                "mainst",
                "Main",
                50.0,
                8.3,
                Ppl,
                "PPL",
                "DE",
                Some("Hesse"),
                600,
                0.05,
            ),
            vec![],
        ),
        (
            r(
                "pandi",
                "Pandi",
                14.8654,
                120.9573,
                Ppl,
                "PPL",
                "PH",
                Some("Central Luzon"),
                66_000,
                0.2,
            ),
            vec![],
        ),
        (
            r(
                "manila",
                "Manila",
                14.5995,
                120.9842,
                Ppl,
                "PPLC",
                "PH",
                Some("Metro Manila"),
                1_800_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "geneva",
                "Geneva",
                46.2044,
                6.1432,
                Ppl,
                "PPLA",
                "CH",
                Some("Geneva"),
                200_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "nice",
                "Nice",
                43.7102,
                7.262,
                Ppl,
                "PPLA2",
                "FR",
                Some("Provence"),
                340_000,
                0.6,
            ),
            vec![],
        ),
        (
            r(
                "mobile",
                "Mobile",
                30.6954,
                -88.0399,
                Ppl,
                "PPL",
                "US",
                Some("Alabama"),
                190_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "split",
                "Split",
                43.5081,
                16.4402,
                Ppl,
                "PPLA",
                "HR",
                Some("Split-Dalmatia"),
                160_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "march",
                "March",
                52.55,
                0.09,
                Ppl,
                "PPL",
                "GB",
                Some("England"),
                22_000,
                0.1,
            ),
            vec![],
        ),
        (
            r(
                "police",
                "Police",
                53.55,
                14.57,
                Ppl,
                "PPL",
                "PL",
                Some("West Pomerania"),
                33_000,
                0.1,
            ),
            vec![],
        ),
        (
            r(
                "sen", "Sen", 11.0, 105.0, Ppl, "PPL", "KH", None, 1_000, 0.05,
            ),
            vec![],
        ),
        (
            r(
                "mary",
                "Mary",
                37.6,
                61.83,
                Ppl,
                "PPLA",
                "TM",
                Some("Mary"),
                120_000,
                0.3,
            ),
            vec![],
        ),
        (
            r(
                "atlanta",
                "Atlanta",
                33.749,
                -84.388,
                Ppl,
                "PPLA",
                "US",
                Some("Georgia"),
                500_000,
                0.9,
            ),
            vec![],
        ),
        (
            r(
                "tbilisi",
                "Tbilisi",
                41.7151,
                44.8271,
                Ppl,
                "PPLC",
                "GE",
                Some("Tbilisi"),
                1_100_000,
                0.9,
            ),
            vec![],
        ),
        (
            r(
                "gainesville",
                "Gainesville",
                29.6516,
                -82.3248,
                Ppl,
                "PPL",
                "US",
                Some("Florida"),
                140_000,
                0.5,
            ),
            vec![],
        ),
        (
            r(
                "stpete",
                "Saint Petersburg",
                59.9311,
                30.3609,
                Ppl,
                "PPLA",
                "RU",
                Some("Saint Petersburg"),
                5_400_000,
                1.0,
            ),
            vec!["St. Petersburg"],
        ),
        // namesakes of countries and states, a river, a state that is also a town
        (
            r(
                "mx",
                "Mexico",
                23.0,
                -102.0,
                Country,
                "PCLI",
                "MX",
                None,
                126_000_000,
                1.0,
            ),
            vec![],
        ),
        (
            r(
                "mxcity",
                "Mexico City",
                19.43,
                -99.13,
                Ppl,
                "PPLC",
                "MX",
                Some("Mexico City"),
                12_000_000,
                0.9,
            ),
            vec!["Mexico"],
        ),
        (
            r(
                "mexmo",
                "Mexico",
                39.17,
                -91.88,
                Ppl,
                "PPL",
                "US",
                Some("Missouri"),
                11_500,
                0.4,
            ),
            vec![],
        ),
        (
            r(
                "ks",
                "Kansas",
                38.5,
                -98.0,
                Region,
                "ADM1",
                "US",
                Some("Kansas"),
                2_900_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "ksok",
                "Kansas",
                36.2,
                -94.79,
                Ppl,
                "PPL",
                "US",
                Some("Oklahoma"),
                800,
                0.3,
            ),
            vec![],
        ),
        (
            r(
                "ky",
                "Kentucky",
                37.5,
                -85.0,
                Region,
                "ADM1",
                "US",
                Some("Kentucky"),
                4_500_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "oh",
                "Ohio",
                40.25,
                -82.75,
                Region,
                "ADM1",
                "US",
                Some("Ohio"),
                11_800_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "wa",
                "Washington",
                47.5,
                -120.5,
                Region,
                "ADM1",
                "US",
                Some("Washington"),
                7_700_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "nile",
                "Nile",
                24.1,
                32.9,
                PlaceKind::Physical,
                "STM",
                "EG",
                None,
                0,
                0.7,
            ),
            vec![],
        ),
        (
            r(
                "mo",
                "Missouri",
                38.25,
                -92.5,
                Region,
                "ADM1",
                "US",
                Some("Missouri"),
                6_100_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "mxstate",
                "México",
                19.35,
                -99.63,
                Region,
                "ADM1",
                "MX",
                Some("México"),
                16_000_000,
                0.7,
            ),
            vec![],
        ),
        (
            r(
                "pittsburgh",
                "Pittsburgh",
                40.44,
                -80.0,
                Ppl,
                "PPLA2",
                "US",
                Some("Pennsylvania"),
                304_000,
                0.6,
            ),
            vec![],
        ),
        (
            r(
                "pittsburgca",
                "Pittsburg",
                38.03,
                -121.88,
                Ppl,
                "PPL",
                "US",
                Some("California"),
                69_000,
                0.4,
            ),
            vec!["Pittsburgh"],
        ),
        (
            r(
                "ca",
                "California",
                37.1,
                -119.9,
                Region,
                "ADM1",
                "US",
                Some("California"),
                39_000_000,
                0.8,
            ),
            vec![],
        ),
        (
            r(
                "andes",
                "Andes",
                -20.0,
                -68.0,
                PlaceKind::Physical,
                "MTS",
                "",
                None,
                0,
                0.75,
            ),
            vec![],
        ),
        (
            r(
                "losandes",
                "Los Andes",
                -32.83,
                -70.6,
                Ppl,
                "PPL",
                "CL",
                None,
                250_000,
                0.6,
            ),
            vec!["Andes"],
        ),
        (
            r(
                "cl", "Chile", -30.0, -71.0, Country, "PCLI", "CL", None, 19_000_000, 0.9,
            ),
            vec![],
        ),
        (
            r(
                "cordoba",
                "Córdoba",
                -31.41,
                -64.19,
                Ppl,
                "PPLA",
                "AR",
                Some("Córdoba"),
                1_400_000,
                0.6,
            ),
            vec![],
        ),
        (
            r(
                "cordobaprov",
                "Córdoba",
                -32.37,
                -63.55,
                Region,
                "ADM1",
                "AR",
                Some("Córdoba"),
                3_300_000,
                0.6,
            ),
            vec![],
        ),
    ];
    Gazetteer::from_records(
        rows.into_iter()
            .map(|(c, alts)| (c, alts.into_iter().map(str::to_owned).collect()))
            .collect(),
    )
}

fn parse(text: &str) -> Vec<PlaceMention> {
    geoparse(text, &tokenize(text), &world())
}

/// The ids of the places `text` resolves to, in text order.
fn resolved_ids(text: &str) -> Vec<String> {
    parse(text)
        .into_iter()
        .filter_map(|p| p.resolved.map(Arc::unwrap_or_clone).map(|c| c.id))
        .collect()
}

/// `(mention, resolved country)` pairs, in text order.
fn found(text: &str) -> Vec<(String, Option<String>)> {
    parse(text)
        .into_iter()
        .map(|m| {
            let country = m.resolved.map(Arc::unwrap_or_clone).and_then(|c| c.country);
            (m.mention, country)
        })
        .collect()
}

/// [`found`] with the real, embedded gazetteer (demonyms, seas, the whole world).
fn found_worldwide(text: &str) -> Vec<(String, Option<String>)> {
    geoparse(text, &tokenize(text), Gazetteer::embedded())
        .into_iter()
        .map(|m| {
            (
                m.mention,
                m.resolved.map(Arc::unwrap_or_clone).and_then(|c| c.country),
            )
        })
        .collect()
}

fn check_worldwide(table: &[(&str, &[(&str, &str)])]) {
    for (text, want) in table {
        assert_eq!(found_worldwide(text), pairs(want), "{text}");
    }
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    want.iter()
        .map(|(m, c)| ((*m).to_owned(), Some((*c).to_owned())))
        .collect()
}

fn check(table: &[(&str, &[(&str, &str)])]) {
    for (text, want) in table {
        assert_eq!(found(text), pairs(want), "{text}");
    }
}

#[test]
fn the_longest_gazetteer_name_wins() {
    check(&[
        (
            "He moved to New York City last year.",
            &[("New York City", "US")],
        ),
        ("Officials in New York agreed.", &[("New York", "US")]),
        (
            "The talks moved to St. Petersburg in June.",
            &[("St. Petersburg", "RU")],
        ),
    ]);
}

#[test]
fn possessives_and_abbreviation_periods_are_handled() {
    check(&[
        ("Russia's navy sailed.", &[("Russia", "RU")]),
        (
            "The train stopped at Khasan in Russia’s Primorsky region.",
            &[("Khasan", "RU"), ("Russia", "RU"), ("Primorsky", "RU")],
        ),
        ("Exports to the U.S. rose.", &[("U.S.", "US")]),
        ("The U.S. said so.", &[("U.S.", "US")]),
        ("It cost US$460 in total.", &[]),
    ]);
}

#[test]
fn all_caps_datelines_are_places() {
    check(&[
        (
            "VLADIVOSTOK, April 24 (TASS) - Talks began.",
            &[("VLADIVOSTOK", "RU")],
        ),
        ("MOSCOW - The Kremlin said nothing.", &[("MOSCOW", "RU")]),
    ]);
}

#[test]
fn a_town_with_its_region_takes_that_region() {
    check(&[
        (
            "She grew up in Paris, Texas.",
            &[("Paris", "US"), ("Texas", "US")],
        ),
        ("She grew up in Paris.", &[("Paris", "FR")]),
        (
            "A farm in Pandi, Bulacan was closed.",
            &[("Pandi", "PH"), ("Bulacan", "PH")],
        ),
        (
            "France says she grew up in Paris, in Texas.",
            &[("France", "FR"), ("Paris", "US"), ("Texas", "US")],
        ),
    ]);
}

#[test]
fn common_words_that_are_towns_are_not_places() {
    check(&[
        ("In March the police said the split was nice.", &[]),
        ("March 3 was cold. Police said nothing.", &[]),
        ("Mobile phones are banned.", &[]),
        ("Nice work, he said.", &[]),
    ]);
}

#[test]
fn a_town_named_like_a_common_word_is_a_place_where_the_text_says_so() {
    check(&[
        // a sentence's last word is no abbreviation
        ("The summit moved to Nice.", &[("Nice", "FR")]),
        // people from a place
        ("A Mobile man was charged on Monday.", &[("Mobile", "US")]),
        ("Two Mobile residents were hurt.", &[("Mobile", "US")]),
    ]);
}

#[test]
fn person_names_are_not_places() {
    check(&[
        ("Deputy Mary Jordan said so.", &[]),
        ("Mary Jordan said so.", &[]),
        ("North Korean leader Kim Jong Un arrived. Kim smiled.", &[]),
        ("State Sen. Robert Paris voted no.", &[]),
        ("Officers found Matthew D. Paris at home.", &[]),
        ("Talks with Jordan resumed.", &[("Jordan", "JO")]),
        ("\"The road was closed,\" Pineville said.", &[]),
        ("\"It was closed,\" said Pineville, a deputy.", &[]),
        ("Desmond Pineville, 22, pleaded guilty.", &[]),
        ("Russia said it would reply.", &[("Russia", "RU")]),
        ("He joined United Pineville last year.", &[]),
        ("The envoy, Pineville Halvorsen, arrived.", &[]),
        // a party, not the country
        ("He joined United Russia last year.", &[]),
        ("When she lost her job, Ms. Underwood took her in.", &[]),
    ]);
}

#[test]
fn newspapers_are_not_the_places_they_are_named_after() {
    check(&[
        ("The New York Times reported it.", &[]),
        ("A Washington Post reporter asked.", &[]),
        (
            "He spoke at Gainesville's VFW Post on Friday.",
            &[("Gainesville", "US")],
        ),
    ]);
}

#[test]
fn the_document_decides_between_namesakes() {
    check(&[
        (
            "Alexandria police said a Pineville man was held in Louisiana.",
            &[
                ("Alexandria", "US"),
                ("Pineville", "US"),
                ("Louisiana", "US"),
            ],
        ),
        (
            "Ships left Alexandria for the Suez canal, Egypt's officials said.",
            &[("Alexandria", "EG")],
        ),
        (
            "Georgia and Russia fought over Tbilisi.",
            &[("Georgia", "GE"), ("Russia", "RU"), ("Tbilisi", "GE")],
        ),
        (
            "Atlanta is the capital of Georgia.",
            &[("Atlanta", "US"), ("Georgia", "US")],
        ),
    ]);
}

#[test]
fn one_name_keeps_one_sense_in_a_document() {
    let m = parse("Paris, Texas, is small. Paris has one hospital.");
    let ids: Vec<&str> = m
        .iter()
        .filter(|p| p.mention == "Paris")
        .filter_map(|p| p.resolved.as_ref().map(|c| c.id.as_str()))
        .collect();
    assert_eq!(ids, ["test:paristx", "test:paristx"]);
}

#[test]
fn an_area_type_word_marks_a_sense_of_its_own() {
    // the city and the province of one name are two places in one story
    assert_eq!(
        resolved_ids("She reached the city of Córdoba. The province of Córdoba is large."),
        ["test:cordoba", "test:cordobaprov"]
    );
    assert_eq!(
        resolved_ids("Córdoba province is large. She reached the city of Córdoba."),
        ["test:cordobaprov", "test:cordoba"]
    );
}

#[test]
fn a_range_by_its_own_name_after_the_is_the_range() {
    // "the Andes" is the range, not Los Andes, a town that goes by "Andes" too
    assert_eq!(
        resolved_ids("In Chile the band will cross the Andes by road."),
        ["test:cl", "test:andes"]
    );
}

#[test]
fn a_great_city_by_its_own_name_beats_a_town_that_goes_by_it_as_an_alternate() {
    // Pittsburg, California is also written "Pittsburgh"; a California story does not
    // make the text's "Pittsburgh" the Californian town
    assert_eq!(
        resolved_ids(
            "Obesity rates rose in California. A doctor at the children's hospital in \
             Pittsburgh said so."
        ),
        ["test:ca", "test:pittsburgh"]
    );
}

#[test]
fn a_small_place_needs_evidence() {
    check(&[
        ("Kim said so.", &[]),
        ("Ball, La. is quiet.", &[("Ball", "US"), ("La.", "US")]),
    ]);
}

#[test]
fn mentions_are_in_order_with_sane_confidence() {
    let m = parse(include_str!("fixtures/geoparse/summit.txt"));
    assert!(m.windows(2).all(|w| w[0].span.start < w[1].span.start));
    assert!(m.iter().all(|p| (0.0..=1.0).contains(&p.confidence)));
}

#[test]
fn names_inside_hyphenated_words_are_found() {
    check(&[
        (
            "Japan-Russia ties improved.",
            &[("Japan", "JP"), ("Russia", "RU")],
        ),
        (
            "Rep. Ann Moe, D-Gainesville, voted no.",
            &[("Gainesville", "US")],
        ),
        ("A Gainesville-based firm hired.", &[("Gainesville", "US")]),
        ("Anna Smith-Jones spoke.", &[]),
    ]);
}

#[test]
fn a_demonym_beats_a_small_town_of_the_same_name() {
    let text = "He met Welsh officials. He grew up in Welsh, Louisiana.";
    let m = geoparse(text, &tokenize(text), Gazetteer::embedded());
    let found: Vec<(&str, bool)> = m
        .iter()
        .map(|p| (p.mention.as_str(), p.adjectival))
        .collect();
    assert_eq!(
        found,
        [("Welsh", true), ("Welsh", false), ("Louisiana", false)]
    );
}

#[test]
fn country_abbreviations_in_capitals_are_not_pronouns() {
    check(&[
        (
            "A US soldier died in Texas.",
            &[("US", "US"), ("Texas", "US")],
        ),
        ("Give US the facts, they shouted.", &[("US", "US")]),
    ]);
}

#[test]
fn a_disease_named_after_a_place_is_not_the_place() {
    check(&[
        ("West Nile virus was found in Texas.", &[("Texas", "US")]),
        ("Boats sailed up the Nile.", &[("Nile", "EG")]),
    ]);
}

/// The id each mention of `name` resolved to.
fn ids_of(text: &str, name: &str) -> Vec<String> {
    parse(text)
        .into_iter()
        .filter(|p| p.mention == name)
        .filter_map(|p| p.resolved.map(Arc::unwrap_or_clone).map(|c| c.id))
        .collect()
}

#[test]
fn a_country_beats_towns_that_borrow_its_name() {
    for (text, name, want) in [
        ("Officials in Mexico said so.", "Mexico", "test:mx"),
        ("Cases rose in Texas and in Mexico.", "Mexico", "test:mx"),
        (
            "The outbreak in Mexico killed 89 people.",
            "Mexico",
            "test:mx",
        ),
        ("He lives in Mexico, Missouri.", "Mexico", "test:mexmo"),
    ] {
        assert_eq!(ids_of(text, name), [want], "{text}");
    }
}

#[test]
fn names_in_one_list_are_places_of_one_kind() {
    let text = "Cases were found in Texas, Ohio, Kansas and Kentucky.";
    assert_eq!(ids_of(text, "Kansas"), ["test:ks"]);
    // a member of another kind stays in the list's country: the island, not the
    // Bahamian district of its name
    let text = "People fell ill in Texas, Long Island, Louisiana and Kansas.";
    assert_eq!(ids_of(text, "Long Island"), ["test:liny"]);
    // the same with a count before each member
    let text = "Cases rose: 12 in Texas, eight in Ohio and one in Washington.";
    assert_eq!(ids_of(text, "Washington"), ["test:wa"]);
}

#[test]
fn a_word_naming_part_of_a_country_keeps_the_country() {
    check(&[
        ("Prices fell in Mainland China.", &[("China", "CN")]),
        (
            "The Organization's Russia office closed.",
            &[("Russia", "RU")],
        ),
        ("Photo: AP The US military said so.", &[("US", "US")]),
        ("Floods hit Northern Russia.", &[("Russia", "RU")]),
        // a dateline's dash starts a sentence
        (
            "DALLAS -- Former Texas Gov. Rick Perry spoke.",
            &[("Texas", "US")],
        ),
    ]);
}

#[test]
fn a_well_known_area_beats_a_village_of_its_name_near_other_places() {
    let text = "Officials in Washington hope for calm in the Middle East.";
    assert_eq!(ids_of(text, "Middle East"), ["test:mideast"]);
}

#[test]
fn a_two_word_demonym_beats_the_shorter_place_at_its_start() {
    // "North" is also a region's name in the real gazetteer
    let text = "North Korean troops and South Ossetian officials met.";
    assert_eq!(
        found_worldwide(text),
        pairs(&[("North Korean", "KP"), ("South Ossetian", "GE")])
    );
}

#[test]
fn a_language_or_a_company_is_not_a_place() {
    for (text, want) in [
        ("She spoke only French when she arrived.", &[][..]),
        ("English language classes are full.", &[]),
        ("The talks were held in Russian.", &[]),
        ("Russian officials left.", &[("Russian", "RU")]),
        // a demonym opening an organisation's name, but not a title
        ("He flew home on American Airlines.", &[]),
        ("The European Union's envoy left.", &[]),
        // a first name that is some town's name in another language only
        ("The envoy, Margit Halvorsen, arrived.", &[]),
        (
            "French Foreign Minister Bernard Kouchner arrived.",
            &[("French", "FR")],
        ),
    ] {
        assert_eq!(found_worldwide(text), pairs(want), "{text}");
    }
}

#[test]
fn an_elided_particle_is_part_of_the_name() {
    check_worldwide(&[
        (
            "Departure point, Château d'Oex, Switzerland.",
            &[("Château d'Oex", "CH"), ("Switzerland", "CH")],
        ),
        (
            "Cases rose in Guinea, Côte d'Ivoire and Liberia.",
            &[("Guinea", "GN"), ("Côte d'Ivoire", "CI"), ("Liberia", "LR")],
        ),
        (
            "The stage finishes on Alpe d’Huez.",
            &[("Alpe d’Huez", "FR")],
        ),
    ]);
}

#[test]
fn an_itinerarys_verbs_cue_the_places_after_them_even_capitalised() {
    check_worldwide(&[
        (
            "Oct. 3. Leave Nantua, arrive Vittel.",
            &[("Nantua", "FR"), ("Vittel", "FR")],
        ),
        ("In Nantua the riders rested.", &[("Nantua", "FR")]),
    ]);
}

#[test]
fn a_capital_article_that_opens_the_places_own_name_is_no_other_name() {
    // "The Hague" is not "Hague" inside a longer proper name ("Taco Bell")
    check_worldwide(&[(
        "His limousine was damaged near The Hague by a man.",
        &[("Hague", "NL")],
    )]);
}

#[test]
fn where_a_leg_starts_is_a_place_as_much_as_where_it_ends() {
    check_worldwide(&[
        (
            "Stage 5 - Vittel to Colmar, 160km.",
            &[("Vittel", "FR"), ("Colmar", "FR")],
        ),
        // a verb after "to" is no leg
        ("Clinton to visit Kenya.", &[("Kenya", "KE")]),
    ]);
}

#[test]
fn ordinary_words_and_news_agencies_are_not_places() {
    check_worldwide(&[
        ("This year's Tour ends in Paris.", &[("Paris", "FR")]),
        ("Tell the ministers to act now, the pilot said.", &[]),
        (
            "He was owed a Rs 10 lakh loan, police in Kochi said.",
            &[("Kochi", "JP")],
        ),
        (
            "Rapid weakening is expected as the storm moves over Texas.",
            &[("Texas", "US")],
        ),
        (
            "He reached Chang'an, the Tang capital.",
            &[("Chang'an", "CN")],
        ),
        ("| Date | Event |", &[]),
        (
            "The herd reached Kunming. According to Xinhua, the tuskers set off in Yunnan.",
            &[("Kunming", "CN"), ("Yunnan", "CN")],
        ),
    ]);
}

#[test]
fn peoples_named_in_a_list_or_as_a_subject_are_not_places() {
    check_worldwide(&[
        (
            "Many nations were removed to the West: the Delaware, the Ottawa, Shawnee, \
             Pawnee and Potawatomi. The Cherokee were among the last to go.",
            &[],
        ),
        // the states and cities of those names stay places
        (
            "He drove from Delaware to Ohio and Illinois.",
            &[("Delaware", "US"), ("Ohio", "US"), ("Illinois", "US")],
        ),
    ]);
}

#[test]
fn a_word_a_town_goes_by_only_as_an_other_name_needs_the_text_to_say_it_is_a_place() {
    check_worldwide(&[
        // "Sarova" is Sarov, Russia, only as a transliteration: here a hotel's name
        (
            "He begins his tour from Sarova Whitesands hotel to the Kenya Navy base in Mtongwe.",
            &[("Kenya", "KE")],
        ),
        // an old name the text cues stands ("Patras" is Pátra's other name)
        ("Sept. 26. Anchor off Patras.", &[("Patras", "GR")]),
        // a great city's exonym and the hand table's names stand
        (
            "Officials in Kiev said the talks would resume.",
            &[("Kiev", "UA")],
        ),
        (
            "Prisoners were taken to camps such as Auschwitz.",
            &[("Auschwitz", "PL")],
        ),
    ]);
}

#[test]
fn a_name_after_another_languages_article_is_part_of_a_longer_name() {
    check_worldwide(&[
        (
            "The cargo ship El Faro sank near the Bahamas.",
            &[("Bahamas", "BS")],
        ),
        // names of two words are matched whole
        (
            "He flew to El Paso and La Paz.",
            &[("El Paso", "US"), ("La Paz", "BO")],
        ),
    ]);
}

#[test]
fn a_sea_goes_by_its_short_name() {
    let text = "Typhoons form over the Pacific.";
    let names: Vec<Option<String>> = geoparse(text, &tokenize(text), Gazetteer::embedded())
        .into_iter()
        .map(|m| m.resolved.map(Arc::unwrap_or_clone).map(|c| c.name))
        .collect();
    assert_eq!(names, [Some("Pacific Ocean".to_owned())]);
    // "the" before it keeps the sea even in a story about one country's towns
    let text = "Typhoons form over the Pacific, officials in Texas said.";
    let names: Vec<Option<String>> = geoparse(text, &tokenize(text), Gazetteer::embedded())
        .into_iter()
        .map(|m| m.resolved.map(Arc::unwrap_or_clone).map(|c| c.name))
        .collect();
    assert_eq!(
        names,
        [Some("Pacific Ocean".to_owned()), Some("Texas".to_owned())]
    );
}

#[test]
fn a_story_that_goes_round_the_world_means_the_capitals() {
    // a local story keeps the town next door
    assert_eq!(
        ids_of(
            "Texas farmers met in Dallas. Later they drove to Paris for the fair.",
            "Paris"
        ),
        ["test:paristx"]
    );
    // one that spans Russia, Korea and Japan means the French capital
    let text = "The envoy left Moscow for Seoul and Japan. Texas officials met him \
                in Dallas before he flew on to Paris.";
    assert_eq!(ids_of(text, "Paris"), ["test:parisfr"]);
}

#[test]
fn a_famous_capital_keeps_its_own_neighbours() {
    // a story over five countries: Budapest is the city, not the region around it
    let text = "On June 4 the envoy left Vienna for Bratislava. On June 6 she arrived in \
                Budapest. Hungarian ministers met her before she flew to Belgrade and on \
                to Bucharest.";
    let codes: Vec<(String, Option<String>)> =
        geoparse(text, &tokenize(text), Gazetteer::embedded())
            .into_iter()
            .filter(|m| m.mention == "Budapest")
            .map(|m| {
                (
                    m.mention,
                    m.resolved.map(Arc::unwrap_or_clone).map(|c| c.feature_code),
                )
            })
            .collect();
    assert_eq!(codes, [("Budapest".to_owned(), Some("PPLC".to_owned()))]);
}

#[test]
fn a_great_city_beats_a_suburb_of_its_name_in_a_story_round_the_world() {
    let text = "Australia has 878 cases, most of them in New South Wales. Japan and Mexico \
                reported more. Two passengers had come from New York and Toronto.";
    assert_eq!(
        resolved_worldwide(text, "Toronto", |c| c.country),
        [Some("CA".to_owned())]
    );
}

#[test]
fn a_world_capital_beats_namesakes_that_only_the_country_or_an_other_name_backs() {
    // a story about the US: Rome is the capital, not Rome, Georgia, which nothing near it
    // backs, nor Wurtsboro, New York, once called Rome, near New York City
    let text = "The pope left New York City for Philadelphia and then flew back to Rome.";
    assert_eq!(
        resolved_worldwide(text, "Rome", |c| c.country),
        [Some("IT".to_owned())]
    );
    // a town its neighbours back keeps the name
    let text = "Visitors from Atlanta drove to Rome for the festival.";
    assert_eq!(
        resolved_worldwide(text, "Rome", |c| c.admin1),
        [Some("Georgia".to_owned())]
    );
}

#[test]
fn a_name_a_features_word_opens_or_closes_means_the_feature() {
    // Cape Horn is the cape, not the town of that name in British Columbia, in a story
    // that names Canada's Northwest Passage
    let text = "From the Northwest Passage the Fram would sail south and round Cape Horn.";
    assert_eq!(
        resolved_worldwide(text, "Cape Horn", |c| c.country),
        [Some("CL".to_owned())]
    );
    // a qualifier still names the town
    let text = "Police in Lake Geneva, Wisconsin, said the boat sank.";
    assert_eq!(
        resolved_worldwide(text, "Lake Geneva", |c| c.country),
        [Some("US".to_owned())]
    );
}

#[test]
fn a_province_named_like_the_capital_beside_it_is_reached_at_the_capital() {
    // the province of Buenos Aires does not hold the capital, a region of its own, but a
    // journey to "Buenos Aires" ends there
    let text = "Humala will visit Uruguay, Paraguay and Argentina. In Buenos Aires he meets \
                the president.";
    let places = geoparse(text, &tokenize(text), Gazetteer::embedded());
    let ba = places
        .iter()
        .find(|m| m.mention == "Buenos Aires")
        .expect("Buenos Aires is found");
    let to = ba.destination().expect("resolved");
    assert_eq!(
        (to.kind, to.feature_code.as_str()),
        (PlaceKind::PopulatedPlace, "PPLC")
    );
    // a capital far from a state of its name is not the state's city
    let text = "The wolf crossed from Idaho into Washington last week.";
    let places = geoparse(text, &tokenize(text), Gazetteer::embedded());
    assert!(
        places
            .iter()
            .filter(|m| m.mention == "Washington")
            .all(|m| m.city.is_none()),
        "{text}"
    );
}

#[test]
fn a_towns_everyday_name_is_its_own_unless_an_area_goes_by_it() {
    // "Mecca" is Makkah's everyday name (the alias table), not an other name that loses
    // to Mecca, California, which bears it
    let text = "Ibn Battuta left Tangier on pilgrimage to Mecca, crossing Egypt and Syria.";
    assert_eq!(
        resolved_worldwide(text, "Mecca", |c| c.country),
        [Some("SA".to_owned())]
    );
    // "New York" is still the state's name first, though New York City goes by it
    let text = "The flight from New York landed in Moscow.";
    assert_eq!(
        resolved_worldwide(text, "New York", |c| Some(c.kind)),
        [Some(PlaceKind::Region)]
    );
}

#[test]
fn a_region_the_story_names_holds_its_town_whatever_a_small_region_elsewhere_is_called() {
    // George Town in Tasmania, not the Caymans' capital, named like its district of
    // 30,000, in a story that goes round the world
    let text = "In a case that echoes Malaysia's lost jet and Canada's, a plane vanished over \
                Bass Strait on a flight from Tasmania to New South Wales. It took off from \
                George Town Airport. Tasmania Police searched. George Town residents waited.";
    assert_eq!(
        resolved_worldwide(text, "George Town", |c| c.country),
        [Some("AU".to_owned()), Some("AU".to_owned())]
    );
}

#[test]
fn an_areas_city_is_called_as_the_area_is_or_goes_by_the_name_written() {
    let city_of = |text: &str, name: &str| -> Vec<Option<String>> {
        geoparse(text, &tokenize(text), Gazetteer::embedded())
            .into_iter()
            .filter(|m| m.mention == name)
            .map(|m| m.city.map(Arc::unwrap_or_clone).map(|c| c.name))
            .collect()
    };
    // Bihar Sharif goes by "Bihar" only as another name: the state has no city of its name
    assert_eq!(
        city_of(
            "The march was copied at 27 centres in Bihar and in Bengal.",
            "Bihar"
        ),
        [None]
    );
    // Chattogram, found as "Chittagong", is called as its division is: a journey there
    // ends at the city (which a city of millions' old name now finds itself)
    let text = "Raids on the armoury in Chittagong followed.";
    let to: Vec<Option<String>> = geoparse(text, &tokenize(text), Gazetteer::embedded())
        .iter()
        .filter(|m| m.mention == "Chittagong")
        .map(|m| m.destination().map(|c| format!("{} {:?}", c.name, c.kind)))
        .collect();
    assert_eq!(to, [Some("Chattogram PopulatedPlace".to_owned())]);
}

#[test]
fn a_name_is_no_evidence_for_its_own_country() {
    // "Georgia" said twice does not make a story about the country Georgia
    let text = "A flock in Alabama tested positive. The contract lab in Georgia confirmed it, \
                and a second test was run in Ames, Iowa. The Georgia lab is now closed.";
    let georgia: Vec<(String, Option<String>)> = found_worldwide(text)
        .into_iter()
        .filter(|(m, _)| m == "Georgia")
        .collect();
    assert_eq!(georgia, pairs(&[("Georgia", "US"), ("Georgia", "US")]));
}

#[test]
fn a_comma_inside_a_list_is_no_qualifier() {
    // "China, Japan" would otherwise read as the village of China in Japan
    let text = "Many countries, among them China, Japan, and the United Kingdom, warned.";
    assert_eq!(ids_of(text, "China"), ["test:cn"]);
    // "Niger, Nigeria" would otherwise read as Nigeria's Niger State
    let text = "The outbreak reached Ghana, Niger, Nigeria and Togo.";
    assert_eq!(ids_of(text, "Niger"), ["test:ne"]);
    // outside a list the comma still qualifies
    assert_eq!(
        ids_of("He farms near Niger, Nigeria.", "Niger"),
        ["test:nigerstate"]
    );
}

#[test]
fn a_type_word_picks_the_kind_of_place() {
    for (text, want) in [
        ("A Washington state farm was closed.", "test:wa"),
        ("Protesters marched in Washington.", "test:dc"),
    ] {
        assert_eq!(ids_of(text, "Washington"), [want], "{text}");
    }
    // a plural type word before a list asks for its kind in every member
    assert_eq!(
        ids_of(
            "It operates in the states of Texas and Washington.",
            "Washington"
        ),
        ["test:wa"]
    );
}

fn snapshot(text: &str) -> Value {
    let places: Vec<Value> = parse(text)
        .into_iter()
        .map(|p| {
            json!({
                "mention": p.mention,
                "span": [p.span.start, p.span.end],
                "resolved": p.resolved.map(Arc::unwrap_or_clone).map(|c| c.id),
                "confidence": (f64::from(p.confidence) * 100.0).round() / 100.0,
                "adjectival": p.adjectival,
            })
        })
        .collect();
    json!(places)
}

#[test]
fn summit_article_snapshot() {
    insta::assert_json_snapshot!(snapshot(include_str!("fixtures/geoparse/summit.txt")));
}

#[test]
fn local_fire_article_snapshot() {
    insta::assert_json_snapshot!(snapshot(include_str!("fixtures/geoparse/local_fire.txt")));
}

#[test]
fn outbreak_article_snapshot() {
    insta::assert_json_snapshot!(snapshot(include_str!("fixtures/geoparse/outbreak.txt")));
}

proptest! {
    #[test]
    fn geoparse_never_panics_and_spans_stay_on_char_boundaries(
        text in "(\\PC|[A-Z][a-z]+|Paris|New York|U\\.S\\.|St\\. |, |'s| )*"
    ) {
        let g = world();
        let places = geoparse(&text, &tokenize(&text), &g);
        for p in places {
            prop_assert!(p.span.start <= p.span.end && p.span.end <= text.len());
            prop_assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
            prop_assert_eq!(&text[p.span.start..p.span.end], p.mention.as_str());
            prop_assert!((0.0..=1.0).contains(&p.confidence));
        }
    }
}

/// `field` of what each mention of `name` resolves to, with the embedded gazetteer.
fn resolved_worldwide<T>(
    text: &str,
    name: &str,
    field: impl Fn(Candidate) -> Option<T>,
) -> Vec<Option<T>> {
    geoparse(text, &tokenize(text), Gazetteer::embedded())
        .into_iter()
        .filter(|m| m.mention == name)
        .map(|m| m.resolved.map(Arc::unwrap_or_clone).and_then(&field))
        .collect()
}

/// The first-level region each mention of `name` resolves to, with the embedded gazetteer.
fn regions_worldwide(text: &str, name: &str) -> Vec<Option<String>> {
    resolved_worldwide(text, name, |c| c.admin1)
}

#[test]
fn a_compass_word_joined_to_a_name_stands_for_that_name_with_its_own_head() {
    check_worldwide(&[
        (
            "Talks between North and South Korea resumed.",
            &[("North", "KP"), ("South Korea", "KR")],
        ),
        (
            "Farmers in North and South Dakota lost crops.",
            &[("North", "US"), ("South Dakota", "US")],
        ),
    ]);
    let text = "The pope began a journey to Central and East Africa.";
    assert_eq!(
        resolved_worldwide(text, "Central", |c| Some(c.name)),
        [Some("Central Africa".to_owned())]
    );
    // no region of Cameroon or Uganda when the gazetteer knows no such name
    let text = "Floods hit Northern and Central Italy.";
    assert_eq!(found_worldwide(text), pairs(&[("Italy", "IT")]));
}

#[test]
fn an_island_that_qualifies_a_town_is_the_island() {
    // the Bahamas have a district called Long Island; the qualifier is the island of New York
    let text = "The crew left Rockaway, on Long Island, on May 8.";
    assert_eq!(
        resolved_worldwide(text, "Long Island", |c| Some(c.kind)),
        [Some(PlaceKind::Physical)]
    );
}

#[test]
fn a_name_joined_to_a_cued_place_shares_its_cue() {
    // Eisenhüttenstadt is too small to be taken without a cue, and lies 110 km from Potsdam
    let text = "Police in Potsdam and Eisenhüttenstadt stopped two vans.";
    assert_eq!(
        found_worldwide(text),
        pairs(&[("Potsdam", "DE"), ("Eisenhüttenstadt", "DE")])
    );
    // after a comma the next name may open the sentence's clause
    let text = "Raised in Clay County, Ching grew up in California.";
    assert!(!found_worldwide(text).iter().any(|(m, _)| m == "Ching"));
    // two streets named at once
    let text = "The girl was hit near Rivers and Stokes avenues.";
    assert!(!found_worldwide(text).iter().any(|(m, _)| m == "Stokes"));
}

#[test]
fn a_story_round_the_world_means_the_famous_city_a_neighbour_notwithstanding() {
    // Berlin lies 80 km from Frankfurt (Oder); the world's Frankfurt is Frankfurt am Main,
    // found by an alternate name
    let text = "The freed sailor landed in Frankfurt on Sunday after a refuelling stop in \
                Cairo. Berlin thanked Egypt and Oman for their help in the talks.";
    assert_eq!(
        regions_worldwide(text, "Frankfurt"),
        [Some("Hessen".to_owned())]
    );
    // England is named, and holds a Halifax; the port of a transatlantic voyage is in Canada
    let text = "The liner sailed from Halifax with 900 passengers, called at St. John's, \
                Newfoundland, and Cork, Ireland, and reached Plymouth, England, nine days later.";
    assert_eq!(
        regions_worldwide(text, "Halifax"),
        [Some("Nova Scotia".to_owned())]
    );
    // a qualifier still places the small namesake, and so do neighbours in a story that
    // stays in one region of the world
    let text = "The liner sailed from Halifax, England, called at Reykjavik, Iceland, and \
                reached Boston nine days later.";
    assert_eq!(
        regions_worldwide(text, "Halifax"),
        [Some("England".to_owned())]
    );
    let text = "Police in Frankfurt and Eisenhüttenstadt on the Polish border stopped two \
                vans on Tuesday.";
    assert_eq!(
        regions_worldwide(text, "Frankfurt"),
        [Some("Brandenburg".to_owned())]
    );
}

#[test]
fn a_state_named_elsewhere_does_not_make_a_village_of_a_great_city() {
    // New York state holds a village called Boston; Boston, Massachusetts is 80 times larger
    let text = "The mayor of Boston declared a flu emergency on Wednesday as 700 cases were \
                confirmed. Hospitals in New York reported a rise as well.";
    assert_eq!(
        regions_worldwide(text, "Boston"),
        [Some("Massachusetts".to_owned())]
    );
    // neighbours still place the village: Orchard Park lies next to it
    let text = "Volunteer firefighters from Boston and Orchard Park fought the barn fire south \
                of Buffalo, New York, on Sunday.";
    assert_eq!(
        regions_worldwide(text, "Boston"),
        [Some("New York".to_owned())]
    );
    // a city only ten times smaller is no village: Portland, Maine in a story about Maine
    let text = "The storm closed schools across Maine on Tuesday. In Portland, the ferry \
                terminal shut at noon.";
    assert_eq!(
        regions_worldwide(text, "Portland"),
        [Some("Maine".to_owned())]
    );
}

#[test]
fn congo_alone_is_either_congo_by_its_context() {
    // both countries go by "Congo"; the larger one unless the story says otherwise
    assert_eq!(
        found_worldwide("Fighting broke out again in Congo on Monday, officials said."),
        pairs(&[("Congo", "CD")])
    );
    assert_eq!(
        found_worldwide("Ebola was first identified in Zaire in 1976."),
        pairs(&[("Zaire", "CD")])
    );
    assert_eq!(
        found_worldwide("Brazzaville is the capital of Congo."),
        pairs(&[("Brazzaville", "CG"), ("Congo", "CG")])
    );
}

#[test]
fn a_leaders_administration_is_no_town() {
    // Egypt has a village called Bush
    let text = "The Bush administration blamed the Clinton administration for involving the \
                US too greatly in Egypt.";
    assert_eq!(
        found_worldwide(text),
        pairs(&[("US", "US"), ("Egypt", "EG")])
    );
    // the town keeps its name elsewhere
    assert_eq!(
        regions_worldwide("The fair opened in Clinton, Iowa, on Friday.", "Clinton"),
        [Some("Iowa".to_owned())]
    );
}

#[test]
fn a_well_known_area_takes_the_article_a_village_does_not() {
    // Maryland has a village called Middle East, next to Camp David
    let text = "Talks at Camp David in Maryland raised hopes for peace across the Middle East.";
    assert_eq!(
        resolved_worldwide(text, "Middle East", |c| Some(c.feature_code)),
        [Some("region".to_owned())]
    );
}

#[test]
fn a_region_named_like_a_person_does_not_speak_for_a_government() {
    // New Zealand has a Nelson region; a person's name it stays
    let text = "The officer knocked twice. Nelson said the music was loud. Ontario said it \
                would appeal, said Wisconsin Governor Jim Doyle.";
    let names: Vec<String> = found_worldwide(text).into_iter().map(|(m, _)| m).collect();
    assert_eq!(names, ["Ontario", "Wisconsin"]);
}

/// Every mention the geoparser finds, with the embedded gazetteer, and whether it resolved.
fn mentions_worldwide(text: &str) -> Vec<(String, bool)> {
    geoparse(text, &tokenize(text), Gazetteer::embedded())
        .into_iter()
        .map(|m| (m.mention, m.resolved.is_some()))
        .collect()
}

#[test]
fn streets_and_roads_are_places_the_gazetteer_cannot_resolve() {
    let unresolved = |names: &[&str]| -> Vec<(String, bool)> {
        names.iter().map(|n| ((*n).to_owned(), false)).collect()
    };
    for (text, want) in [
        (
            "A section of Main Street remained closed.",
            &["Main Street"][..],
        ),
        (
            "The fire at 775 Main St., near Dawes Street, was out.",
            &["Main St.", "Dawes Street"],
        ),
        (
            "Drivers on County Road 43 and Highway 10 were warned.",
            &["County Road 43", "Highway 10"],
        ),
        (
            "She lives on 40th Avenue South near E. Broad St., the police said.",
            &["40th Avenue South", "E. Broad St."],
        ),
        ("On Main Street the shops opened.", &["Main Street"]),
        (
            "Closed: Main Street\nDrive safely, police said.",
            &["Main Street"],
        ),
        // none of these is a street
        ("The Supreme Court ruled for United Way.", &[]),
        ("The Main Street Bank opened a branch.", &[]),
    ] {
        assert_eq!(mentions_worldwide(text), unresolved(want), "{text}");
    }
    // a saint is no street, and a town before a possessive keeps its own name
    assert_eq!(
        mentions_worldwide("St. Louis fans met on Augusta's Highland Avenue."),
        [
            ("St. Louis".to_owned(), true),
            ("Augusta".to_owned(), true),
            ("Highland Avenue".to_owned(), false)
        ]
    );
    // a number before a street word that is no ordinal, cut inside a character
    assert_eq!(mentions_worldwide("At 1€th Street."), unresolved(&[]));
    // a town inside a street's name gives way to the street
    assert_eq!(
        mentions_worldwide("The crash closed Memphis Street for an hour."),
        unresolved(&["Memphis Street"])
    );
}

#[test]
fn two_names_side_by_side_in_different_countries_are_one_unknown_name() {
    check_worldwide(&[
        ("She will sail to Nuku Hiva in March.", &[]),
        (
            "He flew to Dar es Salaam, Tanzania.",
            &[("Dar es Salaam", "TZ"), ("Tanzania", "TZ")],
        ),
        (
            "The aqueduct is the finest in North West England.",
            &[("England", "GB")],
        ),
    ]);
}

#[test]
fn a_famous_citys_small_namesakes_back_no_neighbour_in_a_story_round_the_world() {
    // London, Ohio lies near Geneva, Ohio; London here is England's
    check_worldwide(&[(
        "The refugee chief flew from Chad to Juba in South Sudan. He will brief donors in \
         Geneva next week, ahead of a conference that Britain will host in London.",
        &[
            ("Chad", "TD"),
            ("Juba", "SS"),
            ("South Sudan", "SS"),
            ("Geneva", "CH"),
            ("Britain", "GB"),
            ("London", "GB"),
        ],
    )]);
}

#[test]
fn a_qualifier_settles_the_name_wherever_it_recurs() {
    // alone, "Kochi" beside a Japanese town would be Kochi in Japan
    check_worldwide(&[(
        "KOCHI, India - Investigators boarded the ship in Kochi. It was built in \
         Imabari, Japan.",
        &[
            ("KOCHI", "IN"),
            ("India", "IN"),
            ("Kochi", "IN"),
            ("Imabari", "JP"),
            ("Japan", "JP"),
        ],
    )]);
}

#[test]
fn a_region_dwarfed_by_a_great_city_of_its_name_is_not_preferred() {
    // the Jamaican parish of Manchester has a tenth of the English city's people
    check_worldwide(&[(
        "They flew to Manchester on Friday.",
        &[("Manchester", "GB")],
    )]);
}

#[test]
fn a_qualifier_after_the_first_mention_marks_a_namesake() {
    check_worldwide(&[(
        "The club flew home to Birmingham, England, on Monday. The tour goes on in \
         Birmingham, Alabama. After that the squad flies back to Birmingham.",
        &[
            ("Birmingham", "GB"),
            ("England", "GB"),
            ("Birmingham", "US"),
            ("Alabama", "US"),
            ("Birmingham", "GB"),
        ],
    )]);
}

#[test]
fn a_surname_after_a_given_name_from_anywhere_is_no_place_later() {
    // "Rolando" is a given name, so "Benítez" is his surname, not Colonia Benítez in the Chaco
    let found = found_worldwide(
        "Rolando Benítez Acuña, 34, was detained. Posts on the Chaco road were put on \
         alert. Footage showed Benítez in the town.",
    );
    assert!(
        !found.iter().any(|(m, _)| m == "Benítez" || m == "Acuña"),
        "{found:?}"
    );
}

#[test]
fn a_story_across_a_continent_means_the_famous_cities() {
    // a tour through a dozen states: Denver is Colorado's, though Denver, Pennsylvania lies
    // between Philadelphia and Baltimore
    let text = "The band's tour began in San Francisco and went on to Las Vegas, Seattle and \
                Los Angeles. It reached Denver on Aug. 26, then Cincinnati, Indianapolis, \
                Milwaukee and Chicago. The shows in Atlantic City, Philadelphia and Baltimore \
                sold out, and so did Boston and Detroit.";
    assert_eq!(
        regions_worldwide(text, "Denver"),
        [Some("Colorado".to_owned())]
    );
    assert_eq!(
        regions_worldwide(text, "Boston"),
        [Some("Massachusetts".to_owned())]
    );
    // a story that stays in one corner of a state keeps its small town
    let text = "Firefighters from Ephrata and Denver answered the call in Lancaster County, \
                Pennsylvania, on Tuesday.";
    assert_eq!(
        regions_worldwide(text, "Denver"),
        [Some("Pennsylvania".to_owned())]
    );
}

#[test]
fn a_city_of_millions_keeps_the_name_the_world_knew_it_by() {
    // Kolkata goes by "Calcutta" only as an other name; the town in Mpumalanga that bears
    // it as its own is a hundredth its size
    check_worldwide(&[
        (
            "The aviators reached Calcutta on 19 November, then flew on to Rangoon and \
             Bangkok.",
            &[("Calcutta", "IN"), ("Rangoon", "MM"), ("Bangkok", "TH")],
        ),
        (
            "The aviators reached Calcutta on 19 November.",
            &[("Calcutta", "IN")],
        ),
    ]);
    // a landmark that bears the name keeps it
    assert_eq!(
        resolved_worldwide(
            "The two leaders met at the White House on Monday.",
            "White House",
            |c| c.country
        ),
        [Some("US".to_owned())]
    );
}

#[test]
fn a_region_read_for_a_name_is_close_to_the_towns_around_its_city() {
    // "New York" is read as the state, whose point lies upstate; the Princeton near New
    // York City is meant, not the one near Boston
    let text = "After meeting the President, the Emperor and his party were to leave for \
                Princeton and New York. On June 3 he planned to leave New York for Boston, \
                the first stop on a tour of the United States, Canada, and Mexico.";
    assert_eq!(
        regions_worldwide(text, "Princeton"),
        [Some("New Jersey".to_owned())]
    );
}

#[test]
fn a_hamlet_named_like_a_great_city_needs_more_than_neighbours() {
    // two hamlets in the oblast bear the city's name, one in the spelling the text uses;
    // the city of 700,000 (or its oblast) is meant, though one hamlet lies nearer Mariupol
    let text = "The convoy left Mariupol on Friday and reached Zaporizhzhia, 200 kilometres \
                to the northwest, after a night at Berdiansk.";
    let to: Vec<Option<bool>> = geoparse(text, &tokenize(text), Gazetteer::embedded())
        .iter()
        .filter(|m| m.mention == "Zaporizhzhia")
        .map(|m| m.destination().map(|c| c.population > 500_000))
        .collect();
    assert_eq!(to, [Some(true)]);
}

#[test]
fn a_villages_name_after_the_is_an_organisations() {
    // Red Cross, North Carolina is a village; towns take no article
    check_worldwide(&[
        (
            "The Red Cross said it had sent doctors to Goma.",
            &[("Goma", "CD")],
        ),
        (
            "Volunteers from the Red Cross reached Goma on Monday.",
            &[("Goma", "CD")],
        ),
        // another language's name keeps its own article in English
        (
            "The riders climb the Mûr de Bretagne twice before the finish.",
            &[("Mûr de Bretagne", "FR")],
        ),
    ]);
}

#[test]
fn a_storms_name_is_no_place() {
    // Gilbert, Arizona and Hanna, Wyoming are towns; the storms bear their names
    check_worldwide(&[
        (
            "Hurricane Gilbert formed near Barbados. Gilbert then struck Jamaica.",
            &[("Barbados", "BB"), ("Jamaica", "JM")],
        ),
        (
            "Tropical Storm Hanna formed on Friday. Hanna made landfall in Texas on Saturday.",
            &[("Texas", "US")],
        ),
    ]);
}

#[test]
fn a_region_named_by_compass_words_alone_needs_its_country_in_the_story() {
    // Cameroon's regions are called "East", "Far North", "South-West"
    check_worldwide(&[
        (
            "Heavy rain fell across the Far North of Queensland on Sunday.",
            &[("Queensland", "AU")],
        ),
        (
            "The osprey crossed the South-West of England and reached Spain.",
            &[("England", "GB"), ("Spain", "ES")],
        ),
    ]);
    // a well-known area named so keeps its sense
    assert_eq!(
        found_worldwide("The envoy toured the Middle East and Egypt."),
        [
            ("Middle East".to_owned(), None),
            ("Egypt".to_owned(), Some("EG".to_owned()))
        ]
    );
}

#[test]
fn a_name_said_to_lie_some_distance_away_is_a_place() {
    check_worldwide(&[
        (
            "They left the car and fled on foot. Hornell is about 90 miles southeast of \
             Buffalo.",
            &[("Hornell", "US"), ("Buffalo", "US")],
        ),
        ("Hornell was quiet on Sunday morning.", &[]),
    ]);
}

#[test]
fn a_town_its_state_cannot_hold_is_left_without_a_point() {
    // the Grantville and the Orient of the gazetteer lie in other states: the towns meant
    // are too small for it, and no point beats one in the wrong state
    assert_eq!(
        found_worldwide("Martha was born in Grantville, Pennsylvania, in 1913."),
        [
            ("Grantville".to_owned(), None),
            ("Pennsylvania".to_owned(), Some("US".to_owned()))
        ]
    );
    assert_eq!(
        found_worldwide("He sat in a prison cell in Orient, Ohio, for a year."),
        [
            ("Orient".to_owned(), None),
            ("Ohio".to_owned(), Some("US".to_owned()))
        ]
    );
    // the state that holds it, or an island that knows no state, keeps its point
    assert_eq!(
        found_worldwide("Martha was born in Grantville, Georgia, in 1913."),
        [
            ("Grantville".to_owned(), Some("US".to_owned())),
            ("Georgia".to_owned(), Some("US".to_owned()))
        ]
    );
    assert_eq!(
        found_worldwide("The laboratory on Long Island, New York, was cleaned."),
        [
            ("Long Island".to_owned(), Some("US".to_owned())),
            ("New York".to_owned(), Some("US".to_owned()))
        ]
    );
}

#[test]
fn a_surname_after_a_common_given_name_is_no_place() {
    // Adams (New York) and Léo (Burkina Faso) are places; "Calvin Adams" and "Leo Grant" are people
    assert_eq!(
        found_worldwide("Jeffery Grinder and Calvin Adams were stopped in Hornell."),
        [("Hornell".to_owned(), Some("US".to_owned()))]
    );
    assert_eq!(
        found_worldwide("Leo Grant ate breakfast in Hillcrest, San Diego."),
        found_worldwide("He ate breakfast in Hillcrest, San Diego.")
    );
}

#[test]
fn a_name_before_a_features_word_is_no_far_away_town() {
    // the gazetteer's Mona is a town in Côte d'Ivoire, not the island between Hispaniola
    // and Puerto Rico: better no point than that one
    assert_eq!(
        found_worldwide("Lancaster anchored at Mona Island, between Hispaniola and Puerto Rico."),
        [
            ("Lancaster".to_owned(), Some("US".to_owned())),
            ("Mona".to_owned(), None),
            ("Hispaniola".to_owned(), None),
            ("Puerto Rico".to_owned(), Some("PR".to_owned()))
        ]
    );
    // a town on the island, near the story's other places, is where the island is (and a
    // state written out in full leaves the sentence's period out of its name)
    assert_eq!(
        found_worldwide("The freighter ran aground off Unalaska Island near Dutch Harbor, Alaska."),
        [
            ("Unalaska".to_owned(), Some("US".to_owned())),
            ("Dutch Harbor".to_owned(), Some("US".to_owned())),
            ("Alaska".to_owned(), Some("US".to_owned()))
        ]
    );
}

#[test]
fn a_rivers_delta_is_no_town_named_delta() {
    assert_eq!(
        found_worldwide("The whimbrel nests in the Mackenzie River Delta."),
        [("Mackenzie River".to_owned(), Some("CA".to_owned()))]
    );
    // a town of that name elsewhere is still one
    assert_eq!(
        found_worldwide("He grew up in Delta, British Columbia."),
        [
            ("Delta".to_owned(), Some("CA".to_owned())),
            ("British Columbia".to_owned(), Some("CA".to_owned()))
        ]
    );
}

#[test]
fn the_ends_of_a_land_are_places() {
    // capes and land's ends that long walks and rides run between, with a clipped "of"
    assert_eq!(
        found_worldwide("He walked from Land’s End to John o’ Groats, then rode to Nordkapp."),
        [
            ("Land’s End".to_owned(), Some("GB".to_owned())),
            ("John o’ Groats".to_owned(), Some("GB".to_owned())),
            ("Nordkapp".to_owned(), Some("NO".to_owned()))
        ]
    );
}
