//! Support people: the few people the person can reach out to in a craving, their numbers, and
//! ready-made messages to send them (issue #6, care.md §4 "reaching a support person", §6).
//!
//! Ebb never calls or texts anyone itself: it builds `tel:` and `sms:` links ([`contact_links`])
//! that the platform's dialler or messaging app opens, with the person's own message pre-filled.
//! Numbers are typed in by the person (no contacts permission).

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Invalid, Result, Store, text};

/// The most support people one person keeps (a short list, read in a hard moment).
pub const MAX_SUPPORT_PEOPLE: usize = 20;
/// The most ready-made messages per person.
pub const MAX_MESSAGES_PER_PERSON: usize = 5;
/// The longest ready-made message, in characters (one text message).
pub const MAX_MESSAGE_CHARS: usize = 160;
/// The longest note about a person ("calls back fast"), in characters.
pub const MAX_PERSON_NOTE_CHARS: usize = 200;
/// The fewest and most digits a phone number may have (3: "999"; 20: any international number
/// with room to spare, E.164 allows 15).
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 3..=20;
/// The longest phone number as typed, spaces and brackets included.
const MAX_PHONE_CHARS: usize = 40;

/// The links that hand a number to the platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ContactLinks {
    /// `tel:+441234567890`: opens the dialler with the number, never dials by itself.
    pub tel: String,
    /// `sms:+441234567890` (with `?body=…` when a message is given).
    pub sms: String,
}

/// A ready-made message for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SupportMessage {
    /// UUIDv7.
    pub id: String,
    /// The message as the person wrote it.
    pub text: String,
    /// `sms:` link with this message pre-filled.
    pub sms: String,
}

/// A person who helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SupportPerson {
    /// UUIDv7.
    pub id: String,
    /// Their name, as the person calls them.
    pub name: String,
    /// The number as typed.
    pub phone: String,
    /// An optional note ("calls back fast").
    pub note: Option<String>,
    /// 0 first, in the person's order.
    pub position: u32,
    /// Call and text (without a message) links.
    pub links: ContactLinks,
    /// Ready-made messages, in order.
    pub messages: Vec<SupportMessage>,
}

/// A person to add.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewSupportPerson {
    /// 1–60 characters.
    pub name: String,
    /// Digits, spaces, `-`, `.`, brackets, `+` at the start; 3–20 digits.
    pub phone: String,
    /// Up to 200 characters; blank means none.
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

/// A change to a person: all of it at once, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SupportPersonEdit {
    /// The person's id.
    pub id: String,
    /// New name.
    pub name: String,
    /// New number.
    pub phone: String,
    /// New note; blank or absent clears it.
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

/// A ready-made message to add to a person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewSupportMessage {
    /// The person it is for.
    pub person_id: String,
    /// 1–160 characters.
    pub text: String,
}

/// New wording for a ready-made message.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SupportMessageEdit {
    /// The message's id.
    pub id: String,
    /// 1–160 characters.
    pub text: String,
}

/// Checks a phone number as typed and returns it trimmed.
///
/// Light on purpose (numbers differ by country): digits, spaces, `-`, `.`, brackets, and `+`
/// only as the first character; 3–20 digits.
pub fn validate_phone(field: &'static str, phone: &str) -> Result<String, Invalid> {
    let trimmed = phone.trim();
    if trimmed.is_empty() {
        return Err(Invalid::new(field, "A phone number is needed: type the digits to call."));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_PHONE_CHARS {
        return Err(Invalid::new(
            field,
            format!(
                "A phone number can be up to {MAX_PHONE_CHARS} characters, spaces included; \
                 this one has {chars}."
            ),
        ));
    }
    for (i, c) in trimmed.chars().enumerate() {
        let ok =
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')') || (c == '+' && i == 0);
        if !ok {
            let message = if c == '+' {
                "A + can only come first in a phone number (as in +44 20 7946 0000).".to_owned()
            } else {
                format!(
                    "A phone number can have digits, spaces, - . ( ) and a + at the start; \
                     \u{201c}{c}\u{201d} isn't one of them."
                )
            };
            return Err(Invalid::new(field, message));
        }
    }
    let digits = trimmed.chars().filter(char::is_ascii_digit).count();
    if !PHONE_DIGITS.contains(&digits) {
        return Err(Invalid::new(
            field,
            format!(
                "A phone number has {} to {} digits; this one has {digits}.",
                PHONE_DIGITS.start(),
                PHONE_DIGITS.end()
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// A checked message: trimmed, 1–160 characters.
fn validate_message(text: &str) -> Result<String, Invalid> {
    let trimmed = crate::text::clean(text);
    if !crate::text::written(&trimmed) {
        return Err(Invalid::new("text", "A message needs at least one word."));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_MESSAGE_CHARS {
        return Err(Invalid::new(
            "text",
            format!(
                "A ready-made message can be up to {MAX_MESSAGE_CHARS} characters (one text); \
                 this one has {chars}."
            ),
        ));
    }
    Ok(trimmed)
}

/// The number as a link target: its digits, with the `+` kept when it came first.
pub fn dial_string(phone: &str) -> String {
    let trimmed = phone.trim();
    let mut out = String::new();
    if trimmed.starts_with('+') {
        out.push('+');
    }
    out.extend(trimmed.chars().filter(char::is_ascii_digit));
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8 bytes.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `tel:` and `sms:` links for a number, the text link with `message` pre-filled.
///
/// The form is RFC 5724's `sms:<number>?body=<percent-encoded text>`, which both platforms read:
/// Android's messaging apps take `?body=` from an `sms:` intent, and iOS has accepted `?body=`
/// since iOS 8 (the `sms:<number>&body=` form seen in old answers is for iOS 7 and earlier and
/// breaks Android, so it is not used). Spaces are encoded as `%20`, never `+`: iOS shows a `+`
/// literally. Every byte outside the unreserved set is encoded, so `&`, `?`, `#`, `/` and emoji
/// in a message can't cut the link short. The number keeps only its digits and a leading `+`
/// (RFC 3966 allows visual separators, but some diallers don't strip them).
pub fn contact_links(phone: &str, message: Option<&str>) -> ContactLinks {
    let number = dial_string(phone);
    let sms = match message.map(str::trim).filter(|m| !m.is_empty()) {
        Some(body) => format!("sms:{number}?body={}", percent_encode(body)),
        None => format!("sms:{number}"),
    };
    ContactLinks { tel: format!("tel:{number}"), sms }
}

fn not_found(what: &'static str, id: &str) -> Error {
    Error::NotFound { what, id: id.to_owned() }
}

impl Store {
    /// Every support person, in the person's order, with their messages.
    pub fn support_people(&self) -> Result<Vec<SupportPerson>> {
        let mut people = self
            .conn
            .prepare_cached(
                "SELECT id, name, phone, note, position FROM support_people \
                 ORDER BY position, created_at, id",
            )?
            .query_map([], |r| {
                let phone: String = r.get(2)?;
                Ok(SupportPerson {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    links: contact_links(&phone, None),
                    phone,
                    note: r.get(3)?,
                    position: r.get(4)?,
                    messages: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, body FROM support_messages WHERE person_id = ?1 \
             ORDER BY position, created_at, id",
        )?;
        for person in &mut people {
            person.messages = stmt
                .query_map([&person.id], |r| {
                    let text: String = r.get(1)?;
                    Ok(SupportMessage {
                        id: r.get(0)?,
                        sms: contact_links(&person.phone, Some(&text)).sms,
                        text,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
        }
        Ok(people)
    }

    /// One support person, or `NotFound`.
    pub fn support_person(&self, id: &str) -> Result<SupportPerson> {
        self.support_people()?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| not_found("support person", id))
    }

    fn person_exists(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM support_people WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Adds a person at the end of the list.
    pub fn add_support_person(&mut self, new: NewSupportPerson) -> Result<SupportPerson> {
        let name = text::label("name", "A name", &new.name)?;
        let phone = validate_phone("phone", &new.phone)?;
        let note = person_note(new.note)?;
        let count: usize = self
            .conn
            .prepare_cached("SELECT count(*) FROM support_people")?
            .query_row([], |r| r.get(0))?;
        if count >= MAX_SUPPORT_PEOPLE {
            return Err(Invalid::new(
                "name",
                format!(
                    "You have {MAX_SUPPORT_PEOPLE} people here, the most Ebb keeps: remove \
                     someone first."
                ),
            )
            .into());
        }
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO support_people (id, name, phone, note, position, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, \
             (SELECT coalesce(max(position) + 1, 0) FROM support_people), ?5, ?5)",
        )?
        .execute(params![id, name, phone, note, now.timestamp_millis()])?;
        tx.commit()?;
        self.support_person(&id)
    }

    /// Changes a person's name, number and note.
    pub fn update_support_person(&mut self, edit: SupportPersonEdit) -> Result<SupportPerson> {
        if !self.person_exists(&edit.id)? {
            return Err(not_found("support person", &edit.id));
        }
        let name = text::label("name", "A name", &edit.name)?;
        let phone = validate_phone("phone", &edit.phone)?;
        let note = person_note(edit.note)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "UPDATE support_people SET name = ?2, phone = ?3, note = ?4, updated_at = ?5 \
             WHERE id = ?1",
        )?
        .execute(params![edit.id, name, phone, note, now])?;
        tx.commit()?;
        self.support_person(&edit.id)
    }

    /// Removes a person and their messages, for good.
    pub fn delete_support_person(&mut self, id: &str) -> Result<()> {
        if !self.person_exists(id)? {
            return Err(not_found("support person", id));
        }
        let tx = self.conn.transaction()?;
        // The messages go with the person (ON DELETE CASCADE).
        tx.prepare_cached("DELETE FROM support_people WHERE id = ?1")?.execute([id])?;
        tx.commit()?;
        Ok(())
    }

    /// Puts the people in a new order: `ids` must name every person exactly once.
    pub fn reorder_support_people(&mut self, ids: Vec<String>) -> Result<Vec<SupportPerson>> {
        let current = self.support_people()?;
        let mut wanted = ids.clone();
        wanted.sort();
        let mut have: Vec<String> = current.iter().map(|p| p.id.clone()).collect();
        have.sort();
        if wanted != have {
            return Err(Invalid::new(
                "ids",
                format!(
                    "A new order lists each of your {} support people once; this one lists {} \
                     ids that don't match them. Nothing was moved.",
                    have.len(),
                    ids.len()
                ),
            )
            .into());
        }
        let tx = self.conn.transaction()?;
        {
            let mut put =
                tx.prepare_cached("UPDATE support_people SET position = ?2 WHERE id = ?1")?;
            for (position, id) in ids.iter().enumerate() {
                put.execute(params![id, position as i64])?;
            }
        }
        tx.commit()?;
        self.support_people()
    }

    /// Adds a ready-made message to a person (at most 5 each).
    pub fn add_support_message(&mut self, new: NewSupportMessage) -> Result<SupportPerson> {
        if !self.person_exists(&new.person_id)? {
            return Err(not_found("support person", &new.person_id));
        }
        let body = validate_message(&new.text)?;
        let count: usize = self
            .conn
            .prepare_cached("SELECT count(*) FROM support_messages WHERE person_id = ?1")?
            .query_row([&new.person_id], |r| r.get(0))?;
        if count >= MAX_MESSAGES_PER_PERSON {
            return Err(Invalid::new(
                "text",
                format!(
                    "Each person can have up to {MAX_MESSAGES_PER_PERSON} ready-made messages: \
                     change or remove one first."
                ),
            )
            .into());
        }
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO support_messages (id, person_id, body, position, created_at) \
             VALUES (?1, ?2, ?3, \
             (SELECT coalesce(max(position) + 1, 0) FROM support_messages WHERE person_id = ?2), \
             ?4)",
        )?
        .execute(params![id, new.person_id, body, now.timestamp_millis()])?;
        tx.commit()?;
        self.support_person(&new.person_id)
    }

    fn message_owner(&self, id: &str) -> Result<String> {
        self.conn
            .prepare_cached("SELECT person_id FROM support_messages WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("message", id))
    }

    /// Rewords a ready-made message.
    pub fn update_support_message(&mut self, edit: SupportMessageEdit) -> Result<SupportPerson> {
        let owner = self.message_owner(&edit.id)?;
        let body = validate_message(&edit.text)?;
        let tx = self.conn.transaction()?;
        tx.prepare_cached("UPDATE support_messages SET body = ?2 WHERE id = ?1")?
            .execute(params![edit.id, body])?;
        tx.commit()?;
        self.support_person(&owner)
    }

    /// Removes a ready-made message.
    pub fn delete_support_message(&mut self, id: &str) -> Result<SupportPerson> {
        let owner = self.message_owner(id)?;
        let tx = self.conn.transaction()?;
        tx.prepare_cached("DELETE FROM support_messages WHERE id = ?1")?.execute([id])?;
        tx.commit()?;
        self.support_person(&owner)
    }
}

fn person_note(note: Option<String>) -> Result<Option<String>, Invalid> {
    let Some(text) = note else { return Ok(None) };
    let trimmed = crate::text::clean(&text);
    if !crate::text::written(&trimmed) {
        return Ok(None);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_PERSON_NOTE_CHARS {
        return Err(Invalid::new(
            "note",
            format!(
                "A note about someone can be up to {MAX_PERSON_NOTE_CHARS} characters; this one \
                 has {chars}."
            ),
        ));
    }
    Ok(Some(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_digits_and_a_leading_plus() {
        let links = contact_links(" +44 (0)20 7946-0000 ", None);
        assert_eq!(links.tel, "tel:+440207946 0000".replace(' ', ""));
        assert_eq!(links.sms, "sms:+4402079460000");
    }

    #[test]
    fn sms_bodies_are_percent_encoded() {
        let links = contact_links("555 0100", Some("Rough evening — can you talk? A&B #1"));
        assert_eq!(
            links.sms,
            "sms:5550100?body=Rough%20evening%20%E2%80%94%20can%20you%20talk%3F%20A%26B%20%231"
        );
    }
}
