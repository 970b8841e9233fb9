//! `ehelse compute`, `ehelse explain` and `ehelse status`: figures, their
//! assessment against the ambitions, and the status per goal.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::IsTerminal;

use anyhow::{Context, Result, anyhow, bail};
use serde::Serialize;

use crate::ExitStatus;
use crate::assessment::{self, Assessment, Method, Point, Rollup, Status};
use crate::cli::{
    ComputeArgs, ExplainArgs, Format, Lang, Paths, Selection, SplitPolicyArg, StatusArgs,
};
use crate::definitions::{
    AmbitionDef, Catalogue, Direction, GOALS, Indicator, MeasureKind, Readiness, goal_name,
    normalise_goal,
};
use crate::measures::{Computed, Engine, Figure};
use crate::period::{Period, today};

/// Everything known about one indicator after a run.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Evaluated {
    /// Indicator id.
    pub(crate) id: String,
    /// Figures and provenance (absent when not computed).
    pub(crate) computed: Option<Computed>,
    /// Why it was not computed.
    pub(crate) error: Option<String>,
    /// National assessment.
    pub(crate) assessment: Option<Assessment>,
    /// Per-group assessments for an ambition `per` a breakdown.
    pub(crate) regional: Vec<(String, Assessment)>,
    /// The figure reported (latest up to the period asked for).
    pub(crate) current: Option<Figure>,
    /// The figure before it.
    pub(crate) previous: Option<Figure>,
    /// Months since the end of the current period, and whether that is stale.
    pub(crate) age_months: Option<i32>,
    /// Stale against the frequency.
    pub(crate) stale: bool,
    /// Component statuses for composites.
    pub(crate) components: Vec<(String, Status)>,
}

impl Evaluated {
    /// The figures (all breakdowns) of periods that end by `cut`.
    pub(crate) fn figures_within(&self, cut: Option<i64>) -> Vec<&Figure> {
        self.computed.as_ref().map_or_else(Vec::new, |c| {
            c.figures.iter().filter(|f| within(f, cut)).collect()
        })
    }

    /// The status shown for the indicator.
    pub(crate) fn status(&self) -> Status {
        self.assessment
            .as_ref()
            .map_or(Status::InsufficientData, |a| a.status)
    }
}

/// A run over a selection of indicators.
pub(crate) struct Run<'a> {
    pub(crate) selected: Vec<&'a Indicator>,
    pub(crate) results: BTreeMap<String, Evaluated>,
}

/// The `--period` cut: figures ending after it are left out.
pub(super) fn cut_of(period: &str) -> Result<Option<i64>> {
    if period == "latest" {
        return Ok(None);
    }
    let p = Period::parse(period).ok_or_else(|| {
        anyhow!("`--period {period}` is not latest, a year (2025), a quarter (2026Q2) or a month (2026-06)")
    })?;
    Ok(Some(end_index(p)))
}

pub(super) fn end_index(p: Period) -> i64 {
    i64::from(p.year) * 12 + i64::from(p.last_month())
}

/// Whether a figure's period ends by the `--period` cut (always without one).
fn within(f: &Figure, cut: Option<i64>) -> bool {
    cut.is_none_or(|c| Period::parse(&f.period).is_some_and(|p| end_index(p) <= c))
}

/// Picks the indicators of a selection.
fn select<'a>(catalogue: &'a Catalogue, sel: &Selection) -> Result<Vec<&'a Indicator>> {
    if let Some(g) = &sel.goal {
        let goal = normalise_goal(g)
            .ok_or_else(|| anyhow!("`--goal {g}` is not a goal (use 1–5 or O1–O3)"))?;
        return Ok(catalogue.of_goal(&goal));
    }
    if !sel.indicator.is_empty() {
        return sel
            .indicator
            .iter()
            .map(|id| {
                catalogue.indicator(id).ok_or_else(|| {
                    anyhow!(
                        "no indicator `{id}` under {} (see `ehelse list`)",
                        catalogue.root.display()
                    )
                })
            })
            .collect();
    }
    if sel.all {
        return Ok(catalogue.indicators.iter().collect());
    }
    bail!("say which indicators: --goal N, --indicator ID or --all")
}

/// Computes and assesses a selection (and the components of composites).
pub(crate) fn evaluate<'a>(
    catalogue: &'a Catalogue,
    paths: &Paths,
    sel: &Selection,
) -> Result<Run<'a>> {
    let selected = select(catalogue, sel)?;
    let cut = cut_of(&sel.period)?;
    let as_of_text = sel.as_of.clone().unwrap_or_else(today);
    let as_of = Period::parse(&as_of_text)
        .ok_or_else(|| anyhow!("`--as-of {as_of_text}` is not a date YYYY-MM-DD"))?;
    let as_of = Period::new(
        crate::definitions::Granularity::Month,
        as_of.year,
        as_of.sub,
    );

    // Components first, so composites can roll them up.
    let mut order: Vec<&Indicator> = Vec::new();
    for ind in &selected {
        for c in components(ind) {
            if let Some(ci) = catalogue.indicator(&c)
                && !order.iter().any(|o| o.id() == ci.id())
            {
                order.push(ci);
            }
        }
    }
    for ind in &selected {
        if !order.iter().any(|o| o.id() == ind.id()) {
            order.push(ind);
        }
    }

    let progress = if std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut engine = Engine::new(
        catalogue,
        &paths.data,
        sel.suppress_below,
        sel.split_policy.into(),
    );
    // Plan every indicator, then collect them together: each source is
    // scanned once however many indicators and breakdowns read it.
    let mut results: BTreeMap<String, Evaluated> = BTreeMap::new();
    let mut planned = Vec::new();
    for ind in &order {
        progress.set_message(format!("planning {}", ind.id()));
        let mut ev = empty(ind);
        if ind.measure_kind() == Some(MeasureKind::Composite)
            || ind.readiness == Readiness::Planned
            || ind.measure.is_none()
        {
            results.insert(ind.id().to_string(), ev);
            continue;
        }
        match engine.plan(ind, &sel.by) {
            Ok(p) => planned.push(p),
            Err(e) => {
                ev.error = Some(format!("{e:#}"));
                results.insert(ind.id().to_string(), ev);
            }
        }
    }
    progress.set_message(format!("computing {} indicator(s)", planned.len()));
    let ids: Vec<String> = planned.iter().map(|p| p.indicator().to_string()).collect();
    for (id, computed) in ids.into_iter().zip(engine.collect(planned)) {
        let Some(ind) = catalogue.indicator(&id) else {
            continue;
        };
        results.insert(id, evaluate_one(ind, computed, cut, as_of));
    }
    for ind in order
        .iter()
        .filter(|i| i.measure_kind() == Some(MeasureKind::Composite))
    {
        let ev = composite(ind, &results);
        results.insert(ind.id().to_string(), ev);
    }
    progress.finish_and_clear();
    Ok(Run { selected, results })
}

fn components(ind: &Indicator) -> Vec<String> {
    ind.measure
        .as_ref()
        .map(|m| m.components().to_vec())
        .unwrap_or_default()
}

fn empty(ind: &Indicator) -> Evaluated {
    Evaluated {
        id: ind.id().to_string(),
        computed: None,
        error: None,
        assessment: None,
        regional: Vec::new(),
        current: None,
        previous: None,
        age_months: None,
        stale: false,
        components: Vec::new(),
    }
}

fn composite(ind: &Indicator, results: &BTreeMap<String, Evaluated>) -> Evaluated {
    let mut ev = empty(ind);
    let how = ind
        .measure
        .as_ref()
        .and_then(crate::definitions::Measure::rollup)
        .unwrap_or(Rollup::Worst);
    for c in components(ind) {
        let status = results
            .get(&c)
            .map_or(Status::InsufficientData, Evaluated::status);
        ev.components.push((c, status));
    }
    let statuses: Vec<Status> = ev.components.iter().map(|(_, s)| *s).collect();
    let status = assessment::rollup(&statuses, how);
    let mut a = assessment::assess(&[], None, Method::Linear);
    a.status = status;
    a.rule = format!(
        "roll-up `{}` of {} component(s): {}",
        how.as_str(),
        statuses.len(),
        ev.components
            .iter()
            .map(|(c, s)| format!("{c}={}", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    a.steps = vec![a.rule.clone()];
    ev.assessment = Some(a);
    ev
}

fn evaluate_one(
    ind: &Indicator,
    computed: Result<Computed>,
    cut: Option<i64>,
    as_of: Period,
) -> Evaluated {
    let mut ev = empty(ind);
    let computed = match computed {
        Ok(c) => c,
        Err(e) => {
            ev.error = Some(format!("{e:#}"));
            return ev;
        }
    };
    let keep = |f: &&Figure| within(f, cut);
    let national: Vec<&Figure> = computed.national().into_iter().filter(keep).collect();
    let with_value: Vec<&&Figure> = national
        .iter()
        .filter(|f| f.value.is_some() || f.text.is_some())
        .collect();
    ev.current = with_value.last().map(|f| (**f).clone());
    ev.previous = with_value
        .len()
        .checked_sub(2)
        .map(|i| (*with_value[i]).clone());
    if let Some(cur) = &ev.current
        && let Some(p) = Period::parse(&cur.period)
    {
        let age = p.months_from_end(as_of);
        ev.age_months = Some(age);
        ev.stale = age > ind.frequency.stale_after_months();
    }
    let method = ind.method;
    let series = points(&national);
    let ambition = ambition(ind, &series);
    let bounds = assessment::unit_bounds(ind.unit.as_str());
    let mut national_assessment = assessment::assess(&series, ambition.as_ref(), method);
    assessment::bound_projection(&mut national_assessment, bounds);
    ev.assessment = Some(national_assessment);
    if let AmbitionDef::Target { per: Some(b), .. } = &ind.ambition {
        let mut groups: Vec<String> = computed
            .figures
            .iter()
            .filter(|f| &f.breakdown == b)
            .map(|f| f.group.clone())
            .collect();
        groups.dedup();
        for g in groups {
            let figs: Vec<&Figure> = computed.group(b, &g).into_iter().filter(keep).collect();
            let s = points(&figs);
            let amb = ambition_for(ind, &s);
            let mut a = assessment::assess(&s, amb.as_ref(), method);
            assessment::bound_projection(&mut a, bounds);
            ev.regional.push((g, a));
        }
    }
    ev.computed = Some(computed);
    ev
}

fn points(figs: &[&Figure]) -> Vec<Point> {
    figs.iter()
        .filter_map(|f| {
            let v = f.value?;
            Some(Point {
                period: f.period.clone(),
                t: assessment::period_time(&f.period)?,
                value: v,
                ci: f.ci_low.zip(f.ci_high),
            })
        })
        .collect()
}

fn ambition(ind: &Indicator, series: &[Point]) -> Option<assessment::Ambition> {
    ambition_for(ind, series)
}

/// The ambition for a series; a baseline period without a value takes the
/// series' value in that period.
fn ambition_for(ind: &Indicator, series: &[Point]) -> Option<assessment::Ambition> {
    let AmbitionDef::Target {
        target,
        by,
        direction,
        baseline,
        ..
    } = &ind.ambition
    else {
        return None;
    };
    let baseline = baseline.as_ref().and_then(|(p, v)| match v {
        Some(v) => Some((p.label(), *v)),
        None => series
            .iter()
            .find(|pt| pt.period == p.label())
            .map(|pt| (p.label(), pt.value)),
    });
    Some(assessment::Ambition {
        target: *target,
        deadline: assessment::date_time(&by.label())?,
        deadline_label: by.label(),
        direction: match direction {
            Direction::Increase => assessment::Direction::Increase,
            Direction::Decrease => assessment::Direction::Decrease,
        },
        baseline,
    })
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

/// Value of a figure for people (text for milestones).
fn shown(f: Option<&Figure>, unit: &str, lang: Lang) -> String {
    match f {
        None => "–".to_string(),
        Some(f) => match &f.text {
            Some(t) => t.clone(),
            None => crate::output::number(f.value, unit, lang),
        },
    }
}

pub(super) fn data_note(ind: &Indicator, ev: &Evaluated, lang: Lang) -> String {
    let en = lang == Lang::En;
    if ind.readiness == Readiness::Planned {
        return if en { "planned" } else { "planlagt" }.to_string();
    }
    if ev.error.is_some() {
        return if en { "FAILED" } else { "FEIL" }.to_string();
    }
    if ind.measure_kind() == Some(MeasureKind::Composite) {
        return if en { "composite" } else { "sammensatt" }.to_string();
    }
    let mut s = match (ev.current.as_ref(), ev.age_months) {
        (None, _) => if en { "no data" } else { "ingen data" }.to_string(),
        (Some(_), Some(age)) if ev.stale => {
            if en {
                format!("stale ({age} mo)")
            } else {
                format!("utdatert ({age} mnd)")
            }
        }
        _ => if en { "fresh" } else { "fersk" }.to_string(),
    };
    if ind.readiness == Readiness::InDevelopment {
        s.push_str(if en {
            ", in development"
        } else {
            ", under arbeid"
        });
    }
    s
}

fn change(ev: &Evaluated, unit: &str, lang: Lang) -> String {
    match (
        ev.current.as_ref().and_then(|f| f.value),
        ev.previous.as_ref().and_then(|f| f.value),
    ) {
        (Some(c), Some(p)) => {
            let d = c - p;
            let unit = if unit == "percent" {
                "percentage-points"
            } else {
                unit
            };
            let s = crate::output::number(Some(d), unit, lang);
            if d > 0.0 { format!("+{s}") } else { s }
        }
        _ => "–".to_string(),
    }
}

fn status_text(ev: &Evaluated, lang: Lang) -> String {
    let Some(a) = &ev.assessment else {
        return if ev.error.is_some() {
            "–"
        } else {
            Status::InsufficientData.label(lang_code(lang))
        }
        .to_string();
    };
    let mut s = a.status.label(lang_code(lang)).to_string();
    if a.ci_spans_categories.len() > 1 {
        s.push_str(if lang == Lang::En {
            " (CI spans categories)"
        } else {
            " (KI spenner kategorier)"
        });
    }
    s
}

fn projected(ev: &Evaluated, unit: &str, lang: Lang) -> String {
    let Some(p) = ev.assessment.as_ref().and_then(|a| a.projection.as_ref()) else {
        return "–".to_string();
    };
    match (p.value_at_deadline, &p.reaches_target_in) {
        (Some(v), Some(when)) => format!(
            "{} ({} {when})",
            crate::output::number(Some(v), unit, lang),
            if lang == Lang::En {
                "target in"
            } else {
                "mål nås"
            }
        ),
        (Some(v), None) => crate::output::number(Some(v), unit, lang),
        (None, _) => {
            // A trend in a percentage moves in percentage points.
            let slope_unit = if unit == "percent" {
                "percentage-points"
            } else {
                unit
            };
            let slope = crate::output::number(Some(p.slope_per_year), slope_unit, lang);
            if lang == Lang::En {
                format!("trend {slope}/yr")
            } else {
                format!("trend {slope}/år")
            }
        }
    }
}

/// The table per goal.
fn render_table(run: &Run<'_>, lang: Lang) -> String {
    let en = lang == Lang::En;
    let header: Vec<String> = if en {
        [
            "Indicator",
            "Level/type",
            "Period",
            "Value",
            "Previous",
            "Change",
            "Ambition",
            "Status",
            "Required now",
            "Projected",
            "Data",
        ]
    } else {
        [
            "Indikator",
            "Nivå/type",
            "Periode",
            "Verdi",
            "Forrige",
            "Endring",
            "Ambisjon",
            "Framdrift",
            "Krav nå",
            "Projeksjon",
            "Data",
        ]
    }
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let mut out = String::new();
    for (code, _, _) in GOALS {
        let inds: Vec<&&Indicator> = run.selected.iter().filter(|i| i.goal == code).collect();
        if inds.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} {code}: {}",
            if en { "Goal" } else { "Mål" },
            goal_name(code, en).unwrap_or("")
        );
        let mut table = crate::output::table(header.clone());
        let mut statuses = Vec::new();
        // Strategic indicators first, as in the quarterly report.
        let mut inds = inds;
        inds.sort_by_key(|i| i.level != crate::definitions::Level::Strategic);
        for ind in inds {
            let Some(ev) = run.results.get(ind.id()) else {
                continue;
            };
            statuses.push(ev.status());
            let unit = ind.unit.as_str();
            let required = ev
                .assessment
                .as_ref()
                .and_then(|a| a.required_now)
                .map_or("–".to_string(), |v| {
                    crate::output::number(Some(v), unit, lang)
                });
            let mut name = ind.name(en).to_string();
            for (g, a) in &ev.regional {
                let v = a.current.as_ref().map(|p| p.value);
                let _ = write!(
                    name,
                    "\n  {g}: {} – {}",
                    crate::output::number(v, unit, lang),
                    a.status.label(lang_code(lang))
                );
            }
            table.add_row(vec![
                name,
                format!("{}\n{}", short_level(ind, en), short_type(ind, en)),
                ev.current
                    .as_ref()
                    .map_or("–".to_string(), |f| f.period.clone()),
                shown(ev.current.as_ref(), unit, lang),
                shown(ev.previous.as_ref(), unit, lang),
                change(ev, unit, lang),
                super::catalogue::ambition_text_opt(ind, lang, true),
                status_text(ev, lang),
                required,
                projected(ev, unit, lang),
                data_note(ind, ev, lang),
            ]);
        }
        let goal_status = assessment::rollup(&statuses, Rollup::MeanScore);
        let _ = writeln!(out, "{table}");
        let _ = writeln!(
            out,
            "{}: {}\n",
            if en {
                "Goal status (mean score)"
            } else {
                "Status for målet (snittscore)"
            },
            goal_status.label(lang_code(lang))
        );
    }
    out
}

fn short_level(ind: &Indicator, en: bool) -> &'static str {
    match (ind.level, en) {
        (crate::definitions::Level::Strategic, true) => "strategic",
        (crate::definitions::Level::Strategic, false) => "strategisk",
        (crate::definitions::Level::Support, true) => "support",
        (crate::definitions::Level::Support, false) => "støtte",
    }
}

fn short_type(ind: &Indicator, en: bool) -> &'static str {
    use crate::definitions::IndicatorType;
    match (ind.kind, en) {
        (_, true) => ind.kind.as_str(),
        (IndicatorType::Structure, false) => "struktur",
        (IndicatorType::Process, false) => "prosess",
        (IndicatorType::Effect, false) => "effekt",
    }
}

/// Tidy CSV columns, in order.
pub(crate) const CSV_COLUMNS: [&str; 18] = [
    "goal",
    "indicator",
    "period",
    "breakdown",
    "group",
    "value",
    "unit",
    "numerator",
    "denominator",
    "n",
    "ci_low",
    "ci_high",
    "suppressed",
    "text",
    "status",
    "required_now",
    "projected_at_deadline",
    "stale",
];

/// Tidy rows: indicator × period × breakdown × group, in catalogue order.
pub(crate) fn tidy_rows(run: &Run<'_>, cut: Option<i64>) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        for f in ev.figures_within(cut) {
            let is_current = f.breakdown.is_empty()
                && ev.current.as_ref().is_some_and(|cf| cf.period == f.period);
            let a = ev.assessment.as_ref().filter(|_| is_current);
            rows.push(vec![
                ind.goal.clone(),
                ind.id().to_string(),
                f.period.clone(),
                f.breakdown.clone(),
                f.group.clone(),
                crate::output::plain(f.value),
                ind.unit.as_str().to_string(),
                crate::output::plain(f.numerator),
                crate::output::plain(f.denominator),
                f.n.map_or_else(String::new, |n| n.to_string()),
                crate::output::plain(f.ci_low),
                crate::output::plain(f.ci_high),
                f.suppressed.to_string(),
                f.text.clone().unwrap_or_default(),
                a.map_or_else(String::new, |a| a.status.as_str().to_string()),
                crate::output::plain(a.and_then(|a| a.required_now)),
                crate::output::plain(
                    a.and_then(|a| a.projection.as_ref())
                        .and_then(|p| p.value_at_deadline),
                ),
                if is_current {
                    ev.stale.to_string()
                } else {
                    String::new()
                },
            ]);
        }
    }
    rows
}

/// Writes CSV with a separator and decimal mark.
pub(crate) fn csv_bytes(
    header: &[&str],
    rows: &[Vec<String>],
    sep: u8,
    decimal_comma: bool,
) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(sep)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        if decimal_comma {
            let r: Vec<String> = r
                .iter()
                .map(|v| {
                    if v.parse::<f64>().is_ok() {
                        v.replace('.', ",")
                    } else {
                        v.clone()
                    }
                })
                .collect();
            w.write_record(&r)?;
        } else {
            w.write_record(r)?;
        }
    }
    w.into_inner().map_err(|e| anyhow!("writing CSV: {e}"))
}

/// JSON summary per indicator plus figures.
fn json_value(run: &Run<'_>, cut: Option<i64>, lang: Lang) -> serde_json::Value {
    let en = lang == Lang::En;
    let mut inds = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        let figures = ev.figures_within(cut);
        inds.push(serde_json::json!({
            "id": ind.id(),
            "goal": ind.goal,
            "name": ind.name(en),
            "level": ind.level.as_str(),
            "type": ind.kind.as_str(),
            "readiness": ind.readiness.as_str(),
            "unit": ind.unit.as_str(),
            "frequency": ind.frequency.as_str(),
            "ambition": super::catalogue::ambition_text(ind, Lang::En),
            "current": ev.current,
            "previous": ev.previous,
            "stale": ev.stale,
            "age_months": ev.age_months,
            "error": ev.error,
            "assessment": ev.assessment,
            "regional": ev.regional.iter().map(|(g, a)| serde_json::json!({"group": g, "assessment": a})).collect::<Vec<_>>(),
            "components": ev.components.iter().map(|(c, s)| serde_json::json!({"id": c, "status": s.as_str()})).collect::<Vec<_>>(),
            "figures": figures,
            "files": ev.computed.as_ref().map(|c| c.files.clone()).unwrap_or_default(),
            "definition": ev.computed.as_ref().map(|c| c.definition.clone()),
            "notes": ev.computed.as_ref().map(|c| c.notes.clone()).unwrap_or_default(),
        }));
    }
    serde_json::json!({ "tool": format!("ehelse {}", env!("CARGO_PKG_VERSION")), "indicators": inds })
}

/// `compute`.
pub(super) fn compute(args: &ComputeArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.paths.indicators)?;
    catalogue.ensure_valid()?;
    let run = evaluate(&catalogue, &args.paths, &args.selection)?;
    let cut = cut_of(&args.selection.period)?;
    let bytes = match args.format {
        Format::Table => render_table(&run, args.lang).into_bytes(),
        Format::Csv => csv_bytes(&CSV_COLUMNS, &tidy_rows(&run, cut), b',', false)?,
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&json_value(&run, cut, args.lang))?;
            s.push('\n');
            s.into_bytes()
        }
    };
    crate::output::emit(args.output.as_deref(), &bytes)?;
    report_failures(&run)
}

/// Lists failed ready indicators on stderr; exit 1 if any.
pub(super) fn report_failures(run: &Run<'_>) -> Result<ExitStatus> {
    let failed: Vec<(&str, &str)> = run
        .selected
        .iter()
        .filter_map(|i| {
            run.results
                .get(i.id())
                .and_then(|e| e.error.as_deref())
                .map(|e| (i.id(), e))
        })
        .collect();
    if failed.is_empty() {
        return Ok(ExitStatus::Success);
    }
    let mut msg = format!(
        "error: {} indicator(s) could not be computed:\n",
        failed.len()
    );
    for (id, e) in failed {
        let _ = writeln!(msg, "  {id}: {e}");
    }
    eprint!("{msg}");
    Ok(ExitStatus::Failure)
}

/// `explain ID`.
pub(super) fn explain(args: &ExplainArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.paths.indicators)?;
    catalogue.ensure_valid()?;
    let ind = catalogue
        .indicator(&args.id)
        .ok_or_else(|| anyhow!("no indicator `{}` (see `ehelse list`)", args.id))?;
    let sel = Selection {
        goal: None,
        indicator: vec![args.id.clone()],
        all: false,
        period: args.period.clone(),
        by: Vec::new(),
        suppress_below: 5,
        as_of: None,
        split_policy: SplitPolicyArg::default(),
    };
    let run = evaluate(&catalogue, &args.paths, &sel)?;
    let ev = run
        .results
        .get(ind.id())
        .ok_or_else(|| anyhow!("`{}` was not evaluated", ind.id()))?;
    let en = args.lang == Lang::En;
    let unit = ind.unit.as_str();
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", ind.id(), ind.name(en));
    let _ = writeln!(
        s,
        "goal {} · {} · {} · unit {} · {}",
        ind.goal,
        ind.level.as_str(),
        ind.kind.as_str(),
        unit,
        ind.frequency.as_str()
    );
    let _ = writeln!(
        s,
        "ambition: {}",
        super::catalogue::ambition_text(ind, args.lang)
    );
    if let Some(e) = &ev.error {
        let _ = writeln!(s, "\nnot computed: {e}");
        super::print(&s)?;
        return Ok(ExitStatus::Failure);
    }
    if let Some(c) = &ev.computed {
        let _ = writeln!(s, "\nDefinition: {}", c.definition);
        let _ = writeln!(s, "Sources:");
        let mut engine_sources: Vec<&str> = c.files.iter().map(|f| f.source.as_str()).collect();
        engine_sources.dedup();
        for sid in engine_sources {
            if let Some(src) = catalogue.source(sid) {
                let rows = crate::sources::open(src, &args.paths.data)
                    .and_then(|o| crate::sources::audit(&o))
                    .with_context(|| format!("auditing {sid}"))?;
                let _ = writeln!(
                    s,
                    "  {sid}: {} rows, periods {} – {}",
                    rows.rows,
                    rows.first_period.as_deref().unwrap_or("?"),
                    rows.last_period.as_deref().unwrap_or("?")
                );
                for f in &rows.files {
                    let _ = writeln!(
                        s,
                        "    {} sha256:{} ({} bytes)",
                        f.path.display(),
                        f.sha256,
                        f.bytes
                    );
                }
                for p in &rows.problems {
                    let _ = writeln!(
                        s,
                        "    excluded/flagged: {} ({}, column {})",
                        p.message, p.code, p.column
                    );
                }
            }
        }
        for n in &c.notes {
            let _ = writeln!(s, "  note: {n}");
        }
        let _ = writeln!(s, "\nSeries (national):");
        for f in c.national() {
            let ci = match (f.ci_low, f.ci_high) {
                (Some(l), Some(h)) => format!(
                    "  95 % CI {} – {}",
                    crate::output::number(Some(l), unit, args.lang),
                    crate::output::number(Some(h), unit, args.lang)
                ),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "  {:<10} {:>14}  n={}{ci}",
                f.period,
                shown(Some(f), unit, args.lang),
                f.n.map_or("–".to_string(), |n| n.to_string())
            );
        }
    }
    if let Some(a) = &ev.assessment {
        let _ = writeln!(s, "\nAssessment ({}):", a.method.as_str());
        for step in &a.steps {
            let _ = writeln!(s, "  {step}");
        }
        let _ = writeln!(
            s,
            "  thresholds: on-track ≥ {}, moderate ≥ {}, limited ≥ {}, else deterioration",
            a.thresholds[0], a.thresholds[1], a.thresholds[2]
        );
        let _ = writeln!(s, "  rule: {}", a.rule);
        let _ = writeln!(
            s,
            "  status: {} ({})",
            a.status.as_str(),
            a.status.label(lang_code(args.lang))
        );
        if a.ci_spans_categories.len() > 1 {
            let _ = writeln!(
                s,
                "  the 95 % confidence interval spans: {}",
                a.ci_spans_categories
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if let Some(p) = &a.projection {
            let _ = writeln!(
                s,
                "  projection: least squares over {} points, slope {:.3}/year, value at deadline {}, target reached in {}",
                p.points_used,
                p.slope_per_year,
                p.value_at_deadline
                    .map_or("–".to_string(), |v| format!("{v:.2}")),
                p.reaches_target_in
                    .as_deref()
                    .unwrap_or("not within the horizon")
            );
        }
        for w in &a.warnings {
            let _ = writeln!(s, "  warning: {w}");
        }
    }
    for (g, a) in &ev.regional {
        let _ = writeln!(s, "  {g}: {} ({})", a.status.as_str(), a.rule);
    }
    super::print(&s)?;
    Ok(ExitStatus::Success)
}

/// `status`: one line per goal.
pub(super) fn status(args: &StatusArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.paths.indicators)?;
    catalogue.ensure_valid()?;
    let sel = Selection {
        goal: None,
        indicator: Vec::new(),
        all: true,
        period: args.period.clone(),
        by: Vec::new(),
        suppress_below: 5,
        as_of: None,
        split_policy: SplitPolicyArg::default(),
    };
    let run = evaluate(&catalogue, &args.paths, &sel)?;
    let en = args.lang == Lang::En;
    let order = [
        Status::Achieved,
        Status::OnTrack,
        Status::Moderate,
        Status::Limited,
        Status::Deterioration,
        Status::NoAmbition,
        Status::InsufficientData,
    ];
    let mut header = vec![
        if en { "Goal" } else { "Mål" }.to_string(),
        "Status".to_string(),
    ];
    header.extend(
        order
            .iter()
            .map(|s| s.label(lang_code(args.lang)).to_string()),
    );
    let mut table = crate::output::table(header);
    for (code, nb, eng) in GOALS {
        let inds = catalogue.of_goal(code);
        if inds.is_empty() {
            continue;
        }
        let statuses: Vec<Status> = inds
            .iter()
            .filter_map(|i| run.results.get(i.id()))
            .map(Evaluated::status)
            .collect();
        let goal = assessment::rollup(&statuses, Rollup::MeanScore);
        let mut row = vec![
            format!("{code} {}", if en { eng } else { nb }),
            goal.label(lang_code(args.lang)).to_string(),
        ];
        for st in order {
            row.push(statuses.iter().filter(|s| **s == st).count().to_string());
        }
        table.add_row(row);
    }
    super::print(&format!("{table}\n"))?;
    report_failures(&run)
}
