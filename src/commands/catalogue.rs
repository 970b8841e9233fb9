//! `ehelse list`, `ehelse show ID` and `ehelse docs`: the catalogue for people.

use std::fmt::Write as _;

use anyhow::{Result, bail};

use crate::ExitStatus;
use crate::cli::{DocsArgs, Lang, ListArgs, ShowArgs};
use crate::definitions::{
    AmbitionDef, Catalogue, GOALS, Indicator, MeasureKind, Role, goal_name, normalise_goal,
};

/// One-line ambition text.
pub(crate) fn ambition_text(ind: &Indicator, lang: Lang) -> String {
    ambition_text_opt(ind, lang, false)
}

/// Ambition text; `short` leaves out the reason for no ambition.
pub(crate) fn ambition_text_opt(ind: &Indicator, lang: Lang, short: bool) -> String {
    let en = lang == Lang::En;
    match &ind.ambition {
        AmbitionDef::None(_) if short => if en { "none" } else { "ingen" }.to_string(),
        AmbitionDef::None(reason) => {
            if en {
                format!("none ({reason})")
            } else {
                format!("ingen ({reason})")
            }
        }
        AmbitionDef::Target {
            target,
            by,
            direction,
            per,
            ..
        } => {
            let value = crate::output::target(*target, ind.unit.as_str(), lang);
            let arrow = match direction {
                crate::definitions::Direction::Increase => "≥",
                crate::definitions::Direction::Decrease => "≤",
            };
            let per = per
                .as_ref()
                .map(|p| {
                    if en {
                        format!(", per {p}")
                    } else {
                        format!(", per {}", if p == "region" { "region" } else { p })
                    }
                })
                .unwrap_or_default();
            format!(
                "{arrow} {value} {} {}{per}",
                if en { "by" } else { "innen" },
                by.label()
            )
        }
    }
}

/// `list`.
pub(super) fn list(args: &ListArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.indicators)?;
    catalogue.ensure_valid()?;
    let en = args.lang == Lang::En;
    let goal = match &args.goal {
        Some(g) => Some(
            normalise_goal(g)
                .ok_or_else(|| anyhow::anyhow!("`{g}` is not a goal (use 1–5 or O1–O3)"))?,
        ),
        None => None,
    };
    let header = if en {
        [
            "Goal",
            "Id",
            "Name",
            "Level",
            "Type",
            "Readiness",
            "Measure",
            "Frequency",
            "Ambition",
        ]
    } else {
        [
            "Mål", "Id", "Navn", "Nivå", "Type", "Status", "Måling", "Frekvens", "Ambisjon",
        ]
    };
    let mut table = crate::output::table(header.iter().map(|s| (*s).to_string()).collect());
    let mut n = 0;
    for ind in &catalogue.indicators {
        if goal.as_ref().is_some_and(|g| &ind.goal != g) {
            continue;
        }
        n += 1;
        table.add_row(vec![
            ind.goal.clone(),
            ind.id().to_string(),
            ind.name(en).to_string(),
            ind.level.as_str().to_string(),
            ind.kind.as_str().to_string(),
            ind.readiness.as_str().to_string(),
            ind.measure_kind()
                .map_or("–".to_string(), |k| k.as_str().to_string()),
            ind.frequency.as_str().to_string(),
            ambition_text(ind, args.lang),
        ]);
    }
    super::print(&format!("{table}\n{n} indicator(s)\n"))?;
    Ok(ExitStatus::Success)
}

/// `show ID`.
pub(super) fn show(args: &ShowArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.indicators)?;
    let en = args.lang == Lang::En;
    if let Some(ind) = catalogue.indicator(&args.id) {
        super::print(&describe(ind, en))?;
        return Ok(ExitStatus::Success);
    }
    if let Some(src) = catalogue.source(&args.id) {
        let mut s = String::new();
        let d = src;
        let _ = writeln!(s, "{} — {}", d.id, if en { &d.name.en } else { &d.name.nb });
        let _ = writeln!(s, "  publisher:   {}", d.publisher);
        let _ = writeln!(s, "  files:       {}", d.files);
        let _ = writeln!(
            s,
            "  period:      {} ({})",
            d.period_column,
            d.granularity.as_str()
        );
        let _ = writeln!(s, "  definition:  {}", src.path.display());
        let _ = writeln!(s, "  columns:");
        for c in &d.columns {
            let _ = writeln!(
                s,
                "    {:<22} {:<13} {}",
                c.name,
                c.ty.as_str(),
                c.role.map_or("", Role::as_str)
            );
        }
        super::print(&s)?;
        return Ok(ExitStatus::Success);
    }
    bail!(
        "no indicator or source with id `{}` under {} (see `ehelse list`)",
        args.id,
        args.indicators.display()
    )
}

/// A readable description of an indicator.
fn describe(ind: &Indicator, en: bool) -> String {
    let lang = if en { Lang::En } else { Lang::Nb };
    let d = ind;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", d.id, ind.name(en));
    let _ = writeln!(
        s,
        "  goal:        {} {}",
        ind.goal,
        goal_name(&ind.goal, en).unwrap_or("")
    );
    let _ = writeln!(
        s,
        "  level/type:  {} / {}",
        ind.level.as_str(),
        ind.kind.as_str()
    );
    let _ = writeln!(s, "  readiness:   {}", ind.readiness.as_str());
    let _ = writeln!(s, "  unit:        {}", d.unit.as_str());
    let _ = writeln!(s, "  frequency:   {}", ind.frequency.as_str());
    let _ = writeln!(s, "  source:      {}", ind.source_ids().join(", "));
    if let Some(m) = &d.measure {
        let yaml = serde_yaml::to_string(m).unwrap_or_default();
        let _ = writeln!(s, "  measure:");
        for line in yaml
            .lines()
            .filter(|l| !l.ends_with(": null") && !l.ends_with(": []") && !l.ends_with(": false"))
        {
            let _ = writeln!(s, "    {line}");
        }
    }
    let _ = writeln!(s, "  ambition:    {}", ambition_text(ind, lang));
    if !d.breakdowns.is_empty() {
        let _ = writeln!(s, "  breakdowns:  {}", d.breakdowns.join(", "));
    }
    if let Some(desc) = &d.description {
        let _ = writeln!(
            s,
            "  description: {}",
            if en { &desc.en } else { &desc.nb }.trim()
        );
    }
    for c in &d.caveats {
        let _ = writeln!(s, "  caveat:      {c}");
    }
    let _ = writeln!(
        s,
        "  definition:  {} (version {}, sha256 {})",
        ind.path.display(),
        d.version,
        &ind.sha256[..12]
    );
    s
}

/// The catalogue as Markdown (`docs/catalogue.md`).
pub(crate) fn catalogue_markdown(catalogue: &Catalogue) -> String {
    let mut s = String::new();
    s.push_str("# Indicator catalogue\n\n");
    s.push_str(
        "Generated by `ehelse docs` from the definitions in `indicators/`; do not edit by hand.\n",
    );
    s.push_str("CI runs `ehelse docs --check`, which fails when this file is out of date.\n\n");
    let _ = writeln!(
        s,
        "{} indicators, {} sources.\n",
        catalogue.indicators.len(),
        catalogue.sources.len()
    );
    for (code, nb, en) in GOALS {
        let inds = catalogue.of_goal(code);
        if inds.is_empty() {
            continue;
        }
        let _ = writeln!(s, "## Mål {code}: {nb}\n\n*{en}*\n");
        s.push_str("| Id | Navn | Level | Type | Readiness | Measure | Unit | Frequency | Source | Ambition |\n");
        s.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
        for ind in &inds {
            let _ = writeln!(
                s,
                "| [`{}`](#{}) | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                ind.id(),
                ind.id(),
                ind.name(false),
                ind.level.as_str(),
                ind.kind.as_str(),
                ind.readiness.as_str(),
                ind.measure_kind().map_or("–", MeasureKind::as_str),
                ind.unit.as_str(),
                ind.frequency.as_str(),
                ind.source_ids().join(", "),
                ambition_text(ind, Lang::En).replace('|', "\\|"),
            );
        }
        s.push('\n');
        for ind in &inds {
            let _ = writeln!(s, "### {}\n", ind.id());
            let _ = writeln!(s, "**{}** — *{}*\n", ind.name(false), ind.name(true));
            if let Some(d) = &ind.description {
                let _ = writeln!(s, "{}\n", d.nb.trim());
                let _ = writeln!(s, "*{}*\n", d.en.trim());
            }
            if !ind.breakdowns.is_empty() {
                let _ = writeln!(s, "- Breakdowns: {}", ind.breakdowns.join(", "));
            }
            if let Some(r) = &ind.reference {
                let _ = writeln!(s, "- Reference: {r}");
            }
            for c in &ind.caveats {
                let _ = writeln!(s, "- Caveat: {c}");
            }
            let _ = writeln!(
                s,
                "- Definition: `{}` (version {})\n",
                ind.path
                    .strip_prefix(&catalogue.root)
                    .unwrap_or(&ind.path)
                    .display(),
                ind.version
            );
        }
    }
    s
}

/// `docs`.
pub(super) fn docs(args: &DocsArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.indicators)?;
    catalogue.ensure_valid()?;
    let text = catalogue_markdown(&catalogue);
    if args.check {
        let current = std::fs::read_to_string(&args.output).unwrap_or_default();
        if current != text {
            eprintln!(
                "{} is out of date; run `ehelse docs` and commit the result",
                args.output.display()
            );
            return Ok(ExitStatus::Failure);
        }
        super::print(&format!("{} is up to date\n", args.output.display()))?;
        return Ok(ExitStatus::Success);
    }
    crate::output::write_atomic(&args.output, text.as_bytes())?;
    super::print(&format!(
        "wrote {} ({} indicators)\n",
        args.output.display(),
        catalogue.indicators.len()
    ))?;
    Ok(ExitStatus::Success)
}
