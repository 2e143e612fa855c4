//! Every call into the YAML library lives here, so it can be swapped in one place.
//!
//! The library is `serde-saphyr` (pure Rust, maintained), set to read YAML 1.2 as
//! Obsidian's own YAML 1.2 parser does: `yes`/`no`/`on`/`off` are text, `030` is text,
//! `0o30` is 24, `<<` is an ordinary key. Every document is read under a budget of work
//! ([`MAX_DEPTH`], [`MAX_NODES`], alias expansion bounded by the size of the text), so no
//! front matter within the file size limit takes long or much memory: past the budget it is
//! an error of kind [`YamlErrorKind::Limit`].

use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::options::{DuplicateKeyPolicy, MergeKeyPolicy, NonFiniteFloatPolicy};
use serde_saphyr::{Budget, Error as LibError, MessageFormatter};

use crate::value::Value;

/// Deepest nesting of lists and mappings read (`a: [[[…]]]`).
pub const MAX_DEPTH: usize = 64;
/// Most values (scalars, lists, mappings) in one document.
pub const MAX_NODES: usize = 100_000;
/// Most aliases (`*name`) in one document.
pub const MAX_ALIASES: usize = 1_000;

/// A YAML document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, without a position.
    pub message: String,
    /// Byte offset of the problem in the parsed text, when known.
    pub offset: Option<usize>,
    /// Whether the text is not YAML or is past the budget of work.
    pub kind: YamlErrorKind,
}

/// Why a YAML document was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// The text is not valid YAML (or not what the caller expects).
    Syntax,
    /// Valid or not, the document is nested too deeply, has too many values, or its
    /// aliases expand to too much: it was not read, so reading it cannot take long.
    Limit,
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
    // Straight into our own value type: no intermediate library value to build and drop.
    let Direct(value) =
        serde_saphyr::from_str_with_options(text, options(text)).map_err(|e| convert(text, &e))?;
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Map(entries) => Ok(entries),
        _ => Err(YamlError {
            message: "front matter must be `key: value` lines, not a single value or a list"
                .to_owned(),
            offset: Some(0),
            kind: YamlErrorKind::Syntax,
        }),
    }
}

/// Deserializes a YAML document into `T` (used for `vault.yaml`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options(text, options(text)).map_err(|e| convert(text, &e))
}

/// YAML 1.2 as Obsidian reads it, under the budget of work.
fn options(text: &str) -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 2 * MAX_NODES + 16;
    budget.max_aliases = MAX_ALIASES;
    // Aliases may repeat text, but not turn a note into much more text than it has.
    budget.max_total_scalar_bytes = text.len().saturating_mul(2).max(64 * 1024);
    budget.max_recorded_anchor_bytes = text.len().max(64 * 1024);
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_NODES;
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.merge_keys = MergeKeyPolicy::AsOrdinary;
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.underscored_numbers_as_strings = true;
    options.non_finite_float_policy = NonFiniteFloatPolicy::AsString;
    // Positions are reported by the caller; a rendered snippet would be thrown away.
    options.with_snippet = false;
    options
}

/// Our error from the library's: the message without a position, the position from the
/// library's location of the problem.
fn convert(text: &str, err: &LibError) -> YamlError {
    let mut inner = err;
    while let LibError::WithSnippet { error, .. } | LibError::AliasError { error, .. } = inner {
        inner = error;
    }
    let offset = err.location().and_then(|location| {
        let span = location.span();
        span.byte_offset()
            .and_then(|o| usize::try_from(o).ok())
            .filter(|&o| o <= text.len() && text.is_char_boundary(o))
            .or_else(|| {
                let line = usize::try_from(location.line()).ok()?;
                let column = usize::try_from(location.column()).ok()?;
                offset_of(text, line, column)
            })
    });
    match inner {
        LibError::Budget { breach, .. } => YamlError {
            message: limit_message(breach),
            offset,
            kind: YamlErrorKind::Limit,
        },
        // The parser's own ceiling on nesting (flow collections), below the budget's.
        LibError::ExternalMessage { source, .. }
            if matches!(
                &**source,
                serde_saphyr::ExternalMessageSource::Parser(scan)
                    if matches!(scan.kind(), serde_saphyr::granit_parser::ErrorKind::RecursionLimitExceeded)
            ) =>
        {
            YamlError {
                message: limit_message(&BudgetBreach::Depth {
                    depth: MAX_DEPTH + 1,
                }),
                offset,
                kind: YamlErrorKind::Limit,
            }
        }
        LibError::DuplicateMappingKey { key: Some(key), .. } => YamlError {
            message: format!("the key `{key}` appears twice; keep one"),
            offset,
            kind: YamlErrorKind::Syntax,
        },
        other => {
            let message = serde_saphyr::UserMessageFormatter
                .format_message(other)
                .into_owned();
            let mut error = YamlError {
                message,
                offset,
                kind: YamlErrorKind::Syntax,
            };
            point_at_open_bracket(text, &mut error);
            error
        }
    }
}

fn limit_message(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => {
            format!("lists and mappings are nested more than {MAX_DEPTH} levels deep")
        }
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => {
            format!("it holds more than {MAX_NODES} values")
        }
        BudgetBreach::Aliases { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::ScalarBytes { .. }
        | BudgetBreach::RecordedAnchorBytes { .. }
        | BudgetBreach::RecordedAnchorEvents { .. } => {
            "its aliases (`*name`) repeat more text than a note holds".to_owned()
        }
        other => format!("it is past a limit of the YAML reader ({other:?})"),
    }
}

/// An unclosed `[` or `{` makes the parser fail where it gives up, often lines later; the
/// user must look at the bracket. Points `error` at the outermost bracket still open at the
/// error's position, if any.
fn point_at_open_bracket(text: &str, error: &mut YamlError) {
    let Some(end) = error.offset.filter(|&o| o <= text.len()) else {
        return;
    };
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut quote: Option<u8> = None;
    let mut previous = b'\n';
    for (i, &b) in text.as_bytes()[..end].iter().enumerate() {
        match quote {
            Some(q) if b == q || b == b'\n' => quote = None,
            Some(_) => {}
            None => match b {
                // A quote only opens a quoted scalar where a value starts.
                b'"' | b'\'' if matches!(previous, b' ' | b'[' | b'{' | b',' | b'\n') => {
                    quote = Some(b);
                }
                b'[' | b'{' => open.push((i, b)),
                b']' | b'}' => {
                    open.pop();
                }
                b'#' if matches!(previous, b' ' | b'\n') => quote = Some(b'\n'),
                _ => {}
            },
        }
        previous = b;
    }
    if let Some(&(at, bracket)) = open.first()
        && at != end
    {
        let what = if bracket == b'[' {
            "flow sequence"
        } else {
            "flow mapping"
        };
        error.message = format!(
            "{}, while parsing a {what} that is never closed",
            error.message
        );
        error.offset = Some(at);
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

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
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
        // The library refuses duplicate keys (`DuplicateKeyPolicy::Error`), with their place.
        let mut entries = Vec::new();
        while let Some((Direct(key), Direct(value))) = map.next_entry()? {
            entries.push((key_text(key), value));
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

/// Byte offset of a 1-based line and column (in characters) in `text`.
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

    /// YAML 1.2, as Obsidian reads properties: how each disputed spelling reads.
    #[test]
    fn yaml_1_2_semantics() {
        let text = "a: yes\nb: no\nc: on\nd: off\ne: 030\nf: 0o30\ng: !!str 12\nh: ~\n\
                    i: 2001-12-14t21:59:43.10-05:00\nj: 0x1F\nk: 1_000\nl: .inf\nm: True\n\
                    n: 1e3\n<<: {x: 1}\no: !custom text\np: -5\nq: +5\n";
        let entries = parse_with_library(text).expect("valid");
        let s = |t: &str| Value::String(t.to_owned());
        let n = |t: &str| Value::Number(t.to_owned());
        let expected = vec![
            ("a", s("yes")),
            ("b", s("no")),
            ("c", s("on")),
            ("d", s("off")),
            ("e", s("030")),
            ("f", n("24")),
            ("g", s("12")),
            ("h", Value::Null),
            ("i", s("2001-12-14t21:59:43.10-05:00")),
            ("j", n("31")),
            ("k", s("1_000")),
            ("l", s(".inf")),
            ("m", Value::Bool(true)),
            ("n", n("1000")),
            ("<<", Value::Map(vec![("x".into(), n("1"))])),
            ("o", s("text")),
            ("p", n("-5")),
            ("q", n("5")),
        ];
        let expected: Vec<(String, Value)> = expected
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(entries, expected);
    }

    #[test]
    fn budgets_are_errors_of_kind_limit() {
        let deep = format!(
            "a: {}{}\n",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        let err = parse_with_library(&deep).expect_err("too deep");
        assert_eq!(err.kind, YamlErrorKind::Limit, "{err:?}");
        let shallow = format!(
            "a: {}{}\n",
            "[".repeat(MAX_DEPTH - 2),
            "]".repeat(MAX_DEPTH - 2)
        );
        assert!(parse_with_library(&shallow).is_ok());
        let bomb = format!(
            "a: &a \"{}\"\nb: [{}]\n",
            "x".repeat(10_000),
            vec!["*a"; 20].join(", ")
        );
        let err = parse_with_library(&bomb).expect_err("alias bomb");
        assert_eq!(err.kind, YamlErrorKind::Limit, "{err:?}");
        assert_eq!(err.offset.map(|o| o > 10_000), Some(true), "{err:?}");
        // A few aliases of a short anchor are fine.
        let fine = parse_with_library("a: &a [x, y]\nb: *a\nc: *a\n").expect("aliases");
        assert_eq!(fine[2].1, fine[0].1);
    }

    #[test]
    fn vault_yaml_errors_have_positions() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Config {
            #[serde(default)]
            suggestions: Option<u32>,
        }
        let err = from_str::<Config>("suggestions: 3\nsugestions: 4\n").expect_err("unknown");
        assert_eq!(err.offset, Some(15), "{err:?}");
        assert!(err.message.contains("sugestions"), "{}", err.message);
        let err = from_str::<Config>("suggestions: 3\nsuggestions: 4\n").expect_err("dup");
        assert_eq!(err.offset, Some(15), "{err:?}");
        assert_eq!(err.message, "the key `suggestions` appears twice; keep one");
        let err = from_str::<Config>("suggestions: many\n").expect_err("type");
        assert_eq!(err.offset, Some(13), "{err:?}");
        assert!(from_str::<Config>("").is_ok());
        assert!(from_str::<Config>("# nothing\n").is_ok());
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
