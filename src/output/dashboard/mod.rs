//! The static HTML dashboard: an overview with one card per goal, a page per
//! goal listing its indicators, and a page per indicator with the "Framdrift
//! mot 2030" chart, the figures, breakdowns, assessment, definition and
//! provenance. Plain HTML and one stylesheet; no scripts, no external
//! resources, no timestamps, so the same inputs give the same bytes.
//!
//! The pages come from the templates in `templates/dashboard/` (see
//! [`crate::output::templates`]); the Rust side builds their contexts: [`pages`] per page
//! kind, [`sections`] and [`facts`] for the parts of an indicator page,
//! [`chart`] for the chart.

mod chart;
mod facts;
mod pages;
mod sections;
mod site;
mod style;
mod text;

pub(crate) use site::{Entry, Site};

use minijinja::{Environment, Value};

/// Renders the site: `(file name, bytes)` for `index.html`, `style.css`,
/// `goal-<g>.html` per goal and `indicator-<id>.html` per indicator.
///
/// # Errors
/// When a template does not render (a bug in the program, reported as an
/// error rather than a crash).
pub(crate) fn render(site: &Site<'_>) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let env = crate::output::templates::environment(site.lang)?;
    let mut files = vec![
        page(&env, "index.html", "overview.html", &pages::overview(site))?,
        ("style.css".to_string(), style::CSS.as_bytes().to_vec()),
    ];
    for code in site.goals() {
        let entries = site.goal_entries(code);
        let ctx = pages::goal(site, code, &entries);
        files.push(page(&env, &site::goal_file(code), "goal.html", &ctx)?);
    }
    for e in &site.entries {
        let ctx = pages::indicator(site, e);
        let file = site::indicator_file(e.indicator.id());
        files.push(page(&env, &file, "indicator.html", &ctx)?);
    }
    Ok(files)
}

/// One page: `file` from `template` with `ctx`.
fn page(
    env: &Environment<'_>,
    file: &str,
    template: &str,
    ctx: &Value,
) -> anyhow::Result<(String, Vec<u8>)> {
    // The templates and their contexts are part of the program: a failure
    // here is a bug, not a condition of the input, but it stops the command
    // with a message instead of a crash.
    let html = env
        .get_template(template)
        .and_then(|t| t.render(ctx))
        .map_err(|e| anyhow::anyhow!("internal error in dashboard template {template}: {e:#}"))?;
    Ok((file.to_string(), html.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::text::{meaning, symbol};
    use crate::assessment::Status;
    use crate::lang::Lang;

    #[test]
    fn every_status_has_a_symbol_and_meaning() {
        for st in Status::ALL {
            assert!(!symbol(st).is_empty());
            assert!(!meaning(st).text(Lang::En).is_empty());
            assert!(!meaning(st).text(Lang::Nb).is_empty());
        }
    }
}
