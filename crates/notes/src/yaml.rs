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
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| locate(text, e))?;
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
    fn empty_document_is_no_entries() {
        assert_eq!(parse_mapping("# only a comment\n"), Ok(Vec::new()));
    }

    #[test]
    fn scalar_document_is_an_error() {
        assert!(parse_mapping("just text").is_err());
    }
}
