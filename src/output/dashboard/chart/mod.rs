//! The "Framdrift mot 2030" chart of an indicator page: the model that
//! `chart.html` draws as inline SVG. The measured series (line and markers,
//! confidence intervals as error bars), the required path from the baseline
//! to the target (dashed, from [`crate::assessment::required_path`]), the
//! least-squares trend projected to the deadline (dotted) and the target at
//! the deadline (a diamond). The legend and the alternative text are words.

mod describe;
mod labels;
mod scale;

use serde::Serialize;

use crate::assessment::{Assessment, period_time, required_path};
use crate::definitions::{AmbitionDef, Direction, Indicator};
use crate::lang::{Lang, Word, fill};
use crate::measures::Figure;

use describe::{Legend, description, legend};
use labels::{Placed, latest_label, target_label};
use scale::{Scale, TOP, f, time_axis_label};

/// What the chart draws.
pub(super) struct ChartInput<'a> {
    /// The indicator.
    pub(super) indicator: &'a Indicator,
    /// National figures up to the period shown, in period order.
    pub(super) national: &'a [&'a Figure],
    /// The national assessment.
    pub(super) assessment: Option<&'a Assessment>,
    /// Status text for the alternative text.
    pub(super) status: &'a str,
    /// Output language.
    pub(super) lang: Lang,
}

/// One observation placed in time.
struct Obs {
    period: String,
    t: f64,
    value: f64,
    ci: Option<(f64, f64)>,
}

/// The target at the deadline.
struct Goal {
    target: f64,
    deadline: f64,
    by: String,
    direction: Direction,
}

impl Goal {
    /// `≥` or `≤`.
    fn cmp(&self) -> &'static str {
        match self.direction {
            Direction::Increase => "≥",
            Direction::Decrease => "≤",
        }
    }
}

/// Series longer than this get a marker on the latest point only.
const MAX_MARKERS: usize = 30;

/// The chart as `chart.html` draws it; coordinates formatted with [`f`].
#[derive(Serialize)]
pub(super) struct Chart {
    id: String,
    title: String,
    desc: String,
    clip: Rect,
    left: String,
    right: String,
    bottom: String,
    tick_end: String,
    y_ticks: Vec<YTick>,
    y_title_y: String,
    y_title: String,
    x_ticks: Vec<XTick>,
    x_title: Placed,
    deadline: Option<VLine>,
    required: Option<String>,
    trend: Option<Segment>,
    error_bars: Vec<String>,
    series: Vec<String>,
    markers: Vec<Marker>,
    required_now: Option<Point>,
    target: Option<Target>,
    latest: Placed,
    legend: Vec<Legend>,
}

/// A rectangle.
#[derive(Serialize)]
struct Rect {
    x: String,
    y: String,
    w: String,
    h: String,
}

/// A value tick: grid line height, label position and text.
#[derive(Serialize)]
struct YTick {
    y: String,
    tx: String,
    ty: String,
    label: String,
}

/// A year boundary, with the year's label when shown.
#[derive(Serialize)]
struct XTick {
    x: String,
    label: Option<YearLabel>,
}

/// A year under the time axis; minor ones are hidden at phone width.
#[derive(Serialize)]
struct YearLabel {
    minor: bool,
    x: String,
    y: String,
    text: String,
}

/// A vertical line.
#[derive(Serialize)]
struct VLine {
    x: String,
    y1: String,
    y2: String,
}

/// A straight line.
#[derive(Serialize)]
struct Segment {
    x1: String,
    y1: String,
    x2: String,
    y2: String,
}

/// A point.
#[derive(Serialize)]
struct Point {
    x: String,
    y: String,
}

/// A marker on the series, with its value as a tooltip.
#[derive(Serialize)]
struct Marker {
    x: String,
    y: String,
    title: String,
}

/// The target diamond (top corner) and its label.
#[derive(Serialize)]
struct Target {
    x: String,
    y: String,
    label: Placed,
}

/// The chart of an indicator page, or `None` when there is no numeric value
/// to draw (milestones, no data).
pub(super) fn figure(input: &ChartInput<'_>) -> Option<Chart> {
    let lang = input.lang;
    let unit = input.indicator.unit.as_str();
    let obs = observations(input.national);
    let (first, last) = (obs.first()?, obs.last()?);
    let goal = goal(input.indicator);
    let horizon = horizon(goal.as_ref(), input.indicator);
    let a = input.assessment;
    let required: Vec<(f64, f64)> = match (a, &goal) {
        (Some(a), Some(g)) => required_path(a, g.target, g.deadline),
        _ => Vec::new(),
    };
    let trend = a
        .and_then(|a| a.projection.as_ref())
        .map(|p| trend_line(p, horizon, first, last));
    let sc = scale(&obs, goal.as_ref(), horizon, a, &required, unit, lang);
    let markers = obs.len() <= MAX_MARKERS;
    let required_now = a.and_then(|a| a.required_now);
    let target = goal.as_ref().map(|g| target(&sc, g, unit, lang));
    let id = input.indicator.id().to_string();
    let title = format!(
        "{}: {}",
        progress_title(input.indicator, lang),
        input.indicator.name(lang == Lang::En)
    );
    // The level required now, on the required path.
    let required_now_point = match (required_now, a.and_then(|a| a.current.as_ref())) {
        (Some(req), Some(cur)) if required.len() >= 2 => Some(sc.point(cur.t, req)),
        _ => None,
    };
    Some(Chart {
        desc: description(input, &obs, goal.as_ref(), required_now),
        legend: legend(input, &obs, goal.as_ref(), &required, trend.is_some()),
        latest: latest_label(&sc, last, unit, lang, target.as_ref().map(|t| &t.1)),
        clip: Rect {
            x: f(sc.left),
            y: f(TOP - 2.0),
            w: f(sc.pw + 2.0),
            h: f(sc.ph + 4.0),
        },
        left: f(sc.left),
        right: f(sc.left + sc.pw),
        bottom: f(sc.bottom()),
        tick_end: f(sc.bottom() + 5.0),
        y_ticks: y_ticks(&sc),
        y_title_y: f(TOP + sc.ph / 2.0),
        y_title: sc.axis_title.clone(),
        x_ticks: x_ticks(&sc),
        x_title: Placed::middle(
            sc.left + sc.pw / 2.0,
            scale::H - 8.0,
            time_axis_label(&last.period, lang),
        ),
        deadline: goal.as_ref().map(|g| VLine {
            x: f(sc.x(g.deadline)),
            y1: f(TOP),
            y2: f(sc.bottom()),
        }),
        required: (required.len() >= 2).then(|| sc.points(&required)),
        trend: trend.map(|(a, b)| Segment {
            x1: f(sc.x(a.0)),
            y1: f(sc.y(a.1)),
            x2: f(sc.x(b.0)),
            y2: f(sc.y(b.1)),
        }),
        error_bars: error_bars(&sc, &obs),
        series: series(input.national)
            .iter()
            .map(|seg| sc.points(seg))
            .collect(),
        markers: obs
            .iter()
            .filter(|o| markers || std::ptr::eq(*o, last))
            .map(|o| marker(&sc, o, unit, lang))
            .collect(),
        required_now: required_now_point,
        target: target.map(|t| t.0),
        id,
        title,
    })
}

/// The scale: time from the first observation (or baseline) to the deadline
/// (or the last observation); values of everything drawn except the trend,
/// which is clipped where it runs beyond (its value at the deadline is in
/// the text).
fn scale(
    obs: &[Obs],
    goal: Option<&Goal>,
    horizon: Option<f64>,
    a: Option<&Assessment>,
    required: &[(f64, f64)],
    unit: &str,
    lang: Lang,
) -> Scale {
    let (first, last) = (&obs[0], &obs[obs.len() - 1]);
    let baseline = a.and_then(|a| a.baseline.as_ref());
    let t_lo = baseline.map_or(first.t, |b| first.t.min(b.t));
    let t_hi = horizon.map_or(last.t, |h| last.t.max(h));
    let mut values: Vec<f64> = Vec::new();
    for o in obs {
        values.push(o.value);
        values.extend(o.ci.map(|(l, h)| [l, h]).into_iter().flatten());
    }
    values.extend(goal.map(|g| g.target));
    values.extend(required.iter().map(|(_, v)| *v));
    Scale::new(t_lo, t_hi, &values, unit, lang)
}

/// The least-squares trend from the first observation to the deadline (or
/// the last observation).
fn trend_line(
    p: &crate::assessment::Projection,
    horizon: Option<f64>,
    first: &Obs,
    last: &Obs,
) -> ((f64, f64), (f64, f64)) {
    let end = horizon.map_or(last.t, |h| h.max(last.t));
    let at = |t: f64| p.intercept + p.slope_per_year * t;
    ((first.t, at(first.t)), (end, at(end)))
}

/// The national figures with a finite value and a place in time.
fn observations(national: &[&Figure]) -> Vec<Obs> {
    national
        .iter()
        .filter_map(|f| {
            Some(Obs {
                period: f.period.clone(),
                t: period_time(&f.period)?,
                value: f.value.filter(|v| v.is_finite())?,
                ci: f
                    .ci_low
                    .zip(f.ci_high)
                    .filter(|(l, h)| l.is_finite() && h.is_finite()),
            })
        })
        .collect()
}

/// Where the time axis ends: the deadline, else the definition's
/// `chart-horizon` (an illustrated projection, no ambition).
fn horizon(goal: Option<&Goal>, indicator: &Indicator) -> Option<f64> {
    goal.map(|g| g.deadline)
        .or_else(|| indicator.chart_horizon.map(|y| f64::from(y) + 1.0))
}

/// "Framdrift mot <year>": the ambition's deadline year, else the
/// definition's `chart-horizon`, else 2030 (the strategy's horizon).
pub(in crate::output::dashboard) fn progress_title(indicator: &Indicator, lang: Lang) -> String {
    let year = match &indicator.ambition {
        AmbitionDef::Target { by, .. } => by.year,
        AmbitionDef::None(_) => indicator.chart_horizon.unwrap_or(2030),
    };
    crate::lang::fill(lang, Word::ProgressTowards, &[&year.to_string()])
}

/// The indicator's target and deadline, if it has an ambition.
fn goal(indicator: &Indicator) -> Option<Goal> {
    match &indicator.ambition {
        AmbitionDef::Target {
            target,
            by,
            direction,
            ..
        } => Some(Goal {
            target: *target,
            deadline: by.end_time(),
            by: by.label(),
            direction: *direction,
        }),
        AmbitionDef::None(_) => None,
    }
}

/// The value ticks: grid line and label.
fn y_ticks(sc: &Scale) -> Vec<YTick> {
    sc.ticks
        .iter()
        .map(|(v, label)| YTick {
            y: f(sc.y(*v)),
            tx: f(sc.left - 8.0),
            ty: f(sc.y(*v) + 5.0),
            label: label.clone(),
        })
        .collect()
}

/// The time axis: a tick at each year boundary, a label per year at its
/// middle (every second or fourth year on long axes).
fn x_ticks(sc: &Scale) -> Vec<XTick> {
    let years = (sc.x1 - sc.x0).round() as i64;
    let every = if years > 24 {
        4
    } else if years > 12 {
        2
    } else {
        1
    };
    (0..=years)
        .map(|i| {
            let t = sc.x0 + i as f64;
            let label = (i < years && i % every == 0).then(|| YearLabel {
                // Every other label is "minor": hidden at phone width.
                minor: years > 6 && (i / every) % 2 == 1,
                x: f(sc.x(t + 0.5)),
                y: f(sc.bottom() + 22.0),
                text: (t as i64).to_string(),
            });
            XTick {
                x: f(sc.x(t)),
                label,
            }
        })
        .collect()
}

/// Confidence intervals as error bars (path data).
fn error_bars(sc: &Scale, obs: &[Obs]) -> Vec<String> {
    obs.iter()
        .filter_map(|o| {
            let (l, h) = o.ci?;
            let cx = sc.x(o.t);
            Some(format!(
                "M{0} {1}V{2}M{3} {1}H{4}M{3} {2}H{4}",
                f(cx),
                f(sc.y(l)),
                f(sc.y(h)),
                f(cx - 5.0),
                f(cx + 5.0)
            ))
        })
        .collect()
}

/// The series as line segments, broken where a period has no value; single
/// points are left to the markers.
fn series(national: &[&Figure]) -> Vec<Vec<(f64, f64)>> {
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
    for fig in national {
        match (
            period_time(&fig.period),
            fig.value.filter(|v| v.is_finite()),
        ) {
            (Some(t), Some(v)) => segment.push((t, v)),
            _ => {
                if !segment.is_empty() {
                    segments.push(std::mem::take(&mut segment));
                }
            }
        }
    }
    segments.push(segment);
    segments.retain(|s| s.len() >= 2);
    segments
}

/// A marker on an observation.
fn marker(sc: &Scale, o: &Obs, unit: &str, lang: Lang) -> Marker {
    Marker {
        x: f(sc.x(o.t)),
        y: f(sc.y(o.value)),
        title: format!(
            "{}: {}",
            o.period,
            super::site::value_with_ci(o.value, o.ci, unit, lang)
        ),
    }
}

/// The target diamond and its label, with the label's extent for placing
/// the latest value clear of it.
fn target(sc: &Scale, g: &Goal, unit: &str, lang: Lang) -> (Target, labels::Label) {
    let (gx, gy) = (sc.x(g.deadline), sc.y(g.target));
    let text = fill(
        lang,
        Word::TargetLabel,
        &[
            g.by.get(..4).unwrap_or(&g.by),
            &labels::short_number(g.target, unit, lang),
        ],
    );
    let (label, extent) = target_label(gx, gy, text);
    (
        Target {
            x: f(gx),
            y: f(gy - 8.0),
            label,
        },
        extent,
    )
}
