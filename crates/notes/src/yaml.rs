//! Every call into the YAML library lives here, so it can be swapped in one place.

use serde::de::DeserializeOwned;

use crate::value::Value;

/// A YAML document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, without the library's position suffix.
    pub message: String,
    /// Byte offset of the problem in the parsed text, when known.
    pub offset: Option<usize>,
}

/// Parses front matter into ordered `(key, value)` entries.
///
/// A document that is empty or only comments gives no entries; a document whose top level
/// is not a mapping is an error.
pub fn parse_mapping(text: &str) -> Result<Vec<(String, Value)>, YamlError> {
    match crate::simple_yaml::parse(text) {
        Some(entries) => Ok(entries),
        None => parse_with_library(text),
    }
}

/// The front matter `text` in the simple subset most notes use, read without the YAML
/// library; `None` when it is not in that subset. Whatever it answers,
/// [`parse_with_library`] answers too.
pub fn parse_simple(text: &str) -> Option<Vec<(String, Value)>> {
    crate::simple_yaml::parse(text)
}

/// [`parse_mapping`] through the YAML library alone.
pub fn parse_with_library(text: &str) -> Result<Vec<(String, Value)>, YamlError> {
    // Straight into our own value type: no intermediate `serde_yaml::Value` to build and drop.
    let Direct(value) = serde_yaml::from_str(text).map_err(|e| locate(text, e))?;
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Map(entries) => Ok(entries),
        _ => Err(YamlError {
            message: "front matter must be `key: value` lines, not a single value or a list"
                .to_owned(),
            offset: Some(0),
        }),
    }
}

/// A [`Value`] deserialized directly by serde.
struct Direct(Value);

impl<'de> serde::Deserialize<'de> for Direct {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DirectVisitor).map(Direct)
    }
}

struct DirectVisitor;

impl<'de> serde::de::Visitor<'de> for DirectVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(DirectVisitor)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Direct(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((Direct(key), Direct(value))) = map.next_entry()? {
            let key = key_text(key);
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate entry with key \"{key}\""
                )));
            }
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        // A YAML tag (`!custom value`): keep the value, drop the tag.
        use serde::de::VariantAccess;
        let (_, variant): (serde::de::IgnoredAny, _) = data.variant()?;
        variant.newtype_variant::<Direct>().map(|Direct(v)| v)
    }
}

/// Deserializes a YAML document into `T` (used for `vault.yaml`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.trim().is_empty() {
        return serde_yaml::from_str("{}").map_err(convert_error);
    }
    serde_yaml::from_str(text).map_err(|e| locate(text, e))
}

fn convert_error(err: serde_yaml::Error) -> YamlError {
    let offset = err.location().map(|l| l.index());
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; the caller reports file positions itself.
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    YamlError { message, offset }
}

/// Points a syntax error at the construct that is broken rather than where the parser gave
/// up: libyaml says "did not find expected ',' or ']' at line 3 column 8, while parsing a
/// flow sequence at line 2 column 7", and line 2 is where the user must look.
fn locate(text: &str, err: serde_yaml::Error) -> YamlError {
    let full = err.to_string();
    let mut error = convert_error(err);
    if let Some(i) = full.find(", while ") {
        let context = &full[i + 2..];
        if let Some(at) = context.rfind(" at line ") {
            let mut numbers = context[at + 9..]
                .split(" column ")
                .map(|n| n.trim().parse::<usize>().ok());
            if let (Some(Some(line)), Some(Some(column))) = (numbers.next(), numbers.next()) {
                error.offset = offset_of(text, line, column).or(error.offset);
                error.message = format!("{}, {}", error.message, &context[..at]);
            }
        }
    } else if let Some(key) = full
        .strip_prefix("duplicate entry with key \"")
        .and_then(|k| k.split('"').next())
    {
        // The second line that starts with the key is the duplicate.
        let prefix = format!("{key}:");
        error.offset = crate::source::lines_with_offsets(text)
            .filter(|(_, line)| line.starts_with(&prefix))
            .nth(1)
            .map(|(offset, _)| offset)
            .or(error.offset);
        error.message = format!("the key `{key}` appears twice; keep one");
    }
    error
}

/// Byte offset of a 1-based line and column in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let (start, content) = crate::source::lines_with_offsets(text).nth(line.checked_sub(1)?)?;
    let within = content
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(content.len(), |(i, _)| i);
    Some(start + within)
}

fn key_text(key: Value) -> String {
    match key {
        Value::String(s) | Value::Number(s) => s,
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        Value::List(_) | Value::Map(_) => String::from("<complex key>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_dates_as_strings() {
        let entries = parse_mapping("b: 2026-10-02\na: [x, 1]\n").expect("valid yaml");
        assert_eq!(entries[0], ("b".into(), Value::String("2026-10-02".into())));
        assert_eq!(entries[1].0, "a");
    }

    #[test]
    fn error_has_offset_and_short_message() {
        let err = parse_mapping("a: 1\nb: [unclosed\n").expect_err("invalid yaml");
        assert!(err.offset.is_some());
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }

    #[test]
    fn errors_point_at_the_broken_construct() {
        let text = "name: Broken\nrole: [unclosed\ncadence: 30\n";
        let err = parse_mapping(text).expect_err("invalid");
        assert_eq!(err.offset, Some(19), "{err:?}");
        assert!(err.message.contains("flow sequence"), "{}", err.message);
        let dup = parse_mapping("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert_eq!(dup.offset, Some(10));
        assert_eq!(dup.message, "the key `a` appears twice; keep one");
    }

    #[test]
    fn nested_tagged_and_null_values() {
        let entries =
            parse_mapping("a:\n  b: [1, ~, true]\nc: !tag x\nd:\n1: one\n").expect("valid yaml");
        assert_eq!(
            entries,
            vec![
                (
                    "a".into(),
                    Value::Map(vec![(
                        "b".into(),
                        Value::List(vec![
                            Value::Number("1".into()),
                            Value::Null,
                            Value::Bool(true)
                        ])
                    )])
                ),
                ("c".into(), Value::String("x".into())),
                ("d".into(), Value::Null),
                ("1".into(), Value::String("one".into())),
            ]
        );
    }

    #[test]
    fn empty_document_is_no_entries() {
        assert_eq!(parse_mapping("# only a comment\n"), Ok(Vec::new()));
    }

    #[test]
    fn scalar_document_is_an_error() {
        assert!(parse_mapping("just text").is_err());
    }
}
