//! Property values as read from front matter, independent of the YAML library.

/// A front-matter value. Keys keep the order they have in the note.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing after the colon.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, kept as written (`30`, `1.5`, `1608000000000`).
    Number(String),
    /// A string, quoted or not (dates are strings too).
    String(String),
    /// A sequence.
    List(Vec<Value>),
    /// A nested mapping.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value as a single piece of text: strings and numbers as written, booleans as
    /// `true`/`false`; `None` for null, lists and maps.
    pub fn as_scalar(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Number(s) => Some(s),
            Value::Bool(true) => Some("true"),
            Value::Bool(false) => Some("false"),
            Value::Null | Value::List(_) | Value::Map(_) => None,
        }
    }

    /// Every scalar in the value: the value itself, or the items of a list (nested lists
    /// flattened). Empty strings and nulls are left out.
    pub fn scalars(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_scalars(&mut out);
        out
    }

    fn collect_scalars<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Value::List(items) => items.iter().for_each(|v| v.collect_scalars(out)),
            Value::Map(_) | Value::Null => {}
            other => {
                if let Some(s) = other.as_scalar().map(str::trim).filter(|s| !s.is_empty()) {
                    out.push(s);
                }
            }
        }
    }

    /// Every string anywhere inside the value, nested lists and maps included.
    pub fn all_strings(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_strings(&mut out);
        out
    }

    fn collect_strings<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Value::String(s) => out.push(s),
            Value::List(items) => items.iter().for_each(|v| v.collect_strings(out)),
            Value::Map(entries) => entries.iter().for_each(|(_, v)| v.collect_strings(out)),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    /// Whether the value is null, an empty string, or a list or mapping of empty values
    /// (`name: {first: , last: }`, as a template leaves it).
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::List(items) => items.iter().all(Value::is_empty),
            Value::Map(entries) => entries.iter().all(|(_, v)| v.is_empty()),
            Value::Bool(_) | Value::Number(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_flatten_lists() {
        let v = Value::List(vec![
            Value::String("[[People]]".into()),
            Value::Null,
            Value::List(vec![Value::Number("3".into())]),
        ]);
        assert_eq!(v.scalars(), vec!["[[People]]", "3"]);
    }

    #[test]
    fn emptiness() {
        assert!(Value::List(vec![Value::Null]).is_empty());
        assert!(!Value::Bool(false).is_empty());
        let blank_name = Value::Map(vec![
            ("first".into(), Value::Null),
            ("last".into(), Value::String(" ".into())),
        ]);
        assert!(blank_name.is_empty());
        assert!(!Value::Map(vec![("first".into(), Value::String("Ada".into()))]).is_empty());
    }
}
