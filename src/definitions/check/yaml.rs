//! Parsing one definition file with serde, and turning a parse failure
//! into a located finding in words: too large, too deep, binary, several
//! documents, a list, a duplicate key, repeated aliases.

use super::FileText;
use crate::diagnostic::{Diagnostic, Location};

/// Parses one file with serde, turning its error into a located finding.
pub(super) fn parse<T: serde::de::DeserializeOwned>(
    file: &FileText,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    if let Some(finding) = too_big(file) {
        out.push(finding);
        return None;
    }
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            out.push(serde_finding(file, &e));
            None
        }
    }
}

/// The largest definition file read (a shipped one is a few KiB).
const MAX_DEFINITION_BYTES: usize = 1 << 20;
/// The deepest nesting of `{`/`[` read (the YAML parser's cost grows
/// steeply with it; a definition needs fewer than ten levels).
const MAX_NESTING: usize = 64;

/// A definition too large or too deeply nested to be parsed in reasonable
/// time: refused with its size or the line where the nesting goes too deep.
fn too_big(file: &FileText) -> Option<Diagnostic> {
    let location = |line: usize| Location {
        file: file.path.clone(),
        line,
        column: 1,
    };
    if file.text.len() > MAX_DEFINITION_BYTES {
        return Some(Diagnostic::error(
            "too-large",
            location(1),
            "",
            format!(
                "the definition file is {} bytes; a definition may be at most {MAX_DEFINITION_BYTES}",
                file.text.len()
            ),
        ));
    }
    let (mut depth, mut line, mut quote) = (0usize, 1usize, None::<char>);
    for c in file.text.chars() {
        if c == '\0' {
            return Some(Diagnostic::error(
                "binary-file",
                location(line),
                "",
                "the definition holds a NUL byte here: it is not a text file".to_string(),
            ));
        }
        match (quote, c) {
            (_, '\n') => line += 1,
            (Some(q), c) if c == q => quote = None,
            (None, '\u{22}' | '\u{27}') => quote = Some(c), // double or single quote
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            return Some(Diagnostic::error(
                "too-deep",
                location(line),
                "",
                format!(
                    "the definition nests `{{` or `[` more than {MAX_NESTING} levels deep here"
                ),
            ));
        }
    }
    None
}

/// Findings about the file as a whole, in words: several YAML documents
/// (at the second `---`) or a list where a set of fields belongs.
fn whole_file_finding(file: &FileText, full: &str, at: (usize, usize)) -> Option<Diagnostic> {
    let (mut line, column) = at;
    let message = if full.contains("more than one document") {
        if let Some(n) = file
            .text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end() == "---")
            .map(|(i, _)| i + 1)
            .find(|&n| n > 1 || !file.text.starts_with("---"))
        {
            line = n;
        }
        "the file holds more than one YAML document (`---`): one definition per file"
    } else if full.starts_with("invalid type: sequence, expected struct") {
        "the file is a list (`- …`), but a definition is a set of fields (`id: …`, `name: …`)"
    } else if full.contains("repetition limit exceeded") {
        if let Some(n) = first_alias_line(&file.text) {
            line = n;
        }
        "the file refers back to anchored values (`*name` for `&name`) so often that it \
         would grow to over a hundred times its written size: write the values out, or \
         refer to them less"
    } else {
        return None;
    };
    let code = if message.contains("list") {
        "wrong-type"
    } else if message.contains("hundred times") {
        "too-large"
    } else {
        "yaml-syntax"
    };
    let location = Location {
        file: file.path.clone(),
        line,
        column: if line == at.0 { column } else { 1 },
    };
    Some(Diagnostic::error(code, location, "", message.to_string()))
}

/// The line of the first alias (`*name` where a value starts), where an
/// expansion begins.
fn first_alias_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let b = l.as_bytes();
            b.iter().enumerate().any(|(i, &c)| {
                c == b'*'
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                    && (i == 0 || matches!(b[i - 1], b' ' | b'[' | b',' | b'{'))
            })
        })
        .map(|i| i + 1)
}

/// The line of a key written twice (serde_yaml gives no position): the
/// second line that starts with it.
fn duplicate_line(file: &FileText, full: &str) -> Option<usize> {
    let (_, rest) = full.split_once("duplicate field `")?;
    let (name, _) = rest.split_once('`')?;
    let key = format!("{name}:");
    file.text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(&key))
        .map(|(i, _)| i + 1)
        .nth(1)
}

/// A serde error as a finding: code from the message, field from serde's path.
fn serde_finding(file: &FileText, e: &serde_yaml::Error) -> Diagnostic {
    let (mut line, mut column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let full = e.to_string();
    if let Some(d) = whole_file_finding(file, &full, (line, column)) {
        return d;
    }
    if let Some(n) = duplicate_line(file, &full) {
        (line, column) = (n, 1);
    }
    let msg = full.split(" at line ").next().unwrap_or(&full).to_string();
    // serde_yaml prefixes the path: `ambition: unknown field ...`.
    let (field, msg) = match msg.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') && !path.is_empty() && path != "invalid type" => {
            (path.to_string(), rest.to_string())
        }
        _ => (String::new(), msg),
    };
    let code = if msg.contains("unknown field") {
        "unknown-field"
    } else if msg.contains("missing field") {
        "missing-field"
    } else if msg.contains("invalid type") {
        "wrong-type"
    } else {
        "yaml-syntax"
    };
    // serde names the mapping; the finding names the field itself
    // (`ambition.targt`, `name.en`, `caveat`).
    let field = match (code, backticked(&msg)) {
        ("unknown-field" | "missing-field", Some(name)) if field.is_empty() => name.to_string(),
        ("unknown-field" | "missing-field", Some(name)) => format!("{field}.{name}"),
        _ => field,
    };
    let location = Location {
        file: file.path.clone(),
        line,
        column,
    };
    let mut d = Diagnostic::error(code, location, &field, msg);
    if code == "unknown-field" {
        let message = d.message.clone();
        if let Some(wrong) = backticked(&message) {
            d.suggest(wrong, expected_fields(&message));
        }
        d.with_help("check the spelling; docs/definitions.md lists every field")
    } else {
        d
    }
}

/// The field names serde lists after `expected one of` (or `expected`).
fn expected_fields(msg: &str) -> Vec<&str> {
    let Some((_, list)) = msg.split_once("expected") else {
        return Vec::new();
    };
    list.split('`').skip(1).step_by(2).collect()
}

/// The first `name` in backticks in a serde message.
fn backticked(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(&msg[start..start + len])
}
