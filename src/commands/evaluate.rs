//! The evaluation shared by `compute`, `explain`, `status`, `report` and
//! `dashboard`: pick indicators, plan and collect their figures together,
//! assess each against its ambition (per group where the ambition is per a
//! breakdown), roll composites up from their components. The result is a
//! [`Run`] of [`Evaluated`] indicators (types in `output/evaluated.rs`)
//! that `output/` renders.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;

use crate::assessment::{self, Method, Point, Status};
use crate::definitions::{AmbitionDef, Catalogue, Indicator, MeasureKind, Readiness};
use crate::error::{Error, Result};
use crate::geography::SplitPolicy;
use crate::measures::{Computed, Engine, Figure};
use crate::output;
pub(crate) use crate::output::evaluated::{Evaluated, Run};
use crate::period::{Granularity, Period, today};

/// Counts below this are suppressed in breakdowns unless a command says otherwise.
pub(crate) const SUPPRESS_BELOW: u64 = 5;

/// Which indicators a run covers.
#[derive(Debug, Clone)]
pub(crate) enum Pick {
    /// Every indicator of one goal (as the catalogue spells it).
    Goal(String),
    /// These ids, in this order.
    Ids(Vec<String>),
    /// The whole catalogue.
    All,
}

/// How to evaluate: the selection and the knobs of the engine.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Which indicators.
    pub(crate) pick: Pick,
    /// Figures of periods ending after this one are left out (`None`: latest).
    pub(crate) upto: Option<Period>,
    /// Breakdowns to compute besides the national figure.
    pub(crate) by: Vec<String>,
    /// Counts below this are suppressed in breakdowns.
    pub(crate) suppress_below: u64,
    /// The date freshness is judged against (default: today).
    pub(crate) as_of: Option<Period>,
    /// How split municipalities are mapped.
    pub(crate) split_policy: SplitPolicy,
    /// Any excluded row or unreadable cell fails its indicator.
    pub(crate) strict: bool,
}

impl Options {
    /// A pick with the defaults: national figures up to `upto`, as of today.
    pub(crate) fn new(pick: Pick, upto: Option<Period>) -> Self {
        Self {
            pick,
            upto,
            by: Vec::new(),
            suppress_below: SUPPRESS_BELOW,
            as_of: None,
            split_policy: SplitPolicy::Flag,
            strict: false,
        }
    }
}

/// Loads the catalogue and stops when it has errors.
pub(crate) fn load(dir: &Path) -> Result<Catalogue> {
    let _stage = output::stage("load definitions");
    let catalogue = Catalogue::load(dir).map_err(Error::Definitions)?;
    catalogue.ensure_valid().map_err(Error::Definitions)?;
    Ok(catalogue)
}

/// Picks the indicators of a selection.
pub(crate) fn select<'a>(catalogue: &'a Catalogue, pick: &Pick) -> Result<Vec<&'a Indicator>> {
    match pick {
        Pick::Goal(goal) => Ok(catalogue.of_goal(goal)),
        // `origin: example` indicators only when picked by id.
        Pick::All => Ok(catalogue.indicators.iter().filter(|i| !i.example).collect()),
        Pick::Ids(ids) => ids
            .iter()
            .map(|id| {
                catalogue.indicator(id).ok_or_else(|| {
                    Error::Usage(format!(
                        "no indicator `{id}` under {} (see `ehelse list`)",
                        catalogue.root.display()
                    ))
                })
            })
            .collect(),
    }
}

/// Checks `--by` against the breakdowns the picked indicators declare: a
/// breakdown none of them declares is a usage error (with "did you mean"
/// and the allowed ones); one that only some declare gives a note naming
/// the others, whose figures stay national.
///
/// # Errors
/// [`Error::Usage`] for a breakdown no picked indicator declares.
pub(crate) fn check_by(catalogue: &Catalogue, pick: &Pick, by: &[String]) -> Result<Vec<String>> {
    let selected = select(catalogue, pick)?;
    let measured: Vec<&Indicator> = selected
        .into_iter()
        .filter(|i| i.measure.is_some() && i.measure_kind() != Some(MeasureKind::Composite))
        .collect();
    let mut allowed: Vec<&str> = measured
        .iter()
        .flat_map(|i| i.breakdowns.iter().map(String::as_str))
        .collect();
    allowed.sort_unstable();
    allowed.dedup();
    let mut notes = Vec::new();
    for b in by {
        let without: Vec<&str> = measured
            .iter()
            .filter(|i| !i.breakdowns.contains(b))
            .map(|i| i.id())
            .collect();
        if without.len() == measured.len() {
            let hint = crate::diagnostic::closest(b, allowed.iter().copied())
                .map_or_else(String::new, |c| format!(" Did you mean `{c}`?"));
            let list = if allowed.is_empty() {
                "none".to_string()
            } else {
                allowed.join(", ")
            };
            return Err(Error::Usage(format!(
                "--by {b}: no indicator picked declares this breakdown.{hint} Allowed here: {list} (`breakdowns` in each definition)"
            )));
        }
        if !without.is_empty() {
            notes.push(format!(
                "--by {b}: {} of {} indicator(s) do not declare this breakdown and are shown nationally only: {}",
                without.len(),
                measured.len(),
                without.join(", ")
            ));
        }
    }
    Ok(notes)
}

/// The selection and the components of its composites, components first so
/// composites can roll them up.
fn in_order<'a>(catalogue: &'a Catalogue, selected: &[&'a Indicator]) -> Vec<&'a Indicator> {
    let mut order: Vec<&Indicator> = Vec::new();
    for ind in selected {
        for c in components(ind) {
            if let Some(ci) = catalogue.indicator(&c)
                && !order.iter().any(|o| o.id() == ci.id())
            {
                order.push(ci);
            }
        }
    }
    for ind in selected {
        if !order.iter().any(|o| o.id() == ind.id()) {
            order.push(ind);
        }
    }
    order
}

/// A spinner on stderr when it is a terminal (and not `--quiet`), hidden
/// otherwise.
fn spinner() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || output::verbosity::quiet() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}

/// Computes and assesses a selection (and the components of composites).
pub(crate) fn evaluate<'a>(
    catalogue: &'a Catalogue,
    data: &Path,
    opts: &Options,
) -> Result<Run<'a>> {
    let selected = select(catalogue, &opts.pick)?;
    if !data.is_dir() {
        return Err(Error::Input(format!(
            "the data folder {} does not exist (give it with --data)",
            data.display()
        )));
    }
    let cut = opts.upto.map(Period::end_index);
    let as_of = match opts.as_of {
        Some(p) => Some(p),
        None => fixed_today()?.or_else(|| Period::parse(&today())),
    };
    let as_of = as_of.map_or_else(
        || Period::new(Granularity::Month, 1970, 1),
        |p| Period::new(Granularity::Month, p.year, p.sub),
    );
    // The day the extract can at the latest describe: the real today (or
    // `EHELSE_TODAY`), whatever date freshness is judged at.
    let today = fixed_today()?
        .or_else(|| Period::parse(&today()))
        .map_or(as_of, |p| Period::new(Granularity::Month, p.year, p.sub));
    let order = in_order(catalogue, &selected);
    let progress = spinner();
    let mut engine =
        Engine::new(catalogue, data, opts.suppress_below, opts.split_policy).strict(opts.strict);
    // Plan every indicator, then collect them together: each source is
    // scanned once however many indicators and breakdowns read it.
    let mut results: BTreeMap<String, Evaluated> = BTreeMap::new();
    let mut planned = Vec::new();
    let stage = output::stage("plan");
    for ind in &order {
        progress.set_message(format!("planning {}", ind.id()));
        let mut ev = Evaluated::empty(ind);
        if ind.measure_kind() == Some(MeasureKind::Composite)
            || ind.readiness == Readiness::Planned
            || ind.measure.is_none()
        {
            results.insert(ind.id().to_string(), ev);
            continue;
        }
        match engine.plan(ind, &opts.by) {
            Ok(p) => planned.push(p),
            Err(e) => {
                ev.error = Some(format!("{e:#}"));
                results.insert(ind.id().to_string(), ev);
            }
        }
    }
    drop(stage);
    progress.set_message(format!("computing {} indicator(s)", planned.len()));
    let ids: Vec<String> = planned.iter().map(|p| p.indicator().to_string()).collect();
    let stage = output::stage("collect");
    let collected = engine.collect(planned);
    drop(stage);
    let _stage = output::stage("assess");
    for (id, computed) in ids.into_iter().zip(collected) {
        if let Some(ind) = catalogue.indicator(&id) {
            results.insert(id, evaluate_one(ind, computed, cut, (as_of, today)));
        }
    }
    for ind in order
        .iter()
        .filter(|i| i.measure_kind() == Some(MeasureKind::Composite))
    {
        let ev = composite(ind, &results);
        results.insert(ind.id().to_string(), ev);
    }
    progress.finish_and_clear();
    Ok(Run {
        selected,
        results,
        cut,
    })
}

/// The component ids of a composite (none for other measures).
fn components(ind: &Indicator) -> Vec<String> {
    ind.measure
        .as_ref()
        .map(|m| m.components().to_vec())
        .unwrap_or_default()
}

/// Rolls a composite up from its components' statuses.
fn composite(ind: &Indicator, results: &BTreeMap<String, Evaluated>) -> Evaluated {
    let mut ev = Evaluated::empty(ind);
    for c in components(ind) {
        let status = results
            .get(&c)
            .map_or(Status::InsufficientData, Evaluated::status);
        ev.components.push((c, status));
    }
    // A status of its own only from an explicit `rollup`: the seeds leave
    // how composites aggregate undecided (seed 003).
    let Some(how) = ind
        .measure
        .as_ref()
        .and_then(crate::definitions::Measure::rollup)
    else {
        let mut a = assessment::assess(&[], None, Method::Linear);
        a.status = Status::NoAmbition;
        a.rule = format!(
            "no roll-up in the definition: the {} component(s) are shown side by side, each with its own status",
            ev.components.len()
        );
        a.steps = vec![a.rule.clone()];
        ev.assessment = Some(a);
        return ev;
    };
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

/// Assesses one computed indicator: current and previous figure, age,
/// national assessment and, for an ambition per breakdown, one per group.
fn evaluate_one(
    ind: &Indicator,
    computed: anyhow::Result<Computed>,
    cut: Option<i64>,
    (as_of, today): (Period, Period),
) -> Evaluated {
    let mut ev = Evaluated::empty(ind);
    let computed = match computed {
        Ok(c) => c,
        Err(e) => {
            ev.error = Some(format!("{e:#}"));
            return ev;
        }
    };
    if let Some(c) = cut
        && let Some(p) = computed
            .dropped
            .iter()
            .find(|d| Period::parse(d).is_some_and(|p| p.end_index() == c))
    {
        ev.error = Some(format!(
            "{p} is not in the figures: the data do not cover it to its end ({}); an earlier period is not reported in its place",
            computed.notes.first().map_or("", String::as_str)
        ));
        // No figures: the period asked for is not among them.
        return ev;
    }
    if let Some(error) = future_periods(&computed, today) {
        ev.error = Some(error);
        return ev;
    }
    let keep = |f: &&Figure| computed.within(f, cut);
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
        // A snapshot's figure is as old as its as-of date.
        let p = computed.as_of.map_or(p, |d| {
            Period::new(crate::definitions::Granularity::Month, d.year, d.sub)
        });
        let age = p.months_from_end(as_of).max(0);
        ev.age_months = Some(age);
        ev.stale = age > ind.frequency.stale_after_months();
    }
    let method = ind.method;
    let bounds = assessment::unit_bounds(ind.unit.as_str());
    let assess = |figs: &[&Figure]| {
        let series = points(figs);
        let ambition = ambition_for(ind, &series);
        let mut a = assessment::assess(&series, ambition.as_ref(), method);
        assessment::bound_projection(&mut a, bounds);
        a
    };
    ev.assessment = Some(assess(&national));
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
            ev.regional.push((g, assess(&figs)));
        }
    }
    ev.computed = Some(computed);
    ev
}

/// An extract delivered today cannot describe a period that starts after
/// today: such figures mean a wrong date in the data, and the indicator
/// fails rather than show one as the latest figure.
fn future_periods(computed: &Computed, now: Period) -> Option<String> {
    let today = now.year * 12 + i32::try_from(now.sub).unwrap_or(12);
    let mut future: Vec<&str> = computed
        .national()
        .into_iter()
        .filter(|f| {
            Period::parse(&f.period)
                .is_some_and(|p| p.year * 12 + i32::try_from(p.first_month()).unwrap_or(1) > today)
        })
        .map(|f| f.period.as_str())
        .collect();
    future.dedup();
    if future.is_empty() || computed.as_of.is_some() || computed.future_allowed {
        return None;
    }
    let files: Vec<String> = computed
        .files
        .iter()
        .map(|f| f.path.display().to_string())
        .collect();
    Some(format!(
        "the data hold {} after today ({}-{:02}): a date or period in the extract is wrong ({}); \
         fix the extract, or declare `future-periods: allowed` on a source whose periods are planned ahead",
        future.join(", "),
        now.year,
        now.sub,
        files.join(", ")
    ))
}

/// The points of a series with values.
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
        deadline: by.end_time(),
        deadline_label: by.label(),
        direction: *direction,
        baseline,
    })
}

/// The date `EHELSE_TODAY` fixes "today" at (`YYYY-MM-DD`), for reproducible
/// runs and tests; `None` when it is not set.
fn fixed_today() -> Result<Option<Period>> {
    let Some(text) = std::env::var_os("EHELSE_TODAY") else {
        return Ok(None);
    };
    let text = text.to_string_lossy();
    match Period::parse(&text) {
        Some(p) if p.granularity == Granularity::Day => Ok(Some(p)),
        _ => Err(Error::Usage(format!(
            "EHELSE_TODAY=`{text}` is not a date like 2026-12-03"
        ))),
    }
}
