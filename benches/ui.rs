//! Frame cost of the app, headless (no GPU): a 500-stop route while the map pans, in a
//! text of 500 places and in one of 5,000.
//!
//! Each iteration is one whole frame: layout and painting of every panel by egui
//! (`Context::run`) plus tessellation into triangles, which is the CPU work a real frame does
//! before the GPU takes over.

use std::sync::Arc;

use itinera::LatLon;
use itinera::ui::state::Settings;
use itinera::ui::testing::{long_route_analysis, long_text_analysis};
use itinera::ui::{App, AppConfig};

// The allocator the binary ships with (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn raw_input(time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        time: Some(time),
        ..egui::RawInput::default()
    }
}

fn setup(stops: usize, places: usize) -> (egui::Context, App) {
    let ctx = egui::Context::default();
    let mut app = App::new(
        &ctx,
        Settings::default(),
        AppConfig::offline(Arc::new(|_, _| long_route_analysis(1))),
    );
    app.show_analysis("Long route", long_text_analysis(stops, places));
    app.map.wait_for_basemap(&ctx);
    // Warm-up frames: fonts, the land texture, the article layout.
    for i in 0..5 {
        let mut out = ctx.run_ui(raw_input(f64::from(i)), |ui| app.show(ui));
        // Textures would go to the GPU here; a headless frame drops them on purpose.
        out.textures_delta.clear();
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    (ctx, app)
}

/// (stops, places named in the text)
const SIZES: [(usize, usize); 2] = [(500, 500), (500, 5000)];

#[divan::bench(args = SIZES)]
fn frame_while_panning(bencher: divan::Bencher, (stops, places): (usize, usize)) {
    let (ctx, mut app) = setup(stops, places);
    let mut t = 10.0;
    let mut lon = 0.0;
    bencher.bench_local(|| {
        t += 1.0 / 60.0;
        lon += 0.3;
        app.map.center_on(LatLon::new(35.0, lon % 120.0), 4.0);
        let mut out = ctx.run_ui(raw_input(t), |ui| app.show(ui));
        // Textures would go to the GPU here; a headless frame drops them on purpose.
        out.textures_delta.clear();
        ctx.tessellate(out.shapes, out.pixels_per_point)
    });
}

#[divan::bench(args = SIZES)]
fn frame_zoomed_out(bencher: divan::Bencher, (stops, places): (usize, usize)) {
    let (ctx, mut app) = setup(stops, places);
    let mut t = 10.0;
    bencher.bench_local(|| {
        t += 1.0 / 60.0;
        app.map.center_on(LatLon::new(30.0, 60.0), 2.0);
        let mut out = ctx.run_ui(raw_input(t), |ui| app.show(ui));
        // Textures would go to the GPU here; a headless frame drops them on purpose.
        out.textures_delta.clear();
        ctx.tessellate(out.shapes, out.pixels_per_point)
    });
}
