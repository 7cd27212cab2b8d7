//! A gazetteer candidate as the geoparser weighs it: the fields it reads, borrowed from
//! the gazetteer, so that weighing the dozens of namesakes of a name allocates nothing.
//! Only the candidate a mention resolves to becomes an owned [`Candidate`].

use crate::gazetteer::{Candidate, Place, PlaceKind};
use crate::geo::LatLon;

/// One candidate place for a name, read in place.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand<'g> {
    place: Place<'g>,
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

impl<'g> From<Place<'g>> for Cand<'g> {
    fn from(place: Place<'g>) -> Self {
        Cand {
            place,
            id: place.id(),
            name: place.name(),
            latlon: place.latlon(),
            kind: place.kind(),
            feature_code: place.feature_code(),
            country: place.country(),
            admin1: place.admin1(),
            population: place.population(),
            importance: place.importance(),
        }
    }
}

impl Cand<'_> {
    /// The owned candidate the rest of the pipeline passes around.
    pub(crate) fn to_candidate(self) -> Candidate {
        self.place.to_candidate()
    }
}
