//! A gazetteer candidate as the geoparser weighs it: the fields it reads, borrowed from
//! the gazetteer, so that weighing the dozens of namesakes of a name allocates nothing.
//! Only the candidate a mention resolves to becomes an owned [`Candidate`].

use crate::gazetteer::{Candidate, Place, PlaceFields};
use crate::geo::LatLon;

/// One candidate place for a name, read in place: its fields are those of
/// [`PlaceFields`], read once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand<'g> {
    place: Place<'g>,
    fields: PlaceFields<'g>,
}

impl<'g> From<Place<'g>> for Cand<'g> {
    fn from(place: Place<'g>) -> Self {
        Cand {
            place,
            fields: place.fields(),
        }
    }
}

impl<'g> std::ops::Deref for Cand<'g> {
    type Target = PlaceFields<'g>;

    fn deref(&self) -> &PlaceFields<'g> {
        &self.fields
    }
}

impl Cand<'_> {
    /// True when the candidate's own name normalises to `key`, the key it was found by
    /// (`buf` is scratch space). A place found by an alternate name never bears that key
    /// as its own (see [`Place::by_alternate`]), so only the others' names are compared.
    pub(crate) fn bears_own_name(&self, key: &str, buf: &mut String) -> bool {
        !self.place.by_alternate() && super::resolve::is_own_name(self.name, key, buf)
    }

    /// True when the candidate was found by one of its alternate names (see
    /// [`Place::by_alternate`]).
    pub(crate) fn by_alternate(&self) -> bool {
        self.place.by_alternate()
    }

    /// The owned candidate the rest of the pipeline passes around, made from the fields
    /// already read.
    pub(crate) fn to_candidate(self) -> Candidate {
        self.fields.to_candidate()
    }
}

/// `a == b` for the short texts of candidates (country codes, region names), mostly
/// without a call to compare bytes: the gazetteer keeps each string once, so equal texts
/// of two candidates usually share their address, and a country code is two bytes.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && (std::ptr::eq(a.as_ptr(), b.as_ptr())
            || match (a.as_bytes(), b.as_bytes()) {
                ([a0, a1], [b0, b1]) => a0 == b0 && a1 == b1,
                (a, b) => a == b,
            })
}

/// [`same_text`] of two optional texts: `a == b`.
pub(crate) fn same(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_text(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// True when `a` and `b` lie less than `km` apart, on the equirectangular approximation:
/// within a fraction of a percent of the great-circle distance at the few hundred
/// kilometres the geoparser asks about, for a fraction of the cost.
pub(crate) fn within_km(a: LatLon, b: LatLon, km: f64) -> bool {
    const KM_PER_DEGREE: f64 = 111.195;
    let dlat = a.lat - b.lat;
    let limit = km / KM_PER_DEGREE;
    if dlat.abs() >= limit {
        return false;
    }
    let mut dlon = (a.lon - b.lon).abs();
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    let mid = f64::midpoint(a.lat, b.lat).to_radians();
    // cos x >= 1 - x²/2: far enough in longitude even at that lower bound (with a margin
    // for rounding), the pair is out of reach without computing the cosine
    if dlon * (1.0 - mid * mid / 2.0) >= limit * (1.0 + 1e-9) {
        return false;
    }
    // |cos x| <= 1, so the longitude term below is at most `dlon` squared (rounding is
    // monotone): near enough even at that upper bound, the pair is within reach exactly
    // as the cosine would find it
    if dlon * dlon + dlat * dlat < limit * limit {
        return true;
    }
    let dx = dlon * mid.cos();
    dx * dx + dlat * dlat < limit * limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, normalize};

    #[test]
    fn a_name_found_by_an_alternate_is_never_its_own() {
        let g = Gazetteer::embedded();
        let fixtures = [
            include_str!("../../tests/fixtures/articles/01_state_visit.txt"),
            include_str!("../../tests/fixtures/articles/03_migrant_boat.txt"),
            include_str!("../../tests/fixtures/articles/06_expedition.txt"),
        ];
        // words and pairs of words of real text, and names known by older spellings
        let mut names: Vec<String> = ["Peking", "Bombay", "Kiev", "Saigon", "Mexico", "St Louis"]
            .map(String::from)
            .to_vec();
        for text in fixtures {
            let words: Vec<&str> = text.split_whitespace().collect();
            names.extend(words.iter().map(|w| (*w).to_owned()));
            names.extend(words.windows(2).map(|w| w.join(" ")));
        }
        let (mut buf, mut alternates) = (String::new(), 0);
        for name in &names {
            let key = normalize(name);
            for c in g.places_normalized(&key).map(Cand::from) {
                alternates += usize::from(c.place.by_alternate());
                let slow = super::super::resolve::is_own_name(c.name, &key, &mut buf);
                assert_eq!(c.bears_own_name(&key, &mut buf), slow, "{name}: {}", c.name);
            }
        }
        assert!(alternates > 0, "no place was found by an alternate name");
    }

    #[test]
    fn texts_are_the_same_exactly_when_equal() {
        let pool = String::from("USUKUSParisParis");
        let texts = [
            "",
            "U",
            "US",
            "UK",
            "us",
            "USA",
            "Paris",
            "Pari",
            "Texas",
            &pool[0..2],
            &pool[4..6],
            &pool[2..4],
            &pool[6..11],
            &pool[11..16],
            &pool[6..10],
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_text(a, b), a == b, "{a:?} {b:?}");
                for (x, y) in [(Some(a), None), (None, Some(b)), (Some(a), Some(b))] {
                    assert_eq!(same(x, y), x == y, "{x:?} {y:?}");
                }
            }
        }
        assert!(same(None, None));
    }

    #[test]
    fn the_quick_distance_agrees_with_the_great_circle_one() {
        let points = [
            (43.12, 131.89),
            (43.80, 131.95),
            (42.43, 130.64),
            (51.5, -0.12),
            (48.85, 2.35),
            (64.7, 177.5),
            (66.0, -179.5),
            (-33.9, 151.2),
            (0.0, 0.0),
            (59.9, 30.3),
        ];
        for &(la, lo) in &points {
            for &(lb, mb) in &points {
                let (a, b) = (LatLon::new(la, lo), LatLon::new(lb, mb));
                let d = a.distance_km(b);
                for km in [80.0, 150.0, 250.0] {
                    // far from the threshold both answers agree
                    if (d - km).abs() > km * 0.02 {
                        assert_eq!(within_km(a, b, km), d < km, "{a:?} {b:?} {km}");
                    }
                }
            }
        }
    }
}
