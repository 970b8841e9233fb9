//! The one template environment: the dashboard pages in
//! `templates/dashboard/` and the Markdown documents in `templates/`
//! (`report.md`, `catalogue.md`), embedded in the binary. Names ending in
//! `.html` are auto-escaped by the engine with [`escape`] (the same five
//! characters the pages always escaped); Markdown is written as is.
//! `t("Word")` gives a word of [`crate::lang`] in the chosen language.

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State};

use crate::lang::{Lang, Word};

/// The templates, by name.
const TEMPLATES: [(&str, &str); 13] = [
    ("report.md", include_str!("../../templates/report.md")),
    ("catalogue.md", include_str!("../../templates/catalogue.md")),
    (
        "base.html",
        include_str!("../../templates/dashboard/base.html"),
    ),
    (
        "macros.html",
        include_str!("../../templates/dashboard/macros.html"),
    ),
    (
        "overview.html",
        include_str!("../../templates/dashboard/overview.html"),
    ),
    (
        "goal.html",
        include_str!("../../templates/dashboard/goal.html"),
    ),
    (
        "indicator.html",
        include_str!("../../templates/dashboard/indicator.html"),
    ),
    (
        "chart.html",
        include_str!("../../templates/dashboard/chart.html"),
    ),
    (
        "series.html",
        include_str!("../../templates/dashboard/series.html"),
    ),
    (
        "breakdowns.html",
        include_str!("../../templates/dashboard/breakdowns.html"),
    ),
    (
        "assessment.html",
        include_str!("../../templates/dashboard/assessment.html"),
    ),
    (
        "definition.html",
        include_str!("../../templates/dashboard/definition.html"),
    ),
    (
        "provenance.html",
        include_str!("../../templates/dashboard/provenance.html"),
    ),
];

/// The environment for pages in `lang`.
pub(crate) fn environment(lang: Lang) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    // Block tags on their own lines leave no trace; a file's last newline stays.
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()?;
    env.set_syntax(syntax);
    env.set_auto_escape_callback(|name| {
        let ext = std::path::Path::new(name).extension();
        if ext.is_some_and(|e| e.eq_ignore_ascii_case("html")) {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(format);
    for (name, source) in TEMPLATES {
        // The templates are part of the program; one that does not parse is a bug.
        env.add_template(name, source)
            .map_err(|e| anyhow::anyhow!("internal error in template {name}: {e:#}"))?;
    }
    env.add_function("t", move |id: &str| -> Result<&'static str, Error> {
        Word::from_id(id)
            .map(|w| w.text(lang))
            .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("no word {id:?}")))
    });
    Ok(env)
}

/// Renders the template `name` with `ctx` (any serialisable value) in `lang`.
pub(crate) fn render(
    name: &str,
    lang: Lang,
    ctx: &impl serde::Serialize,
) -> anyhow::Result<String> {
    let env = environment(lang)?;
    env.get_template(name)
        .and_then(|t| t.render(minijinja::value::Serde(ctx)))
        .map_err(|e| anyhow::anyhow!("internal error in template {name}: {e:#}"))
}

/// Writes a value into a page: escaped with [`escape`] where the template
/// auto-escapes and the value is not marked safe, as is otherwise.
fn format(
    out: &mut minijinja::Output<'_>,
    state: &mut State<'_, '_>,
    value: &Value,
) -> Result<(), Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    let text = value.to_string();
    let text = if *state.auto_escape() == AutoEscape::Html && !value.is_safe() {
        escape(&text)
    } else {
        text
    };
    out.write_str(&text)
        .map_err(|e| Error::new(ErrorKind::WriteFailure, "cannot write").with_source(e))
}

/// Escapes text for HTML content and attribute values: `&`, `<`, `>`, `"`, `'`.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
    }

    #[test]
    fn every_word_a_template_names_is_in_the_table() {
        for (name, source) in TEMPLATES {
            for piece in source.split("t(\"").skip(1) {
                let id = piece.split('"').next().unwrap_or_default();
                assert!(Word::from_id(id).is_some(), "{name}: t(\"{id}\")");
            }
        }
    }

    #[test]
    fn the_engine_escapes_with_our_rules() {
        let mut env = environment(Lang::En).expect("templates");
        env.add_template("x.html", "{{ v }}|{{ w|safe }}|{{ t(\"Overview\") }}")
            .unwrap();
        let out = env
            .get_template("x.html")
            .unwrap()
            .render(minijinja::context! { v => "a/b'<", w => "<i>" })
            .unwrap();
        assert_eq!(out, "a/b&#39;&lt;|<i>|Overview");
    }
}
