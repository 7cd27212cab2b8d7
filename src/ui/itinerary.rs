//! The itinerary: actors with their colours, the stop cards, and the timeline scrubber.

use std::fmt::Write as _;

use egui::{Align, Align2, Color32, FontId, Frame, Margin, RichText, Sense, Stroke, Ui, vec2};

use super::state::{Action, PlaceChoices, State, StopRef};
use super::style;
use crate::gazetteer::{Candidate, Gazetteer};
use crate::movement::Stop;

/// How many of the gazetteer's candidates "Wrong place?" lists.
pub const MAX_PLACE_CHOICES: usize = 12;

/// A short human form of a stop's time: "4 June 2025", "June 2025", or the raw value.
#[must_use]
pub fn when_label(stop: &Stop) -> Option<String> {
    let when = stop.when.as_ref()?;
    let value = when.value.as_str();
    // a weekday no date anchors ("XXXX-WXX-4TMO"): "Thursday morning"
    if let Some((day, clock)) = crate::time::weekday_of(value) {
        let part = match clock {
            Some("MO") => " morning",
            Some("AF") => " afternoon",
            Some("EV") => " evening",
            Some("NI") => " night",
            _ => "",
        };
        return Some(format!("{}{part}", weekday_name(day)));
    }
    let parse = |fmt: &str, s: &str| chrono::NaiveDate::parse_from_str(s, fmt).ok();
    // A date whose year the article never gives ("XXXX-09-12") reads without one.
    let (dated, year) = match value.strip_prefix("XXXX-") {
        Some(rest) => (format!("2000-{rest}"), false),
        None => (value.to_owned(), true),
    };
    let label = if dated.len() >= 10
        && let Some(d) = parse("%Y-%m-%d", &dated[..10])
    {
        let mut out = if year {
            d.format("%-d %B %Y").to_string()
        } else {
            d.format("%-d %B").to_string()
        };
        if let Some(rest) = dated.get(10..).filter(|r| !r.is_empty()) {
            let part = match rest {
                "TMO" => " morning".to_owned(),
                "TAF" => " afternoon".to_owned(),
                "TEV" => " evening".to_owned(),
                "TNI" => " night".to_owned(),
                r if r.starts_with('T') => format!(", {}", &r[1..]),
                r => format!(" {r}"),
            };
            out.push_str(&part);
        }
        out
    } else if dated.len() == 7
        && let Some(d) = parse("%Y-%m-%d", &format!("{dated}-01"))
    {
        if year {
            d.format("%B %Y").to_string()
        } else {
            d.format("%B").to_string()
        }
    } else {
        value.to_owned()
    };
    Some(label)
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// The day and short month of a stop's date, for the timeline ("6 Jun"), or the short
/// weekday when no date anchors it ("Thu").
#[must_use]
pub fn short_date(stop: &Stop) -> Option<String> {
    let value = &stop.when.as_ref()?.value;
    if let Some((day, _)) = crate::time::weekday_of(value) {
        return Some(weekday_name(day)[..3].to_owned());
    }
    let value = value.replacen("XXXX-", "2000-", 1);
    let d = chrono::NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    Some(d.format("%-d %b").to_string())
}

/// An evidence sentence as a quotation: trimmed, without quote marks of its own at the
/// ends (they would double up), and cut at about `max` characters.
#[must_use]
pub fn quotation(sentence: &str, max: usize) -> String {
    let marks: &[char] = &['"', '“', '”', '„', '«', '»', '\'', '‘', '’'];
    let mut quote = sentence.trim().trim_matches(marks).trim().to_owned();
    if quote.chars().count() > max {
        quote = quote
            .chars()
            .take(max.saturating_sub(1))
            .collect::<String>();
        quote = quote.trim_end().to_owned() + "…";
    }
    format!("“{quote}”")
}

/// Shows the actor toggles; returns a toggle when one was clicked.
pub fn actors_ui(ui: &mut Ui, state: &State) -> Option<Action> {
    let analysis = state.analysis()?;
    let mut action = None;
    for (i, actor) in analysis.actors.iter().enumerate() {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            ui.painter()
                .circle_filled(r.center(), 6.0, style::actor_colour(i));
            let mut shown = state.is_visible(i);
            let label = format!("{} ({} stops)", actor.name, actor.stops.len());
            if ui
                .checkbox(&mut shown, label)
                .on_hover_text("Show or hide this actor's route")
                .changed()
            {
                action = Some(Action::ToggleActor(i));
            }
        });
    }
    if let Some(act) = actor_corrections_ui(ui, state) {
        action = Some(act);
    }
    action
}

/// The active actor's corrections: make it the traveller, rename it.
fn actor_corrections_ui(ui: &mut Ui, state: &State) -> Option<Action> {
    let analysis = state.analysis()?;
    let a = state.active_actor;
    let actor = analysis.actors.get(a)?;
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if a == 0 {
            ui.label(RichText::new(format!("{} is the traveller", actor.name)).weak())
                .on_hover_text("The actor the story follows comes first");
        } else if ui
            .small_button(format!("Make {} the traveller", actor.name))
            .on_hover_text(
                "This actor is the one the story follows: it comes first, now and when the \
                 project is opened again (Ctrl+Z undoes)",
            )
            .clicked()
        {
            action = Some(Action::MakeTraveller(a));
        }
        if analysis.actors.len() > 1 {
            ui.menu_button("Merge into…", |ui| {
                for (b, other) in analysis.actors.iter().enumerate() {
                    if b == a {
                        continue;
                    }
                    if ui
                        .button(format!("{} · {} stops", other.name, other.stops.len()))
                        .on_hover_text(format!(
                            "{} and {} are one: their stops become one route, under the \
                             name {} (Ctrl+Z undoes)",
                            actor.name, other.name, other.name
                        ))
                        .clicked()
                    {
                        action = Some(Action::MergeActors { from: a, into: b });
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(format!(
                "{} is another actor under another name: merge the two",
                actor.name
            ));
        }
    });
    ui.horizontal(|ui| {
        let id = egui::Id::unique(("rename-actor", actor.mentions.first().map(|m| m.start)));
        let mut name: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let label = ui.label("Name");
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .hint_text(actor.name.as_str())
                    .desired_width(140.0),
            )
            .labelled_by(label.id)
            .on_hover_text("A better name for this actor");
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = !name.trim().is_empty();
        let clicked = ui
            .add_enabled(typed, egui::Button::new("Rename").small())
            .on_hover_text("Call this actor by the name typed (Ctrl+Z undoes)")
            .on_disabled_hover_text("Type the new name first")
            .clicked();
        if typed && (clicked || entered) {
            action = Some(Action::RenameActor {
                actor: a,
                name: std::mem::take(&mut name),
            });
        }
        ui.data_mut(|d| d.insert_temp(id, name));
    });
    action
}

/// How a candidate reads in the "Wrong place?" list: name, kind, region, country and
/// population.
#[must_use]
pub fn candidate_label(c: &Candidate) -> String {
    let mut label = format!("{} — {}", c.name, c.kind.label());
    for part in [&c.admin1, &c.country].into_iter().flatten() {
        let _ = write!(label, ", {part}");
    }
    if c.population > 0 {
        let _ = write!(label, ", pop. {}", thousands(c.population));
    }
    label
}

/// 1741041 → "1,741,041".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Paints the places "Wrong place?" or "Add as stop" lists as numbered rings (the map calls
/// this under its route's markers); `to_screen` projects a point onto the map.
pub fn paint_place_choices(
    painter: &egui::Painter,
    state: &State,
    to_screen: &dyn Fn(crate::geo::LatLon) -> egui::Pos2,
) {
    let Some(candidates) = state
        .place_choices
        .as_ref()
        .map(|p| &p.candidates)
        .or(state.stop_choices.as_ref().map(|s| &s.candidates))
    else {
        return;
    };
    // the best last, on top
    for (i, c) in candidates.iter().enumerate().rev() {
        if !c.latlon.is_valid() {
            continue;
        }
        let at = to_screen(c.latlon);
        painter.circle(
            at,
            9.0,
            style::CANDIDATE_FILL,
            Stroke::new(2.0, style::CANDIDATE_MARKER),
        );
        painter.text(
            at,
            Align2::CENTER_CENTER,
            (i + 1).to_string(),
            FontId::proportional(10.0),
            style::CANDIDATE_MARKER,
        );
    }
}

/// The gazetteer's places for `query`, best first, for the stop `at`.
#[must_use]
pub fn place_choices(at: StopRef, query: &str) -> PlaceChoices {
    PlaceChoices {
        at,
        query: query.trim().to_owned(),
        candidates: Gazetteer::embedded().lookup_top(query.trim(), MAX_PLACE_CHOICES),
    }
}

/// The selected stop's corrections: not a stop, wrong place, its date, earlier or later.
fn corrections_ui(
    ui: &mut Ui,
    state: &State,
    stop: &Stop,
    here: StopRef,
    route_len: usize,
) -> Option<Action> {
    let mut action = None;
    let words = stop
        .mentions
        .first()
        .and_then(|m| state.analysis()?.text.get(m.start..m.end))
        .unwrap_or(stop.place.name.as_str())
        .to_owned();
    let open = state.place_choices.as_ref().filter(|p| p.at == here);
    ui.horizontal_wrapped(|ui| {
        if ui
            .small_button("Not a stop")
            .on_hover_text(
                "Take this place out of the route; it stays out when the project is \
                 opened again (Ctrl+Z undoes)",
            )
            .clicked()
        {
            action = Some(Action::NotAStop(here));
        }
        if ui
            .small_button("Not a place")
            .on_hover_text(format!(
                "“{words}” names no place here (a person, a team, a ship): no mention of it \
                 is a place, and the stops it makes go (Ctrl+Z undoes)"
            ))
            .clicked()
        {
            action = Some(Action::NotAPlace(here));
        }
        if ui
            .selectable_label(open.is_some(), "Wrong place?")
            .on_hover_text(format!(
                "Choose which place “{words}” means; every mention of the name follows"
            ))
            .clicked()
        {
            action = Some(Action::ShowPlaceChoices(
                open.is_none().then(|| place_choices(here, &words)),
            ));
        }
        if ui
            .add_enabled(here.stop > 0, egui::Button::new("Earlier").small())
            .on_hover_text("Move this stop one place earlier in the route (Ctrl+Z undoes)")
            .on_disabled_hover_text("This is the first stop")
            .clicked()
        {
            action = Some(Action::MoveStop { at: here, by: -1 });
        }
        if ui
            .add_enabled(
                here.stop + 1 < route_len,
                egui::Button::new("Later").small(),
            )
            .on_hover_text("Move this stop one place later in the route (Ctrl+Z undoes)")
            .on_disabled_hover_text("This is the last stop")
            .clicked()
        {
            action = Some(Action::MoveStop { at: here, by: 1 });
        }
    });
    if let Some(act) = date_ui(ui, stop, here) {
        action = Some(act);
    }
    if let Some(choices) = open
        && let Some(act) = place_choices_ui(ui, stop, choices, &words)
    {
        action = Some(act);
    }
    action
}

/// The date field of the selected stop, with its message when what was typed is no date.
fn date_ui(ui: &mut Ui, stop: &Stop, here: StopRef) -> Option<Action> {
    let key = stop.mentions.first().map(|m| m.start);
    let mut field = Field::load(ui, egui::Id::unique(("stop-date", key)));
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label("Date");
        let hint = stop.when.as_ref().and_then(|w| w.earliest).map_or_else(
            || "YYYY-MM-DD HH:MM".to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut field.text)
                    .hint_text(hint)
                    .desired_width(130.0),
            )
            .labelled_by(label.id)
            .on_hover_text("The day of this stop, YYYY-MM-DD, with a time of day if known (HH:MM)");
        if edit.changed() {
            field.error = None;
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .small_button("Set date")
            .on_hover_text(
                "Give this stop the date typed; the route is ordered again (Ctrl+Z undoes)",
            )
            .clicked()
            || entered
        {
            match crate::project::parse_stop_date(&field.text) {
                Ok((date, time)) => {
                    action = Some(Action::SetDate {
                        at: here,
                        date,
                        time,
                    });
                    field.text.clear();
                    field.error = None;
                }
                Err(message) => field.error = Some(message),
            }
        }
    });
    field.store(ui);
    action
}

/// What was typed in a one-line field and the message about it, kept between frames.
pub(super) struct Field {
    id: egui::Id,
    /// What was typed.
    pub text: String,
    /// Why what was typed cannot be taken, if it cannot.
    pub error: Option<String>,
}

impl Field {
    /// The field kept under `id`, empty the first time.
    pub(super) fn load(ui: &Ui, id: egui::Id) -> Field {
        Field {
            id,
            text: ui.data(|d| d.get_temp(id)).unwrap_or_default(),
            error: ui.data(|d| d.get_temp(id.with("error"))),
        }
    }

    /// Shows the message, if any, and keeps the field for the next frame.
    pub(super) fn store(self, ui: &mut Ui) {
        if let Some(message) = &self.error {
            ui.label(RichText::new(message).color(style::ERROR));
        }
        let error_id = self.id.with("error");
        ui.data_mut(|d| {
            d.insert_temp(self.id, self.text);
            if let Some(e) = self.error {
                d.insert_temp(error_id, e);
            } else {
                d.remove::<String>(error_id);
            }
        });
    }
}

/// The list of places the stop's name could mean, with a search box for any other name.
fn place_choices_ui(
    ui: &mut Ui,
    stop: &Stop,
    choices: &PlaceChoices,
    words: &str,
) -> Option<Action> {
    let here = choices.at;
    let mut action = None;
    Frame::new()
        .stroke(Stroke::new(
            1.0,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        ))
        .corner_radius(4.0)
        .inner_margin(Margin::same(6))
        .show(ui, |ui| {
            let id = egui::Id::unique(("place-search", here.actor, here.stop));
            if let Some(query) = name_search(ui, id, ("Look up", "Search"), words, 140.0) {
                action = Some(Action::ShowPlaceChoices(Some(place_choices(here, &query))));
            }
            if choices.candidates.is_empty() {
                no_place_called(ui, &choices.query);
            }
            for (i, candidate) in choices.candidates.iter().enumerate() {
                let current = candidate.id == stop.place.id;
                // numbered as on the map
                let label = format!("{}. {}", i + 1, candidate_label(candidate));
                if ui
                    .selectable_label(current, label)
                    .on_hover_text(if current {
                        "The place shown now".to_owned()
                    } else {
                        format!(
                            "“{words}” means this place, here and everywhere in the article \
                             (Ctrl+Z undoes)"
                        )
                    })
                    .clicked()
                    && !current
                {
                    action = Some(Action::ChoosePlace {
                        at: here,
                        place: candidate.clone(),
                    });
                }
            }
        });
    action
}

/// Shows the stop cards of every visible actor; returns a selection when one was clicked.
/// `scroll` brings the selected card into view (when the selection just changed).
pub fn cards_ui(ui: &mut Ui, state: &State, scroll: bool) -> Option<Action> {
    let analysis = state.analysis()?;
    if analysis.actors.iter().all(|a| a.stops.is_empty()) {
        ui.label(RichText::new("No journey found in this text.").weak());
        let unresolved = analysis
            .places
            .iter()
            .filter(|p| p.resolved.is_none())
            .count();
        ui.label(
            RichText::new(format!(
                "{} places named, {} not found in the gazetteer; {} time expressions.",
                analysis.places.len(),
                unresolved,
                analysis.times.len()
            ))
            .weak()
            .small(),
        );
        return None;
    }
    let mut action = None;
    for (a, actor) in analysis.actors.iter().enumerate() {
        if !state.is_visible(a) || actor.stops.is_empty() {
            continue;
        }
        if analysis.actors.len() > 1 {
            ui.label(
                RichText::new(&actor.name)
                    .strong()
                    .color(style::actor_colour(a)),
            );
        }
        for (s, stop) in actor.stops.iter().enumerate() {
            let here = StopRef { actor: a, stop: s };
            let selected = state.selected == Some(here);
            // A card scrolled out of sight only takes up the height it had when last drawn:
            // a long route costs no layout for the cards nobody sees.
            let height_id = ui.scope_id().with(("card-height", a, s));
            let known: Option<f32> = ui.data(|d| d.get_temp(height_id));
            if let Some(height) = known
                && !(selected && scroll)
            {
                let width = ui.available_width();
                let spot = egui::Rect::from_min_size(ui.cursor().min, vec2(width, height));
                if !ui.is_rect_visible(spot) {
                    ui.allocate_space(vec2(width, height));
                    continue;
                }
            }
            let top = ui.cursor().min.y;
            if let Some(act) = card(ui, state, stop, here, selected, scroll) {
                action = Some(act);
            }
            if selected && let Some(act) = corrections_ui(ui, state, stop, here, actor.stops.len())
            {
                action = Some(act);
            }
            let height = ui.min_rect().bottom() - top;
            ui.data_mut(|d| d.insert_temp(height_id, height));
        }
        ui.add_space(style::GAP);
    }
    action
}

fn card(
    ui: &mut Ui,
    state: &State,
    stop: &Stop,
    here: StopRef,
    selected: bool,
    scroll: bool,
) -> Option<Action> {
    let colour = style::actor_colour(here.actor);
    let visuals = ui.visuals();
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.35)
    } else {
        visuals.faint_bg_color
    };
    let stroke = if selected {
        Stroke::new(2.0, colour)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let inner = Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(vec2(24.0, 24.0), Sense::hover());
                ui.painter().circle_filled(r.center(), 12.0, colour);
                ui.painter().text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    (here.stop + 1).to_string(),
                    FontId::proportional(12.0),
                    style::ON_DARK,
                );
                ui.vertical(|ui| {
                    let mut title = stop.place.name.clone();
                    if let Some(cc) = &stop.place.country {
                        let _ = write!(title, " ({cc})");
                    }
                    ui.label(RichText::new(title).strong().size(15.0));
                    ui.horizontal_wrapped(|ui| {
                        if let Some(when) = when_label(stop) {
                            ui.label(when);
                        } else {
                            ui.label(RichText::new("date not given").weak());
                        }
                        badge(ui, stop.status.label(), style::status_colour(stop.status));
                        if stop.approximate {
                            ui.label(RichText::new("approximate point").weak())
                                .on_hover_text(
                                    "Worked out from a distance and a bearing or a compass \
                                     part of an area, not a place's own point",
                                );
                        }
                    });
                });
            });
            // several articles: each one's sources and quotes, and days that differ
            if super::articles::told_ui(ui, state, here).is_none() {
                if !stop.sources.is_empty() {
                    ui.label(
                        RichText::new(format!("According to {}", stop.sources.join(", "))).small(),
                    );
                }
                if let Some(e) = stop.evidence.first() {
                    ui.label(RichText::new(quotation(&e.quote, 220)).italics().weak());
                }
            }
            if !stop.alternatives.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "{} other account(s) differ",
                        stop.alternatives.len()
                    ))
                    .small(),
                );
            }
        });
    let response = ui.interact(
        inner.response.rect,
        ui.scope_id().with(("card", here.actor, here.stop)),
        Sense::click(),
    );
    let name = format!("Stop {}: {}", here.stop + 1, stop.place.name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if selected && scroll {
        ui.scroll_to_rect(inner.response.rect, Some(Align::Center));
    }
    let response = response.on_hover_text("Show this stop on the map and in the text");
    response.clicked().then_some(Action::Select(here))
}

/// A box to look up any name in the gazetteer, labelled `label` with its `button`: the name
/// typed when the button is clicked or Enter pressed (the box keeps what is typed under
/// `id` between frames).
pub(super) fn name_search(
    ui: &mut Ui,
    id: egui::Id,
    (label, button): (&str, &str),
    hint: &str,
    width: f32,
) -> Option<String> {
    let mut asked = None;
    ui.horizontal(|ui| {
        let mut query: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let label = ui.label(label);
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text(hint)
                    .desired_width(width),
            )
            .labelled_by(label.id)
            .on_hover_text("Any place name the gazetteer knows");
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui
            .small_button(button)
            .on_hover_text("List the gazetteer's places of this name")
            .clicked()
            || entered)
            && !query.trim().is_empty()
        {
            asked = Some(query.clone());
        }
        ui.data_mut(|d| d.insert_temp(id, query));
    });
    asked
}

/// Says the gazetteer has no place of the name looked up.
pub(super) fn no_place_called(ui: &mut Ui, query: &str) {
    ui.label(
        RichText::new(format!("The gazetteer knows no place called “{query}”")).color(style::ERROR),
    );
}

fn badge(ui: &mut Ui, text: &str, colour: Color32) {
    Frame::new()
        .fill(colour)
        .corner_radius(8.0)
        .inner_margin(Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(style::ON_DARK));
        });
}

/// The timeline of the active actor: one tick per stop (spaced by date when the dates allow)
/// and a scrubber; returns a selection when moved.
pub fn timeline_ui(ui: &mut Ui, state: &State) -> Option<Action> {
    let analysis = state.analysis()?;
    let actor = analysis.actors.get(state.active_actor)?;
    let n = actor.stops.len();
    if n == 0 {
        ui.label(RichText::new("No stops to play").weak());
        return None;
    }
    let mut action = None;
    let positions = positions(actor.stops.as_slice());
    let colour = style::actor_colour(state.active_actor);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), 40.0), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    let x = |t: f32| rect.left() + 14.0 + t * (rect.width() - 28.0);
    let y = rect.top() + 10.0;
    painter.line_segment(
        [egui::pos2(x(0.0), y), egui::pos2(x(1.0), y)],
        Stroke::new(2.0, ui.visuals().weak_text_color()),
    );
    let current = state
        .selected
        .filter(|s| s.actor == state.active_actor)
        .map(|s| s.stop);
    if let Some(c) = current {
        painter.line_segment(
            [egui::pos2(x(0.0), y), egui::pos2(x(positions[c]), y)],
            Stroke::new(3.0, colour),
        );
    }
    for (i, _) in actor.stops.iter().enumerate() {
        let r = if Some(i) == current { 7.0 } else { 4.5 };
        painter.circle_filled(egui::pos2(x(positions[i]), y), r, colour);
    }
    // Labels: the current stop's first, then the others left to right, each only where it
    // has room, so that they never overlap or run off the strip.
    let mut taken: Vec<egui::Rect> = Vec::new();
    let order = current
        .into_iter()
        .chain((0..n).filter(|&i| Some(i) != current));
    for i in order {
        // Past the current label, the others come left to right: one that starts under the
        // last label drawn has no room, and is skipped before it is laid out.
        if taken.len() > 1
            && taken
                .last()
                .is_some_and(|t| x(positions[i]) < t.right() + 8.0)
        {
            continue;
        }
        let stop = &actor.stops[i];
        let text = match short_date(stop) {
            Some(date) => format!("{} · {date}", i + 1),
            None => (i + 1).to_string(),
        };
        let strong = Some(i) == current;
        let colour = if strong {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().text_color()
        };
        let galley = painter.layout_no_wrap(text, FontId::proportional(11.0), colour);
        let size = galley.size();
        let left = (x(positions[i]) - size.x / 2.0).clamp(
            rect.left() + 2.0,
            // a strip narrower than the label (a frame of a window being resized) keeps
            // it at the left rather than panic on bounds the wrong way round
            (rect.right() - 2.0 - size.x).max(rect.left() + 2.0),
        );
        let at = egui::Rect::from_min_size(egui::pos2(left, y + 9.0), size);
        if taken
            .iter()
            .any(|t| t.expand2(vec2(6.0, 0.0)).intersects(at))
        {
            continue;
        }
        taken.push(at);
        painter.galley(at.min, galley, colour);
    }
    if (response.clicked() || response.dragged())
        && let Some(pos) = response.interact_pointer_pos()
    {
        let t = ((pos.x - x(0.0)) / (x(1.0) - x(0.0))).clamp(0.0, 1.0);
        let nearest = (0..n)
            .min_by(|&a, &b| {
                (positions[a] - t)
                    .abs()
                    .total_cmp(&(positions[b] - t).abs())
            })
            .unwrap_or(0);
        if Some(nearest) != current {
            action = Some(Action::Select(StopRef {
                actor: state.active_actor,
                stop: nearest,
            }));
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Timeline"));
    response.on_hover_text("Click or drag to scrub through the stops");
    action
}

/// Where each stop sits on the timeline in `0..=1`: by date when at least two stops are
/// dated and the dates run forwards, else evenly.
#[must_use]
#[expect(clippy::similar_names, reason = "t0 and t1 bound the timeline")]
pub fn positions(stops: &[Stop]) -> Vec<f32> {
    let n = stops.len();
    let even = |i: usize| {
        if n > 1 {
            i as f32 / (n - 1) as f32
        } else {
            0.5
        }
    };
    let dates: Vec<Option<i64>> = stops
        .iter()
        .map(|s| {
            s.when
                .as_ref()
                .and_then(|w| w.earliest)
                .map(|d| d.and_utc().timestamp())
        })
        .collect();
    let known: Vec<(usize, i64)> = dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
        .collect();
    let forwards = known.windows(2).all(|w| w[0].1 <= w[1].1);
    if known.len() < 2 || !forwards || known.first().map(|k| k.1) == known.last().map(|k| k.1) {
        return (0..n).map(even).collect();
    }
    let (t0, t1) = (known[0].1 as f64, known[known.len() - 1].1 as f64);
    // Dated stops by date (blended with their rank so same-day stops do not collide),
    // undated ones in between their neighbours.
    let mut out: Vec<Option<f32>> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            d.map(|d| (0.7 * ((d as f64 - t0) / (t1 - t0)) as f32 + 0.3 * even(i)).clamp(0.0, 1.0))
        })
        .collect();
    let dated = out.clone();
    for (index, slot) in out.iter_mut().enumerate() {
        if slot.is_none() {
            let before = (0..index).rev().find_map(|j| dated[j].map(|pos| (j, pos)));
            let after = (index + 1..n).find_map(|j| dated[j].map(|pos| (j, pos)));
            *slot = Some(match (before, after) {
                (Some((j, from)), Some((k, to))) => {
                    from + (to - from) * (index - j) as f32 / (k - j) as f32
                }
                (Some((_, from)), None) => from + (1.0 - from) * 0.5,
                (None, Some((_, to))) => to * 0.5,
                (None, None) => even(index),
            });
        }
    }
    out.into_iter().map(|p| p.unwrap_or(0.0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::three_stop_analysis;

    #[test]
    fn times_read_like_a_newspaper() {
        let mut stop = three_stop_analysis().actors[0].stops[0].clone();
        let table = [
            ("2025-06-04", "4 June 2025"),
            ("2025-06-04TMO", "4 June 2025 morning"),
            ("2025-06-04T13:10", "4 June 2025, 13:10"),
            ("2025-06", "June 2025"),
            ("XXXX-09-12", "12 September"),
            ("XXXX-09-12TMO", "12 September morning"),
            ("XXXX-09", "September"),
            ("XXXX-WXX-4", "Thursday"),
            ("XXXX-WXX-1TMO", "Monday morning"),
            ("PAST_REF", "PAST_REF"),
        ];
        for (value, expected) in table {
            stop.when.as_mut().unwrap().value = value.into();
            assert_eq!(when_label(&stop).as_deref(), Some(expected), "{value}");
        }
    }

    #[test]
    fn the_timeline_gives_a_day_or_a_weekday() {
        let mut stop = three_stop_analysis().actors[0].stops[0].clone();
        for (value, expected) in [
            ("2025-06-06", Some("6 Jun")),
            ("XXXX-09-12TMO", Some("12 Sep")),
            ("XXXX-WXX-4", Some("Thu")),
            ("PAST_REF", None),
        ] {
            stop.when.as_mut().unwrap().value = value.into();
            assert_eq!(short_date(&stop).as_deref(), expected, "{value}");
        }
    }

    #[test]
    fn quotations_do_not_double_their_quote_marks() {
        let table = [
            ("She arrived.", 100, "“She arrived.”"),
            (
                "\"Ukraine is fighting,\" he said. ",
                100,
                "“Ukraine is fighting,\" he said.”",
            ),
            ("“We urge calm.”", 100, "“We urge calm.”"),
            ("abcdefghij", 5, "“abcd…”"),
        ];
        for (sentence, max, expected) in table {
            assert_eq!(quotation(sentence, max), expected, "{sentence}");
        }
    }

    #[test]
    fn dated_stops_spread_by_date_and_stay_in_order() {
        let stops = three_stop_analysis().actors[0].stops.clone();
        let p = positions(&stops);
        assert!(p.windows(2).all(|w| w[0] < w[1]), "{p:?}");
        assert!(p[0].abs() < 1e-6 && (p[2] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn undated_stops_are_evenly_spaced() {
        let mut stops = three_stop_analysis().actors[0].stops.clone();
        for s in &mut stops {
            s.when = None;
        }
        assert_eq!(positions(&stops), vec![0.0, 0.5, 1.0]);
    }
}
