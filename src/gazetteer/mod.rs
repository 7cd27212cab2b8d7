//! The gazetteer: every place itinera knows, looked up by name.
//!
//! [`Gazetteer::embedded`] is the index shipped inside the binary. Lookups take a name as
//! written in text and return [`Candidate`]s best first (by an importance prior; the
//! geoparser re-ranks them with document context).

pub(crate) mod builder;
pub mod cli;
mod index;
mod normalize;
pub mod online;
pub(crate) mod table;

use std::borrow::Cow;

use crate::hash::FastMap;
use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};

use serde::{Deserialize, Serialize};

use crate::geo::LatLon;

pub(crate) use normalize::{is_plain, is_plain_word};
pub use normalize::{normalize, normalize_into};

thread_local! {
    /// The key buffer of [`Gazetteer::places`], reused so lookups allocate nothing.
    static KEY_BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

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
    /// The embedded string pool as text, when it is valid UTF-8 throughout (as every pool
    /// this version writes is, short strings' length bytes being ASCII): checked once when
    /// the index is opened, so reading a field costs no validation.
    pool_text: Option<&'static str>,
    /// The demonym side table read out of the index on first use (adjective key → value):
    /// a few hundred entries, asked about for most capitalised words of a text.
    demonym_table: OnceLock<DemonymTable>,
    /// The name index's nodes one and two bytes below its root, decoded on first use.
    openings: OnceLock<Openings>,
    /// Candidates kept as given, for gazetteers made with [`Gazetteer::from_records`].
    owned: Option<Vec<Candidate>>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary (built from `assets/gazetteer/` at compile time).
    /// The first call checks the headers and that the string pool is valid UTF-8 (a few
    /// milliseconds, once), so that reading a place's names needs no further check;
    /// nothing is parsed or copied.
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
        // an index read from a file keeps checking each field as it is read, rather than
        // holding its pool twice
        let pool_text = match &tables {
            Cow::Borrowed(bytes) => bytes
                .get(pool_at..)
                .and_then(|pool| std::str::from_utf8(pool).ok()),
            Cow::Owned(_) => None,
        };
        Ok(Gazetteer {
            names: Some(names),
            tables,
            records,
            postings_at,
            pool_at,
            pool_text,
            demonym_table: OnceLock::new(),
            openings: OnceLock::new(),
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
                points: Vec::new(),
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
        let length = |bytes: Option<&[u8]>| match bytes {
            Some(&[a, b]) => usize::from(u16::from_le_bytes([a, b])),
            _ => 0,
        };
        if let Some(pool) = self.pool_text {
            // a slice of valid text on char boundaries is valid text: the same answer as
            // validating the bytes, and "" where that would fail
            let from = offset as usize + 2;
            let len = length(pool.as_bytes().get(from - 2..from));
            return pool.get(from..from + len).unwrap_or("");
        }
        let at = self.pool_at + offset as usize;
        let len = length(self.tables.get(at..at + 2));
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
        self.place(posting).map(|p| p.to_candidate())
    }

    /// The place a posting stands for, when its record exists.
    fn place(&self, posting: u32) -> Option<Place<'_>> {
        let idx = posting & !index::ALTERNATE;
        let exists = match &self.owned {
            Some(owned) => (idx as usize) < owned.len(),
            None => self.record(idx).len() == index::RECORD_SIZE,
        };
        exists.then_some(Place {
            gazetteer: self,
            posting,
        })
    }

    /// Record numbers an FST value stands for, best first.
    fn postings(&self, value: u64) -> Postings<'_> {
        if value & index::SINGLE != 0 {
            Postings {
                tables: &self.tables,
                single: Some((value & 0xffff_ffff) as u32),
                at: 0,
                left: 1,
            }
        } else {
            let at = self.postings_at + value as usize * 4;
            Postings {
                tables: &self.tables,
                single: None,
                at: at + 4,
                left: le32(&self.tables, at) as usize,
            }
        }
    }

    fn value(&self, key: &str) -> Option<u64> {
        let map = self.names.as_ref()?;
        let &[a, b, c, ref rest @ ..] = key.as_bytes() else {
            return map.get(key);
        };
        // as `fst::Map::get`, but from the node the first three bytes lead to
        let fst = map.as_fst();
        let opening = self
            .openings()
            .three
            .get(&u32::from_be_bytes([0, a, b, c]))?;
        let mut node = fst.node(opening.addr);
        let mut output = fst::raw::Output::new(opening.output);
        for &b in rest {
            let t = node.transition(node.find_input(b)?);
            output = output.cat(t.out);
            node = fst.node(t.addr);
        }
        node.is_final()
            .then(|| output.cat(node.final_output()).value())
    }

    /// The [`Openings`] of the name index, decoded on first use.
    fn openings(&self) -> &Openings {
        self.openings.get_or_init(|| {
            let mut openings = Openings {
                one: vec![None; 256],
                two: FastMap::default(),
                three: FastMap::default(),
            };
            let Some(map) = &self.names else {
                return openings;
            };
            let fst = map.as_fst();
            for t in fst.root().transitions() {
                let node = fst.node(t.addr);
                openings.one[usize::from(t.inp)] = node
                    .is_final()
                    .then(|| t.out.cat(node.final_output()).value());
                for t2 in node.transitions() {
                    let node2 = fst.node(t2.addr);
                    let output2 = t.out.cat(t2.out);
                    if node2.is_final() {
                        openings.two.insert(
                            u16::from_be_bytes([t.inp, t2.inp]),
                            output2.cat(node2.final_output()).value(),
                        );
                    }
                    for t3 in node2.transitions() {
                        openings.three.insert(
                            u32::from_be_bytes([0, t.inp, t2.inp, t3.inp]),
                            Opening {
                                addr: t3.addr,
                                output: output2.cat(t3.out).value(),
                            },
                        );
                    }
                }
            }
            openings
        })
    }

    fn single(&self, key: &str) -> Option<Candidate> {
        let v = self.value(key)?;
        self.candidate((v & 0xffff_ffff) as u32)
    }

    /// Candidates for a name as written in text, best first.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        self.places(name).map(|p| p.to_candidate()).collect()
    }

    /// Candidates for a name already passed through [`normalize`], best first.
    #[must_use]
    pub fn lookup_normalized(&self, key: &str) -> Vec<Candidate> {
        self.places_normalized(key)
            .map(|p| p.to_candidate())
            .collect()
    }

    /// The places a name as written in text stands for, best first, read in place: nothing
    /// is copied until [`Place::to_candidate`] is called.
    #[must_use]
    pub fn places(&self, name: &str) -> Places<'_> {
        KEY_BUFFER.with_borrow_mut(|key| {
            normalize_into(name, key);
            self.places_normalized(key)
        })
    }

    /// The places a name already passed through [`normalize`] (or [`normalize_into`])
    /// stands for, best first, read in place. Allocates nothing.
    ///
    /// ```
    /// use itinera::Gazetteer;
    /// let g = Gazetteer::embedded();
    /// let best = g.places_normalized("vladivostok").next().map(|p| p.country());
    /// assert_eq!(best, Some(Some("RU")));
    /// ```
    #[must_use]
    pub fn places_normalized(&self, key: &str) -> Places<'_> {
        let postings = if key.is_empty() || key.starts_with(char::is_control) {
            None
        } else {
            self.value(key).map(|v| self.postings(v))
        };
        Places {
            gazetteer: self,
            postings: postings.unwrap_or(Postings::EMPTY),
        }
    }

    /// The places a normalised name stands for, or `None` when it is no name of the index
    /// (one lookup answers both [`Gazetteer::contains_normalized`] and
    /// [`Gazetteer::places_normalized`]).
    pub(crate) fn known_places(&self, key: &str) -> Option<Places<'_>> {
        if key.is_empty() || key.starts_with(char::is_control) {
            return None;
        }
        let postings = self.postings(self.value(key)?);
        Some(Places {
            gazetteer: self,
            postings,
        })
    }

    /// The best `n` candidates for a name as written in text (cheaper than [`Gazetteer::lookup`]
    /// for names shared by hundreds of places, like "Springfield").
    #[must_use]
    pub fn lookup_top(&self, name: &str, n: usize) -> Vec<Candidate> {
        self.places(name)
            .take(n)
            .map(|p| p.to_candidate())
            .collect()
    }

    /// The best `n` candidates for a name already passed through [`normalize`].
    #[must_use]
    pub fn lookup_normalized_top(&self, key: &str, n: usize) -> Vec<Candidate> {
        self.places_normalized(key)
            .take(n)
            .map(|p| p.to_candidate())
            .collect()
    }

    /// The place a candidate of this gazetteer was made from, to read its further points.
    #[must_use]
    pub fn place_of(&self, c: &Candidate) -> Option<Place<'_>> {
        if let Some(owned) = &self.owned {
            let idx = owned.iter().position(|o| o.id == c.id)?;
            return self.place(idx as u32);
        }
        self.place(self.record_of(c)?)
    }

    /// Every point known for a candidate: its representative point first, then, for long
    /// features such as rivers and seas, further points along them. A candidate this
    /// gazetteer does not know has its own point only.
    #[must_use]
    pub fn points(&self, c: &Candidate) -> Vec<LatLon> {
        match self.place_of(c) {
            Some(p) => p.points().collect(),
            None => vec![c.latlon],
        }
    }

    /// Distance in kilometres from `to` to the nearest of a candidate's
    /// [`points`](Gazetteer::points): how far a town is from a river, not from its middle.
    #[must_use]
    pub fn distance_km_to(&self, c: &Candidate, to: &LatLon) -> f64 {
        match self.place_of(c) {
            Some(p) => p.distance_km_to(to),
            None => c.latlon.distance_km(*to),
        }
    }

    /// How many candidates a normalised name has, without building them.
    #[must_use]
    pub fn count_normalized(&self, key: &str) -> usize {
        if key.is_empty() || key.starts_with(char::is_control) {
            return 0;
        }
        self.value(key).map_or(0, |v| self.postings(v).len())
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

    /// A cursor at the root of the name index, to walk normalised n-grams as they grow.
    ///
    /// ```
    /// use itinera::Gazetteer;
    /// let mut walk = Gazetteer::embedded().name_cursor();
    /// assert!(walk.push_str("new") && walk.is_prefix());
    /// assert!(walk.push_str(" york") && walk.is_name());
    /// assert!(!walk.push_str(" qqq"));
    /// ```
    #[must_use]
    pub fn name_cursor(&self) -> NameCursor<'_> {
        NameCursor {
            gazetteer: self,
            node: self.names.as_ref().map(|m| m.as_fst().root()),
            output: fst::raw::Output::zero(),
            fresh: true,
        }
    }

    /// [`Gazetteer::names_along_into`] a list of their own.
    #[cfg(test)]
    pub(crate) fn names_along(&self, key: &str) -> Vec<(usize, Places<'_>)> {
        let mut names = Vec::new();
        self.names_along_into(key, &mut names);
        names
    }

    /// The names of the index that the normalised `key` starts with (itself included), as
    /// their lengths in bytes with the places they name, shortest first, added to the end
    /// of `names` (a list the caller keeps): one walk down the index, a byte at a time,
    /// answers for every prefix.
    pub(crate) fn names_along_into<'g>(&'g self, key: &str, names: &mut Vec<(usize, Places<'g>)>) {
        let Some(map) = &self.names else {
            return;
        };
        // as in `NameCursor`: the reserved keys (ids, demonyms) are no names
        if key.starts_with(char::is_control) {
            return;
        }
        let fst = map.as_fst();
        let places = |value: u64| Places {
            gazetteer: self,
            postings: self.postings(value),
        };
        let mut node = fst.root();
        let mut output = fst::raw::Output::zero();
        let mut from = 0;
        // the first three bytes from the openings, where the walk would decode the three
        // nodes with the most transitions
        if let &[a, b, c, ..] = key.as_bytes() {
            let openings = self.openings();
            if let Some(value) = openings.one[usize::from(a)]
                && key.is_char_boundary(1)
            {
                names.push((1, places(value)));
            }
            if let Some(&value) = openings.two.get(&u16::from_be_bytes([a, b]))
                && key.is_char_boundary(2)
            {
                names.push((2, places(value)));
            }
            let Some(opening) = openings.three.get(&u32::from_be_bytes([0, a, b, c])) else {
                return;
            };
            node = fst.node(opening.addr);
            output = fst::raw::Output::new(opening.output);
            if node.is_final() && key.is_char_boundary(3) {
                names.push((3, places(output.cat(node.final_output()).value())));
            }
            from = 3;
        }
        for (at, &b) in key.as_bytes().iter().enumerate().skip(from) {
            let Some(i) = node.find_input(b) else {
                break;
            };
            let t = node.transition(i);
            output = output.cat(t.out);
            node = fst.node(t.addr);
            if node.is_final() && key.is_char_boundary(at + 1) {
                names.push((at + 1, places(output.cat(node.final_output()).value())));
            }
        }
    }

    /// The place an adjective or demonym stands for ("Russian", "North Koreans", "Texan").
    /// A plural in -s or -es is accepted.
    #[must_use]
    pub fn demonym(&self, word: &str) -> Option<Demonym> {
        let v = self.demonym_value(word)?;
        Some(Demonym {
            adjective: self.str_at((v >> 32) as u32).to_owned(),
            place: self.candidate((v & 0xffff_ffff) as u32)?,
        })
    }

    /// The place a demonym or adjective names, read in place (see [`Gazetteer::demonym`]).
    #[must_use]
    pub fn demonym_place(&self, word: &str) -> Option<Place<'_>> {
        let v = self.demonym_value(word)?;
        self.place((v & 0xffff_ffff) as u32)
    }

    /// The index value of a demonym: its adjective and its place. Plurals ("Russians",
    /// "Japanese") fall back to the singular.
    fn demonym_value(&self, word: &str) -> Option<u64> {
        let table = self.demonym_table();
        if table.surely_lacks(word) {
            return None;
        }
        self.demonym_lookup(word)
    }

    /// [`Gazetteer::demonym_value`] without the quick test of [`DemonymTable::surely_lacks`].
    fn demonym_lookup(&self, word: &str) -> Option<u64> {
        let table = &self.demonym_table().values;
        KEY_BUFFER.with_borrow_mut(|key| {
            normalize_into(word, key);
            if key.is_empty() {
                return None;
            }
            let tries = [
                Some(key.as_str()),
                key.strip_suffix("es"),
                key.strip_suffix('s'),
            ];
            tries
                .into_iter()
                .flatten()
                .find_map(|k| table.get(k).copied())
        })
    }

    /// Every key under [`index::DEMONYM_KEY`] (without that prefix) with its value, read
    /// out of the name index once.
    fn demonym_table(&self) -> &DemonymTable {
        self.demonym_table.get_or_init(|| {
            let mut table = DemonymTable {
                values: FastMap::default(),
                openings: vec![0; DemonymTable::OPENINGS / 64],
            };
            let Some(map) = &self.names else {
                return table;
            };
            let tag = index::DEMONYM_KEY as u8;
            let mut stream = map.range().ge([tag]).lt([tag + 1]).into_stream();
            while let Some((key, value)) = stream.next() {
                if let Some(Ok(adjective)) = key.get(1..).map(std::str::from_utf8) {
                    if let Some(bit) = DemonymTable::opening(adjective.as_bytes()) {
                        table.openings[bit / 64] |= 1 << (bit % 64);
                    }
                    table.values.insert(adjective.into(), value);
                }
            }
            table
        })
    }

    /// The place with this id (`geonames:2022586`).
    #[must_use]
    pub fn by_id(&self, id: &str) -> Option<Candidate> {
        self.single(&format!("{}{id}", index::ID_KEY))
    }

    fn record_of(&self, c: &Candidate) -> Option<u32> {
        let v = self.value(&format!("{}{}", index::ID_KEY, c.id))?;
        Some((v & 0xffff_ffff) as u32 & !index::ALTERNATE)
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

/// A record's two-byte country code as text. Codes are two capital letters, taken from a
/// table of all such pairs (every place's code is read, and validating two bytes as UTF-8
/// costs a call); any other bytes are validated.
fn country_code(cc: &[u8]) -> Option<&str> {
    static PAIRS: OnceLock<String> = OnceLock::new();
    match *cc {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            let pairs = PAIRS.get_or_init(|| {
                (b'A'..=b'Z')
                    .flat_map(|a| (b'A'..=b'Z').flat_map(move |b| [char::from(a), char::from(b)]))
                    .collect()
            });
            let at = 2 * (usize::from(a - b'A') * 26 + usize::from(b - b'A'));
            pairs.get(at..at + 2)
        }
        _ => std::str::from_utf8(cc).ok(),
    }
}

/// The nodes of the name index three bytes below its root, decoded once, with the keys
/// of one and two bytes. Almost every lookup passes through the nodes above them, and
/// they are the dearest to decode: the nodes near the root have the most transitions.
#[derive(Default)]
struct Openings {
    /// Per first byte, the value of the one-byte key when it is a key.
    one: Vec<Option<u64>>,
    /// The values of the two-byte keys, by their bytes (`u16::from_be_bytes`).
    two: FastMap<u16, u64>,
    /// Per first three bytes (`u32::from_be_bytes` of a zero and them), the node they
    /// lead to. Three bytes no key opens with are missing.
    three: FastMap<u32, Opening>,
}

/// A node of the name index below its root, with the output of the transitions to it.
#[derive(Clone, Copy)]
struct Opening {
    addr: fst::raw::CompiledAddr,
    output: u64,
}

/// The demonym side table, read out of the index once, with a quick test that most
/// capitalised words are no demonym.
struct DemonymTable {
    /// Adjective key (normalised, without [`index::DEMONYM_KEY`]) → index value.
    values: FastMap<Box<str>, u64>,
    /// A bit set of the keys' openings (see [`DemonymTable::opening`]).
    openings: Vec<u64>,
}

impl DemonymTable {
    /// Bits in the set of openings.
    const OPENINGS: usize = 1 << 15;

    /// The bit of a key's first three bytes, case folded (five bits of each).
    fn opening(key: &[u8]) -> Option<usize> {
        match key {
            [a, b, c, ..] => {
                Some((usize::from(a & 31) << 10) | (usize::from(b & 31) << 5) | usize::from(c & 31))
            }
            _ => None,
        }
    }

    /// True when `word` (as written) is surely no key of the table, nor a plural of one.
    /// Only words that open with five ASCII letters or digits are judged: their key opens
    /// with the same three letters in lower case (normalising only rewrites a first word of
    /// three letters or fewer, "sainte" to "saint", or a word's end), and every form of it
    /// that [`Gazetteer::demonym_value`] tries is three bytes long at least, so a key of
    /// the table that one of them matched would have set this opening's bit.
    fn surely_lacks(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() < 5 || !b[..5].iter().all(u8::is_ascii_alphanumeric) {
            return false;
        }
        Self::opening(b).is_some_and(|bit| self.openings[bit / 64] & (1 << (bit % 64)) == 0)
    }
}

/// Record numbers behind one name, best first (read from the postings table in place).
#[derive(Clone, Debug)]
struct Postings<'g> {
    tables: &'g [u8],
    single: Option<u32>,
    at: usize,
    left: usize,
}

impl Postings<'_> {
    /// No postings.
    const EMPTY: Postings<'static> = Postings {
        tables: &[],
        single: None,
        at: 0,
        left: 0,
    };
}

impl Iterator for Postings<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        if let Some(p) = self.single {
            return Some(p);
        }
        let p = le32(self.tables, self.at);
        self.at += 4;
        Some(p)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Postings<'_> {}

/// The places one name stands for, best first, as [`Place`]s read in place
/// (see [`Gazetteer::places_normalized`]).
#[derive(Clone)]
pub struct Places<'g> {
    gazetteer: &'g Gazetteer,
    postings: Postings<'g>,
}

impl<'g> Iterator for Places<'g> {
    type Item = Place<'g>;

    fn next(&mut self) -> Option<Place<'g>> {
        // Every posting of a well-formed index has its record; a damaged one reads as
        // empty fields, never as a panic.
        let posting = self.postings.next()?;
        Some(Place {
            gazetteer: self.gazetteer,
            posting,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.postings.size_hint()
    }
}

impl ExactSizeIterator for Places<'_> {}

impl std::fmt::Debug for Places<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Places")
            .field("left", &self.postings.left)
            .finish_non_exhaustive()
    }
}

/// A walk down the name index one piece at a time, for growing token n-grams
/// ("new" → "new york" → "new york city") without starting again from the root: each
/// [`NameCursor::push_str`] costs only the bytes it adds. Cheap to copy, to try a branch.
#[derive(Clone, Copy)]
pub struct NameCursor<'g> {
    gazetteer: &'g Gazetteer,
    /// The node reached, or `None` once no name starts with what was pushed.
    node: Option<fst::raw::Node<'g>>,
    output: fst::raw::Output,
    /// Nothing was pushed yet.
    fresh: bool,
}

impl<'g> NameCursor<'g> {
    /// Walks on by the bytes of `piece` (normalised text, such as `" york"`); false once
    /// no name of the index starts with everything pushed so far.
    pub fn push_str(&mut self, piece: &str) -> bool {
        let Some(map) = &self.gazetteer.names else {
            self.node = None;
            return false;
        };
        if self.fresh && piece.starts_with(char::is_control) {
            self.node = None;
        }
        self.fresh &= piece.is_empty();
        let fst = map.as_fst();
        for &b in piece.as_bytes() {
            let Some(node) = self.node else {
                return false;
            };
            match node.find_input(b) {
                Some(i) => {
                    let t = node.transition(i);
                    self.output = self.output.cat(t.out);
                    self.node = Some(fst.node(t.addr));
                }
                None => self.node = None,
            }
        }
        self.node.is_some()
    }

    /// True while some name starts with everything pushed (as
    /// [`Gazetteer::has_prefix_normalized`] of it).
    #[must_use]
    pub fn is_prefix(&self) -> bool {
        self.node.is_some()
    }

    /// True when everything pushed is a name of the index (as
    /// [`Gazetteer::contains_normalized`] of it).
    #[must_use]
    pub fn is_name(&self) -> bool {
        !self.fresh && self.node.is_some_and(|n| n.is_final())
    }

    /// The places named by everything pushed, best first (none when it is not a name).
    #[must_use]
    pub fn places(&self) -> Places<'g> {
        let postings = match self.node {
            Some(n) if !self.fresh && n.is_final() => self
                .gazetteer
                .postings(self.output.cat(n.final_output()).value()),
            _ => Postings::EMPTY,
        };
        Places {
            gazetteer: self.gazetteer,
            postings,
        }
    }
}

impl std::fmt::Debug for NameCursor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameCursor")
            .field("is_prefix", &self.is_prefix())
            .field("is_name", &self.is_name())
            .finish_non_exhaustive()
    }
}

/// One place of a gazetteer, read in place: its fields are borrowed from the index, so
/// finding and reading one allocates nothing. [`Place::to_candidate`] makes the owned
/// [`Candidate`] the rest of the pipeline passes around.
#[derive(Clone, Copy)]
pub struct Place<'g> {
    gazetteer: &'g Gazetteer,
    /// Record number, with [`index::ALTERNATE`] when found by an alternate name.
    posting: u32,
}

impl<'g> Place<'g> {
    fn owned(&self) -> Option<&'g Candidate> {
        self.gazetteer
            .owned
            .as_ref()?
            .get((self.posting & !index::ALTERNATE) as usize)
    }

    fn record(&self) -> &'g [u8] {
        self.gazetteer.record(self.posting & !index::ALTERNATE)
    }

    fn str_field(&self, at: usize) -> &'g str {
        self.gazetteer.str_at(le32(self.record(), at))
    }

    fn f32_field(&self, at: usize) -> f32 {
        f32::from_bits(le32(self.record(), at))
    }

    /// Stable identifier (`geonames:2022586`).
    #[must_use]
    pub fn id(&self) -> &'g str {
        match self.owned() {
            Some(c) => &c.id,
            None => self.str_field(0),
        }
    }

    /// The preferred English name.
    #[must_use]
    pub fn name(&self) -> &'g str {
        match self.owned() {
            Some(c) => &c.name,
            None => self.str_field(4),
        }
    }

    /// Representative point.
    #[must_use]
    pub fn latlon(&self) -> LatLon {
        match self.owned() {
            Some(c) => c.latlon,
            None => LatLon::new(f64::from(self.f32_field(8)), f64::from(self.f32_field(12))),
        }
    }

    /// Sort of place.
    #[must_use]
    pub fn kind(&self) -> PlaceKind {
        match self.owned() {
            Some(c) => c.kind,
            None => kind_of(self.record().get(38).copied().unwrap_or(0)),
        }
    }

    /// GeoNames feature code or our own kind word.
    #[must_use]
    pub fn feature_code(&self) -> &'g str {
        match self.owned() {
            Some(c) => &c.feature_code,
            None => self.str_field(24),
        }
    }

    /// ISO 3166-1 alpha-2 country code, when the place lies in one country.
    #[must_use]
    pub fn country(&self) -> Option<&'g str> {
        match self.owned() {
            Some(c) => c.country.as_deref(),
            None => self
                .record()
                .get(36..38)
                .filter(|cc| cc[0] != 0)
                .and_then(country_code),
        }
    }

    /// Name of the first-level region containing it, when known.
    #[must_use]
    pub fn admin1(&self) -> Option<&'g str> {
        if let Some(c) = self.owned() {
            return c.admin1.as_deref();
        }
        let region = le32(self.record(), 32);
        if region == index::NONE {
            return None;
        }
        let r = self.gazetteer.record(region);
        (r.len() == index::RECORD_SIZE).then(|| self.gazetteer.str_at(le32(r, 4)))
    }

    /// Population (0 when unknown or not applicable).
    #[must_use]
    pub fn population(&self) -> u64 {
        match self.owned() {
            Some(c) => c.population,
            None => u64::from(le32(self.record(), 16)),
        }
    }

    /// Prior in `0..=1` of how likely this place is meant when the name looked up appears
    /// in news (lower when the name was one of its alternate names).
    #[must_use]
    pub fn importance(&self) -> f32 {
        if let Some(c) = self.owned() {
            return c.importance;
        }
        let prior = self.f32_field(20);
        if self.posting & index::ALTERNATE == 0 {
            prior
        } else {
            let kind = self.record().get(38).copied().unwrap_or(0);
            (prior - table::alternate_penalty(kind, self.population())).max(0.0)
        }
    }

    /// Every point known for the place: its representative point first, then any further
    /// points along it (rivers, seas, mountain ranges from the hand-written table).
    pub fn points(&self) -> impl Iterator<Item = LatLon> + 'g {
        let further = self
            .owned()
            .is_none()
            .then(|| self.record().get(39).copied())
            .flatten()
            .filter(|flags| flags & index::HAS_POINTS != 0)
            .and_then(|_| {
                let key = format!("{}{}", index::POINTS_KEY, self.id());
                let offset = self.gazetteer.value(&key)?;
                Some(self.gazetteer.str_at(offset as u32))
            })
            .unwrap_or("");
        std::iter::once(self.latlon()).chain(further.split(';').filter_map(|pair| {
            let (lat, lon) = pair.split_once(',')?;
            Some(LatLon::new(lat.parse().ok()?, lon.parse().ok()?))
        }))
    }

    /// Distance in kilometres from `to` to the nearest of the place's [`points`](Place::points).
    #[must_use]
    pub fn distance_km_to(&self, to: &LatLon) -> f64 {
        self.points()
            .map(|p| p.distance_km(*to))
            .fold(f64::INFINITY, f64::min)
    }

    /// True when the place was found by one of its alternate names. The index keeps, for
    /// each key, the posting of a place's own (or other non-alternate) name when it has
    /// one, so such a place's own name never normalises to the key that found it.
    pub(crate) fn by_alternate(&self) -> bool {
        self.posting & index::ALTERNATE != 0
    }

    /// Every field at once, the record read once: the same values as the accessors one
    /// by one, for readers that want them all.
    pub(crate) fn fields(&self) -> PlaceFields<'g> {
        let full: Option<&'g [u8; index::RECORD_SIZE]> = match self.owned() {
            Some(_) => None,
            None => self.record().try_into().ok(),
        };
        let Some(r) = full else {
            return PlaceFields {
                id: self.id(),
                name: self.name(),
                latlon: self.latlon(),
                kind: self.kind(),
                feature_code: self.feature_code(),
                country: self.country(),
                admin1: self.admin1(),
                population: self.population(),
                importance: self.importance(),
            };
        };
        let word = |at: usize| u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
        let g = self.gazetteer;
        let population = u64::from(word(16));
        let prior = f32::from_bits(word(20));
        let importance = if self.posting & index::ALTERNATE == 0 {
            prior
        } else {
            (prior - table::alternate_penalty(r[38], population)).max(0.0)
        };
        let region = word(32);
        let admin1 = if region == index::NONE {
            None
        } else {
            let rr = g.record(region);
            (rr.len() == index::RECORD_SIZE).then(|| g.str_at(le32(rr, 4)))
        };
        PlaceFields {
            id: g.str_at(word(0)),
            name: g.str_at(word(4)),
            latlon: LatLon::new(
                f64::from(f32::from_bits(word(8))),
                f64::from(f32::from_bits(word(12))),
            ),
            kind: kind_of(r[38]),
            feature_code: g.str_at(word(24)),
            country: Some(&r[36..38])
                .filter(|cc| cc[0] != 0)
                .and_then(country_code),
            admin1,
            population,
            importance,
        }
    }

    /// The place as an owned [`Candidate`].
    #[must_use]
    pub fn to_candidate(&self) -> Candidate {
        if let Some(c) = self.owned() {
            return c.clone();
        }
        self.fields().to_candidate()
    }
}

/// Every field of a [`Place`], borrowed from the index (see [`Place::fields`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct PlaceFields<'g> {
    /// Stable id (`geonames:2013348`).
    pub id: &'g str,
    /// The place's own name.
    pub name: &'g str,
    /// Representative point.
    pub latlon: LatLon,
    /// Kind of place.
    pub kind: PlaceKind,
    /// GeoNames feature code (`PPLC`, `ADM1`…), or empty.
    pub feature_code: &'g str,
    /// ISO country code.
    pub country: Option<&'g str>,
    /// First-level region name.
    pub admin1: Option<&'g str>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Prior in `0..=1`.
    pub importance: f32,
}

impl PlaceFields<'_> {
    /// The owned [`Candidate`] with these fields: what [`Place::to_candidate`] gives for
    /// the place they were read from, without reading it again.
    pub(crate) fn to_candidate(self) -> Candidate {
        Candidate {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            latlon: self.latlon,
            kind: self.kind,
            feature_code: self.feature_code.to_owned(),
            country: self.country.map(str::to_owned),
            admin1: self.admin1.map(str::to_owned),
            population: self.population,
            importance: self.importance,
        }
    }
}

impl std::fmt::Debug for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Place")
            .field("id", &self.id())
            .field("name", &self.name())
            .field("importance", &self.importance())
            .finish_non_exhaustive()
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
    fn the_embedded_string_pool_is_checked_once_and_read_without_checks() {
        assert!(Gazetteer::embedded().pool_text.is_some());
    }

    #[test]
    fn reading_every_field_at_once_gives_what_the_accessors_give() {
        let embedded = Gazetteer::embedded();
        let built = Gazetteer::from_records(vec![(place("Paris", 0.7), vec!["Lutece".into()])]);
        for (g, name) in [
            (embedded, "paris"),
            (embedded, "springfield"),
            (embedded, "georgia"),
            (embedded, "lodz"),
            (embedded, "primorsky krai"),
            (&built, "paris"),
            (&built, "lutece"),
        ] {
            for p in g.places_normalized(name) {
                let f = p.fields();
                assert_eq!(f.id, p.id());
                assert_eq!(f.name, p.name());
                assert_eq!(f.latlon, p.latlon());
                assert_eq!(f.kind, p.kind());
                assert_eq!(f.feature_code, p.feature_code());
                assert_eq!(f.country, p.country());
                assert_eq!(f.admin1, p.admin1());
                assert_eq!(f.population, p.population());
                assert_eq!(f.importance.to_bits(), p.importance().to_bits());
            }
        }
    }

    #[test]
    fn the_names_along_a_key_are_those_a_cursor_finds_char_by_char() {
        let g = Gazetteer::embedded();
        let text = include_str!("../../tests/fixtures/articles/01_state_visit.txt");
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut keys: Vec<String> = ["new york city", "saint petersburg", "łódź", "são paulo"]
            .map(String::from)
            .to_vec();
        for n in 1..=4 {
            keys.extend(words.windows(n).map(|w| normalize(&w.join(" "))));
        }
        keys.extend(["", "\u{1}x", "zzzz"].map(String::from));
        let ids = |p: Places<'static>| p.map(|p| p.id()).collect::<Vec<_>>();
        let mut found = 0;
        for key in &keys {
            let mut cursor = g.name_cursor();
            let mut slow = Vec::new();
            for (at, ch) in key.char_indices() {
                if !cursor.push_str(ch.encode_utf8(&mut [0u8; 4])) {
                    break;
                }
                if cursor.is_name() {
                    slow.push((at + ch.len_utf8(), ids(cursor.places())));
                }
            }
            let fast: Vec<_> = g
                .names_along(key)
                .into_iter()
                .map(|(n, p)| (n, ids(p)))
                .collect();
            assert_eq!(fast, slow, "{key:?}");
            found += fast.len();
        }
        assert!(found > 100, "too few names to compare: {found}");
    }

    #[test]
    fn a_lookup_from_the_openings_finds_what_the_index_finds() {
        let g = Gazetteer::embedded();
        let map = g.names.as_ref().unwrap();
        let text = include_str!("../../tests/fixtures/articles/03_migrant_boat.txt");
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut keys: Vec<String> = ["", "a", "us", "ny", "łódź", "\u{1}geonames:2022586"]
            .map(String::from)
            .to_vec();
        keys.push(format!("{}RU", index::COUNTRY_KEY));
        for n in 1..=3 {
            keys.extend(words.windows(n).map(|w| normalize(&w.join(" "))));
        }
        let mut found = 0;
        for key in &keys {
            // every prefix too: keys that stop inside a name, after one or two bytes
            for end in (1..=key.len()).filter(|&e| key.is_char_boundary(e)) {
                let prefix = &key[..end];
                assert_eq!(g.value(prefix), map.get(prefix), "{prefix:?}");
                found += usize::from(map.get(prefix).is_some());
            }
        }
        assert!(found > 100, "too few names to compare: {found}");
    }

    #[test]
    fn a_country_code_reads_as_its_bytes() {
        for cc in [
            b"US",
            b"AA",
            b"ZZ",
            b"GB",
            b"Us",
            b"u1",
            b"A@",
            b"[A",
            b"\xff\xfe",
            b"\0\0",
        ] {
            assert_eq!(country_code(cc), std::str::from_utf8(cc).ok(), "{cc:?}");
        }
    }

    #[test]
    fn the_quick_demonym_test_rejects_no_demonym() {
        let g = Gazetteer::embedded();
        let table = g.demonym_table();
        let mut words: Vec<String> =
            include_str!("../../tests/fixtures/articles/10_distractors.txt")
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .map(str::to_owned)
                .collect();
        let mut keys: Vec<&str> = table.values.keys().map(|k| &**k).collect();
        keys.sort_unstable();
        for key in keys {
            let mut title = key.to_string();
            title[..1].make_ascii_uppercase();
            for w in [key.to_string(), title.clone(), key.to_uppercase()] {
                words.extend([format!("{w}s"), format!("{w}es"), format!("{w}'s"), w]);
            }
        }
        let mut rejected = 0;
        for w in &words {
            rejected += usize::from(table.surely_lacks(w));
            assert_eq!(g.demonym_value(w), g.demonym_lookup(w), "{w}");
        }
        assert!(rejected > 0, "the quick test rejected nothing");
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
