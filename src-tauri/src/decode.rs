//! Reads a request from the JSON Tauri hands a command, strictly and in Ebb's words.
//!
//! serde's own `Value` deserializer is lenient where Ebb must not be, and speaks serde where
//! Ebb must speak to a person:
//! - it reads an array as a struct's fields in order, so `log_urge {"request": [5, …]}` would
//!   log a craving; here a struct is read only from an object, at any depth;
//! - its messages quote the input (a 10 MB string comes back whole) and say `expected u8`;
//!   here every refusal is a short sentence naming the field, never quoting more than a few
//!   characters of what was sent.
//!
//! The deserializer walks a `serde_json::Value` and keeps the path it is at, so a refusal deep
//! inside a request ("goal.plannedAmount") names its field for the UI.

use std::fmt::{self, Display};

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

use crate::ipc::IpcError;

/// Reads `T` from a command's `request` argument: absent or null is refused like any other
/// malformed request, with `{ code: "invalid_input", message, field }`.
pub fn decode<T: DeserializeOwned>(request: Option<Value>) -> Result<T, IpcError> {
    let Some(value) = request.filter(|v| !v.is_null()) else {
        return Err(IpcError::new(
            "invalid_input",
            "Ebb couldn't read this request: it was empty. Nothing was changed.",
        ));
    };
    T::deserialize(Strict(value)).map_err(DecodeError::into_ipc)
}

/// What went wrong, kept structured until the whole path is known.
#[derive(Debug)]
pub struct DecodeError {
    kind: Kind,
    /// Innermost last once complete; built from the inside out as the error bubbles up.
    path: Vec<String>,
}

#[derive(Debug)]
enum Kind {
    /// The value had the wrong shape; `expected` is serde's description of the right one.
    Type {
        expected: String,
    },
    /// The right shape but not an allowed value.
    Value {
        expected: String,
    },
    Length {
        expected: String,
    },
    Missing(&'static str),
    Unknown(String),
    UnknownVariant {
        expected: &'static [&'static str],
    },
    Duplicate(&'static str),
    Custom(String),
}

impl DecodeError {
    fn new(kind: Kind) -> Self {
        Self { kind, path: Vec::new() }
    }

    /// Adds the key or index this error happened under.
    fn under(mut self, segment: String) -> Self {
        self.path.insert(0, segment);
        self
    }

    /// The dotted path of the field at fault (`goal.plannedAmount`, `filter.chipIds.2`), or
    /// none for the request as a whole.
    fn field(&self) -> Option<String> {
        let mut path = self.path.clone();
        match &self.kind {
            Kind::Missing(name) | Kind::Duplicate(name) => path.push((*name).to_owned()),
            Kind::Unknown(name) => path.push(ebb_core::quoted(name)),
            _ => {}
        }
        (!path.is_empty()).then(|| path.join("."))
    }

    /// The name of the innermost object key on the path, skipping list indices.
    fn leaf(&self) -> Option<&str> {
        self.path.iter().rev().map(String::as_str).find(|s| s.parse::<usize>().is_err())
    }

    /// What the person reads.
    pub fn message(&self) -> String {
        let what = match self.leaf() {
            Some(key) => describe(key),
            None => "This request".to_owned(),
        };
        let sentence = match &self.kind {
            Kind::Type { .. } | Kind::Value { .. } | Kind::Custom(_)
                if question(self.leaf()).is_some() =>
            {
                question(self.leaf()).unwrap_or_default().to_owned()
            }
            Kind::Type { expected } | Kind::Value { expected } => {
                format!("{what} should be {}.", plain(expected))
            }
            Kind::Length { expected } => format!("{what} should have {}.", plain(expected)),
            Kind::Missing(name) => format!("{} is missing.", describe(name)),
            Kind::Unknown(name) => {
                format!("Ebb doesn't know \u{201c}{}\u{201d} here.", ebb_core::quoted(name))
            }
            Kind::UnknownVariant { expected } => {
                format!("{what} should be one of: {}.", expected.join(", "))
            }
            Kind::Duplicate(name) => format!("{} is given twice.", describe(name)),
            // A type's own check speaks in sentences already ("A date is year-month-day.").
            Kind::Custom(text) if is_sentence(text) => quote_sentence(text) + ".",
            Kind::Custom(text) => format!("{what} isn't right: {}.", quote_sentence(text)),
        };
        format!("{sentence} Nothing was changed.")
    }

    fn into_ipc(self) -> IpcError {
        IpcError { field: self.field(), ..IpcError::new("invalid_input", self.message()) }
    }
}

impl Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: Display>(msg: T) -> Self {
        Self::new(Kind::Custom(msg.to_string()))
    }
    fn invalid_type(_unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self::new(Kind::Type { expected: expected.to_string() })
    }
    fn invalid_value(_unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self::new(Kind::Value { expected: expected.to_string() })
    }
    fn invalid_length(_len: usize, expected: &dyn Expected) -> Self {
        Self::new(Kind::Length { expected: expected.to_string() })
    }
    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(Kind::UnknownVariant { expected })
    }
    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Self::new(Kind::Unknown(field.to_owned()))
    }
    fn missing_field(field: &'static str) -> Self {
        Self::new(Kind::Missing(field))
    }
    fn duplicate_field(field: &'static str) -> Self {
        Self::new(Kind::Duplicate(field))
    }
}

/// A custom message from a type's own checks (a date that doesn't parse, a goal's rules), kept
/// to one short clause.
fn quote_sentence(text: &str) -> String {
    let text = text.trim().trim_end_matches('.');
    let mut out: String =
        text.chars().take(100).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if text.chars().count() > 100 {
        out.push('…');
    }
    out
}

/// Whether a type's own message is a sentence to show as it is.
fn is_sentence(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase) && text.trim_end().ends_with('.')
}

/// The person's words for a request field, as the subject of a sentence.
fn describe(key: &str) -> String {
    let known = match key {
        "intensity" | "intensityBefore" => "The strength",
        "intensityAfter" => "The strength now",
        "note" => "The note",
        "name" => "The name",
        "label" => "The label",
        "number" | "phone" => "The number",
        "unit" => "The unit",
        "plannedAmount" => "The planned amount",
        "amount" => "The amount",
        "id" | "urgeId" | "techniqueId" | "chipId" | "thingId" | "planId" | "entryId" => "The id",
        "from" | "since" => "The start date",
        "to" | "until" => "The end date",
        "loggedAt" | "at" | "when" => "The time",
        "body" | "text" => "The text",
        "passcode" | "newPasscode" | "currentPasscode" => "The passcode",
        "limit" => "How many to show",
        "goal" => "The goal",
        "filter" => "The filter",
        "action" => "What happened",
        _ => return format!("\u{201c}{}\u{201d}", ebb_core::quoted(key)),
    };
    known.to_owned()
}

/// For the fields a person answers on the scale, the question as the app asks it.
fn question(key: Option<&str>) -> Option<&'static str> {
    match key? {
        "intensity" | "intensityBefore" => Some("How strong is it? A number from 0 to 10."),
        "intensityAfter" => Some("How strong is it now? A number from 0 to 10."),
        _ => None,
    }
}

/// serde's description of an expected shape, in plain words.
fn plain(expected: &str) -> String {
    let words = match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => "a whole number in range",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" | "a character" | "a char" | "string" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        "a map" => "a set of fields",
        "unit" => "empty",
        "option" => "a value or nothing",
        "a formatted date and time string" | "an RFC 3339 formatted date and time string" => {
            "a date and time"
        }
        "a formatted date string" | "a date string" => "a date (year-month-day)",
        other if other.starts_with("struct ") || other.starts_with("internally tagged enum") => {
            "a set of fields"
        }
        other if other.starts_with("variant identifier") || other.starts_with("enum ") => {
            "one of the allowed choices"
        }
        other if other.starts_with("tuple of ") || other.starts_with("a tuple") => "a list",
        other if other.ends_with(" elements") || other.ends_with(" element") => other,
        _ => "in another form",
    };
    words.to_owned()
}

/// A `serde_json::Value` read strictly: structs and maps only from objects.
struct Strict(Value);

impl Strict {
    fn type_error(&self, expected: &dyn Expected) -> DecodeError {
        de::Error::invalid_type(unexpected(&self.0), expected)
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(_) => Unexpected::Other("text"),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> de::Deserializer<'de> for Strict {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_seq(items, visitor),
            Value::Object(map) => visit_map(map, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(Strict(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Object(map) => visit_map(map, visitor),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Object(map) => visit_map(map, visitor),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Array(items) => visit_seq(items, visitor),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(Enum { variant, value: None }),
            Value::Object(map) if map.len() == 1 => {
                let (variant, value) = map.into_iter().next().expect("one entry");
                visitor.visit_enum(Enum { variant, value: Some(value) })
            }
            other => Err(Strict(other).type_error(&visitor)),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct identifier ignored_any
    }
}

fn visit_seq<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, DecodeError> {
    let len = items.len();
    let mut seq = Seq { items: items.into_iter(), index: 0 };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.items.len() > 0 {
        return Err(de::Error::invalid_length(len, &"fewer elements"));
    }
    Ok(value)
}

fn visit_map<'de, V: Visitor<'de>>(
    map: Map<String, Value>,
    visitor: V,
) -> Result<V::Value, DecodeError> {
    visitor.visit_map(Fields { entries: map.into_iter(), key: None, value: None })
}

struct Seq {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Seq {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        let Some(item) = self.items.next() else { return Ok(None) };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Strict(item)).map(Some).map_err(|e| e.under(index.to_string()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Fields {
    entries: serde_json::map::IntoIter,
    key: Option<String>,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some(value);
        self.key = Some(key.clone());
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        let value = self.value.take().unwrap_or(Value::Null);
        let key = self.key.take().unwrap_or_default();
        seed.deserialize(Strict(value)).map_err(|e| e.under(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Enum {
    variant: String,
    value: Option<Value>,
}

impl<'de> EnumAccess<'de> for Enum {
    type Error = DecodeError;
    type Variant = Variant;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant), DecodeError> {
        let variant = seed.deserialize(self.variant.clone().into_deserializer())?;
        Ok((variant, Variant { name: self.variant, value: self.value }))
    }
}

struct Variant {
    name: String,
    value: Option<Value>,
}

impl Variant {
    fn content(self, expected: &dyn Expected) -> Result<(String, Value), DecodeError> {
        match self.value {
            Some(value) => Ok((self.name, value)),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, expected)),
        }
    }
}

impl<'de> VariantAccess<'de> for Variant {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(_) => Err(de::Error::invalid_type(Unexpected::Map, &"a name alone")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, DecodeError> {
        let (name, value) = self.content(&"a value")?;
        seed.deserialize(Strict(value)).map_err(|e| e.under(name))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let (name, value) = self.content(&visitor)?;
        de::Deserializer::deserialize_seq(Strict(value), visitor).map_err(|e| e.under(name))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let (name, value) = self.content(&visitor)?;
        de::Deserializer::deserialize_map(Strict(value), visitor).map_err(|e| e.under(name))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Inner {
        planned_amount: f64,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Request {
        intensity: u8,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        inner: Option<Inner>,
        #[serde(default)]
        tags: Vec<String>,
    }

    fn refusal(value: Value) -> IpcError {
        decode::<Request>(Some(value)).expect_err("this request must be refused")
    }

    #[test]
    fn objects_are_read_and_arrays_are_not_structs() {
        let ok: Request = decode(Some(json!({"intensity": 5, "tags": ["a"]}))).unwrap();
        assert_eq!(ok.intensity, 5, "a well-formed object is read");
        let e = refusal(json!([5, "x"]));
        assert_eq!(e.code, "invalid_input", "an array in place of the request is refused");
        assert_eq!(e.message, "This request should be a set of fields. Nothing was changed.");
        let e = refusal(json!({"intensity": 5, "inner": [2.0]}));
        assert_eq!(e.field.as_deref(), Some("inner"), "a nested array in place of a struct too");
    }

    #[test]
    fn missing_and_null_requests_are_refused_in_words() {
        for request in [None, Some(Value::Null)] {
            let e = decode::<Request>(request).unwrap_err();
            assert_eq!(e.code, "invalid_input", "an absent request is a refusal, not a crash");
            assert!(e.message.contains("empty"), "and says so: {}", e.message);
        }
    }

    #[test]
    fn messages_name_the_field_and_never_echo_the_input() {
        let huge = "y".repeat(10_000_000);
        let e = refusal(json!({"intensity": huge}));
        assert_eq!(e.message, "How strong is it? A number from 0 to 10. Nothing was changed.");
        assert_eq!(e.field.as_deref(), Some("intensity"));
        let e = refusal(json!({"intensity": 300}));
        assert_eq!(e.message, "How strong is it? A number from 0 to 10. Nothing was changed.");
        let e = refusal(json!({"intensity": 1, huge.clone(): 1}));
        assert!(e.message.len() < 120, "an unknown key is quoted short: {}", e.message);
        let e = refusal(json!({"intensity": 1, "inner": {"plannedAmount": "two"}}));
        assert_eq!(e.field.as_deref(), Some("inner.plannedAmount"), "the path reaches the leaf");
        assert_eq!(e.message, "The planned amount should be a number. Nothing was changed.");
        let e = refusal(json!({"intensity": 1, "tags": ["a", 3]}));
        assert_eq!(e.field.as_deref(), Some("tags.1"), "list positions are in the path");
        let e = refusal(json!({}));
        assert_eq!(e.message, "The strength is missing. Nothing was changed.");
    }
}
