//! Several articles in the window: the article pane's tabs, the question a file dropped on
//! open work asks, and what a merged stop's card says of each article that tells it.
//! Nothing here is drawn while one article is shown.

use egui::{Frame, Margin, RichText, Stroke, Ui};

use super::itinerary::{quotation, when_label};
use super::state::{Action, State, StopRef};
use super::style;

/// The article pane's tabs, one per article (its title), with Remove for the one shown;
/// nothing when one article is shown.
pub fn tabs_ui(ui: &mut Ui, state: &State) -> Option<Action> {
    let articles = state.articles();
    if articles.len() < 2 {
        return None;
    }
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        for (i, article) in articles.iter().enumerate() {
            let shown = state.shown_article == i;
            let hint = match &article.source {
                Some(path) => format!("{} ({})", article.name, path.display()),
                None => article.name.clone(),
            };
            if ui
                .selectable_label(shown, short(article.label(), 40))
                .on_hover_text(format!("Show this article: {hint}"))
                .clicked()
                && !shown
            {
                action = Some(Action::ShowArticle(i));
            }
        }
    });
    ui.horizontal(|ui| {
        if ui
            .small_button("Add article…")
            .on_hover_text("Add another article about this journey to the project")
            .clicked()
        {
            action = Some(Action::AddArticleDialog);
        }
        if ui
            .small_button("Remove this article")
            .on_hover_text(
                "Take the article shown out of the project, with its corrections (Ctrl+Z \
                 undoes)",
            )
            .clicked()
        {
            action = Some(Action::RemoveArticle(state.shown_article));
        }
    });
    ui.separator();
    action
}

/// `text` cut at about `max` characters.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Asks what to do with a file dropped on open work: add it, or open it instead (the
/// usual question about unsaved work follows); nothing is lost either way.
#[must_use]
pub fn dropped_dialog(ctx: &egui::Context, state: &State) -> Option<Action> {
    let input = state.dropped.as_ref()?;
    let name = input.name();
    let mut action = None;
    let modal = egui::Modal::new(egui::Id::unique("dropped-dialog")).show(ctx, |ui| {
        ui.heading(format!("Add {name}?"));
        ui.label(
            "Add it to this project to see one route told by several articles, or open it \
             on its own instead.",
        );
        ui.horizontal(|ui| {
            if ui
                .button("Add to this project")
                .on_hover_text("Analyse it and merge its route with the articles shown")
                .clicked()
            {
                action = Some(Action::AddArticle(input.clone()));
            }
            if ui
                .button("Open instead")
                .on_hover_text("Show it alone; you are asked first if that would drop unsaved work")
                .clicked()
            {
                action = Some(Action::Open(input.clone()));
            }
            if ui
                .button("Cancel")
                .on_hover_text("Do nothing with the dropped file")
                .clicked()
            {
                action = Some(Action::DismissDropped);
            }
        });
    });
    if modal.should_close() && action.is_none() {
        action = Some(Action::DismissDropped);
    }
    action
}

/// What a merged stop's card says of the articles that tell it: each article's title with
/// its sources and quotes, and, where articles give the stop different days, those days
/// side by side. `None` when one article is shown (the card says it as it always did).
pub fn told_ui(ui: &mut Ui, state: &State, here: StopRef) -> Option<()> {
    let told = state.told(here)?;
    let stop = state.stop(here)?;
    let label = |d: usize| {
        state
            .articles()
            .get(d)
            .map_or_else(|| format!("Article {}", d + 1), |a| a.label().to_owned())
    };
    if !told.disagreements.is_empty() {
        ui.label(RichText::new("Days differ").small().color(style::ERROR))
            .on_hover_text("The articles give this stop different days");
        let days = std::iter::once((told.article, when_label(stop)))
            .chain(told.disagreements.iter().map(|(d, when)| {
                let mut dated = stop.clone();
                dated.when = Some(when.clone());
                (*d, when_label(&dated))
            }))
            .collect::<Vec<_>>();
        ui.columns(days.len(), |columns| {
            for (column, (d, day)) in columns.iter_mut().zip(&days) {
                Frame::new()
                    .stroke(Stroke::new(1.0, style::ERROR))
                    .corner_radius(4.0)
                    .inner_margin(Margin::same(4))
                    .show(column, |ui| {
                        ui.label(RichText::new(day.as_deref().unwrap_or("no day")).strong());
                        ui.label(RichText::new(label(*d)).small().weak());
                    });
            }
        });
    }
    for d in told.articles() {
        ui.label(RichText::new(label(d)).small().strong());
        let sources: Vec<&str> = told
            .sources
            .iter()
            .filter(|(s, _)| *s == d)
            .map(|(_, name)| name.as_str())
            .collect();
        if !sources.is_empty() {
            ui.label(RichText::new(format!("According to {}", sources.join(", "))).small());
        }
        for (_, evidence) in told.evidence.iter().filter(|(s, _)| *s == d) {
            ui.label(
                RichText::new(quotation(&evidence.quote, 220))
                    .italics()
                    .weak(),
            );
        }
    }
    Some(())
}
