//! The `itinera/1` JSON contract (see DESIGN.md). Field names here are relied on by
//! outside tools: add fields, never rename them.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use crate::analysis::{Analysis, Diagnostic};
use crate::gazetteer::Candidate;
use crate::geoparse::PlaceMention;
use crate::movement::{Actor, Stop, When};
use crate::span::Span;
use crate::time::TimeExpr;

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

/// An actor, written as it is serialised (keys in the order `serde_json` maps sort them).
struct ActorView<'a>(&'a Actor);

impl Serialize for ActorView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = serializer.serialize_map(Some(5))?;
        m.serialize_entry("denied", &Each(&a.denied, stop_json))?;
        m.serialize_entry("kind", &a.kind)?;
        m.serialize_entry("mentions", &Each(&a.mentions, |s: &Span| span_pair(*s)))?;
        m.serialize_entry("name", &a.name)?;
        m.serialize_entry("stops", &Each(&a.stops, stop_json))?;
        m.end()
    }
}

/// Every actor, each written as it is serialised.
struct Actors<'a>(&'a [Actor]);

impl Serialize for Actors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(ActorView))
    }
}

/// A slice written element by element, each built only while it is written.
struct Each<'a, T, F>(&'a [T], F);

impl<T, R: Serialize, F: Fn(&T) -> R> Serialize for Each<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

fn place_mention_json(p: &PlaceMention) -> Value {
    json!({
        "start": p.span.start,
        "end": p.span.end,
        "mention": p.mention,
        "resolved": p.resolved.as_ref().map(place_json),
        "confidence": round(f64::from(p.confidence), 3),
        "adjectival": p.adjectival,
        "street": p.street,
    })
}

fn time_json(t: &TimeExpr) -> Value {
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
}

/// The `itinera/1` object of an analysis, written as it is serialised: a long text's
/// result is never held whole in memory. Keys come in the order `serde_json` maps
/// sort them, so the text is the same as [`to_json`]'s.
pub struct JsonView<'a> {
    analysis: &'a Analysis,
    id: Option<&'a Value>,
}

impl<'a> JsonView<'a> {
    /// The view of `analysis`; `id` is set in `--jsonl` mode only.
    #[must_use]
    pub fn new(analysis: &'a Analysis, id: Option<&'a Value>) -> JsonView<'a> {
        JsonView { analysis, id }
    }
}

impl Serialize for JsonView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.analysis;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("actors", &Actors(&a.actors))?;
        m.serialize_entry(
            "diagnostics",
            &Each(
                &a.diagnostics,
                |d: &Diagnostic| json!({"message": d.message, "span": d.span.map(span_pair)}),
            ),
        )?;
        m.serialize_entry(
            "document",
            &json!({
                "title": a.title,
                "published": a.published.map(|d| d.to_string()),
                "reference_date": a.reference_date.map(|d| d.to_string()),
            }),
        )?;
        if let Some(e) = &a.explanation {
            // through a map, as before, so that its keys come sorted too
            m.serialize_entry("explain", &json!(e))?;
        }
        if let Some(id) = self.id {
            m.serialize_entry("id", id)?;
        }
        m.serialize_entry("places", &Each(&a.places, place_mention_json))?;
        m.serialize_entry("schema", SCHEMA)?;
        m.serialize_entry("text", &a.text)?;
        m.serialize_entry("times", &Each(&a.times, time_json))?;
        m.end()
    }
}

/// The `itinera/1` object for an analysis; `id` is set in `--jsonl` mode only.
#[must_use]
pub fn to_json(a: &Analysis, id: Option<&Value>) -> Value {
    // (every key is a string: the conversion cannot fail)
    serde_json::to_value(JsonView::new(a, id)).unwrap_or(Value::Null)
}
