//! Coordinates and distances.

use serde::{Deserialize, Serialize};

/// Mean Earth radius in kilometres (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point on the Earth in WGS84 degrees. Build it with [`LatLon::new`]: latitude first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    /// Latitude in degrees, north positive, in `-90..=90`.
    pub lat: f64,
    /// Longitude in degrees, east positive, in `-180..=180`.
    pub lon: f64,
}

impl LatLon {
    /// A point from latitude and longitude in degrees (in that order).
    #[must_use]
    pub const fn new(lat: f64, lon: f64) -> Self {
        Self { lat, lon }
    }

    /// A point from longitude and latitude in degrees (GeoJSON order).
    #[must_use]
    pub const fn from_lon_lat(lon: f64, lat: f64) -> Self {
        Self { lat, lon }
    }

    /// True when both coordinates are finite and in range.
    #[must_use]
    pub fn is_valid(self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && self.lat.abs() <= 90.0
            && self.lon.abs() <= 180.0
    }

    /// Great-circle (haversine) distance to `other`, in kilometres.
    #[must_use]
    pub fn distance_km(self, other: LatLon) -> f64 {
        let (la1, lo1) = (self.lat.to_radians(), self.lon.to_radians());
        let (la2, lo2) = (other.lat.to_radians(), other.lon.to_radians());
        let h = ((la2 - la1) / 2.0).sin().powi(2)
            + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_known_cities() {
        let vladivostok = LatLon::new(43.1056, 131.8735);
        let ussuriysk = LatLon::new(43.8029, 131.9456);
        let d = vladivostok.distance_km(ussuriysk);
        assert!((75.0..80.0).contains(&d), "{d}");
        assert!(vladivostok.distance_km(vladivostok) < 1e-9);
        let antipode = LatLon::new(-43.1056, 131.8735 - 180.0);
        assert!((vladivostok.distance_km(antipode) - 20_015.1).abs() < 1.0);
    }

    #[test]
    fn validity() {
        assert!(LatLon::new(42.4, 130.6).is_valid());
        assert!(!LatLon::new(91.0, 0.0).is_valid());
        assert!(!LatLon::new(f64::NAN, 0.0).is_valid());
        assert_eq!(LatLon::from_lon_lat(130.6, 42.4), LatLon::new(42.4, 130.6));
    }
}
