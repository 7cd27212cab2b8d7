//! GeoJSON (RFC 7946): a `Point` feature per stop and a `LineString` feature per actor
//! whose route has at least two stops. Positions are `[longitude, latitude]`.

use serde_json::{Value, json};

use super::bounds;
use crate::analysis::Analysis;
use crate::movement::Stop;

fn position(stop: &Stop) -> Value {
    let round = |x: f64| (x * 1e5).round() / 1e5;
    json!([round(stop.place.latlon.lon), round(stop.place.latlon.lat)])
}

/// The analysis as a GeoJSON `FeatureCollection`.
#[must_use]
pub fn to_geojson(analysis: &Analysis) -> Value {
    let mut features = Vec::new();
    for (actor_index, actor) in analysis.actors.iter().enumerate() {
        for (i, stop) in actor.stops.iter().enumerate() {
            let (earliest, latest) = bounds(stop.when.as_ref());
            features.push(json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": position(stop)},
                "properties": {
                    "kind": "stop",
                    "actor": actor.name,
                    "actor_index": actor_index,
                    "order": i + 1,
                    "name": stop.place.name,
                    "place_id": stop.place.id,
                    "country": stop.place.country,
                    "status": stop.status.label(),
                    "sources": stop.sources,
                    "when": stop.when.as_ref().map(|w| json!({
                        "value": w.value,
                        "earliest": earliest,
                        "latest": latest,
                    })),
                    "evidence": stop.evidence.iter().map(|e| json!({
                        "start": e.span.start,
                        "end": e.span.end,
                        "quote": e.quote,
                    })).collect::<Vec<_>>(),
                },
            }));
        }
        if actor.stops.len() >= 2 {
            features.push(json!({
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": actor.stops.iter().map(position).collect::<Vec<_>>(),
                },
                "properties": {
                    "kind": "route",
                    "actor": actor.name,
                    "actor_index": actor_index,
                    "stops": actor.stops.len(),
                },
            }));
        }
    }
    json!({
        "type": "FeatureCollection",
        "name": analysis.title,
        "features": features,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn stops_are_points_and_routes_are_lines() {
        let g = to_geojson(&sample::analysis());
        assert_eq!(g["type"], "FeatureCollection");
        let features = g["features"].as_array().unwrap();
        // Two stops and a line for the first actor; one stop and no line for the second.
        assert_eq!(features.len(), 4);
        let first = &features[0];
        assert_eq!(first["geometry"]["type"], "Point");
        assert_eq!(
            first["geometry"]["coordinates"],
            json!([130.65243, 42.42401])
        );
        let p = &first["properties"];
        assert_eq!(p["actor"], "The envoy");
        assert_eq!(p["order"], 1);
        assert_eq!(p["name"], "Khasan");
        assert_eq!(p["status"], "reported");
        assert_eq!(p["sources"], json!(["Agency \"A\"", "B & C"]));
        assert_eq!(p["when"]["earliest"], "2023-09-12T00:00:00");
        assert_eq!(p["when"]["latest"], "2023-09-12T12:00:00");
        assert!(
            p["evidence"][0]["quote"]
                .as_str()
                .unwrap()
                .contains("Khasan")
        );
        assert_eq!(features[1]["properties"]["when"], Value::Null);
        let line = &features[2];
        assert_eq!(line["geometry"]["type"], "LineString");
        assert_eq!(line["geometry"]["coordinates"].as_array().unwrap().len(), 2);
        assert_eq!(features[3]["properties"]["actor"], "The host");
    }
}
