//! Resolution: which candidate each accepted name means.
//!
//! Candidates are scored on their prior (importance, population, kind), the countries
//! and regions the document is about, an explicit qualifier ("Paris, Texas") and
//! closeness to the other places of the text; then one sense is kept per name.

use super::lexicon::{FastMap, FastSet, with_capacity};

use crate::gazetteer::{PlaceKind, is_plain, normalize_into};

use super::cand::{Cand, same, same_text, within_km};

use super::recognize::{Hint, Spot, is_island};
use super::weights::{Weights, weights};

/// How much each country and first-level region is talked about.
struct Context<'a> {
    countries: FastMap<&'a str, f32>,
    regions: FastMap<(&'a str, &'a str), f32>,
    total: f32,
    /// What each name gave: its country and how many times, so that a name's own
    /// mentions are no evidence for itself ("Georgia" twice is not a story about Georgia).
    given: FastMap<&'a str, (&'a str, f32)>,
}

impl<'a> Context<'a> {
    fn of(spots: &[&'a Spot<'_>]) -> Self {
        let mut cx = Context {
            countries: with_capacity(spots.len()),
            regions: with_capacity(spots.len()),
            total: 0.0,
            given: with_capacity(spots.len()),
        };
        for s in spots {
            let Some(c) = s.candidates.first() else {
                continue;
            };
            let clear = s.candidates.len() == 1
                || s.adjectival
                || matches!(c.kind, PlaceKind::Country)
                || s.candidates[1].importance + 0.15 < c.importance
                || (matches!(c.kind, PlaceKind::Region)
                    && !s.candidates[1..]
                        .iter()
                        .any(|o| matches!(o.kind, PlaceKind::Region | PlaceKind::Country)));
            if !clear {
                continue;
            }
            if let Some(cc) = c.country {
                *cx.countries.entry(cc).or_default() += 1.0;
                cx.total += 1.0;
                cx.given.entry(s.key.as_str()).or_insert((cc, 0.0)).1 += 1.0;
                if matches!(c.kind, PlaceKind::Region)
                    && let Some(a1) = region_of(c)
                {
                    *cx.regions.entry((cc, a1)).or_default() += 1.0;
                }
            }
        }
        cx
    }

    /// What the name `key` gave the context (its country and count), to be left out when
    /// its own candidates are weighed: looked up once per name.
    fn given_by(&self, key: &str) -> Given<'a> {
        let (country, count) = self.given.get(key).copied().unwrap_or(("", 0.0));
        Given { country, count }
    }

    /// The share of `cc` among the clear places of the document other than those the
    /// name being weighed gave (`own`, from [`Context::given_by`]).
    fn country_share(&self, cc: Option<&str>, own: Given<'_>) -> f32 {
        let total = self.total - own.count;
        match cc {
            Some(cc) if total > 0.0 => {
                let n = self.countries.get(cc).copied().unwrap_or(0.0);
                (if same_text(cc, own.country) {
                    n - own.count
                } else {
                    n
                }) / total
            }
            _ => 0.0,
        }
    }

    fn in_region(&self, c: &Cand<'_>) -> bool {
        if matches!(c.kind, PlaceKind::Region) {
            return false;
        }
        match (c.country, region_of(c)) {
            (Some(cc), Some(a1)) => self.regions.contains_key(&(cc, a1)),
            _ => false,
        }
    }
}

/// What one name gave the [`Context`]: the country of its clear place and how many
/// times ("" and 0 when none).
#[derive(Clone, Copy)]
struct Given<'a> {
    country: &'a str,
    count: f32,
}

/// The first-level region a candidate lies in, or names, for a region itself.
fn region_of<'g>(c: &Cand<'g>) -> Option<&'g str> {
    match c.kind {
        PlaceKind::Region => Some(c.admin1.unwrap_or(c.name)),
        _ => c.admin1,
    }
}

fn kind_bonus(c: &Cand<'_>, w: &Weights) -> f32 {
    match c.kind {
        PlaceKind::Country | PlaceKind::Continent => w.country,
        PlaceKind::Region => w.region,
        PlaceKind::District => w.district,
        PlaceKind::PopulatedPlace => match c.feature_code {
            "PPLC" => w.capital,
            "PPLA" => w.seat,
            "PPLA2" => w.seat2,
            "PPLX" => w.section,
            _ => 0.0,
        },
        PlaceKind::Physical | PlaceKind::Landmark | PlaceKind::InformalRegion => w.physical,
    }
}

/// True when `outer` can contain `inner` ("Texas" contains Paris, Texas).
fn contains(outer: &Cand<'_>, inner: &Cand<'_>) -> bool {
    // "Trepassey, in Newfoundland": an island holds the towns near its point
    if is_island(outer) {
        return within_km(outer.latlon, inner.latlon, ISLAND_KM);
    }
    if outer.country.is_none() || !same(outer.country, inner.country) {
        return false;
    }
    match outer.kind {
        PlaceKind::Country => true,
        PlaceKind::Region => region_of(inner).is_some() && same(region_of(inner), region_of(outer)),
        PlaceKind::District => within_km(outer.latlon, inner.latlon, 120.0),
        // a town does not qualify a town: "Mexico, China, Japan" is a list
        _ => false,
    }
}

/// Countries a story's clear places must span for it to be read as international.
const WORLDWIDE_COUNTRIES: usize = 3;

/// Population from which a city is known the world over, in a story that goes round it:
/// its small namesakes need a qualifier or a type word, not just a neighbour, to win
/// (Halifax, Nova Scotia over Halifax, England in a transatlantic story that names
/// England; Frankfurt am Main over Frankfurt (Oder) in a story that names Berlin).
/// Anywhere from 200,000 to 300,000 did as well as the capitals-and-millions rule it
/// replaces on the development corpora, or slightly better.
const FAMOUS_CITY: u64 = 300_000;

/// How far from an island's point a town may lie and be on it.
const ISLAND_KM: f64 = 250.0;

/// Two places this close are taken as one story's neighbours.
const SUPPORT_KM: f64 = 150.0;
/// Candidates per name that give or get support.
const SUPPORT_CANDIDATES: usize = 25;
/// Candidates per other name that may give support: an obscure namesake of another
/// name is no evidence.
const SUPPORTERS: usize = 3;
/// Names per document weighed against each other.
const SUPPORT_NAMES: usize = 80;
/// Two chosen places this close count as each other's neighbours in [`score`].
const CLOSE_KM: f64 = 250.0;

/// The places of `near` (sorted by latitude) that [`score`] may find within [`CLOSE_KM`]
/// of latitude `lat`: a band a little wider than that in latitude, so that no place
/// `score` would count is left out (those farther in latitude alone are never close).
fn near_band<'n, 'c>(near: &'n [&'c Cand<'c>], lat: f64) -> &'n [&'c Cand<'c>] {
    let reach = CLOSE_KM / 111.0 + 0.01;
    let from = near.partition_point(|o| o.latlon.lat < lat - reach);
    let to = near.partition_point(|o| o.latlon.lat <= lat + reach);
    near.get(from..to).unwrap_or(&[])
}

/// How many other names of the document back one candidate: by a place near it (or, for a
/// region, inside it), and by a region it lies in.
#[derive(Clone, Copy, Default)]
struct Backing {
    near: u8,
    regional: u8,
}

/// For each accepted spot's key, how many other names of the document have a candidate
/// supporting each of its candidates: a region and a place inside it support each other,
/// and so do two places less than [`SUPPORT_KM`] apart.
///
/// The supporters (the best few candidates of each name) are indexed once: points sorted
/// by latitude, so that each candidate only looks at those within reach, and regions by
/// their country and first-level name.
///
/// In a story that goes round the world, the namesakes of a famous city ([`FAMOUS_CITY`])
/// a tenth its size or less give no support: "London" beside "Geneva" is no sign of Geneva,
/// Ohio, near London, Ontario.
fn support<'a>(
    spots: &'a [Spot],
    accepted: &[bool],
    worldwide: bool,
) -> FastMap<&'a str, Vec<Backing>> {
    // the lists below are sized once, as they would otherwise grow step by step
    let mut keys: Vec<(&str, &[Cand<'_>])> = Vec::with_capacity(spots.len().min(SUPPORT_NAMES));
    for (s, &a) in spots.iter().zip(accepted) {
        if a && !keys.iter().any(|(k, _)| *k == s.key.as_str()) && keys.len() < SUPPORT_NAMES {
            let n = s.candidates.len().min(SUPPORT_CANDIDATES);
            keys.push((s.key.as_str(), &s.candidates[..n]));
        }
    }
    // supporters: (latitude, name index, candidate) for points; name indices by area
    let mut points: Vec<(f64, usize, &Cand<'_>)> = Vec::with_capacity(keys.len() * SUPPORTERS);
    let mut area_points = ByArea::with_capacity(keys.len());
    let mut area_regions = ByArea::with_capacity(keys.len());
    for (j, (_, cands)) in keys.iter().enumerate() {
        // the population of the name's famous city, in a story round the world
        let famous = cands
            .iter()
            .filter(|c| {
                worldwide && c.kind == PlaceKind::PopulatedPlace && c.population >= FAMOUS_CITY
            })
            .map(|c| c.population)
            .max();
        for o in cands.iter().take(SUPPORTERS).filter(|o| {
            o.kind != PlaceKind::PopulatedPlace
                || famous.is_none_or(|f| o.population.saturating_mul(OVERSHADOW_RATIO / 2) > f)
        }) {
            let area = o.country.zip(region_of(o));
            match o.kind {
                PlaceKind::Region => {
                    if let Some(area) = area {
                        area_regions.push(area, j);
                    }
                }
                PlaceKind::Country | PlaceKind::Continent => {}
                _ => {
                    points.push((o.latlon.lat, j, o));
                    if let Some(area) = area {
                        area_points.push(area, j);
                    }
                }
            }
        }
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = with_capacity(keys.len());
    // which names already counted for the candidate at hand
    let mut seen = vec![usize::MAX; keys.len()];
    let mut stamp = 0usize;
    for (i, (key, cands)) in keys.iter().enumerate() {
        let counts: Vec<Backing> = cands
            .iter()
            .map(|c| {
                stamp += 1;
                let mut n = [0u32; 2];
                let mut count = |j: usize, by: usize, seen: &mut [usize]| {
                    if j != i && seen[j] != stamp {
                        seen[j] = stamp;
                        n[by] += 1;
                    }
                };
                let area = c.country.zip(region_of(c));
                match c.kind {
                    PlaceKind::Country | PlaceKind::Continent => {}
                    PlaceKind::Region => {
                        for j in area_points.names(area) {
                            count(j, 0, &mut seen);
                        }
                    }
                    _ => {
                        // a cheap box first: SUPPORT_KM is under 1.4 degrees of latitude
                        let lat = c.latlon.lat;
                        let from = points.partition_point(|p| p.0 < lat - 1.4);
                        for &(plat, j, o) in &points[from..] {
                            if plat > lat + 1.4 {
                                break;
                            }
                            // a name that counted already is not measured again
                            let counted = j == i || seen[j] == stamp;
                            if !counted && within_km(o.latlon, c.latlon, SUPPORT_KM) {
                                count(j, 0, &mut seen);
                            }
                        }
                        for j in area_regions.names(area) {
                            count(j, 1, &mut seen);
                        }
                    }
                }
                Backing {
                    near: n[0].min(255) as u8,
                    regional: n[1].min(255) as u8,
                }
            })
            .collect();
        out.insert(*key, counts);
    }
    out
}

/// Name indices by area (country and first-level region name), in one flat list: an
/// area's last entry is chained to its entry before, so that no area has a list of its
/// own to allocate. Its names come back last first; [`support`] counts them as a set.
struct ByArea<'a> {
    last: FastMap<(&'a str, &'a str), usize>,
    chain: Vec<(usize, usize)>,
}

impl<'a> ByArea<'a> {
    fn with_capacity(n: usize) -> Self {
        ByArea {
            last: with_capacity(n),
            chain: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, area: (&'a str, &'a str), name: usize) {
        let before = self.last.insert(area, self.chain.len());
        self.chain.push((name, before.unwrap_or(usize::MAX)));
    }

    /// The names listed under `area` (none when it is `None`).
    fn names(&self, area: Option<(&str, &str)>) -> impl Iterator<Item = usize> + '_ {
        let mut at = area
            .and_then(|a| self.last.get(&a).copied())
            .unwrap_or(usize::MAX);
        std::iter::from_fn(move || {
            let &(name, before) = self.chain.get(at)?;
            at = before;
            Some(name)
        })
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the score's inputs, each one named"
)]
fn score(
    c: &Cand<'_>,
    s: &Spot,
    given: Given<'_>,
    cx: &Context,
    qualifier: Option<&Spot>,
    damp: f32,
    share_weight: f32,
    own_name: bool,
    w: &Weights,
) -> f32 {
    let pop = ((c.population as f32 + 1.0).log10() / 7.0).min(1.2);
    let mut v = w.importance * c.importance + w.population * pop + kind_bonus(c, w);
    // the text wrote the place's own name, not one of its alternates ("Mexico" is the
    // country; Mexico City is only sometimes called so)
    if own_name {
        v += w.own_name;
    }
    let share = cx.country_share(c.country, given);
    if share > 0.0 {
        v += (w.in_country + w.country_share * share) * share_weight;
    }
    if cx.in_region(c) {
        v += w.in_region * damp;
    }
    if let Some(q) = qualifier
        && q.candidates.iter().take(8).any(|o| contains(o, c))
    {
        v += w.qualified;
    }
    // "Paris, Texas", "Rockaway, on Long Island": a qualifier names an area or an island
    if s.is_qualifier && (matches!(c.kind, PlaceKind::Region | PlaceKind::Country) || is_island(c))
    {
        v += w.qualifier_area;
    }
    if s.hint.is_some_and(|h| h.fits(c.kind)) {
        v += w.type_word;
    }
    v
}

/// The second round's score for closeness: per other chosen place within [`CLOSE_KM`] (at
/// most three), `near` being the chosen places sorted by latitude.
fn closeness(c: &Cand<'_>, near: &[&Cand<'_>], damp: f32, w: &Weights) -> f32 {
    // no more than three count: the fourth is not looked for
    let close = near_band(near, c.latlon.lat)
        .iter()
        .filter(|o| within_km(o.latlon, c.latlon, CLOSE_KM) && o.id != c.id)
        .take(3)
        .count();
    w.close * (close as f32).min(3.0) * damp
}

/// A town this many times smaller than a city of the same name in the same country is
/// overshadowed by it.
const OVERSHADOW_RATIO: u64 = 20;

/// Population from which a city overshadows its small namesakes at home.
const GREAT_CITY: u64 = 250_000;

/// The great cities among a name's candidates, which may overshadow its towns.
fn great_cities<'c, 'g>(candidates: &'c [Cand<'g>]) -> Vec<&'c Cand<'g>> {
    candidates
        .iter()
        .filter(|o| o.kind == PlaceKind::PopulatedPlace && o.population >= GREAT_CITY)
        .collect()
}

/// True when `c` is a town with a namesake among `great` (see [`great_cities`]) in the same
/// country many times its size (Boston, New York beside Boston, Massachusetts). A state
/// the story names elsewhere then says little for the town: only its neighbours and a
/// qualifier do.
fn overshadowed(c: &Cand<'_>, great: &[&Cand<'_>]) -> bool {
    c.kind == PlaceKind::PopulatedPlace
        && great.iter().any(|o| {
            same(o.country, c.country) && o.population >= OVERSHADOW_RATIO * c.population.max(1)
        })
}

/// How much a candidate's neighbourhood counts: little for a town that shares its name
/// with a country or first-level region the text may mean ("Kansas", "Ontario", "Mexico"),
/// where only a qualifier or a type word should overturn the well-known sense. A place
/// inside the country or region it shares a name with keeps its weight.
fn neighbourhood_weight(c: &Cand<'_>, majors: &[&Cand<'_>], w: &Weights) -> f32 {
    let point = !matches!(c.kind, PlaceKind::Country | PlaceKind::Region);
    // the state of México yields to Mexico, the country it lies in
    let region_of_namesake_country = c.kind == PlaceKind::Region
        && majors
            .iter()
            .any(|m| m.kind == PlaceKind::Country && same(m.country, c.country));
    if (point && majors.iter().any(|m| m.id != c.id && !contains(m, c)))
        || region_of_namesake_country
    {
        w.homonym_damp
    } else {
        1.0
    }
}

/// True when `name` normalises to `key` (`buf` is scratch space). Most names are plain
/// (see [`is_plain`]): their key is their lower case, compared without normalising.
pub(crate) fn is_own_name(name: &str, key: &str, buf: &mut String) -> bool {
    if is_plain(name) {
        return name.len() == key.len()
            && name
                .bytes()
                .zip(key.bytes())
                .all(|(n, k)| n.to_ascii_lowercase() == k);
    }
    normalize_into(name, buf);
    *buf == key
}

/// For each of `candidates` (found by `key`), whether the text wrote its own name (`buf`
/// is scratch space).
fn own_name_flags(key: &str, candidates: &[Cand<'_>], buf: &mut String) -> Vec<bool> {
    // namesakes mostly come in a row, and the gazetteer keeps each string once: a name at
    // the address of the last one asked about has its answer
    let mut last: Option<(&str, bool)> = None;
    candidates
        .iter()
        .map(|c| {
            // the hand-written table of seas, rivers and areas lists only the names they
            // go by ("the Pacific", "Danube")
            if matches!(
                c.kind,
                PlaceKind::Physical | PlaceKind::InformalRegion | PlaceKind::Continent
            ) {
                return true;
            }
            if c.by_alternate() {
                return false;
            }
            match last {
                Some((name, own)) if std::ptr::eq(name, c.name) => own,
                _ => {
                    let own = c.bears_own_name(key, buf);
                    last = Some((c.name, own));
                    own
                }
            }
        })
        .collect()
}

/// For each spot in a list of coordinated names ("Kansas, Kentucky and Louisiana"), the
/// kind most of the other members were resolved to, when at least two agree, and the
/// country most of those lie in, when at least two agree.
fn list_kinds<'g>(
    spots: &[Spot<'g>],
    picks: &[Option<(usize, f32)>],
) -> Vec<Option<(PlaceKind, Option<&'g str>)>> {
    let mut out = vec![None; spots.len()];
    let mut start = 0;
    while start < spots.len() {
        let mut end = start;
        while end + 1 < spots.len() && spots[end].listed_with_next {
            end += 1;
        }
        if end > start {
            for (k, slot) in out.iter_mut().enumerate().take(end + 1).skip(start) {
                let others: Vec<&Cand<'g>> = (start..=end)
                    .filter(|&j| j != k)
                    .filter_map(|j| picks[j].map(|(i, _)| &spots[j].candidates[i]))
                    .collect();
                let majority = |n: usize| n >= 2 && 2 * n > end - start;
                let Some(kind) = others
                    .iter()
                    .map(|c| c.kind)
                    .find(|&kind| majority(others.iter().filter(|c| c.kind == kind).count()))
                else {
                    continue;
                };
                // "Pennsylvania, Long Island and New Jersey": the members lie in one country
                let country = others
                    .iter()
                    .filter(|c| c.kind == kind)
                    .filter_map(|c| c.country)
                    .find(|&cc| majority(others.iter().filter(|c| c.country == Some(cc)).count()));
                *slot = Some((kind, country));
            }
        }
        start = end + 1;
    }
    out
}

/// A name as it is weighed: its key, its qualifier's key, whether it qualifies another, and
/// the type word beside it.
type NameKey<'a> = (&'a str, Option<&'a str>, bool, Option<Hint>);

/// The sense a spot's name is read in: an area type word that fits one of its candidates
/// ("Buenos Aires province", "the state of New York") marks the area apart from the city
/// of the same name, which the bare name goes on meaning in the same story. A settlement
/// word ("the city of San Luis") names the sense the bare name takes too.
fn area_sense(s: &Spot) -> Option<Hint> {
    s.hint.filter(|h| {
        matches!(h, Hint::Region | Hint::District | Hint::Country)
            && s.candidates.iter().any(|c| h.fits(c.kind))
    })
}

/// Where an accepted spot's scores are kept: its row of weighed names (with qualifier)
/// and the number of its name.
#[derive(Clone, Copy)]
struct Slot {
    row: usize,
    name: usize,
}

/// Picks a candidate for every accepted spot, one sense per name per document.
/// Returns, per spot, the chosen candidate index and a confidence in `0..=1`.
pub(crate) fn resolve(spots: &[Spot], accepted: &[bool]) -> Vec<Option<(usize, f32)>> {
    let mut kept: Vec<&Spot> = Vec::with_capacity(spots.len());
    kept.extend(
        spots
            .iter()
            .zip(accepted)
            .filter_map(|(s, &a)| a.then_some(s)),
    );
    let w = weights();
    let cx = Context::of(&kept);
    // a story that goes round the world means the world's capitals by their names; a local
    // one may mean the town next door
    let worldwide = cx.countries.len() >= WORLDWIDE_COUNTRIES;
    let mut picks: Vec<Option<(usize, f32)>> = vec![None; spots.len()];
    let backing = support(spots, accepted, worldwide);
    // which candidates bear the name as written as their own name, per name
    let mut own_names: FastMap<&str, Vec<bool>> = with_capacity(kept.len());
    let mut buf = String::new();
    for (s, _) in spots.iter().zip(accepted).filter(|(_, a)| **a) {
        own_names
            .entry(s.key.as_str())
            .or_insert_with(|| own_name_flags(&s.key, &s.candidates, &mut buf));
    }
    // Every score but closeness is the same in both rounds: each name (with its qualifier)
    // is weighed once, keeping each candidate's neighbourhood weight for round 2. Each
    // accepted spot's row of `base` and its name's number are found once for both rounds.
    let weigh_name = |s: &Spot<'_>, q: Option<&Spot<'_>>| -> (Vec<f32>, Vec<f32>) {
        let counts = backing.get(s.key.as_str());

        let given = cx.given_by(&s.key);
        let own = own_names.get(s.key.as_str()).map_or(&[][..], Vec::as_slice);
        let great = great_cities(&s.candidates);
        let majors: Vec<&Cand<'_>> = s
            .candidates
            .iter()
            .zip(own)
            .filter(|(c, own)| {
                (**own
                    && (matches!(c.kind, PlaceKind::Country | PlaceKind::Region)
                        // "Middle East", "Pacific Northwest": a well-known area
                        || (matches!(
                            c.kind,
                            PlaceKind::Continent | PlaceKind::InformalRegion
                        ) && c.importance >= 0.8)))
                    // "the Pacific": an ocean, by whichever of its names
                    || (c.kind == PlaceKind::Physical && c.importance >= 0.9)
                    // "Rome", "Halifax", "Frankfurt": a city known the world over, by
                    // any of its names (Frankfurt am Main is "Frankfurt" to the world)
                    || (worldwide
                        && c.kind == PlaceKind::PopulatedPlace
                        && c.population >= FAMOUS_CITY)
            })
            .map(|(c, _)| c)
            .collect();
        s.candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let backing = counts.and_then(|v| v.get(i)).copied().unwrap_or_default();
                let damp = neighbourhood_weight(c, &majors, w);
                let own_name = own.get(i).copied().unwrap_or(false);
                // Da Nang, Savannakhet: the city named like the region it lies in
                let seat = own_name
                    && c.kind == PlaceKind::PopulatedPlace
                    && majors
                        .iter()
                        .any(|m| m.kind == PlaceKind::Region && contains(m, c));
                let seat = if seat { w.seat_of_namesake } else { 0.0 };
                // in a list ("Ghana, Niger, Nigeria and Togo") a comma is no
                // qualifier for a namesake of a country or region
                let q = if s.in_list && majors.iter().any(|m| m.id != c.id) {
                    None
                } else {
                    q
                };
                // the countries a story names say little of which namesake of a
                // sea, an area or a famous city is meant, nor, in a story round the
                // world, of which namesake of a country
                let share_weight = if worldwide
                    || majors.iter().any(|m| {
                        m.id != c.id && !matches!(m.kind, PlaceKind::Country | PlaceKind::Region)
                    }) {
                    damp
                } else {
                    1.0
                };
                // a village in a state the story names elsewhere is still no match for a
                // great city of the same name ("Boston" beside "New York")
                let shade = if overshadowed(c, &great) {
                    w.overshadowed
                } else {
                    1.0
                };
                let regional = f32::from(backing.regional) * shade;
                let n = f32::from(backing.near) + regional;
                let backed = if backing.near > 0 {
                    w.first_support
                } else {
                    w.first_support * regional.min(1.0)
                };
                let v = score(c, s, given, &cx, q, damp * shade, share_weight, own_name, w)
                    + seat
                    + damp * (backed + w.support * n.min(4.0));
                (v, damp)
            })
            .unzip()
    };
    let mut rows: FastMap<NameKey, usize> = with_capacity(kept.len());
    let mut names: FastMap<(&str, Option<Hint>), usize> = with_capacity(kept.len());
    let mut spot_slots: Vec<Option<Slot>> = vec![None; spots.len()];
    let mut base: Vec<(Vec<f32>, Vec<f32>)> = Vec::with_capacity(kept.len());
    for (k, s) in spots.iter().enumerate() {
        if !accepted[k] {
            continue;
        }
        let q = s.qualifier.map(|q| &spots[q]);
        // a name scores the same wherever it recurs with the same qualifier and type word
        let memo_key = (
            s.key.as_str(),
            q.map(|q| q.key.as_str()),
            s.is_qualifier,
            s.hint,
        );
        let next_name = names.len();
        let name = *names
            .entry((s.key.as_str(), area_sense(s)))
            .or_insert(next_name);
        let row = *rows.entry(memo_key).or_insert_with(|| {
            base.push(weigh_name(s, q));
            base.len() - 1
        });
        spot_slots[k] = Some(Slot { row, name });
    }

    // round 1 without coherence, round 2 with the round-1 picks of the other names
    for round in 0..2 {
        let near: Vec<&Cand<'_>> = if round == 0 {
            Vec::new()
        } else {
            // each chosen place once, so long texts stay linear
            let mut seen: FastSet<&str> = FastSet::with_capacity_and_hasher(
                SUPPORT_NAMES,
                std::hash::BuildHasherDefault::default(),
            );
            spots
                .iter()
                .zip(&picks)
                .filter_map(|(s, p)| p.map(|(i, _)| &s.candidates[i]))
                .filter(|c| seen.insert(c.id))
                .take(SUPPORT_NAMES)
                .collect()
        };
        // by latitude, so that each candidate looks only at the band within reach; a place
        // without a finite latitude is close to none
        let mut near = near;
        near.retain(|o| o.latlon.lat.is_finite());
        near.sort_by(|a, b| a.latlon.lat.total_cmp(&b.latlon.lat));
        let list_kind = if round == 0 {
            Vec::new()
        } else {
            list_kinds(spots, &picks)
        };
        // the summed scores of each name, and each row's scores with closeness
        let mut by_name: Vec<Option<Vec<f32>>> = vec![None; names.len()];
        let mut memo: Vec<Option<Vec<f32>>> = vec![None; base.len()];
        for (k, s) in spots.iter().enumerate() {
            let Some(Slot { row, name }) = spot_slots[k] else {
                continue;
            };
            let (first, damps) = &base[row];
            let scores: &[f32] = if round == 0 {
                first
            } else {
                memo[row].get_or_insert_with(|| {
                    s.candidates
                        .iter()
                        .zip(first.iter().zip(damps))
                        .map(|(c, (&v, &damp))| v + closeness(c, &near, damp, w))
                        .collect()
                })
            };
            let e = by_name[name].get_or_insert_with(|| vec![0.0; scores.len()]);
            let listed = list_kind.get(k).copied().flatten();
            for ((a, b), c) in e.iter_mut().zip(scores.iter()).zip(s.candidates.iter()) {
                *a += b;
                if let Some((kind, country)) = listed
                    && kind == c.kind
                    && (kind == PlaceKind::Country || country.is_none() || same(country, c.country))
                {
                    *a += w.list_kind;
                }
            }
        }
        for (k, slot) in spot_slots.iter().enumerate() {
            let Some(scores) = slot.and_then(|s| by_name[s.name].as_ref()) else {
                continue;
            };
            let mut best = (0usize, f32::MIN);
            let mut second = f32::MIN;
            for (i, &v) in scores.iter().enumerate() {
                if v > best.1 {
                    second = best.1;
                    best = (i, v);
                } else if v > second {
                    second = v;
                }
            }
            if best.1 > f32::MIN {
                let margin = if second > f32::MIN {
                    (best.1 - second).clamp(0.0, 1.0)
                } else {
                    1.0
                };
                picks[k] = Some((best.0, 0.5 + 0.5 * margin));
            }
        }
    }
    picks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, normalize};

    #[test]
    fn an_area_lists_the_names_pushed_under_it_and_no_other() {
        let pushed = [
            (("US", "Texas"), 0),
            (("US", "Ohio"), 1),
            (("US", "Texas"), 2),
            (("MX", "Texas"), 3),
            (("US", "Texas"), 2),
        ];
        let mut by_area = ByArea::with_capacity(2);
        for (area, name) in pushed {
            by_area.push(area, name);
        }
        for area in [
            ("US", "Texas"),
            ("US", "Ohio"),
            ("MX", "Texas"),
            ("FR", "Texas"),
        ] {
            let mut slow: Vec<usize> = pushed
                .iter()
                .filter(|(a, _)| *a == area)
                .map(|&(_, n)| n)
                .collect();
            slow.reverse();
            assert_eq!(
                by_area.names(Some(area)).collect::<Vec<_>>(),
                slow,
                "{area:?}"
            );
        }
        assert_eq!(by_area.names(None).count(), 0);
    }

    #[test]
    fn own_names_asked_once_per_name_in_a_row_are_those_asked_one_by_one() {
        let g = Gazetteer::embedded();
        let mut buf = String::new();
        let mut shared = 0;
        for name in [
            "Paris",
            "Springfield",
            "Georgia",
            "Mexico",
            "St Louis",
            "Kiev",
            "Bombay",
            "Hague",
            "Washington",
            "Lodz",
            "Danube",
            "Pacific",
            "Columbia",
        ] {
            let key = normalize(name);
            let candidates: Vec<Cand<'_>> = g.places_normalized(&key).map(Cand::from).collect();
            let slow: Vec<bool> = candidates
                .iter()
                .map(|c| {
                    matches!(
                        c.kind,
                        PlaceKind::Physical | PlaceKind::InformalRegion | PlaceKind::Continent
                    ) || c.bears_own_name(&key, &mut buf)
                })
                .collect();
            assert_eq!(own_name_flags(&key, &candidates, &mut buf), slow, "{name}");
            shared += candidates
                .windows(2)
                .filter(|w| std::ptr::eq(w[0].name, w[1].name))
                .count();
        }
        assert!(shared > 10, "too few shared names to test: {shared}");
    }

    #[test]
    fn a_name_is_its_own_exactly_when_it_normalises_to_the_key() {
        for (name, key) in [
            ("Paris", "paris"),
            ("New York", "new york"),
            ("New  York", "new york"),
            ("St Louis", "saint louis"),
            ("St Louis", "st louis"),
            ("The Hague", "hague"),
            ("The Hague", "the hague"),
            ("Primorskiy Kray", "primorsky krai"),
            ("Łódź", "lodz"),
            ("Komsomolsk-on-Amur", "komsomolsk on amur"),
            ("Paris", "parís"),
            ("Pari", "paris"),
            ("Mt Hood", "mount hood"),
            ("Mountain View", "mountain view"),
            ("Ste Genevieve", "saint genevieve"),
            ("STE X", "ste x"),
            ("Novosibirskiy", "novosibirsky"),
            ("Novosibirskiy", "novosibirskiy"),
            ("Kray", "krai"),
            ("Paris ", "paris"),
            ("Paris 2", "paris 2"),
            ("Hood Mt", "hood mt"),
            ("", ""),
            (" Paris", "paris"),
        ] {
            let mut buf = String::new();
            assert_eq!(
                is_own_name(name, key, &mut buf),
                normalize(name) == key,
                "{name} / {key}"
            );
        }
    }
}
