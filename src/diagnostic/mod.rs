//! Findings about definitions or data: severity, code, location and message,
//! rendered for people (`file:line:col`, the source line with a caret, help)
//! or as JSON for machines.

mod render;
mod suggest;

use std::path::PathBuf;

pub(crate) use suggest::closest;

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    /// Must be fixed: the command fails.
    Error,
    /// Worth a look; fails only under `--deny-warnings`.
    Warning,
}

/// A position in a file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) struct Location {
    /// The file.
    pub(crate) file: PathBuf,
    /// 1-based line; 0 when unknown.
    pub(crate) line: usize,
    /// 1-based column; 0 when unknown.
    pub(crate) column: usize,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Diagnostic {
    /// Error or warning.
    pub(crate) severity: Severity,
    /// Stable code, e.g. `unknown-field`.
    pub(crate) code: &'static str,
    /// Where it is.
    pub(crate) location: Location,
    /// The field path, e.g. `ambition.target` or `columns[2].type`.
    pub(crate) field: String,
    /// One-line message.
    pub(crate) message: String,
    /// What to do about it, where obvious.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) help: Option<String>,
    /// The nearest known name, for a misspelt field, id or column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) suggestion: Option<String>,
}

impl Diagnostic {
    /// A new error.
    pub(crate) fn error(
        code: &'static str,
        location: Location,
        field: &str,
        message: String,
    ) -> Self {
        Self {
            severity: Severity::Error,
            code,
            location,
            field: field.to_string(),
            message,
            help: None,
            suggestion: None,
        }
    }

    /// A new warning.
    pub(crate) fn warning(
        code: &'static str,
        location: Location,
        field: &str,
        message: String,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, location, field, message)
        }
    }

    /// Adds a help line.
    #[must_use]
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Suggests the candidate nearest to `wrong`, when one is close enough.
    pub(crate) fn suggest<'c>(
        &mut self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'c str>,
    ) -> &mut Self {
        self.suggestion = closest(wrong, candidates).map(str::to_string);
        self
    }

    /// Human rendering: `error[code]: message` / ` --> file:line:col (field)`,
    /// then for definition files the source line with a caret under the
    /// position, then `help: did you mean …?` and `help: …`.
    pub(crate) fn render(&self) -> String {
        render::human(self)
    }
}

/// Sorts findings by file, line, column and code so output is stable.
pub(crate) fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.location, a.code, &a.message).cmp(&(&b.location, b.code, &b.message)));
}
