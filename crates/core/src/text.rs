//! Shared rules for the short texts people type: labels, names, notes.

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

/// A required short text (a name, a chip's label): trimmed, 1–60 characters.
/// `what` names it in the message ("A name", "A label").
pub(crate) fn label(field: &'static str, what: &str, text: &str) -> Result<String, Invalid> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Invalid::new(field, format!("{what} needs at least one letter or number.")));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(Invalid::new(
            field,
            format!("{what} can be up to {MAX_LABEL_CHARS} characters; this one has {chars}."),
        ));
    }
    Ok(trimmed.to_owned())
}

/// An optional long text (a note): trimmed; blank means none; at most `max` characters.
pub(crate) fn note(
    field: &'static str,
    max: usize,
    text: Option<String>,
) -> Result<Option<String>, Invalid> {
    optional(field, "A note", max, text)
}

/// An optional text called `what` in messages ("A note", "A prompt"): trimmed; blank means
/// none; at most `max` characters.
pub(crate) fn optional(
    field: &'static str,
    what: &str,
    max: usize,
    text: Option<String>,
) -> Result<Option<String>, Invalid> {
    let Some(text) = text else { return Ok(None) };
    let trimmed = text.trim();
    if trimmed.is_empty() {
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
    Ok(Some(trimmed.to_owned()))
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
}
