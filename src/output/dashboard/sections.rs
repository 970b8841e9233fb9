//! The figures of an indicator page: the key figures at the top, the
//! national series (a list or a year × month grid) and the breakdown tables.

use serde::Serialize;

use crate::assessment::Status;
use crate::definitions::{AmbitionDef, Granularity};
use crate::lang::{Lang, Word, fill};
use crate::measures::Figure;
use crate::period::Period;

use super::facts::{Cell, Fact};
use super::site::{Entry, Site, shown, value_with_ci};
use super::text::{Badge, badge, breakdown_title, unit_text};

/// The key figures: latest value, change, ambition, required now, trend,
/// freshness.
pub(super) fn key_figures(e: &Entry<'_>, lang: Lang) -> Vec<Fact> {
    let unit = e.unit();
    let a = e.assessment;
    let number = |v: f64| crate::output::number(Some(v), unit, lang);
    let mut key = Vec::new();
    if e.current.is_some() || e.components.is_empty() {
        let value = match e.current {
            Some(f) => Cell::sub(
                match (f.value, f.text.as_ref()) {
                    (Some(v), None) => value_with_ci(v, f.ci_low.zip(f.ci_high), unit, lang),
                    _ => shown(Some(f), unit, lang),
                },
                &f.period,
            ),
            None => Cell::text("–"),
        };
        key.push(Fact::new(Word::LatestValue, lang, value));
    }
    if let Some(c) = e.change(lang) {
        let since = e.previous.map_or("", |f| f.period.as_str());
        key.push(Fact::new(
            Word::ChangeFromPrevious,
            lang,
            Cell::sub(c, since),
        ));
    }
    key.push(Fact::new(Word::Ambition, lang, Cell::text(&e.ambition)));
    if let Some(r) = a.and_then(|a| a.required_now) {
        key.push(Fact::new(Word::RequiredNow, lang, Cell::text(number(r))));
    }
    if let Some(p) = a.and_then(|a| a.projection.as_ref())
        && let Some(v) = p.value_at_deadline
    {
        let when = p.reaches_target_in.as_ref().map_or_else(
            || Word::DoesNotReachTarget.text(lang).to_string(),
            |w| fill(lang, Word::ReachesTarget, &[w]),
        );
        key.push(Fact::new(
            Word::TrendAtDeadline,
            lang,
            Cell::sub(number(v), &when),
        ));
    }
    key.push(Fact::new(
        Word::Freshness,
        lang,
        Cell::text(e.freshness_words()),
    ));
    key
}

/// A table of figures with a row head per line (`series.html`).
#[derive(Serialize)]
pub(super) struct Series {
    class: &'static str,
    caption: String,
    first: &'static str,
    columns: Vec<String>,
    rows: Vec<Row>,
}

/// A row: its head and its value cells.
#[derive(Serialize)]
struct Row {
    head: String,
    cells: Vec<String>,
}

/// The national figures per period, or `None` when there are none.
pub(super) fn series(e: &Entry<'_>, national: &[&Figure], lang: Lang) -> Option<Series> {
    if national.is_empty() {
        return None;
    }
    series_grid(e, national, lang).or_else(|| Some(series_list(e, national, lang)))
}

/// Month or quarter figures without intervals as a year × month (quarter)
/// grid; `None` when the series does not suit one.
fn series_grid(e: &Entry<'_>, national: &[&Figure], lang: Lang) -> Option<Series> {
    let unit = e.unit();
    if national.len() <= 8 || national.iter().any(|f| f.ci_low.is_some()) {
        return None;
    }
    let periods: Vec<Period> = national
        .iter()
        .map(|f| Period::parse(&f.period))
        .collect::<Option<_>>()?;
    let g = periods.first()?.granularity;
    let (columns, by): (Vec<String>, Word) = match g {
        Granularity::Month => (
            MONTHS.iter().map(|m| m.text(lang).to_string()).collect(),
            Word::ByMonth,
        ),
        Granularity::Quarter => ((1..=4).map(|q| format!("Q{q}")).collect(), Word::ByQuarter),
        _ => return None,
    };
    if periods.iter().any(|p| p.granularity != g) {
        return None;
    }
    let (first, last) = (periods.first()?.year, periods.last()?.year);
    let rows = (first..=last)
        .map(|year| Row {
            head: year.to_string(),
            cells: (1..=columns.len())
                .map(|sub| {
                    national
                        .iter()
                        .zip(&periods)
                        .find(|(_, p)| p.year == year && p.sub as usize == sub)
                        .map_or_else(|| "–".to_string(), |(f, _)| shown(Some(f), unit, lang))
                })
                .collect(),
        })
        .collect();
    Some(Series {
        class: "series grid",
        caption: format!(
            "{}, {} ({}), {}",
            e.indicator.name(lang == Lang::En),
            Word::National.text(lang),
            unit_text(unit, lang),
            by.text(lang)
        ),
        first: Word::Year.text(lang),
        columns,
        rows,
    })
}

/// The months, for the grid's columns.
const MONTHS: [Word; 12] = [
    Word::Jan,
    Word::Feb,
    Word::Mar,
    Word::Apr,
    Word::May,
    Word::Jun,
    Word::Jul,
    Word::Aug,
    Word::Sep,
    Word::Oct,
    Word::Nov,
    Word::Dec,
];

/// The national figures as a list: period, value, interval, base.
fn series_list(e: &Entry<'_>, national: &[&Figure], lang: Lang) -> Series {
    let unit = e.unit();
    let number = |v: f64| crate::output::number(Some(v), unit, lang);
    let any_ci = national.iter().any(|f| f.ci_low.is_some());
    // The base is worth a column when it says something: not for a single
    // reported row or a milestone.
    let any_n = national
        .iter()
        .any(|f| f.n.is_some_and(|n| n > 1) && f.text.is_none());
    let mut columns = vec![Word::Value.text(lang).to_string()];
    if any_ci {
        columns.push(Word::ConfidenceInterval.text(lang).to_string());
    }
    if any_n {
        columns.push(Word::BaseN.text(lang).to_string());
    }
    let rows = national
        .iter()
        .map(|f| {
            let mut cells = vec![shown(Some(f), unit, lang)];
            if any_ci {
                cells.push(match (f.ci_low, f.ci_high) {
                    (Some(l), Some(h)) => format!("{}–{}", number(l), number(h)),
                    _ => "–".into(),
                });
            }
            if any_n {
                cells.push(f.n.map_or("–".to_string(), |n| {
                    crate::output::number(Some(n as f64), "count", lang)
                }));
            }
            Row {
                head: f.period.clone(),
                cells,
            }
        })
        .collect();
    Series {
        class: "series",
        caption: format!(
            "{}, {} ({})",
            e.indicator.name(lang == Lang::En),
            Word::National.text(lang),
            unit_text(unit, lang)
        ),
        first: Word::Period.text(lang),
        columns,
        rows,
    }
}

/// The breakdown tables (`breakdowns.html`).
#[derive(Serialize)]
pub(super) struct Breakdowns {
    tables: Vec<Table>,
    suppressed_note: Option<String>,
    ci_note: bool,
}

/// One breakdown: groups × the latest five periods.
#[derive(Serialize)]
struct Table {
    title: String,
    caption: String,
    periods: Vec<String>,
    regional: bool,
    rows: Vec<GroupRow>,
}

/// One group's figures, and its status when the ambition applies per group.
#[derive(Serialize)]
struct GroupRow {
    group: String,
    cells: Vec<GroupCell>,
    status: Option<Badge>,
}

/// A figure in a breakdown table.
#[derive(Serialize)]
struct GroupCell {
    suppressed: bool,
    value: String,
    ci: Option<String>,
}

/// The breakdowns with figures, in definition order; `None` when there are none.
pub(super) fn breakdowns(site: &Site<'_>, e: &Entry<'_>) -> Option<Breakdowns> {
    let mut order: Vec<&str> = Vec::new();
    for b in e
        .indicator
        .breakdowns
        .iter()
        .map(String::as_str)
        .chain(e.figures.iter().map(|f| f.breakdown.as_str()))
    {
        if !b.is_empty() && !order.contains(&b) && e.figures.iter().any(|f| f.breakdown == b) {
            order.push(b);
        }
    }
    if order.is_empty() {
        return None;
    }
    let tables: Vec<Table> = order.iter().map(|bd| table(e, bd, site.lang)).collect();
    let any_suppressed = tables
        .iter()
        .any(|t| t.rows.iter().any(|r| r.cells.iter().any(|c| c.suppressed)));
    let below = site.suppress_below.to_string();
    Some(Breakdowns {
        tables,
        suppressed_note: any_suppressed.then(|| fill(site.lang, Word::SuppressedNote, &[&below])),
        ci_note: e
            .figures
            .iter()
            .any(|f| !f.breakdown.is_empty() && f.ci_low.is_some()),
    })
}

/// The table of one breakdown.
fn table(e: &Entry<'_>, bd: &str, lang: Lang) -> Table {
    let unit = e.unit();
    let number = |v: f64| crate::output::number(Some(v), unit, lang);
    let figs: Vec<&Figure> = e
        .figures
        .iter()
        .copied()
        .filter(|f| f.breakdown == bd)
        .collect();
    let mut periods: Vec<&str> = Vec::new();
    let mut groups: Vec<&str> = Vec::new();
    for f in &figs {
        if !periods.contains(&f.period.as_str()) {
            periods.push(&f.period);
        }
        if !groups.contains(&f.group.as_str()) {
            groups.push(&f.group);
        }
    }
    periods.sort_by_key(|p| Period::parse(p));
    let periods: Vec<&str> = periods[periods.len().saturating_sub(5)..].to_vec();
    let per = match &e.indicator.ambition {
        AmbitionDef::Target { per, .. } => per.as_deref(),
        AmbitionDef::None(_) => None,
    };
    let regional = per == Some(bd) && !e.regional.is_empty();
    let cell = |g: &str, p: &str| match figs.iter().find(|f| f.group == g && f.period == p) {
        Some(f) if f.suppressed => GroupCell {
            suppressed: true,
            value: String::new(),
            ci: None,
        },
        Some(f) => GroupCell {
            suppressed: false,
            value: shown(Some(f), unit, lang),
            ci: f
                .ci_low
                .zip(f.ci_high)
                .map(|(l, h)| format!("{}–{}", number(l), number(h))),
        },
        None => GroupCell {
            suppressed: false,
            value: "–".into(),
            ci: None,
        },
    };
    let rows = groups
        .iter()
        .map(|g| GroupRow {
            group: (*g).to_string(),
            cells: periods.iter().map(|p| cell(g, p)).collect(),
            status: regional.then(|| {
                let st = e
                    .regional
                    .iter()
                    .find(|(rg, _)| rg == g)
                    .map_or(Status::InsufficientData, |(_, a)| a.status);
                badge(st, lang, "")
            }),
        })
        .collect();
    let title = breakdown_title(bd, lang);
    Table {
        caption: format!(
            "{}: {} ({})",
            e.indicator.name(lang == Lang::En),
            fill(lang, Word::ByBreakdown, &[&title.to_lowercase()]),
            unit_text(unit, lang)
        ),
        title,
        periods: periods.iter().map(|p| (*p).to_string()).collect(),
        regional,
        rows,
    }
}
