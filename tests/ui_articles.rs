//! Several articles in one window, driven with `egui_kittest`: added, merged into one
//! route, switched between, corrected, saved and reopened. The pipeline is a stand-in: a
//! text that names Sofia is the second article about the envoy, anything else the first.
#![cfg(feature = "gui")]

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use itinera::ingest::Document;
use itinera::ui::loader::Analyzer;
use itinera::ui::state::{Action, Input, Settings, StopRef};
use itinera::ui::testing::{second_article_analysis, three_stop_analysis};
use itinera::ui::{App, AppConfig};

const FIRST_TITLE: &str = "Envoy on the Danube";
const SECOND_TITLE: &str = "Envoy reaches Sofia";

fn fake_pipeline() -> Analyzer {
    Arc::new(|doc: &Document, _| {
        if doc.text.contains("Sofia") {
            second_article_analysis()
        } else {
            three_stop_analysis()
        }
    })
}

/// [`fake_pipeline`] whose second article calls the envoy "Minister": an actor of its own.
fn minister_pipeline() -> Analyzer {
    Arc::new(|doc: &Document, _| {
        if doc.text.contains("Sofia") {
            let mut second = second_article_analysis();
            second.actors[0].name = "Minister".into();
            second
        } else {
            three_stop_analysis()
        }
    })
}

fn harness_with(analyzer: Analyzer) -> Harness<'static, App> {
    let ctx = egui::Context::default();
    let app = App::new(&ctx, Settings::default(), AppConfig::offline(analyzer));
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// Steps frames until `done` holds (background work needs wall time).
fn step_until(h: &mut Harness<'static, App>, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}; error: {:?}",
            h.state().state.error
        );
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn route(app: &App) -> Vec<String> {
    itinera::ui::testing::route_names(&app.state, 0)
}

/// A window showing the first article with the second dropped on it and added.
fn two_articles(dir: &Path) -> Harness<'static, App> {
    two_articles_with(dir, fake_pipeline())
}

/// [`two_articles`] analysed by `analyzer`.
fn two_articles_with(dir: &Path, analyzer: Analyzer) -> Harness<'static, App> {
    let mut h = harness_with(analyzer);
    h.state_mut()
        .show_analysis("envoy.txt", three_stop_analysis());
    h.run();
    let path = dir.join("sofia.txt");
    std::fs::write(&path, second_article_analysis().text).expect("the article written");
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    h.step();
    h.run();
    // nothing happens until the user chooses
    assert_eq!(h.state().state.articles().len(), 1);
    h.get_by_label("Add sofia.txt?");
    h.get_by_label("Open instead");
    h.get_by_label("Add to this project").click();
    step_until(&mut h, "the second article", |app| {
        app.state.articles().len() == 2 && app.state.loading.is_none()
    });
    h
}

#[test]
fn two_articles_make_one_route_with_sources_and_days_from_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_articles(dir.path());
    assert_eq!(
        route(h.state()),
        ["Vienna", "Budapest", "Belgrade", "Sofia"]
    );
    h.get_by_label_contains("2 articles merged");
    h.get_by_label("Stop 4: Sofia");
    h.get_by_label("Stop 3: Belgrade").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 2 }));
    let told = state.told(StopRef { actor: 0, stop: 2 }).unwrap();
    assert_eq!(told.articles(), [0, 1]);
    // the card: each article's quote under its title, and the two days side by side
    h.get_by_label("Days differ");
    assert_eq!(
        h.query_all_by_label("8 June 2025").count(),
        2,
        "the card's day and the first article's beside the other"
    );
    h.get_by_label("9 June 2025");
    h.get_by_label_contains("“Officials said she is expected in Belgrade");
    h.get_by_label_contains("“The envoy arrived in Belgrade on June 9");
    assert!(
        h.query_all_by_label(SECOND_TITLE).count() >= 3,
        "tab, heading, card"
    );
    assert!(
        h.query_all_by_label("According to officials").count() >= 2,
        "one source line for each article"
    );
}

#[test]
fn the_article_pane_switches_between_articles_and_follows_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_articles(dir.path());
    let first = three_stop_analysis().text;
    let second = second_article_analysis().text;
    // the added article is shown first
    assert_eq!(h.state().state.shown_article, 1);
    h.get_by_label(&second);
    assert!(h.query_by_label(&first).is_none());
    // its tab (drawn before the heading of the same title)
    h.query_all_by_label(FIRST_TITLE).next().unwrap().click();
    h.run();
    assert_eq!(h.state().state.shown_article, 0);
    h.get_by_label(&first);
    assert!(h.query_by_label(&second).is_none());
    // a stop only the second article tells brings it back, its mention highlighted
    h.get_by_label("Stop 4: Sofia").click();
    h.run();
    assert_eq!(h.state().state.shown_article, 1);
    h.get_by_label(&second);
    // (the toolbar's First: Vienna's card may have scrolled out of the itinerary)
    h.get_by_label("First").click();
    h.run();
    assert_eq!(h.state().state.shown_article, 0);
}

fn saved(app: &App) -> bool {
    !app.state.dirty() && app.state.project_path.is_some() && !app.state.saving()
}

fn reopen(path: &Path) -> Harness<'static, App> {
    reopen_with(path, fake_pipeline())
}

fn reopen_with(path: &Path, analyzer: Analyzer) -> Harness<'static, App> {
    let mut h = harness_with(analyzer);
    h.state_mut()
        .act(Action::Open(Input::Path(path.to_path_buf())));
    step_until(&mut h, "the project to open", |app| {
        app.state.loading.is_none() && !app.map.gliding()
    });
    h
}

#[test]
fn a_project_of_two_articles_reopens_as_it_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = two_articles(dir.path());
    h.get_by_label("Stop 3: Belgrade").click();
    h.run();
    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the save", saved);
    let before = h.state().state.project_snapshot().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["articles"][1]["name"], "sofia.txt");
    assert_eq!(
        json["articles"][1]["source"],
        dir.path().join("sofia.txt").display().to_string()
    );
    drop(h);

    let mut again = reopen(&path);
    let app = again.state();
    assert_eq!(app.state.articles().len(), 2);
    assert_eq!(app.state.articles()[0].name, "envoy.txt");
    assert_eq!(app.state.articles()[1].name, "sofia.txt");
    assert_eq!(route(app), ["Vienna", "Budapest", "Belgrade", "Sofia"]);
    assert_eq!(app.state.selected, Some(StopRef { actor: 0, stop: 2 }));
    assert_eq!(app.state.project_snapshot().unwrap(), before);
    assert!(!app.state.dirty());
    again.get_by_label("Days differ");
    // idle frames write nothing
    again.run();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_correction_of_the_second_article_is_applied_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = two_articles(dir.path());
    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the first save", saved);
    h.get_by_label("Stop 4: Sofia").click();
    h.run();
    h.get_by_label("Not a stop").click();
    h.run();
    assert_eq!(route(h.state()), ["Vienna", "Budapest", "Belgrade"]);
    step_until(&mut h, "the autosave", saved);
    drop(h);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["corrections"][0]["article"], 1);
    assert_eq!(json["corrections"][0]["mention"], "Sofia");

    let mut again = reopen(&path);
    assert_eq!(route(again.state()), ["Vienna", "Budapest", "Belgrade"]);
    assert!(again.query_by_label("Stop 4: Sofia").is_none());
    let applied: Vec<bool> = again
        .state()
        .state
        .corrections()
        .map(|(_, applied)| applied)
        .collect();
    assert_eq!(applied, [true]);
    // Edit ▸ Undo has no history after reopening; removing the second article is undone
    again.state_mut().act(Action::RemoveArticle(1));
    again.run();
    assert_eq!(again.state().state.articles().len(), 1);
    assert_eq!(again.state().state.corrections().count(), 0);
    again.get_by_label("Edit").click();
    again.run();
    again.get_by_label("Undo").click();
    again.run();
    assert_eq!(again.state().state.articles().len(), 2);
    assert_eq!(route(again.state()), ["Vienna", "Budapest", "Belgrade"]);
}

fn shows(h: &Harness<'static, App>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

fn actor_names(app: &App) -> Vec<String> {
    itinera::ui::testing::actor_names(&app.state)
}

/// Presses the pointer at `from`, moves it to `to` and lets go there.
fn drag(h: &mut Harness<'static, App>, from: egui::Pos2, to: egui::Pos2) {
    h.drag_at(from);
    h.step();
    h.hover_at(from.lerp(to, 0.5));
    h.step();
    h.drop_at(to);
    h.run();
}

/// Types `text` into the field labelled `label` (emptied first).
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    let field = || egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(field(), label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(field(), label).type_text(text);
    h.run();
}

#[test]
fn words_selected_in_the_second_article_become_a_stop_of_the_merged_route_kept_on_reopening() {
    use itinera::ui::itinerary::candidate_label;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = two_articles(dir.path());
    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the first save", saved);
    assert_eq!(h.state().state.shown_article, 1, "the second article's tab");
    // "officials" in the second article: told after its Belgrade, before its Sofia
    let second = h.state().state.article_range(1).unwrap();
    let local = second_article_analysis().text.find("officials").unwrap();
    let words = itinera::Span::new(second.start + local, second.start + local + 9);
    // a byte of the first article is not drawn in the second's tab
    assert!(h.state().article.text_pos(3).is_none());
    let from = h.state().article.text_pos(words.start + 2).unwrap();
    let to = h.state().article.text_pos(words.end - 2).unwrap();
    drag(&mut h, from, to);
    assert_eq!(h.state().state.text_selection, Some(words));
    assert!(shows(&h, "“officials”"));
    h.get_by_label("Add as stop").click();
    h.run();
    type_into(&mut h, "Place name", "Niš");
    h.get_by_label("Find").click();
    h.run();
    let choices = h.state().state.stop_choices.clone().expect("the list");
    let (i, nis) = choices
        .candidates
        .iter()
        .enumerate()
        .find(|(_, c)| c.country.as_deref() == Some("RS"))
        .expect("Niš, Serbia");
    let nis = nis.clone();
    h.get_by_label(&format!("{}. {}", i + 1, candidate_label(&nis)))
        .click();
    h.run();
    let merged = ["Vienna", "Budapest", "Belgrade", nis.name.as_str(), "Sofia"];
    assert_eq!(route(h.state()), merged);
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 3 }),
        "the new stop is selected"
    );
    h.get_by_label(&format!("Stop 4: {}", nis.name));
    step_until(&mut h, "the autosave", saved);
    drop(h);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 3);
    assert_eq!(json["corrections"][0]["article"], 1);
    assert_eq!(json["corrections"][0]["span"]["start"], local);
    assert_eq!(json["corrections"][0]["mention"], "officials");

    let again = reopen(&path);
    assert_eq!(route(again.state()), merged);
    assert!(
        again
            .state()
            .state
            .corrections()
            .all(|(_, applied)| applied)
    );
}

#[test]
fn an_actor_of_the_second_article_merges_into_one_of_the_first_and_stays_merged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = two_articles_with(dir.path(), minister_pipeline());
    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the first save", saved);
    assert_eq!(actor_names(h.state()), ["Envoy", "Minister", "Deputy"]);
    h.get_by_label("Stop 2: Sofia").click();
    h.run();
    h.get_by_label("Merge into…").click();
    h.run();
    h.get_by_label("Envoy · 3 stops").click();
    h.run();
    assert_eq!(actor_names(h.state()), ["Envoy", "Deputy"]);
    assert_eq!(
        route(h.state()),
        ["Vienna", "Budapest", "Belgrade", "Sofia"]
    );
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 3 }),
        "still Sofia"
    );
    // Belgrade, told by both, says so on its card
    h.get_by_label("Stop 3: Belgrade").click();
    h.run();
    h.get_by_label("Days differ");
    step_until(&mut h, "the autosave", saved);
    drop(h);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let merge = &json["corrections"][0];
    assert_eq!(merge["article"], 1);
    assert_eq!(merge["mention"], "envoy");
    assert_eq!(
        merge["kind"],
        serde_json::json!({"merge_actors": {
            "into": {"start": 4, "end": 9},
            "into_mention": "envoy"
        }}),
        "the first article's envoy: no article index written"
    );

    let mut again = reopen_with(&path, minister_pipeline());
    assert_eq!(actor_names(again.state()), ["Envoy", "Deputy"]);
    assert_eq!(
        route(again.state()),
        ["Vienna", "Budapest", "Belgrade", "Sofia"]
    );
    // removing the second article takes the merge with it; undo brings both back
    again.state_mut().act(Action::RemoveArticle(1));
    again.run();
    assert_eq!(again.state().state.corrections().count(), 0);
    again.get_by_label("Edit").click();
    again.run();
    again.get_by_label("Undo").click();
    again.run();
    assert_eq!(actor_names(again.state()), ["Envoy", "Deputy"]);
}
