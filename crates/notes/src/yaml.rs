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
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(convert_error)?;
    match value {
        serde_yaml::Value::Null => Ok(Vec::new()),
        serde_yaml::Value::Mapping(map) => Ok(map
            .into_iter()
            .map(|(k, v)| (key_text(&k), convert(v)))
            .collect()),
        _ => Err(YamlError {
            message: "front matter must be `key: value` lines, not a single value or a list"
                .to_owned(),
            offset: Some(0),
        }),
    }
}

/// Deserializes a YAML document into `T` (used for `vault.yaml`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.trim().is_empty() {
        return serde_yaml::from_str("{}").map_err(convert_error);
    }
    serde_yaml::from_str(text).map_err(convert_error)
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

fn key_text(key: &serde_yaml::Value) -> String {
    match convert(key.clone()) {
        Value::String(s) | Value::Number(s) => s,
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        Value::List(_) | Value::Map(_) => String::from("<complex key>"),
    }
}

fn convert(value: serde_yaml::Value) -> Value {
    match value {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => Value::Number(n.to_string()),
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(items) => Value::List(items.into_iter().map(convert).collect()),
        serde_yaml::Value::Mapping(map) => Value::Map(
            map.into_iter()
                .map(|(k, v)| (key_text(&k), convert(v)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(tagged) => convert(tagged.value),
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
    fn empty_document_is_no_entries() {
        assert_eq!(parse_mapping("# only a comment\n"), Ok(Vec::new()));
    }

    #[test]
    fn scalar_document_is_an_error() {
        assert!(parse_mapping("just text").is_err());
    }
}
