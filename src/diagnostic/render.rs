//! Human rendering of a finding: the header and location lines, the
//! offending line of a definition file with a caret (via `annotate-snippets`),
//! and the help lines. Data files are never quoted: messages never echo a
//! data row.

use std::fmt::Write as _;
use std::path::Path;

use annotate_snippets::{Level, Renderer, Snippet};

use super::{Diagnostic, Severity};

/// The full human rendering of one finding.
pub(super) fn human(d: &Diagnostic) -> String {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("{sev}[{}]: {}\n", d.code, d.message);
    let _ = write!(out, "  --> {}", d.location.file.display());
    if d.location.line > 0 {
        let _ = write!(out, ":{}:{}", d.location.line, d.location.column.max(1));
    }
    if !d.field.is_empty() {
        let _ = write!(out, " (field `{}`)", d.field);
    }
    out.push('\n');
    if let Some(snippet) = snippet(d) {
        out.push_str(&snippet);
    }
    if let Some(s) = &d.suggestion {
        let _ = writeln!(out, "  help: did you mean `{s}`?");
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  help: {help}");
    }
    out
}

/// Whether the file is a definition (YAML) file, whose lines may be quoted.
fn is_definition(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// The offending line with a caret under the position, as annotate-snippets
/// draws it without its own title and location lines.
fn snippet(d: &Diagnostic) -> Option<String> {
    let loc = &d.location;
    if loc.line == 0 || !is_definition(&loc.file) {
        return None;
    }
    let text = std::fs::read_to_string(&loc.file).ok()?;
    let line = text.lines().nth(loc.line - 1)?;
    let span = span(line, loc.column.max(1));
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let message = level.title("").snippet(
        Snippet::source(line)
            .line_start(loc.line)
            .annotation(level.span(span)),
    );
    let rendered = Renderer::plain().render(message).to_string();
    // Drop the (empty) title line; keep the gutter, the line and the caret.
    let body: Vec<&str> = rendered.lines().skip(1).collect();
    let mut out = String::new();
    for l in body {
        let _ = writeln!(out, " {}", l.trim_end());
    }
    Some(out)
}

/// The byte range to underline: from the 1-based character `column` to the
/// end of the word there (at least one character, within the line).
fn span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column - 1)
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = rest
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace()
                || matches!(c, ',' | ']' | '}' | '#')
                || (c == ':' && rest[i + 1..].chars().next().is_none_or(char::is_whitespace))
        })
        .map_or(rest.len(), |(i, _)| i);
    let len = if len == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    start..start + len
}

#[cfg(test)]
mod tests {
    use super::span;

    #[test]
    fn underlines_the_word_at_the_column() {
        assert_eq!(span("  target: 120", 11), 10..13);
        assert_eq!(span("  source: [a, b]", 12), 11..12);
        assert_eq!(span("x", 5), 1..1);
        assert_eq!(span("  targt: 100", 3), 2..7);
        assert_eq!(span("  by: 12:30", 7), 6..11);
    }
}
