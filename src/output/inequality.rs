//! `inequality`: the spread between groups per indicator as a terminal
//! table, tidy CSV (one row per indicator and breakdown) or JSON.

use anyhow::Result;

use crate::assessment::inequality::{GEO, Group, Inequality, NoSpread, Spread};
use crate::definitions::Indicator;
use crate::lang::{Word, fill};
use crate::output::text::breakdown_title;
use crate::output::{Lang, number, plain};

/// The CSV columns.
pub(crate) const CSV_COLUMNS: [&str; 18] = [
    "goal",
    "indicator",
    "period",
    "unit",
    "breakdown",
    "groups",
    "withheld",
    "highest_group",
    "highest_value",
    "lowest_group",
    "lowest_value",
    "gap",
    "gap_ci_low",
    "gap_ci_high",
    "no_spread",
    "population_outside",
    "population_outside_from",
    "group_ci",
];

/// The unit of a difference: points for a percentage.
fn gap_unit(unit: &str) -> &str {
    if unit == "percent" {
        "percentage-points"
    } else {
        unit
    }
}

/// Why there is no spread, in words.
fn no_spread(why: NoSpread, lang: Lang) -> &'static str {
    match why {
        NoSpread::Count => Word::NoSpreadCount.text(lang),
        NoSpread::NoGroups => Word::NoSpreadNoGroups.text(lang),
        NoSpread::NoFigure => Word::NoSpreadNoFigure.text(lang),
    }
}

/// A group with its value (and interval) for people.
fn group_text(g: &Group, unit: &str, lang: Lang) -> String {
    let v = number(Some(g.value), unit, lang);
    match g.ci {
        Some((l, h)) => format!(
            "{}: {v} ({}–{})",
            g.name,
            number(Some(l), unit, lang).trim_end_matches(" %"),
            number(Some(h), unit, lang)
        ),
        None => format!("{}: {v}", g.name),
    }
}

/// The gap for people, with its interval.
fn gap_text(spread: &Spread, unit: &str, lang: Lang) -> String {
    let points = gap_unit(unit);
    let gap = number(Some(spread.gap), points, lang);
    let to = if lang == Lang::En { "to" } else { "til" };
    match spread.gap_ci {
        Some((low, high)) => format!(
            "{gap} ({} {to} {})",
            number(Some(low), points, lang),
            number(Some(high), points, lang)
        ),
        None => gap,
    }
}

/// The terminal table: per indicator, one line per compared breakdown.
pub(crate) fn table(views: &[(&Indicator, Inequality)], lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut t = super::table::table(
        [
            Word::Indicator,
            Word::Period,
            Word::BreakdownHeader,
            Word::GroupsHeader,
            Word::Highest,
            Word::Lowest,
            Word::Gap,
            Word::PopulationOutside,
        ]
        .iter()
        .map(|w| w.text(lang).to_string())
        .collect(),
    );
    t.compact(&[0, 2, 6, 7]);
    let mut variants: Vec<&str> = Vec::new();
    let mut without = 0usize;
    for (ind, v) in views {
        if v.spreads.is_empty() && v.outside.is_none() && v.none == Some(NoSpread::NoGroups) {
            without += 1;
            continue;
        }
        if let Some(o) = &v.outside {
            if !variants.contains(&o.from.as_str()) {
                variants.push(&o.from);
            }
        }
        add_rows(&mut t, ind, v, lang);
    }
    let mut out = format!(
        "{}\n{}\n",
        fill(lang, Word::InequalityTitle, &[&goal_scope(views, en)]),
        super::table::shown_table(&t, lang)
    );
    if without > 0 {
        out.push_str(&fill(
            lang,
            Word::InequalityWithout,
            &[&without.to_string()],
        ));
        out.push('\n');
    }
    out.push_str(Word::InequalityNoteGap.text(lang));
    out.push('\n');
    if !variants.is_empty() {
        out.push_str(&fill(
            lang,
            Word::InequalityNoteOutside,
            &[&variants.join(", ")],
        ));
        out.push('\n');
    }
    out
}

/// The rows of one indicator: one per compared breakdown, or one with the
/// reason there is none.
fn add_rows(t: &mut super::term::Grid, ind: &Indicator, v: &Inequality, lang: Lang) {
    let unit = ind.unit.as_str();
    let period = v.period.clone().unwrap_or_else(|| "–".to_string());
    // Nationally, and on a region or county row the range over its groups.
    let outside = |breakdown: &str| {
        v.outside.as_ref().map_or("–".to_string(), |o| {
            let national = number(o.national, "percent", lang);
            let groups: Vec<f64> = o
                .by_group
                .iter()
                .filter(|(b, _, _)| b == breakdown)
                .map(|(_, _, x)| *x)
                .collect();
            if groups.is_empty() {
                national
            } else {
                format!("{national} ({})", range_text(&groups, lang))
            }
        })
    };
    let name = format!("{} ({})", ind.name(lang == Lang::En), ind.id());
    if v.spreads.is_empty() {
        let why = v.none.map_or("–", |w| no_spread(w, lang));
        let mut row = vec![name, period, why.to_string()];
        row.extend(std::iter::repeat_n(String::new(), 4));
        row.push(outside(""));
        t.add_row(row);
        return;
    }
    for (i, s) in v.spreads.iter().enumerate() {
        let groups = if s.withheld > 0 {
            let withheld = fill(lang, Word::WithheldCells, &[&s.withheld.to_string()]);
            format!("{} ({withheld})", s.groups)
        } else {
            s.groups.to_string()
        };
        let first = |text: &str| {
            if i == 0 {
                text.to_string()
            } else {
                String::new()
            }
        };
        let outside = if GEO.contains(&s.breakdown.as_str()) {
            outside(&s.breakdown)
        } else {
            first(&outside(""))
        };
        t.add_row(vec![
            first(&name),
            first(&period),
            breakdown_title(&s.breakdown, lang),
            groups,
            group_text(&s.highest, unit, lang),
            group_text(&s.lowest, unit, lang),
            gap_text(s, unit, lang),
            outside,
        ]);
    }
}

/// `lowest–highest` of per-group values, for people.
fn range_text(values: &[f64], lang: Lang) -> String {
    let lo = values.iter().copied().reduce(f64::min);
    let hi = values.iter().copied().reduce(f64::max);
    match (lo, hi) {
        (Some(l), Some(h)) => format!(
            "{}–{}",
            number(Some(l), "percent", lang).trim_end_matches(" %"),
            number(Some(h), "percent", lang)
        ),
        _ => "–".to_string(),
    }
}

/// The title's scope: the goals of the indicators shown.
fn goal_scope(views: &[(&Indicator, Inequality)], en: bool) -> String {
    let mut goals: Vec<&str> = views.iter().map(|(i, _)| i.goal.as_str()).collect();
    goals.dedup();
    let word = if en { "goal" } else { "mål" };
    format!("{word} {}", goals.join(", "))
}

/// Tidy CSV rows: one per indicator and compared breakdown (one with the
/// reason when there is none).
pub(crate) fn rows(views: &[(&Indicator, Inequality)]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (ind, v) in views {
        let outside = v.outside.as_ref();
        let head = |breakdown: &str| {
            vec![
                ind.goal.clone(),
                ind.id().to_string(),
                v.period.clone().unwrap_or_default(),
                ind.unit.as_str().to_string(),
                breakdown.to_string(),
            ]
        };
        let tail = || {
            vec![
                plain(outside.and_then(|o| o.national)),
                outside.map(|o| o.from.clone()).unwrap_or_default(),
            ]
        };
        if v.spreads.is_empty() {
            let mut r = head("");
            r.extend(std::iter::repeat_n(String::new(), 9));
            r.push(v.none.map(no_spread_id).unwrap_or_default().to_string());
            r.extend(tail());
            r.push(String::new());
            out.push(r);
        }
        for s in &v.spreads {
            let mut r = head(&s.breakdown);
            r.extend([
                s.groups.to_string(),
                s.withheld.to_string(),
                s.highest.name.clone(),
                plain(Some(s.highest.value)),
                s.lowest.name.clone(),
                plain(Some(s.lowest.value)),
                plain(Some(s.gap)),
                plain(s.gap_ci.map(|c| c.0)),
                plain(s.gap_ci.map(|c| c.1)),
                String::new(),
            ]);
            r.extend(tail());
            r.push(s.highest.ci.is_some().to_string());
            out.push(r);
        }
    }
    out
}

/// The machine name of a reason.
fn no_spread_id(why: NoSpread) -> &'static str {
    match why {
        NoSpread::Count => "count",
        NoSpread::NoGroups => "no-groups",
        NoSpread::NoFigure => "no-figure",
    }
}

/// JSON: the views as an array.
pub(crate) fn json(views: &[(&Indicator, Inequality)]) -> Result<Vec<u8>> {
    let list: Vec<&Inequality> = views.iter().map(|(_, v)| v).collect();
    let mut bytes = serde_json::to_vec_pretty(&list)?;
    bytes.push(b'\n');
    Ok(bytes)
}
