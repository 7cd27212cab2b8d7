//! The article panel: the text with places highlighted by role and times underlined.
//! Clicking a highlighted stop selects it; dragging over words, or clicking a place name
//! that is no stop, selects them for "Add as stop" ([`selection_ui`]).

use std::fmt::Write as _;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Frame, Galley, Margin, Pos2, Rect, RichText, Sense, Ui};

use super::state::{Action, OpenArticle, State, StopChoices, StopRef};
use super::style::{self, Highlight};
use crate::span::Span;

/// Longest text laid out in the panel, in bytes; the rest is summarised.
pub const MAX_SHOWN_BYTES: usize = 400_000;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    analysis: usize,
    article: usize,
    width: u32,
    dark: bool,
    selected: Option<StopRef>,
    visible: u64,
}

/// The article panel's state kept between frames: the laid-out text, rebuilt only when
/// the analysis, the width, the theme or the selection change.
#[derive(Default)]
pub struct ArticleView {
    cache: Option<(Key, Arc<Galley>)>,
    /// Byte offset of every char of the shown text, plus the end.
    char_starts: Vec<usize>,
    scrolled_to: Option<StopRef>,
    scrolled_article: usize,
    /// How many layouts were made (for tests of the cache).
    pub layouts: usize,
    /// Where the text was drawn in the last frame, and its layout.
    shown: Option<(Rect, Arc<Galley>)>,
    /// The bytes of the analysis's text drawn in the last frame: the article shown, up to
    /// [`MAX_SHOWN_BYTES`] of it.
    shown_range: std::ops::Range<usize>,
    /// The byte offset where a drag over the text began.
    drag_from: Option<usize>,
    /// The bytes dragged over so far, while the drag lasts.
    dragging: Option<Span>,
}

/// The article's reference date ("Dated"), with a field to set it (`YYYY-MM-DD`) and a button
/// to clear the one set, and a message when what was typed is no date. While an article is
/// being read (`busy`), neither button takes a click.
fn dated_ui(ui: &mut Ui, open: &OpenArticle, article: usize, busy: bool) -> Option<Action> {
    let raw = &open.raw;
    let mut field = super::itinerary::Field::load(ui, egui::Id::unique(("article-date", article)));
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Dated").small());
        match raw.reference_date {
            Some(date) => {
                let day = date.format("%-d %B %Y").to_string();
                // the publication date is on the line above: not said twice
                let (shown, how) = if Some(date) == raw.published {
                    ("as published".to_owned(), "the publication date")
                } else {
                    (day.clone(), "the date set here")
                };
                ui.label(RichText::new(shown).small())
                    .on_hover_text(format!(
                        "Weekdays and words like “yesterday” are read against {day} ({how})"
                    ));
            }
            None => {
                ui.label(RichText::new("no date").small().color(style::ERROR))
                    .on_hover_text(
                        "Without the article's date, weekdays and words like “yesterday” \
                         cannot be placed, and the route's order may be wrong: set it here",
                    );
            }
        }
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut field.text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            )
            .labelled_by(label.id)
            .on_hover_text("The article's date, YYYY-MM-DD: relative times are read against it");
        if edit.changed() {
            field.error = None;
        }
        let entered = !busy && edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(!busy, egui::Button::new("Set").small())
            .on_hover_text(
                "Read the article again against the date typed; the route follows \
                 (Ctrl+Z undoes)",
            )
            .on_disabled_hover_text("An article is being read: wait until it is shown")
            .clicked()
            || entered
        {
            match crate::project::parse_reference_date(&field.text) {
                Ok(date) => {
                    action = Some(Action::SetReferenceDate {
                        article,
                        date: Some(date),
                    });
                    field.text.clear();
                    field.error = None;
                }
                Err(message) => field.error = Some(message),
            }
        }
        if raw.reference_date.is_some()
            && raw.reference_date != raw.published
            && ui
                .add_enabled(!busy, egui::Button::new("Clear date").small())
                .on_hover_text(
                    "Forget the date set here: read the article against its publication \
                     date, if it gives one",
                )
                .clicked()
        {
            action = Some(Action::SetReferenceDate {
                article,
                date: None,
            });
        }
    });
    if raw.reference_date.is_none() && field.error.is_none() {
        ui.label(
            RichText::new("Weekdays cannot be placed without the article's date")
                .weak()
                .small(),
        );
    }
    field.store(ui);
    action
}

/// Builds the formatted text: `highlights` and `times` are sorted, non-overlapping spans;
/// `selected` words (and their background colour) are drawn over the highlights.
#[must_use]
pub fn layout_job(
    text: &str,
    highlights: &[(Span, Highlight)],
    times: &[Span],
    selected: Option<(Span, Color32)>,
    dark: bool,
    wrap_width: f32,
    text_colour: Color32,
) -> LayoutJob {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    if let Some((s, _)) = selected {
        cuts.extend([s.start, s.end]);
    }
    for (s, _) in highlights {
        cuts.extend([s.start, s.end]);
    }
    for s in times {
        cuts.extend([s.start, s.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let font = FontId::proportional(14.5);
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let (mut h, mut t) = (0, 0);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while h < highlights.len() && highlights[h].0.end <= a {
            h += 1;
        }
        while t < times.len() && times[t].end <= a {
            t += 1;
        }
        let mut format = TextFormat::simple(font.clone(), text_colour);
        if let Some((span, kind)) = highlights.get(h)
            && span.start <= a
            && b <= span.end
        {
            format.background = style::highlight_background(*kind, dark);
            if let Some(c) = style::highlight_text(*kind) {
                format.color = c;
            }
        }
        if times.get(t).is_some_and(|s| s.start <= a && b <= s.end) {
            format.underline = style::time_underline(dark);
        }
        if let Some((s, colour)) = selected
            && s.start <= a
            && b <= s.end
        {
            format.background = colour;
        }
        job.append(&text[a..b], 0.0, format);
    }
    job
}

fn hash_visible(state: &State) -> u64 {
    state
        .actor_visible
        .iter()
        .enumerate()
        .fold(0_u64, |acc, (i, v)| acc ^ (u64::from(*v) << (i % 64)))
}

/// Place highlights for the state: stops (selected one apart), other resolved places,
/// unresolved names. Sorted and non-overlapping.
#[must_use]
pub fn highlights(state: &State) -> Vec<(Span, Highlight)> {
    let Some(analysis) = state.analysis() else {
        return Vec::new();
    };
    let mut stop_spans: Vec<(Span, Highlight)> = Vec::new();
    for (a, actor) in analysis.actors.iter().enumerate() {
        if !state.is_visible(a) {
            continue;
        }
        for (s, stop) in actor.stops.iter().enumerate() {
            let kind = if state.selected == Some(StopRef { actor: a, stop: s }) {
                Highlight::Selected
            } else {
                Highlight::Stop
            };
            stop_spans.extend(stop.mentions.iter().map(|m| (*m, kind)));
        }
    }
    let mut out: Vec<(Span, Highlight)> = analysis
        .places
        .iter()
        .map(|p| {
            let kind = if p.resolved.is_some() {
                Highlight::Mentioned
            } else {
                Highlight::Unresolved
            };
            (p.span, kind)
        })
        .chain(stop_spans)
        .collect();
    // Stronger roles first at equal spans, then drop what overlaps an earlier kept span.
    let rank = |k: Highlight| match k {
        Highlight::Selected => 0,
        Highlight::Stop => 1,
        Highlight::Mentioned => 2,
        Highlight::Unresolved => 3,
    };
    out.sort_by_key(|(s, k)| (rank(*k), s.start, s.end));
    // the kept spans by start, so that an overlap is a look at the two neighbours (a text
    // of thousands of places is laid out every frame)
    let mut kept: std::collections::BTreeMap<usize, (Span, Highlight)> =
        std::collections::BTreeMap::new();
    for (span, kind) in out {
        if span.is_empty() || span.end > analysis.text.len() {
            continue;
        }
        let before = kept.range(..=span.start).next_back();
        let after = kept.range(span.start..).next();
        let overlaps = before.is_some_and(|(_, (k, _))| k.overlaps(span))
            || after.is_some_and(|(_, (k, _))| k.overlaps(span));
        if !overlaps {
            kept.insert(span.start, (span, kind));
        }
    }
    kept.into_values().collect()
}

impl ArticleView {
    /// Shows the article (with several, the one [`State::shown_article`] names, under
    /// their tabs); returns a selection when a stop mention was clicked.
    pub fn show(&mut self, ui: &mut Ui, state: &State) -> Option<Action> {
        let Some(current) = &state.current else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.label(egui::RichText::new("Drop an article here").heading());
                ui.label("or use File > Open article… or Paste article… (Ctrl+V)");
            });
            return None;
        };
        let analysis = &current.analysis;
        let tab = super::articles::tabs_ui(ui, state);
        // the article shown: its stretch of the text, its own title and date
        let range = state
            .article_range(state.shown_article)
            .unwrap_or(0..analysis.text.len());
        let own = state.articles().get(state.shown_article);
        let (title, name, published) = match own {
            Some(a) => (&a.raw.title, &a.name, a.raw.published),
            None => (&analysis.title, &current.name, analysis.published),
        };
        if let Some(title) = title {
            ui.label(egui::RichText::new(title).heading().strong());
        }
        let mut meta = name.clone();
        if let Some(date) = published {
            let _ = write!(meta, " · published {}", date.format("%-d %B %Y"));
        }
        ui.label(egui::RichText::new(meta).weak().small());
        let tab =
            tab.or(own.and_then(|a| dated_ui(ui, a, state.shown_article, state.loading.is_some())));
        legend(ui, ui.visuals().dark_mode);
        ui.separator();

        let dark = ui.visuals().dark_mode;
        let width = ui.available_width().max(100.0);
        let key = Key {
            analysis: Arc::as_ptr(analysis) as usize,
            article: range.start,
            width: width.round() as u32,
            dark,
            selected: state.selected,
            visible: hash_visible(state),
        };
        let article_text = &analysis.text[range.clone()];
        let shown_len = floor_boundary(article_text, MAX_SHOWN_BYTES);
        let start = range.start;
        // A galley holds positions in the font atlas, which egui rebuilds when fonts change
        // (system fonts for other scripts arrive a few frames after start), and a stale
        // galley draws garbage. egui's own galley cache is invalidated with the atlas, so lay
        // out through it every frame rather than keep our own copy across frames.
        self.cache = None;
        let galley = match &self.cache {
            Some((k, g)) if *k == key => g.clone(),
            _ => {
                let text = &article_text[..shown_len];
                let times: Vec<Span> =
                    within(analysis.times.iter().map(|t| t.span), start, shown_len).collect();
                let marks: Vec<(Span, Highlight)> = highlights(state)
                    .into_iter()
                    .filter_map(|(s, k)| Some((within([s], start, shown_len).next()?, k)))
                    .collect();
                // the words being dragged over, else those selected, if in this article
                let selected = self
                    .dragging
                    .or(state.text_selection)
                    .and_then(|s| within([s], start, shown_len).next())
                    .map(|s| (s, ui.visuals().selection.bg_fill));
                let job = layout_job(
                    text,
                    &marks,
                    &times,
                    selected,
                    dark,
                    width,
                    ui.visuals().text_color(),
                );
                let galley = ui.painter().layout_job(job);
                self.char_starts = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                self.layouts += 1;
                self.cache = Some((key, galley.clone()));
                galley
            }
        };
        let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click_and_drag());
        self.shown = Some((rect, galley.clone()));
        self.shown_range = start..start + shown_len;
        let label = article_text[..shown_len].to_owned();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        ui.painter()
            .galley(rect.min, galley.clone(), ui.visuals().text_color());
        if shown_len < article_text.len() {
            ui.label(
                egui::RichText::new(format!(
                    "… the rest of the text ({} kB) is analysed but not shown",
                    (article_text.len() - shown_len) / 1024
                ))
                .weak(),
            );
        }

        // Scroll to the selected stop's first mention in this article when the selection
        // or the article changes.
        if state.selected != self.scrolled_to || state.shown_article != self.scrolled_article {
            self.scrolled_to = state.selected;
            self.scrolled_article = state.shown_article;
            if let Some(stop) = state.selected.and_then(|s| state.stop(s))
                && let Some(m) = stop.mentions.iter().find(|m| range.contains(&m.start))
            {
                let at = self.char_index(m.start - start);
                let r = galley
                    .pos_from_cursor(CCursor::new(at))
                    .translate(rect.min.to_vec2());
                ui.scroll_to_rect(r.expand(40.0), Some(Align::Center));
            }
        }

        // an offset into the whole text shown, whichever article this is
        let offset_at = |pos: egui::Pos2| -> usize {
            let c = galley.cursor_from_pos(pos - rect.min);
            start + self.char_starts.get(c.index.0).copied().unwrap_or(0)
        };
        let place_at = |offset: usize| {
            analysis
                .places
                .iter()
                .find(|p| p.span.start <= offset && offset < p.span.end)
                .map(|p| p.span)
        };
        if let Some(pos) = response.hover_pos() {
            let offset = offset_at(pos);
            let icon = if state.stop_at_offset(offset).is_some() || place_at(offset).is_some() {
                egui::CursorIcon::PointingHand
            } else {
                egui::CursorIcon::Text
            };
            ui.ctx().set_cursor_icon(icon);
        }
        // dragging over words selects them
        if response.drag_started()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        {
            self.drag_from = Some(offset_at(origin));
        }
        if response.dragged()
            && let (Some(from), Some(pos)) = (self.drag_from, response.interact_pointer_pos())
        {
            let to = offset_at(pos);
            self.dragging = Some(Span::new(from.min(to), from.max(to)));
        }
        if response.drag_stopped() {
            self.drag_from = None;
            if let Some(dragged) = self.dragging.take() {
                // whole words of this article, as offsets into the whole text shown
                let local = within([dragged], start, shown_len).next();
                let words = local.map(|s| word_bounds(&article_text[..shown_len], s));
                let words = words
                    .filter(|w| !w.is_empty())
                    .map(|w| Span::new(w.start + start, w.end + start));
                return Some(Action::SelectText(words));
            }
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let offset = offset_at(pos);
            if state.stop_at_offset(offset).is_some() {
                return Some(Action::SelectAtOffset(offset));
            }
            // a place name the route left out: selected, to be added
            if let Some(span) = place_at(offset) {
                return Some(Action::SelectText(Some(span)));
            }
            if state.text_selection.is_some() {
                return Some(Action::SelectText(None));
            }
        }
        tab
    }

    /// Where on screen the character at byte `byte` of the analysis's text (with several
    /// articles, of their texts laid end to end) was drawn in the last frame (the middle
    /// of its line, at its left edge); `None` before the text was drawn or when the byte
    /// is not in the article shown.
    #[must_use]
    pub fn text_pos(&self, byte: usize) -> Option<Pos2> {
        let (rect, galley) = self.shown.as_ref()?;
        let range = &self.shown_range;
        if byte < range.start || byte > range.end {
            return None;
        }
        let cursor = galley.pos_from_cursor(CCursor::new(self.char_index(byte - range.start)));
        Some(rect.min + cursor.center().to_vec2())
    }

    fn char_index(&self, byte: usize) -> usize {
        self.char_starts.partition_point(|&b| b < byte)
    }
}

/// The spans that lie in the `len` bytes from `start`, moved to count from there.
fn within(
    spans: impl IntoIterator<Item = Span>,
    start: usize,
    len: usize,
) -> impl Iterator<Item = Span> {
    spans
        .into_iter()
        .filter(move |s| s.start >= start && s.end <= start + len)
        .map(move |s| Span::new(s.start - start, s.end - start))
}

/// True for the characters of a word: letters, digits, inner hyphens and apostrophes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')
}

/// `span` of `text` grown to whole words at both ends (a drag that starts or stops inside
/// a word takes all of it) and trimmed of the spaces and punctuation at its ends; empty
/// when it holds no word.
#[must_use]
pub fn word_bounds(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let before = |i: usize| text[..i].chars().next_back();
    let at = |i: usize| text[i..].chars().next();
    // grow over the word each end is inside
    while at(start).is_some_and(is_word_char)
        && let Some(c) = before(start).filter(|&c| is_word_char(c))
    {
        start -= c.len_utf8();
    }
    while before(end).is_some_and(is_word_char)
        && let Some(c) = at(end).filter(|&c| is_word_char(c))
    {
        end += c.len_utf8();
    }
    // trim what is no word at the ends
    while start < end
        && let Some(c) = at(start).filter(|&c| !c.is_alphanumeric())
    {
        start += c.len_utf8();
    }
    while start < end
        && let Some(c) = before(end).filter(|&c| !c.is_alphanumeric())
    {
        end -= c.len_utf8();
    }
    Span::new(start, end)
}

/// The gazetteer's places for `query`, best first (as "Wrong place?" lists them), for the
/// words at `span`.
#[must_use]
pub fn stop_choices(span: Span, query: &str) -> StopChoices {
    let query = query.trim();
    StopChoices {
        span,
        query: query.to_owned(),
        candidates: crate::gazetteer::Gazetteer::embedded()
            .lookup_top(query, super::itinerary::MAX_PLACE_CHOICES),
    }
}

/// Above the article: the words selected in it, with "Add as stop" (the places they could
/// mean, and a box to look up any other name) and "Clear". Nothing when none are selected.
pub fn selection_ui(ui: &mut Ui, state: &State) -> Option<Action> {
    let span = state.text_selection?;
    let analysis = state.analysis()?;
    let words = analysis.text.get(span.start..span.end)?;
    let traveller = if state.articles().len() > 1 {
        // the stop goes to its article's traveller before the articles are merged: the
        // actor shown that holds that one's first mention
        let (article, _) = state.locate(span)?;
        let start = state.article_range(article)?.start;
        let own = state.articles().get(article)?.raw.actors.first();
        own.and_then(|a| a.mentions.first())
            .map(|m| Span::new(m.start + start, m.end + start))
            .and_then(|m| analysis.actors.iter().find(|a| a.mentions.contains(&m)))
    } else {
        analysis.actors.first()
    };
    let already = traveller.is_some_and(|a| {
        a.stops
            .iter()
            .any(|s| s.mentions.iter().any(|m| m.overlaps(span)))
    });
    let who = traveller.map_or("the traveller", |a| a.name.as_str());
    let open = state.stop_choices.as_ref().filter(|c| c.span == span);
    let mut action = None;
    Frame::group(ui.style())
        .inner_margin(Margin::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let shown = super::itinerary::quotation(words, 60);
                ui.label(RichText::new(shown).strong());
                let add = ui
                    .add_enabled(
                        !already,
                        egui::Button::selectable(open.is_some(), "Add as stop"),
                    )
                    .on_hover_text(format!(
                        "{who} went to the place these words name: choose it, and it becomes a \
                         stop where the text tells it (Ctrl+Z undoes)"
                    ))
                    .on_disabled_hover_text(format!("These words are a stop of {who} already"));
                if add.clicked() {
                    action = Some(Action::ShowStopChoices(
                        open.is_none().then(|| stop_choices(span, words)),
                    ));
                }
                // the place mention the words are on, if any: it may name no place
                let mention = analysis
                    .places
                    .iter()
                    .find(|p| p.span.overlaps(span))
                    .map(|p| p.span);
                if let Some(mention) = mention
                    && ui
                        .small_button("Not a place")
                        .on_hover_text(format!(
                            "“{}” names no place here: no mention of it is a place (Ctrl+Z \
                             undoes)",
                            analysis
                                .text
                                .get(mention.start..mention.end)
                                .unwrap_or(words)
                        ))
                        .clicked()
                {
                    action = Some(Action::NotAPlaceWords(mention));
                }
                if ui
                    .small_button("Clear")
                    .on_hover_text("Select no words")
                    .clicked()
                {
                    action = Some(Action::SelectText(None));
                }
            });
            if let Some(choices) = open
                && let Some(act) = stop_choices_ui(ui, choices, words)
            {
                action = Some(act);
            }
        });
    action
}

/// The places the selected words could mean, numbered as on the map, with a box to look
/// up any other name.
fn stop_choices_ui(ui: &mut Ui, choices: &StopChoices, words: &str) -> Option<Action> {
    let span = choices.span;
    let mut action = None;
    let id = egui::Id::unique(("stop-search", span.start, span.end));
    if let Some(query) = super::itinerary::name_search(ui, id, ("Place name", "Find"), words, 160.0)
    {
        action = Some(Action::ShowStopChoices(Some(stop_choices(span, &query))));
    }
    if choices.candidates.is_empty() {
        super::itinerary::no_place_called(ui, &choices.query);
    }
    for (i, candidate) in choices.candidates.iter().enumerate() {
        let label = format!(
            "{}. {}",
            i + 1,
            super::itinerary::candidate_label(candidate)
        );
        if ui
            .selectable_label(false, label)
            .on_hover_text("The traveller went here: a new stop (Ctrl+Z undoes)")
            .clicked()
        {
            action = Some(Action::AddStop {
                span,
                place: candidate.clone(),
            });
        }
    }
    action
}

fn floor_boundary(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn legend(ui: &mut Ui, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (kind, label, tip) in [
            (Highlight::Stop, "Stop", "A place someone went to"),
            (
                Highlight::Mentioned,
                "Mentioned",
                "A place named but not visited",
            ),
            (
                Highlight::Unresolved,
                "Unresolved",
                "A place name not found in the gazetteer",
            ),
        ] {
            let text = egui::RichText::new(label)
                .small()
                .background_color(style::highlight_background(kind, dark));
            ui.label(text).on_hover_text(tip);
        }
        let mut underline =
            TextFormat::simple(FontId::proportional(11.0), ui.visuals().text_color());
        underline.underline = style::time_underline(dark);
        let mut job = LayoutJob::default();
        job.append("Time", 0.0, underline);
        ui.label(job).on_hover_text("A date or time expression");
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Stroke;

    #[test]
    fn the_layout_covers_the_text_exactly_once() {
        let text = "From Seoul to Москва on 1 May.";
        let seoul = Span::new(5, 10);
        let moscow = Span::new(14, 26);
        let may = Span::new(30, 35);
        let job = layout_job(
            text,
            &[(seoul, Highlight::Stop), (moscow, Highlight::Unresolved)],
            &[may],
            None,
            false,
            300.0,
            Color32::BLACK,
        );
        assert_eq!(job.text, text);
        let underlined: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.underline != Stroke::NONE)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(underlined, vec!["1 May"]);
    }

    #[test]
    fn spans_off_char_boundaries_are_ignored() {
        let text = "Москва";
        let job = layout_job(
            text,
            &[(Span::new(1, 3), Highlight::Stop)],
            &[],
            None,
            true,
            100.0,
            Color32::WHITE,
        );
        assert_eq!(job.text, text);
    }

    #[test]
    fn a_selection_is_grown_to_whole_words_and_trimmed() {
        let text = "She flew to Nuku’alofa, then São Tomé. Then home.";
        let check = |from: &str, len: usize, expect: &str| {
            let start = text.find(from).unwrap();
            let got = word_bounds(text, Span::new(start, start + len));
            assert_eq!(&text[got.start..got.end], expect, "{from:?} + {len}");
        };
        check("ku’al", 3, "Nuku’alofa");
        check(" Nuku", 5, "Nuku’alofa");
        check("Nuku’alofa, ", 14, "Nuku’alofa");
        check("o Tom", 4, "São Tomé");
        check("ão", 1, "São");
        check("é. Then", 7, "Tomé. Then");
        check(", then", 2, "");
        // out of the text, or off character boundaries: whole characters within it
        let end = word_bounds(text, Span::new(text.len() - 3, text.len() + 9));
        assert_eq!(&text[end.start..end.end], "home");
        let inside = text.find("ã").unwrap() + 1;
        let got = word_bounds(text, Span::new(inside, inside));
        assert_eq!(&text[got.start..got.end], "São");
    }

    #[test]
    fn long_texts_are_cut_on_a_char_boundary() {
        let text = "ж".repeat(10);
        assert_eq!(floor_boundary(&text, 5), 4);
        assert_eq!(floor_boundary("abc", 10), 3);
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::ui::testing::{long_text_analysis, state_with};

    #[test]
    fn every_place_is_highlighted_once_in_text_order_with_stops_first() {
        let mut analysis = long_text_analysis(3, 6);
        // a second place mention over the first stop's name: the stop wins
        let first = analysis.places[0].clone();
        analysis.places.push(first);
        let state = state_with(analysis);
        let marks = highlights(&state);
        assert_eq!(marks.len(), 6);
        assert!(marks.windows(2).all(|w| w[0].0.end <= w[1].0.start));
        assert_eq!(marks[0].1, Highlight::Selected);
        assert_eq!(marks[1].1, Highlight::Stop);
        assert!(marks[3..].iter().all(|(_, k)| *k == Highlight::Mentioned));
    }
}
