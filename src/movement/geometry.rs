//! Geometry: where a stop lies, and which places hold or lie near others.

use crate::gazetteer::{Candidate, PlaceKind};
use crate::geo::LatLon;

/// True when `outer`, a continent, country or region, holds `inner`, a more specific
/// place: a stop there says no more than the stop inside it.
pub(crate) fn contains(outer: &Candidate, inner: &Candidate) -> bool {
    crate::work::step();
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
    // "East Africa", "Southeast Asia", "Central America": a part of a continent, which holds
    // countries as a continent does
    let part_of_continent = |c: &Candidate| {
        c.kind == PlaceKind::InformalRegion
            && c.name.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    w,
                    "Africa" | "Asia" | "Europe" | "America" | "Americas" | "Oceania"
                )
            })
    };
    let rank = |c: &Candidate| match c.kind {
        PlaceKind::Continent => 0,
        _ if part_of_continent(c) => 0,
        PlaceKind::Country => 1,
        PlaceKind::Region | PlaceKind::InformalRegion => 2,
        PlaceKind::District => 3,
        _ => 4,
    };
    if rank(inner) <= rank(outer) {
        return false;
    }
    let distance = outer.latlon.distance_km(inner.latlon);
    let same_country =
        inner.country.is_none() || outer.country.is_none() || inner.country == outer.country;
    let part_of_continent = part_of_continent(outer);
    match outer.kind {
        PlaceKind::Continent => distance < 5000.0,
        _ if part_of_continent => distance < 2500.0,
        // a place of another country is not inside, however near ("Belize City" and
        // Honduras)
        PlaceKind::Country => match (&inner.country, &outer.country) {
            (Some(a), Some(b)) => a == b,
            _ => distance < 400.0,
        },
        // a region holds the places filed under it; one of unknown filing, when near; an
        // informal region ("Darfur") the places near it, in its country
        PlaceKind::Region => match inner.admin1.as_deref() {
            Some(admin1) => admin1 == outer.name || outer.admin1.as_deref() == Some(admin1),
            None => distance < 300.0 && same_country,
        },
        _ => distance < 300.0 && same_country,
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

/// Where the words before a place put the traveller, relative to the place: "about 300
/// kilometres northwest of Apia", "60 km east of Kalamata", "eastern Honduras", "northwest of
/// Barbados".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Offset {
    /// How far from the place's point, in kilometres.
    pub km: f64,
    /// Which way, in degrees clockwise from north.
    pub bearing: f64,
    /// The token the phrase starts at ("about", "300", "eastern").
    pub from: usize,
}

/// The bearing a compass word gives, in degrees clockwise from north.
pub(crate) fn bearing_of(word: &str) -> Option<f64> {
    let w = word.replace('-', "");
    let w = w
        .strip_suffix("ern")
        .or_else(|| w.strip_suffix("erly"))
        .unwrap_or(&w);
    Some(match w {
        "north" => 0.0,
        "northeast" => 45.0,
        "east" => 90.0,
        "southeast" => 135.0,
        "south" => 180.0,
        "southwest" => 225.0,
        "west" => 270.0,
        "northwest" => 315.0,
        _ => return None,
    })
}

/// The point `km` kilometres from `from` along `bearing` degrees (a great circle).
#[must_use]
pub(crate) fn moved(from: LatLon, bearing: f64, km: f64) -> LatLon {
    let d = km / crate::geo::EARTH_RADIUS_KM;
    let (la1, lo1, b) = (
        from.lat.to_radians(),
        from.lon.to_radians(),
        bearing.to_radians(),
    );
    let la2 = (la1.sin() * d.cos() + la1.cos() * d.sin() * b.cos()).asin();
    let lo2 = lo1 + (b.sin() * d.sin() * la1.cos()).atan2(d.cos() - la1.sin() * la2.sin());
    let lon = (lo2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
    LatLon::new(la2.to_degrees(), lon)
}

/// How far a compass part of an area lies from the area's point ("eastern Honduras"): about
/// a third of the way to its edge, by the kind of area.
fn part_km(kind: PlaceKind) -> Option<f64> {
    match kind {
        PlaceKind::Continent => Some(1500.0),
        PlaceKind::Country | PlaceKind::InformalRegion => Some(200.0),
        PlaceKind::Region => Some(120.0),
        PlaceKind::District | PlaceKind::Physical => Some(30.0),
        PlaceKind::PopulatedPlace | PlaceKind::Landmark => None,
    }
}

/// The offset the words before the place at tokens `place` give, if any.
pub(crate) fn offset_of(
    doc: &super::doc::Doc<'_>,
    place: &std::ops::Range<usize>,
    kind: PlaceKind,
) -> Option<Offset> {
    let start = doc.sentence_range(place.start).start;
    let before = |n: usize| place.start.checked_sub(n).filter(|&k| k >= start);
    // "eastern Honduras", "the north-west of England" is left alone
    if let Some(k) = before(1)
        && doc.low(k).ends_with("ern")
        && let Some(bearing) = bearing_of(doc.low(k))
    {
        return part_km(kind).map(|km| Offset {
            km,
            bearing,
            from: k,
        });
    }
    // "… northwest of Barbados", "… 60 km east of Kalamata", "40 nautical miles off …"
    let of = before(1).filter(|&k| matches!(doc.low(k), "of" | "from"))?;
    let direction = before(2)?;
    let bearing = bearing_of(doc.low(direction))?;
    let mut k = direction;
    // "535 miles (860 kilometres) southeast of": the conversion in brackets is skipped
    if k > start + 1
        && doc.low(k - 1) == ")"
        && let Some(open) = (k.saturating_sub(7).max(start)..k - 1)
            .rev()
            .find(|&j| doc.low(j) == "(")
    {
        k = open;
    }
    let mut unit = None;
    while k > start
        && matches!(
            doc.low(k - 1),
            "km" | "kilometres"
                | "kilometers"
                | "kilometre"
                | "kilometer"
                | "miles"
                | "mile"
                | "mi"
                | "nautical"
        )
    {
        k -= 1;
        // "nautical miles" is read from its last word back
        unit = match doc.low(k) {
            "nautical" => Some(1.852),
            "miles" | "mile" | "mi" => unit.or(Some(1.609)),
            _ => unit.or(Some(1.0)),
        };
    }
    let factor = unit.unwrap_or(1.0);
    let number = (k > start && k < direction)
        .then(|| doc.low(k - 1).replace(',', "").parse::<f64>().ok())
        .flatten();
    let (km, from) = match number {
        Some(n) if n > 0.0 && n < 5000.0 => {
            let mut from = k - 1;
            if from > start
                && matches!(
                    doc.low(from - 1),
                    "about"
                        | "some"
                        | "around"
                        | "roughly"
                        | "nearly"
                        | "approximately"
                        | "almost"
                        | "over"
                        | "just"
                )
            {
                from -= 1;
            }
            (n * factor, from)
        }
        // no distance: a little way off a town or an island; an area says nothing more
        _ if of > 0
            && matches!(
                kind,
                PlaceKind::PopulatedPlace | PlaceKind::Landmark | PlaceKind::Physical
            ) =>
        {
            (40.0, direction)
        }
        _ => return None,
    };
    Some(Offset { km, bearing, from })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_moved_along_a_bearing_lies_that_far_that_way() {
        let apia = LatLon::new(-13.83, -171.76);
        for (bearing, km) in [(315.0, 300.0), (90.0, 60.0), (180.0, 1000.0), (0.0, 5.0)] {
            let p = moved(apia, bearing, km);
            assert!((apia.distance_km(p) - km).abs() < 0.5, "{bearing} {km}");
        }
        let nw = moved(apia, 315.0, 300.0);
        assert!(nw.lat > apia.lat && nw.lon < apia.lon);
        // across the antimeridian the longitude wraps
        let east = moved(LatLon::new(-18.14, 178.44), 90.0, 300.0);
        assert!(east.lon < -170.0, "{east:?}");
    }

    fn place(name: &str, kind: PlaceKind, country: Option<&str>, lat: f64, lon: f64) -> Candidate {
        Candidate {
            id: format!("test:{name}"),
            name: name.to_owned(),
            latlon: LatLon::new(lat, lon),
            kind,
            feature_code: String::new(),
            country: country.map(str::to_owned),
            admin1: None,
            population: 0,
            importance: 0.5,
        }
    }

    #[test]
    fn areas_hold_the_places_of_their_own_country_and_parts_of_continents_hold_countries() {
        let america = place(
            "Central America",
            PlaceKind::InformalRegion,
            None,
            14.0,
            -87.0,
        );
        let honduras = place("Honduras", PlaceKind::Country, Some("HN"), 15.0, -86.5);
        let belize = place(
            "Belize City",
            PlaceKind::PopulatedPlace,
            Some("BZ"),
            17.5,
            -88.2,
        );
        let tegucigalpa = place(
            "Tegucigalpa",
            PlaceKind::PopulatedPlace,
            Some("HN"),
            14.08,
            -87.21,
        );
        assert!(contains(&america, &honduras));
        assert!(contains(&honduras, &tegucigalpa));
        // near, but in another country
        assert!(!contains(&honduras, &belize));
        assert!(!contains(&honduras, &america));
    }

    #[test]
    fn compass_words_give_bearings() {
        let table = [
            ("north", Some(0.0)),
            ("northeastern", Some(45.0)),
            ("south-west", Some(225.0)),
            ("western", Some(270.0)),
            ("north-westerly", Some(315.0)),
            ("outskirts", None),
        ];
        for (word, bearing) in table {
            assert_eq!(bearing_of(word), bearing, "{word}");
        }
    }
}
