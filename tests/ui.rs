//! The app driven as a user would, with `egui_kittest`. No network: the map shows the
//! embedded basemap only.
#![cfg(feature = "gui")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use itinera::Gazetteer;
use itinera::ui::loader::{Analyzer, pipeline};
use itinera::ui::state::{Settings, StopRef, TileChoice};
use itinera::ui::testing::three_stop_analysis;
use itinera::ui::{App, AppConfig};

fn fake_pipeline() -> Analyzer {
    Arc::new(|_, _| three_stop_analysis())
}

fn harness(analyzer: Analyzer) -> Harness<'static, App> {
    let ctx = egui::Context::default();
    let app = App::new(&ctx, Settings::default(), AppConfig::offline(analyzer));
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

fn with_route() -> Harness<'static, App> {
    let mut h = harness(fake_pipeline());
    h.state_mut()
        .show_analysis("Test route", three_stop_analysis());
    h.run();
    h
}

/// Steps frames until `done` holds (background work needs wall time).
fn step_until(h: &mut Harness<'static, App>, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < Duration::from_secs(30), "timed out");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'static, App>, path: &std::path::Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.step();
}

#[test]
fn dropping_a_file_fills_the_stop_list() {
    let mut h = harness(fake_pipeline());
    h.run();
    assert!(h.query_by_label("Stop 1: Vienna").is_none());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(
        &path,
        "The envoy went to Vienna, then Budapest and Belgrade.",
    )
    .unwrap();
    drop_file(&mut h, &path);
    step_until(&mut h, |app| app.state.current.is_some());
    h.get_by_label("Stop 1: Vienna");
    h.get_by_label("Stop 2: Budapest");
    h.get_by_label("Stop 3: Belgrade");
    assert_eq!(h.state().state.settings.recent, vec![path]);
}

/// Fails unless every visible stop is on the map, clear of its edges.
fn assert_route_fitted(h: &Harness<'static, App>) {
    let app = h.state();
    let rect = app.map.rect();
    let points = app.state.visible_points();
    assert!(!points.is_empty());
    for p in points {
        let at = app.map.screen_position(p);
        assert!(
            rect.shrink(20.0).contains(at),
            "{p:?} is at {at:?}, outside {rect:?} (zoom {})",
            app.map.zoom()
        );
    }
}

#[test]
fn the_map_is_fitted_to_the_route_once_it_is_loaded() {
    let h = with_route();
    assert_route_fitted(&h);
    // Vienna to Belgrade fills the map: not a view of the whole world.
    assert!(h.state().map.zoom() > 4.5, "zoom {}", h.state().map.zoom());
}

#[test]
fn dropping_a_new_file_fits_the_map_to_its_route() {
    let mut h = harness(fake_pipeline());
    h.run();
    h.state_mut()
        .map
        .center_on(itinera::LatLon::new(-33.9, 151.2), 9.0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, "The envoy went to Vienna.").unwrap();
    drop_file(&mut h, &path);
    step_until(&mut h, |app| {
        app.state.current.is_some() && !app.map.gliding()
    });
    assert_route_fitted(&h);
}

#[test]
fn next_selects_the_second_stop_and_moves_the_map() {
    let mut h = with_route();
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 0 })
    );
    let before = h.state().map.center();
    h.get_by_label("Next").click();
    h.run();
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 })
    );
    let after = h.state().map.center();
    assert!(before.distance_km(after) > 10.0, "the map did not move");
    let budapest = itinera::LatLon::new(47.4979, 19.0402);
    assert!(after.distance_km(budapest) < 1.0, "centre {after:?}");
    h.get_by_label_contains("Stop 2 of 3");
}

#[test]
fn the_keyboard_steps_through_the_route() {
    let mut h = with_route();
    let stop = |h: &Harness<'static, App>| h.state().state.selected.map(|s| s.stop);
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(stop(&h), Some(1));
    h.key_press(Key::End);
    h.run();
    assert_eq!(stop(&h), Some(2));
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(stop(&h), Some(1));
    h.key_press(Key::Home);
    h.run();
    assert_eq!(stop(&h), Some(0));
    h.key_press(Key::Space);
    h.step();
    assert!(h.state().state.playing);
    h.key_press(Key::Space);
    h.step();
    assert!(!h.state().state.playing);
}

#[test]
fn clicking_a_card_or_a_marker_selects_that_stop() {
    let mut h = with_route();
    h.get_by_label("Stop 3: Belgrade").click();
    h.run();
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 2 })
    );
    // The map followed the selection; show the whole route again, then pick a marker.
    h.get_by_label("Fit route").click();
    h.run();
    h.get_by_label("Map marker 2: Budapest").click();
    h.run();
    assert_eq!(
        h.state().state.selected,
        Some(StopRef { actor: 0, stop: 1 })
    );
}

#[test]
fn an_actor_can_be_hidden() {
    let mut h = with_route();
    h.get_by_label("Deputy (1 stops)").click();
    h.run();
    assert!(!h.state().state.is_visible(1));
    assert!(h.query_by_label("Stop 1: Bratislava").is_none());
}

#[test]
fn the_tile_menu_switches_the_source() {
    let mut h = with_route();
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("OpenTopoMap").click();
    h.run();
    assert_eq!(h.state().state.settings.tiles, TileChoice::OpenTopoMap);
    h.get_by_label("Map").click();
    h.run();
    assert!(
        h.get_by_label("Local PMTiles file…")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_online_search_is_off_until_the_user_turns_it_on() {
    let mut h = with_route();
    assert!(!h.state().state.settings.online_lookup);
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Search online for unknown places").click();
    h.run();
    assert!(h.state().state.settings.online_lookup);
}

#[test]
fn a_binary_file_gives_a_message_not_a_crash() {
    let mut h = harness(fake_pipeline());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.jpg");
    std::fs::write(
        &path,
        [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0, 0, 0, 1, 2, 3,
        ],
    )
    .unwrap();
    drop_file(&mut h, &path);
    step_until(&mut h, |app| app.state.error.is_some());
    h.get_by_label_contains("it looks like binary data");
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().state.error.is_none());
}

#[test]
fn pasting_text_analyses_it() {
    let mut h = harness(fake_pipeline());
    h.run();
    h.event(egui::Event::Paste(
        "The envoy reached Budapest on June 6.".into(),
    ));
    h.step();
    step_until(&mut h, |app| app.state.current.is_some());
    assert_eq!(
        h.state().state.current.as_ref().unwrap().name,
        "Pasted text"
    );
}

/// Serves one page at `/article` on 127.0.0.1 (any other path is a 404), until the test ends.
#[cfg(feature = "online")]
fn serve_page() -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port on loopback");
    let base = format!("http://{}", listener.local_addr().expect("its address"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
            let mut request = String::new();
            let _ = reader.read_line(&mut request);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let body = "<html><head><title>Envoy reaches Belgrade</title></head><body><article>\
                        <p>The envoy flew from Vienna to Belgrade on 2 May 2024.</p></article></body></html>";
            let response = if request.contains(" /article ") {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
            } else {
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_owned()
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    base
}

#[cfg(feature = "online")]
#[test]
fn a_pasted_web_address_is_fetched_and_analysed() {
    let base = serve_page();
    let mut h = harness(pipeline());
    h.run();
    let address = format!("{base}/article");
    h.event(egui::Event::Paste(format!("  {address}\n")));
    h.step();
    step_until(&mut h, |app| {
        app.state.current.is_some() || app.state.error.is_some()
    });
    let app = h.state();
    assert!(app.state.error.is_none(), "{:?}", app.state.error);
    let current = app.state.current.as_ref().unwrap();
    assert_eq!(current.name, address);
    assert_eq!(
        current.analysis.title.as_deref(),
        Some("Envoy reaches Belgrade")
    );
}

/// A link dragged from a browser to the desktop is a small file that holds the address
/// (winit hands the window no dragged text): dropped, it opens the page, and the project
/// records the address and when it was fetched.
#[cfg(feature = "online")]
#[test]
fn a_dropped_link_file_opens_its_page_and_the_project_records_the_address() {
    let base = serve_page();
    let address = format!("{base}/article");
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("Envoy reaches Belgrade.url");
    std::fs::write(&link, format!("[InternetShortcut]\r\nURL={address}\r\n")).unwrap();
    let mut h = harness(pipeline());
    h.run();
    drop_file(&mut h, &link);
    step_until(&mut h, |app| {
        app.state.current.is_some() || app.state.error.is_some()
    });
    let app = h.state();
    assert!(app.state.error.is_none(), "{:?}", app.state.error);
    let current = app.state.current.as_ref().unwrap();
    assert_eq!(current.name, address);
    assert_eq!(
        current.analysis.title.as_deref(),
        Some("Envoy reaches Belgrade")
    );
    let project = app.state.project_snapshot().unwrap();
    let fetched = project.articles[0]
        .fetched
        .as_ref()
        .expect("the fetch is recorded");
    assert_eq!(fetched.address, address);
    assert!((chrono::Utc::now() - fetched.at).num_seconds().abs() < 60);
}

#[cfg(feature = "online")]
#[test]
fn an_address_that_fails_says_why_and_keeps_the_article_shown() {
    let base = serve_page();
    let mut h = with_route();
    h.event(egui::Event::Paste(format!("{base}/gone")));
    h.step();
    step_until(&mut h, |app| app.state.error.is_some());
    h.get_by_label_contains("404 Not Found");
    assert_eq!(h.state().state.current.as_ref().unwrap().name, "Test route");
}

#[test]
fn an_analysis_without_actors_or_places_is_shown_calmly() {
    let mut h = harness(fake_pipeline());
    let mut empty = three_stop_analysis();
    empty.actors.clear();
    empty.places.clear();
    empty.times.clear();
    h.state_mut().show_analysis("Nothing", empty);
    h.run();
    h.get_by_label("No journey found in this text.");
    h.key_press(Key::ArrowRight);
    h.key_press(Key::Space);
    h.run();
    assert!(h.state().state.selected.is_none());
}

#[test]
fn the_sample_article_opens_from_help() {
    let mut h = harness(pipeline());
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Open the sample article").click();
    step_until(&mut h, |app| app.state.current.is_some());
    // The article is in the text panel.
    assert!(
        h.query_all_by_label_contains("Halvorsen set out from Vienna on June 4")
            .next()
            .is_some()
    );
    let stops: usize = h
        .state()
        .state
        .analysis()
        .map_or(0, |a| a.actors.iter().map(|x| x.stops.len()).sum());
    if !Gazetteer::embedded().is_empty() {
        assert!(
            stops > 0,
            "a journey article with a real gazetteer gives stops"
        );
        h.get_by_label_contains("Stop 1:");
    }
}

#[test]
fn an_approximate_point_says_so_on_its_card() {
    let mut h = harness(fake_pipeline());
    let mut analysis = three_stop_analysis();
    h.state_mut().show_analysis("Test route", analysis.clone());
    h.run();
    assert!(h.query_by_label("approximate point").is_none());
    analysis.actors[0].stops[1].approximate = true;
    h.state_mut().show_analysis("Test route", analysis);
    h.run();
    assert!(h.query_by_label("approximate point").is_some());
}

#[test]
fn a_long_analysis_shows_its_stage_and_progress_and_can_be_cancelled() {
    // an analyzer that reports a stage, then waits until the test lets it finish
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Mutex::new(wait);
    let analyzer: Analyzer = Arc::new(move |_, _| {
        itinera::progress::report(0.4, "Reading sentences");
        let _ = wait.lock().unwrap().recv_timeout(Duration::from_secs(20));
        three_stop_analysis()
    });
    let mut h = harness(analyzer);
    h.run();
    h.event(egui::Event::Paste("A long book about a journey.".into()));
    let start = Instant::now();
    while h.query_by_label_contains("Reading sentences").is_none() {
        assert!(start.elapsed() < Duration::from_secs(20), "no stage shown");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    // (the spinner is a progress indicator too, with no value)
    let values: Vec<f64> = h
        .query_all_by_role(egui::accesskit::Role::ProgressIndicator)
        .filter_map(|n| n.accesskit_node().numeric_value())
        .collect();
    assert!(
        values.iter().any(|v| (v - 40.0).abs() < 1e-3),
        "no progress bar at 40%: {values:?}"
    );
    h.get_by_label("Cancel").click();
    h.step();
    let _ = release.send(());
    std::thread::sleep(Duration::from_millis(100));
    h.run();
    // the cancelled job's result is dropped: nothing was opened
    assert!(h.state().state.current.is_none());
    assert!(h.state().state.loading.is_none());
}

#[test]
fn a_pacific_tour_is_fitted_over_the_antimeridian_with_every_marker_in_view() {
    let mut h = harness(fake_pipeline());
    h.state_mut()
        .show_analysis("Pacific", itinera::ui::testing::pacific_tour_analysis());
    step_until(&mut h, |app| !app.map.gliding());
    assert_route_fitted(&h);
    // Suva to Papeete is about 30 degrees of longitude: a regional view, not the world
    assert!(h.state().map.zoom() > 4.0, "zoom {}", h.state().map.zoom());
    let map = h.state().map.rect();
    for name in ["1: Suva", "2: Apia", "3: Nuku'alofa", "4: Papeete"] {
        let label = format!("Map marker {name}");
        let at = h.get_by_label(&label).rect().center();
        assert!(
            map.shrink(20.0).contains(at),
            "{name} at {at:?}, outside {map:?}"
        );
    }
}
