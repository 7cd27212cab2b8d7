//! The `itinera/1` JSON contract (see DESIGN.md). Field names here are relied on by
//! outside tools: add fields, never rename them.

use serde_json::{Map, Value, json};

use crate::analysis::Analysis;
use crate::gazetteer::Candidate;
use crate::movement::{Actor, Stop, When};
use crate::span::Span;

/// The schema name written in every result.
pub const SCHEMA: &str = "itinera/1";

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

pub(crate) fn place_json(c: &Candidate) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "lat": round(c.latlon.lat, 5),
        "lon": round(c.latlon.lon, 5),
        "kind": c.kind.label(),
        "feature_code": c.feature_code,
        "country": c.country,
        "admin1": c.admin1,
        "population": c.population,
    })
}

fn when_json(w: &When) -> Value {
    json!({
        "value": w.value,
        "earliest": w.earliest.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        "latest": w.latest.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        "start": w.span.start,
        "end": w.span.end,
    })
}

fn span_pair(s: Span) -> Value {
    json!([s.start, s.end])
}

fn stop_json(s: &Stop) -> Value {
    json!({
        "place": {
            "id": s.place.id,
            "name": s.place.name,
            "lat": round(s.place.latlon.lat, 5),
            "lon": round(s.place.latlon.lon, 5),
            "kind": s.place.kind.label(),
            "country": s.place.country,
        },
        "when": s.when.as_ref().map(when_json),
        "status": s.status.label(),
        "sources": s.sources,
        "evidence": s.evidence.iter().map(|e| json!({"start": e.span.start, "end": e.span.end, "quote": e.quote})).collect::<Vec<_>>(),
        "mentions": s.mentions.iter().copied().map(span_pair).collect::<Vec<_>>(),
        "alternatives": s.alternatives,
        "approximate": s.approximate,
    })
}

fn actor_json(a: &Actor) -> Value {
    json!({
        "name": a.name,
        "mentions": a.mentions.iter().copied().map(span_pair).collect::<Vec<_>>(),
        "kind": a.kind,
        "stops": a.stops.iter().map(stop_json).collect::<Vec<_>>(),
        "denied": a.denied.iter().map(stop_json).collect::<Vec<_>>(),
    })
}

/// The `itinera/1` object for an analysis; `id` is set in `--jsonl` mode only.
#[must_use]
pub fn to_json(a: &Analysis, id: Option<&Value>) -> Value {
    let mut root = Map::new();
    root.insert("schema".into(), SCHEMA.into());
    if let Some(id) = id {
        root.insert("id".into(), id.clone());
    }
    root.insert(
        "document".into(),
        json!({
            "title": a.title,
            "published": a.published.map(|d| d.to_string()),
            "reference_date": a.reference_date.map(|d| d.to_string()),
        }),
    );
    root.insert("text".into(), a.text.clone().into());
    root.insert(
        "places".into(),
        a.places
            .iter()
            .map(|p| {
                json!({
                    "start": p.span.start,
                    "end": p.span.end,
                    "mention": p.mention,
                    "resolved": p.resolved.as_ref().map(place_json),
                    "confidence": round(f64::from(p.confidence), 3),
                    "adjectival": p.adjectival,
                    "street": p.street,
                })
            })
            .collect(),
    );
    root.insert(
        "times".into(),
        a.times
            .iter()
            .map(|t| {
                json!({
                    "start": t.span.start,
                    "end": t.span.end,
                    "mention": t.mention,
                    "type": t.kind,
                    "value": t.value,
                    "earliest": t.earliest.map(|x| x.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    "latest": t.latest.map(|x| x.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    "granularity": t.granularity,
                })
            })
            .collect(),
    );
    root.insert("actors".into(), a.actors.iter().map(actor_json).collect());
    root.insert(
        "diagnostics".into(),
        a.diagnostics
            .iter()
            .map(|d| json!({"message": d.message, "span": d.span.map(span_pair)}))
            .collect(),
    );
    if let Some(e) = &a.explanation {
        root.insert("explain".into(), json!(e));
    }
    Value::Object(root)
}
