//! `itinera gazetteer build`: reads GeoNames dumps (and optionally Natural Earth) and writes
//! the gazetteer's source table (`places.tsv.gz`) or a ready index file.
//!
//! Inputs, all in the standard download formats:
//! - GeoNames: `allCountries.txt` or the largest `cities*.txt` (populated places),
//!   `admin1CodesASCII.txt`, `admin2Codes.txt`, `countryInfo.txt`, and when present
//!   `admin1Alternates.tsv`, `admin2Alternates.tsv`, `alternateNamesV2.txt`;
//! - Natural Earth: `ne_10m_admin_0_countries.tsv` (names in many languages, label points)
//!   and `ne_10m_lakes_named.geojson`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use super::normalize::normalize;
use super::table::{Entry, KIND_COUNTRY, KIND_DISTRICT, KIND_PHYSICAL, KIND_PLACE, KIND_REGION};

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A required input file is missing.
    #[error("{0} not found")]
    Missing(PathBuf),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The Natural Earth lakes file is not GeoJSON.
    #[error("{0}: not GeoJSON")]
    Json(PathBuf),
    /// The index could not be written.
    #[error(transparent)]
    Index(#[from] super::GazetteerError),
}

/// What to build from.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Directory of GeoNames dump files.
    pub geonames: PathBuf,
    /// Directory of Natural Earth files, if any.
    pub naturalearth: Option<PathBuf>,
    /// Extra hand tables in the `features.tsv` format.
    pub extra: Vec<PathBuf>,
    /// Populated places below this population keep only Latin-script alternate names
    /// (the rest keep all of them).
    pub all_names_from: u64,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Calls `f` with the tab-separated fields of each non-comment line of `path`.
fn each_row(path: &Path, mut f: impl FnMut(&[&str])) -> Result<(), BuildError> {
    let file = std::fs::File::open(path).map_err(io_err(path))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(io_err(path))? == 0 {
            return Ok(());
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
        f(&fields);
    }
}

fn required(dir: &Path, name: &str) -> Result<PathBuf, BuildError> {
    let p = dir.join(name);
    if p.is_file() {
        Ok(p)
    } else {
        Err(BuildError::Missing(p))
    }
}

/// The populated-places file of a GeoNames directory: `allCountries.txt`, else the largest
/// `cities*.txt`.
fn places_file(dir: &Path) -> Result<PathBuf, BuildError> {
    let all = dir.join("allCountries.txt");
    if all.is_file() {
        return Ok(all);
    }
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let txt = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        if name.starts_with("cities") && txt {
            let size = entry.metadata().map_or(0, |m| m.len());
            if best.as_ref().is_none_or(|(s, _)| size > *s) {
                best = Some((size, entry.path()));
            }
        }
    }
    best.map(|(_, p)| p)
        .ok_or_else(|| BuildError::Missing(dir.join("cities500.txt")))
}

fn is_latin(name: &str) -> bool {
    name.chars()
        .all(|c| !c.is_alphabetic() || (c as u32) < 0x250 || (0x1E00..0x1F00).contains(&(c as u32)))
}

/// Alternate names worth indexing: not codes (`MOW`, `RU-PRI`), not numbers.
fn useful_name(name: &str) -> bool {
    let n = name.trim();
    if n.is_empty() || n.len() > 120 || !n.chars().any(char::is_alphabetic) {
        return false;
    }
    let short_code = n.len() <= 4
        && n.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    !short_code && !n.starts_with("http")
}

/// Names of `candidates` that add a key not `seen` yet (compared normalised), in order.
fn distinct_names<'a>(
    seen: &mut HashSet<String>,
    candidates: impl IntoIterator<Item = &'a str>,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    for n in candidates {
        let n = n.trim();
        if !useful_name(n) || !keep(n) {
            continue;
        }
        if seen.insert(normalize(n)) {
            out.push(n.to_owned());
        }
    }
    out
}

struct Place {
    entry: Entry,
}

fn seen(name: &str) -> HashSet<String> {
    std::iter::once(normalize(name)).collect()
}

/// Reads everything and returns the entries of the source table, in a deterministic order
/// (countries, regions, districts, places, lakes, extra tables).
pub fn read_sources(src: &Sources) -> Result<Vec<Entry>, BuildError> {
    let gn = &src.geonames;
    let places_path = places_file(gn)?;
    let extra_names = read_alternate_names(gn)?;

    // Populated places.
    let mut places: Vec<Place> = Vec::new();
    each_row(&places_path, |f| {
        if f.len() < 19 || f[6] != "P" {
            return;
        }
        let (Ok(lat), Ok(lon)) = (f[4].parse::<f64>(), f[5].parse::<f64>()) else {
            return;
        };
        let population: u64 = f[14].parse().unwrap_or(0);
        let code = f[7];
        let all = population >= src.all_names_from || matches!(code, "PPLC" | "PPLA");
        let id: u64 = f[0].parse().unwrap_or(0);
        let extra = extra_names.get(&id).map(Vec::as_slice).unwrap_or_default();
        let mut known = seen(f[1]);
        let names = distinct_names(&mut known, [f[2]], |_| true);
        let alternates = distinct_names(
            &mut known,
            f[3].split(',').chain(extra.iter().map(String::as_str)),
            |n| all || is_latin(n),
        );
        places.push(Place {
            entry: Entry {
                id: format!("geonames:{}", f[0]),
                name: f[1].to_owned(),
                kind: KIND_PLACE,
                code: code.to_owned(),
                country: f[8].to_owned(),
                admin1: f[10].to_owned(),
                admin2: f[11].to_owned(),
                lat,
                lon,
                population,
                importance: None,
                names,
                alternates,
                points: Vec::new(),
            },
        });
    })?;

    let mut out = read_countries(gn, src.naturalearth.as_deref(), &places)?;
    out.extend(read_admin1(gn, &places)?);
    out.extend(read_admin2(gn, &places)?);
    let mut place_entries: Vec<Entry> = places.into_iter().map(|p| p.entry).collect();
    place_entries.sort_by_key(|a| id_number(&a.id));
    if let Some(ne) = &src.naturalearth {
        let lakes = ne.join("ne_10m_lakes_named.geojson");
        if lakes.is_file() {
            out.extend(read_lakes(&lakes, &place_entries)?);
        }
    }
    out.extend(place_entries);
    for path in &src.extra {
        let text = std::fs::read_to_string(path).map_err(io_err(path))?;
        // A table in the source-table format, or a hand table in the `features.tsv` one.
        out.extend(
            text.lines()
                .filter_map(|l| Entry::parse_line(l).or_else(|| Entry::parse_feature_line(l))),
        );
    }
    Ok(out)
}

fn id_number(id: &str) -> u64 {
    id.rsplit(':')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Names from `alternateNamesV2.txt` (or `alternateNames.txt`), by geonameid, when present.
fn read_alternate_names(dir: &Path) -> Result<HashMap<u64, Vec<String>>, BuildError> {
    let mut out: HashMap<u64, Vec<String>> = HashMap::new();
    let Some(path) = ["alternateNamesV2.txt", "alternateNames.txt"]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
    else {
        return Ok(out);
    };
    each_row(&path, |f| {
        if f.len() < 4 {
            return;
        }
        // Language pseudo-codes for links, postcodes and airport codes carry no names.
        if matches!(
            f[2],
            "link" | "post" | "iata" | "icao" | "faac" | "wkdt" | "unlc" | "tcid" | "abbr"
        ) {
            return;
        }
        // Historic names (isHistoric) stay: news uses old names ("Kiev", "Bombay").
        if let Ok(id) = f[1].parse() {
            out.entry(id).or_default().push(f[3].to_owned());
        }
    })?;
    Ok(out)
}

/// A point for a set of places: the biggest with a seat code from `seat_codes`, else the
/// mean position of all of them. Also returns their summed population.
fn point_of<'a>(
    places: impl Iterator<Item = &'a Entry>,
    seat_codes: &[&str],
) -> Option<(f64, f64, u64)> {
    let (mut n, mut lat, mut lon, mut pop) = (0u64, 0.0, 0.0, 0u64);
    let mut seat: Option<&Entry> = None;
    for p in places {
        n += 1;
        lat += p.lat;
        lon += p.lon;
        pop += p.population;
        if seat_codes.contains(&p.code.as_str()) && seat.is_none_or(|s| p.population > s.population)
        {
            seat = Some(p);
        }
    }
    if n == 0 {
        return None;
    }
    Some(match seat {
        Some(s) => (s.lat, s.lon, pop),
        None => (lat / n as f64, lon / n as f64, pop),
    })
}

fn read_countries(
    gn: &Path,
    ne: Option<&Path>,
    places: &[Place],
) -> Result<Vec<Entry>, BuildError> {
    // Natural Earth label points and names, by ISO2 and by ISO3.
    let mut ne_rows: HashMap<String, (f64, f64, Vec<String>)> = HashMap::new();
    if let Some(ne) = ne {
        let path = ne.join("ne_10m_admin_0_countries.tsv");
        if path.is_file() {
            let mut header: Vec<String> = Vec::new();
            let file = std::fs::File::open(&path).map_err(io_err(&path))?;
            for line in BufReader::new(file).lines() {
                let line = line.map_err(io_err(&path))?;
                let f: Vec<&str> = line.split('\t').collect();
                if header.is_empty() {
                    header = f.iter().map(|s| (*s).to_owned()).collect();
                    continue;
                }
                let col = |name: &str| {
                    header
                        .iter()
                        .position(|h| h == name)
                        .and_then(|i| f.get(i).copied())
                        .unwrap_or("")
                };
                let (Ok(lat), Ok(lon)) = (col("label_y").parse(), col("label_x").parse()) else {
                    continue;
                };
                // English forms first, then the other languages.
                let mut names: Vec<String> = ["name", "name_long", "formal_en", "name_en"]
                    .iter()
                    .map(|h| col(h).to_owned())
                    .collect();
                names.extend(
                    header
                        .iter()
                        .zip(&f)
                        .filter(|(h, _)| h.starts_with("name_") && h.as_str() != "name_en")
                        .filter(|(h, _)| h.as_str() != "name_long")
                        .map(|(_, v)| (*v).to_owned()),
                );
                for key in [col("iso_a2"), col("iso_a3")] {
                    if key.len() >= 2 && !key.starts_with('-') {
                        ne_rows.insert(key.to_owned(), (lat, lon, names.clone()));
                    }
                }
                let name_key = format!("name:{}", normalize(col("name")));
                ne_rows.insert(name_key, (lat, lon, names));
            }
        }
    }
    let mut by_country: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for p in places {
        by_country
            .entry(p.entry.country.as_str())
            .or_default()
            .push(&p.entry);
    }
    let path = required(gn, "countryInfo.txt")?;
    let mut out = Vec::new();
    each_row(&path, |f| {
        if f.len() < 17 || f[0].len() != 2 {
            return;
        }
        let (iso2, iso3, name) = (f[0], f[1], f[4]);
        let population: u64 = f[7].parse().unwrap_or(0);
        let ne_row = ne_rows
            .get(iso2)
            .or_else(|| ne_rows.get(iso3))
            .or_else(|| ne_rows.get(&format!("name:{}", normalize(name))));
        let fallback = || {
            by_country
                .get(iso2)
                .and_then(|ps| point_of(ps.iter().copied(), &["PPLC"]))
                .map(|(lat, lon, _)| (lat, lon, &[][..]))
        };
        let Some((lat, lon, ne_names)) = ne_row
            .map(|(lat, lon, names)| (*lat, *lon, names.as_slice()))
            .or_else(fallback)
        else {
            return;
        };
        let mut known = seen(name);
        let english = ne_names.iter().take(4).map(String::as_str);
        let names = distinct_names(
            &mut known,
            english.chain(country_aliases(iso2).iter().copied()),
            |_| true,
        );
        let alternates = distinct_names(
            &mut known,
            ne_names.iter().skip(4).map(String::as_str),
            |_| true,
        );
        out.push(Entry {
            id: format!("geonames:{}", f[16]),
            name: name.to_owned(),
            kind: KIND_COUNTRY,
            code: "PCLI".to_owned(),
            country: iso2.to_owned(),
            admin1: String::new(),
            admin2: String::new(),
            lat,
            lon,
            population,
            importance: None,
            names,
            alternates,
            points: Vec::new(),
        });
    })?;
    out.sort_by(|a, b| a.country.cmp(&b.country));
    Ok(out)
}

/// Everyday names of countries that neither GeoNames' country table nor Natural Earth list.
fn country_aliases(iso2: &str) -> &'static [&'static str] {
    match iso2 {
        "US" => &["US", "U.S.", "USA", "U.S.A.", "America", "the States"],
        "GB" => &["UK", "U.K.", "Britain", "Great Britain"],
        "AE" => &["UAE", "U.A.E.", "Emirates"],
        "KP" => &["DPRK", "N. Korea"],
        "KR" => &["S. Korea"],
        "CD" => &["DRC", "DR Congo", "Congo-Kinshasa"],
        "CG" => &["Congo-Brazzaville"],
        "CZ" => &["Czech Republic"],
        "MM" => &["Burma"],
        "CI" => &["Ivory Coast"],
        "NL" => &["Holland"],
        "VA" => &["the Vatican"],
        "PS" => &["Palestine", "Palestinian territories"],
        "TW" => &["Taiwan"],
        "TR" => &["Turkiye"],
        "RU" => &["Russian Federation"],
        _ => &[],
    }
}

fn alternates(path: &Path, names_col: usize) -> Result<HashMap<String, Vec<String>>, BuildError> {
    let mut out = HashMap::new();
    if !path.is_file() {
        return Ok(out);
    }
    each_row(path, |f| {
        if let Some(names) = f.get(names_col) {
            out.insert(
                f[0].to_owned(),
                names.split('|').map(str::to_owned).collect::<Vec<_>>(),
            );
        }
    })?;
    Ok(out)
}

/// The entry of an administrative unit from its row of `admin1CodesASCII.txt` or
/// `admin2Codes.txt` (code, name, ASCII name, GeoNames id), its alternate names (keyed by
/// the row's code), its `[country, admin1, admin2]` codes and its point and population.
fn admin_entry(
    row: &[&str],
    alternates_by_code: &HashMap<String, Vec<String>>,
    kind: u8,
    [country, admin1, admin2]: [&str; 3],
    (lat, lon, population): (f64, f64, u64),
) -> Entry {
    let extra = alternates_by_code
        .get(row[0])
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut known = seen(row[1]);
    let names = distinct_names(&mut known, [row[2]], |_| true);
    let alternates = distinct_names(&mut known, extra.iter().map(String::as_str), |_| true);
    Entry {
        id: format!("geonames:{}", row[3]),
        name: row[1].to_owned(),
        kind,
        code: if kind == KIND_REGION { "ADM1" } else { "ADM2" }.to_owned(),
        country: country.to_owned(),
        admin1: admin1.to_owned(),
        admin2: admin2.to_owned(),
        lat,
        lon,
        population,
        importance: None,
        names,
        alternates,
        points: Vec::new(),
    }
}

fn read_admin1(gn: &Path, places: &[Place]) -> Result<Vec<Entry>, BuildError> {
    let path = required(gn, "admin1CodesASCII.txt")?;
    let alt = alternates(&gn.join("admin1Alternates.tsv"), 3)?;
    let mut by_code: HashMap<(&str, &str), Vec<&Entry>> = HashMap::new();
    for p in places {
        by_code
            .entry((p.entry.country.as_str(), p.entry.admin1.as_str()))
            .or_default()
            .push(&p.entry);
    }
    let mut out = Vec::new();
    each_row(&path, |f| {
        if f.len() < 4 {
            return;
        }
        let Some((cc, code)) = f[0].split_once('.') else {
            return;
        };
        let Some((lat, lon, population)) = by_code
            .get(&(cc, code))
            .and_then(|ps| point_of(ps.iter().copied(), &["PPLA", "PPLC"]))
        else {
            return;
        };
        out.push(admin_entry(
            f,
            &alt,
            KIND_REGION,
            [cc, code, ""],
            (lat, lon, population),
        ));
    })?;
    out.sort_by(|a, b| (&a.country, &a.admin1).cmp(&(&b.country, &b.admin1)));
    Ok(out)
}

fn read_admin2(gn: &Path, places: &[Place]) -> Result<Vec<Entry>, BuildError> {
    let path = gn.join("admin2Codes.txt");
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let alt = alternates(&gn.join("admin2Alternates.tsv"), 2)?;
    let mut by_code: HashMap<(&str, &str, &str), Vec<&Entry>> = HashMap::new();
    for p in places {
        let e = &p.entry;
        if !e.admin2.is_empty() {
            by_code
                .entry((e.country.as_str(), e.admin1.as_str(), e.admin2.as_str()))
                .or_default()
                .push(e);
        }
    }
    // Places by region and name, for units whose places carry no second-level code.
    let mut by_name: HashMap<(&str, &str, String), &Entry> = HashMap::new();
    for p in places {
        let e = &p.entry;
        let slot = by_name
            .entry((e.country.as_str(), e.admin1.as_str(), normalize(&e.name)))
            .or_insert(e);
        if e.population > slot.population {
            *slot = e;
        }
    }
    let mut out = Vec::new();
    each_row(&path, |f| {
        if f.len() < 4 {
            return;
        }
        let mut parts = f[0].splitn(3, '.');
        let (Some(cc), Some(a1), Some(a2)) = (parts.next(), parts.next(), parts.next()) else {
            return;
        };
        let point = by_code
            .get(&(cc, a1, a2))
            .and_then(|ps| point_of(ps.iter().copied(), &["PPLA2", "PPLA", "PPLC"]))
            .or_else(|| {
                namesake_stems(f[2])
                    .into_iter()
                    .find_map(|stem| by_name.get(&(cc, a1, stem)))
                    .map(|p| (p.lat, p.lon, 0))
            });
        let Some((lat, lon, population)) = point else {
            return;
        };
        out.push(admin_entry(
            f,
            &alt,
            KIND_DISTRICT,
            [cc, a1, a2],
            (lat, lon, population),
        ));
    })?;
    out.sort_by(|a, b| (&a.country, &a.admin1, &a.admin2).cmp(&(&b.country, &b.admin1, &b.admin2)));
    Ok(out)
}

/// Names of the town a unit is probably named after: "Khasanskiy Rayon" → "khasan",
/// "khasansk"; "Lee County" → "lee". Used only when no place carries the unit's code.
fn namesake_stems(unit: &str) -> Vec<String> {
    let key = normalize(unit);
    let mut words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 {
        return Vec::new();
    }
    words.pop();
    let base = words.join(" ");
    let mut out = vec![base.clone()];
    for (suffix, keep) in [("skaya", "sk"), ("ska", "sk"), ("sky", "sk"), ("ski", "")] {
        if let Some(stem) = base.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            out.push(stem.to_owned());
            if !keep.is_empty() {
                out.push(format!("{stem}{keep}"));
            }
            break;
        }
    }
    out
}

/// Area-weighted centroid and absolute area of a ring of `[lon, lat]` points.
fn ring_centroid(ring: &[serde_json::Value]) -> Option<(f64, f64, f64)> {
    let pts: Vec<(f64, f64)> = ring
        .iter()
        .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect();
    if pts.len() < 3 {
        return None;
    }
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-12 {
        let n = pts.len() as f64;
        let (sx, sy) = pts
            .iter()
            .fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x, sy + y));
        return Some((sy / n, sx / n, 0.0));
    }
    Some((cy / (3.0 * a), cx / (3.0 * a), (a / 2.0).abs()))
}

fn read_lakes(path: &Path, places: &[Entry]) -> Result<Vec<Entry>, BuildError> {
    let text = std::fs::read_to_string(path).map_err(io_err(path))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|_| BuildError::Json(path.to_owned()))?;
    let features = json
        .get("features")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| BuildError::Json(path.to_owned()))?;
    // Grid of places by whole degree, to give each lake the country of its nearest place.
    let mut grid: HashMap<(i32, i32), Vec<&Entry>> = HashMap::new();
    for p in places {
        grid.entry((p.lat.floor() as i32, p.lon.floor() as i32))
            .or_default()
            .push(p);
    }
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    for f in features {
        let props = &f["properties"];
        let Some(name) = props["name"].as_str().filter(|n| !n.is_empty()) else {
            continue;
        };
        let geom = &f["geometry"];
        let polygons: Vec<&serde_json::Value> = match geom["type"].as_str() {
            Some("Polygon") => vec![&geom["coordinates"]],
            Some("MultiPolygon") => geom["coordinates"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        let best = polygons
            .iter()
            .filter_map(|p| p.get(0)?.as_array())
            .filter_map(|ring| ring_centroid(ring))
            .max_by(|a, b| a.2.total_cmp(&b.2));
        let Some((lat, lon, _)) = best else {
            continue;
        };
        let scalerank = props["scalerank"].as_f64().unwrap_or(10.0);
        let keys = [
            "name_alt", "name_de", "name_es", "name_fr", "name_ko", "name_ru", "name_zh",
        ];
        let mut known = seen(name);
        let names = distinct_names(&mut known, props["name_alt"].as_str(), |_| true);
        let alternates = distinct_names(
            &mut known,
            keys.iter().skip(1).filter_map(|k| props[*k].as_str()),
            |_| true,
        );
        let near = nearest(&grid, lat, lon);
        let id = match props["wikidataid"].as_str() {
            Some(q) if !q.is_empty() => format!("naturalearth:lake/{q}"),
            _ => format!("naturalearth:lake/{}", normalize(name).replace(' ', "-")),
        };
        out.entry(id.clone()).or_insert(Entry {
            id,
            name: name.to_owned(),
            kind: KIND_PHYSICAL,
            code: "lake".to_owned(),
            country: near.map(|p| p.country.clone()).unwrap_or_default(),
            admin1: String::new(),
            admin2: String::new(),
            lat: (lat * 1e5).round() / 1e5,
            lon: (lon * 1e5).round() / 1e5,
            population: 0,
            importance: Some((0.75 - 0.05 * scalerank as f32).clamp(0.1, 0.75)),
            names,
            alternates,
            points: Vec::new(),
        });
    }
    Ok(out.into_values().collect())
}

fn nearest<'a>(
    grid: &HashMap<(i32, i32), Vec<&'a Entry>>,
    lat: f64,
    lon: f64,
) -> Option<&'a Entry> {
    let (gy, gx) = (lat.floor() as i32, lon.floor() as i32);
    let mut best: Option<(f64, &Entry)> = None;
    for dy in -1..=1 {
        for dx in -1..=1 {
            for p in grid.get(&(gy + dy, gx + dx)).into_iter().flatten() {
                let d = (p.lat - lat).powi(2) + ((p.lon - lon) * lat.to_radians().cos()).powi(2);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, p));
                }
            }
        }
    }
    best.map(|(_, p)| p)
}

/// Writes `entries` as a source table; gzip-compressed (deterministically: no name, no
/// time) when `path` ends in `.gz`.
pub fn write_table(entries: &[Entry], path: &Path) -> Result<(), BuildError> {
    let file = std::fs::File::create(path).map_err(io_err(path))?;
    let mut text = String::from(
        "# itinera gazetteer source table. From GeoNames (CC BY 4.0, geonames.org) and Natural Earth.\n\
         # id\tname\tkind\tcode\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\timportance\tnames\n",
    );
    for e in entries {
        text.push_str(&e.to_line());
        text.push('\n');
    }
    let result = if path.extension().is_some_and(|e| e == "gz") {
        let mut gz = flate2::GzBuilder::new()
            .mtime(0)
            .write(file, flate2::Compression::best());
        gz.write_all(text.as_bytes())
            .and_then(|()| gz.finish().map(|_| ()))
    } else {
        let mut file = file;
        file.write_all(text.as_bytes())
    };
    result.map_err(io_err(path))
}

/// Writes `entries`, with the hand tables compiled into this binary, as an index file that
/// [`super::Gazetteer::open`] loads.
pub fn write_index(entries: &[Entry], path: &Path) -> Result<(), BuildError> {
    let bytes = super::Gazetteer::index_bytes(entries)?;
    std::fs::write(path, bytes).map_err(io_err(path))
}
