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
    /// The owned candidate the rest of the pipeline passes around.
    pub(crate) fn to_candidate(self) -> Candidate {
        self.place.to_candidate()
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
    let dx = dlon * mid.cos();
    dx * dx + dlat * dlat < limit * limit
}

#[cfg(test)]
mod tests {
    use super::*;

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
