//! The gazetteer's source tables: plain tab-separated text, one place per line.
//!
//! `places.tsv.gz` is written by `itinera gazetteer build` from GeoNames and Natural Earth;
//! `features.tsv`, `continents.tsv` and `demonyms.tsv` are written by hand. The build script
//! reads them all (this file is shared with `build.rs`) and writes the binary index.

/// Kind words of the source table, in the order of `PlaceKind`'s variants.
pub const KIND_WORDS: [&str; 8] = [
    "continent",
    "country",
    "region",
    "district",
    "place",
    "physical",
    "landmark",
    "informal",
];

/// Index into [`KIND_WORDS`] of populated places.
pub const KIND_PLACE: u8 = 4;
/// Index into [`KIND_WORDS`] of countries.
pub const KIND_COUNTRY: u8 = 1;
/// Index into [`KIND_WORDS`] of first-level regions.
pub const KIND_REGION: u8 = 2;
/// Index into [`KIND_WORDS`] of second-level units.
pub const KIND_DISTRICT: u8 = 3;
/// Index into [`KIND_WORDS`] of continents and world regions.
pub const KIND_CONTINENT: u8 = 0;
/// Index into [`KIND_WORDS`] of natural features.
pub const KIND_PHYSICAL: u8 = 5;
/// Index into [`KIND_WORDS`] of landmarks.
pub const KIND_LANDMARK: u8 = 6;
/// Index into [`KIND_WORDS`] of informal regions.
pub const KIND_INFORMAL: u8 = 7;

/// One place of a source table.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable identifier (`geonames:2022586`, `itinera:tumen-river`).
    pub id: String,
    /// Preferred English name.
    pub name: String,
    /// Index into [`KIND_WORDS`].
    pub kind: u8,
    /// GeoNames feature code or our own kind word.
    pub code: String,
    /// ISO 3166-1 alpha-2 country code, or empty.
    pub country: String,
    /// GeoNames first-level code within the country (`59`), or empty.
    pub admin1: String,
    /// GeoNames second-level code within the region, or empty.
    pub admin2: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population; for regions and districts, the summed population of their places.
    pub population: u64,
    /// Prior given by hand, when the table has one; computed from the other fields otherwise.
    pub importance: Option<f32>,
    /// Other spellings of its main name (ASCII form, English forms): found at full rank.
    pub names: Vec<String>,
    /// Names in other languages, old names, variants: found at a lower rank.
    pub alternates: Vec<String>,
    /// Further points of a long feature (a river's course, a sea's parts), beside `lat`/`lon`.
    pub points: Vec<(f64, f64)>,
}

fn clean(field: &str) -> String {
    field
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

impl Entry {
    /// The entry as one line of `places.tsv` (no newline).
    #[must_use]
    pub fn to_line(&self) -> String {
        let names: Vec<String> = self.names.iter().map(|n| clean(n)).collect();
        let alternates: Vec<String> = self.alternates.iter().map(|n| clean(n)).collect();
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}\t{}\t{}",
            clean(&self.id),
            clean(&self.name),
            KIND_WORDS[usize::from(self.kind) % KIND_WORDS.len()],
            clean(&self.code),
            clean(&self.country),
            clean(&self.admin1),
            clean(&self.admin2),
            self.lat,
            self.lon,
            self.population,
            self.importance
                .map(|i| format!("{i:.3}"))
                .unwrap_or_default(),
            names.join("|"),
            alternates.join("|"),
        )
    }

    /// Parses one line of `places.tsv`; `None` for a comment, a header or a malformed line.
    #[must_use]
    pub fn parse_line(line: &str) -> Option<Entry> {
        let f: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
        if f.len() < 13 || f[0].starts_with('#') {
            return None;
        }
        let kind = KIND_WORDS.iter().position(|k| *k == f[2])? as u8;
        Some(Entry {
            id: f[0].to_owned(),
            name: f[1].to_owned(),
            kind,
            code: f[3].to_owned(),
            country: f[4].to_owned(),
            admin1: f[5].to_owned(),
            admin2: f[6].to_owned(),
            lat: f[7].parse().ok()?,
            lon: f[8].parse().ok()?,
            population: f[9].parse().unwrap_or(0),
            importance: f[10].parse().ok(),
            names: split_names(f[11]),
            alternates: split_names(f[12]),
            points: Vec::new(),
        })
    }

    /// Parses one line of a hand table in the `features.tsv` format
    /// (`id name alt_names kind countries lat lon extra_points importance`).
    #[must_use]
    pub fn parse_feature_line(line: &str) -> Option<Entry> {
        let f: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
        if f.len() < 7 || f[0].starts_with('#') || f[0] == "id" {
            return None;
        }
        let word = f[3].trim().to_lowercase();
        let kind = match word.as_str() {
            "continent" | "world region" => KIND_CONTINENT,
            "region" => KIND_INFORMAL,
            "landmark" | "airport" | "station" | "port" | "cosmodrome" | "military base"
            | "border crossing" | "dam" => KIND_LANDMARK,
            _ => KIND_PHYSICAL,
        };
        let countries: Vec<&str> = f[4]
            .split([',', ' '])
            .map(str::trim)
            .filter(|c| c.len() == 2)
            .collect();
        let lat: f64 = f[5].trim().parse().ok()?;
        let lon: f64 = f[6].trim().parse().ok()?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return None;
        }
        let importance = f
            .get(8)
            .and_then(|s| s.trim().parse::<f32>().ok())
            .map(|i| i.clamp(0.0, 1.0));
        let id = f[0].trim();
        Some(Entry {
            id: if id.contains(':') {
                id.to_owned()
            } else {
                format!("itinera:{id}")
            },
            name: f[1].trim().to_owned(),
            kind,
            code: word,
            country: if countries.len() == 1 {
                countries[0].to_uppercase()
            } else {
                String::new()
            },
            admin1: String::new(),
            admin2: String::new(),
            lat,
            lon,
            population: 0,
            importance: Some(importance.unwrap_or(0.5)),
            names: split_names(f[2]),
            alternates: Vec::new(),
            points: f.get(7).map_or_else(Vec::new, |p| parse_points(p)),
        })
    }
}

/// Points written `lat,lon;lat,lon`; malformed or out-of-range pairs are skipped.
#[must_use]
pub fn parse_points(field: &str) -> Vec<(f64, f64)> {
    field
        .split(';')
        .filter_map(|pair| {
            let (lat, lon) = pair.split_once(',')?;
            let lat: f64 = lat.trim().parse().ok()?;
            let lon: f64 = lon.trim().parse().ok()?;
            ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
        })
        .collect()
}

fn split_names(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One row of `demonyms.tsv`: an adjective and the place it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct DemonymRow {
    /// The adjective ("North Korean").
    pub adjective: String,
    /// Name of the place ("North Korea").
    pub place: String,
    /// Kind word: country, region, city, continent or historical.
    pub kind: String,
    /// ISO2 country the place lies in, or empty.
    pub country: String,
}

impl DemonymRow {
    /// Parses one line of `demonyms.tsv`; `None` for the header, a comment or a short line.
    #[must_use]
    pub fn parse_line(line: &str) -> Option<DemonymRow> {
        let f: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
        if f.len() < 2 || f[0].starts_with('#') || f[0] == "adjective" {
            return None;
        }
        Some(DemonymRow {
            adjective: f[0].trim().to_owned(),
            place: f[1].trim().to_owned(),
            kind: f
                .get(2)
                .map(|s| s.trim().to_lowercase())
                .unwrap_or_default(),
            country: f
                .get(3)
                .map(|s| s.trim().to_uppercase())
                .unwrap_or_default(),
        })
    }
}

/// The prior of a place when no hand-given importance exists: countries and continents
/// highest, then big and capital cities, regions, districts, small places.
#[must_use]
pub fn prior(kind: u8, code: &str, population: u64) -> f32 {
    let lp = ((population as f64) + 1.0).log10() as f32;
    match kind {
        KIND_CONTINENT => 0.95,
        KIND_COUNTRY => (0.9 + 0.01 * lp).min(0.999),
        KIND_REGION => 0.45 + 0.03 * lp,
        KIND_DISTRICT => 0.28 + 0.03 * lp,
        KIND_PLACE => {
            let bonus = match code {
                "PPLC" => 0.2,
                "PPLA" => 0.1,
                "PPLG" => 0.06,
                "PPLA2" => 0.03,
                "PPLA3" | "PPLA4" => 0.01,
                _ => 0.0,
            };
            (0.1 * lp).min(0.75) + bonus
        }
        _ => 0.6,
    }
}

/// How much lower a place ranks when found by one of its `alternates` rather than its name:
/// a quarter, less for big cities, whose other names are mostly well-known exonyms
/// ("Odessa", "Kiev", "New York").
#[must_use]
pub fn alternate_penalty(kind: u8, population: u64) -> f32 {
    if kind != KIND_PLACE {
        return 0.25;
    }
    let lp = ((population as f64) + 1.0).log10() as f32;
    (0.25 - 0.15 * (lp - 5.3)).clamp(0.1, 0.25)
}

/// The importance used in the index for a hand-table entry whose table importance is `i`.
#[must_use]
pub fn scaled_hand_importance(kind: u8, i: f32) -> f32 {
    match kind {
        KIND_CONTINENT => 0.9 + 0.1 * i,
        _ => 0.4 + 0.55 * i,
    }
}

/// Drops hand-table entries that another source already describes: Natural Earth lakes
/// that a hand-table entry also names (within about 300 km; the hand table is curated, so
/// it wins), and informal regions of the hand table that are really a GeoNames region or
/// country of the same country ("Primorye", "Gaza Strip"; GeoNames carries their names).
pub fn drop_shadowed(entries: &mut Vec<Entry>, normalize: impl Fn(&str) -> String) {
    use std::collections::{HashMap, HashSet};
    let mut hand: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    let mut informal: HashSet<String> = HashSet::new();
    for e in entries.iter().filter(|e| e.id.starts_with("itinera:")) {
        for n in std::iter::once(&e.name).chain(&e.names) {
            hand.entry(normalize(n)).or_default().push((e.lat, e.lon));
        }
        if e.kind == KIND_INFORMAL && !e.country.is_empty() {
            informal.insert(format!("{}:{}", e.country, normalize(&e.name)));
        }
    }
    let mut official: HashSet<String> = HashSet::new();
    for e in entries
        .iter()
        .filter(|e| e.kind == KIND_REGION || e.kind == KIND_COUNTRY)
    {
        for n in std::iter::once(&e.name)
            .chain(&e.names)
            .chain(&e.alternates)
        {
            let key = format!("{}:{}", e.country, normalize(n));
            if informal.contains(&key) {
                official.insert(key);
            }
        }
    }
    entries.retain(|e| {
        if e.kind == KIND_INFORMAL && e.id.starts_with("itinera:") {
            return !official.contains(&format!("{}:{}", e.country, normalize(&e.name)));
        }
        if !e.id.starts_with("naturalearth:") {
            return true;
        }
        !std::iter::once(&e.name).chain(&e.names).any(|n| {
            hand.get(&normalize(n)).is_some_and(|points| {
                points
                    .iter()
                    .any(|&(lat, lon)| (lat - e.lat).abs() < 3.0 && (lon - e.lon).abs() < 4.0)
            })
        })
    });
}

/// Adds the names of an aliases table (`id<TAB>name|name…` per line) to the entries with
/// those ids: everyday names that no source lists ("Macedonia", "New York").
pub fn add_aliases(entries: &mut [Entry], text: &str) {
    let mut by_id: std::collections::HashMap<&str, Vec<String>> = std::collections::HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((id, names)) = line.split_once('\t') {
            by_id
                .entry(id.trim())
                .or_default()
                .extend(split_names(names));
        }
    }
    for e in entries.iter_mut() {
        if let Some(names) = by_id.get(e.id.as_str()) {
            e.names.extend(names.iter().cloned());
        }
    }
}

/// Moves every country of `entries` to its geographic centre as given by a
/// `country_centres.tsv` table (`iso2 lat lon name` per line, a header first): the point
/// readers and maps expect for a country, rather than a label point or its capital.
/// Countries the table does not list keep their point.
pub fn apply_country_centres(entries: &mut [Entry], text: &str) {
    let mut centres: std::collections::HashMap<&str, (f64, f64)> = std::collections::HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 3 || f[0].len() != 2 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[1].parse::<f64>(), f[2].parse::<f64>()) else {
            continue;
        };
        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
            centres.insert(f[0], (lat, lon));
        }
    }
    for e in entries.iter_mut().filter(|e| e.kind == KIND_COUNTRY) {
        if let Some(&(lat, lon)) = centres.get(e.country.as_str()) {
            e.lat = lat;
            e.lon = lon;
        }
    }
}

/// Fewest populated places a region needs before its centre is taken from them.
const MIN_REGION_PLACES: usize = 3;

/// The midpoint of the 1st and 99th percentiles of a sorted list; `None` when it is empty.
fn trimmed_mid(sorted: &[f64]) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let low = sorted.get(last / 100)?;
    let high = sorted.get(last - last / 100)?;
    Some(f64::midpoint(*low, *high))
}

/// Cells, in whole degrees, between two places that still belong to one cluster.
const CLUSTER_REACH: i32 = 4;

/// The root of `i` in a union-find forest, halving paths on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The places of the largest cluster among `points` (latitude, longitude): places fall
/// in one-degree cells, and cells at most [`CLUSTER_REACH`] cells apart join. A handful of
/// places a source filed under the wrong region, far from the rest, form a cluster of
/// their own and are left out.
fn main_cluster(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    #[expect(clippy::cast_possible_truncation, reason = "degrees fit an i32")]
    let cell = |p: &(f64, f64)| (p.0.floor() as i32, p.1.floor() as i32);
    let mut cells: Vec<(i32, i32)> = points.iter().map(cell).collect();
    cells.sort_unstable();
    cells.dedup();
    // union-find over the occupied cells
    let mut parent: Vec<usize> = (0..cells.len()).collect();
    for (i, &(la, lo)) in cells.iter().enumerate() {
        for dla in -CLUSTER_REACH..=CLUSTER_REACH {
            for dlo in -CLUSTER_REACH..=CLUSTER_REACH {
                if let Ok(j) = cells.binary_search(&(la + dla, lo + dlo)) {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
    }
    let of = |parent: &mut [usize], p: &(f64, f64)| {
        cells.binary_search(&cell(p)).map(|i| root(parent, i)).ok()
    };
    let mut sizes = vec![0usize; cells.len()];
    for p in points {
        if let Some(r) = of(&mut parent, p) {
            sizes[r] += 1;
        }
    }
    let Some(main) = (0..sizes.len()).max_by_key(|&r| (sizes[r], std::cmp::Reverse(r))) else {
        return Vec::new();
    };
    points
        .iter()
        .filter(|p| of(&mut parent, p) == Some(main))
        .copied()
        .collect()
}

/// Moves every first-level region of `entries` from its seat to the centre of its own
/// populated places (those sharing its country and first-level code): the middle of the
/// 1st–99th percentile range of their latitudes and of their longitudes, over the main
/// cluster of them, so that outlying islands or places filed under the wrong region do
/// not pull it. A region with fewer than three places, or whose places spread over more
/// than 180° of longitude (it crosses the antimeridian), keeps its point.
pub fn centre_regions(entries: &mut [Entry]) {
    let mut points: std::collections::BTreeMap<(String, String), Vec<(f64, f64)>> =
        std::collections::BTreeMap::new();
    for e in entries
        .iter()
        .filter(|e| e.kind == KIND_PLACE && !e.country.is_empty() && !e.admin1.is_empty())
    {
        points
            .entry((e.country.clone(), e.admin1.clone()))
            .or_default()
            .push((e.lat, e.lon));
    }
    let mut centres = std::collections::BTreeMap::new();
    for (area, places) in points {
        if places.len() < MIN_REGION_PLACES {
            continue;
        }
        let (west, east) = places
            .iter()
            .fold((f64::MAX, f64::MIN), |(w, e), p| (w.min(p.1), e.max(p.1)));
        if east - west > 180.0 {
            continue;
        }
        let cluster = main_cluster(&places);
        let mut lats: Vec<f64> = cluster.iter().map(|p| p.0).collect();
        let mut lons: Vec<f64> = cluster.iter().map(|p| p.1).collect();
        lats.sort_by(f64::total_cmp);
        lons.sort_by(f64::total_cmp);
        if let (Some(lat), Some(lon)) = (trimmed_mid(&lats), trimmed_mid(&lons)) {
            centres.insert(area, (lat, lon));
        }
    }
    for e in entries.iter_mut().filter(|e| e.kind == KIND_REGION) {
        if let Some(&(lat, lon)) = centres.get(&(e.country.clone(), e.admin1.clone())) {
            e.lat = lat;
            e.lon = lon;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: u8, country: &str, admin1: &str, lat: f64, lon: f64) -> Entry {
        Entry {
            id: format!("test:{country}{admin1}{lat}{lon}"),
            name: String::new(),
            kind,
            code: String::new(),
            country: country.to_owned(),
            admin1: admin1.to_owned(),
            admin2: String::new(),
            lat,
            lon,
            population: 0,
            importance: None,
            names: Vec::new(),
            alternates: Vec::new(),
            points: Vec::new(),
        }
    }

    #[test]
    fn a_country_in_the_centres_table_moves_to_its_centre() {
        let mut entries = vec![
            entry(KIND_COUNTRY, "RU", "", 58.2, 44.7),
            entry(KIND_COUNTRY, "XX", "", 1.0, 2.0),
        ];
        apply_country_centres(&mut entries, "iso2\tlat\tlon\tname\nRU\t60\t100\tRussia\n");
        assert_eq!((entries[0].lat, entries[0].lon), (60.0, 100.0));
        assert_eq!((entries[1].lat, entries[1].lon), (1.0, 2.0));
    }

    #[test]
    fn a_region_moves_to_the_middle_of_its_places() {
        let mut entries = vec![entry(KIND_REGION, "US", "CA", 38.6, -121.5)];
        for i in 0..11 {
            let f = f64::from(i);
            entries.push(entry(KIND_PLACE, "US", "CA", 32.0 + f, -124.0 + f));
        }
        entries.push(entry(KIND_PLACE, "US", "TX", 0.0, 0.0));
        centre_regions(&mut entries);
        assert_eq!((entries[0].lat, entries[0].lon), (37.0, -119.0));
    }

    #[test]
    fn places_filed_under_the_wrong_region_far_away_do_not_pull_its_centre() {
        // Hebei's places, and four villages of Tibet a source filed under Hebei
        let mut entries = vec![entry(KIND_REGION, "CN", "10", 38.0, 114.5)];
        for i in 0..40 {
            let f = f64::from(i) / 10.0;
            entries.push(entry(KIND_PLACE, "CN", "10", 36.5 + f, 114.0 + f));
        }
        for (lat, lon) in [(31.9, 90.8), (30.9, 95.2), (31.7, 94.3), (33.3, 87.8)] {
            entries.push(entry(KIND_PLACE, "CN", "10", lat, lon));
        }
        centre_regions(&mut entries);
        let (lat, lon) = (entries[0].lat, entries[0].lon);
        assert!(
            (lat - 38.45).abs() < 0.1 && (lon - 115.95).abs() < 0.1,
            "{lat} {lon}"
        );
    }

    #[test]
    fn a_sparse_region_keeps_its_far_places() {
        // places two or three degrees apart are one region, not outliers
        let mut entries = vec![entry(KIND_REGION, "CA", "08", 44.0, -79.0)];
        for i in 0..8 {
            let f = f64::from(i);
            entries.push(entry(KIND_PLACE, "CA", "08", 42.0 + 2.0 * f, -80.0));
        }
        centre_regions(&mut entries);
        assert_eq!((entries[0].lat, entries[0].lon), (49.0, -80.0));
    }

    #[test]
    fn a_region_with_few_places_or_across_the_antimeridian_keeps_its_seat() {
        let mut entries = vec![
            entry(KIND_REGION, "RU", "15", 64.7, 177.5),
            entry(KIND_PLACE, "RU", "15", 64.7, 177.5),
            entry(KIND_PLACE, "RU", "15", 66.0, -171.0),
            entry(KIND_PLACE, "RU", "15", 69.7, 170.3),
            entry(KIND_REGION, "FR", "11", 48.9, 2.3),
            entry(KIND_PLACE, "FR", "11", 48.0, 3.0),
        ];
        centre_regions(&mut entries);
        assert_eq!((entries[0].lat, entries[0].lon), (64.7, 177.5));
        assert_eq!((entries[4].lat, entries[4].lon), (48.9, 2.3));
    }
}
