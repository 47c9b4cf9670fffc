//! Shared rules for the texts people type: labels, names, notes, plans, messages.
//!
//! One rule everywhere: control characters are dropped (new lines and tabs stay, `\r\n`
//! becomes `\n`), spaces and invisible characters are trimmed from both ends, and a text
//! counts as written only if at least one character shows. NUL, zero-width spaces, direction
//! marks, a byte-order mark or a combining mark on its own are not a name.

use crate::Invalid;

/// The longest label or name, in characters.
pub const MAX_LABEL_CHARS: usize = 60;

/// Groups digits in thousands for messages: 10000 → "10,000".
pub(crate) fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether `c` is drawn as something: not a space, a control character, a format character
/// (zero-width, direction marks, BOM, variation selectors, tags), a blank filler or a
/// combining mark (which shows only on another character).
pub(crate) fn shows(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || invisible(c) || combining(c))
}

fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

fn combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// `text` with control characters dropped (new lines and tabs kept, `\r\n` and `\r` made
/// `\n`) and spaces and invisible characters trimmed from both ends.
pub(crate) fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String =
        text.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect();
    kept.trim_matches(|c: char| c.is_whitespace() || invisible(c)).to_owned()
}

/// At most 24 characters of something sent (an id, a code), for a message: the rest is cut
/// with "…", control characters are shown as `?` and curly quotes made straight, so a refusal
/// never repeats megabytes and its own quotation marks stay unambiguous.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 24;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| match c {
            c if c.is_control() => '?',
            // The message's own quotation marks stay the only ones.
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

/// Reads a local date sent as exactly `YYYY-MM-DD` (chrono alone reads "24-01-01" as the year
/// 24); for `#[serde(deserialize_with)]`.
pub(crate) fn iso_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<chrono::NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    parse_iso_date(&text).map_err(serde::de::Error::custom)
}

/// [`iso_date`] for an optional date (absent or null is none).
pub(crate) fn iso_date_opt<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<chrono::NaiveDate>, D::Error> {
    let text =
        <Option<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(deserializer)?;
    text.map(|t| parse_iso_date(&t)).transpose().map_err(serde::de::Error::custom)
}

fn parse_iso_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let shaped = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    shaped.then(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()).flatten().ok_or_else(
        || {
            format!(
                "A date is written year-month-day, like 2026-03-14; got \u{201c}{}\u{201d}.",
                quoted(text)
            )
        },
    )
}

/// Whether any character of `text` shows ([`shows`]).
pub(crate) fn written(text: &str) -> bool {
    text.chars().any(shows)
}

/// A required short text (a name, a chip's label): cleaned ([`clean`]), 1–60 characters, at
/// least one of which shows.
/// `what` names it in the message ("A name", "A label").
pub(crate) fn label(field: &'static str, what: &str, text: &str) -> Result<String, Invalid> {
    let trimmed = clean(text);
    if !written(&trimmed) {
        return Err(Invalid::new(field, format!("{what} needs at least one letter or number.")));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(Invalid::new(
            field,
            format!("{what} can be up to {MAX_LABEL_CHARS} characters; this one has {chars}."),
        ));
    }
    Ok(trimmed)
}

/// An optional long text (a note): cleaned; blank or invisible means none; at most `max`
/// characters.
pub(crate) fn note(
    field: &'static str,
    max: usize,
    text: Option<String>,
) -> Result<Option<String>, Invalid> {
    optional(field, "A note", max, text)
}

/// An optional text called `what` in messages ("A note", "A prompt"): cleaned ([`clean`]);
/// blank or invisible means none; at most `max` characters.
pub(crate) fn optional(
    field: &'static str,
    what: &str,
    max: usize,
    text: Option<String>,
) -> Result<Option<String>, Invalid> {
    let Some(text) = text else { return Ok(None) };
    let trimmed = clean(&text);
    if !written(&trimmed) {
        return Ok(None);
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(Invalid::new(
            field,
            format!(
                "{what} can be up to {} characters; this one has {}. Nothing was saved.",
                group_thousands(max),
                group_thousands(chars)
            ),
        ));
    }
    Ok(Some(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(7), "7");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn labels_are_trimmed_and_bounded() {
        assert_eq!(label("name", "A name", "  vaping "), Ok("vaping".to_owned()));
        assert_eq!(
            label("name", "A name", "   ").unwrap_err().message,
            "A name needs at least one letter or number."
        );
        assert_eq!(
            label("label", "A label", &"é".repeat(61)).unwrap_err().message,
            "A label can be up to 60 characters; this one has 61."
        );
        assert!(label("label", "A label", &"é".repeat(60)).is_ok(), "60 characters fit");
    }

    #[test]
    fn dates_need_four_digit_years() {
        assert_eq!(
            parse_iso_date("2024-01-31"),
            Ok(chrono::NaiveDate::from_ymd_opt(2024, 1, 31).unwrap())
        );
        for bad in ["24-01-01", "2024-1-01", "2024-02-30", "02024-01-01", "2024/01/01", ""] {
            assert!(parse_iso_date(bad).is_err(), "{bad:?} is not a YYYY-MM-DD date");
        }
    }

    #[test]
    fn quotes_are_short() {
        assert_eq!(quoted("us.988"), "us.988");
        assert_eq!(quoted(&"x".repeat(10_000_000)), format!("{}…", "x".repeat(24)));
        assert_eq!(quoted("a\0b"), "a?b", "a control character is shown, not sent");
    }

    #[test]
    fn invisible_texts_are_not_written() {
        for text in [
            "\0\0\0",
            "\u{200B}\u{200B}",
            "\u{200F}",
            "\u{FEFF}",
            "\u{0301}",
            "\u{202E}\u{202C}",
            " \u{3164} ",
            "\u{E0041}",
        ] {
            assert_eq!(
                label("name", "A name", text).unwrap_err().message,
                "A name needs at least one letter or number.",
                "{text:?} shows nothing, so it is not a name"
            );
            assert_eq!(optional("note", "A note", 10, Some(text.to_owned())), Ok(None), "{text:?}");
        }
    }

    #[test]
    fn cleaning_keeps_what_shows_and_drops_controls() {
        assert_eq!(clean("\u{200B} wine\0 \u{FEFF}"), "wine", "invisible ends and NUL go");
        assert_eq!(clean("line one\r\nline\ttwo\rthree"), "line one\nline\ttwo\nthree");
        assert_eq!(clean("e\u{0301}"), "e\u{0301}", "a combining mark on a letter stays");
        assert_eq!(label("name", "A name", "🍷").as_deref(), Ok("🍷"), "an emoji is a name");
        assert_eq!(label("name", "A name", "дім").as_deref(), Ok("дім"), "any script is");
    }
}
