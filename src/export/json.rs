//! The `itinera/1` JSON contract (see DESIGN.md). Field names here are relied on by
//! outside tools: add fields, never rename them.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use crate::analysis::{Analysis, Diagnostic};
use crate::gazetteer::Candidate;
use crate::geoparse::PlaceMention;
use crate::movement::{Actor, Evidence, Stop, When};
use crate::span::Span;
use crate::time::TimeExpr;

/// The schema name written in every result.
pub const SCHEMA: &str = "itinera/1";

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// A resolved place as the contract writes it.
pub(crate) fn place_json(c: &Candidate) -> Value {
    serde_json::to_value(PlaceView(c)).unwrap_or(Value::Null)
}

// The views below write each object of the contract straight to the serialiser, keys in the
// order `serde_json` maps sort them (what `json!` gave before): no map is built per object.

/// A resolved place.
struct PlaceView<'a>(&'a Candidate);

impl Serialize for PlaceView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = serializer.serialize_map(Some(9))?;
        m.serialize_entry("admin1", &c.admin1)?;
        m.serialize_entry("country", &c.country)?;
        m.serialize_entry("feature_code", &c.feature_code)?;
        m.serialize_entry("id", &c.id)?;
        m.serialize_entry("kind", c.kind.label())?;
        m.serialize_entry("lat", &round(c.latlon.lat, 5))?;
        m.serialize_entry("lon", &round(c.latlon.lon, 5))?;
        m.serialize_entry("name", &c.name)?;
        m.serialize_entry("population", &c.population)?;
        m.end()
    }
}

/// A date-time as `%Y-%m-%dT%H:%M:%S`, or `null`.
struct Stamp(Option<chrono::NaiveDateTime>);

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use chrono::{Datelike, Timelike};
        match self.0 {
            None => serializer.serialize_none(),
            // four-digit years written by hand: chrono's formatter reads its pattern each time
            Some(t) if (0..=9999).contains(&t.year()) => serializer.collect_str(&format_args!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            )),
            Some(t) => serializer.collect_str(&t.format("%Y-%m-%dT%H:%M:%S")),
        }
    }
}

/// A stop's time.
struct WhenView<'a>(&'a When);

impl Serialize for WhenView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let w = self.0;
        let mut m = serializer.serialize_map(Some(5))?;
        m.serialize_entry("earliest", &Stamp(w.earliest))?;
        m.serialize_entry("end", &w.span.end)?;
        m.serialize_entry("latest", &Stamp(w.latest))?;
        m.serialize_entry("start", &w.span.start)?;
        m.serialize_entry("value", &w.value)?;
        m.end()
    }
}

fn span_pair(s: Span) -> [usize; 2] {
    [s.start, s.end]
}

/// A stop's place: fewer fields than a mention's.
struct StopPlaceView<'a>(&'a Candidate);

impl Serialize for StopPlaceView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = serializer.serialize_map(Some(6))?;
        m.serialize_entry("country", &c.country)?;
        m.serialize_entry("id", &c.id)?;
        m.serialize_entry("kind", c.kind.label())?;
        m.serialize_entry("lat", &round(c.latlon.lat, 5))?;
        m.serialize_entry("lon", &round(c.latlon.lon, 5))?;
        m.serialize_entry("name", &c.name)?;
        m.end()
    }
}

/// A quotation behind a stop.
struct EvidenceView<'a>(&'a Evidence);

impl Serialize for EvidenceView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = serializer.serialize_map(Some(3))?;
        m.serialize_entry("end", &e.span.end)?;
        m.serialize_entry("quote", &e.quote)?;
        m.serialize_entry("start", &e.span.start)?;
        m.end()
    }
}

/// A stop.
struct StopView<'a>(&'a Stop);

impl Serialize for StopView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let mut m = serializer.serialize_map(Some(8))?;
        m.serialize_entry("alternatives", &s.alternatives)?;
        m.serialize_entry("approximate", &s.approximate)?;
        m.serialize_entry("evidence", &Each(&s.evidence, EvidenceView))?;
        m.serialize_entry(
            "mentions",
            &Each(&s.mentions, |span: &Span| span_pair(*span)),
        )?;
        m.serialize_entry("place", &StopPlaceView(&s.place))?;
        m.serialize_entry("sources", &s.sources)?;
        m.serialize_entry("status", s.status.label())?;
        m.serialize_entry("when", &s.when.as_ref().map(WhenView))?;
        m.end()
    }
}

fn stop_json(s: &Stop) -> StopView<'_> {
    StopView(s)
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

impl<'a, T, R: Serialize, F: Fn(&'a T) -> R> Serialize for Each<'a, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

/// A place mention.
struct MentionView<'a>(&'a PlaceMention);

impl Serialize for MentionView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut m = serializer.serialize_map(Some(7))?;
        m.serialize_entry("adjectival", &p.adjectival)?;
        m.serialize_entry("confidence", &round(f64::from(p.confidence), 3))?;
        m.serialize_entry("end", &p.span.end)?;
        m.serialize_entry("mention", &p.mention)?;
        m.serialize_entry("resolved", &p.resolved.as_deref().map(PlaceView))?;
        m.serialize_entry("start", &p.span.start)?;
        m.serialize_entry("street", &p.street)?;
        m.end()
    }
}

/// A time expression.
struct TimeView<'a>(&'a TimeExpr);

impl Serialize for TimeView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = serializer.serialize_map(Some(8))?;
        m.serialize_entry("earliest", &Stamp(t.earliest))?;
        m.serialize_entry("end", &t.span.end)?;
        m.serialize_entry("granularity", &t.granularity)?;
        m.serialize_entry("latest", &Stamp(t.latest))?;
        m.serialize_entry("mention", &t.mention)?;
        m.serialize_entry("start", &t.span.start)?;
        m.serialize_entry("type", &t.kind)?;
        m.serialize_entry("value", &t.value)?;
        m.end()
    }
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
        m.serialize_entry("places", &Each(&a.places, MentionView))?;
        m.serialize_entry("schema", SCHEMA)?;
        m.serialize_entry("text", &a.text)?;
        m.serialize_entry("times", &Each(&a.times, TimeView))?;
        m.end()
    }
}

/// Several articles merged ([`crate::merge::Merged`]) as one `itinera/1` object: a
/// `documents` list (each article's origin, title, dates, text, places and times) and the
/// merged `actors`, every quote and mention naming its article by its index in `documents`.
pub struct MergedView<'a>(pub &'a crate::merge::Merged);

impl Serialize for MergedView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let merged = self.0;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("actors", &Each(&merged.actors, MergedActorView))?;
        let diagnostics: Vec<Value> = merged
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, source)| {
                source.analysis.diagnostics.iter().map(move |x| {
                    json!({"document": d, "message": x.message, "span": x.span.map(span_pair)})
                })
            })
            .collect();
        m.serialize_entry("diagnostics", &diagnostics)?;
        m.serialize_entry("documents", &Each(&merged.documents, SourceView))?;
        m.serialize_entry("schema", SCHEMA)?;
        m.end()
    }
}

/// One article of a merged analysis.
struct SourceView<'a>(&'a crate::merge::Source);

impl Serialize for SourceView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = &self.0.analysis;
        let mut m = serializer.serialize_map(Some(7))?;
        m.serialize_entry("origin", &self.0.origin)?;
        m.serialize_entry("places", &Each(&a.places, MentionView))?;
        m.serialize_entry("published", &a.published.map(|d| d.to_string()))?;
        m.serialize_entry("reference_date", &a.reference_date.map(|d| d.to_string()))?;
        m.serialize_entry("text", &a.text)?;
        m.serialize_entry("times", &Each(&a.times, TimeView))?;
        m.serialize_entry("title", &a.title)?;
        m.end()
    }
}

/// An actor of several articles.
struct MergedActorView<'a>(&'a crate::merge::MergedActor);

impl Serialize for MergedActorView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = serializer.serialize_map(Some(4))?;
        m.serialize_entry("documents", &a.documents)?;
        m.serialize_entry("kind", &a.kind)?;
        m.serialize_entry("name", &a.name)?;
        m.serialize_entry("stops", &Each(&a.stops, MergedStopView))?;
        m.end()
    }
}

/// A stop of several articles: the stop's own fields, with every quote and mention naming
/// its article, and the days other articles give where they differ.
struct MergedStopView<'a>(&'a crate::merge::MergedStop);

impl Serialize for MergedStopView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let mut m = serializer.serialize_map(Some(9))?;
        m.serialize_entry("approximate", &s.stop.approximate)?;
        m.serialize_entry(
            "disagreements",
            &Each(
                &s.disagreements,
                |(d, w): &(usize, When)| json!({"document": d, "when": WhenView(w)}),
            ),
        )?;
        m.serialize_entry("document", &s.document)?;
        m.serialize_entry(
            "evidence",
            &Each(&s.evidence, |(d, e): &(usize, Evidence)| {
                json!({"document": d, "start": e.span.start, "end": e.span.end, "quote": e.quote})
            }),
        )?;
        m.serialize_entry(
            "mentions",
            &Each(&s.mentions, |(d, span): &(usize, Span)| {
                json!({"document": d, "start": span.start, "end": span.end})
            }),
        )?;
        m.serialize_entry("place", &StopPlaceView(&s.stop.place))?;
        m.serialize_entry("sources", &s.sources)?;
        m.serialize_entry("status", s.stop.status.label())?;
        m.serialize_entry("when", &s.stop.when.as_ref().map(WhenView))?;
        m.end()
    }
}

/// The `itinera/1` object for an analysis; `id` is set in `--jsonl` mode only.
#[must_use]
pub fn to_json(a: &Analysis, id: Option<&Value>) -> Value {
    // (every key is a string: the conversion cannot fail)
    serde_json::to_value(JsonView::new(a, id)).unwrap_or(Value::Null)
}
