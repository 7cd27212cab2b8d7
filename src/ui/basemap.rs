//! The embedded Natural Earth basemap: land, lakes, coastlines, borders, rivers and place
//! names, drawn under the tiles so the route stays readable offline.
//!
//! The data is `assets/basemap/world.bin.gz`, made by `scripts/build_basemap.py` (the format
//! is described there), and `assets/basemap/labels.tsv`, made by `scripts/build_labels.py`
//! (see [`labels`]). Points are kept in normalised Web Mercator (`0..1` both ways, y down).

pub mod labels;

use std::f64::consts::PI;
use std::io::Read;
use std::sync::OnceLock;

use egui::{Color32, ColorImage, Mesh, Painter, Pos2, Rect, Shape, TextureHandle, pos2};

use super::style::BasemapColours;

static DATA: &[u8] = include_bytes!("../../assets/basemap/world.bin.gz");

/// Zoom from which state and province borders are drawn.
const ADMIN1_MIN_ZOOM: f64 = 3.5;

/// Web Mercator's latitude limit, in degrees.
pub const MAX_LAT: f64 = 85.051_128_78;

/// Which layer a polyline belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Outer and inner rings of land.
    Land,
    /// Lake shores (rings).
    Lake,
    /// Coastlines.
    Coast,
    /// Borders between countries.
    Border,
    /// Rivers.
    River,
    /// Borders between states and provinces (Natural Earth has them at this scale for the
    /// United States, Canada, Brazil and Australia only).
    Admin1,
}

/// One polyline with its bounding box, in normalised Mercator.
#[derive(Clone, Debug)]
pub struct Line {
    /// Layer.
    pub kind: Kind,
    /// `[min_x, min_y, max_x, max_y]`.
    pub bbox: [f32; 4],
    /// Points.
    pub points: Vec<[f32; 2]>,
}

/// The decoded basemap.
#[derive(Debug, Default)]
pub struct Basemap {
    /// Every polyline.
    pub lines: Vec<Line>,
}

/// Normalised Web Mercator coordinates of a latitude and longitude in degrees.
#[must_use]
pub fn mercator(lat: f64, lon: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - lat.tan().asinh() / PI) / 2.0;
    [x, y]
}

impl Basemap {
    /// The basemap shipped in the binary, decoded on first use.
    #[must_use]
    pub fn embedded() -> &'static Basemap {
        static MAP: OnceLock<Basemap> = OnceLock::new();
        MAP.get_or_init(|| Basemap::decode(DATA).unwrap_or_default())
    }

    /// Decodes the gzipped format of `scripts/build_basemap.py`; `None` when malformed.
    #[must_use]
    #[expect(
        clippy::many_single_char_names,
        reason = "short names follow the file layout's field letters"
    )]
    pub fn decode(gz: &[u8]) -> Option<Basemap> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(gz)
            .read_to_end(&mut raw)
            .ok()?;
        let mut r = Reader { bytes: &raw, at: 0 };
        if r.take(4)? != b"ITBM" || r.u8()? != 1 {
            return None;
        }
        let layers = r.u8()?;
        let mut lines = Vec::new();
        for _ in 0..layers {
            let kind = match r.u8()? {
                0 => Kind::Land,
                1 => Kind::Lake,
                2 => Kind::Coast,
                3 => Kind::Border,
                4 => Kind::River,
                5 => Kind::Admin1,
                _ => return None,
            };
            let count = r.u32()?;
            for _ in 0..count {
                let n = r.u32()? as usize;
                let mut points = Vec::with_capacity(n.min(1 << 20));
                let mut bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
                for _ in 0..n {
                    let lon = f64::from(r.i16()?) * 180.0 / 32_767.0;
                    let lat = f64::from(r.i16()?) * 90.0 / 32_767.0;
                    let [x, y] = mercator(lat, lon);
                    let p = [x as f32, y as f32];
                    bbox = [
                        bbox[0].min(p[0]),
                        bbox[1].min(p[1]),
                        bbox[2].max(p[0]),
                        bbox[3].max(p[1]),
                    ];
                    points.push(p);
                }
                lines.push(Line { kind, bbox, points });
            }
        }
        Some(Basemap { lines })
    }

    /// A `size`×`size` coverage mask of land in normalised Mercator (even–odd fill of the
    /// land and lake rings): white where there is land, transparent elsewhere.
    #[must_use]
    pub fn land_mask(&self, size: usize) -> ColorImage {
        let mut rows: Vec<Vec<f32>> = vec![Vec::new(); size];
        let scale = size as f32;
        for line in self
            .lines
            .iter()
            .filter(|l| matches!(l.kind, Kind::Land | Kind::Lake))
        {
            let next = line.points.iter().cycle().skip(1);
            for (&a, &b) in line.points.iter().zip(next) {
                let (ay, by) = (a[1] * scale, b[1] * scale);
                if (ay - by).abs() < f32::EPSILON {
                    continue;
                }
                let (lo, hi) = if ay < by { (ay, by) } else { (by, ay) };
                // Rows whose centre lies in [lo, hi).
                let first = (lo - 0.5).ceil().max(0.0) as usize;
                let last = ((hi - 0.5).ceil().max(0.0) as usize).min(size);
                for (row, crossings) in rows.iter_mut().enumerate().take(last).skip(first) {
                    let y = row as f32 + 0.5;
                    // Rings are planar (the builder cuts them at the antimeridian and closes
                    // Antarctica along the pole), so every edge is a straight segment here.
                    let t = (y - ay) / (by - ay);
                    crossings.push((a[0] + t * (b[0] - a[0])) * scale);
                }
            }
        }
        let mut pixels = vec![Color32::TRANSPARENT; size * size];
        for (row, crossings) in rows.iter_mut().enumerate() {
            crossings.sort_by(f32::total_cmp);
            for pair in crossings.chunks_exact(2) {
                let from = (pair[0] - 0.5).ceil().max(0.0) as usize;
                let to = ((pair[1] - 0.5).ceil().max(0.0) as usize).min(size);
                for px in &mut pixels[row * size + from.min(size)..row * size + to] {
                    *px = Color32::WHITE;
                }
            }
        }
        ColorImage::new([size, size], pixels)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let out = self.bytes.get(self.at..self.at + n)?;
        self.at += n;
        Some(out)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(i16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
}

/// Maps normalised Mercator to screen points for one frame of the map.
#[derive(Clone, Copy, Debug)]
pub struct ScreenTransform {
    /// Normalised Mercator of the map centre.
    pub center: [f64; 2],
    /// Size of the whole world in points at this zoom.
    pub world: f64,
    /// Screen position of the map centre.
    pub screen_center: Pos2,
}

impl ScreenTransform {
    /// A transform for a map centred on `lat`/`lon` at walkers zoom `zoom` in `rect`.
    #[must_use]
    pub fn new(lat: f64, lon: f64, zoom: f64, rect: Rect) -> Self {
        Self {
            center: mercator(lat, lon),
            world: 256.0 * 2f64.powf(zoom),
            screen_center: rect.center(),
        }
    }

    /// Screen position of a normalised Mercator point.
    #[must_use]
    pub fn to_screen(&self, p: [f64; 2]) -> Pos2 {
        pos2(
            ((p[0] - self.center[0]) * self.world) as f32 + self.screen_center.x,
            ((p[1] - self.center[1]) * self.world) as f32 + self.screen_center.y,
        )
    }

    /// Screen position of a latitude/longitude.
    #[must_use]
    pub fn latlon(&self, lat: f64, lon: f64) -> Pos2 {
        self.to_screen(mercator(lat, lon))
    }

    /// The normalised Mercator rectangle visible in `rect`.
    #[must_use]
    pub fn visible(&self, rect: Rect) -> [f64; 4] {
        let half_w = f64::from(rect.width()) / 2.0 / self.world;
        let half_h = f64::from(rect.height()) / 2.0 / self.world;
        [
            self.center[0] - half_w,
            self.center[1] - half_h,
            self.center[0] + half_w,
            self.center[1] + half_h,
        ]
    }
}

/// The land texture, rasterised once in the background.
#[derive(Default)]
pub struct LandTexture {
    texture: Option<TextureHandle>,
    pending: Option<std::sync::mpsc::Receiver<ColorImage>>,
    started: bool,
}

/// Side of the land mask, in pixels (the whole Mercator square).
pub const LAND_MASK_SIZE: usize = 2048;

impl LandTexture {
    /// The texture when ready; starts rasterising on the first call.
    pub fn get(&mut self, ctx: &egui::Context) -> Option<&TextureHandle> {
        if !self.started {
            self.started = true;
            let (tx, rx) = std::sync::mpsc::channel();
            let repaint = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("itinera-basemap".into())
                .spawn(move || {
                    let image = Basemap::embedded().land_mask(LAND_MASK_SIZE);
                    let _ = tx.send(image);
                    repaint.request_repaint();
                });
            if spawned.is_ok() {
                self.pending = Some(rx);
            }
        }
        if let Some(rx) = &self.pending
            && let Ok(image) = rx.try_recv()
        {
            self.pending = None;
            self.texture =
                Some(ctx.load_texture("itinera-land", image, egui::TextureOptions::LINEAR));
        }
        self.texture.as_ref()
    }

    /// Waits for the texture (benchmarks and tests only need this).
    pub fn wait(&mut self, ctx: &egui::Context) {
        for _ in 0..2000 {
            if self.get(ctx).is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

/// The copies of the world (as whole-world offsets in normalised Mercator x: `0` the main
/// one, `1` the next east) that meet the view `[min_x, min_y, max_x, max_y]`.
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    reason = "a handful of copies: clamped to eight worlds each way"
)]
pub fn world_copies(view: [f64; 4]) -> std::ops::RangeInclusive<i32> {
    (view[0].floor().clamp(-8.0, 8.0) as i32)..=((view[2].ceil() - 1.0).clamp(-8.0, 8.0) as i32)
}

/// Paints the basemap into `rect`, with the copies of the world east and west of the main
/// one wherever the view reaches past the antimeridian.
pub fn paint(
    painter: &Painter,
    rect: Rect,
    transform: &ScreenTransform,
    colours: &BasemapColours,
    land: Option<&TextureHandle>,
    zoom: f64,
) {
    painter.rect_filled(rect, 0.0, colours.water);
    let view = transform.visible(rect);
    for copy in world_copies(view) {
        let dx = f64::from(copy);
        if let Some(texture) = land {
            let world_rect = Rect::from_min_max(
                transform.to_screen([dx, 0.0]),
                transform.to_screen([dx + 1.0, 1.0]),
            );
            let mut mesh = Mesh::with_texture(texture.id());
            mesh.add_rect_with_uv(
                world_rect,
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                colours.land,
            );
            painter.add(Shape::mesh(mesh));
        }
        let shifted = [view[0] - dx, view[1], view[2] - dx, view[3]];
        paint_lines(painter, transform, colours, zoom, shifted, dx);
    }
}

/// Paints the basemap's lines that meet `view` (already moved to the main copy), shifted
/// `dx` worlds east.
fn paint_lines(
    painter: &Painter,
    transform: &ScreenTransform,
    colours: &BasemapColours,
    zoom: f64,
    view: [f64; 4],
    dx: f64,
) {
    let min_step = 1.5_f32;
    for line in &Basemap::embedded().lines {
        let stroke = match line.kind {
            Kind::Land => continue,
            Kind::River if zoom < 4.0 => continue,
            Kind::Admin1 if zoom < ADMIN1_MIN_ZOOM => continue,
            Kind::Lake | Kind::Coast => colours.coast,
            Kind::Border => colours.border,
            Kind::River => colours.river,
            Kind::Admin1 => colours.admin1,
        };
        let b = line.bbox;
        if f64::from(b[2]) < view[0]
            || f64::from(b[0]) > view[2]
            || f64::from(b[3]) < view[1]
            || f64::from(b[1]) > view[3]
        {
            continue;
        }
        let mut points: Vec<Pos2> = Vec::with_capacity(line.points.len());
        for p in &line.points {
            let s = transform.to_screen([f64::from(p[0]) + dx, f64::from(p[1])]);
            if points
                .last()
                .is_none_or(|last| (last.x - s.x).abs() + (last.y - s.y).abs() >= min_step)
            {
                points.push(s);
            }
        }
        if let Some(last) = line.points.last() {
            let s = transform.to_screen([f64::from(last[0]) + dx, f64::from(last[1])]);
            if points.last() != Some(&s) {
                points.push(s);
            }
        }
        if points.len() >= 2 {
            painter.add(Shape::line(points, stroke));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_basemap_decodes_into_every_layer() {
        let map = Basemap::embedded();
        for kind in [
            Kind::Land,
            Kind::Lake,
            Kind::Coast,
            Kind::Border,
            Kind::River,
            Kind::Admin1,
        ] {
            assert!(map.lines.iter().any(|l| l.kind == kind), "{kind:?}");
        }
    }

    #[test]
    fn garbage_is_not_a_basemap() {
        assert!(Basemap::decode(b"not gzip").is_none());
    }

    #[test]
    fn the_land_mask_has_land_in_africa_and_sea_in_the_pacific() {
        let mask = Basemap::embedded().land_mask(512);
        let at = |lat: f64, lon: f64| {
            let [x, y] = mercator(lat, lon);
            mask.pixels[(y * 512.0) as usize * 512 + (x * 512.0) as usize]
        };
        assert_eq!(at(5.0, 20.0), Color32::WHITE, "central Africa");
        assert_eq!(at(0.0, -150.0), Color32::TRANSPARENT, "Pacific");
        assert_eq!(at(41.5, 51.0), Color32::TRANSPARENT, "Caspian Sea");
    }

    #[test]
    fn the_land_mask_is_right_way_out_in_the_arctic_and_round_the_poles() {
        let mask = Basemap::embedded().land_mask(1024);
        let at = |lat: f64, lon: f64| {
            let [x, y] = mercator(lat, lon);
            mask.pixels[((y * 1024.0) as usize).min(1023) * 1024 + (x * 1024.0) as usize]
        };
        let table = [
            (72.0, 0.0, false, "Greenland Sea"),
            (71.0, -150.0, false, "Beaufort Sea"),
            (75.0, 40.0, false, "Barents Sea"),
            (70.0, 100.0, true, "Siberia"),
            (66.0, 172.0, true, "Chukotka, west of the antimeridian"),
            (66.3, -175.0, true, "Chukotka, east of the antimeridian"),
            (-80.0, 0.0, true, "Antarctica"),
            (-84.0, 120.0, true, "Antarctica near the map's edge"),
            (-60.0, -100.0, false, "Southern Ocean"),
        ];
        for (lat, lon, land, name) in table {
            let expected = if land {
                Color32::WHITE
            } else {
                Color32::TRANSPARENT
            };
            assert_eq!(at(lat, lon), expected, "{name}");
        }
    }

    #[test]
    fn a_view_over_the_antimeridian_takes_the_world_copy_beside_the_main_one() {
        let table = [
            ([0.2, 0.3, 0.6, 0.5], 0..=0),
            ([0.9, 0.3, 1.1, 0.5], 0..=1),
            ([-0.1, 0.3, 0.1, 0.5], -1..=0),
            ([1.02, 0.3, 1.08, 0.5], 1..=1),
            ([-0.5, 0.0, 1.5, 1.0], -1..=1),
        ];
        for (view, copies) in table {
            assert_eq!(world_copies(view), copies, "{view:?}");
        }
    }

    #[test]
    fn mercator_puts_null_island_in_the_middle() {
        let [x, y] = mercator(0.0, 0.0);
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        let [_, top] = mercator(90.0, 0.0);
        assert!(top.abs() < 1e-6);
    }
}
