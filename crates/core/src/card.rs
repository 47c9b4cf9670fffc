//! The coping plan card (#12): one page, "When a craving comes", drafted from the person's own
//! records and edited by them before it is saved, as a PDF (for the fridge or the wallet) or as
//! a PNG sized for a phone's lock screen, in light or dark.
//!
//! The draft ([`Store::coping_card_draft`]) takes the techniques that helped most ("what helps
//! me", with the catalog's evidence while there is little data), the if-then plans for the most
//! common triggers, the first support people, and the region's crisis numbers. Every line is the
//! person's to change: the card drawn is exactly the [`CopingCard`] given.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::render::{self, Item, Page, Rgb, Weight, text_width, wrap};
use crate::summary::Paper;
use crate::{Invalid, Result, Store, WhatHelps};

/// The longest title, heading or line on a card, in characters.
pub const MAX_CARD_LINE_CHARS: usize = 160;
/// The most sections on a card.
pub const MAX_CARD_SECTIONS: usize = 5;
/// The most lines in one section.
pub const MAX_CARD_LINES: usize = 6;
/// Uses of a technique before its own figure replaces the catalog's evidence.
pub const CARD_MIN_USES: u32 = 3;

/// A coping plan card, as the person edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CopingCard {
    /// "When a craving comes".
    pub title: String,
    /// Its parts, in order.
    pub sections: Vec<CardSection>,
}

/// One part of a card: a heading and its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CardSection {
    /// "Try first", "My plans", "People I can call", "Help now".
    pub heading: String,
    /// The lines, in the person's words.
    pub lines: Vec<String>,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CardTheme {
    /// Dark text on white.
    Light,
    /// Light text on near-black.
    Dark,
}

/// What a card is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CardFormat {
    /// One page of paper.
    Pdf,
    /// 1080 × 2340 pixels, for a phone's lock screen.
    Png,
}

struct Palette {
    background: Rgb,
    ink: Rgb,
    muted: Rgb,
    accent: Rgb,
}

fn palette(theme: CardTheme) -> Palette {
    match theme {
        CardTheme::Light => Palette {
            background: Rgb(0xff, 0xff, 0xff),
            ink: Rgb(0x1f, 0x23, 0x28),
            muted: Rgb(0x4f, 0x57, 0x5f),
            accent: Rgb(0x1f, 0x5f, 0x63),
        },
        CardTheme::Dark => Palette {
            background: Rgb(0x12, 0x16, 0x19),
            ink: Rgb(0xec, 0xef, 0xf1),
            muted: Rgb(0xb4, 0xbc, 0xc4),
            accent: Rgb(0x8f, 0xd3, 0xd6),
        },
    }
}

/// The card, trimmed: blank lines and empty sections dropped; refused (with what to change)
/// when it has no title, too much, or a line too long.
pub fn check_card(card: &CopingCard) -> Result<CopingCard> {
    let line = |field: &'static str, what: &str, text: &str| -> Result<String> {
        let text = crate::text::clean(text);
        let text = if crate::text::written(&text) {
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            String::new()
        };
        let chars = text.chars().count();
        if chars > MAX_CARD_LINE_CHARS {
            return Err(Invalid::new(
                field,
                format!(
                    "{what} can be up to {MAX_CARD_LINE_CHARS} characters; this one has {chars}. \
                     Shorten it and try again."
                ),
            )
            .into());
        }
        Ok(text)
    };
    let title = line("title", "The title", &card.title)?;
    if title.is_empty() {
        return Err(Invalid::new(
            "title",
            "Give the card a title, such as “When a craving comes”.",
        )
        .into());
    }
    let mut sections = Vec::new();
    for section in &card.sections {
        let heading = line("heading", "A heading", &section.heading)?;
        let mut lines = Vec::new();
        for text in &section.lines {
            let text = line("lines", "A line", text)?;
            if !text.is_empty() {
                lines.push(text);
            }
        }
        if lines.len() > MAX_CARD_LINES {
            return Err(Invalid::new(
                "lines",
                format!(
                    "A part of the card can have up to {MAX_CARD_LINES} lines; “{}” has {}.",
                    crate::summary::excerpt(&heading, 30),
                    lines.len()
                ),
            )
            .into());
        }
        if !lines.is_empty() || !heading.is_empty() {
            sections.push(CardSection { heading, lines });
        }
    }
    if sections.len() > MAX_CARD_SECTIONS {
        return Err(Invalid::new(
            "sections",
            format!(
                "A card can have up to {MAX_CARD_SECTIONS} parts; this one has {}.",
                sections.len()
            ),
        )
        .into());
    }
    if sections.iter().all(|s| s.lines.is_empty()) {
        return Err(Invalid::new("lines", "Add at least one line to the card.").into());
    }
    Ok(CopingCard { title, sections })
}

impl Store {
    /// A first draft of the card from the person's own records (see the module docs).
    pub fn coping_card_draft(&self, helps: &WhatHelps) -> Result<CopingCard> {
        let library = self.library()?;
        let hidden = &library.hidden;
        let mut try_first: Vec<String> = Vec::new();
        let mut named: Vec<String> = Vec::new();
        for t in helps
            .techniques
            .iter()
            .filter(|t| !t.baseline && t.uses >= CARD_MIN_USES && t.benefit > 0.0 && t.low > -0.5)
        {
            if try_first.len() == 3 {
                break;
            }
            try_first.push(format!(
                "{}: about {:.1} points lower than waiting, over {} times",
                t.name, t.benefit, t.uses
            ));
            named.push(t.technique_id.clone());
        }
        if try_first.len() < 2 {
            // Little data yet: the catalog, one of each kind (their one-tap breathing first,
            // then by the strength of the evidence), each with its plain "why".
            let mut catalog: Vec<_> = crate::builtin_techniques()
                .iter()
                .filter(|t| {
                    t.prior.is_some_and(|p| p < 0.0)
                        && !named.contains(&t.id)
                        && !hidden.contains(&t.id)
                })
                .collect();
            let default = &library.default_technique_id;
            catalog.sort_by(|a, b| {
                (&b.id == default)
                    .cmp(&(&a.id == default))
                    .then(a.prior.unwrap_or(0.0).total_cmp(&b.prior.unwrap_or(0.0)))
            });
            let mut kinds = Vec::new();
            for t in catalog {
                if try_first.len() >= 3 {
                    break;
                }
                if kinds.contains(&t.kind) {
                    continue;
                }
                kinds.push(t.kind);
                try_first.push(format!("{}: {}", t.name, t.why));
            }
        }

        // Plans tied to the most common triggers first (all-time counts), then the rest.
        let mut counts = std::collections::HashMap::new();
        {
            let mut stmt =
                self.conn.prepare_cached("SELECT chip_id, cravings FROM insight_chips")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (chip, n) = row?;
                counts.insert(chip, n);
            }
        }
        let mut plans: Vec<_> = self.plans()?.into_iter().filter(|p| !p.paused).collect();
        let weight = |p: &crate::Plan| {
            p.chip_ids.iter().map(|c| counts.get(c).copied().unwrap_or(0)).sum::<i64>()
        };
        plans.sort_by(|a, b| weight(b).cmp(&weight(a)).then(a.position.cmp(&b.position)));
        let plan_lines: Vec<String> = plans
            .iter()
            .take(3)
            .map(|p| format!("If {}, then I will {}.", p.if_text, p.then_text))
            .collect();

        let people: Vec<String> = self
            .support_people()?
            .into_iter()
            .take(3)
            .map(|p| format!("{}: {}", p.name, p.phone))
            .collect();

        let numbers = self.crisis_numbers()?;
        let crisis: Vec<String> = match &numbers.region {
            Some(_) => numbers
                .numbers
                .iter()
                .filter(|n| !n.hidden)
                .take(4)
                .map(|n| format!("{}: {}", n.label, n.number))
                .collect(),
            None => numbers
                .regions
                .iter()
                .filter(|r| !r.emergency.is_empty())
                .map(|r| format!("Emergency ({}): {}", r.name, r.emergency))
                .take(4)
                .collect(),
        };

        let mut sections = vec![CardSection { heading: "Try first".into(), lines: try_first }];
        if !plan_lines.is_empty() {
            sections.push(CardSection { heading: "My plans".into(), lines: plan_lines });
        }
        if !people.is_empty() {
            sections.push(CardSection { heading: "People I can call".into(), lines: people });
        }
        sections.push(CardSection { heading: "If I need help now".into(), lines: crisis });
        Ok(CopingCard { title: "When a craving comes".into(), sections })
    }
}

/// The card laid out on one page of `width` × `height` points, starting `top` points down
/// (a lock screen keeps its clock above). Text shrinks until everything fits.
fn card_page(
    card: &CopingCard,
    theme: CardTheme,
    width: f32,
    height: f32,
    top: f32,
    base: f32,
) -> Page {
    let colours = palette(theme);
    let margin = width * 0.08;
    let column = width - 2.0 * margin;
    let mut scale = 1.0_f32;
    loop {
        let title_size = base * 1.6 * scale;
        let heading_size = base * 1.05 * scale;
        let line_size = base * scale;
        let mut page = Page::new(width, height);
        page.background = Some(colours.background);
        let mut y = top;
        let text = |page: &mut Page, y: f32, size: f32, weight: Weight, color: Rgb, t: &str| {
            page.items.push(Item::Text { x: margin, y, size, weight, color, text: t.to_owned() })
        };
        for line in wrap(&card.title, title_size, Weight::Bold, column) {
            y += title_size * 1.25;
            text(&mut page, y, title_size, Weight::Bold, colours.ink, &line);
        }
        y += title_size * 0.5;
        for section in &card.sections {
            y += heading_size * 0.9;
            if !section.heading.is_empty() {
                for line in wrap(&section.heading, heading_size, Weight::Bold, column) {
                    y += heading_size * 1.3;
                    text(&mut page, y, heading_size, Weight::Bold, colours.accent, &line);
                }
                y += heading_size * 0.2;
            }
            for entry in &section.lines {
                let bullet = "•  ";
                let indent = text_width(bullet, line_size, Weight::Regular);
                for (i, line) in
                    wrap(entry, line_size, Weight::Regular, column - indent).iter().enumerate()
                {
                    y += line_size * 1.35;
                    if i == 0 {
                        text(&mut page, y, line_size, Weight::Regular, colours.muted, "•");
                    }
                    page.items.push(Item::Text {
                        x: margin + indent,
                        y,
                        size: line_size,
                        weight: Weight::Regular,
                        color: colours.ink,
                        text: line.clone(),
                    });
                }
                y += line_size * 0.25;
            }
        }
        let footer_size = base * 0.7;
        let fits = y + footer_size * 3.0 <= height - margin * 0.6;
        if fits || scale < 0.45 {
            page.items.push(Item::Text {
                x: margin,
                y: height - margin * 0.6,
                size: footer_size,
                weight: Weight::Regular,
                color: colours.muted,
                text: "Made with Ebb".to_owned(),
            });
            return page;
        }
        scale *= 0.92;
    }
}

/// The phone image's size in points (× [`PHONE_SCALE`] = 1080 × 2340 pixels).
const PHONE: (f32, f32) = (360.0, 780.0);
/// Pixels per point of the phone image.
const PHONE_SCALE: f32 = 3.0;

/// The card as a PNG for a phone's lock screen: 1080 × 2340 pixels, the top third left clear
/// for the clock.
pub fn card_png(card: &CopingCard, theme: CardTheme) -> Result<Vec<u8>> {
    let card = check_card(card)?;
    let page = card_page(&card, theme, PHONE.0, PHONE.1, PHONE.1 * 0.3, 15.0);
    render::png::image(&page, PHONE_SCALE)
}

/// The card as one page of paper, in large type.
pub fn card_pdf(card: &CopingCard, theme: CardTheme, paper: Paper) -> Result<Vec<u8>> {
    let card = check_card(card)?;
    let (w, h) = paper.size();
    let page = card_page(&card, theme, w, h, 40.0, 17.0);
    let info =
        render::pdf::PdfInfo { title: card.title.clone(), made: chrono::Utc::now().naive_utc() };
    render::pdf::document(&[page], &info)
}

/// The card drawn small, for the editor's preview, with its text for screen readers.
pub fn card_preview(card: &CopingCard, theme: CardTheme) -> Result<crate::PreviewPage> {
    let card = check_card(card)?;
    let page = card_page(&card, theme, PHONE.0, PHONE.1, PHONE.1 * 0.3, 15.0);
    let scale = 1.0;
    Ok(crate::PreviewPage {
        png: render::png::image(&page, scale)?,
        width: PHONE.0 as u32,
        height: PHONE.1 as u32,
        text: page.text_lines(),
    })
}
