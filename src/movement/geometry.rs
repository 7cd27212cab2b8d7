//! Geometry: where a stop lies, and which places hold or lie near others.

use crate::gazetteer::{Candidate, PlaceKind};

/// True when `outer`, a continent, country or region, holds `inner`, a more specific
/// place: a stop there says no more than the stop inside it.
pub(crate) fn contains(outer: &Candidate, inner: &Candidate) -> bool {
    let broad = |c: &Candidate| {
        matches!(
            c.kind,
            PlaceKind::Country
                | PlaceKind::Continent
                | PlaceKind::Region
                | PlaceKind::InformalRegion
        )
    };
    // a strait or a river passed says less than the country: "left Singapore and passed
    // through the Strait of Malacca" keeps Singapore
    if outer.id == inner.id || !broad(outer) || inner.kind == PlaceKind::Physical {
        return false;
    }
    let rank = |k: PlaceKind| match k {
        PlaceKind::Continent => 0,
        PlaceKind::Country => 1,
        PlaceKind::Region | PlaceKind::InformalRegion => 2,
        PlaceKind::District => 3,
        _ => 4,
    };
    if rank(inner.kind) <= rank(outer.kind) {
        return false;
    }
    let distance = outer.latlon.distance_km(inner.latlon);
    // "East Africa", "Southeast Asia", "Central America": a part of a continent
    let part_of_continent = outer.kind == PlaceKind::InformalRegion
        && outer.name.rsplit(' ').next().is_some_and(|w| {
            matches!(
                w,
                "Africa" | "Asia" | "Europe" | "America" | "Americas" | "Oceania"
            )
        });
    match outer.kind {
        PlaceKind::Continent => distance < 5000.0,
        _ if part_of_continent => distance < 2500.0,
        PlaceKind::Country => {
            inner.country.is_some() && inner.country == outer.country || distance < 400.0
        }
        _ => {
            (inner.admin1.is_some() && inner.admin1.as_deref() == Some(outer.name.as_str()))
                || distance < 300.0
        }
    }
}

/// True for oceans, seas, gulfs and straits.
pub(crate) fn is_open_water(c: &Candidate) -> bool {
    c.kind == PlaceKind::Physical
        && (matches!(
            c.feature_code.as_str(),
            "OCN" | "SEA" | "GULF" | "STRT" | "CHN" | "BAY" | "SD"
        ) || c.name.split_whitespace().any(|w| {
            matches!(
                w,
                "Ocean" | "Sea" | "Gulf" | "Strait" | "Channel" | "Bight" | "Straits" | "Passage"
            )
        }))
}
