//! Pages described once, drawn twice: as a PDF ([`pdf`], krilla, selectable text with the
//! embedded font subset) and as a PNG ([`png`], tiny-skia, the same glyph outlines). The summary
//! and the coping card build [`Page`]s; neither knows which backend draws them.
//!
//! Coordinates are PDF points (1/72 inch) from the top-left corner; a text's `y` is its baseline.
//! Widths come from the embedded font's advances (no kerning), so wrapping is the same on every
//! platform and in every test.

pub(crate) mod pdf;
pub(crate) mod png;

use std::sync::OnceLock;

/// Noto Sans (SIL Open Font License 1.1, `assets/fonts/OFL.txt`), subset to Latin, Greek,
/// Cyrillic and common punctuation, without hinting.
pub(crate) const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Its bold face.
pub(crate) const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

/// A face of the one embedded family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A line of text starting at `x`, its baseline at `y`.
    Text { x: f32, y: f32, size: f32, weight: Weight, color: Rgb, text: String },
    /// A filled rectangle.
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Rgb },
    /// A straight stroke.
    Line { from: (f32, f32), to: (f32, f32), width: f32, color: Rgb },
    /// Connected strokes.
    Polyline { points: Vec<(f32, f32)>, width: f32, color: Rgb },
    /// A filled circle.
    Dot { cx: f32, cy: f32, r: f32, fill: Rgb },
}

/// A page: its size in points, its background and what is drawn on it, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page {
    pub width: f32,
    pub height: f32,
    pub background: Option<Rgb>,
    pub items: Vec<Item>,
}

impl Page {
    pub(crate) fn new(width: f32, height: f32) -> Self {
        Self { width, height, background: None, items: Vec::new() }
    }

    /// The page's text, one entry per line drawn, top to bottom (for screen readers and tests).
    pub(crate) fn text_lines(&self) -> Vec<String> {
        let mut lines: Vec<(f32, f32, &str)> = self
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { x, y, text, .. } => Some((*y, *x, text.as_str())),
                _ => None,
            })
            .collect();
        lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut out: Vec<String> = Vec::new();
        let mut last_y = f32::NAN;
        for (y, _, text) in lines {
            match out.last_mut() {
                Some(line) if (y - last_y).abs() < 0.5 => {
                    line.push_str("  ");
                    line.push_str(text);
                }
                _ => out.push(text.to_owned()),
            }
            last_y = y;
        }
        out
    }
}

/// The parsed faces, shared by measuring and drawing.
pub(crate) fn face(weight: Weight) -> &'static ttf_parser::Face<'static> {
    static REGULAR: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    static BOLD: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    let (cell, bytes) = match weight {
        Weight::Regular => (&REGULAR, REGULAR_TTF),
        Weight::Bold => (&BOLD, BOLD_TTF),
    };
    cell.get_or_init(|| {
        #[allow(clippy::expect_used)]
        ttf_parser::Face::parse(bytes, 0).expect("the embedded font parses (a test checks it)")
    })
}

/// The width of `text` at `size` points.
pub(crate) fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    let face = face(weight);
    let per_unit = size / f32::from(face.units_per_em());
    let missing = face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
    text.chars()
        .map(|c| {
            face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(missing) as f32
        })
        .sum::<f32>()
        * per_unit
}

/// `text` broken into lines no wider than `max_width`, at spaces where possible; explicit line
/// breaks are kept, blank lines kept as empty strings, and a word wider than a line is cut.
pub(crate) fn wrap(text: &str, size: f32, weight: Weight, max_width: f32) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.trim_end();
        if paragraph.is_empty() {
            out.push(String::new());
            continue;
        }
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate =
                if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if text_width(&candidate, size, weight) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            // A word longer than the line (a URL, a long number): cut it by characters.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if text_width(&piece, size, weight) > max_width && piece.chars().count() > 1 {
                    piece.pop();
                    out.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        out.push(line);
    }
    out
}

/// `text` shortened with "…" to fit `max_width`.
pub(crate) fn fit(text: &str, size: f32, weight: Weight, max_width: f32) -> String {
    if text_width(text, size, weight) <= max_width {
        return text.to_owned();
    }
    let mut out: String = text.to_owned();
    while !out.is_empty() && text_width(&format!("{out}…"), size, weight) > max_width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_faces_parse_and_cover_the_words_ebb_writes() {
        for weight in [Weight::Regular, Weight::Bold] {
            let face = face(weight);
            for c in "Aa0–—…·’“”éßøçñİıЖжΩω%+−×•".chars() {
                assert!(face.glyph_index(c).is_some(), "{c:?} must have a glyph in {weight:?}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let text = "A harder week is information, not a verdict. Used less than planned counts.";
        let lines = wrap(text, 11.0, Weight::Regular, 120.0);
        assert!(lines.len() > 2, "a narrow column wraps: {lines:?}");
        assert!(
            lines.iter().all(|l| text_width(l, 11.0, Weight::Regular) <= 120.0),
            "no line is wider than the column: {lines:?}"
        );
        assert_eq!(lines.join(" "), text, "wrapping loses no word");
        let cut = wrap(&"9".repeat(80), 11.0, Weight::Regular, 60.0);
        assert!(cut.len() > 1 && cut.concat() == "9".repeat(80), "a long word is cut, not lost");
        assert_eq!(wrap("one\n\ntwo", 11.0, Weight::Regular, 200.0), ["one", "", "two"]);
    }

    #[test]
    fn fitting_shortens_with_an_ellipsis() {
        let long = "Going for a walk around the block and calling Sam on the way back home";
        let short = fit(long, 10.0, Weight::Bold, 100.0);
        assert!(short.ends_with('…') && text_width(&short, 10.0, Weight::Bold) <= 100.0);
        assert_eq!(fit("Walk", 10.0, Weight::Bold, 100.0), "Walk", "what fits is unchanged");
    }

    #[test]
    fn page_text_reads_top_to_bottom_joining_one_baseline() {
        let mut page = Page::new(100.0, 100.0);
        for (x, y, t) in [(10.0, 50.0, "second"), (10.0, 20.0, "first"), (60.0, 50.0, "right")] {
            page.items.push(Item::Text {
                x,
                y,
                size: 10.0,
                weight: Weight::Regular,
                color: Rgb(0, 0, 0),
                text: t.into(),
            });
        }
        assert_eq!(page.text_lines(), ["first", "second  right"]);
    }
}
