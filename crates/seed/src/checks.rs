//! What the database's CHECK constraints say about a column, read from `pg_get_constraintdef`.
//!
//! Most CHECKs of the schema take a handful of shapes — a range, a JSON type, a closed set, an
//! order between two columns — so the generator reads them instead of repeating them in a rules
//! table. A conjunct of any other shape is kept as [`Conjunct::Other`]; the rules table
//! (`rules.rs`) covers those (a test lists the ones it does not).

/// One `AND`-ed part of a CHECK constraint.
#[derive(Debug, Clone, PartialEq)]
pub enum Conjunct {
    /// `col >= n` (`strict`: `>`).
    Min { column: String, value: f64, strict: bool },
    /// `col <= n` (`strict`: `<`).
    Max { column: String, value: f64, strict: bool },
    /// `col >= other` (`strict`: `>`): `column` is generated after `other`, never below it.
    AtLeast { column: String, other: String, strict: bool },
    /// `jsonb_typeof(col) = 'object' | 'array'`.
    JsonType { column: String, shape: String },
    /// `col = ANY (ARRAY[...])`: one of these values.
    OneOf { column: String, values: Vec<String> },
    /// `col <@ ARRAY[...]`: an array whose items are among these values.
    SubsetOf { column: String, values: Vec<String> },
    /// `char_length(col) = n`.
    Length { column: String, length: usize },
    /// `char_length(col) <= n`.
    MaxLength { column: String, length: usize },
    /// `col <> other`: a self reference never points at its own row (true by construction).
    NotEqual { column: String, other: String },
    /// `btrim(col) <> ''`, `col <> ''`: generated text is never empty.
    NotEmpty { column: String },
    /// Anything else (patterns, implications between columns): the rules table's business.
    Other(String),
}

/// Splits `CHECK (...)` into its conjuncts.
pub fn parse(definition: &str) -> Vec<Conjunct> {
    let body = definition.trim();
    let body = body.strip_suffix(" NOT VALID").unwrap_or(body);
    let body = body.strip_prefix("CHECK ").unwrap_or(body);
    split_top(strip_parens(body), " AND ").into_iter().map(|part| conjunct(strip_parens(part))).collect()
}

fn conjunct(text: &str) -> Conjunct {
    let other = || Conjunct::Other(text.to_string());
    if let Some((lhs, rhs)) = split_once_top(text, " <@ ") {
        return match (ident(lhs), array_items(rhs)) {
            (Some(column), Some(values)) => Conjunct::SubsetOf { column, values },
            _ => other(),
        };
    }
    for op in [" >= ", " <= ", " <> ", " > ", " < ", " = "] {
        let Some((lhs, rhs)) = split_once_top(text, op) else { continue };
        let (lhs, rhs) = (strip_parens(lhs), strip_parens(rhs));
        if let Some(inner) = call(lhs, "jsonb_typeof") {
            return match (ident(inner), literal_text(rhs)) {
                (Some(column), Some(shape)) if op == " = " => Conjunct::JsonType { column, shape },
                _ => other(),
            };
        }
        if let Some(inner) = call(lhs, "char_length") {
            return match (ident(inner), number(rhs)) {
                (Some(column), Some(n)) if op == " = " => Conjunct::Length { column, length: n as usize },
                (Some(column), Some(n)) if op == " <= " => Conjunct::MaxLength { column, length: n as usize },
                _ => other(),
            };
        }
        if let Some(inner) = call(lhs, "btrim")
            && op == " <> "
            && literal_text(rhs).as_deref() == Some("")
        {
            return ident(inner).map(|column| Conjunct::NotEmpty { column }).unwrap_or_else(other);
        }
        let Some(column) = ident(lhs) else { return other() };
        if op == " = " {
            return match rhs.strip_prefix("ANY ").and_then(|r| array_items(strip_parens(r))) {
                Some(values) => Conjunct::OneOf { column, values },
                None => other(),
            };
        }
        if let Some(value) = number(rhs) {
            return match op {
                " >= " => Conjunct::Min { column, value, strict: false },
                " > " => Conjunct::Min { column, value, strict: true },
                " <= " => Conjunct::Max { column, value, strict: false },
                " < " => Conjunct::Max { column, value, strict: true },
                _ => other(),
            };
        }
        if op == " <> " && literal_text(rhs).as_deref() == Some("") {
            return Conjunct::NotEmpty { column };
        }
        let Some(other_column) = ident(rhs) else { return other() };
        return match op {
            " >= " => Conjunct::AtLeast { column, other: other_column, strict: false },
            " > " => Conjunct::AtLeast { column, other: other_column, strict: true },
            " <= " => Conjunct::AtLeast { column: other_column, other: column, strict: false },
            " < " => Conjunct::AtLeast { column: other_column, other: column, strict: true },
            _ => Conjunct::NotEqual { column, other: other_column },
        };
    }
    other()
}

/// Removes parentheses around the whole of `s` (only when they match each other).
fn strip_parens(mut s: &str) -> &str {
    loop {
        s = s.trim();
        if !(s.starts_with('(') && s.ends_with(')')) {
            return s;
        }
        // The opening parenthesis must close at the very end.
        let mut depth = 0i32;
        let mut quoted = false;
        for (i, c) in s.char_indices() {
            match c {
                '\'' => quoted = !quoted,
                '(' if !quoted => depth += 1,
                ')' if !quoted => {
                    depth -= 1;
                    if depth == 0 && i != s.len() - 1 {
                        return s;
                    }
                }
                _ => {}
            }
        }
        s = &s[1..s.len() - 1];
    }
}

/// Positions of `sep` outside parentheses, brackets and quotes.
fn top_positions(s: &str, sep: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut found = Vec::new();
    let (mut depth, mut quoted) = (0i32, false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' => quoted = !quoted,
            b'(' | b'[' if !quoted => depth += 1,
            b')' | b']' if !quoted => depth -= 1,
            _ if !quoted && depth == 0 && s[i..].starts_with(sep) => {
                found.push(i);
                i += sep.len();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

fn split_top<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for at in top_positions(s, sep) {
        parts.push(&s[start..at]);
        start = at + sep.len();
    }
    parts.push(&s[start..]);
    parts
}

fn split_once_top<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    top_positions(s, sep).first().map(|&at| (&s[..at], &s[at + sep.len()..]))
}

/// `name(arg)` → `arg`.
fn call<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    s.strip_prefix(name)?.strip_prefix('(')?.strip_suffix(')')
}

/// A column name, plain or double-quoted.
fn ident(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return Some(inner.replace("\"\"", "\""));
    }
    let mut chars = s.chars();
    let first = chars.next()?;
    ((first.is_ascii_lowercase() || first == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
    .then(|| s.to_string())
}

/// A literal without its casts and quotes: `('-90'::integer)::double precision` → `-90`.
fn literal_text(s: &str) -> Option<String> {
    let mut s = strip_parens(s);
    while let Some(&at) = top_positions(s, "::").last() {
        s = strip_parens(&s[..at]);
    }
    if let Some(inner) = s.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return Some(inner.replace("''", "'"));
    }
    (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')).then(|| s.to_string())
}

fn number(s: &str) -> Option<f64> {
    literal_text(s)?.parse().ok()
}

/// `ARRAY['a'::text, 'b'::text]` → `[a, b]`.
fn array_items(s: &str) -> Option<Vec<String>> {
    let inner = s.trim().strip_prefix("ARRAY[")?.strip_suffix(']')?;
    split_top(inner, ", ").into_iter().map(literal_text).collect()
}

#[cfg(test)]
mod tests {
    use super::Conjunct::*;
    use super::*;

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn ranges_casts_and_orders() {
        assert_eq!(
            parse("CHECK ((failed_login_count >= 0))"),
            vec![Min { column: s("failed_login_count"), value: 0.0, strict: false }]
        );
        assert_eq!(
            parse(
                "CHECK (((latitude >= ('-90'::integer)::double precision) AND (latitude <= (90)::double precision)))"
            ),
            vec![
                Min { column: s("latitude"), value: -90.0, strict: false },
                Max { column: s("latitude"), value: 90.0, strict: false }
            ]
        );
        assert_eq!(
            parse("CHECK ((valid_until > valid_from))"),
            vec![AtLeast { column: s("valid_until"), other: s("valid_from"), strict: true }]
        );
        assert_eq!(
            parse("CHECK (((uncovered_lines >= 0) AND (uncovered_lines <= lines_to_cover)))")[1],
            AtLeast { column: s("lines_to_cover"), other: s("uncovered_lines"), strict: false }
        );
        assert_eq!(parse("CHECK ((\"order\" >= 1))")[0], Min { column: s("order"), value: 1.0, strict: false });
        assert_eq!(
            parse("CHECK ((severity_score <= 10.0))")[0],
            Max { column: s("severity_score"), value: 10.0, strict: false }
        );
    }

    #[test]
    fn sets_json_lengths_and_the_rest() {
        assert_eq!(
            parse("CHECK ((role = ANY (ARRAY['admin'::text, 'In progress'::text])))"),
            vec![OneOf { column: s("role"), values: vec![s("admin"), s("In progress")] }]
        );
        assert_eq!(
            parse("CHECK ((ip_version = ANY (ARRAY[4, 6])))"),
            vec![OneOf { column: s("ip_version"), values: vec![s("4"), s("6")] }]
        );
        assert_eq!(
            parse("CHECK ((channels <@ ARRAY['email'::text, 'web'::text]))"),
            vec![SubsetOf { column: s("channels"), values: vec![s("email"), s("web")] }]
        );
        assert_eq!(
            parse("CHECK ((jsonb_typeof(sla_days) = 'object'::text))"),
            vec![JsonType { column: s("sla_days"), shape: s("object") }]
        );
        assert_eq!(
            parse("CHECK ((char_length(geo_country) = 2))"),
            vec![Length { column: s("geo_country"), length: 2 }]
        );
        assert_eq!(parse("CHECK ((btrim(name) <> ''::text))"), vec![NotEmpty { column: s("name") }]);
        assert_eq!(
            parse("CHECK ((parent_team_id <> id))"),
            vec![NotEqual { column: s("parent_team_id"), other: s("id") }]
        );
        assert!(matches!(&parse("CHECK ((key ~ '^[a-z0-9_]+$'::text))")[0], Other(_)));
        assert!(matches!(&parse("CHECK (((fixed_version IS NULL) OR fix_available))")[0], Other(_)));
        assert_eq!(parse("CHECK (((a >= 0) AND (b >= 0) AND (c >= 0)))").len(), 3);
    }
}
