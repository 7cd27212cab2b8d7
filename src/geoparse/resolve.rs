//! Resolution: which candidate each accepted name means.
//!
//! Candidates are scored on their prior (importance, population, kind), the countries
//! and regions the document is about, an explicit qualifier ("Paris, Texas") and
//! closeness to the other places of the text; then one sense is kept per name.

use super::lexicon::{FastMap, FastSet, with_capacity};

use crate::gazetteer::{PlaceKind, is_plain, normalize_into};
use crate::geo::LatLon;

use super::cand::{Cand, same, within_km};

use super::recognize::{Hint, Spot, is_island};
use super::weights::{Weights, weights};

/// The accepted names of a document, each once, in the order of their first mention:
/// the tables of [`resolve`] are indexed by a name's number rather than keyed by its text.
struct Names<'s, 'g> {
    /// Each name's first accepted spot. Every spot of a name has the same candidates, as
    /// recognition reads them by the name's key.
    first: Vec<&'s Spot<'g>>,
    /// Per spot, the number of its name (`None` for a spot not accepted).
    of_spot: Vec<Option<usize>>,
    /// Where each name's candidates start in a list of all the names' candidates, one
    /// after another, and (last) where that list ends: the tables of one value per
    /// candidate are such lists, sliced per name by [`Names::span`].
    starts: Vec<usize>,
}

impl<'s, 'g> Names<'s, 'g> {
    fn of(spots: &'s [Spot<'g>], accepted: &[bool]) -> Self {
        let mut first: Vec<&Spot<'g>> = Vec::with_capacity(spots.len());
        let mut numbers: FastMap<&str, usize> = with_capacity(spots.len());
        let of_spot = spots
            .iter()
            .zip(accepted)
            .map(|(s, &a)| {
                a.then(|| {
                    *numbers.entry(&*s.key).or_insert_with(|| {
                        first.push(s);
                        first.len() - 1
                    })
                })
            })
            .collect();
        let mut starts = Vec::with_capacity(first.len() + 1);
        starts.push(0);
        for s in &first {
            starts.push(starts.last().copied().unwrap_or(0) + s.candidates.len());
        }
        Names {
            first,
            of_spot,
            starts,
        }
    }

    /// Where the values of name `name`'s candidates lie in a table of one value per
    /// candidate of every name.
    fn span(&self, name: usize) -> std::ops::Range<usize> {
        self.starts[name]..self.starts[name + 1]
    }

    /// How many candidates all the names have.
    fn candidates(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }
}

/// Where a candidate lies, as small numbers: its country ([`NO_COUNTRY`] when none) and
/// its area, the country with the first-level region it lies in or is ([`NO_AREA`] when
/// either is unknown). Two candidates of a document have the same number exactly when they
/// have the same text, so that scoring compares and indexes numbers where it would
/// otherwise hash texts for every candidate.
#[derive(Clone, Copy)]
struct Where {
    country: u32,
    area: u32,
}

/// The country number of a candidate without a country.
const NO_COUNTRY: u32 = 0;
/// The area number of a candidate whose country or region is unknown.
const NO_AREA: u32 = u32::MAX;
/// Country numbers below this are two capital letters; others are numbered as they come.
const LETTER_PAIRS: u32 = 1 + 26 * 26;

/// Numbers the countries and areas of one document's candidates (see [`Where`]).
struct Places<'g> {
    /// Country texts other than two capital letters (none in the embedded index).
    odd_countries: FastMap<&'g str, u32>,
    areas: FastMap<(u32, &'g str), u32>,
}

impl<'g> Places<'g> {
    /// Room for the areas of `n` candidates, so that numbering them does not rehash.
    fn with_capacity(n: usize) -> Self {
        Places {
            odd_countries: FastMap::default(),
            areas: with_capacity(n),
        }
    }

    fn country(&mut self, cc: Option<&'g str>) -> u32 {
        let Some(cc) = cc else {
            return NO_COUNTRY;
        };
        if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = *cc.as_bytes() {
            return 1 + u32::from(a - b'A') * 26 + u32::from(b - b'A');
        }
        let next = LETTER_PAIRS + self.odd_countries.len() as u32;
        *self.odd_countries.entry(cc).or_insert(next)
    }

    fn of(&mut self, c: &Cand<'g>) -> Where {
        let country = self.country(c.country);
        let area = match region_of(c) {
            Some(a1) if country != NO_COUNTRY => {
                let next = self.areas.len() as u32;
                *self.areas.entry((country, a1)).or_insert(next)
            }
            _ => NO_AREA,
        };
        Where { country, area }
    }

    /// How many country numbers there are: every one given is below it.
    fn countries(&self) -> usize {
        (LETTER_PAIRS as usize) + self.odd_countries.len()
    }

    /// How many area numbers there are: every one given but [`NO_AREA`] is below it.
    fn areas(&self) -> usize {
        self.areas.len()
    }
}

/// How much each country and first-level region is talked about.
struct Context {
    /// Clear places per country number.
    countries: Vec<f32>,
    /// How many countries have a clear place.
    distinct_countries: usize,
    /// Per area number, whether a clear place lies in it or is it.
    areas: Vec<bool>,
    /// How many first-level regions have a clear place (see [`FAR_REACHING_REGIONS`]).
    distinct_areas: usize,
    /// Per area number, whether a clear place is that region.
    regions: Vec<bool>,
    total: f32,
    /// Per name, what it gave: its country and how many times, so that a name's own
    /// mentions are no evidence for itself ("Georgia" twice is not a story about Georgia).
    given: Vec<Given>,
}

impl Context {
    fn of(spots: &[Spot<'_>], names: &Names<'_, '_>, wheres: &[Where], ids: &Places) -> Self {
        let mut cx = Context {
            countries: vec![0.0; ids.countries()],
            distinct_countries: 0,
            areas: vec![false; ids.areas()],
            distinct_areas: 0,
            regions: vec![false; ids.areas()],
            total: 0.0,
            given: vec![Given::NONE; names.first.len()],
        };
        for (s, name) in spots.iter().zip(&names.of_spot) {
            let Some(name) = *name else {
                continue;
            };
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
            let at = wheres[names.starts[name]];
            if at.country != NO_COUNTRY {
                let n = &mut cx.countries[at.country as usize];
                cx.distinct_countries += usize::from(*n == 0.0);
                *n += 1.0;
                cx.total += 1.0;
                let given = &mut cx.given[name];
                if given.count == 0.0 {
                    given.country = at.country;
                }
                given.count += 1.0;
                if at.area != NO_AREA {
                    let seen = std::mem::replace(&mut cx.areas[at.area as usize], true);
                    cx.distinct_areas += usize::from(!seen);
                    if matches!(c.kind, PlaceKind::Region) {
                        cx.regions[at.area as usize] = true;
                    }
                }
            }
        }
        cx
    }

    /// The share of the country `cc` among the clear places of the document other than
    /// those the name being weighed gave (`own`, from [`Context::given`]).
    fn country_share(&self, cc: u32, own: Given) -> f32 {
        let total = self.total - own.count;
        if cc == NO_COUNTRY || total <= 0.0 {
            return 0.0;
        }
        let n = self.countries[cc as usize];
        (if cc == own.country { n - own.count } else { n }) / total
    }

    fn in_region(&self, c: &Cand<'_>, at: Where) -> bool {
        !matches!(c.kind, PlaceKind::Region) && at.area != NO_AREA && self.regions[at.area as usize]
    }
}

/// What one name gave the [`Context`]: the country of its clear place and how many
/// times ([`NO_COUNTRY`] and 0 when none).
#[derive(Clone, Copy)]
struct Given {
    country: u32,
    count: f32,
}

impl Where {
    /// Where a candidate of no known country lies.
    const UNKNOWN: Where = Where {
        country: NO_COUNTRY,
        area: NO_AREA,
    };
}

impl Given {
    const NONE: Given = Given {
        country: NO_COUNTRY,
        count: 0.0,
    };
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

/// First-level regions a story's clear places must span for it to be read as crossing a
/// country or a continent: its famous cities ([`FAMOUS_CITY`]) are then read as in a story
/// round the world ("Denver", "Boston", "Vancouver" in a tour of thirty cities, not the
/// villages of those names beside Philadelphia or Buffalo), while the countries it names
/// keep their weight. A local story names its own state and a few others: from 4 to 10
/// the corpora score alike, except LGL's Acc@161 loses two local names at 4 and 5.
const FAR_REACHING_REGIONS: usize = 6;

/// Population from which a city is known the world over, in a story that goes round it:
/// its small namesakes need a qualifier or a type word, not just a neighbour, to win
/// (Halifax, Nova Scotia over Halifax, England in a transatlantic story that names
/// England; Frankfurt am Main over Frankfurt (Oder) in a story that names Berlin).
/// Anywhere from 200,000 to 300,000 did as well as the capitals-and-millions rule it
/// replaces on the development corpora, or slightly better.
const FAMOUS_CITY: u64 = 300_000;

/// Population from which a first-level region is a well-known sense of its name
/// ("Kansas", "Ontario"), whose namesakes take little from the regions the story names.
const MAJOR_REGION: u64 = 100_000;

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
fn near_band<'n, 'c>(near: &'n [Chosen<'c>], lat: f64) -> &'n [Chosen<'c>] {
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

/// For each of the first [`SUPPORT_NAMES`] names, how many other names of the document
/// have a candidate supporting each of its candidates: a region and a place inside it
/// support each other, and so do two places less than [`SUPPORT_KM`] apart: one value per
/// candidate of every name (see [`Names::span`]), none for later names and candidates.
///
/// The supporters (the best few candidates of each name) are indexed once: points sorted
/// by latitude, so that each candidate only looks at those within reach, and regions by
/// their area number (see [`Where`]).
///
/// In a story that goes round the world or across a continent (`far`), the namesakes of a
/// famous city ([`FAMOUS_CITY`]) a tenth its size or less give no support: "London" beside
/// "Geneva" is no sign of Geneva, Ohio, near London, Ontario.
fn support(names: &Names<'_, '_>, wheres: &[Where], areas: usize, far: bool) -> Vec<Backing> {
    let keys: Vec<&[Cand<'_>]> = names
        .first
        .iter()
        .take(SUPPORT_NAMES)
        .map(|s| &s.candidates[..s.candidates.len().min(SUPPORT_CANDIDATES)])
        .collect();
    // supporters: (point, name index) for points, by latitude; name indices by area
    let mut points: Vec<(LatLon, usize)> = Vec::with_capacity(keys.len() * SUPPORTERS);
    let mut area_points = ByArea::new(areas, keys.len());
    let mut area_regions = ByArea::new(areas, keys.len());
    for (j, cands) in keys.iter().enumerate() {
        // the population of the name's famous city, in a story round the world
        let famous = cands
            .iter()
            .filter(|c| far && c.kind == PlaceKind::PopulatedPlace && c.population >= FAMOUS_CITY)
            .map(|c| c.population)
            .max();
        for (o, at) in cands
            .iter()
            .zip(&wheres[names.span(j)])
            .take(SUPPORTERS)
            .filter(|(o, _)| {
                o.kind != PlaceKind::PopulatedPlace
                    || famous.is_none_or(|f| o.population.saturating_mul(OVERSHADOW_RATIO / 2) > f)
            })
        {
            match o.kind {
                PlaceKind::Region => area_regions.push(at.area, j),
                PlaceKind::Country | PlaceKind::Continent => {}
                _ => {
                    points.push((o.latlon, j));
                    area_points.push(at.area, j);
                }
            }
        }
    }
    points.sort_by(|a, b| a.0.lat.total_cmp(&b.0.lat));
    // which names already counted for the candidate at hand
    let mut seen = vec![usize::MAX; keys.len()];
    let mut stamp = 0usize;
    // later names and candidates get no backing
    let mut backing = vec![Backing::default(); names.candidates()];
    for (i, cands) in keys.iter().enumerate() {
        let span = names.span(i);
        for ((c, at), out) in cands
            .iter()
            .zip(&wheres[span.clone()])
            .zip(&mut backing[span])
        {
            stamp += 1;
            let mut n = [0u32; 2];
            let mut count = |j: usize, by: usize, seen: &mut [usize]| {
                if j != i && seen[j] != stamp {
                    seen[j] = stamp;
                    n[by] += 1;
                }
            };
            match c.kind {
                PlaceKind::Country | PlaceKind::Continent => {}
                PlaceKind::Region => {
                    for j in area_points.names(at.area) {
                        count(j, 0, &mut seen);
                    }
                }
                _ => {
                    // a cheap box first: SUPPORT_KM is under 1.4 degrees of latitude
                    let lat = c.latlon.lat;
                    let from = points.partition_point(|p| p.0.lat < lat - 1.4);
                    for &(point, j) in &points[from..] {
                        if point.lat > lat + 1.4 {
                            break;
                        }
                        // a name that counted already is not measured again
                        let counted = j == i || seen[j] == stamp;
                        if !counted && within_km(point, c.latlon, SUPPORT_KM) {
                            count(j, 0, &mut seen);
                        }
                    }
                    for j in area_regions.names(at.area) {
                        count(j, 1, &mut seen);
                    }
                }
            }
            *out = Backing {
                near: n[0].min(255) as u8,
                regional: n[1].min(255) as u8,
            };
        }
    }
    backing
}

/// Name indices by area number (see [`Where`]), in one flat list: an area's last entry is
/// chained to its entry before, so that no area has a list of its own to allocate. Its
/// names come back last first; [`support`] counts them as a set.
struct ByArea {
    /// Per area number, its last entry in `chain`.
    last: Vec<usize>,
    chain: Vec<(usize, usize)>,
}

impl ByArea {
    /// An empty index over `areas` area numbers, with room for `n` entries.
    fn new(areas: usize, n: usize) -> Self {
        ByArea {
            last: vec![usize::MAX; areas],
            chain: Vec::with_capacity(n),
        }
    }

    /// Lists `name` under `area` (nowhere when it is [`NO_AREA`]).
    fn push(&mut self, area: u32, name: usize) {
        if let Some(last) = self.last.get_mut(area as usize) {
            let before = std::mem::replace(last, self.chain.len());
            self.chain.push((name, before));
        }
    }

    /// The names listed under `area` (none for [`NO_AREA`]).
    fn names(&self, area: u32) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.last.get(area as usize).copied().unwrap_or(usize::MAX);
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
    at: Where,
    s: &Spot,
    given: Given,
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
    let share = cx.country_share(at.country, given);
    if share > 0.0 {
        v += (w.in_country + w.country_share * share) * share_weight;
    }
    if cx.in_region(c, at) {
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

/// A place chosen in the first round, as [`closeness`] measures the others against it (or
/// the namesake city of a region or district chosen, see [`super::namesake_city`]).
#[derive(Clone, Copy)]
struct Chosen<'g> {
    latlon: LatLon,
    id: &'g str,
    /// The number of the name it was chosen for: a name is not close to itself.
    name: usize,
}

/// The second round's score for closeness: per other chosen place within [`CLOSE_KM`] (at
/// most three), `near` being the chosen places sorted by latitude. `name` is the number of
/// the name `c` is a candidate of: what was chosen for that name (another sense of it, or
/// a second record of the same town) is no neighbour of its own.
fn closeness(c: &Cand<'_>, name: usize, near: &[Chosen<'_>], damp: f32, w: &Weights) -> f32 {
    // no more than three count: the fourth is not looked for
    let close = near_band(near, c.latlon.lat)
        .iter()
        .filter(|o| within_km(o.latlon, c.latlon, CLOSE_KM) && o.id != c.id && o.name != name)
        .take(3)
        .count();
    w.close * (close as f32).min(3.0) * damp
}

/// Population from which a city is known by the names it goes by elsewhere or went by
/// once (see [`everyday_names_as_own`]).
const EXONYM_CITY: u64 = 1_000_000;

/// A town this many times smaller than a city of the same name in the same country is
/// overshadowed by it.
const OVERSHADOW_RATIO: u64 = 20;

/// A town this many times smaller than a great city of the same name in the same country
/// is a hamlet: it takes little support even from its neighbours, and the city keeps the
/// name in any spelling (see [`everyday_names_as_own`]).
const HAMLET_RATIO: u64 = 100;

/// A region with a namesake great city this many times its population is dwarfed by it.
const DWARF_RATIO: u64 = 5;

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
///
/// With `well_known_only`, regions of fewer than [`MAJOR_REGION`] people among `majors`
/// are left out: a region the story names holds its towns whatever a small region
/// elsewhere is called.
fn neighbourhood_weight(
    c: &Cand<'_>,
    majors: &[&Cand<'_>],
    well_known_only: bool,
    w: &Weights,
) -> f32 {
    let point = !matches!(c.kind, PlaceKind::Country | PlaceKind::Region);
    // the state of México yields to Mexico, the country it lies in
    let region_of_namesake_country = c.kind == PlaceKind::Region
        && majors
            .iter()
            .any(|m| m.kind == PlaceKind::Country && same(m.country, c.country));
    let counts = |m: &&&Cand<'_>| {
        !well_known_only || m.kind != PlaceKind::Region || m.population >= MAJOR_REGION
    };
    if (point
        && majors
            .iter()
            .filter(counts)
            .any(|m| m.id != c.id && !contains(m, c)))
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
fn own_name_flags<'a>(
    key: &'a str,
    candidates: &'a [Cand<'_>],
    buf: &'a mut String,
) -> impl Iterator<Item = bool> + 'a {
    // namesakes mostly come in a row, and the gazetteer keeps each string once: a name at
    // the address of the last one asked about has its answer
    let mut last: Option<(&str, bool)> = None;
    candidates.iter().map(move |c| {
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
}

/// Marks as its own name a town's everyday name that the gazetteer lists beside the one
/// GeoNames gives it ("Mecca" for Makkah: a name that found the town but is neither its
/// own nor one of its alternates) when the town is bigger than every town that bears the
/// name as its own (Mecca, California), unless a country or region goes by the name as its
/// own ("New York": the state, beside New York City), whose sense the everyday name must
/// not overturn. So too a city of [`EXONYM_CITY`] people or more by one of its other names
/// ("Calcutta" for Kolkata) when every town that bears the name as its own is under a
/// twentieth its size ([`OVERSHADOW_RATIO`]; Calcutta, Mpumalanga), or a great city
/// ([`GREAT_CITY`]) when they are hamlets under a hundredth its size ([`HAMLET_RATIO`]:
/// "Zaporizhzhia" is the city spelled otherwise, not the hamlet spelled so), and no feature bears it
/// ("White House" is no name of Casablanca in English text). `own` holds the flags
/// of `candidates`, one name's, from [`own_name_flags`].
fn everyday_names_as_own(candidates: &[Cand<'_>], own: &mut [bool]) {
    let mut area_own = false;
    // a feature that bears the name ("White House", the landmark, not Casablanca)
    let mut feature_own = false;
    let mut biggest_own = 0;
    for (c, _) in candidates.iter().zip(own.iter()).filter(|(_, o)| **o) {
        match c.kind {
            PlaceKind::Country | PlaceKind::Region => area_own = true,
            PlaceKind::PopulatedPlace => biggest_own = biggest_own.max(c.population),
            _ => feature_own = true,
        }
    }
    if area_own {
        return;
    }
    for (c, o) in candidates.iter().zip(own.iter_mut()) {
        if c.kind != PlaceKind::PopulatedPlace {
            continue;
        }
        // "Calcutta", "Bombay", "Peking": a city of millions by the name the world long
        // knew it by, which only towns a small fraction of its size bear as their own
        let exonym = !feature_own
            && ((c.population >= EXONYM_CITY
                && c.population >= OVERSHADOW_RATIO.saturating_mul(biggest_own))
                || (c.population >= GREAT_CITY
                    && c.population >= HAMLET_RATIO.saturating_mul(biggest_own)));
        if (!c.by_alternate() && c.population > biggest_own) || exonym {
            *o = true;
        }
    }
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

/// A name as it is weighed: its number, its qualifier's key, whether it qualifies another,
/// and the type word beside it.
type NameKey<'a> = (usize, Option<&'a str>, bool, Option<Hint>);

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

/// Rows of values of different lengths kept one after another in one list: where each
/// row lies in it.
#[derive(Default)]
struct Layout(Vec<std::ops::Range<usize>>);

impl Layout {
    /// Room for `rows` rows.
    fn with_capacity(rows: usize) -> Self {
        Layout(Vec::with_capacity(rows))
    }

    /// Adds a row of `len` values after the others and returns its number.
    fn add(&mut self, len: usize) -> usize {
        let start = self.values();
        self.0.push(start..start + len);
        self.0.len() - 1
    }

    /// Where row `row` lies.
    fn row(&self, row: usize) -> std::ops::Range<usize> {
        self.0[row].clone()
    }

    /// How many rows there are.
    fn len(&self) -> usize {
        self.0.len()
    }

    /// How many values all the rows hold.
    fn values(&self) -> usize {
        self.0.last().map_or(0, |r| r.end)
    }
}

/// The names as weighed once for both rounds, a row per name with its qualifier and type
/// word (see [`NameKey`]): per candidate, its score but for closeness and its
/// neighbourhood weight.
struct Weighed {
    rows: Layout,
    first: Vec<f32>,
    damps: Vec<f32>,
}

impl Weighed {
    /// Room for `rows` rows of `values` values in all.
    fn with_capacity(rows: usize, values: usize) -> Self {
        Weighed {
            rows: Layout::with_capacity(rows),
            first: Vec::with_capacity(values),
            damps: Vec::with_capacity(values),
        }
    }
}

/// Where an accepted spot's scores are kept: its row of weighed names (with qualifier)
/// and the number of its name's sense.
#[derive(Clone, Copy)]
struct Slot {
    row: usize,
    sense: usize,
}

/// Picks a candidate for every accepted spot, one sense per name per document.
/// Returns, per spot, the chosen candidate index and a confidence in `0..=1`.
pub(crate) fn resolve(spots: &[Spot<'_>], accepted: &[bool]) -> Vec<Option<(usize, f32)>> {
    let w = weights();
    let names = Names::of(spots, accepted);
    // where each name's candidates lie, numbered once for every table below
    let mut places = Places::with_capacity(names.candidates());
    let wheres: Vec<Where> = names
        .first
        .iter()
        .flat_map(|s| s.candidates.iter())
        .map(|c| places.of(c))
        .collect();
    let cx = Context::of(spots, &names, &wheres, &places);
    // a story that goes round the world means the world's capitals by their names; a local
    // one may mean the town next door
    let worldwide = cx.distinct_countries >= WORLDWIDE_COUNTRIES;
    // a story that crosses a continent (a band's tour of thirty cities) means the great
    // cities by their names as much as one round the world, though it keeps its country
    let far = worldwide || cx.distinct_areas >= FAR_REACHING_REGIONS;
    let mut picks: Vec<Option<(usize, f32)>> = vec![None; spots.len()];
    let backing = support(&names, &wheres, places.areas(), far);
    // which candidates bear the name as written as their own name, per name
    let mut buf = String::new();
    let mut own_names: Vec<bool> = Vec::with_capacity(names.candidates());
    for s in &names.first {
        let from = own_names.len();
        own_names.extend(own_name_flags(&s.key, &s.candidates, &mut buf));
        everyday_names_as_own(&s.candidates, &mut own_names[from..]);
    }
    // Every score but closeness is the same in both rounds: each name (with its qualifier)
    // is weighed once, keeping each candidate's neighbourhood weight for round 2. Each
    // accepted spot's row of `base` and its name's number are found once for both rounds.
    let weigh_name = |s: &Spot<'_>, name: usize, q: Option<&Spot<'_>>, out: &mut Weighed| {
        let span = names.span(name);
        let counts = &backing[span.clone()];
        let given = cx.given[name];
        let own = &own_names[span.clone()];
        let wheres = &wheres[span];
        let great = great_cities(&s.candidates);
        // the great cities that bear the name as written ("Pittsburgh"), not as an alternate
        let great_own: Vec<&Cand<'_>> = s
            .candidates
            .iter()
            .zip(own)
            .filter(|(c, own)| **own && great.iter().any(|g| g.id == c.id))
            .map(|(c, _)| c)
            .collect();
        // the national capitals known the world over that bear the name as written
        let capitals_own: Vec<&Cand<'_>> = s
            .candidates
            .iter()
            .zip(own)
            .filter(|(c, own)| **own && c.feature_code == "PPLC" && c.population >= FAMOUS_CITY)
            .map(|(c, _)| c)
            .collect();
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
                    || (far
                        && c.kind == PlaceKind::PopulatedPlace
                        && c.population >= FAMOUS_CITY)
            })
            .map(|(c, _)| c)
            .collect();
        let weighed = s.candidates.iter().enumerate().map(|(i, c)| {
            let backing = counts.get(i).copied().unwrap_or_default();
            let own_name = own.get(i).copied().unwrap_or(false);
            // "Rome" is Rome: a town that goes by a capital's name only as one of its other
            // names (Wurtsboro, New York, once called Rome) takes little from its
            // neighbours, as a town named like a country does
            let capital_by_alternate = !own_name
                && c.kind == PlaceKind::PopulatedPlace
                && capitals_own.iter().any(|g| g.id != c.id);
            let damp = if capital_by_alternate {
                w.homonym_damp
            } else {
                neighbourhood_weight(c, &majors, false, w)
            };
            let at = wheres.get(i).copied().unwrap_or(Where::UNKNOWN);
            // a region the story names holds its towns whatever a small region elsewhere
            // is called (George Town, Tasmania, beside George Town, the Caymans' district
            // of 30,000): only a well-known area's name damps what its namesakes take from it
            let region_damp = if capital_by_alternate || !cx.in_region(c, at) {
                damp
            } else {
                neighbourhood_weight(c, &majors, true, w)
            };
            // Da Nang, Savannakhet: the city named like the region it lies in
            let seat = own_name
                && c.kind == PlaceKind::PopulatedPlace
                && majors
                    .iter()
                    .any(|m| m.kind == PlaceKind::Region && contains(m, c));
            let seat = if seat { w.seat_of_namesake } else { 0.0 };
            // "Manchester" is the English city, not the Jamaican parish a tenth its
            // size: a region dwarfed by a great city of its name is no region to prefer
            let dwarfed = if c.kind == PlaceKind::Region
                && great_own
                    .iter()
                    .any(|g| g.population >= DWARF_RATIO * c.population.max(1))
            {
                -w.region
            } else {
                0.0
            };
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
            // and a town that nothing near it or around it backs, of which namesake of a
            // national capital abroad ("head back to Rome" in a story about the US)
            let unbacked = backing.near == 0
                && backing.regional == 0
                && c.kind == PlaceKind::PopulatedPlace
                && capitals_own
                    .iter()
                    .any(|g| g.id != c.id && !same(g.country, c.country));
            let share_weight = if worldwide
                || capital_by_alternate
                || majors.iter().any(|m| {
                    m.id != c.id && !matches!(m.kind, PlaceKind::Country | PlaceKind::Region)
                }) {
                damp
            } else if unbacked {
                w.homonym_damp
            } else {
                1.0
            };
            // a village in a state the story names elsewhere is still no match for a
            // great city of the same name ("Boston" beside "New York")
            // nor is a smaller town that only goes by the name as an alternate
            // ("Pittsburgh" for Pittsburg, California, beside Pittsburgh itself)
            let spelled_otherwise = !own_name
                && c.kind == PlaceKind::PopulatedPlace
                && great_own.iter().any(|g| {
                    g.id != c.id && same(g.country, c.country) && g.population > c.population
                });
            let shade = if overshadowed(c, &great) || spelled_otherwise {
                w.overshadowed
            } else {
                1.0
            };
            let regional = f32::from(backing.regional) * shade;
            // a hamlet a hundredth the size of a great city of its name in its country
            // takes little even from its neighbours
            let near_shade = if c.kind == PlaceKind::PopulatedPlace
                && great.iter().any(|o| {
                    same(o.country, c.country)
                        && o.population >= HAMLET_RATIO.saturating_mul(c.population.max(1))
                }) {
                w.overshadowed
            } else {
                1.0
            };
            let n = f32::from(backing.near) * near_shade + regional;
            let backed = if backing.near > 0 {
                w.first_support
            } else {
                w.first_support * regional.min(1.0)
            };
            let v = score(
                c,
                at,
                s,
                given,
                &cx,
                q,
                region_damp * shade,
                share_weight,
                own_name,
                w,
            ) + seat
                + dwarfed
                + damp * (backed + w.support * n.min(4.0));
            (v, damp)
        });
        for (v, damp) in weighed {
            out.first.push(v);
            out.damps.push(damp);
        }
        out.rows.add(s.candidates.len())
    };
    let mut rows: FastMap<NameKey, usize> = with_capacity(names.first.len());
    // each name in each of its senses: the scores summed for one sense per name
    // (a qualifier after the first mention marks a namesake: "Newcastle … born in
    // Newcastle, New South Wales" are two places)
    let mut senses: FastMap<(usize, Option<Hint>, bool), usize> = with_capacity(names.first.len());
    let mut sense_rows = Layout::default();
    let mut spot_slots: Vec<Option<Slot>> = vec![None; spots.len()];
    let mut base = Weighed::with_capacity(names.first.len(), names.candidates());
    // per sense: its mentions, and those whose qualifier holds which candidates
    let mut sense_mentions: Vec<u32> = Vec::new();
    let mut sense_qualified: Vec<Option<(u32, Vec<bool>)>> = Vec::new();
    for ((s, name), slot) in spots.iter().zip(&names.of_spot).zip(&mut spot_slots) {
        let Some(name) = *name else {
            continue;
        };
        let q = s.qualifier.map(|q| &spots[q]);
        // a name scores the same wherever it recurs with the same qualifier and type word
        let memo_key = (name, q.map(|q| &*q.key), s.is_qualifier, s.hint);
        let row = *rows
            .entry(memo_key)
            .or_insert_with(|| weigh_name(s, name, q, &mut base));
        // a sense's number is that of its row of sums
        let late = q.is_some() && !s.in_list && senses.contains_key(&(name, area_sense(s), false));
        let sense = *senses
            .entry((name, area_sense(s), late))
            .or_insert_with(|| sense_rows.add(s.candidates.len()));
        *slot = Some(Slot { row, sense });
        if sense == sense_mentions.len() {
            sense_mentions.push(0);
            sense_qualified.push(None);
        }
        sense_mentions[sense] += 1;
        // only a qualifier at the first mention, as news writes it ("Newcastle … Jack
        // Tindall, born in Newcastle, New South Wales" keeps the first Newcastle's sense)
        let first = sense_mentions[sense] == 1;
        if let Some(q) = q.filter(|_| !s.in_list && (first || sense_qualified[sense].is_some())) {
            let held: Vec<bool> = s
                .candidates
                .iter()
                .map(|c| q.candidates.iter().take(8).any(|o| contains(o, c)))
                .collect();
            if held.contains(&true) {
                let (n, mask) = sense_qualified[sense].get_or_insert_with(|| (0, held.clone()));
                *n += 1;
                for (m, h) in mask.iter_mut().zip(&held) {
                    *m |= *h;
                }
            }
        }
    }
    // "KOCHI, India … the ship reached Kochi": a qualifier at the first mention settles
    // the name wherever it recurs, so each unqualified mention gets its weight too
    let unqualified_bonus: Vec<Option<(f32, Vec<bool>)>> = sense_qualified
        .into_iter()
        .zip(&sense_mentions)
        .map(|(q, &all)| q.map(|(n, mask)| (w.qualified * all.saturating_sub(n) as f32, mask)))
        .collect();
    // the summed scores of each name's sense (rows of `sense_rows`)
    let mut by_sense = vec![0.0f32; sense_rows.values()];
    // round 2's scores of each row of `base`, closeness added, worked out when first needed
    let mut closer = vec![0.0f32; base.first.len()];
    let mut closer_done = vec![false; base.rows.len()];

    // round 1 without coherence, round 2 with the round-1 picks of the other names
    for round in 0..2 {
        let near: Vec<Chosen<'_>> = if round == 0 {
            Vec::new()
        } else {
            // each chosen place once, so long texts stay linear
            let mut seen: FastSet<&str> = FastSet::with_capacity_and_hasher(
                SUPPORT_NAMES,
                std::hash::BuildHasherDefault::default(),
            );
            // a region or district chosen stands for its namesake city too: "New York",
            // read as the state, is close to Princeton and Newark
            spots
                .iter()
                .zip(&picks)
                .zip(&names.of_spot)
                .filter_map(|((s, p), name)| Some((s, &s.candidates[(*p)?.0], (*name)?)))
                .flat_map(|(s, c, name)| {
                    [Some(c), super::namesake_city(c, &s.candidates)]
                        .into_iter()
                        .flatten()
                        .map(move |c| (c, name))
                })
                .filter(|(c, _)| seen.insert(c.id))
                .take(SUPPORT_NAMES)
                .map(|(c, name)| Chosen {
                    latlon: c.latlon,
                    id: c.id,
                    name,
                })
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
        by_sense.fill(0.0);
        for (k, s) in spots.iter().enumerate() {
            let (Some(Slot { row, sense }), Some(name)) = (spot_slots[k], names.of_spot[k]) else {
                continue;
            };
            let at = base.rows.row(row);
            let scores: &[f32] = if round == 0 {
                &base.first[at]
            } else {
                if !closer_done[row] {
                    closer_done[row] = true;
                    let weighed = s.candidates.iter().zip(&base.first[at.clone()]);
                    let damps = &base.damps[at.clone()];
                    for ((c, &v), (&damp, out)) in
                        weighed.zip(damps.iter().zip(&mut closer[at.clone()]))
                    {
                        *out = v + closeness(c, name, &near, damp, w);
                    }
                }
                &closer[at]
            };
            let e = &mut by_sense[sense_rows.row(sense)];
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
        for (sense, bonus) in unqualified_bonus.iter().enumerate() {
            if let Some((bonus, mask)) = bonus {
                let scores = &mut by_sense[sense_rows.row(sense)];
                for (v, &held) in scores.iter_mut().zip(mask) {
                    if held {
                        *v += bonus;
                    }
                }
            }
        }
        for (k, slot) in spot_slots.iter().enumerate() {
            let Some(scores) = slot.map(|s| &by_sense[sense_rows.row(s.sense)]) else {
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
    // "Grady, Arkansas", "Bartonsville, Pa.": a town its state cannot hold is a namesake in
    // another state (the town meant is too small for the gazetteer): no point is better
    // than one hundreds of kilometres away
    for (k, s) in spots.iter().enumerate() {
        // (not in a list: "in Texas, Long Island, Louisiana and Kansas")
        let (Some(q), Some((i, _)), false) = (s.qualifier, picks[k], s.in_list) else {
            continue;
        };
        if spots[q].in_list {
            continue;
        }
        let (Some(c), Some(area)) = (
            s.candidates.get(i),
            picks[q].and_then(|(j, _)| spots[q].candidates.get(j)),
        ) else {
            continue;
        };
        // (an island or a river knows no state: "Long Island, New York" stays)
        if area.kind == PlaceKind::Region
            && c.kind != PlaceKind::Region
            && region_of(c).is_some()
            && same(c.country, area.country)
            && !contains(area, c)
        {
            picks[k] = None;
        }
    }
    // "Elliott Bay", "Salt Hill", "Mona Island": a name before a feature's word that the
    // gazetteer holds only as a town stands for the feature, which lies by that town only
    // when the town lies near the story's other places (the chosen points sorted by
    // latitude once, so each such name looks only at those within reach)
    if spots.iter().any(|s| s.feature_follows) {
        let mut chosen: Vec<(LatLon, &str)> = spots
            .iter()
            .zip(&picks)
            .filter_map(|(s, p)| Some((s.candidates.get((*p)?.0)?.latlon, &*s.key)))
            .collect();
        chosen.sort_by(|a, b| a.0.lat.total_cmp(&b.0.lat));
        let reach = FEATURE_TOWN_KM / 111.0 + 0.01;
        for (k, s) in spots.iter().enumerate() {
            let Some(c) = picks[k].and_then(|(i, _)| s.candidates.get(i)) else {
                continue;
            };
            if !s.feature_follows || matches!(c.kind, PlaceKind::Physical | PlaceKind::Landmark) {
                continue;
            }
            let from = chosen.partition_point(|o| o.0.lat < c.latlon.lat - reach);
            let to = chosen.partition_point(|o| o.0.lat <= c.latlon.lat + reach);
            let near = chosen[from..to]
                .iter()
                .any(|&(at, key)| key != &*s.key && within_km(at, c.latlon, FEATURE_TOWN_KM));
            if !near {
                picks[k] = None;
            }
        }
    }
    picks
}

/// How near a town must lie to another place of the story to be the one a feature after
/// its name ("Elliott Bay") lies by.
const FEATURE_TOWN_KM: f64 = 150.0;

#[cfg(test)]
mod tests {
    use super::super::weights::WEIGHTS;
    use super::*;
    use crate::gazetteer::{Gazetteer, normalize};

    #[test]
    fn an_area_lists_the_names_pushed_under_it_and_no_other() {
        // areas 0, 1 and 2 of three (Texas in the US, Ohio, Texas in Mexico)
        let pushed = [(0, 0), (1, 1), (0, 2), (2, 3), (0, 2), (NO_AREA, 4)];
        let mut by_area = ByArea::new(3, 2);
        for (area, name) in pushed {
            by_area.push(area, name);
        }
        for area in [0, 1, 2] {
            let mut slow: Vec<usize> = pushed
                .iter()
                .filter(|(a, _)| *a == area)
                .map(|&(_, n)| n)
                .collect();
            slow.reverse();
            assert_eq!(by_area.names(area).collect::<Vec<_>>(), slow, "{area}");
        }
        assert_eq!(by_area.names(NO_AREA).count(), 0);
    }

    #[test]
    fn places_have_the_same_numbers_exactly_when_they_have_the_same_texts() {
        fn area<'g>(c: &Cand<'g>) -> Option<(&'g str, &'g str)> {
            c.country.zip(region_of(c))
        }
        let g = Gazetteer::embedded();
        let mut candidates: Vec<Cand<'_>> = ["Paris", "Georgia", "Springfield", "Texas", "Lagos"]
            .iter()
            .flat_map(|name| g.places_normalized(&normalize(name)).map(Cand::from))
            .collect();
        // texts of other shapes than two capital letters, as a hand-made gazetteer may hold
        let odd = Gazetteer::from_records(
            ["usa", "", "USA"]
                .iter()
                .enumerate()
                .map(|(i, cc)| {
                    let mut c = g.lookup("Paris")[0].clone();
                    c.id = format!("test:{i}");
                    c.country = Some((*cc).to_owned());
                    c.admin1 = Some("Texas".to_owned());
                    (c, Vec::new())
                })
                .collect(),
        );
        candidates.extend(odd.places("Paris").map(Cand::from));
        let mut places = Places::with_capacity(candidates.len());
        let wheres: Vec<Where> = candidates.iter().map(|c| places.of(c)).collect();
        for (a, wa) in candidates.iter().zip(&wheres) {
            assert_eq!(wa.country == NO_COUNTRY, a.country.is_none());
            assert!((wa.country as usize) < places.countries());
            for (b, wb) in candidates.iter().zip(&wheres) {
                assert_eq!(wa.country == wb.country, a.country == b.country);
                assert_eq!(
                    wa.area == wb.area,
                    area(a) == area(b),
                    "{:?} {:?}",
                    area(a),
                    area(b)
                );
            }
        }
    }

    #[test]
    fn a_place_chosen_for_a_name_is_close_to_other_names_but_not_its_own() {
        let g = Gazetteer::embedded();
        // Plymouth has two records in England, a few kilometres apart
        let plymouths: Vec<Cand<'_>> = g
            .places_normalized("plymouth")
            .map(Cand::from)
            .filter(|c| c.country == Some("GB"))
            .collect();
        assert!(plymouths.len() >= 2, "{}", plymouths.len());
        let (chosen, other) = (&plymouths[0], &plymouths[1]);
        let near = [Chosen {
            latlon: chosen.latlon,
            id: chosen.id,
            name: 0,
        }];
        let w = &WEIGHTS;
        for (c, name, want) in [(other, 0, 0.0), (other, 1, w.close), (chosen, 1, 0.0)] {
            let got = closeness(c, name, &near, 1.0, w);
            assert!((got - want).abs() < 1e-6, "{} name {name}: {got}", c.id);
        }
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
            let flags: Vec<bool> = own_name_flags(&key, &candidates, &mut buf).collect();
            assert_eq!(flags, slow, "{name}");
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
