//! [`Page`]s as PNG images, drawn with tiny-skia from the same description and the same glyph
//! outlines as the PDF (for the coping card's lock-screen image and the summary's preview).

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::{Item, Page, Rgb, face};
use crate::{Error, Result};

fn paint(c: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(c.0, c.1, c.2, 255);
    paint.anti_alias = true;
    paint
}

/// Feeds a glyph's outline (font units, y up) into a path at `(x, y)` (points, y down).
struct Outline<'a> {
    builder: &'a mut PathBuilder,
    x: f32,
    y: f32,
    scale: f32,
}

impl Outline<'_> {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl ttf_parser::OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.builder.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.builder.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.at(x1, y1);
        let (x, y) = self.at(x, y);
        self.builder.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.at(x1, y1);
        let (x2, y2) = self.at(x2, y2);
        let (x, y) = self.at(x, y);
        self.builder.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.builder.close();
    }
}

/// Draws `page` at `scale` pixels per point and encodes it as PNG.
pub(crate) fn image(page: &Page, scale: f32) -> Result<Vec<u8>> {
    let broken = |what: &str| Error::Io(std::io::Error::other(format!("PNG: {what}")));
    let (w, h) = ((page.width * scale).round() as u32, (page.height * scale).round() as u32);
    let mut pixmap = Pixmap::new(w.max(1), h.max(1)).ok_or_else(|| broken("image size"))?;
    let bg = page.background.unwrap_or(Rgb(255, 255, 255));
    pixmap.fill(tiny_skia::Color::from_rgba8(bg.0, bg.1, bg.2, 255));
    let transform = Transform::from_scale(scale, scale);
    let stroke_points = |pixmap: &mut Pixmap, points: &[(f32, f32)], width: f32, c: Rgb| {
        let mut builder = PathBuilder::new();
        for (i, (x, y)) in points.iter().enumerate() {
            if i == 0 { builder.move_to(*x, *y) } else { builder.line_to(*x, *y) }
        }
        if let Some(path) = builder.finish() {
            let stroke = Stroke {
                width,
                line_cap: tiny_skia::LineCap::Round,
                line_join: tiny_skia::LineJoin::Round,
                ..Default::default()
            };
            pixmap.stroke_path(&path, &paint(c), &stroke, transform, None);
        }
    };
    for item in &page.items {
        match item {
            Item::Text { x, y, size, weight, color, text } => {
                let face = face(*weight);
                let per_unit = size / f32::from(face.units_per_em());
                let mut builder = PathBuilder::new();
                let mut pen = *x;
                for c in text.chars() {
                    let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                    let mut outline =
                        Outline { builder: &mut builder, x: pen, y: *y, scale: per_unit };
                    face.outline_glyph(glyph, &mut outline);
                    pen += face.glyph_hor_advance(glyph).unwrap_or(0) as f32 * per_unit;
                }
                if let Some(path) = builder.finish() {
                    pixmap.fill_path(&path, &paint(*color), FillRule::Winding, transform, None);
                }
            }
            Item::Rect { x, y, w, h, fill } => {
                if let Some(rect) = tiny_skia::Rect::from_xywh(*x, *y, *w, *h) {
                    pixmap.fill_rect(rect, &paint(*fill), transform, None);
                }
            }
            Item::Line { from, to, width, color } => {
                stroke_points(&mut pixmap, &[*from, *to], *width, *color)
            }
            Item::Polyline { points, width, color } => {
                stroke_points(&mut pixmap, points, *width, *color)
            }
            Item::Dot { cx, cy, r, fill } => {
                if let Some(path) = PathBuilder::from_circle(*cx, *cy, *r) {
                    pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, transform, None);
                }
            }
        }
    }
    pixmap.encode_png().map_err(|e| broken(&e.to_string()))
}
