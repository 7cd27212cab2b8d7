//! The gazetteer: every place itinera knows, looked up by name.
//!
//! [`Gazetteer::embedded`] is the index shipped inside the binary. Lookups take a name as
//! written in text and return [`Candidate`]s best first (by an importance prior; the
//! geoparser re-ranks them with document context).

mod normalize;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::geo::LatLon;

pub use normalize::normalize;

/// What sort of place a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A continent or a multi-country world region ("Europe").
    Continent,
    /// A sovereign country or dependent territory.
    Country,
    /// A first-level administrative region (state, province, oblast, krai).
    Region,
    /// A second-level administrative unit (county, parish, district).
    District,
    /// A city, town, village or settlement.
    PopulatedPlace,
    /// A natural feature: river, sea, strait, mountain range, desert, island…
    Physical,
    /// A man-made place news names as a location: airport, station, cosmodrome, base, plant.
    Landmark,
    /// An informal or geopolitical region ("Donbas", "Russian Far East", "the Sahel").
    InformalRegion,
}

impl PlaceKind {
    /// The human label used in the `itinera/1` JSON (`"populated place"`, `"country"`, …).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::District => "district",
            PlaceKind::PopulatedPlace => "populated place",
            PlaceKind::Physical => "physical feature",
            PlaceKind::Landmark => "landmark",
            PlaceKind::InformalRegion => "informal region",
        }
    }
}

/// One place the gazetteer knows, as returned by a lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Stable identifier: `geonames:2022586`, or `itinera:river/tumen` for our own table.
    pub id: String,
    /// The preferred English name.
    pub name: String,
    /// Representative point.
    pub latlon: LatLon,
    /// Sort of place.
    pub kind: PlaceKind,
    /// GeoNames feature code (`PPL`, `PPLA`, `PPLC`, `ADM1`, `PCLI`…) or our own kind word (`river`).
    pub feature_code: String,
    /// ISO 3166-1 alpha-2 country code, when the place lies in one country.
    pub country: Option<String>,
    /// Name of the first-level region containing it, when known.
    pub admin1: Option<String>,
    /// Population (0 when unknown or not applicable).
    pub population: u64,
    /// Prior in `0..=1` of how likely this candidate is meant when its name appears in news.
    pub importance: f32,
}

/// An adjective or demonym that stands for a place ("North Korean" → North Korea).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Demonym {
    /// The adjective as listed ("North Korean").
    pub adjective: String,
    /// The place it stands for, resolved.
    pub place: Candidate,
}

/// A searchable index of places.
#[derive(Default)]
pub struct Gazetteer {
    records: Vec<Candidate>,
    by_name: HashMap<String, Vec<u32>>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary.
    #[must_use]
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(Gazetteer::default)
    }

    /// A gazetteer over `records`, each findable by its own name and by `alternates`.
    #[must_use]
    pub fn from_records(records: Vec<(Candidate, Vec<String>)>) -> Self {
        let mut g = Gazetteer::default();
        for (i, (record, alternates)) in records.into_iter().enumerate() {
            let idx = i as u32;
            for name in std::iter::once(&record.name).chain(&alternates) {
                let ids = g.by_name.entry(normalize(name)).or_default();
                if !ids.contains(&idx) {
                    ids.push(idx);
                }
            }
            g.records.push(record);
        }
        let records = &g.records;
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each list is sorted on its own; order of lists is irrelevant"
        )]
        for ids in g.by_name.values_mut() {
            ids.sort_by(|&a, &b| {
                records[b as usize]
                    .importance
                    .total_cmp(&records[a as usize].importance)
                    .then(a.cmp(&b))
            });
        }
        g
    }

    /// Number of places.
    #[must_use]
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when the gazetteer knows no place.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Candidates for a name as written in text, best first.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        self.lookup_normalized(&normalize(name))
    }

    /// Candidates for a name already passed through [`normalize`], best first.
    #[must_use]
    pub fn lookup_normalized(&self, key: &str) -> Vec<Candidate> {
        self.by_name
            .get(key)
            .map(|ids| {
                ids.iter()
                    .map(|&i| self.records[i as usize].clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// True when some name in the index is exactly `key` (normalised).
    #[must_use]
    pub fn contains_normalized(&self, key: &str) -> bool {
        self.by_name.contains_key(key)
    }

    /// True when some name in the index starts with `prefix` (normalised), for growing n-grams.
    #[must_use]
    pub fn has_prefix_normalized(&self, prefix: &str) -> bool {
        self.by_name.keys().any(|k| k.starts_with(prefix))
    }

    /// The place an adjective or demonym stands for ("Russian", "North Koreans", "Texan").
    #[must_use]
    pub fn demonym(&self, _word: &str) -> Option<Demonym> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, importance: f32) -> Candidate {
        Candidate {
            id: format!("test:{name}"),
            name: name.to_owned(),
            latlon: LatLon::new(0.0, 0.0),
            kind: PlaceKind::PopulatedPlace,
            feature_code: "PPL".into(),
            country: None,
            admin1: None,
            population: 0,
            importance,
        }
    }

    #[test]
    fn lookups_are_best_first_and_ignore_case() {
        let g = Gazetteer::from_records(vec![
            (place("Paris", 0.2), vec![]),
            (place("Paris", 0.9), vec!["Lutetia".into()]),
        ]);
        let c = g.lookup("PARIS");
        assert_eq!(c.len(), 2);
        assert!(c[0].importance > c[1].importance);
        assert_eq!(g.lookup("lutetia").len(), 1);
        assert!(g.lookup("Berlin").is_empty());
    }
}
