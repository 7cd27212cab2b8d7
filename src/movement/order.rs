//! From events to routes: drop what is not a stop, merge what is one place, order stops by
//! time and narrative cues, and link stops that sources give for the same event.

use std::cmp::Ordering;

use super::candidates::{Cue, Event, Phase, Role};
use super::doc::Doc;
use super::geometry::{contains, is_open_water, moved};
use super::traveller::{ActorKind, Cast};
use super::{Actor, Evidence, Status, Stop, When};
use crate::gazetteer::{Candidate, PlaceKind};

/// Days before the story's main period after which a dated event is an earlier trip.
const BACKGROUND_DAYS: i64 = 365;

/// Stops closer than this, told one after the other with the same status, are merged.
const NEARBY_KM: f64 = 30.0;

/// A point placed only roughly (a compass word, no distance) this close to a stop told
/// next to it is that stop.
const VAGUE_KM: f64 = 45.0;

/// A stop being built, with what ordering needs.
struct Draft {
    stop: Stop,
    key: Key,
    roles: Vec<Role>,
    /// The key comes from a weak mention: the headline or the dateline.
    weak: bool,
    /// The key comes from the lede, which may sum up the journey before the body tells it.
    lede: bool,
    phase: Phase,
    /// The key is the time of setting out for the place ("set sail from Kobe on March 31,
    /// heading towards Manila"), not of being there.
    setting_out: bool,
}

/// Where an event falls in the story: its time if known (inherited from the event told
/// before it otherwise), then its place in the narrative.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Key {
    earliest: Option<i64>,
    latest: Option<i64>,
    order: f64,
    /// The time is the event's own, not inherited from the one told before.
    own: bool,
    /// The stop is only a starting point ("left Berlin"): it comes first among stops of
    /// one time.
    origin: bool,
}

impl Key {
    /// A total order (the sort needs one): the day; then, within a day, starting points
    /// first; then the time of day ("early on September 12" before "after dark"); then
    /// narrative order.
    fn cmp(&self, other: &Key) -> Ordering {
        const DAY: i64 = 86_400;
        let day = |k: &Key| k.earliest.map(|e| e.div_euclid(DAY));
        // A whole day counts as its noon: "early on the 12th" before it, "after dark" after.
        let within = |k: &Key| match (k.earliest, k.latest) {
            (Some(e), Some(l)) if l - e < DAY - 1 => Some(e),
            (Some(e), _) => Some(e.div_euclid(DAY) * DAY + DAY / 2),
            _ => None,
        };
        // (with no day at all, text order already puts a leg's start before its end)
        let rank = |k: &Key| u8::from(!k.origin || k.earliest.is_none());
        day(self)
            .cmp(&day(other))
            .then(rank(self).cmp(&rank(other)))
            .then(within(self).cmp(&within(other)))
            .then(self.order.total_cmp(&other.order))
    }
}

/// Builds each actor's route and ranks the actors.
/// The main traveller (`usize::MAX` for an unnamed one when `main` is `None`) comes first
/// whenever it has a stop.
pub(crate) fn build(
    doc: &Doc<'_>,
    cast: &Cast,
    events: &[Event],
    main: Option<usize>,
) -> Vec<Actor> {
    let main = main.unwrap_or(usize::MAX);
    let events = without_earlier_trips(doc, events);
    let events = events.as_slice();
    let mut ids: Vec<usize> = events.iter().map(|e| e.actor).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut actors: Vec<(f64, usize, Actor)> = Vec::new();
    let headings = Headings::of(doc);
    for id in ids {
        let mine: Vec<&Event> = events.iter().filter(|e| e.actor == id).collect();
        let told = cast
            .members
            .get(id)
            .map_or(&[][..], |m| m.mentions.as_slice());
        let (stops, denied) = route(doc, &mine, id == main, told, &headings);
        if stops.is_empty() && denied.is_empty() {
            continue;
        }
        let (name, kind, mentions) = match cast.members.get(id) {
            Some(m) => (m.name.clone(), m.kind, m.mentions.clone()),
            None => (
                String::from("Unknown traveller"),
                ActorKind::Unknown,
                Vec::new(),
            ),
        };
        let first = mentions.first().map_or(usize::MAX, |s| s.start);
        let salience = if id == main && !stops.is_empty() {
            f64::INFINITY
        } else {
            3.0 * stops.len() as f64
                + mentions.len() as f64
                + if first < doc.sentence_spans.first().map_or(0, |s| s.end) {
                    3.0
                } else {
                    0.0
                }
                - if kind == ActorKind::Unknown { 5.0 } else { 0.0 }
        };
        actors.push((
            salience,
            first,
            Actor {
                name,
                mentions,
                stops,
                kind,
                denied,
            },
        ));
    }
    actors.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    actors.into_iter().map(|(_, _, a)| a).collect()
}

/// Drops events dated long before the story's main period ("last year", "in 2001"): when
/// the dated events fall in two groups more than [`BACKGROUND_DAYS`] apart and the older
/// group is a minority, that group tells earlier trips. A long expedition with dates
/// spread evenly over years keeps them all.
fn without_earlier_trips(doc: &Doc<'_>, events: &[Event]) -> Vec<Event> {
    let start = |e: &Event| e.time.and_then(|t| seconds(doc.times[t].earliest));
    let mut dated: Vec<i64> = events.iter().filter_map(start).collect();
    dated.sort_unstable();
    let gap = BACKGROUND_DAYS * 86_400;
    let Some(split) = (1..dated.len())
        .rev()
        .find(|&i| dated[i] - dated[i - 1] > gap)
    else {
        return events.to_vec();
    };
    if split * 3 > dated.len() {
        return events.to_vec();
    }
    let cutoff = dated[split];
    events
        .iter()
        .filter(|e| start(e).is_none_or(|t| t >= cutoff))
        .cloned()
        .collect()
}

fn seconds(t: Option<chrono::NaiveDateTime>) -> Option<i64> {
    t.map(|t| t.and_utc().timestamp())
}

/// One actor's stops in travel order, and the places it is said not to have gone to. The
/// main traveller's stops were chosen by the selection model, which weighs seas and straits
/// itself ("drifted into the Coral Sea"); the others' are the rules', which never stop at sea.
/// `told` are the actor's mentions, in text order; `headings` what the text's heading lines
/// say of time.
fn route(
    doc: &Doc<'_>,
    events: &[&Event],
    main: bool,
    told: &[crate::span::Span],
    headings: &Headings,
) -> (Vec<Stop>, Vec<Stop>) {
    let mut events: Vec<&Event> = events.to_vec();
    events.sort_by_key(|e| (e.trigger, e.place));
    events.retain(|e| !e.background);
    // A diversion cancels the destinations announced before it.
    if let Some(d) = events.iter().position(|e| e.role == Role::Diverted) {
        let mut i = 0;
        events.retain(|e| {
            i += 1;
            !(i <= d && e.role == Role::Intended)
        });
    }
    // The bounds of each event's own time. A year-less date ("September 12" in a text
    // that never names its year) is placed in the year of the nearest event with a full
    // date, or in any one year when none has, so that days and times of day still order.
    let full_year: Vec<Option<i32>> = events
        .iter()
        .map(|e| {
            e.time
                .and_then(|t| doc.times[t].earliest)
                .map(|d| chrono::Datelike::year(&d))
        })
        .collect();
    let year_near = |n: usize| {
        full_year[..n]
            .iter()
            .rev()
            .chain(&full_year[n..])
            .find_map(|y| *y)
            .unwrap_or(2000)
    };
    let week = week_start(doc, &events);
    let mut bounds: Vec<Option<(Option<i64>, Option<i64>)>> = events
        .iter()
        .enumerate()
        .map(|(n, e)| {
            // "is on an official visit to China" in a news lede, undated: the day of writing
            // (further on, as in a timeline, the present may be a historical one)
            let Some(t) = e
                .time
                .or_else(|| date_line_before(doc, e.sentence, headings.timeline))
            else {
                let today = doc
                    .reference
                    .filter(|_| e.present && e.sentence <= 2 && e.status == Status::Confirmed)?;
                let start = today.and_time(chrono::NaiveTime::MIN);
                return Some((
                    seconds(Some(start)),
                    seconds(Some(start + chrono::Duration::seconds(86_399))),
                ));
            };
            let t = &doc.times[t];
            let placed = |value: &str, year: i32| {
                crate::time::bounds_in_year(value, year)
                    .map(|(a, b)| (seconds(Some(a)), seconds(Some(b))))
            };
            match (
                t.earliest,
                t.latest,
                crate::time::weekday_of(&t.value),
                week,
            ) {
                (Some(a), b, _, _) => Some((seconds(Some(a)), seconds(b))),
                // 2001 began on a Monday: the week's days are January's first seven
                (None, _, Some((day, clock)), Some(start)) => {
                    let offset =
                        (day.num_days_from_monday() + 7 - start.num_days_from_monday()) % 7;
                    let clock = clock.map(|c| format!("T{c}")).unwrap_or_default();
                    placed(&format!("XXXX-01-{:02}{clock}", 1 + offset), 2001)
                }
                _ => placed(&t.value, year_near(n)),
            }
        })
        .collect();
    weekdays_after_dates(doc, &events, &mut bounds);
    numbered_days(headings, &events, &mut bounds);
    // Keys in narrative order.
    let mut keys: Vec<Key> = Vec::with_capacity(events.len());
    let mut current: Option<(Option<i64>, Option<i64>)> = None;
    let mut last_order = 0.0;
    for (n, e) in events.iter().enumerate() {
        // Text order, with the ends of one event in travel order: "flew from A via B to C".
        let offset = match e.role {
            Role::Origin => 0.0,
            Role::Waypoint => 0.2,
            _ => 0.4,
        };
        let mut order = e.trigger as f64 + offset + n as f64 * 1e-6;
        // a heading's leg ("Binche to Epernay") starts where it ends, just before
        if e.phase == Phase::LegStart
            && let Some(end) = events[sentence_events(&events, e.sentence)]
                .iter()
                .filter(|o| o.phase == Phase::LegEnd)
                .map(|o| o.trigger)
                .min()
        {
            order = order.min(end as f64 - 0.1 + n as f64 * 1e-6);
        }
        let origin = e.role == Role::Origin;
        let own = bounds[n];
        let key = match (own, e.cue) {
            (Some(t), _) => {
                current = Some(t);
                Key {
                    earliest: t.0,
                    latest: t.1,
                    order,
                    own: true,
                    origin,
                }
            }
            // "after a tour of Japan, South Korea and Malaysia", "She had left Paris. She had
            // then flown to Berlin.": before the event told before them, a list or a run of
            // such events in one sentence or the next keeping its own order
            (None, Cue::Before) => Key {
                earliest: current.and_then(|c| c.0),
                latest: current.and_then(|c| c.1),
                order: match n.checked_sub(1).map(|m| events[m]) {
                    Some(prev) if prev.cue == Cue::Before && prev.sentence + 1 >= e.sentence => {
                        last_order + 0.01
                    }
                    _ => last_order - 0.5,
                },
                own: false,
                origin,
            },
            (None, _) => {
                // "he will be returned to Elizabethtown": an undated plan comes no earlier
                // than the day the text was written
                let written = seconds(doc.reference.map(|d| d.and_time(chrono::NaiveTime::MIN)))
                    .filter(|_| e.status == Status::Expected);
                let later = |t: Option<i64>| match (t, written) {
                    (Some(t), Some(w)) => Some(t.max(w)),
                    (t, w) => t.or(w),
                };
                Key {
                    earliest: later(current.and_then(|c| c.0)),
                    latest: later(current.and_then(|c| c.1)),
                    order,
                    own: false,
                    origin,
                }
            }
        };
        last_order = key.order;
        keys.push(key);
    }
    // A headline the body does not repeat ("Ríos reaches Venado Tuerto") tells the latest
    // news: undated, it comes after the last stop the body dates as done.
    if doc.has_headline() {
        let latest = events
            .iter()
            .zip(&keys)
            .filter(|(e, k)| k.own && matches!(e.status, Status::Confirmed | Status::Reported))
            .map(|(_, k)| *k)
            .max_by(Key::cmp);
        if let Some(latest) = latest {
            for (e, k) in events.iter().zip(keys.iter_mut()) {
                if e.sentence == 0 && !k.own {
                    k.earliest = latest.earliest;
                    k.latest = latest.latest;
                    k.order = latest.order + 0.1;
                }
            }
        }
    }
    // Events told before any date of theirs take the day the text last gave their actor, in
    // their sentence or the two before ("Reit set out early on September 14. She reached
    // Berlin after a long drive."), when it is later than the first date; else the first
    // date. Either way they keep their narrative place.
    if let Some(first) = keys.iter().find(|k| k.earliest.is_some()).copied() {
        for (e, k) in events.iter().zip(keys.iter_mut()) {
            if k.earliest.is_none() {
                let (earliest, latest) = day_told_before(doc, e.trigger, told)
                    .filter(|&(a, _)| first.earliest.is_some_and(|f| a.is_some_and(|a| a > f)))
                    .unwrap_or((first.earliest, first.latest));
                k.earliest = earliest;
                k.latest = latest;
            } else {
                break;
            }
        }
    }
    // the places the lede names, for a lede that sums up the journey (below)
    let lede_places: Vec<&str> = events
        .iter()
        .filter(|e| in_lede(doc, e))
        .filter_map(|e| doc.places[e.place].destination().map(|c| c.id.as_str()))
        .collect();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut denied: Vec<Stop> = Vec::new();
    // Merge in travel order, so that a place left and later come back to ("left
    // Washington … returning to Washington") gives two stops.
    let mut timed: Vec<(&Event, Key)> = events.iter().copied().zip(keys).collect();
    timed.sort_by(|a, b| a.1.cmp(&b.1));
    for (e, key) in timed {
        let Some(place) = place_of(doc, e) else {
            continue;
        };
        if e.status == Status::Denied {
            if let Some(s) = denied.iter_mut().find(|s| s.place.id == place.id) {
                absorb(doc, s, e);
            } else {
                denied.push(new_stop(doc, place, e));
            }
            continue;
        }
        let existing = drafts.iter().position(|d| d.stop.place.id == place.id);
        let is_return = e.role == Role::Return
            || (e.role == Role::Arrival
                && existing
                    .is_some_and(|i| drafts[i].roles == [Role::Origin] && i + 1 < drafts.len()));
        // "arrived to a warm welcome at Expo 2020 Dubai … kicked off their journey at the
        // Liwa Desert, moving towards Al Ain and then Dubai": undated, a stop the lede sums
        // up falls where the body tells the leg that reaches it (another place, one the
        // lede did not name, before it in the same sentence)
        let told_again = existing.is_some_and(|i| drafts[i].lede && !drafts[i].key.own)
            && !in_lede(doc, e)
            && matches!(e.role, Role::Arrival | Role::Return)
            && events[sentence_events(&events, e.sentence)]
                .iter()
                .any(|o| {
                    doc.places[o.place].span.start < doc.places[e.place].span.start
                        && doc.places[o.place].destination().is_some_and(|p| {
                            base_id(&place.id) != p.id && !lede_places.contains(&p.id.as_str())
                        })
                });
        match existing {
            Some(i) if !is_return => {
                let d = &mut drafts[i];
                absorb(doc, &mut d.stop, e);
                // the stop falls where its best mention puts it: one with its own time,
                // else one in the body rather than the headline or the dateline; and a time the text gives
                // the visit itself ("reached anchorage near Taipei by 01:01 on April 3")
                // beats the time of setting out for it ("set sail … on March 31, heading
                // towards Taipei")
                if !d.roles.contains(&e.role) {
                    d.roles.push(e.role);
                }
                let visit = matches!(e.role, Role::Arrival | Role::Presence | Role::Return);
                let visited = d.setting_out && visit && key.own;
                if visited {
                    // the stop shows the day of the visit, not of setting out for it, and the
                    // sentence that tells the visit first
                    d.stop.when = None;
                    absorb(doc, &mut d.stop, e);
                    if let Some(sentence) = doc.sentence_spans.get(e.sentence)
                        && let Some(i) = d.stop.evidence.iter().position(|x| x.span == *sentence)
                    {
                        d.stop.evidence[..=i].rotate_right(1);
                    }
                }
                if (!d.key.own && (key.own || (d.weak && !weak(doc, e)) || told_again)) || visited {
                    let origin = d.key.origin;
                    d.key = key;
                    d.key.origin = origin;
                    d.weak = weak(doc, e);
                    d.lede = in_lede(doc, e);
                    d.setting_out = false;
                }
                // a starting point stays one when the text later only says the actor was
                // there ("took off from George Town … George Town's flight instructor")
                d.key.origin &= matches!(e.role, Role::Origin | Role::Presence);
                if e.phase != Phase::Any {
                    d.phase = e.phase;
                }
            }
            _ => drafts.push(Draft {
                stop: new_stop(doc, place, e),
                key,
                roles: vec![e.role],
                weak: weak(doc, e),
                lede: in_lede(doc, e),
                phase: e.phase,
                setting_out: e.role == Role::Intended
                    && e.time.is_some()
                    && events.iter().any(|o| {
                        o.role == Role::Origin
                            && (o.time == e.time || (o.sentence == e.sentence && o.time.is_some()))
                    }),
            }),
        }
    }
    // "set course for Jebel Ali … the call at Jebel Ali has been cancelled": a plan called
    // off is no stop, nor a report denied ("a newsletter said it had called at Durban …
    // 'The vessel did not call at Durban'")
    drafts.retain(|d| {
        d.stop.status == Status::Confirmed || !denied.iter().any(|x| x.place.id == d.stop.place.id)
    });
    // "the fourth and final stop", "kicked off the tour in": an undated stop the text puts
    // at an end of the journey goes there (a return home still comes after the last stop)
    // the journey's last stop so far: plans still to come follow the end of the trip told
    let done = drafts
        .iter()
        .filter(|d| d.stop.status != Status::Expected)
        .map(|d| d.key)
        .max_by(Key::cmp);
    if let (Some(first), Some(last)) = (
        drafts.iter().map(|d| d.key).min_by(Key::cmp),
        done.or_else(|| drafts.iter().map(|d| d.key).max_by(Key::cmp)),
    ) {
        // "left Seoul late Tuesday, ending a week-long tour": a stop the text puts at an
        // end keeps its day but goes to that end of it
        let same_day = |a: &Key, b: &Key| {
            a.earliest.map(|e| e.div_euclid(86_400)) == b.earliest.map(|e| e.div_euclid(86_400))
        };
        let keys: Vec<Key> = drafts.iter().map(|d| d.key).collect();
        for d in drafts.iter_mut().filter(|d| d.key.own) {
            let own = d.key;
            let day = keys.iter().filter(|k| same_day(k, &own));
            match d.phase {
                Phase::Opening | Phase::LegStart => {
                    d.key.origin = true;
                    d.key.order = day.map(|k| k.order).fold(d.key.order, f64::min) - 1.0;
                }
                Phase::Closing | Phase::LegEnd => {
                    d.key.origin = false;
                    d.key.order = day.map(|k| k.order).fold(d.key.order, f64::max) + 1.0;
                }
                Phase::Any => {}
            }
        }
        for d in drafts.iter_mut().filter(|d| !d.key.own) {
            // "Nikita Khrushchev ends his … visit to the United States and returns to the
            // Soviet Union": a lede's undated return home ends the trip the body tells
            if d.lede && d.roles == [Role::Return] {
                d.phase = Phase::Closing;
            }
            match d.phase {
                Phase::Opening => {
                    d.key = Key {
                        order: first.order - 1.0,
                        origin: true,
                        ..first
                    };
                }
                Phase::Closing => {
                    d.key = Key {
                        order: last.order + 1.0,
                        origin: false,
                        ..last
                    };
                }
                // an undated heading's leg ("Stage Three Binche to Epernay") is one leg of
                // many: it keeps its place in the text
                Phase::Any | Phase::LegStart | Phase::LegEnd => {}
            }
        }
        // (a lede that sums up the trip, "ends his visit … and returns to the Soviet Union",
        // says nothing of where the body's returns fall: "Returning to Washington, …")
        let closing = drafts
            .iter()
            .filter(|d| d.phase == Phase::Closing && !d.lede)
            .map(|d| d.key)
            .max_by(Key::cmp);
        if let Some(closing) = closing {
            for d in drafts
                .iter_mut()
                .filter(|d| !d.key.own && d.roles.contains(&Role::Return))
            {
                d.key = Key {
                    order: closing.order + 1.0,
                    ..closing
                };
            }
        }
    }
    // "landed at Joint Base Andrews after a 16-hour trip from Manila, the fourth and final
    // stop": an undated stop the text tells as reached after the final one stays after it
    let draft_of = |drafts: &[Draft], e: &Event| {
        let place = place_of(doc, e)?;
        drafts.iter().position(|d| d.stop.place.id == place.id)
    };
    let closing = drafts.iter().any(|d| d.phase == Phase::Closing);
    for (n, e) in events.iter().enumerate().filter(|_| closing) {
        let Some(before) = n.checked_sub(1).map(|m| events[m]) else {
            continue;
        };
        if e.cue != Cue::Before || before.sentence != e.sentence {
            continue;
        }
        let Some(end) = draft_of(&drafts, e).filter(|&i| drafts[i].phase == Phase::Closing) else {
            continue;
        };
        if let Some(next) = draft_of(&drafts, before)
            && end != next
            && drafts[next].phase != Phase::Closing
        {
            drafts[next].key = Key {
                order: drafts[end].key.order + 0.5,
                ..drafts[end].key
            };
        }
    }
    drop_containers(&mut drafts);
    drop_features_near_stops(&mut drafts);
    drafts.retain(|d| main || !is_open_water(&d.stop.place));
    // Origins first among stops of one time; then time, then narrative.
    drafts.sort_by(|a, b| a.key.cmp(&b.key));
    let mut stops: Vec<Stop> = Vec::new();
    for d in drafts {
        // "arrived in Moscow … landed at Vnukovo airport": a landmark a few kilometres from
        // the stop told just before it is the same stop on the map; so is a point only
        // roughly placed near it ("capsized south of Lampedusa … brought to Lampedusa").
        if let Some(last) = stops.last_mut()
            && last.status == d.stop.status
            && ((last.place.latlon.distance_km(d.stop.place.latlon) < NEARBY_KM
                && (last.place.kind == PlaceKind::Landmark
                    || d.stop.place.kind == PlaceKind::Landmark))
                || (last.place.latlon.distance_km(d.stop.place.latlon) < VAGUE_KM
                    && last.approximate != d.stop.approximate
                    && base_id(&last.place.id) == base_id(&d.stop.place.id)))
        {
            let stop = d.stop;
            if last.approximate && !stop.approximate {
                last.place = stop.place.clone();
                last.approximate = false;
            }
            for m in stop.mentions {
                if !last.mentions.contains(&m) {
                    last.mentions.push(m);
                }
            }
            for e in stop.evidence {
                if !last.evidence.iter().any(|x| x.span == e.span) {
                    last.evidence.push(e);
                }
            }
            for s in stop.sources {
                if !last.sources.contains(&s) {
                    last.sources.push(s);
                }
            }
            if last.when.is_none() {
                last.when = stop.when;
            }
            continue;
        }
        stops.push(d.stop);
    }
    link_alternatives(doc, &mut stops, events.as_slice());
    (stops, denied)
}

/// "left San Pedro Sula on October 13 … on Thursday, buses reached Tijuana": a story that
/// dates its older events and names the latest by weekday, and gives no day of writing to
/// read the weekdays from, tells those weekdays in the week after the last day it dates as
/// done. Fills the bounds of such weekday-only events.
fn weekdays_after_dates(
    doc: &Doc<'_>,
    events: &[&Event],
    bounds: &mut [Option<(Option<i64>, Option<i64>)>],
) {
    const DAY: i64 = 86_400;
    let weekday = |e: &Event| {
        e.time
            .map(|t| &doc.times[t])
            .filter(|t| t.earliest.is_none())
            .and_then(|t| crate::time::weekday_of(&t.value))
    };
    let last_dated = events
        .iter()
        .zip(bounds.iter())
        .filter(|(e, _)| e.status != Status::Expected && weekday(e).is_none())
        .filter_map(|(_, b)| b.and_then(|b| b.0))
        .max();
    let Some(last_dated) = last_dated else {
        return;
    };
    for (e, b) in events.iter().zip(bounds.iter_mut()) {
        let Some((day, clock)) = weekday(e).filter(|_| b.is_none()) else {
            continue;
        };
        let after = last_dated.div_euclid(DAY) * DAY;
        let Some(after_date) = chrono::DateTime::from_timestamp(after, 0) else {
            continue;
        };
        let from = chrono::Datelike::weekday(&after_date.date_naive()).num_days_from_monday();
        let offset = i64::from((day.num_days_from_monday() + 7 - from - 1) % 7 + 1);
        let date = after_date.date_naive() + chrono::Duration::days(offset);
        let value = format!(
            "XXXX-{:02}-{:02}{}",
            chrono::Datelike::month(&date),
            chrono::Datelike::day(&date),
            clock.map(|c| format!("T{c}")).unwrap_or_default()
        );
        if let Some((a, z)) = crate::time::bounds_in_year(&value, chrono::Datelike::year(&date)) {
            *b = Some((seconds(Some(a)), seconds(Some(z))));
        }
    }
}

/// "• July 2. Sail from Falmouth in Lisbon packet.", "August 8 / The Endurance sails from
/// Plymouth": the time of the line above `sentence` that holds nothing but a date, as a
/// timeline heads its entries. The line heads the sentences after it up to the next time any
/// of them gives, and no further than [`DATE_LINE_REACH`] sentences; and only in a text
/// with two such lines or more (`timeline`): a page's one line of publication ("Tuesday,
/// August 10th 2010, 9:37 am") heads no entries.
fn date_line_before(doc: &Doc<'_>, sentence: usize, timeline: bool) -> Option<usize> {
    if !timeline {
        return None;
    }
    for s in (sentence.saturating_sub(DATE_LINE_REACH)..sentence).rev() {
        match date_line(doc, s) {
            Some((Some(t), false)) => return Some(t),
            Some((Some(_), true)) | None => return None,
            Some((None, _)) => {}
        }
    }
    None
}

/// The first time sentence `s` gives, and whether it says anything besides times.
fn date_line(doc: &Doc<'_>, s: usize) -> Option<(Option<usize>, bool)> {
    let tokens = doc.sentence_tokens.get(s)?;
    let mut time = None;
    let mut words = false;
    for k in tokens.clone() {
        match doc.time_at(k) {
            Some(t) => {
                time.get_or_insert(t);
            }
            None => words |= doc.word(k).chars().any(char::is_alphanumeric),
        }
    }
    Some((time, words))
}

/// True for a text with two lines or more that hold nothing but a date: a timeline.
fn is_timeline(doc: &Doc<'_>) -> bool {
    // (such a line opens with its date, or a bullet and its date: the others are passed
    // over without reading their words)
    let opens_with_a_time = |s: usize| {
        doc.sentence_tokens
            .get(s)
            .is_some_and(|r| r.clone().take(2).any(|k| doc.time_at(k).is_some()))
    };
    (0..doc.sentence_tokens.len())
        .filter(|&s| opens_with_a_time(s) && matches!(date_line(doc, s), Some((Some(_), false))))
        .nth(1)
        .is_some()
}

/// How many sentences a line holding only a date heads.
const DATE_LINE_REACH: usize = 4;

/// What a text's heading lines say of time, read once for every actor's route.
struct Headings {
    /// Two lines or more hold nothing but a date: a timeline heads its entries with them.
    timeline: bool,
    /// The sentences that open with "Day" and a number, with that number, in text order.
    days: Vec<(usize, i64)>,
}

impl Headings {
    fn of(doc: &Doc<'_>) -> Headings {
        let days = (0..doc.sentence_tokens.len())
            .filter_map(|s| {
                let r = &doc.sentence_tokens[s];
                (r.len() >= 2 && doc.low(r.start) == "day")
                    .then(|| doc.word(r.start + 1).parse::<i64>().ok())
                    .flatten()
                    .filter(|n| (1..=10_000).contains(n))
                    .map(|n| (s, n))
            })
            .collect();
        Headings {
            timeline: is_timeline(doc),
            days,
        }
    }

    /// The number of the last "Day N" heading at or before sentence `s`.
    fn day_over(&self, s: usize) -> Option<i64> {
        let i = self.days.partition_point(|&(h, _)| h <= s);
        i.checked_sub(1).map(|i| self.days[i].1)
    }
}

/// "Day 27 West Yellowstone to Salt Lake City … Day 22 Colby to Denver": a diary or a blog
/// that heads its days with their numbers, and gives no date, tells each event on the day
/// of the heading above it, whatever order the days are told in (a blog shows its newest
/// post first). Fills the bounds of the events under such headings, when at least two
/// numbered days are told and no event has a time of its own.
fn numbered_days(
    headings: &Headings,
    events: &[&Event],
    bounds: &mut [Option<(Option<i64>, Option<i64>)>],
) {
    if headings.days.len() < 2 || bounds.iter().any(Option::is_some) {
        return;
    }
    let days: Vec<Option<i64>> = events
        .iter()
        .map(|e| headings.day_over(e.sentence))
        .collect();
    let mut distinct: Vec<i64> = days.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return;
    }
    for (b, day) in bounds.iter_mut().zip(days) {
        if let Some(day) = day {
            *b = Some((Some(day * 86_400), Some(day * 86_400 + 86_399)));
        }
    }
}

/// The first day of the one week in which a story with no date of its own ("started his
/// tour on Thursday in Burkina Faso … Friday in Accra … arrived home early Monday") tells
/// its weekdays. The week begins where a starting point says ("left Dallas on Monday") or
/// ends where a closing one says; else it begins after the longest gap between the days,
/// where the day of writing lies; last, it keeps the most pairs of events in the order they
/// are told. `None` when an event has a date, or no event a weekday.
fn week_start(doc: &Doc<'_>, events: &[&Event]) -> Option<chrono::Weekday> {
    // (day, where the text puts it: -1 a start, 1 an end, 0 nothing said)
    let mut told: Vec<(u32, i8)> = Vec::new();
    for e in events {
        let Some(t) = e.time.map(|t| &doc.times[t]) else {
            continue;
        };
        match crate::time::weekday_of(&t.value) {
            Some((day, _)) if t.earliest.is_none() => {
                let end = match (e.role, e.phase) {
                    (_, Phase::Opening | Phase::LegStart) | (Role::Origin, Phase::Any) => -1,
                    (_, Phase::Closing | Phase::LegEnd) | (Role::Return, Phase::Any) => 1,
                    _ => 0,
                };
                told.push((day.num_days_from_monday(), end));
            }
            _ => return None,
        }
    }
    let mut days: Vec<u32> = told.iter().map(|t| t.0).collect();
    days.sort_unstable();
    days.dedup();
    let gap = |i: usize| {
        let next = days[(i + 1) % days.len()];
        (next + 7 - days[i] - 1) % 7 + 1
    };
    let longest = (0..days.len()).map(gap).max()?;
    let score = |i: usize| {
        let start = days[(i + 1) % days.len()];
        let at = |d: u32| (d + 7 - start) % 7;
        let last = at(days[i]);
        let ends = told
            .iter()
            .filter(|(d, end)| (*end < 0 && at(*d) == 0) || (*end > 0 && at(*d) == last))
            .count();
        let mut in_order = 0;
        for (n, (a, _)) in told.iter().enumerate() {
            in_order += told[n + 1..]
                .iter()
                .filter(|(b, _)| at(*a) <= at(*b))
                .count();
        }
        (ends, gap(i) == longest, in_order)
    };
    let best = (0..days.len()).max_by_key(|&i| score(i))?;
    chrono::Weekday::try_from(u8::try_from(days[(best + 1) % days.len()]).ok()?).ok()
}

/// The id of the place a point was worked out from ("geonames:1@315/300" → "geonames:1").
fn base_id(id: &str) -> &str {
    id.split_once('@').map_or(id, |(base, _)| base)
}

/// Where an event puts its actor: the place's point (its namesake city for a region that
/// has one), or the point its offset moves that to, named by the words that say so ("about
/// 300 kilometres northwest of Apia").
fn place_of(doc: &Doc<'_>, e: &Event) -> Option<Candidate> {
    let mut place = doc.places[e.place].destination().cloned()?;
    if let Some(offset) = e.offset {
        place.latlon = moved(place.latlon, offset.bearing, offset.km);
        let end = doc.places[e.place].span.end;
        if let Some(start) = doc.tokens.get(offset.from).map(|t| t.span().start)
            && let Some(words) = doc.text.get(start..end)
        {
            words.clone_into(&mut place.name);
        }
        place.id = format!("{}@{:.0}/{:.0}", place.id, offset.bearing, offset.km);
    }
    Some(place)
}

/// True for a mention that places a stop in the story only weakly: in the headline, or as
/// the dateline ("CAIRO (AFP) - A plane hijacked in Djibouti … took off from Cairo"). A
/// mention with no event word is not: the text tells it where it falls.
fn weak(doc: &Doc<'_>, e: &Event) -> bool {
    (doc.has_headline() && e.sentence == 0) || super::features::is_dateline(doc, e.place)
}

/// The bounds of the nearest day (or time of a day) the text gives the actor (mentioned
/// at `told`) before token `at`.
fn day_told_before(
    doc: &Doc<'_>,
    at: usize,
    told: &[crate::span::Span],
) -> Option<(Option<i64>, Option<i64>)> {
    use crate::time::Granularity;
    let byte = doc.tokens.get(at)?.span().start;
    let before = doc.times.partition_point(|t| t.span.end <= byte);
    let sentence = doc.sentence_of(at);
    // a day told in the sentence or the two before, in a sentence that names the actor
    // (not a dateline or the line that dates a page: "Dated Tuesday, Nov. 24, 1835")
    let told_near = |t: &crate::time::TimeExpr| {
        let k = doc
            .tokens
            .partition_point(|x| x.span().start < t.span.start);
        let Some(span) = doc.sentence_spans.get(doc.sentence_of(k)) else {
            return false;
        };
        let m = told.partition_point(|m| m.start < span.start);
        sentence.saturating_sub(doc.sentence_of(k)) <= 2
            && told.get(m).is_some_and(|m| m.end <= span.end)
    };
    doc.times[..before]
        .iter()
        .rev()
        .take(8)
        .find(|t| {
            told_near(t)
                && t.earliest.is_some()
                && matches!(
                    t.granularity,
                    Granularity::Day
                        | Granularity::PartOfDay
                        | Granularity::Hour
                        | Granularity::Minute
                )
        })
        .map(|t| (seconds(t.earliest), seconds(t.latest)))
}

/// The events of one sentence (`events` is in text order).
fn sentence_events(events: &[&Event], sentence: usize) -> std::ops::Range<usize> {
    let start = events.partition_point(|o| o.sentence < sentence);
    start
        ..events
            .partition_point(|o| o.sentence <= sentence)
            .max(start)
}

/// True for a mention in the first sentence of the body.
fn in_lede(doc: &Doc<'_>, e: &Event) -> bool {
    e.sentence == usize::from(doc.has_headline())
}

fn new_stop(doc: &Doc<'_>, place: Candidate, e: &Event) -> Stop {
    let mut stop = Stop {
        place,
        mentions: Vec::new(),
        when: None,
        status: e.status,
        sources: Vec::new(),
        evidence: Vec::new(),
        alternatives: Vec::new(),
        approximate: e.offset.is_some(),
    };
    absorb(doc, &mut stop, e);
    stop.status = e.status;
    stop
}

/// Adds an event's evidence to a stop.
fn absorb(doc: &Doc<'_>, stop: &mut Stop, e: &Event) {
    let span = doc.places[e.place].span;
    if !stop.mentions.contains(&span) {
        stop.mentions.push(span);
    }
    if let Some(sentence) = doc.sentence_spans.get(e.sentence)
        && !stop.evidence.iter().any(|ev| ev.span == *sentence)
    {
        stop.evidence.push(Evidence {
            span: *sentence,
            quote: sentence.slice(doc.text).to_owned(),
        });
    }
    for s in &e.sources {
        if !stop.sources.contains(s) {
            stop.sources.push(s.clone());
        }
    }
    stop.status = stronger(stop.status, e.status);
    if stop.when.is_none()
        && let Some(t) = e.time.and_then(|t| doc.times.get(t))
    {
        stop.when = Some(When {
            value: t.value.clone(),
            earliest: t.earliest,
            latest: t.latest,
            span: t.span,
        });
    }
}

/// The better-vouched of two statuses: narrated fact, then reports, then plans.
fn stronger(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Confirmed => 0,
        Status::Reported => 1,
        Status::Expected => 2,
        Status::Denied => 3,
    };
    if rank(a) <= rank(b) { a } else { b }
}

/// Drops countries and regions that only contain a more specific stop of the same route.
fn drop_containers(drafts: &mut Vec<Draft>) {
    let places: Vec<Candidate> = drafts.iter().map(|d| d.stop.place.clone()).collect();
    // "was arrested in Brazil on Wednesday … detained at the bus terminal in Dourados": the
    // town told undated after its dated country takes the country's date
    for outer in 0..drafts.len() {
        if !drafts[outer].key.own || drafts[outer].stop.when.is_none() {
            continue;
        }
        for inner in 0..drafts.len() {
            let d = &drafts[inner];
            if d.stop.when.is_none()
                && !d.key.own
                && d.key.earliest == drafts[outer].key.earliest
                && d.key.order > drafts[outer].key.order
                && contains(&drafts[outer].stop.place, &d.stop.place)
            {
                let when = drafts[outer].stop.when.clone();
                drafts[inner].stop.when = when;
            }
        }
    }
    drafts.retain(|d| !places.iter().any(|p| contains(&d.stop.place, p)));
}

/// Drops rivers, seas and mountains that lie near a town of the same route: the town
/// says where the actor was.
fn drop_features_near_stops(drafts: &mut Vec<Draft>) {
    let towns: Vec<Candidate> = drafts
        .iter()
        .map(|d| d.stop.place.clone())
        .filter(|c| !matches!(c.kind, PlaceKind::Physical))
        .collect();
    drafts.retain(|d| {
        d.stop.place.kind != PlaceKind::Physical
            || !towns
                .iter()
                .any(|t| t.latlon.distance_km(d.stop.place.latlon) < 60.0)
    });
}

/// Links stops that different sources give for the same arrival.
fn link_alternatives(doc: &Doc<'_>, stops: &mut [Stop], events: &[&Event]) {
    let arrival_day = |s: &Stop| -> Option<(String, Vec<String>)> {
        let e = events.iter().find(|e| {
            e.role == Role::Arrival
                && e.status == Status::Reported
                && doc.places[e.place].destination().map(|c| &c.id) == Some(&s.place.id)
        })?;
        let day = e
            .time
            .and_then(|t| doc.times.get(t))
            .map(|t| t.value.chars().take(10).collect::<String>())?;
        Some((day, e.sources.clone()))
    };
    let days: Vec<Option<(String, Vec<String>)>> = stops.iter().map(arrival_day).collect();
    for i in 0..stops.len() {
        for j in 0..stops.len() {
            if i == j {
                continue;
            }
            if let (Some((da, sa)), Some((db, sb))) = (&days[i], &days[j])
                && da == db
                && !sa.is_empty()
                && !sb.is_empty()
                && !sa.iter().any(|s| sb.contains(s))
                && stops[i].place.latlon.distance_km(stops[j].place.latlon) > 20.0
            {
                stops[i].alternatives.push(j);
            }
        }
    }
}
