//! The three page kinds as template contexts: the overview (`index.html`),
//! a goal page and an indicator page, each framed by `base.html`.

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use crate::assessment::Status;
use crate::definitions::{Level, Readiness, goal_name};
use crate::lang::{self, Lang, Word, fill};
use crate::measures::Figure;

use super::site::{Entry, Site, goal_file, goal_label, indicator_file, shown};
use super::text::{
    Badge, badge, badge_not_set, counts, frequency_text, level_short, level_text, meaning,
    readiness_text, status_label, type_text,
};
use super::{chart, facts, sections};

/// A serialisable view model as a template value.
fn ser<T: Serialize>(v: &T) -> Value {
    Value::from(Serde(v))
}

/// A goal in the navigation.
#[derive(Serialize)]
struct NavItem {
    file: String,
    label: String,
}

/// What every page's frame shows: language, title, navigation.
fn frame(site: &Site<'_>, title: &str, here: &str) -> Value {
    let nav: Vec<NavItem> = site
        .goals()
        .into_iter()
        .map(|code| NavItem {
            file: goal_file(code),
            label: goal_label(code, site.lang),
        })
        .collect();
    context! {
        lang_code => lang::code(site.lang),
        version => env!("CARGO_PKG_VERSION"),
        title,
        here,
        period_words => site.period_words(),
        nav => ser(&nav),
    }
}

/// A goal's card on the overview.
#[derive(Serialize)]
struct Card {
    file: String,
    label: String,
    name: &'static str,
    badge: Badge,
    meta: String,
    counts: super::text::Counts,
}

/// A status in the legend.
#[derive(Serialize)]
struct LegendItem {
    badge: Badge,
    meaning: &'static str,
}

/// The overview: counts for all indicators, a card per goal, the legend.
pub(super) fn overview(site: &Site<'_>) -> Value {
    let lang = site.lang;
    let all: Vec<Status> = site.entries.iter().map(|e| e.status).collect();
    let goals = site.goals();
    let lead = fill(
        lang,
        Word::OverviewLead,
        &[
            &site.entries.len().to_string(),
            &goals.len().to_string(),
            &site.period_words(),
        ],
    );
    let cards: Vec<Card> = goals.iter().map(|g| card(site, g)).collect();
    let legend: Vec<LegendItem> = Status::ALL
        .into_iter()
        .map(|st| LegendItem {
            badge: badge(st, lang, ""),
            meaning: meaning(st).text(lang),
        })
        .collect();
    context! {
        lead,
        all => ser(&counts(&all, lang)),
        cards => ser(&cards),
        legend => ser(&legend),
        ..frame(site, Word::Overview.text(lang), "index.html")
    }
}

/// One goal's card.
fn card(site: &Site<'_>, code: &'static str) -> Card {
    let lang = site.lang;
    let entries = site.goal_entries(code);
    let statuses: Vec<Status> = entries.iter().map(|e| e.status).collect();
    let strategic = entries
        .iter()
        .filter(|e| e.indicator.level == Level::Strategic)
        .count();
    let many = |n: usize, one: Word, more: Word| {
        fill(lang, if n == 1 { one } else { more }, &[&n.to_string()])
    };
    Card {
        file: goal_file(code),
        label: goal_label(code, lang),
        name: goal_name(code, lang == Lang::En).unwrap_or(""),
        badge: badge_not_set(lang),
        meta: format!(
            "{}, {}",
            many(entries.len(), Word::IndicatorsOne, Word::IndicatorsMany),
            many(strategic, Word::StrategicOne, Word::StrategicMany)
        ),
        counts: counts(&statuses, lang),
    }
}

/// A row of a goal page's table.
#[derive(Serialize)]
struct GoalRow {
    file: String,
    name: String,
    number: Option<String>,
    level: &'static str,
    kind: &'static str,
    readiness: &'static str,
    period: String,
    value: String,
    ambition: String,
    status: Badge,
    stale: bool,
    freshness: String,
}

/// A goal page: its roll-up and a table of its indicators.
pub(super) fn goal(site: &Site<'_>, code: &str, entries: &[&Entry<'_>]) -> Value {
    let lang = site.lang;
    let statuses: Vec<Status> = entries.iter().map(|e| e.status).collect();
    let inds: Vec<&crate::definitions::Indicator> = entries.iter().map(|e| e.indicator).collect();
    let summary = crate::output::goal_summary::summary(code, &inds, &|i| {
        let e = entries.iter().find(|e| e.indicator.id() == i.id())?;
        Some((e.status, e.current.and_then(|f| f.text.clone())))
    })
    .lines(None, lang);
    let heads = [
        Word::Indicator,
        Word::Level,
        Word::Type,
        Word::Readiness,
        Word::Period,
        Word::Value,
        Word::Ambition,
        Word::Status,
        Word::Freshness,
    ]
    .map(|w| w.text(lang));
    // Strategic indicators first, each group in catalogue order.
    let mut sorted: Vec<&&Entry<'_>> = entries.iter().collect();
    sorted.sort_by_key(|e| e.indicator.level != Level::Strategic);
    let rows: Vec<GoalRow> = sorted.into_iter().map(|e| goal_row(e, lang)).collect();
    let label = goal_label(code, lang);
    let status = |i: &crate::definitions::Indicator| {
        entries
            .iter()
            .find(|e| e.indicator.id() == i.id())
            .map(|e| status_label(e.status, lang).to_string())
    };
    let coverage = crate::output::coverage::view(site.catalogue, code, &status, lang).map(
        |(heading, lines)| {
            let lines: Vec<(usize, String)> =
                lines.into_iter().map(|l| (l.depth, l.text)).collect();
            (heading, lines)
        },
    );
    context! {
        label,
        coverage => ser(&coverage),
        name => goal_name(code, lang == Lang::En).unwrap_or(""),
        summary,
        status_counts => ser(&counts(&statuses, lang)),
        caption => fill(lang, Word::GoalCaption, &[code, &site.period_words().to_lowercase()]),
        heads,
        rows => ser(&rows),
        ..frame(site, &goal_label(code, lang), &goal_file(code))
    }
}

/// One indicator's row on its goal page.
fn goal_row(e: &Entry<'_>, lang: Lang) -> GoalRow {
    let ind = e.indicator;
    GoalRow {
        file: indicator_file(ind.id()),
        name: ind.name(lang == Lang::En).to_string(),
        number: ind.number.clone(),
        level: level_short(ind.level).text(lang),
        kind: type_text(ind.kind).text(lang),
        readiness: readiness_text(ind.readiness).text(lang),
        period: e.current.map_or("–", |f| f.period.as_str()).to_string(),
        value: shown(e.current, e.unit(), lang),
        ambition: e.ambition.clone(),
        status: badge(e.status, lang, e.status_extra(lang)),
        stale: e.stale,
        freshness: e.freshness_words(),
    }
}

/// A component of a composite, linked.
#[derive(Serialize)]
struct Component {
    file: String,
    name: String,
    badge: Badge,
}

/// An indicator page: key figures, chart, tables, assessment, definition,
/// provenance.
pub(super) fn indicator(site: &Site<'_>, e: &Entry<'_>) -> Value {
    let lang = site.lang;
    let en = lang == Lang::En;
    let ind = e.indicator;
    let name = ind.name(en);
    let national: Vec<&Figure> = e
        .figures
        .iter()
        .copied()
        .filter(|f| f.breakdown.is_empty())
        .collect();
    let status_text = format!("{}{}", status_label(e.status, lang), e.status_extra(lang));
    let chart = chart::figure(&chart::ChartInput {
        indicator: ind,
        national: &national,
        assessment: e.assessment,
        status: &status_text,
        lang,
    });
    let components: Vec<Component> = e
        .components
        .iter()
        .map(|(id, st)| Component {
            file: indicator_file(id),
            name: site
                .catalogue
                .indicator(id)
                .map_or(id.as_str(), |i| i.name(en))
                .to_string(),
            badge: badge(*st, lang, ""),
        })
        .collect();
    context! {
        goal_file => goal_file(&ind.goal),
        goal_label => goal_label(&ind.goal, lang),
        name,
        goal_title => format!("{} {}", goal_label(&ind.goal, lang), goal_name(&ind.goal, en).unwrap_or("")),
        level => level_text(ind.level).text(lang),
        kind => type_text(ind.kind).text(lang),
        readiness => readiness_text(ind.readiness).text(lang),
        frequency => frequency_text(ind.frequency).text(lang),
        number => ind.number.clone(),
        status => ser(&badge(e.status, lang, e.status_extra(lang))),
        key => ser(&sections::key_figures(e, lang)),
        error => e.error,
        chart_note => chart_note(e, &national).id(),
        chart => ser(&chart),
        progress_title => super::chart::progress_title(e.indicator, lang),
        components => ser(&components),
        series => ser(&sections::series(e, &national, lang)),
        breakdowns => ser(&sections::breakdowns(site, e)),
        assessment => ser(&e.assessment.map(|a| facts::assessment(e, a, lang))),
        definition => ser(&facts::definition(site, e)),
        provenance => ser(&facts::provenance(e)),
        ..frame(site, name, &indicator_file(ind.id()))
    }
}

/// Why there is no chart.
fn chart_note(e: &Entry<'_>, national: &[&Figure]) -> Word {
    if !e.components.is_empty() {
        Word::NoteComposite
    } else if national.iter().any(|f| f.text.is_some()) {
        Word::NoteMilestone
    } else if e.indicator.readiness == Readiness::Planned {
        Word::NotePlanned
    } else {
        Word::NoteNoFigures
    }
}
