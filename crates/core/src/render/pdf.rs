//! [`Page`]s as a PDF: krilla embeds a subset of the font with a ToUnicode map, so the text is
//! selectable and searchable, and draws charts as vector paths.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::{BOLD_TTF, Item, Page, REGULAR_TTF, Rgb, Weight};
use crate::{Error, Result};

/// What the PDF says about itself.
pub(crate) struct PdfInfo {
    /// The document title ("Summary, 1–30 November 2026").
    pub title: String,
    /// When it was made (local), for the creation date.
    pub made: chrono::NaiveDateTime,
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill { paint: color(c).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: color(c).into(),
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Default::default()
    }
}

fn stroke_path(surface: &mut Surface<'_>, points: &[(f32, f32)], width: f32, c: Rgb) {
    let mut builder = PathBuilder::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 { builder.move_to(*x, *y) } else { builder.line_to(*x, *y) }
    }
    if let Some(path) = builder.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(stroke(c, width)));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

/// Draws `pages` into one PDF.
pub(crate) fn document(pages: &[Page], info: &PdfInfo) -> Result<Vec<u8>> {
    use chrono::{Datelike, Timelike};
    let broken = |what: &str| Error::Io(std::io::Error::other(format!("PDF: {what}")));
    let regular = Font::new(REGULAR_TTF.into(), 0).ok_or_else(|| broken("the font"))?;
    let bold = Font::new(BOLD_TTF.into(), 0).ok_or_else(|| broken("the bold font"))?;
    let mut document = Document::new();
    let made = info.made;
    document.set_metadata(
        Metadata::new()
            .title(info.title.clone())
            .creator("Ebb".to_owned())
            .language("en".to_owned())
            .creation_date(
                DateTime::new(made.year().clamp(0, 9999) as u16)
                    .month(made.month() as u8)
                    .day(made.day() as u8)
                    .hour(made.hour() as u8)
                    .minute(made.minute() as u8),
            ),
    );
    for page in pages {
        let settings =
            PageSettings::from_wh(page.width, page.height).ok_or_else(|| broken("page size"))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        if let Some(bg) = page.background {
            let mut builder = PathBuilder::new();
            if let Some(rect) = krilla::geom::Rect::from_xywh(0.0, 0.0, page.width, page.height) {
                builder.push_rect(rect);
            }
            if let Some(path) = builder.finish() {
                surface.set_fill(Some(fill(bg)));
                surface.draw_path(&path);
            }
        }
        for item in &page.items {
            match item {
                Item::Text { x, y, size, weight, color: c, text } => {
                    let font = if *weight == Weight::Bold { bold.clone() } else { regular.clone() };
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*c)));
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Rect { x, y, w, h, fill: c } => {
                    let mut builder = PathBuilder::new();
                    if let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *w, *h) {
                        builder.push_rect(rect);
                    }
                    if let Some(path) = builder.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(fill(*c)));
                        surface.draw_path(&path);
                    }
                }
                Item::Line { from, to, width, color: c } => {
                    stroke_path(&mut surface, &[*from, *to], *width, *c)
                }
                Item::Polyline { points, width, color: c } => {
                    stroke_path(&mut surface, points, *width, *c)
                }
                Item::Dot { cx, cy, r, fill: c } => {
                    let k = 0.552_284_8 * r;
                    let mut b = PathBuilder::new();
                    b.move_to(cx + r, *cy);
                    b.cubic_to(cx + r, cy + k, cx + k, cy + r, *cx, cy + r);
                    b.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, *cy);
                    b.cubic_to(cx - r, cy - k, cx - k, cy - r, *cx, cy - r);
                    b.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, *cy);
                    b.close();
                    if let Some(path) = b.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(fill(*c)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|e| broken(&format!("{e:?}")))
}
