//! The map: tiles (with an offline basemap under them), the routes, markers, and the camera
//! that glides from stop to stop.

use std::time::{Duration, Instant};

use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, vec2};
use walkers::sources::{Attribution, OpenStreetMap, OpenTopoMap, OpenTopoServer, TileSource};
use walkers::{
    HttpOptions, HttpTiles, Map, MapMemory, Plugin, Projector, TileId, TilePiece, Tiles, lat_lon,
};

use super::basemap::{self, LandTexture, ScreenTransform};
use super::state::{Action, CameraTarget, State, StopRef, TileChoice};
use super::style::{self, LegPhase};
use crate::geo::LatLon;
use crate::movement::Status;

/// How long a glide to a new camera target takes, in seconds.
const GLIDE_SECONDS: f64 = 0.7;
/// How long tiles must have failed before the tile source is rebuilt and retried.
const RETRY_AFTER: Duration = Duration::from_secs(20);
/// Zoom used when the camera goes to one point and the map is zoomed further out.
const MIN_STOP_ZOOM: f64 = 5.0;
/// Zoom used when the camera goes to one point and the map is zoomed further in.
const MAX_STOP_ZOOM: f64 = 11.0;

/// The User-Agent sent to tile servers, as their usage policies ask.
pub const USER_AGENT: &str = concat!(
    "itinera/",
    env!("CARGO_PKG_VERSION"),
    " (desktop viewer of travel routes in news articles)"
);

/// A tile source from an XYZ template.
struct Xyz {
    template: String,
}

impl TileSource for Xyz {
    fn tile_url(&self, tile_id: TileId) -> String {
        self.template
            .replace("{z}", &tile_id.zoom.to_string())
            .replace("{x}", &tile_id.x.to_string())
            .replace("{y}", &tile_id.y.to_string())
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "custom tiles",
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }
}

/// True when a custom template has the three placeholders and an http(s) scheme.
#[must_use]
pub fn valid_template(template: &str) -> bool {
    (template.starts_with("https://") || template.starts_with("http://"))
        && ["{z}", "{x}", "{y}"].iter().all(|p| template.contains(p))
}

/// The attribution line drawn on the map for a tile choice.
#[must_use]
pub fn attribution(choice: &TileChoice, tiles_shown: bool) -> String {
    let tiles = match choice {
        TileChoice::OpenStreetMap => "© OpenStreetMap contributors",
        TileChoice::OpenTopoMap => {
            "© OpenStreetMap contributors, SRTM · style © OpenTopoMap (CC-BY-SA)"
        }
        TileChoice::Custom(_) => "Custom tiles",
        TileChoice::BasemapOnly => "",
    };
    match (tiles_shown, tiles.is_empty()) {
        (true, false) => format!("{tiles} · Natural Earth"),
        _ => "Basemap: Natural Earth".to_owned(),
    }
}

struct LiveTiles {
    tiles: HttpTiles,
    created: Instant,
    failing_since: Option<Instant>,
    shown: bool,
}

/// Counts what the wrapped tiles had ready this frame.
struct Watched<'a> {
    inner: &'a mut HttpTiles,
    hits: u32,
    misses: u32,
}

impl Tiles for Watched<'_> {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.inner.at(tile_id);
        if piece.is_some() {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> walkers::Stats {
        self.inner.stats()
    }
}

struct Glide {
    from: [f64; 2],
    to: [f64; 2],
    from_zoom: f64,
    to_zoom: f64,
    start: f64,
}

/// The map panel's state kept between frames.
pub struct MapView {
    memory: MapMemory,
    network: bool,
    choice: TileChoice,
    tiles: Option<LiveTiles>,
    land: LandTexture,
    glide: Option<Glide>,
    camera_serial: u64,
    rect: Rect,
    /// Draw no zoom buttons or notes over the map (while its picture is taken).
    controls_hidden: bool,
    /// The credits drawn on the map in the last frame, and where.
    attribution: (String, Rect),
}

impl MapView {
    /// A map; `network` false keeps it to the embedded basemap (tests, benchmarks).
    #[must_use]
    pub fn new(network: bool) -> Self {
        let mut memory = MapMemory::default();
        memory.center_at(lat_lon(30.0, 15.0));
        let _ = memory.set_zoom(2.0);
        Self {
            memory,
            network,
            choice: TileChoice::BasemapOnly,
            tiles: None,
            land: LandTexture::default(),
            glide: None,
            camera_serial: 0,
            rect: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            controls_hidden: false,
            attribution: (String::new(), Rect::NOTHING),
        }
    }

    /// The map centre.
    #[must_use]
    pub fn center(&self) -> LatLon {
        let p = self.memory.detached().unwrap_or(lat_lon(0.0, 0.0));
        LatLon::new(p.y(), p.x())
    }

    /// Puts the map centre at `at` and the zoom at `zoom`, stopping any glide.
    pub fn center_on(&mut self, at: LatLon, zoom: f64) {
        self.glide = None;
        self.memory.center_at(lat_lon(at.lat, at.lon));
        let _ = self.memory.set_zoom(zoom.clamp(0.0, 19.0));
    }

    /// The screen rectangle the map filled in the last frame.
    #[must_use]
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Where a point is on screen with the current centre and zoom, on the copy of the world
    /// nearest the centre (where its marker is drawn).
    #[must_use]
    pub fn screen_position(&self, at: LatLon) -> Pos2 {
        let c = self.center();
        let transform = ScreenTransform::new(c.lat, c.lon, self.memory.zoom(), self.rect);
        let p = basemap::mercator(at.lat, at.lon);
        transform.to_screen(nearest_copy(transform.center, p))
    }

    /// Leaves the zoom buttons and the note about missing tiles off the map (`true`), for a
    /// picture of it; the attribution stays.
    pub fn hide_controls(&mut self, hidden: bool) {
        self.controls_hidden = hidden;
    }

    /// The credits line drawn on the map in the last frame, and the screen rectangle it
    /// took (inside [`MapView::rect`]).
    #[must_use]
    pub fn attribution_drawn(&self) -> (&str, Rect) {
        (&self.attribution.0, self.attribution.1)
    }

    /// The zoom level.
    #[must_use]
    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// True while the camera is gliding.
    #[must_use]
    pub fn gliding(&self) -> bool {
        self.glide.is_some()
    }

    /// Blocks until the land texture is ready (benchmarks and screenshots).
    pub fn wait_for_basemap(&mut self, ctx: &egui::Context) {
        self.land.wait(ctx);
    }

    /// Switches the tile source (no-op when unchanged).
    pub fn set_tiles(&mut self, choice: &TileChoice, ctx: &egui::Context) {
        if &self.choice == choice && (self.tiles.is_some() || !self.wants_tiles()) {
            return;
        }
        self.choice = choice.clone();
        self.tiles = None;
        if self.wants_tiles() {
            self.tiles = self.make_tiles(ctx).map(|tiles| LiveTiles {
                tiles,
                created: Instant::now(),
                failing_since: None,
                shown: false,
            });
        }
    }

    fn wants_tiles(&self) -> bool {
        self.network && self.choice != TileChoice::BasemapOnly
    }

    fn make_tiles(&self, ctx: &egui::Context) -> Option<HttpTiles> {
        let options = || HttpOptions {
            cache: dirs::cache_dir().map(|d| d.join("itinera").join("tiles")),
            user_agent: walkers::HeaderValue::from_str(USER_AGENT).ok(),
            ..HttpOptions::default()
        };
        let ctx = ctx.clone();
        Some(match &self.choice {
            TileChoice::OpenStreetMap => HttpTiles::with_options(OpenStreetMap, options(), ctx),
            TileChoice::OpenTopoMap => {
                HttpTiles::with_options(OpenTopoMap(OpenTopoServer::A), options(), ctx)
            }
            TileChoice::Custom(template) if valid_template(template) => HttpTiles::with_options(
                Xyz {
                    template: template.clone(),
                },
                options(),
                ctx,
            ),
            TileChoice::Custom(_) | TileChoice::BasemapOnly => return None,
        })
    }

    /// True when the user sees the built-in basemap, not tiles over it: no tile source, none
    /// shown yet, or tiles failing. Place names are written on the basemap only then (tiles
    /// bring their own, and would cover ours).
    fn basemap_seen(&self) -> bool {
        self.tiles
            .as_ref()
            .is_none_or(|t| !t.shown || t.failing_since.is_some())
    }

    /// True when tiles have been failing for a while (shown as a note on the map).
    #[must_use]
    pub fn offline(&self) -> bool {
        self.tiles
            .as_ref()
            .and_then(|t| t.failing_since)
            .is_some_and(|since| since.elapsed() > Duration::from_secs(3))
    }

    fn follow_camera(&mut self, state: &State, now: f64) {
        let Some(camera) = &state.camera else {
            return;
        };
        if camera.serial == self.camera_serial {
            return;
        }
        self.camera_serial = camera.serial;
        let zoom = self.memory.zoom();
        let (to, to_zoom) = match &camera.target {
            CameraTarget::Point(p) => (
                basemap::mercator(p.lat, p.lon),
                zoom.clamp(MIN_STOP_ZOOM, MAX_STOP_ZOOM),
            ),
            CameraTarget::Fit(points) => fit(points, self.rect.size()),
            CameraTarget::View(view) => {
                self.center_on(LatLon::new(view.lat, view.lon), view.zoom);
                return;
            }
        };
        let c = self.center();
        let from = basemap::mercator(c.lat, c.lon);
        self.glide = Some(Glide {
            from,
            to: nearest_copy(from, to),
            from_zoom: zoom,
            to_zoom,
            start: now,
        });
    }

    fn advance_glide(&mut self, now: f64) -> bool {
        let Some(g) = &self.glide else {
            return false;
        };
        let t = ((now - g.start) / GLIDE_SECONDS).clamp(0.0, 1.0);
        let e = t * t * (3.0 - 2.0 * t);
        let p = [
            g.from[0] + (g.to[0] - g.from[0]) * e,
            g.from[1] + (g.to[1] - g.from[1]) * e,
        ];
        let zoom = g.from_zoom + (g.to_zoom - g.from_zoom) * e;
        let (lat, lon) = unmercator(p);
        // A glide the short way over the antimeridian passes longitudes past ±180; it
        // ends back on the main copy of the world (everything drawn has its copies).
        let lon = if t >= 1.0 { wrap_lon(lon) } else { lon };
        self.memory.center_at(lat_lon(lat, lon));
        let _ = self.memory.set_zoom(zoom.clamp(0.0, 19.0));
        if t >= 1.0 {
            self.glide = None;
        }
        true
    }

    /// Shows the map filling `ui`; returns what the user did on it.
    pub fn show(&mut self, ui: &mut Ui, state: &State, dark: bool) -> Option<Action> {
        let now = ui.input(|i| i.time);
        // The map's size first: a fit asked for this frame must use it, not last frame's.
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        self.follow_camera(state, now);
        if self.advance_glide(now) {
            ui.ctx().request_repaint();
        }

        // Basemap first, under the tiles.
        let center = self.center();
        let transform = ScreenTransform::new(center.lat, center.lon, self.memory.zoom(), rect);
        let colours = style::basemap_colours(dark);
        let land = self.land.get(ui.ctx()).cloned();
        basemap::paint(
            &ui.painter().with_clip_rect(rect),
            rect,
            &transform,
            &colours,
            land.as_ref(),
            self.memory.zoom(),
        );
        if self.basemap_seen() {
            // the route's markers, where the plugin will draw them, so no name hides under one
            let markers: Vec<Rect> = state
                .visible_points()
                .into_iter()
                .map(|p| {
                    let at = transform.to_screen(nearest_copy(
                        transform.center,
                        basemap::mercator(p.lat, p.lon),
                    ));
                    Rect::from_center_size(at, Vec2::splat(2.0 * style::MARKER_RADIUS + 2.0))
                })
                .collect();
            basemap::labels::paint(
                &ui.painter().with_clip_rect(rect),
                rect,
                &transform,
                &colours,
                self.memory.zoom(),
                &markers,
            );
        }

        let mut action = None;
        let my_position = lat_lon(center.lat, center.lon);
        let plugin = RoutePlugin {
            state,
            out: &mut action,
        };
        let mut hits = 0;
        let mut misses = 0;
        let mut in_progress = 0;
        let response = if let Some(live) = &mut self.tiles {
            let mut watched = Watched {
                inner: &mut live.tiles,
                hits: 0,
                misses: 0,
            };
            let response = Map::new(Some(&mut watched), &mut self.memory, my_position)
                .zoom_with_ctrl(false)
                .with_plugin(plugin)
                .show(ui, |_, _, _, _| ())
                .response;
            hits = watched.hits;
            misses = watched.misses;
            in_progress = watched.stats().in_progress;
            response
        } else {
            Map::new(None, &mut self.memory, my_position)
                .zoom_with_ctrl(false)
                .with_plugin(plugin)
                .show(ui, |_, _, _, _| ())
                .response
        };
        if response.dragged() {
            self.glide = None;
        }
        self.watch_tiles(ui.ctx(), hits, misses, in_progress);
        let shown = self.tiles.as_ref().is_some_and(|t| t.shown);
        self.overlay(ui, rect, &attribution(&state.settings.tiles, shown));
        action
    }

    fn watch_tiles(&mut self, ctx: &egui::Context, hits: u32, misses: u32, in_progress: usize) {
        let Some(live) = &mut self.tiles else {
            return;
        };
        if hits > 0 {
            live.shown = true;
        }
        if misses == 0 {
            live.failing_since = None;
        } else if in_progress == 0 {
            let since = *live.failing_since.get_or_insert_with(Instant::now);
            if since.elapsed() > RETRY_AFTER && live.created.elapsed() > RETRY_AFTER {
                // walkers never asks again for a tile that failed: start afresh.
                if let Some(tiles) = self.make_tiles(ctx)
                    && let Some(live) = &mut self.tiles
                {
                    live.tiles = tiles;
                    live.created = Instant::now();
                    live.failing_since = None;
                }
            }
            ctx.request_repaint_after(Duration::from_secs(5));
        }
    }

    fn overlay(&mut self, ui: &mut Ui, rect: Rect, attribution: &str) {
        let painter = ui.painter().with_clip_rect(rect);
        let font = FontId::proportional(11.0);
        // wrapped on a narrow map, so the credits stay whole inside it (and in its picture)
        let galley = painter.layout(
            attribution.to_owned(),
            font,
            style::ATTRIBUTION_TEXT,
            (rect.width() - 12.0).max(40.0),
        );
        let at = rect.right_bottom() - vec2(4.0, 2.0);
        let text_rect = Align2::RIGHT_BOTTOM.anchor_size(at, galley.size());
        painter.rect_filled(text_rect.expand(2.0), 2.0, style::ATTRIBUTION_BG);
        painter.galley(text_rect.min, galley, style::ATTRIBUTION_TEXT);
        self.attribution = (attribution.to_owned(), text_rect.expand(2.0));

        if self.controls_hidden {
            return;
        }
        if self.offline() {
            let note = "Tiles unavailable: showing the built-in basemap";
            let galley = painter.layout_no_wrap(
                note.to_owned(),
                FontId::proportional(12.0),
                style::ATTRIBUTION_TEXT,
            );
            let r =
                Align2::CENTER_TOP.anchor_size(rect.center_top() + vec2(0.0, 6.0), galley.size());
            painter.rect_filled(r.expand(4.0), 4.0, style::ATTRIBUTION_BG);
            painter.galley(r.min, galley, style::ATTRIBUTION_TEXT);
        }

        let buttons = Rect::from_min_size(rect.left_top() + vec2(8.0, 8.0), vec2(28.0, 60.0));
        ui.scope_builder(egui::UiBuilder::new().max_rect(buttons), |ui| {
            ui.spacing_mut().item_spacing.y = 4.0;
            if ui
                .add_sized([28.0, 28.0], egui::Button::new("+"))
                .on_hover_text("Zoom in")
                .clicked()
            {
                self.glide = None;
                let _ = self.memory.zoom_in();
            }
            if ui
                .add_sized([28.0, 28.0], egui::Button::new("−"))
                .on_hover_text("Zoom out")
                .clicked()
            {
                self.glide = None;
                let _ = self.memory.zoom_out();
            }
        });
    }
}

fn unmercator(p: [f64; 2]) -> (f64, f64) {
    let lon = p[0] * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * p[1]))
        .sinh()
        .atan()
        .to_degrees();
    (lat, lon)
}

/// Longitudes made continuous along a route: each point's longitude is moved by whole turns
/// to lie within 180° of the one before, so that a leg over the antimeridian (Suva to Apia)
/// goes the short way across ±180° instead of back across the whole map. Latitudes are kept.
#[must_use]
pub fn unwrap_route(points: &[LatLon]) -> Vec<LatLon> {
    let mut out: Vec<LatLon> = Vec::with_capacity(points.len());
    for &p in points {
        let lon = match out.last() {
            Some(prev) => prev.lon + wrap_lon(p.lon - prev.lon),
            None => p.lon,
        };
        out.push(LatLon { lat: p.lat, lon });
    }
    out
}

/// A longitude difference or position brought into `-180..180` degrees.
fn wrap_lon(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// The narrowest band of longitude holding every point, as `(west, east)` in degrees with
/// `west` in `-180..180` and `west <= east < west + 360` (east past 180 when the band
/// crosses the antimeridian: Tokyo and Los Angeles give about `(139.7, 241.8)`). `None`
/// without points.
#[must_use]
pub fn lon_extent(lons: &[f64]) -> Option<(f64, f64)> {
    let mut sorted: Vec<f64> = lons
        .iter()
        .filter(|l| l.is_finite())
        .map(|&l| wrap_lon(l))
        .collect();
    sorted.sort_by(f64::total_cmp);
    let (&first, &last) = (sorted.first()?, sorted.last()?);
    // The band leaves out the widest gap between neighbours on the circle: by default the
    // one over the antimeridian, from the easternmost point round to the westernmost.
    let (mut west, mut east, mut gap) = (first, last, first + 360.0 - last);
    for pair in sorted.windows(2) {
        if pair[1] - pair[0] > gap {
            gap = pair[1] - pair[0];
            (west, east) = (pair[1], pair[0] + 360.0);
        }
    }
    Some((west, east))
}

/// Centre (normalised Mercator, x in `0..1`) and zoom showing every point in a map of
/// `size` points, with a margin; a set of points across the antimeridian is fitted over it.
fn fit(points: &[LatLon], size: Vec2) -> ([f64; 2], f64) {
    let lons: Vec<f64> = points.iter().map(|p| p.lon).collect();
    let Some((west, east)) = lon_extent(&lons) else {
        return ([0.5, 0.5], 2.0);
    };
    let (mut top, mut bottom) = (f64::MAX, f64::MIN);
    for p in points {
        let y = basemap::mercator(p.lat, 0.0)[1];
        top = top.min(y);
        bottom = bottom.max(y);
    }
    let mid_lon = wrap_lon(f64::midpoint(west, east));
    let center = [(mid_lon + 180.0) / 360.0, f64::midpoint(top, bottom)];
    let usable = [
        f64::from(size.x - 120.0).max(100.0),
        f64::from(size.y - 120.0).max(100.0),
    ];
    let span = [((east - west) / 360.0).max(1e-9), (bottom - top).max(1e-9)];
    let world = (usable[0] / span[0]).min(usable[1] / span[1]);
    let zoom = (world / 256.0).log2().clamp(1.0, 10.0);
    (center, zoom)
}

/// `to`'s x moved by whole worlds to the copy nearest `from`'s, so that a glide takes the
/// short way round.
fn nearest_copy(from: [f64; 2], to: [f64; 2]) -> [f64; 2] {
    [to[0] + (from[0] - to[0]).round(), to[1]]
}

/// Paints every visible actor's route and reports clicks on markers.
struct RoutePlugin<'a> {
    state: &'a State,
    out: &'a mut Option<Action>,
}

impl Plugin for RoutePlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &walkers::MapMemory,
    ) {
        let Some(analysis) = self.state.analysis() else {
            return;
        };
        let painter = ui.painter().with_clip_rect(response.rect);
        let clip = response.rect.expand(40.0);
        let to_screen = |p: LatLon| -> Pos2 { projector.project(lat_lon(p.lat, p.lon)).to_pos2() };
        let selected = self.state.selected;
        let mut clicked: Option<StopRef> = None;

        // Legs first (under the markers); the active actor last, on top.
        let mut order: Vec<usize> = (0..analysis.actors.len())
            .filter(|&a| self.state.is_visible(a))
            .collect();
        order.sort_by_key(|&a| a == self.state.active_actor);
        // One world's width in points, and where the view's centre is: a route is drawn with
        // its longitudes unwrapped (short way over the antimeridian), on every copy of the
        // world that meets the map, and each marker on the copy nearest the centre.
        let world_width =
            projector.project(lat_lon(0.0, 180.0)).x - projector.project(lat_lon(0.0, -180.0)).x;
        let centre_x = response.rect.center().x;
        for &a in &order {
            let actor = &analysis.actors[a];
            let colour = style::actor_colour(a);
            let valid: Vec<usize> = (0..actor.stops.len())
                .filter(|&s| actor.stops[s].place.latlon.is_valid())
                .collect();
            let unwrapped = unwrap_route(
                &valid
                    .iter()
                    .map(|&s| actor.stops[s].place.latlon)
                    .collect::<Vec<_>>(),
            );
            for (pair, ends) in valid.windows(2).zip(unwrapped.windows(2)) {
                let to = &actor.stops[pair[1]];
                let phase = match selected {
                    Some(sel) if sel.actor == a => match pair[1].cmp(&sel.stop) {
                        std::cmp::Ordering::Less => LegPhase::Travelled,
                        std::cmp::Ordering::Equal => LegPhase::Current,
                        std::cmp::Ordering::Greater => LegPhase::ToCome,
                    },
                    _ => LegPhase::Travelled,
                };
                let points: Vec<Pos2> = great_circle(ends[0], ends[1])
                    .into_iter()
                    .map(to_screen)
                    .collect();
                let width = if phase == LegPhase::Current {
                    style::CURRENT_LEG_WIDTH
                } else {
                    style::LEG_WIDTH
                };
                let stroke = Stroke::new(width, style::leg_colour(colour, phase));
                let bounds = Rect::from_points(&points);
                for shift in copies_in_view(bounds, clip, world_width) {
                    let points: Vec<Pos2> = points.iter().map(|p| *p + vec2(shift, 0.0)).collect();
                    if matches!(
                        to.status,
                        Status::Expected | Status::Reported | Status::Denied
                    ) {
                        painter.extend(Shape::dashed_line(&points, stroke, 9.0, 6.0));
                    } else {
                        painter.add(Shape::line(points.clone(), stroke));
                    }
                    arrow(&painter, &points, stroke.color, width);
                }
            }
        }

        // The places "Wrong place?" offers, under the route's markers.
        super::itinerary::paint_place_choices(&painter, self.state, &to_screen);

        // Markers, the selected one last so that it is on top of its neighbours.
        let hover = ui.ctx().pointer_hover_pos();
        let mut markers: Vec<(usize, usize)> = order
            .iter()
            .flat_map(|&a| (0..analysis.actors[a].stops.len()).map(move |s| (a, s)))
            .filter(|&(a, s)| selected != Some(StopRef { actor: a, stop: s }))
            .collect();
        markers.extend(
            selected
                .filter(|sel| order.contains(&sel.actor))
                .map(|sel| (sel.actor, sel.stop)),
        );
        markers.retain(|&(a, s)| {
            analysis.actors[a]
                .stops
                .get(s)
                .is_some_and(|stop| stop.place.latlon.is_valid())
        });
        let true_points: Vec<Pos2> = markers
            .iter()
            .map(|&(a, s)| {
                let p = to_screen(analysis.actors[a].stops[s].place.latlon);
                p + vec2(nearest_shift(p.x, centre_x, world_width), 0.0)
            })
            .collect();
        // markers of places a few kilometres apart (Ruse and Giurgiu) fan out around their
        // points instead of hiding one another, each tied to its point by a thin line
        // the selected marker (drawn last, on top) keeps its own point; the others give way
        let mut priority: Vec<usize> = (0..markers.len()).collect();
        priority.sort_by_key(|&i| {
            selected
                != Some(StopRef {
                    actor: markers[i].0,
                    stop: markers[i].1,
                })
        });
        let placed = spread(
            &priority.iter().map(|&i| true_points[i]).collect::<Vec<_>>(),
            2.0 * style::MARKER_RADIUS + 2.0,
        );
        let mut shown = true_points.clone();
        for (&i, &at) in priority.iter().zip(&placed) {
            shown[i] = at;
        }
        for ((&(a, s), &point), &at) in markers.iter().zip(&true_points).zip(&shown) {
            let actor = &analysis.actors[a];
            let colour = style::actor_colour(a);
            let Some(stop) = actor.stops.get(s) else {
                continue;
            };
            if !clip.contains(at) {
                continue;
            }
            if at != point {
                painter.line_segment([point, at], Stroke::new(1.0, colour));
                painter.circle_filled(point, 2.0, colour);
            }
            let here = StopRef { actor: a, stop: s };
            let is_selected = selected == Some(here);
            let radius = if is_selected {
                style::MARKER_RADIUS + 3.0
            } else {
                style::MARKER_RADIUS
            };
            let (fill, text) = match stop.status {
                Status::Expected => (Color32::WHITE, colour),
                Status::Denied => (Color32::GRAY, style::ON_DARK),
                _ => (colour, style::ON_DARK),
            };
            if is_selected {
                painter.circle_filled(at, radius + 4.0, style::SELECTED_HALO);
            }
            painter.circle(
                at,
                radius,
                fill,
                Stroke::new(
                    2.0,
                    if fill == Color32::WHITE {
                        colour
                    } else {
                        Color32::WHITE
                    },
                ),
            );
            painter.text(
                at,
                Align2::CENTER_CENTER,
                (s + 1).to_string(),
                FontId::proportional(11.0),
                text,
            );
            if is_selected {
                let label = painter.layout_no_wrap(
                    stop.place.name.clone(),
                    FontId::proportional(13.0),
                    Color32::BLACK,
                );
                // Right of the marker, or left of it when it would leave the map.
                let size = label.size();
                let right = at + vec2(radius + 6.0, -size.y / 2.0);
                let min = if right.x + size.x + 4.0 > response.rect.right() {
                    at + vec2(-radius - 6.0 - size.x, -size.y / 2.0)
                } else {
                    right
                };
                let r = Rect::from_min_size(min, size);
                painter.rect_filled(r.expand(3.0), 3.0, style::LABEL_BG);
                painter.galley(r.min, label, Color32::BLACK);
            }
            let hit = Rect::from_center_size(at, Vec2::splat(radius * 2.0));
            let id = ui.scope_id().with(("marker", a, s));
            let marker = ui.interact(hit, id, Sense::click());
            let name = format!("Map marker {}: {}", s + 1, stop.place.name);
            marker.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if marker.clicked() {
                clicked = Some(here);
            }
            if hover.is_some_and(|h| h.distance(at) <= radius) {
                marker.on_hover_text(format!("{} — {}", stop.place.name, actor.name));
            }
        }
        if let Some(here) = clicked {
            *self.out = Some(Action::Select(here));
        }
    }
}

/// The horizontal shifts, in whole worlds of `world_width` points, that bring something
/// spanning `bounds` into `clip` (none when it is nowhere in view).
fn copies_in_view(bounds: Rect, clip: Rect, world_width: f32) -> Vec<f32> {
    let measurable = world_width.is_finite() && world_width > 1.0 && bounds.is_finite();
    if !measurable {
        return if bounds.intersects(clip) {
            vec![0.0]
        } else {
            Vec::new()
        };
    }
    if bounds.max.y < clip.min.y || bounds.min.y > clip.max.y {
        return Vec::new();
    }
    let first = ((clip.min.x - bounds.max.x) / world_width).ceil().max(-8.0);
    let last = ((clip.max.x - bounds.min.x) / world_width).floor().min(8.0);
    let mut out = Vec::new();
    let mut k = first;
    while k <= last {
        out.push(k * world_width);
        k += 1.0;
    }
    out
}

/// The shift, in whole worlds of `world_width` points, that brings `x` nearest `centre_x`.
fn nearest_shift(x: f32, centre_x: f32, world_width: f32) -> f32 {
    if world_width > 1.0 && x.is_finite() {
        ((centre_x - x) / world_width).round() * world_width
    } else {
        0.0
    }
}

/// Screen positions for markers at `points`, in drawing order: a marker that would cover
/// one placed before it (closer than `gap`) moves to the first free spot on rings around
/// its point, so that every marker stays visible and clickable.
fn spread(points: &[Pos2], gap: f32) -> Vec<Pos2> {
    // placed markers by grid cell of side `gap`, so that each test looks at the nine
    // cells around a point only and a frame stays linear in the number of markers
    #[expect(clippy::cast_possible_truncation, reason = "screen cells fit an i32")]
    let cell = |q: Pos2| ((q.x / gap).floor() as i32, (q.y / gap).floor() as i32);
    let mut grid: std::collections::HashMap<(i32, i32), Vec<Pos2>> =
        std::collections::HashMap::with_capacity(points.len());
    let free = |q: Pos2, grid: &std::collections::HashMap<(i32, i32), Vec<Pos2>>| {
        let (cx, cy) = cell(q);
        (-1..=1).all(|dx| {
            (-1..=1).all(|dy| {
                grid.get(&(cx + dx, cy + dy))
                    .is_none_or(|v| v.iter().all(|o| o.distance(q) >= gap))
            })
        })
    };
    let mut placed: Vec<Pos2> = Vec::with_capacity(points.len());
    for &p in points {
        let mut at = p;
        if gap > 0.0 && p.is_finite() && !free(p, &grid) {
            'rings: for ring in 1..=3u8 {
                let distance = gap * f32::from(ring);
                let steps = 6 * u16::from(ring);
                for k in 0..steps {
                    // clockwise from the top
                    let angle = std::f32::consts::TAU * f32::from(k) / f32::from(steps);
                    let q = p + vec2(angle.sin(), -angle.cos()) * distance;
                    if free(q, &grid) {
                        at = q;
                        break 'rings;
                    }
                }
            }
        }
        if gap > 0.0 && at.is_finite() {
            grid.entry(cell(at)).or_default().push(at);
        }
        placed.push(at);
    }
    placed
}

/// Points along the great circle from `a` to `b`; a straight pair for short legs.
fn great_circle(from: LatLon, to: LatLon) -> Vec<LatLon> {
    let km = from.distance_km(to);
    if km < 300.0 {
        return vec![from, to];
    }
    let steps = ((km / 150.0) as usize).clamp(4, 64);
    let unit = |point: LatLon| {
        let (lat, lon) = (point.lat.to_radians(), point.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (start, end) = (unit(from), unit(to));
    let omega = (start[0] * end[0] + start[1] * end[1] + start[2] * end[2])
        .clamp(-1.0, 1.0)
        .acos();
    if omega.sin().abs() < 1e-9 {
        return vec![from, to];
    }
    let mut out = Vec::with_capacity(steps + 1);
    let mut prev_lon = from.lon;
    for step in 0..=steps {
        let frac = step as f64 / steps as f64;
        let weight_start = ((1.0 - frac) * omega).sin() / omega.sin();
        let weight_end = (frac * omega).sin() / omega.sin();
        let mix = [
            weight_start * start[0] + weight_end * end[0],
            weight_start * start[1] + weight_end * end[1],
            weight_start * start[2] + weight_end * end[2],
        ];
        let lat = mix[2].atan2(mix[0].hypot(mix[1])).to_degrees();
        let mut lon = mix[1].atan2(mix[0]).to_degrees();
        // Keep longitudes continuous so a leg over the antimeridian is not drawn across the world.
        while lon - prev_lon > 180.0 {
            lon -= 360.0;
        }
        while prev_lon - lon > 180.0 {
            lon += 360.0;
        }
        prev_lon = lon;
        out.push(LatLon { lat, lon });
    }
    out
}

/// A direction arrow half-way along a polyline.
fn arrow(painter: &egui::Painter, points: &[Pos2], colour: Color32, width: f32) {
    if points.len() < 2 {
        return;
    }
    let total: f32 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    if total < 40.0 {
        return;
    }
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let d = w[0].distance(w[1]);
        if d >= left && d > 0.0 {
            let dir = (w[1] - w[0]) / d;
            let tip = w[0] + dir * left + dir * 6.0;
            let normal = vec2(-dir.y, dir.x);
            let size = 5.0 + width;
            let base = tip - dir * size * 1.6;
            painter.add(Shape::convex_polygon(
                vec![tip, base + normal * size, base - normal * size],
                colour,
                Stroke::NONE,
            ));
            return;
        }
        left -= d;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_need_the_three_placeholders() {
        let table = [
            ("https://t.example/{z}/{x}/{y}.png", true),
            ("http://t.example/{z}/{y}/{x}", true),
            ("https://t.example/{z}/{x}.png", false),
            ("file:///{z}/{x}/{y}", false),
            ("", false),
        ];
        for (template, expected) in table {
            assert_eq!(valid_template(template), expected, "{template}");
        }
    }

    #[test]
    fn markers_on_top_of_each_other_fan_out_and_far_ones_stay() {
        let points = [
            Pos2::new(100.0, 100.0),
            Pos2::new(103.0, 101.0),
            Pos2::new(100.0, 100.0),
            Pos2::new(300.0, 300.0),
        ];
        let shown = spread(&points, 20.0);
        assert_eq!(shown[0], points[0]);
        assert_eq!(shown[3], points[3]);
        for i in 0..shown.len() {
            for j in 0..i {
                assert!(shown[i].distance(shown[j]) >= 19.9, "{i} {j}: {shown:?}");
            }
        }
        // moved ones stay close to their points
        assert!(shown[1].distance(points[1]) <= 40.0);
        assert!(shown[2].distance(points[2]) <= 40.0);
    }

    #[test]
    fn a_thousand_markers_on_one_point_are_spread_without_hanging() {
        let points = vec![Pos2::new(50.0, 50.0); 1000];
        let shown = spread(&points, 20.0);
        assert_eq!(shown.len(), 1000);
        // the first few dozen find room on the three rings; the rest stay on the point
        let moved: Vec<&Pos2> = shown.iter().filter(|p| **p != points[0]).collect();
        assert!((20..=36).contains(&moved.len()), "{}", moved.len());
        assert!(moved.iter().all(|p| p.distance(points[0]) <= 60.5));
        assert!(spread(&[Pos2::new(f32::NAN, 1.0)], 20.0)[0].x.is_nan());
    }

    #[test]
    fn fitting_two_cities_centres_between_them() {
        let (c, zoom) = fit(
            &[LatLon::new(48.2, 16.4), LatLon::new(44.8, 20.4)],
            vec2(800.0, 600.0),
        );
        let (lat, lon) = unmercator(c);
        assert!(
            (lon - 18.4).abs() < 0.01 && (lat - 46.5).abs() < 0.3,
            "{lat} {lon}"
        );
        assert!((5.0..9.0).contains(&zoom), "{zoom}");
    }

    #[test]
    fn a_long_leg_follows_the_great_circle_across_the_antimeridian() {
        let points = great_circle(LatLon::new(35.7, 139.7), LatLon::new(37.8, -122.4));
        assert!(points.len() > 10);
        assert!(
            points
                .windows(2)
                .all(|w| (w[0].lon - w[1].lon).abs() < 180.0)
        );
        let highest = points.iter().map(|p| p.lat).fold(f64::MIN, f64::max);
        assert!(highest > 45.0, "bends north: {highest}");
    }

    #[test]
    fn a_route_over_the_antimeridian_is_unwrapped_the_short_way() {
        let tour = [
            LatLon::new(-18.1, 178.4),  // Suva
            LatLon::new(-13.8, -171.8), // Apia
            LatLon::new(-21.1, -175.2), // Nuku'alofa
            LatLon::new(-17.5, -149.6), // Papeete
            LatLon::new(-18.1, 178.4),  // Suva again
        ];
        let lons: Vec<f64> = unwrap_route(&tour).iter().map(|p| p.lon).collect();
        let expected = [178.4, 188.2, 184.8, 210.4, 178.4];
        for (got, want) in lons.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{lons:?}");
        }
        assert!(
            unwrap_route(&tour)
                .iter()
                .zip(tour)
                .all(|(u, t)| (u.lat - t.lat).abs() < 1e-12)
        );
        // westward over it, and a route that never comes near it, are left alone
        let west = unwrap_route(&[LatLon::new(34.0, -118.2), LatLon::new(35.7, 139.7)]);
        assert!((west[1].lon - -220.3).abs() < 1e-9, "{west:?}");
        let europe = [LatLon::new(48.2, 16.4), LatLon::new(44.8, 20.4)];
        assert_eq!(unwrap_route(&europe), europe.to_vec());
        assert!(unwrap_route(&[]).is_empty());
    }

    #[test]
    fn the_longitude_extent_is_the_narrowest_band_holding_every_point() {
        let check = |lons: &[f64], want: Option<(f64, f64)>| {
            let got = lon_extent(lons);
            match (got, want) {
                (Some(g), Some(w)) => assert!(
                    (g.0 - w.0).abs() < 1e-9 && (g.1 - w.1).abs() < 1e-9,
                    "{lons:?}: {g:?}, not {w:?}"
                ),
                _ => assert_eq!(got, want, "{lons:?}"),
            }
        };
        check(&[16.4, 20.4, 19.0], Some((16.4, 20.4)));
        check(&[139.7, -118.2], Some((139.7, 241.8)));
        check(&[178.4, -171.8, -175.2, -149.6], Some((178.4, 210.4)));
        check(&[-170.0, 170.0, 0.0], Some((0.0, 190.0)));
        check(&[190.0], Some((-170.0, -170.0)));
        check(&[], None);
        check(&[f64::NAN], None);
    }

    #[test]
    fn a_pacific_tour_and_a_transpacific_flight_are_fitted_tightly() {
        let size = vec2(800.0, 600.0);
        let tour = [
            LatLon::new(-18.1, 178.4),
            LatLon::new(-13.8, -171.8),
            LatLon::new(-21.1, -175.2),
            LatLon::new(-17.5, -149.6),
        ];
        let (c, zoom) = fit(&tour, size);
        let (_, lon) = unmercator(c);
        assert!(
            (lon - -165.6).abs() < 0.01,
            "centred between Suva and Papeete: {lon}"
        );
        assert!(zoom > 4.0, "not the whole world: {zoom}");
        let (c, zoom) = fit(&[LatLon::new(35.7, 139.7), LatLon::new(34.0, -118.2)], size);
        let (_, lon) = unmercator(c);
        assert!((lon - -169.25).abs() < 0.01, "over the Pacific: {lon}");
        assert!(zoom > 2.0, "{zoom}");
    }

    #[test]
    fn a_glide_goes_to_the_copy_of_its_target_nearest_where_it_starts() {
        let table = [
            ([0.98, 0.5], [0.02, 0.4], [1.02, 0.4]),
            ([0.02, 0.5], [0.98, 0.4], [-0.02, 0.4]),
            ([0.4, 0.5], [0.6, 0.4], [0.6, 0.4]),
        ];
        for (from, to, want) in table {
            let got = nearest_copy(from, to);
            assert!(
                (got[0] - want[0]).abs() < 1e-12 && (got[1] - want[1]).abs() < 1e-12,
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_leg_is_drawn_on_the_copies_of_the_world_in_view() {
        let clip = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(800.0, 600.0));
        let world = 1024.0;
        // in view as it is
        let inside = Rect::from_min_max(Pos2::new(100.0, 100.0), Pos2::new(300.0, 200.0));
        assert_eq!(copies_in_view(inside, clip, world), vec![0.0]);
        // a world to the right of the map: drawn one world to the left
        let right = Rect::from_min_max(Pos2::new(1100.0, 100.0), Pos2::new(1300.0, 200.0));
        assert_eq!(copies_in_view(right, clip, world), vec![-1024.0]);
        // a narrow world (zoomed out): more than one copy shows
        assert_eq!(copies_in_view(inside, clip, 500.0), vec![0.0, 500.0]);
        // above the map: nowhere
        let above = Rect::from_min_max(Pos2::new(100.0, -300.0), Pos2::new(300.0, -200.0));
        assert!(copies_in_view(above, clip, world).is_empty());
        assert!((nearest_shift(1400.0, 400.0, world) - -1024.0).abs() < 1e-3);
        assert!(nearest_shift(500.0, 400.0, world).abs() < 1e-3);
    }

    #[test]
    fn attribution_credits_the_sources_shown() {
        assert_eq!(
            attribution(&TileChoice::OpenStreetMap, true),
            "© OpenStreetMap contributors · Natural Earth"
        );
        assert_eq!(
            attribution(&TileChoice::OpenStreetMap, false),
            "Basemap: Natural Earth"
        );
    }
}
