//! The map as a picture for a report: a screenshot of the window, cut to the map's
//! rectangle (route, markers, labels and the attribution line are all drawn inside it), and
//! written as PNG atomically.
//!
//! The window asks its integration for the screenshot
//! ([`egui::ViewportCommand::Screenshot`]); everything after the pixels arrive is here, in
//! plain functions that tests call with pictures of their own.

use std::io::{self, Write};
use std::path::Path;

use egui::{ColorImage, Rect};
use image::ImageEncoder as _;

/// The pixels of `screenshot` (a picture of the whole window) under `map`, a rectangle in
/// points; `pixels_per_point` is the window's scale. Edges are rounded to the nearest pixel
/// and kept within the picture. `None` when nothing of the map is in the picture (or the
/// scale is no number above zero).
#[must_use]
pub fn crop(screenshot: &ColorImage, map: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    if !(pixels_per_point.is_finite() && pixels_per_point > 0.0 && map.is_finite()) {
        return None;
    }
    let [width, height] = screenshot.size;
    let edge = |points: f32, limit: usize| -> usize {
        // a negative or NaN product saturates to 0 in the cast
        ((points * pixels_per_point).round() as usize).min(limit)
    };
    let (left, right) = (edge(map.min.x, width), edge(map.max.x, width));
    let (top, bottom) = (edge(map.min.y, height), edge(map.max.y, height));
    if right <= left || bottom <= top || screenshot.pixels.len() < width * height {
        return None;
    }
    let mut pixels = Vec::with_capacity((right - left) * (bottom - top));
    for row in top..bottom {
        pixels.extend_from_slice(&screenshot.pixels[row * width + left..row * width + right]);
    }
    Some(ColorImage::new([right - left, bottom - top], pixels))
}

/// Writes `picture` to `out` as an 8-bit RGB PNG (the window is opaque: no alpha channel).
pub fn encode_png(picture: &ColorImage, out: &mut dyn Write) -> io::Result<()> {
    let [width, height] = picture.size;
    let (Ok(w), Ok(h)) = (u32::try_from(width), u32::try_from(height)) else {
        return Err(io::Error::other("the picture is too large for a PNG"));
    };
    let rgb: Vec<u8> = picture
        .pixels
        .iter()
        .flat_map(|c| [c.r(), c.g(), c.b()])
        .collect();
    image::codecs::png::PngEncoder::new(out)
        .write_image(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .map_err(|e| match e {
            image::ImageError::IoError(e) => e,
            other => io::Error::other(other.to_string()),
        })
}

/// Cuts the map out of `screenshot` ([`crop`]) and writes it to `path` as PNG, atomically
/// (a temporary file beside it, then a rename): on any failure the file at `path` is as it
/// was.
pub fn write_map_png(
    path: &Path,
    screenshot: &ColorImage,
    map: Rect,
    pixels_per_point: f32,
) -> io::Result<()> {
    let picture = crop(screenshot, map, pixels_per_point)
        .ok_or_else(|| io::Error::other("the map was not in the window's picture"))?;
    crate::project::write_atomically(path, |out| encode_png(&picture, out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, pos2};

    /// A picture `width` × `height` whose pixel (x, y) has red x and green y.
    fn gradient(width: usize, height: usize) -> ColorImage {
        let pixels = (0..height)
            .flat_map(|y| (0..width).map(move |x| Color32::from_rgb(x as u8, y as u8, 7)))
            .collect();
        ColorImage::new([width, height], pixels)
    }

    /// The size of the crop and the colour of its first pixel, as (red, green).
    fn check(map: Rect, pixels_per_point: f32, expect: Option<([usize; 2], (u8, u8))>) {
        let got = crop(&gradient(40, 30), map, pixels_per_point)
            .map(|c| (c.size, (c.pixels[0].r(), c.pixels[0].g())));
        assert_eq!(got, expect, "{map:?} at {pixels_per_point}");
    }

    #[test]
    fn the_crop_is_the_maps_rectangle_in_pixels() {
        let r = |x0, y0, x1, y1| Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
        check(r(10.0, 5.0, 30.0, 25.0), 1.0, Some(([20, 20], (10, 5))));
        // a scale of two: points are two pixels
        check(r(5.0, 2.0, 15.0, 12.0), 2.0, Some(([20, 20], (10, 4))));
        // fractional scales and edges round to the nearest pixel
        check(r(3.3, 3.3, 13.3, 13.3), 1.5, Some(([15, 15], (5, 5))));
        // a map past the picture's edges is cut at them
        check(r(-5.0, -5.0, 100.0, 100.0), 1.0, Some(([40, 30], (0, 0))));
        check(r(30.0, 20.0, 100.0, 100.0), 1.0, Some(([10, 10], (30, 20))));
        // nothing of the map in the picture, or no map, or no scale
        check(r(50.0, 0.0, 60.0, 10.0), 1.0, None);
        check(r(10.0, 10.0, 10.0, 20.0), 1.0, None);
        check(r(10.0, 10.0, 20.0, 20.0), 0.0, None);
        check(r(10.0, 10.0, 20.0, 20.0), f32::NAN, None);
        check(Rect::NOTHING, 1.0, None);
    }

    #[test]
    fn a_written_png_reads_back_as_the_maps_pixels() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        let map = Rect::from_min_max(pos2(4.0, 3.0), pos2(14.0, 9.0));
        write_map_png(&path, &gradient(40, 30), map, 2.0).unwrap();
        let read = image::load_from_memory(&std::fs::read(&path).unwrap())
            .unwrap()
            .to_rgb8();
        assert_eq!(read.dimensions(), (20, 12));
        assert_eq!(read.get_pixel(0, 0).0, [8, 6, 7]);
        assert_eq!(read.get_pixel(19, 11).0, [27, 17, 7]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_file_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        std::fs::write(&path, b"the report's old map").unwrap();
        let outside = Rect::from_min_max(pos2(100.0, 100.0), pos2(120.0, 120.0));
        let err = write_map_png(&path, &gradient(40, 30), outside, 1.0).unwrap_err();
        assert_eq!(err.to_string(), "the map was not in the window's picture");
        assert_eq!(std::fs::read(&path).unwrap(), b"the report's old map");
        let missing = dir.path().join("no such folder").join("map.png");
        let inside = Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0));
        assert!(write_map_png(&missing, &gradient(40, 30), inside, 1.0).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
