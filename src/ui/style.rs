//! Colours, spacing and fonts: every visual constant of the app lives here.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{Color32, FontData, FontFamily, Stroke};

use crate::movement::Status;

/// Space between panel sections, in points.
pub const GAP: f32 = 8.0;
/// Radius of a numbered stop marker on the map, in points.
pub const MARKER_RADIUS: f32 = 11.0;
/// Width of a route leg, in points.
pub const LEG_WIDTH: f32 = 3.0;
/// Width of the leg leading to the selected stop, in points.
pub const CURRENT_LEG_WIDTH: f32 = 5.0;
/// Default width of the article panel, in points.
pub const ARTICLE_WIDTH: f32 = 380.0;
/// Default width of the itinerary panel, in points.
pub const ITINERARY_WIDTH: f32 = 340.0;
/// Height of the timeline strip, in points.
pub const TIMELINE_HEIGHT: f32 = 64.0;

/// One colour per actor, picked to stay distinct on light and dark maps.
const ACTOR_COLOURS: [Color32; 8] = [
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(23, 190, 207),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(227, 119, 194),
];

/// The colour of actor number `index`.
#[must_use]
pub fn actor_colour(index: usize) -> Color32 {
    ACTOR_COLOURS[index % ACTOR_COLOURS.len()]
}

/// The badge colour of a stop status.
#[must_use]
pub fn status_colour(status: Status) -> Color32 {
    match status {
        Status::Confirmed => Color32::from_rgb(46, 139, 87),
        Status::Reported => Color32::from_rgb(70, 110, 200),
        Status::Expected => Color32::from_rgb(200, 140, 20),
        Status::Denied => Color32::from_rgb(180, 50, 50),
    }
}

/// How a place mention is highlighted in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// A place that is a stop of some route.
    Stop,
    /// The stop currently selected.
    Selected,
    /// A resolved place that is not a stop.
    Mentioned,
    /// A place name the gazetteer could not resolve.
    Unresolved,
}

/// Background colour for a highlighted place mention.
#[must_use]
pub fn highlight_background(kind: Highlight, dark: bool) -> Color32 {
    match (kind, dark) {
        (Highlight::Selected, _) => Color32::from_rgb(255, 200, 40),
        (Highlight::Stop, false) => Color32::from_rgb(255, 224, 160),
        (Highlight::Stop, true) => Color32::from_rgb(120, 84, 20),
        (Highlight::Mentioned, false) => Color32::from_rgb(205, 228, 250),
        (Highlight::Mentioned, true) => Color32::from_rgb(35, 70, 110),
        (Highlight::Unresolved, false) => Color32::from_rgb(230, 230, 230),
        (Highlight::Unresolved, true) => Color32::from_rgb(70, 70, 70),
    }
}

/// Text colour on a highlighted mention (`None`: the normal text colour).
#[must_use]
pub fn highlight_text(kind: Highlight) -> Option<Color32> {
    match kind {
        Highlight::Selected => Some(Color32::BLACK),
        _ => None,
    }
}

/// Underline for time expressions.
#[must_use]
pub fn time_underline(dark: bool) -> Stroke {
    let colour = if dark {
        Color32::from_rgb(120, 200, 140)
    } else {
        Color32::from_rgb(20, 130, 60)
    };
    Stroke::new(1.5, colour)
}

/// Colours of the offline basemap.
#[derive(Clone, Copy, Debug)]
pub struct BasemapColours {
    /// The sea.
    pub water: Color32,
    /// Land.
    pub land: Color32,
    /// Coastlines and lake shores.
    pub coast: Stroke,
    /// Country borders.
    pub border: Stroke,
    /// Rivers.
    pub river: Stroke,
    /// State and province borders.
    pub admin1: Stroke,
    /// Country names.
    pub country_label: Color32,
    /// City names and their dots.
    pub city_label: Color32,
    /// The outline that keeps a name legible over lines and land.
    pub label_halo: Color32,
}

/// Size of a country's name on the basemap, in points.
pub const COUNTRY_LABEL_SIZE: f32 = 11.5;
/// Size of a capital's name on the basemap, in points.
pub const CAPITAL_LABEL_SIZE: f32 = 12.0;
/// Size of another city's name on the basemap, in points.
pub const CITY_LABEL_SIZE: f32 = 11.0;
/// Radius of a city's dot on the basemap, in points.
pub const CITY_DOT_RADIUS: f32 = 2.2;

/// Basemap colours for a light or dark theme.
#[must_use]
pub fn basemap_colours(dark: bool) -> BasemapColours {
    if dark {
        BasemapColours {
            water: Color32::from_rgb(24, 36, 52),
            land: Color32::from_rgb(52, 56, 60),
            coast: Stroke::new(1.0, Color32::from_rgb(110, 130, 150)),
            border: Stroke::new(0.8, Color32::from_rgb(120, 110, 120)),
            river: Stroke::new(0.7, Color32::from_rgb(60, 90, 130)),
            admin1: Stroke::new(0.6, Color32::from_rgb(88, 88, 96)),
            country_label: Color32::from_rgb(165, 168, 182),
            city_label: Color32::from_rgb(226, 226, 226),
            label_halo: Color32::from_rgba_premultiplied(22, 26, 32, 220),
        }
    } else {
        BasemapColours {
            water: Color32::from_rgb(170, 205, 230),
            land: Color32::from_rgb(242, 239, 229),
            coast: Stroke::new(1.0, Color32::from_rgb(90, 130, 170)),
            border: Stroke::new(0.8, Color32::from_rgb(170, 140, 170)),
            river: Stroke::new(0.7, Color32::from_rgb(120, 170, 215)),
            admin1: Stroke::new(0.6, Color32::from_rgb(196, 180, 196)),
            country_label: Color32::from_rgb(118, 100, 128),
            city_label: Color32::from_rgb(40, 40, 44),
            label_halo: Color32::from_rgba_premultiplied(245, 243, 236, 230),
        }
    }
}

/// Colour of a leg already travelled, to come, or current, for an actor colour.
#[must_use]
pub fn leg_colour(actor: Color32, phase: LegPhase) -> Color32 {
    match phase {
        LegPhase::Travelled | LegPhase::Current => actor,
        LegPhase::ToCome => actor.gamma_multiply(0.45),
    }
}

/// Where a leg lies relative to the selected stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegPhase {
    /// Before the selected stop.
    Travelled,
    /// Arriving at the selected stop.
    Current,
    /// After the selected stop.
    ToCome,
}

/// The translucent overlay shown while files hover over the window.
pub const DROP_OVERLAY: Color32 = Color32::from_rgba_premultiplied(0, 0, 0, 150);
/// Text colour on dark overlays and markers.
pub const ON_DARK: Color32 = Color32::WHITE;
/// The halo around the selected marker.
pub const SELECTED_HALO: Color32 = Color32::from_rgba_premultiplied(160, 125, 25, 160);
/// Backdrop of the selected stop's name on the map.
pub const LABEL_BG: Color32 = Color32::from_rgba_premultiplied(230, 230, 230, 230);
/// Error text.
pub const ERROR: Color32 = Color32::from_rgb(200, 40, 40);
/// The ring and number of a place "Wrong place?" offers, on the map.
pub const CANDIDATE_MARKER: Color32 = Color32::from_rgb(120, 60, 170);
/// The inside of that ring.
pub const CANDIDATE_FILL: Color32 = Color32::from_rgba_premultiplied(240, 235, 245, 220);
/// Backdrop of the map attribution.
pub const ATTRIBUTION_BG: Color32 = Color32::from_rgba_premultiplied(230, 230, 230, 200);
/// Text of the map attribution.
pub const ATTRIBUTION_TEXT: Color32 = Color32::from_rgb(40, 40, 40);

/// Font files for scripts egui's own fonts lack (Hangul, Han, Kana, Thai…), looked for
/// under `/usr/share/fonts` and similar, best first.
const FALLBACK_FONT_NAMES: &[&str] = &[
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKkr-Regular.otf",
    "NotoSansKR-Regular.otf",
    "NotoSansKR-Regular.ttf",
    "NanumGothic.ttf",
    "NotoSansCJK-Regular.otf",
    "wqy-microhei.ttc",
    "DroidSansFallbackFull.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
];

const FONT_DIRS: &[&str] = &[
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "C:\\Windows\\Fonts",
];

/// Finds system fonts covering more scripts. Walks at most a few thousand directory entries.
#[must_use]
pub fn find_fallback_fonts() -> Vec<std::path::PathBuf> {
    let mut found: Vec<(usize, std::path::PathBuf)> = Vec::new();
    let mut stack: Vec<(std::path::PathBuf, u8)> =
        FONT_DIRS.iter().map(|d| (d.into(), 0)).collect();
    let mut budget = 5000_usize;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            let path = entry.path();
            if path.is_dir() {
                if depth < 4 {
                    stack.push((path, depth + 1));
                }
            } else if let Some(name) = path.file_name().and_then(|n| n.to_str())
                && let Some(rank) = FALLBACK_FONT_NAMES.iter().position(|f| *f == name)
            {
                found.push((rank, path));
            }
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    found.into_iter().map(|(_, p)| p).collect()
}

/// A font insert for `bytes` as the lowest-priority fallback of both families.
#[must_use]
pub fn fallback_font(name: &str, bytes: Vec<u8>) -> FontInsert {
    FontInsert::new(
        name,
        FontData::from_owned(bytes),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    )
}
