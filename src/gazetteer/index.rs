//! The binary index: an `fst::Map` from normalised name to postings, and a flat table of
//! fixed-size records with a string pool. Written here (this file is shared with
//! `build.rs`), read in place by `Gazetteer` with no parsing at start-up.
//!
//! Tables blob layout (all integers little-endian):
//! - header: magic `ITGZ0001`, record count, postings length in `u32` words, pool length, 0;
//! - records, [`RECORD_SIZE`] bytes each (see [`write_record`]);
//! - postings: for each name with several places, `count, record…` best first;
//! - pool: strings, each a `u16` length then UTF-8 bytes.
//!
//! FST keys: a normalised name maps to a postings offset, or, with [`SINGLE`] set, straight
//! to its one record. Keys starting with a control byte are side tables: [`ID_KEY`] + id,
//! [`COUNTRY_KEY`] + ISO2, [`ADMIN1_KEY`] + `CC.code`, and [`DEMONYM_KEY`] + adjective (value:
//! pool offset of the adjective `<< 32` | record), and [`POINTS_KEY`] + id (value: pool offset
//! of the feature's further points, `lat,lon;lat,lon`, for records flagged [`HAS_POINTS`]).

use std::collections::{BTreeMap, HashMap};

use super::normalize::normalize;
use super::table::{
    DemonymRow, Entry, KIND_CONTINENT, KIND_COUNTRY, KIND_DISTRICT, KIND_PLACE, KIND_REGION,
    alternate_penalty, prior, scaled_hand_importance,
};

/// Magic bytes at the start of the tables blob.
pub const MAGIC: &[u8; 8] = b"ITGZ0001";
/// Bytes in the header.
pub const HEADER_SIZE: usize = 24;
/// Bytes in one record.
pub const RECORD_SIZE: usize = 40;
/// Flag in an FST value: the low 32 bits are the only record.
pub const SINGLE: u64 = 1 << 32;
/// Key prefix of the id side table.
pub const ID_KEY: char = '\u{1}';
/// Key prefix of the demonym side table.
pub const DEMONYM_KEY: char = '\u{2}';
/// Key prefix of the country side table.
pub const COUNTRY_KEY: char = '\u{3}';
/// Key prefix of the first-level region side table.
pub const ADMIN1_KEY: char = '\u{4}';
/// Key prefix of the further-points side table.
pub const POINTS_KEY: char = '\u{5}';
/// Flag in a record's last byte: the place has further points under [`POINTS_KEY`].
pub const HAS_POINTS: u8 = 1;
/// Flag in a posting: the place was found by an alternate name (it ranks lower).
pub const ALTERNATE: u32 = 1 << 31;
/// Record field value for "no record".
pub const NONE: u32 = u32::MAX;

/// A built index: the FST bytes and the tables blob.
pub struct Built {
    /// Bytes of the `fst::Map`.
    pub fst: Vec<u8>,
    /// Header, records, postings and pool.
    pub tables: Vec<u8>,
}

/// Generic words naming what kind of first-level region a place is.
const REGION_WORDS: [&str; 5] = ["krai", "oblast", "region", "province", "territory"];
const DISTRICT_WORDS: [&str; 4] = ["district", "rayon", "raion", "municipality"];

/// Extra keys for a region or district name, so that "Primorsky Krai", "Primorsky region"
/// and "Primorskiy (Maritime) Kray" meet: parenthesised parts dropped, and the generic
/// word at the end swapped for its synonyms.
#[must_use]
pub fn admin_variants(key: &str, kind: u8, raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    if raw.contains('(') {
        let mut depth = 0u32;
        let stripped: String = raw
            .chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => return depth == 0,
                }
                false
            })
            .collect();
        let k = normalize(&stripped);
        if !k.is_empty() && k != key {
            out.extend(admin_variants(&k, kind, &stripped));
            out.push(k);
        }
    }
    let words: Vec<&str> = key.split(' ').collect();
    // "Tatarstan, Respublika", "Respublika Dagestan", "Republic of Tatarstan": the name alone.
    if kind == KIND_REGION && words.len() >= 2 {
        let rest: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !matches!(*w, "respublika" | "republic" | "of"))
            .collect();
        if !rest.is_empty() && rest.len() < words.len() {
            out.push(rest.join(" "));
        }
    }
    let generic: &[&str] = if kind == KIND_REGION {
        &REGION_WORDS
    } else {
        &DISTRICT_WORDS
    };
    if words.len() >= 2 && generic.contains(&words[words.len() - 1]) {
        let base = words[..words.len() - 1].join(" ");
        // Adjectival forms name the region after its city: "Kurskaya oblast" is "Kursk
        // Oblast", "Khersonska oblast" "Kherson Oblast", "Khabarovsky krai" "Khabarovsk
        // Krai". Which letters to drop differs, so both stems are keyed; the wrong one
        // matches nothing anyone writes.
        let mut bases = vec![base.clone()];
        for (suffix, keep) in [("skaya", "sk"), ("ska", "sk"), ("sky", "sk"), ("ka", "")] {
            if let Some(stem) = base.strip_suffix(suffix).filter(|s| s.len() >= 3) {
                bases.push(stem.to_owned());
                if !keep.is_empty() {
                    bases.push(format!("{stem}{keep}"));
                }
                break;
            }
        }
        for b in &bases {
            for g in generic {
                out.push(format!("{b} {g}"));
            }
        }
        if kind == KIND_REGION {
            out.push(base);
        }
    }
    out
}

struct Pool {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Pool {
    fn add(&mut self, s: &str) -> u32 {
        if let Some(&off) = self.seen.get(s) {
            return off;
        }
        let mut s = s;
        while s.len() > usize::from(u16::MAX) {
            let mut cut = usize::from(u16::MAX);
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            s = &s[..cut];
        }
        let off = self.bytes.len() as u32;
        self.bytes
            .extend_from_slice(&(s.len() as u16).to_le_bytes());
        self.bytes.extend_from_slice(s.as_bytes());
        self.seen.insert(s.to_owned(), off);
        off
    }
}

/// The importance an entry gets in the index.
#[must_use]
pub fn importance_of(e: &Entry) -> f32 {
    match e.importance {
        Some(i) => scaled_hand_importance(e.kind, i),
        None => prior(e.kind, &e.code, e.population),
    }
}

fn demonym_kind_matches(row_kind: &str, kind: u8) -> bool {
    match row_kind {
        "country" => kind == KIND_COUNTRY,
        "region" => kind == KIND_REGION || kind == KIND_DISTRICT || kind >= 5,
        "city" => kind == KIND_PLACE,
        "continent" => kind == KIND_CONTINENT || kind >= 5,
        _ => true,
    }
}

/// Builds the index of `entries`, with `demonyms` resolved against them. With `exact`, an
/// entry's importance is used as given instead of being derived (see [`importance_of`]).
pub fn build(entries: &[Entry], demonyms: &[DemonymRow], exact: bool) -> Result<Built, fst::Error> {
    let importance: Vec<f32> = entries
        .iter()
        .map(|e| match (exact, e.importance) {
            (true, Some(i)) => i,
            _ => importance_of(e),
        })
        .collect();
    let mut regions: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    let mut countries: BTreeMap<&str, u32> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.kind == KIND_REGION && !e.admin1.is_empty() {
            regions
                .entry((e.country.as_str(), e.admin1.as_str()))
                .or_insert(i as u32);
        }
        if e.kind == KIND_COUNTRY && !e.country.is_empty() {
            countries.entry(e.country.as_str()).or_insert(i as u32);
        }
    }

    let mut names: HashMap<String, Vec<u32>> = HashMap::new();
    let mut singles: BTreeMap<String, u64> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let idx = i as u32;
        let mut keys: Vec<(String, bool)> = Vec::with_capacity(e.names.len() + 1);
        let all = std::iter::once(&e.name)
            .chain(&e.names)
            .map(|n| (n, false))
            .chain(e.alternates.iter().map(|n| (n, true)));
        for (raw, alternate) in all {
            let key = normalize(raw);
            if key.is_empty() {
                continue;
            }
            if e.kind == KIND_REGION || e.kind == KIND_DISTRICT {
                keys.extend(
                    admin_variants(&key, e.kind, raw)
                        .into_iter()
                        .map(|k| (k, alternate)),
                );
            }
            keys.push((key, alternate));
        }
        keys.sort_unstable();
        keys.dedup_by(|b, a| a.0 == b.0);
        for (key, alternate) in keys {
            names
                .entry(key)
                .or_default()
                .push(idx | if alternate { ALTERNATE } else { 0 });
        }
        singles
            .entry(format!("{ID_KEY}{}", e.id))
            .or_insert(SINGLE | u64::from(idx));
    }
    let mut side: Vec<(String, u64)> = Vec::new();
    for (cc, &idx) in &countries {
        side.push((format!("{COUNTRY_KEY}{cc}"), SINGLE | u64::from(idx)));
    }
    for ((cc, a1), &idx) in &regions {
        side.push((format!("{ADMIN1_KEY}{cc}.{a1}"), SINGLE | u64::from(idx)));
    }

    let mut pool = Pool {
        bytes: Vec::new(),
        seen: HashMap::new(),
    };
    pool.add("");
    for e in entries.iter().filter(|e| !e.points.is_empty()) {
        let text: Vec<String> = e
            .points
            .iter()
            .map(|(lat, lon)| format!("{lat:.4},{lon:.4}"))
            .collect();
        side.push((
            format!("{POINTS_KEY}{}", e.id),
            u64::from(pool.add(&text.join(";"))),
        ));
    }
    let score = |p: u32| {
        let e = (p & !ALTERNATE) as usize;
        if p & ALTERNATE == 0 {
            importance[e]
        } else {
            importance[e] - alternate_penalty(entries[e].kind, entries[e].population)
        }
    };
    let by_importance = |a: &u32, b: &u32| {
        score(*b)
            .total_cmp(&score(*a))
            .then((a & !ALTERNATE).cmp(&(b & !ALTERNATE)))
    };

    for row in demonyms {
        let key = normalize(&row.adjective);
        let Some(ids) = names.get(&normalize(&row.place)) else {
            continue;
        };
        let in_country = |i: &u32| {
            let e = &entries[(i & !ALTERNATE) as usize];
            row.country.is_empty() || e.country.is_empty() || e.country == row.country
        };
        let mut ids: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|i| {
                in_country(i)
                    && demonym_kind_matches(&row.kind, entries[(i & !ALTERNATE) as usize].kind)
            })
            .collect();
        if ids.is_empty() {
            // The table's kind is a hint: "Sahrawi" names a region GeoNames lists as a country.
            ids = names
                .get(&normalize(&row.place))
                .into_iter()
                .flatten()
                .copied()
                .filter(in_country)
                .collect();
        }
        ids.sort_by(by_importance);
        if let (Some(&best), false) = (ids.first(), key.is_empty()) {
            let adj = pool.add(&row.adjective);
            side.push((
                format!("{DEMONYM_KEY}{key}"),
                (u64::from(adj) << 32) | u64::from(best & !ALTERNATE),
            ));
        }
    }

    let mut postings: Vec<u32> = Vec::new();
    let mut map: BTreeMap<String, u64> = singles;
    for (k, v) in side {
        map.entry(k).or_insert(v);
    }
    let mut sorted: Vec<(String, Vec<u32>)> = names.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (key, mut ids) in sorted {
        ids.sort_by(by_importance);
        let value = if ids.len() == 1 {
            SINGLE | u64::from(ids[0])
        } else {
            let off = postings.len() as u64;
            postings.push(ids.len() as u32);
            postings.extend_from_slice(&ids);
            off
        };
        map.insert(key, value);
    }
    let fst = fst::Map::from_iter(map)?.into_fst().into_inner();

    let mut records = Vec::with_capacity(entries.len() * RECORD_SIZE);
    for (i, e) in entries.iter().enumerate() {
        let region = if e.kind == KIND_REGION {
            NONE
        } else {
            regions
                .get(&(e.country.as_str(), e.admin1.as_str()))
                .copied()
                .unwrap_or(NONE)
        };
        write_record(&mut records, e, importance[i], region, &mut pool);
    }

    let mut tables = Vec::with_capacity(HEADER_SIZE + records.len() + postings.len() * 4);
    tables.extend_from_slice(MAGIC);
    for n in [
        entries.len() as u32,
        postings.len() as u32,
        pool.bytes.len() as u32,
        0,
    ] {
        tables.extend_from_slice(&n.to_le_bytes());
    }
    tables.extend_from_slice(&records);
    for p in postings {
        tables.extend_from_slice(&p.to_le_bytes());
    }
    tables.extend_from_slice(&pool.bytes);
    Ok(Built { fst, tables })
}

/// Appends one record: id, name (pool offsets), lat, lon (`f32`), population (`u32`),
/// importance (`f32`), feature code, admin1 code (pool offsets), region record (`u32`),
/// country (2 bytes, zero when none), kind, and flags ([`HAS_POINTS`]).
fn write_record(out: &mut Vec<u8>, e: &Entry, importance: f32, region: u32, pool: &mut Pool) {
    let id = pool.add(&e.id);
    let name = pool.add(&e.name);
    let code = pool.add(&e.code);
    let admin1 = pool.add(&e.admin1);
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&name.to_le_bytes());
    out.extend_from_slice(&(e.lat as f32).to_le_bytes());
    out.extend_from_slice(&(e.lon as f32).to_le_bytes());
    out.extend_from_slice(&(e.population.min(u64::from(u32::MAX)) as u32).to_le_bytes());
    out.extend_from_slice(&importance.to_le_bytes());
    out.extend_from_slice(&code.to_le_bytes());
    out.extend_from_slice(&admin1.to_le_bytes());
    out.extend_from_slice(&region.to_le_bytes());
    let cc = e.country.as_bytes();
    if cc.len() == 2 {
        out.extend_from_slice(cc);
    } else {
        out.extend_from_slice(&[0, 0]);
    }
    out.push(e.kind);
    out.push(if e.points.is_empty() { 0 } else { HAS_POINTS });
}
