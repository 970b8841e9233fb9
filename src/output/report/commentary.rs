//! Commentary for `report.md`: a YAML file (overall text, and per goal a
//! status text, positive events, challenges and strategic questions, as in
//! the quarterly report, seed 002) or free Markdown text.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use serde::Deserialize;

/// Commentary read from YAML.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Commentary {
    /// Overall status text.
    #[serde(default)]
    pub(crate) overall: Option<String>,
    /// Per goal (`"1"` … `"5"`, `"O1"` …).
    #[serde(default)]
    pub(crate) goals: BTreeMap<String, GoalCommentary>,
}

/// Commentary for one goal.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct GoalCommentary {
    /// Status text under the goal's status.
    #[serde(default)]
    pub(crate) status: Option<String>,
    /// Positive events.
    #[serde(default)]
    pub(crate) positive: Vec<String>,
    /// Challenges.
    #[serde(default)]
    pub(crate) challenges: Vec<String>,
    /// Strategic questions.
    #[serde(default)]
    pub(crate) questions: Vec<String>,
}

/// What `--commentary` gave: structured YAML, or free text (any other file).
#[derive(Debug, Default)]
pub(crate) struct Given {
    /// The YAML commentary (default for free text).
    pub(crate) commentary: Commentary,
    /// Free text placed under the title (empty for YAML).
    pub(crate) text: String,
}

/// Reads `--commentary`: YAML for `.yaml`/`.yml`, free text otherwise.
pub(crate) fn read(path: Option<&Path>) -> Result<Option<Given>> {
    let Some(p) = path else { return Ok(None) };
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("reading commentary {}", p.display()))?;
    let is_yaml = p.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if !is_yaml {
        return Ok(Some(Given {
            commentary: Commentary::default(),
            text,
        }));
    }
    let commentary: Commentary = serde_yaml::from_str(&text).map_err(|e| {
        let at = e
            .location()
            .map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
        anyhow!("{}{at}: {e}", p.display())
    })?;
    Ok(Some(Given {
        commentary,
        text: String::new(),
    }))
}
