//! The gazetteer: every place itinera knows, looked up by name.
//!
//! [`Gazetteer::embedded`] is the index shipped inside the binary. Lookups take a name as
//! written in text and return [`Candidate`]s best first (by an importance prior; the
//! geoparser re-ranks them with document context).

pub(crate) mod builder;
pub mod cli;
mod index;
mod normalize;
pub(crate) mod table;

use std::borrow::Cow;
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

/// Why a gazetteer index could not be loaded or built.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The bytes are not an index this version writes.
    #[error("not an itinera gazetteer index")]
    BadFormat,
    /// The name index could not be built or read.
    #[error("name index: {0}")]
    Fst(#[from] fst::Error),
    /// A file could not be read or written.
    #[error("input/output error: {0}")]
    Io(#[from] std::io::Error),
}

/// Magic bytes of an index file written by [`Gazetteer::write_index_file`].
const FILE_MAGIC: &[u8; 8] = b"ITGZFILE";

static EMBEDDED_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.fst"));
static EMBEDDED_TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
/// The hand-written tables compiled in (features and continents), `features.tsv` format.
pub(crate) static HAND_TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/hand.tsv"));
/// The aliases table compiled in.
pub(crate) static ALIAS_TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/aliases.tsv"));
/// The demonym table compiled in.
pub(crate) static DEMONYM_TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/demonyms.tsv"));
/// The geographic centres of countries (`assets/gazetteer/country_centres.tsv`).
pub(crate) static COUNTRY_CENTRES_TABLE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/country_centres.tsv"));

fn le32(bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

fn kind_of(byte: u8) -> PlaceKind {
    match byte {
        table::KIND_CONTINENT => PlaceKind::Continent,
        table::KIND_COUNTRY => PlaceKind::Country,
        table::KIND_REGION => PlaceKind::Region,
        table::KIND_DISTRICT => PlaceKind::District,
        table::KIND_PLACE => PlaceKind::PopulatedPlace,
        table::KIND_PHYSICAL => PlaceKind::Physical,
        table::KIND_LANDMARK => PlaceKind::Landmark,
        _ => PlaceKind::InformalRegion,
    }
}

fn byte_of(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Continent => table::KIND_CONTINENT,
        PlaceKind::Country => table::KIND_COUNTRY,
        PlaceKind::Region => table::KIND_REGION,
        PlaceKind::District => table::KIND_DISTRICT,
        PlaceKind::PopulatedPlace => table::KIND_PLACE,
        PlaceKind::Physical => table::KIND_PHYSICAL,
        PlaceKind::Landmark => table::KIND_LANDMARK,
        PlaceKind::InformalRegion => table::KIND_INFORMAL,
    }
}

/// A searchable index of places: an FST of normalised names over a flat record table,
/// read in place (the embedded one straight from the binary's bytes).
#[derive(Default)]
pub struct Gazetteer {
    names: Option<fst::Map<Cow<'static, [u8]>>>,
    tables: Cow<'static, [u8]>,
    records: usize,
    postings_at: usize,
    pool_at: usize,
    /// Candidates kept as given, for gazetteers made with [`Gazetteer::from_records`].
    owned: Option<Vec<Candidate>>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary (built from `assets/gazetteer/` at compile time).
    /// The first call only checks headers; nothing is parsed or copied.
    #[must_use]
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Gazetteer::from_parts(Cow::Borrowed(EMBEDDED_FST), Cow::Borrowed(EMBEDDED_TABLES))
                .unwrap_or_default()
        })
    }

    /// A new handle on the embedded index, for measuring load time; use [`Gazetteer::embedded`].
    #[must_use]
    pub fn load_embedded() -> Gazetteer {
        Gazetteer::from_parts(Cow::Borrowed(EMBEDDED_FST), Cow::Borrowed(EMBEDDED_TABLES))
            .unwrap_or_default()
    }

    /// Bytes of the embedded index (name FST and record tables).
    #[must_use]
    pub fn embedded_size() -> usize {
        EMBEDDED_FST.len() + EMBEDDED_TABLES.len()
    }

    /// A gazetteer over an FST and a tables blob as `build.rs` writes them.
    fn from_parts(
        fst: Cow<'static, [u8]>,
        tables: Cow<'static, [u8]>,
    ) -> Result<Gazetteer, GazetteerError> {
        if tables.get(..8) != Some(index::MAGIC.as_slice()) {
            return Err(GazetteerError::BadFormat);
        }
        let records = le32(&tables, 8) as usize;
        let postings = le32(&tables, 12) as usize;
        let pool = le32(&tables, 16) as usize;
        let postings_at = index::HEADER_SIZE + records * index::RECORD_SIZE;
        let pool_at = postings_at + postings * 4;
        if pool_at + pool != tables.len() {
            return Err(GazetteerError::BadFormat);
        }
        let names = fst::Map::new(fst)?;
        Ok(Gazetteer {
            names: Some(names),
            tables,
            records,
            postings_at,
            pool_at,
            owned: None,
        })
    }

    /// A gazetteer over `records`, each findable by its own name and by `alternates`.
    /// Candidates come back exactly as given, ordered by their `importance`.
    #[must_use]
    pub fn from_records(records: Vec<(Candidate, Vec<String>)>) -> Self {
        let entries: Vec<table::Entry> = records
            .iter()
            .map(|(c, alternates)| table::Entry {
                id: c.id.clone(),
                name: c.name.clone(),
                kind: byte_of(c.kind),
                code: c.feature_code.clone(),
                country: c.country.clone().unwrap_or_default(),
                admin1: c.admin1.clone().unwrap_or_default(),
                admin2: String::new(),
                lat: c.latlon.lat,
                lon: c.latlon.lon,
                population: c.population,
                importance: Some(c.importance),
                names: alternates.clone(),
                alternates: Vec::new(),
            })
            .collect();
        let Ok(built) = index::build(&entries, &[], true) else {
            return Gazetteer::default();
        };
        match Gazetteer::from_parts(Cow::Owned(built.fst), Cow::Owned(built.tables)) {
            Ok(mut g) => {
                g.owned = Some(records.into_iter().map(|(c, _)| c).collect());
                g
            }
            Err(_) => Gazetteer::default(),
        }
    }

    /// Builds an index over source-table entries with the hand tables compiled into this binary.
    pub(crate) fn index_bytes(entries: &[table::Entry]) -> Result<Vec<u8>, GazetteerError> {
        let mut all = entries.to_vec();
        table::centre_regions(&mut all);
        table::apply_country_centres(&mut all, COUNTRY_CENTRES_TABLE);
        all.extend(
            HAND_TABLE
                .lines()
                .filter_map(table::Entry::parse_feature_line),
        );
        table::add_aliases(&mut all, ALIAS_TABLE);
        table::drop_shadowed(&mut all, normalize);
        let demonyms: Vec<table::DemonymRow> = DEMONYM_TABLE
            .lines()
            .filter_map(table::DemonymRow::parse_line)
            .collect();
        let built = index::build(&all, &demonyms, false)?;
        let mut out = Vec::with_capacity(16 + built.fst.len() + built.tables.len());
        out.extend_from_slice(FILE_MAGIC);
        out.extend_from_slice(&(built.fst.len() as u64).to_le_bytes());
        out.extend_from_slice(&built.fst);
        out.extend_from_slice(&built.tables);
        Ok(out)
    }

    /// Loads an index file written by `itinera gazetteer build --out FILE.bin`.
    pub fn open(path: &std::path::Path) -> Result<Gazetteer, GazetteerError> {
        let bytes = std::fs::read(path)?;
        if bytes.get(..8) != Some(FILE_MAGIC.as_slice()) {
            return Err(GazetteerError::BadFormat);
        }
        let len = bytes
            .get(8..16)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map(u64::from_le_bytes)
            .ok_or(GazetteerError::BadFormat)? as usize;
        let fst = bytes
            .get(16..16 + len)
            .ok_or(GazetteerError::BadFormat)?
            .to_vec();
        let tables = bytes[16 + len..].to_vec();
        Gazetteer::from_parts(Cow::Owned(fst), Cow::Owned(tables))
    }

    /// Number of places.
    #[must_use]
    pub fn len(&self) -> usize {
        self.records
    }

    /// True when the gazetteer knows no place.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    fn str_at(&self, offset: u32) -> &str {
        let at = self.pool_at + offset as usize;
        let len = match self.tables.get(at..at + 2) {
            Some(&[a, b]) => usize::from(u16::from_le_bytes([a, b])),
            _ => 0,
        };
        self.tables
            .get(at + 2..at + 2 + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    fn record(&self, idx: u32) -> &[u8] {
        let at = index::HEADER_SIZE + idx as usize * index::RECORD_SIZE;
        self.tables.get(at..at + index::RECORD_SIZE).unwrap_or(&[])
    }

    /// The candidate a posting stands for: its record, ranked lower when it was found by
    /// an alternate name.
    fn candidate(&self, posting: u32) -> Option<Candidate> {
        let idx = posting & !index::ALTERNATE;
        if let Some(owned) = &self.owned {
            return owned.get(idx as usize).cloned();
        }
        let r = self.record(idx);
        if r.len() < index::RECORD_SIZE {
            return None;
        }
        let f32_at = |at: usize| f32::from_bits(le32(r, at));
        let region = le32(r, 32);
        let admin1 = if region == index::NONE {
            None
        } else {
            let rr = self.record(region);
            (rr.len() == index::RECORD_SIZE).then(|| self.str_at(le32(rr, 4)).to_owned())
        };
        let country = (r[36] != 0).then(|| String::from_utf8_lossy(&r[36..38]).into_owned());
        Some(Candidate {
            id: self.str_at(le32(r, 0)).to_owned(),
            name: self.str_at(le32(r, 4)).to_owned(),
            latlon: LatLon::new(f64::from(f32_at(8)), f64::from(f32_at(12))),
            kind: kind_of(r[38]),
            feature_code: self.str_at(le32(r, 24)).to_owned(),
            country,
            admin1,
            population: u64::from(le32(r, 16)),
            importance: if posting & index::ALTERNATE == 0 {
                f32_at(20)
            } else {
                (f32_at(20) - table::alternate_penalty(r[38], u64::from(le32(r, 16)))).max(0.0)
            },
        })
    }

    /// Record numbers an FST value stands for, best first.
    fn postings(&self, value: u64) -> impl Iterator<Item = u32> + '_ {
        let (start, count) = if value & index::SINGLE != 0 {
            (None, 1)
        } else {
            let at = self.postings_at + value as usize * 4;
            (Some(at + 4), le32(&self.tables, at) as usize)
        };
        (0..count).map(move |i| match start {
            None => (value & 0xffff_ffff) as u32,
            Some(at) => le32(&self.tables, at + i * 4),
        })
    }

    fn value(&self, key: &str) -> Option<u64> {
        self.names.as_ref()?.get(key)
    }

    fn single(&self, key: &str) -> Option<Candidate> {
        let v = self.value(key)?;
        self.candidate((v & 0xffff_ffff) as u32)
    }

    /// Candidates for a name as written in text, best first.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        self.lookup_normalized(&normalize(name))
    }

    /// Candidates for a name already passed through [`normalize`], best first.
    #[must_use]
    pub fn lookup_normalized(&self, key: &str) -> Vec<Candidate> {
        if key.is_empty() || key.starts_with(char::is_control) {
            return Vec::new();
        }
        match self.value(key) {
            Some(v) => self.postings(v).filter_map(|i| self.candidate(i)).collect(),
            None => Vec::new(),
        }
    }

    /// The best `n` candidates for a name as written in text (cheaper than [`Gazetteer::lookup`]
    /// for names shared by hundreds of places, like "Springfield").
    #[must_use]
    pub fn lookup_top(&self, name: &str, n: usize) -> Vec<Candidate> {
        self.lookup_normalized_top(&normalize(name), n)
    }

    /// The best `n` candidates for a name already passed through [`normalize`].
    #[must_use]
    pub fn lookup_normalized_top(&self, key: &str, n: usize) -> Vec<Candidate> {
        if key.is_empty() || key.starts_with(char::is_control) {
            return Vec::new();
        }
        match self.value(key) {
            Some(v) => self
                .postings(v)
                .take(n)
                .filter_map(|i| self.candidate(i))
                .collect(),
            None => Vec::new(),
        }
    }

    /// How many candidates a normalised name has, without building them.
    #[must_use]
    pub fn count_normalized(&self, key: &str) -> usize {
        if key.is_empty() || key.starts_with(char::is_control) {
            return 0;
        }
        self.value(key).map_or(0, |v| self.postings(v).count())
    }

    /// True when some name in the index is exactly `key` (normalised).
    #[must_use]
    pub fn contains_normalized(&self, key: &str) -> bool {
        !key.is_empty() && !key.starts_with(char::is_control) && self.value(key).is_some()
    }

    /// True when some name in the index starts with `prefix` (normalised), for growing n-grams.
    /// Walks the FST one byte at a time: no allocation.
    #[must_use]
    pub fn has_prefix_normalized(&self, prefix: &str) -> bool {
        let Some(map) = &self.names else {
            return false;
        };
        if prefix.starts_with(char::is_control) {
            return false;
        }
        let fst = map.as_fst();
        let mut node = fst.root();
        for &b in prefix.as_bytes() {
            match node.find_input(b) {
                Some(i) => node = fst.node(node.transition(i).addr),
                None => return false,
            }
        }
        true
    }

    /// The place an adjective or demonym stands for ("Russian", "North Koreans", "Texan").
    /// A plural in -s or -es is accepted.
    #[must_use]
    pub fn demonym(&self, word: &str) -> Option<Demonym> {
        let key = normalize(word);
        if key.is_empty() {
            return None;
        }
        let mut tries = vec![key.clone()];
        if let Some(k) = key.strip_suffix("es") {
            tries.push(k.to_owned());
        }
        if let Some(k) = key.strip_suffix('s') {
            tries.push(k.to_owned());
        }
        tries.into_iter().find_map(|k| {
            let v = self.value(&format!("{}{k}", index::DEMONYM_KEY))?;
            Some(Demonym {
                adjective: self.str_at((v >> 32) as u32).to_owned(),
                place: self.candidate((v & 0xffff_ffff) as u32)?,
            })
        })
    }

    /// The place with this id (`geonames:2022586`).
    #[must_use]
    pub fn by_id(&self, id: &str) -> Option<Candidate> {
        self.single(&format!("{}{id}", index::ID_KEY))
    }

    fn record_of(&self, c: &Candidate) -> Option<u32> {
        let v = self.value(&format!("{}{}", index::ID_KEY, c.id))?;
        Some((v & 0xffff_ffff) as u32)
    }

    /// The country with this ISO 3166-1 alpha-2 code (`"RU"`, case-insensitive).
    #[must_use]
    pub fn country(&self, iso2: &str) -> Option<Candidate> {
        if let Some(owned) = &self.owned {
            return owned
                .iter()
                .find(|c| {
                    c.kind == PlaceKind::Country
                        && c.country
                            .as_deref()
                            .is_some_and(|cc| cc.eq_ignore_ascii_case(iso2))
                })
                .cloned();
        }
        self.single(&format!(
            "{}{}",
            index::COUNTRY_KEY,
            iso2.to_ascii_uppercase()
        ))
    }

    /// The first-level region of country `iso2` named `name_or_code` (a name as written, such
    /// as "Primorsky Krai" or "Texas", or its GeoNames code, such as `59` or `TX`).
    #[must_use]
    pub fn admin1(&self, iso2: &str, name_or_code: &str) -> Option<Candidate> {
        let cc = iso2.to_ascii_uppercase();
        if self.owned.is_none()
            && let Some(c) = self.single(&format!(
                "{}{cc}.{}",
                index::ADMIN1_KEY,
                name_or_code.trim()
            ))
        {
            return Some(c);
        }
        self.lookup(name_or_code)
            .into_iter()
            .find(|c| c.kind == PlaceKind::Region && c.country.as_deref() == Some(cc.as_str()))
    }

    /// The GeoNames first-level code (`"59"`) of the region a candidate lies in (or is),
    /// for "Town, Region" checks; for gazetteers made with `from_records`, the admin1 name.
    #[must_use]
    pub fn admin1_code(&self, c: &Candidate) -> Option<String> {
        if self.owned.is_some() {
            return c.admin1.clone();
        }
        let r = self.record(self.record_of(c)? & !index::ALTERNATE);
        let code = self.str_at(le32(r, 28));
        (!code.is_empty()).then(|| code.to_owned())
    }

    /// The first-level region a candidate lies in.
    #[must_use]
    pub fn region_of(&self, c: &Candidate) -> Option<Candidate> {
        let cc = c.country.as_deref()?;
        if self.owned.is_some() {
            return self.admin1(cc, c.admin1.as_deref()?);
        }
        let region = le32(self.record(self.record_of(c)? & !index::ALTERNATE), 32);
        if region == index::NONE {
            return None;
        }
        self.candidate(region)
    }

    /// True when `place` lies inside `area`: the same country when `area` is a country, the
    /// same first-level region when it is a region (used to read "Springfield, Illinois").
    #[must_use]
    pub fn is_within(&self, place: &Candidate, area: &Candidate) -> bool {
        if place.country.is_none() || place.country != area.country {
            return false;
        }
        match area.kind {
            PlaceKind::Country => place.kind != PlaceKind::Country,
            PlaceKind::Region => {
                place.kind != PlaceKind::Region
                    && place.kind != PlaceKind::Country
                    && self.admin1_code(place).is_some()
                    && self.admin1_code(place) == self.admin1_code(area)
            }
            _ => false,
        }
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
