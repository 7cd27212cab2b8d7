//! Selection: which candidates are stops, and whose.

use super::candidates::{Candidate, Event};
use super::doc::Doc;
use super::traveller::Cast;

/// The events the hand-written rules keep: a candidate hung on an event word, with an
/// actor and nothing against it, is a stop of each actor its event places.
pub(crate) fn by_rules(doc: &Doc<'_>, cast: &Cast, candidates: &[Candidate]) -> Vec<Event> {
    let mut events = Vec::new();
    for c in candidates {
        if c.link.is_none() || c.against.any() {
            continue;
        }
        for &actor in &c.actors {
            events.push(event(cast, c, actor));
        }
    }
    drop_headline_repeats(doc, &mut events);
    events
}

/// The event that places `actor` at candidate `c`: the sources that are the actor's own
/// words are no source ("Kim said he arrived").
fn event(cast: &Cast, c: &Candidate, actor: usize) -> Event {
    let own = cast
        .members
        .get(actor)
        .map(|m| m.parts.as_slice())
        .unwrap_or_default();
    let sources: Vec<String> = c
        .sources
        .iter()
        .filter(|s| !own.iter().any(|p| s.to_lowercase() == *p))
        .cloned()
        .collect();
    let status = if c.status == super::Status::Reported && sources.is_empty() {
        super::Status::Confirmed
    } else {
        c.status
    };
    Event {
        actor,
        place: c.place,
        role: c.role,
        status,
        sources,
        time: c.time,
        sentence: c.sentence,
        trigger: c.trigger,
        cue: c.cue,
        background: c.background,
    }
}

/// A headline ("Kim arrives in Russia") summarises the story: its events are dropped when
/// the body tells of the same place.
fn drop_headline_repeats(doc: &Doc<'_>, events: &mut Vec<Event>) {
    if !doc.has_headline() {
        return;
    }
    let id = |e: &Event| doc.places[e.place].resolved.as_ref().map(|c| c.id.clone());
    let body: Vec<Option<String>> = events.iter().filter(|e| e.sentence > 0).map(id).collect();
    events.retain(|e| e.sentence > 0 || !body.contains(&id(e)));
}
