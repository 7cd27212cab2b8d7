//! Projects, exports and corrections in the window, driven with `egui_kittest`. File
//! dialogs cannot run in tests: the path a dialog would give goes in through the same
//! `Action` the dialog sends.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use itinera::LatLon;
use itinera::export::Format;
use itinera::ui::loader::Analyzer;
use itinera::ui::state::{Action, Input, Settings, StopRef};
use itinera::ui::testing::three_stop_analysis;
use itinera::ui::{App, AppConfig};

fn fake_pipeline() -> Analyzer {
    Arc::new(|_, _| three_stop_analysis())
}

fn harness() -> Harness<'static, App> {
    harness_with(fake_pipeline())
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

/// A window showing the test route, its map at rest.
fn with_route() -> Harness<'static, App> {
    let mut h = harness();
    h.state_mut()
        .show_analysis("envoy.txt", three_stop_analysis());
    step_until(&mut h, "the fit", |app| !app.map.gliding());
    h
}

/// Opens `path` as a user would (a drop, the recent list and the dialog all send this).
fn open(h: &mut Harness<'static, App>, path: &Path) {
    h.state_mut()
        .act(Action::Open(Input::Path(path.to_path_buf())));
    step_until(h, "the project to open", |app| {
        app.state.loading.is_none() && !app.map.gliding()
    });
}

fn saved(app: &App) -> bool {
    !app.state.dirty() && app.state.project_path.is_some()
}

fn click_menu(h: &mut Harness<'static, App>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn a_project_saved_from_the_window_reopens_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.get_by_label("Stop 2: Budapest").click();
    step_until(&mut h, "the glide to Budapest", |app| {
        app.state.selected == Some(StopRef { actor: 0, stop: 1 }) && !app.map.gliding()
    });
    // The dialog's answer: the first save names the file (".itinera" is added).
    h.state_mut()
        .act(Action::SaveProjectAs(dir.path().join("envoy")));
    step_until(&mut h, "the first save", saved);
    assert_eq!(h.state().title(), "envoy — itinera");
    // after the first save, every change is written by itself
    h.get_by_label("Stop 3: Belgrade").click();
    h.step();
    // (the window's title follows on the next frame; by then the save may be done)
    assert_eq!(h.state().state.title(), "*envoy — itinera");
    step_until(&mut h, "the autosave", |app| {
        saved(app) && !app.map.gliding()
    });
    h.state_mut().map.center_on(LatLon::new(45.5, 20.25), 6.5);
    h.step();
    step_until(&mut h, "the view's autosave", saved);
    // and File ▸ Save project writes to the same file without asking
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    click_menu(&mut h, "File", "Save project");
    step_until(&mut h, "the menu's save", |app| {
        saved(app)
            && std::fs::metadata(app.state.project_path.as_ref().unwrap())
                .and_then(|m| m.modified())
                .is_ok_and(|t| t > before)
    });
    assert_eq!(h.state().state.settings.recent_projects, vec![path.clone()]);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["format"], "itinera-project");
    assert_eq!(json["selected"]["stop"], 2);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp files left"
    );

    let mut again = harness();
    open(&mut again, &path);
    let app = again.state();
    assert_eq!(app.state.selected, Some(StopRef { actor: 0, stop: 2 }));
    let center = app.map.center();
    assert!((center.lat - 45.5).abs() < 1e-6 && (center.lon - 20.25).abs() < 1e-6);
    assert!((app.map.zoom() - 6.5).abs() < 1e-6);
    assert_eq!(
        app.state.analysis().unwrap().text,
        three_stop_analysis().text
    );
    // a few idle frames later it is still unchanged, and nothing was written
    let bytes = std::fs::read(&path).unwrap();
    again.run();
    assert!(!again.state().state.dirty());
    assert_eq!(again.state().title(), "envoy — itinera");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// Opens a file the window must refuse, and checks the message and the file.
fn refused(content: &str, message: &str) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path: PathBuf = dir.path().join("trip.itinera");
    std::fs::write(&path, content).expect("the file written");
    let mut h = with_route();
    open(&mut h, &path);
    let error = h.state().state.error.clone().unwrap_or_default();
    assert!(
        error.starts_with(&format!("Could not open trip.itinera: {message}")),
        "{error}"
    );
    h.get_by_label(&error);
    // the window still shows what it showed, and no save goes to the refused file
    assert!(h.state().state.project_path.is_none());
    h.get_by_label("Stop 1: Vienna").click();
    h.run();
    std::thread::sleep(Duration::from_millis(50));
    h.run();
    let after = std::fs::read_to_string(&path).expect("the file still there");
    assert_eq!(after, content);
}

#[test]
fn a_project_from_a_newer_version_is_refused_with_a_message_and_left_alone() {
    refused(
        "{\"format\": \"itinera-project\", \"version\": 7, \"articles\": []}",
        "this project was saved by a newer itinera (file version 7; this version reads up to 3)",
    );
}

#[test]
fn a_damaged_project_is_refused_with_a_message_and_left_alone() {
    refused(
        "{\"format\": \"itinera-project\", \"version\": 1, \"articles\": [{\"name\": \"a\", \"te",
        "the project file is damaged",
    );
}

#[test]
fn the_shown_route_exports_to_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_route();
    // what the user sees: the deputy's route is hidden
    h.get_by_label("Deputy (1 stops)").click();
    h.run();
    for format in itinera::ui::projects::EXPORT_FORMATS {
        let path = dir.path().join(format!("route.{}", format.extension()));
        h.state_mut().act(Action::Export {
            format,
            path: path.clone(),
        });
        step_until(&mut h, "the export", |app| {
            app.state.notice.as_deref() == Some(&format!("Exported to {}", path.display()))
        });
        let text = std::fs::read_to_string(&path).unwrap();
        match format {
            Format::GeoJson => {
                let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(json["type"], "FeatureCollection");
                let names: Vec<&str> = json["features"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["properties"]["kind"] == "stop")
                    .map(|f| f["properties"]["name"].as_str().unwrap())
                    .collect();
                assert_eq!(names, ["Vienna", "Budapest", "Belgrade"]);
            }
            Format::Kml | Format::Gpx => {
                assert!(text.starts_with("<?xml"), "{text}");
                assert!(text.contains("Budapest") && !text.contains("Bratislava"));
            }
            Format::Csv => {
                let rows: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
                assert_eq!(rows.len(), 4, "a header and three stops: {text}");
                assert!(rows[2].contains("Budapest"));
            }
            Format::Json => unreachable!("not offered in the window"),
        }
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

#[test]
fn a_failed_export_says_so_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_route();
    // a path whose directory does not exist cannot be written, root or not
    let path = dir.path().join("missing").join("route.csv");
    h.state_mut().act(Action::Export {
        format: Format::Csv,
        path,
    });
    step_until(&mut h, "the failure", |app| app.state.error.is_some());
    let error = h.state().state.error.clone().unwrap();
    assert!(error.starts_with("Could not export route.csv: "), "{error}");
    h.get_by_label(&error);
}

fn shows(h: &Harness<'static, App>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

#[test]
fn not_a_stop_can_be_undone_and_redone_and_stays_after_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.get_by_label("Stop 2: Budapest").click();
    h.run();
    h.get_by_label("Not a stop").click();
    h.run();
    assert!(!shows(&h, "Stop 2: Budapest"));
    assert!(shows(&h, "Stop 2: Belgrade"));
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 })
    );
    // the keyboard
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(shows(&h, "Stop 2: Budapest"), "Ctrl+Z undoes");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert!(!shows(&h, "Stop 2: Budapest"), "Ctrl+Shift+Z redoes");
    // the Edit menu
    click_menu(&mut h, "Edit", "Undo");
    assert!(shows(&h, "Stop 2: Budapest"));
    click_menu(&mut h, "Edit", "Redo");
    assert!(!shows(&h, "Stop 2: Budapest"));

    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the save", saved);
    drop(h);

    let mut again = harness();
    open(&mut again, &path);
    assert!(!shows(&again, "Stop 2: Budapest"));
    assert!(shows(&again, "Stop 1: Vienna"));
    assert!(shows(&again, "Stop 2: Belgrade"));
    assert!(!again.state().state.dirty());
    // and an export from the reopened project leaves it out too
    let csv = dir.path().join("route.csv");
    again.state_mut().act(Action::Export {
        format: Format::Csv,
        path: csv.clone(),
    });
    step_until(&mut again, "the export", |app| app.state.notice.is_some());
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Vienna") && !text.contains("Budapest,"),
        "{text}"
    );
}

/// The place mentions whose words are `name`.
fn place_mentions(app: &App, name: &str) -> usize {
    let analysis = app.state.analysis().expect("an analysis shown");
    analysis
        .places
        .iter()
        .filter(|p| analysis.text.get(p.span.start..p.span.end) == Some(name))
        .count()
}

#[test]
fn not_a_place_takes_the_name_out_from_the_card_or_the_words_and_stays_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    assert!(place_mentions(h.state(), "Budapest") > 0);
    h.get_by_label("Stop 2: Budapest").click();
    h.run();
    h.get_by_label("Not a place").click();
    h.run();
    assert!(!shows(&h, "Stop 2: Budapest"));
    assert_eq!(
        place_mentions(h.state(), "Budapest"),
        0,
        "no mention is a place"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(shows(&h, "Stop 2: Budapest"), "Ctrl+Z undoes");
    assert!(place_mentions(h.state(), "Budapest") > 0);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert!(!shows(&h, "Stop 2: Budapest"), "Ctrl+Shift+Z redoes");
    // a mention that makes no stop, from the words selected in the article
    assert_eq!(place_mentions(h.state(), "Atlantis"), 1);
    h.state_mut()
        .act(Action::SelectText(Some(words_at("Atlantis"))));
    h.run();
    // the one above the article, left of the selected stop's card
    h.get_all_by_label("Not a place")
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .click();
    h.run();
    assert_eq!(place_mentions(h.state(), "Atlantis"), 0);

    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the save", saved);
    drop(h);
    let mut again = harness();
    open(&mut again, &path);
    assert!(!shows(&again, "Stop 2: Budapest"));
    assert!(shows(&again, "Stop 2: Belgrade"));
    assert_eq!(place_mentions(again.state(), "Budapest"), 0);
    assert_eq!(place_mentions(again.state(), "Atlantis"), 0);
}

#[test]
fn closing_the_window_writes_the_last_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the first save", saved);
    // two quick changes: the second waits behind the first's save when the window closes
    h.state_mut().act(Action::Last);
    h.state_mut()
        .act(Action::NotAStop(StopRef { actor: 0, stop: 2 }));
    h.state_mut().finish_saves(Duration::from_secs(10));
    assert!(!h.state().state.dirty());
    let project = itinera::project::Project::load(&path).unwrap();
    assert_eq!(project.corrections.len(), 1);
    assert_eq!(project.corrections[0].mention, "Belgrade");
}

#[test]
fn unsaved_corrections_are_not_dropped_without_asking() {
    let mut h = with_route();
    h.get_by_label("Stop 2: Budapest").click();
    h.run();
    h.get_by_label("Not a stop").click();
    h.run();
    h.state_mut().act(Action::Open(Input::Text {
        name: "Pasted text".into(),
        text: "Another story.".into(),
    }));
    h.run();
    h.get_by_label("Keep working").click();
    h.run();
    assert!(h.state().state.ask_discard.is_none());
    assert!(
        !shows(&h, "Stop 2: Budapest"),
        "the corrected route is still shown"
    );
    h.state_mut().act(Action::Open(Input::Text {
        name: "Pasted text".into(),
        text: "Another story.".into(),
    }));
    h.run();
    h.get_by_label("Drop them and open").click();
    step_until(&mut h, "the new article", |app| {
        app.state.loading.is_none()
            && app
                .state
                .current
                .as_ref()
                .is_some_and(|c| c.name == "Pasted text")
    });
    assert!(
        shows(&h, "Stop 2: Budapest"),
        "the fake pipeline's route, uncorrected"
    );
}

fn close_window(h: &mut Harness<'static, App>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

fn sent(h: &Harness<'static, App>, command: &egui::ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

#[test]
fn closing_the_window_with_unsaved_corrections_asks_first() {
    let mut h = with_route();
    h.get_by_label("Stop 2: Budapest").click();
    h.run();
    h.get_by_label("Not a stop").click();
    h.run();
    close_window(&mut h);
    assert!(sent(&h, &egui::ViewportCommand::CancelClose));
    h.run();
    h.get_by_label("Drop them and close").click();
    h.step();
    assert!(sent(&h, &egui::ViewportCommand::Close));
    // and without corrections the window just closes
    let mut plain = with_route();
    close_window(&mut plain);
    assert!(!sent(&plain, &egui::ViewportCommand::CancelClose));
    assert!(plain.query_by_label("Drop them and close").is_none());
}

/// The names of the main actor's stops.
fn route(app: &App) -> Vec<String> {
    itinera::ui::testing::route_names(&app.state, 0)
}

#[test]
fn with_the_real_pipeline_a_correction_outlives_the_reanalysis_of_a_reopened_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.itinera");
    let mut h = harness_with(itinera::ui::loader::pipeline());
    h.state_mut().act(Action::Open(Input::Text {
        name: "Sample".into(),
        text: itinera::ui::SAMPLE_ARTICLE.into(),
    }));
    step_until(&mut h, "the analysis", |app| {
        app.state.current.is_some() && !app.map.gliding()
    });
    let before = route(h.state());
    assert!(before.len() >= 3, "{before:?}");
    let text = h.state().state.analysis().unwrap().text.clone();
    h.get_by_label(&format!("Stop 2: {}", before[1])).click();
    h.run();
    h.get_by_label("Not a stop").click();
    h.run();
    let corrected = route(h.state());
    let mut expected = before.clone();
    expected.remove(1);
    assert_eq!(corrected, expected);
    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the save", saved);
    drop(h);

    let mut again = harness_with(itinera::ui::loader::pipeline());
    open(&mut again, &path);
    assert_eq!(route(again.state()), corrected);
    let reopened = again.state().state.analysis().unwrap();
    assert_eq!(reopened.text, text);
    assert!(
        !reopened
            .diagnostics
            .iter()
            .any(|d| d.message.contains("reference date")),
        "{:?}",
        reopened.diagnostics
    );
    assert!(
        again
            .state()
            .state
            .corrections()
            .all(|(_, applied)| applied)
    );
    assert_eq!(
        again.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 })
    );
}

/// Saves the window's project to `path` and opens it in a new window, as after a restart.
fn save_and_reopen(mut h: Harness<'static, App>, path: &Path) -> Harness<'static, App> {
    h.state_mut().act(Action::SaveProjectAs(path.to_path_buf()));
    step_until(&mut h, "the save", saved);
    drop(h);
    let mut again = harness();
    open(&mut again, path);
    assert!(!again.state().state.dirty());
    assert!(
        again
            .state()
            .state
            .corrections()
            .all(|(_, applied)| applied),
        "every correction applies after reopening"
    );
    again
}

fn stop_point(app: &App, actor: usize, stop: usize) -> LatLon {
    app.state
        .stop(StopRef { actor, stop })
        .map(|s| s.place.latlon)
        .expect("the stop")
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
fn choosing_another_place_moves_the_stop_and_outlives_undo_and_reopening() {
    use itinera::ui::itinerary::candidate_label;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.get_by_label("Stop 2: Budapest").click();
    h.run();
    let before = stop_point(h.state(), 0, 1);
    h.get_by_label("Wrong place?").click();
    h.run();
    let choices = h.state().state.place_choices.clone().expect("the list");
    assert_eq!(choices.query, "Budapest");
    assert!(choices.candidates.len() >= 2, "{:?}", choices.candidates);
    assert_eq!(
        choices.candidates,
        itinera::Gazetteer::embedded()
            .lookup_top("Budapest", itinera::ui::itinerary::MAX_PLACE_CHOICES),
        "the gazetteer's candidates, best first"
    );
    // another Budapest than the one shown
    let (i, other) = choices
        .candidates
        .iter()
        .enumerate()
        .find(|(_, c)| c.latlon.distance_km(before) > 1.0)
        .expect("a place elsewhere");
    let label = format!("{}. {}", i + 1, candidate_label(other));
    assert!(label.contains("populated place") || label.contains(other.kind.label()));
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(stop_point(h.state(), 0, 1), other.latlon);
    assert!(h.state().state.place_choices.is_none(), "the list closes");
    let resolved: Vec<LatLon> = h
        .state()
        .state
        .analysis()
        .unwrap()
        .places
        .iter()
        .filter(|p| p.mention == "Budapest")
        .filter_map(|p| p.resolved.as_ref().map(|c| c.latlon))
        .collect();
    assert_eq!(resolved, [other.latlon], "the mention resolves there too");
    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(stop_point(h.state(), 0, 1), before);
    click_menu(&mut h, "Edit", "Redo");
    assert_eq!(stop_point(h.state(), 0, 1), other.latlon);

    // any name can be looked up; one the gazetteer lacks says so
    h.get_by_label("Wrong place?").click();
    h.run();
    type_into(&mut h, "Look up", "Xqzzyville");
    h.get_by_label("Search").click();
    h.run();
    assert!(shows(
        &h,
        "The gazetteer knows no place called “Xqzzyville”"
    ));
    type_into(&mut h, "Look up", "Paris");
    h.get_by_label("Search").click();
    h.run();
    let paris = h.state().state.place_choices.clone().unwrap();
    assert_eq!(paris.query, "Paris");
    assert_eq!(
        paris.candidates,
        itinera::Gazetteer::embedded()
            .lookup_top("Paris", itinera::ui::itinerary::MAX_PLACE_CHOICES)
    );
    assert_eq!(paris.candidates[0].country.as_deref(), Some("FR"));
    assert!(shows(
        &h,
        &format!("1. {}", candidate_label(&paris.candidates[0]))
    ));
    h.get_by_label("Wrong place?").click();
    h.run();
    assert!(
        h.state().state.place_choices.is_none(),
        "the button closes it"
    );

    let again = save_and_reopen(h, &path);
    assert_eq!(stop_point(again.state(), 0, 1), other.latlon);
}

#[test]
fn a_stops_date_is_checked_reorders_the_route_and_outlives_undo_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.get_by_label("Stop 3: Belgrade").click();
    h.run();
    type_into(&mut h, "Date", "5 June");
    h.get_by_label("Set date").click();
    h.run();
    assert!(shows(
        &h,
        "“5 June” is not a date: type it as YYYY-MM-DD, for example 2025-06-07"
    ));
    assert!(!h.state().state.can_undo(), "nothing changed");
    type_into(&mut h, "Date", "2025-06-05 09:30");
    h.get_by_label("Set date").click();
    h.run();
    assert_eq!(route(h.state()), ["Vienna", "Belgrade", "Budapest"]);
    assert!(shows(&h, "Stop 2: Belgrade"));
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 }),
        "the selection follows the stop"
    );
    assert!(shows(&h, "5 June 2025, 09:30"));
    assert!(!shows(
        &h,
        "“5 June” is not a date: type it as YYYY-MM-DD, for example 2025-06-07"
    ));
    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(route(h.state()), ["Vienna", "Budapest", "Belgrade"]);
    click_menu(&mut h, "Edit", "Redo");
    assert_eq!(route(h.state()), ["Vienna", "Belgrade", "Budapest"]);

    let again = save_and_reopen(h, &path);
    assert_eq!(route(again.state()), ["Vienna", "Belgrade", "Budapest"]);
    let when = again
        .state()
        .state
        .stop(StopRef { actor: 0, stop: 1 })
        .unwrap();
    assert_eq!(when.when.as_ref().unwrap().value, "2025-06-05T09:30");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
}

fn actor_names(app: &App) -> Vec<String> {
    itinera::ui::testing::actor_names(&app.state)
}

#[test]
fn the_traveller_and_an_actors_name_can_be_corrected_undone_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    assert!(shows(&h, "Envoy is the traveller"));
    h.get_by_label("Stop 1: Bratislava").click();
    h.run();
    h.get_by_label("Make Deputy the traveller").click();
    h.run();
    assert_eq!(actor_names(h.state()), ["Deputy", "Envoy"]);
    assert!(shows(&h, "Deputy is the traveller"));
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 0 }),
        "still Bratislava"
    );
    // a blank name changes nothing (the button waits for a name)
    type_into(&mut h, "Name", "   ");
    h.get_by_label("Rename").click();
    h.run();
    assert_eq!(actor_names(h.state()), ["Deputy", "Envoy"]);
    type_into(&mut h, "Name", "Deputy minister Ana Ortiz");
    h.get_by_label("Rename").click();
    h.run();
    assert_eq!(
        actor_names(h.state()),
        ["Deputy minister Ana Ortiz", "Envoy"]
    );
    assert!(shows(&h, "Deputy minister Ana Ortiz (1 stops)"));
    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(actor_names(h.state()), ["Deputy", "Envoy"]);
    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(actor_names(h.state()), ["Envoy", "Deputy"]);
    click_menu(&mut h, "Edit", "Redo");
    click_menu(&mut h, "Edit", "Redo");
    assert_eq!(
        actor_names(h.state()),
        ["Deputy minister Ana Ortiz", "Envoy"]
    );

    let again = save_and_reopen(h, &path);
    assert_eq!(
        actor_names(again.state()),
        ["Deputy minister Ana Ortiz", "Envoy"]
    );
}

#[test]
fn a_stop_moves_earlier_and_later_and_outlives_undo_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.get_by_label("Stop 1: Vienna").click();
    h.run();
    // the first stop cannot go earlier: the button is disabled and does nothing
    h.get_by_label("Earlier").click();
    h.run();
    assert_eq!(route(h.state()), ["Vienna", "Budapest", "Belgrade"]);
    assert!(!h.state().state.can_undo());
    h.get_by_label("Later").click();
    h.run();
    assert_eq!(route(h.state()), ["Budapest", "Vienna", "Belgrade"]);
    h.get_by_label("Later").click();
    h.run();
    assert_eq!(route(h.state()), ["Budapest", "Belgrade", "Vienna"]);
    h.get_by_label("Earlier").click();
    h.run();
    assert_eq!(route(h.state()), ["Budapest", "Vienna", "Belgrade"]);
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 }),
        "the selection follows Vienna"
    );
    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(route(h.state()), ["Budapest", "Belgrade", "Vienna"]);
    click_menu(&mut h, "Edit", "Redo");
    assert_eq!(route(h.state()), ["Budapest", "Vienna", "Belgrade"]);

    let again = save_and_reopen(h, &path);
    assert_eq!(route(again.state()), ["Budapest", "Vienna", "Belgrade"]);
}

/// The screenshot the window asked for in its last frame, if it asked.
fn screenshot_asked(h: &Harness<'static, App>) -> Option<egui::ScreenshotCallback> {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)?
        .commands
        .iter()
        .find_map(|c| match c {
            egui::ViewportCommand::Screenshot(callback) => Some(callback.clone()),
            _ => None,
        })
}

/// A picture of a window of `size` points at `scale` pixels a point, as an integration
/// would take it: the map's rectangle blue, the rest of the window red.
fn window_picture(size: egui::Vec2, scale: f32, map: egui::Rect) -> egui::ColorImage {
    let (w, h) = ((size.x * scale) as usize, (size.y * scale) as usize);
    let pixels = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| {
            let at = egui::pos2((x as f32 + 0.5) / scale, (y as f32 + 0.5) / scale);
            if map.contains(at) {
                egui::Color32::BLUE
            } else {
                egui::Color32::RED
            }
        })
        .collect();
    egui::ColorImage::new([w, h], pixels)
}

#[test]
fn the_map_exports_as_a_png_cut_to_the_map_with_its_credits_inside() {
    let dir = tempfile::tempdir().unwrap();
    // a window of 1400 × 900 points at two pixels a point
    let ctx = egui::Context::default();
    let app = App::new(
        &ctx,
        Settings::default(),
        AppConfig::offline(fake_pipeline()),
    );
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_pixels_per_point(2.0)
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.state_mut()
        .show_analysis("envoy.txt", three_stop_analysis());
    step_until(&mut h, "the fit", |app| !app.map.gliding());
    // File ▸ Export offers it (its dialog cannot run here: its answer is sent instead)
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Map image (PNG)…");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(shows(&h, "Zoom in") || shows(&h, "+"), "the map's buttons");

    h.state_mut()
        .act(Action::ExportImage(dir.path().join("route")));
    h.step();
    let callback = screenshot_asked(&h).expect("the window asks for its picture");
    // the frame pictured is drawn without the zoom buttons; the credits stay, inside the map
    h.step();
    assert!(!shows(&h, "+"), "no zoom buttons in the picture");
    let map = h.state().map.rect();
    let (credits, credits_at) = h.state().map.attribution_drawn();
    assert_eq!(credits, "Basemap: Natural Earth");
    assert!(map.contains_rect(credits_at), "{credits_at:?} in {map:?}");
    callback.complete(Arc::new(window_picture(
        egui::vec2(1400.0, 900.0),
        2.0,
        map,
    )));
    let path = dir.path().join("route.png");
    step_until(&mut h, "the picture's export", |app| {
        app.state.notice.as_deref() == Some(&format!("Exported to {}", path.display()))
    });
    assert!(shows(&h, "+"), "the buttons are back");
    let png = image::load_from_memory(&std::fs::read(&path).unwrap())
        .unwrap()
        .to_rgb8();
    assert_eq!(
        png.dimensions(),
        (
            (map.width() * 2.0).round() as u32,
            (map.height() * 2.0).round() as u32
        ),
        "the map's rectangle in pixels"
    );
    assert!(png.pixels().all(|p| p.0 == [0, 0, 255]), "the map alone");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_map_image_that_cannot_be_written_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_route();
    let path = dir.path().join("missing").join("map.png");
    h.state_mut().act(Action::ExportImage(path));
    h.step();
    let callback = screenshot_asked(&h).expect("the window asks for its picture");
    let map = h.state().map.rect();
    callback.complete(Arc::new(window_picture(
        egui::vec2(1400.0, 900.0),
        1.0,
        map,
    )));
    step_until(&mut h, "the failure", |app| app.state.error.is_some());
    let error = h.state().state.error.clone().unwrap();
    assert!(error.starts_with("Could not export map.png: "), "{error}");
    h.get_by_label(&error);
}

/// Presses the pointer at `from`, moves it to `to` and lets go there (a click when they
/// are one point).
fn drag(h: &mut Harness<'static, App>, from: egui::Pos2, to: egui::Pos2) {
    h.drag_at(from);
    h.step();
    h.hover_at(from.lerp(to, 0.5));
    h.step();
    h.drop_at(to);
    h.run();
}

/// The byte range of the first `words` in the test article.
fn words_at(words: &str) -> itinera::Span {
    let start = three_stop_analysis().text.find(words).expect("the words");
    itinera::Span::new(start, start + words.len())
}

#[test]
fn a_place_name_clicked_in_the_article_becomes_a_stop_that_undoes_and_survives_reopening() {
    use itinera::ui::itinerary::{MAX_PLACE_CHOICES, candidate_label};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    // "Atlantis" is a name the pipeline found nowhere: clicking it selects it
    let atlantis = words_at("Atlantis");
    let at = h.state().article.text_pos(atlantis.start + 3).unwrap();
    drag(&mut h, at, at);
    assert_eq!(h.state().state.text_selection, Some(atlantis));
    assert!(shows(&h, "“Atlantis”"));
    h.get_by_label("Add as stop").click();
    h.run();
    let choices = h.state().state.stop_choices.clone().expect("the list");
    assert_eq!(choices.query, "Atlantis");
    assert_eq!(
        choices.candidates,
        itinera::Gazetteer::embedded().lookup_top("Atlantis", MAX_PLACE_CHOICES),
        "the gazetteer's candidates, best first, as 'Wrong place?' lists them"
    );
    let (i, cape) = choices
        .candidates
        .iter()
        .enumerate()
        .find(|(_, c)| c.country.as_deref() == Some("ZA"))
        .expect("Atlantis, Western Cape");
    h.get_by_label(&format!("{}. {}", i + 1, candidate_label(cape)))
        .click();
    h.run();
    assert_eq!(
        route(h.state()),
        ["Vienna", "Budapest", "Belgrade", "Atlantis"]
    );
    assert!(shows(&h, "Stop 4: Atlantis"));
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 3 }),
        "the new stop is selected"
    );
    assert!(h.state().state.text_selection.is_none());
    assert!(!shows(&h, "Add as stop"), "the selection is done with");
    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(route(h.state()), ["Vienna", "Budapest", "Belgrade"]);
    click_menu(&mut h, "Edit", "Redo");
    assert_eq!(route(h.state()).len(), 4);

    let again = save_and_reopen(h, &path);
    assert_eq!(
        route(again.state()),
        ["Vienna", "Budapest", "Belgrade", "Atlantis"]
    );
    assert_eq!(stop_point(again.state(), 0, 3), cape.latlon);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 3);
}

#[test]
fn words_dragged_over_are_selected_whole_and_any_name_can_be_looked_up() {
    let mut h = with_route();
    // from inside "met" to inside "ministers"
    let met = words_at("met ministers");
    let from = h.state().article.text_pos(met.start + 1).unwrap();
    let to = h.state().article.text_pos(met.end - 3).unwrap();
    drag(&mut h, from, to);
    assert_eq!(h.state().state.text_selection, Some(met));
    assert!(shows(&h, "“met ministers”"));
    h.get_by_label("Add as stop").click();
    h.run();
    assert!(shows(
        &h,
        "The gazetteer knows no place called “met ministers”"
    ));
    type_into(&mut h, "Place name", "Paris");
    h.get_by_label("Find").click();
    h.run();
    let choices = h.state().state.stop_choices.clone().unwrap();
    assert_eq!(choices.query, "Paris");
    assert_eq!(choices.span, met);
    assert_eq!(choices.candidates[0].country.as_deref(), Some("FR"));
    h.get_by_label("Clear").click();
    h.run();
    assert!(h.state().state.text_selection.is_none());
    assert!(!shows(&h, "Add as stop"));
    // a click on a stop's name still selects the stop
    let budapest = words_at("Budapest");
    let at = h.state().article.text_pos(budapest.start + 2).unwrap();
    drag(&mut h, at, at);
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 })
    );
    assert!(h.state().state.text_selection.is_none());
}

#[test]
fn merged_actors_are_one_route_that_undoes_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = with_route();
    h.get_by_label("Stop 1: Bratislava").click();
    h.run();
    h.get_by_label("Merge into…").click();
    h.run();
    h.get_by_label("Envoy · 3 stops").click();
    h.run();
    assert_eq!(actor_names(h.state()), ["Envoy"]);
    assert_eq!(
        route(h.state()),
        ["Vienna", "Budapest", "Belgrade", "Bratislava"]
    );
    assert!(shows(&h, "Envoy (4 stops)"));
    assert!(!shows(&h, "Deputy (1 stops)"));
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 3 }),
        "still Bratislava"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(actor_names(h.state()), ["Envoy", "Deputy"]);
    assert!(shows(&h, "Deputy (1 stops)"));
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(actor_names(h.state()), ["Envoy"]);

    let again = save_and_reopen(h, &path);
    assert_eq!(actor_names(again.state()), ["Envoy"]);
    assert_eq!(
        route(again.state()),
        ["Vienna", "Budapest", "Belgrade", "Bratislava"]
    );
}

/// True when some label shows `words`.
fn told(h: &Harness<'static, App>, words: &str) -> bool {
    h.query_all_by_label_contains(words).next().is_some()
}

/// The day of the first stop of the route shown, if it has one.
fn first_day(app: &App) -> Option<chrono::NaiveDate> {
    let stop = app.state.stop(StopRef { actor: 0, stop: 0 })?;
    stop.when.as_ref()?.earliest.map(|d| d.date())
}

#[test]
fn the_date_cannot_be_set_again_while_the_article_is_being_read() {
    // a reading that takes a while, as a long article's does
    let slow: itinera::ui::loader::Analyzer = Arc::new(|_, _| {
        std::thread::sleep(Duration::from_secs(1));
        three_stop_analysis()
    });
    let mut h = harness_with(slow);
    h.state_mut()
        .show_analysis("envoy.txt", three_stop_analysis());
    h.run();
    type_into(&mut h, "Dated", "2020-01-05");
    h.get_by_label("Set").click();
    // the frame that takes the click, then one drawn while the reading runs
    h.step();
    h.step();
    assert!(
        h.state().state.loading.is_some(),
        "the article is being read"
    );
    assert!(
        h.get_by_label("Set").accesskit_node().is_disabled(),
        "Set waits for the reading"
    );
    step_until(&mut h, "the new reading", |app| app.state.loading.is_none());
    assert!(!h.get_by_label("Set").accesskit_node().is_disabled());
}

#[test]
fn an_undated_article_dated_in_its_header_is_read_again_undone_and_kept_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    let mut h = harness_with(itinera::ui::loader::pipeline());
    h.state_mut().act(Action::Open(Input::Text {
        name: "envoy.txt".into(),
        text: "The envoy left Vienna on Sunday last week and reached Budapest on Monday.".into(),
    }));
    step_until(&mut h, "the analysis", |app| {
        app.state.current.is_some() && !app.map.gliding()
    });
    assert!(told(&h, "no date"));
    assert_eq!(first_day(h.state()), None, "no weekday is placed");

    type_into(&mut h, "Dated", "2020-01-05");
    h.get_by_label("Set").click();
    h.run();
    step_until(&mut h, "the new reading", |app| {
        app.state.loading.is_none() && !app.map.gliding()
    });
    let app = h.state();
    assert_eq!(
        app.state.articles()[0].raw.reference_date,
        chrono::NaiveDate::from_ymd_opt(2020, 1, 5)
    );
    assert_eq!(route(app), ["Vienna", "Budapest"]);
    assert_eq!(
        first_day(app),
        chrono::NaiveDate::from_ymd_opt(2019, 12, 29),
        "Sunday last week"
    );
    assert!(told(&h, "5 January 2020"));
    assert!(told(&h, "29 December 2019"));
    assert!(h.state().state.dirty(), "a change to keep");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().state.articles()[0].raw.reference_date, None);
    assert_eq!(first_day(h.state()), None);
    assert!(told(&h, "no date"), "Ctrl+Z undoes");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(route(h.state()), ["Vienna", "Budapest"]);

    h.state_mut().act(Action::SaveProjectAs(path.clone()));
    step_until(&mut h, "the save", saved);
    drop(h);
    let mut again = harness_with(itinera::ui::loader::pipeline());
    open(&mut again, &path);
    let app = again.state();
    assert_eq!(
        app.state.articles()[0].raw.reference_date,
        chrono::NaiveDate::from_ymd_opt(2020, 1, 5),
        "the project keeps the date and the reading uses it"
    );
    assert_eq!(route(app), ["Vienna", "Budapest"]);
    assert_eq!(
        first_day(app),
        chrono::NaiveDate::from_ymd_opt(2019, 12, 29)
    );
}

#[test]
fn a_date_that_is_no_date_is_refused_with_a_message() {
    let mut h = with_route();
    type_into(&mut h, "Dated", "5 January");
    h.get_by_label("Set").click();
    h.run();
    assert!(told(
        &h,
        "“5 January” is not a date: type it as YYYY-MM-DD, for example 2025-06-07"
    ));
    assert!(h.state().state.loading.is_none(), "nothing is read again");
}
