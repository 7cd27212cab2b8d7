//! Place names on the offline basemap: countries at Natural Earth's label points, national
//! capitals and large cities from the gazetteer's GeoNames populations.
//!
//! `assets/basemap/labels.tsv` (made by `scripts/build_labels.py`) lists every candidate once,
//! with the zoom from which it is drawn, in the order labels are placed: a frame walks the
//! list, keeps those in view, and places each one unless its rectangle meets one placed
//! before it. Parsing happens once; a frame does no allocation per candidate it skips.

use std::sync::OnceLock;

use egui::{Align2, FontId, Painter, Pos2, Rect, Vec2, vec2};

use super::{ScreenTransform, mercator};
use crate::ui::style::{self, BasemapColours};

static TABLE: &str = include_str!("../../../assets/basemap/labels.tsv");

/// Most labels placed in one frame.
const MAX_PLACED: usize = 160;
/// Most candidates measured in one frame (the rest wait for the user to zoom in).
const MAX_TRIED: usize = 700;
/// Space kept free around every label, in points.
const LABEL_MARGIN: f32 = 3.0;
/// Gap between a city's dot and its name, in points.
const DOT_GAP: f32 = 4.0;

/// What a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// A country, written at its label point.
    Country,
    /// A national capital, with a dot.
    Capital,
    /// Another city, with a dot.
    City,
}

/// One candidate label.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// What it names.
    pub kind: LabelKind,
    /// The walkers zoom from which it is drawn.
    pub min_zoom: f32,
    /// Its point in normalised Web Mercator.
    pub at: [f32; 2],
    /// The text (a country's name as the map writes it).
    pub name: String,
}

/// The labels shipped in the binary, parsed on first use, in placement order.
#[must_use]
pub fn embedded() -> &'static [Label] {
    static LABELS: OnceLock<Vec<Label>> = OnceLock::new();
    LABELS.get_or_init(|| parse(TABLE))
}

/// Parses the table of `scripts/build_labels.py`; comment and malformed lines are skipped.
#[must_use]
pub fn parse(table: &str) -> Vec<Label> {
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let kind = match cols.next()? {
                "country" => LabelKind::Country,
                "capital" => LabelKind::Capital,
                "city" => LabelKind::City,
                _ => return None,
            };
            let min_zoom: f32 = cols.next()?.parse().ok()?;
            let lat: f64 = cols.next()?.parse().ok()?;
            let lon: f64 = cols.next()?.parse().ok()?;
            let name = cols.next()?.trim();
            if name.is_empty() || !lat.is_finite() || !lon.is_finite() {
                return None;
            }
            let [x, y] = mercator(lat, lon);
            let name = if kind == LabelKind::Country {
                name.to_uppercase()
            } else {
                name.to_owned()
            };
            #[expect(
                clippy::cast_possible_truncation,
                reason = "normalised Mercator in f32 is finer than a point below zoom 14"
            )]
            let at = [x as f32, y as f32];
            Some(Label {
                kind,
                min_zoom,
                at,
                name,
            })
        })
        .collect()
}

/// A label placed on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into the label list.
    pub index: usize,
    /// Where its point is on screen (a city's dot; a country's centre).
    pub point: Pos2,
    /// Where its text goes.
    pub text: Rect,
}

/// The labels to draw in `rect` at `zoom`: in list order, each candidate in view (any copy of
/// the world) whose text, of the size `measure` gives (`None`: not drawable), fits inside
/// `rect` and meets no label
/// placed before it or any rectangle of `avoid` (the route's markers). A city's name goes
/// right of its dot, or left when the right is taken, or beside a marker that covers the dot;
/// a country's is centred on its point, or moved a line down or up.
pub fn place(
    labels: &[Label],
    transform: &ScreenTransform,
    rect: Rect,
    zoom: f64,
    avoid: &[Rect],
    mut measure: impl FnMut(&Label) -> Option<Vec2>,
) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    let mut taken: Vec<Rect> = Vec::new();
    let avoid: Vec<Rect> = avoid
        .iter()
        .filter(|r| r.intersects(rect))
        .map(|r| r.expand(LABEL_MARGIN))
        .collect();
    let view = transform.visible(rect);
    let mut tried = 0;
    for (index, label) in labels.iter().enumerate() {
        if f64::from(label.min_zoom) > zoom {
            continue;
        }
        let (x, y) = (f64::from(label.at[0]), f64::from(label.at[1]));
        if y < view[1] || y > view[3] {
            continue;
        }
        // Copies of the world left and right of the main one, so that a view across the
        // antimeridian is named on both sides.
        let first = (view[0] - x).ceil();
        let last = (view[2] - x).floor();
        if first > last {
            continue;
        }
        tried += 1;
        if tried > MAX_TRIED || placed.len() >= MAX_PLACED {
            break;
        }
        let Some(size) = measure(label) else {
            continue;
        };
        let mut copy = first;
        while copy <= last {
            let point = transform.to_screen([x + copy, y]);
            copy += 1.0;
            let options = match label.kind {
                LabelKind::Country => [
                    Some(Rect::from_center_size(point, size)),
                    Some(Rect::from_center_size(
                        point + vec2(0.0, size.y * 1.3),
                        size,
                    )),
                    Some(Rect::from_center_size(
                        point - vec2(0.0, size.y * 1.3),
                        size,
                    )),
                    None,
                ],
                LabelKind::Capital | LabelKind::City => {
                    let gap = style::CITY_DOT_RADIUS + DOT_GAP;
                    let beside_marker = style::MARKER_RADIUS + DOT_GAP;
                    let right = |gap| Align2::LEFT_CENTER.anchor_size(point + vec2(gap, 0.0), size);
                    let left = |gap| Align2::RIGHT_CENTER.anchor_size(point - vec2(gap, 0.0), size);
                    [
                        Some(right(gap)),
                        Some(left(gap)),
                        Some(right(beside_marker)),
                        Some(left(beside_marker)),
                    ]
                }
            };
            let dot = Rect::from_center_size(point, Vec2::splat(2.0 * style::CITY_DOT_RADIUS));
            for text in options.into_iter().flatten() {
                let whole = if label.kind == LabelKind::Country {
                    text
                } else {
                    text.union(dot)
                };
                let padded = whole.expand(LABEL_MARGIN);
                // A marker on the dot stands for it: only the text must keep clear of markers.
                if !rect.contains_rect(whole)
                    || taken.iter().any(|r| r.intersects(padded))
                    || avoid.iter().any(|r| r.intersects(text))
                {
                    continue;
                }
                taken.push(whole);
                placed.push(Placed { index, point, text });
                break;
            }
        }
    }
    placed
}

fn font(kind: LabelKind) -> FontId {
    FontId::proportional(match kind {
        LabelKind::Country => style::COUNTRY_LABEL_SIZE,
        LabelKind::Capital => style::CAPITAL_LABEL_SIZE,
        LabelKind::City => style::CITY_LABEL_SIZE,
    })
}

/// Writes the embedded labels that fit the view on the basemap, clear of `avoid` (the
/// route's markers, drawn over the basemap later).
pub fn paint(
    painter: &Painter,
    rect: Rect,
    transform: &ScreenTransform,
    colours: &BasemapColours,
    zoom: f64,
    avoid: &[Rect],
) {
    let labels = embedded();
    let colour = |kind| match kind {
        LabelKind::Country => colours.country_label,
        LabelKind::Capital | LabelKind::City => colours.city_label,
    };
    // egui keeps laid-out text between frames, so measuring here and painting below lay
    // each name out once while it stays in view.
    let placed = place(labels, transform, rect, zoom, avoid, |label| {
        // a name with a letter the fonts lack (GeoNames' "Al Ḩudaydah") is left out
        let font = font(label.kind);
        if !painter.fonts_mut(|f| f.has_glyphs(&font, &label.name)) {
            return None;
        }
        Some(
            painter
                .layout_no_wrap(label.name.clone(), font, colour(label.kind))
                .size(),
        )
    });
    for p in &placed {
        let label = &labels[p.index];
        let galley =
            painter.layout_no_wrap(label.name.clone(), font(label.kind), colour(label.kind));
        // A halo: the text in the background colour one point out each way, then the text.
        for offset in [
            vec2(-1.0, 0.0),
            vec2(1.0, 0.0),
            vec2(0.0, -1.0),
            vec2(0.0, 1.0),
        ] {
            painter.galley_with_override_text_color(
                p.text.min + offset,
                galley.clone(),
                colours.label_halo,
            );
        }
        painter.galley(p.text.min, galley, colour(label.kind));
        if label.kind != LabelKind::Country {
            painter.circle(
                p.point,
                style::CITY_DOT_RADIUS,
                colours.city_label,
                egui::Stroke::new(1.0, colours.label_halo),
            );
            if label.kind == LabelKind::Capital {
                painter.circle_filled(p.point, 0.9, colours.label_halo);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    /// Where a label's point falls in the main copy of the world.
    fn point_of(label: &Label, transform: &ScreenTransform) -> Pos2 {
        transform.to_screen([f64::from(label.at[0]), f64::from(label.at[1])])
    }

    fn names(placed: &[Placed], labels: &[Label]) -> Vec<String> {
        placed
            .iter()
            .map(|p| labels[p.index].name.clone())
            .collect()
    }

    fn view(lat: f64, lon: f64, zoom: f64) -> (ScreenTransform, Rect) {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 700.0));
        (ScreenTransform::new(lat, lon, zoom, rect), rect)
    }

    /// Eight points a character, twelve high: near enough egui's proportional font.
    #[expect(
        clippy::unnecessary_wraps,
        reason = "the shape `place` asks of a measure"
    )]
    fn measure(label: &Label) -> Option<Vec2> {
        #[expect(clippy::cast_precision_loss, reason = "short names")]
        let width = label.name.chars().count() as f32 * 8.0;
        Some(vec2(width, 12.0))
    }

    #[test]
    fn the_embedded_table_has_countries_capitals_and_cities() {
        let labels = embedded();
        assert!(labels.len() > 1000, "{}", labels.len());
        let find = |name: &str| labels.iter().find(|l| l.name == name);
        assert_eq!(find("FRANCE").map(|l| l.kind), Some(LabelKind::Country));
        assert_eq!(find("Paris").map(|l| l.kind), Some(LabelKind::Capital));
        assert_eq!(find("Apia").map(|l| l.kind), Some(LabelKind::Capital));
        assert_eq!(find("Los Angeles").map(|l| l.kind), Some(LabelKind::City));
        // districts of a great city give way to it
        assert!(find("Paris 15 Vaugirard").is_none());
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let table = "# comment\ncountry\t1.0\t10\t20\tNowhere\nbad line\ncity\tx\t1\t2\tY\n\
                     city\t4.0\t1\t2\t\ncapital\t3.0\t-13.8\t-171.8\tApia\n";
        let labels = parse(table);
        let got: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(got, ["NOWHERE", "Apia"]);
    }

    #[test]
    fn zooming_in_names_more_places() {
        let labels = embedded();
        let counts: Vec<usize> = [2.0, 4.0, 6.0]
            .iter()
            .map(|&zoom| {
                let (t, rect) = view(48.0, 10.0, zoom);
                place(labels, &t, rect, zoom, &[], measure).len()
            })
            .collect();
        assert!(counts[0] > 5, "{counts:?}");
        assert!(counts[0] < counts[2], "{counts:?}");
        let (t, rect) = view(48.0, 10.0, 2.0);
        let world = names(&place(labels, &t, rect, 2.0, &[], measure), labels);
        assert!(world.iter().all(|n| n != "Lyon"), "no small city at zoom 2");
        let (t, rect) = view(47.0, 4.0, 6.0);
        let regional = names(&place(labels, &t, rect, 6.0, &[], measure), labels);
        for name in ["Paris", "Lyon", "FRANCE", "Brussels"] {
            assert!(regional.iter().any(|n| n == name), "{name}: {regional:?}");
        }
    }

    #[test]
    fn placed_labels_never_overlap_and_stay_inside_the_map() {
        let labels = embedded();
        for (lat, lon, zoom) in [(48.0, 10.0, 4.0), (30.0, 110.0, 5.0), (40.0, -90.0, 6.5)] {
            let (t, rect) = view(lat, lon, zoom);
            let placed = place(labels, &t, rect, zoom, &[], measure);
            assert!(!placed.is_empty());
            for (i, a) in placed.iter().enumerate() {
                assert!(rect.contains_rect(a.text), "{}", labels[a.index].name);
                for b in &placed[..i] {
                    assert!(!a.text.intersects(b.text), "{} {}", a.index, b.index);
                }
            }
        }
    }

    #[test]
    fn the_higher_ranked_of_two_colliding_labels_wins() {
        let labels = parse("capital\t3.0\t48.85\t2.35\tParis\ncity\t3.0\t48.86\t2.36\tNearby\n");
        let (t, rect) = view(48.85, 2.35, 5.0);
        // a name as wide as the map: neither side of the second dot has room
        let placed = place(&labels, &t, rect, 5.0, &[], |l| {
            if l.name == "Paris" {
                Some(vec2(400.0, 12.0))
            } else {
                Some(vec2(500.0, 12.0))
            }
        });
        assert_eq!(names(&placed, &labels), ["Paris"]);
    }

    #[test]
    fn a_city_under_a_route_marker_is_named_beside_the_marker() {
        let labels = parse("capital\t3.0\t47.5\t19.04\tBudapest\n");
        let (t, rect) = view(47.0, 19.0, 6.0);
        let dot = point_of(&labels[0], &t);
        let marker = Rect::from_center_size(dot, Vec2::splat(2.0 * style::MARKER_RADIUS));
        let placed = place(&labels, &t, rect, 6.0, &[marker], measure);
        assert_eq!(placed.len(), 1);
        assert!(!placed[0].text.intersects(marker), "{placed:?}");
        assert!(
            placed[0].text.min.x - marker.max.x < 8.0,
            "right beside it: {placed:?}"
        );
    }

    #[test]
    fn a_view_across_the_antimeridian_names_both_sides() {
        let labels = embedded();
        // centred east of the antimeridian, on a longitude past 180
        let (t, rect) = view(-17.0, 188.0, 5.0);
        let placed = place(labels, &t, rect, 5.0, &[], measure);
        let got = names(&placed, labels);
        for name in ["Suva", "Apia", "Nuku‘alofa"] {
            assert!(got.iter().any(|n| n == name), "{name}: {got:?}");
        }
        let apia = placed
            .iter()
            .find(|p| labels[p.index].name == "Apia")
            .map(|p| p.point);
        // drawn on the copy of the world in view, not on the main copy far to the left
        assert!(apia.is_some_and(|p| rect.contains(p)));
        let main = labels
            .iter()
            .find(|l| l.name == "Apia")
            .map(|l| point_of(l, &t));
        assert!(main.is_some_and(|p| !rect.contains(p)));
    }
}
