//! The "Framdrift mot 2030" chart of an indicator page, as hand-written
//! inline SVG: the measured series (line and markers, confidence intervals
//! as error bars), the required path from the baseline to the target
//! (dashed), the least-squares trend projected to the deadline (dotted) and
//! the target at the deadline (a diamond). Lines differ by dash pattern as
//! well as colour; the legend and the alternative text are words.

use std::fmt::Write as _;

use crate::assessment::{Assessment, Method, date_time, period_time};
use crate::cli::Lang;
use crate::definitions::{AmbitionDef, Direction, Indicator};
use crate::measures::Figure;

use super::{esc, tr};

/// Width and height of the drawing (viewBox units; the SVG scales to its box).
const W: f64 = 640.0;
const H: f64 = 360.0;
const TOP: f64 = 30.0;
const RIGHT: f64 = 28.0;
const BOTTOM: f64 = 58.0;

/// Colours; each line also has its own dash pattern, so none relies on colour.
const SERIES: &str = "#1d4f91";
const REQUIRED: &str = "#a34700";
const TREND: &str = "#5b5b5b";
const TARGET: &str = "#111111";
const GRID: &str = "#d9dde3";

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

/// Series longer than this get a marker on the latest point only.
const MAX_MARKERS: usize = 30;

/// The largest font size chart text gets (at phone width, see style.css),
/// in drawing units; labels are kept apart at this size.
const MAX_FONT: f64 = 23.0;

/// A text label's anchor and estimated extent at [`MAX_FONT`].
struct Label {
    x: f64,
    y: f64,
    end: bool,
    width: f64,
}

impl Label {
    fn new(x: f64, y: f64, end: bool, text: &str) -> Self {
        Self {
            x,
            y,
            end,
            width: text.chars().count() as f64 * MAX_FONT * 0.6,
        }
    }
    fn x0(&self) -> f64 {
        if self.end {
            self.x - self.width
        } else {
            self.x
        }
    }
    fn x1(&self) -> f64 {
        self.x0() + self.width
    }
    fn y0(&self) -> f64 {
        self.y - MAX_FONT
    }
    fn overlaps(&self, o: &Label) -> bool {
        self.x0() < o.x1() && o.x0() < self.x1() && self.y0() < o.y + 4.0 && o.y0() < self.y + 4.0
    }
}

/// A figure element with the chart and its legend, or `None` when there is
/// no numeric value to draw (milestones, no data).
pub(super) fn figure(input: &ChartInput<'_>) -> Option<String> {
    let en = input.lang == Lang::En;
    let unit = input.indicator.unit.as_str();
    let obs: Vec<Obs> = input
        .national
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
        .collect();
    let first = obs.first()?;
    let last = obs.last()?;
    let goal = match &input.indicator.ambition {
        AmbitionDef::Target {
            target,
            by,
            direction,
            ..
        } => date_time(&by.label()).map(|deadline| Goal {
            target: *target,
            deadline,
            by: by.label(),
            direction: *direction,
        }),
        AmbitionDef::None(_) => None,
    };
    let a = input.assessment;
    let baseline = a.and_then(|a| a.baseline.as_ref());
    let projection = a.and_then(|a| a.projection.as_ref());
    let required_now = a.and_then(|a| a.required_now);

    // The required path: a straight line (linear) or constant growth (cagr).
    let required: Vec<(f64, f64)> = match (&goal, baseline) {
        (Some(g), Some(b)) if g.deadline > b.t => {
            let cagr =
                a.is_some_and(|a| a.method == Method::Cagr) && b.value > 0.0 && g.target > 0.0;
            let steps = if cagr { 24 } else { 1 };
            (0..=steps)
                .map(|i| {
                    let f = f64::from(i) / f64::from(steps);
                    let t = b.t + (g.deadline - b.t) * f;
                    let v = if cagr {
                        b.value * (g.target / b.value).powf(f)
                    } else {
                        b.value + (g.target - b.value) * f
                    };
                    (t, v)
                })
                .collect()
        }
        _ => Vec::new(),
    };

    // Time domain: whole years from the first observation (or baseline) to
    // the deadline (or the last observation).
    let mut t_lo = first.t;
    let mut t_hi = last.t;
    if let Some(b) = baseline {
        t_lo = t_lo.min(b.t);
    }
    if let Some(g) = &goal {
        t_hi = t_hi.max(g.deadline);
    }
    let x0 = t_lo.floor();
    let x1 = t_hi.ceil().max(x0 + 1.0);
    let trend: Option<((f64, f64), (f64, f64))> = projection.map(|p| {
        let start = first.t;
        let end = goal.as_ref().map_or(last.t, |g| g.deadline.max(last.t));
        let at = |t: f64| p.intercept + p.slope_per_year * t;
        ((start, at(start)), (end, at(end)))
    });

    // Value domain: everything drawn, from zero for non-negative values.
    let mut values: Vec<f64> = Vec::new();
    for o in &obs {
        values.push(o.value);
        if let Some((l, h)) = o.ci {
            values.extend([l, h]);
        }
    }
    if let Some(g) = &goal {
        values.push(g.target);
    }
    values.extend(required.iter().map(|(_, v)| *v));
    // The trend does not widen the axis; where it runs beyond, it is
    // clipped (its value at the deadline is in the text).
    let (mut lo, mut hi) = min_max(&values);
    if lo >= 0.0 {
        lo = 0.0;
    }
    if unit == "percent" && hi > 95.0 && hi <= 100.0 {
        hi = 100.0;
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let ticks = nice_ticks(lo, hi);
    let (y0, y1) = (ticks[0], ticks[ticks.len() - 1]);
    let step = ticks.get(1).map_or(1.0, |t| t - y0);
    // Large counts are labelled in thousands or millions.
    let top = ticks.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let (scale, scale_words) = if top >= 1e6 && unit != "percent" {
        (1e6, Some(tr(en, "millioner", "millions")))
    } else if top >= 1e4 && unit != "percent" {
        (1e3, Some(tr(en, "tusen", "thousands")))
    } else {
        (1.0, None)
    };
    let labels: Vec<String> = ticks
        .iter()
        .map(|v| tick_label(*v / scale, step / scale, input.lang))
        .collect();
    let axis_title = match scale_words {
        Some(w) => format!("{} ({w})", unit_axis_label(unit, en)),
        None => unit_axis_label(unit, en),
    };
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    // Room for the tick labels at the larger phone font size (see style.css).
    let left = 34.0 + 13.0 * widest as f64;
    let pw = W - left - RIGHT;
    let ph = H - TOP - BOTTOM;
    let x = |t: f64| left + (t - x0) / (x1 - x0) * pw;
    let y = |v: f64| TOP + ph - (v - y0) / (y1 - y0) * ph;

    let id = input.indicator.id();
    let name = input.indicator.name(en);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" \
         aria-labelledby=\"chart-title chart-desc\" font-size=\"14\">\
         <title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>",
        esc(&format!(
            "{}: {name}",
            tr(en, "Framdrift mot 2030", "Progress towards 2030")
        )),
        esc(&description(input, &obs, goal.as_ref(), required_now))
    );
    let _ = write!(
        s,
        "<defs><clipPath id=\"plot-{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        f(left),
        f(TOP - 2.0),
        f(pw + 2.0),
        f(ph + 4.0)
    );

    // Grid and value axis.
    s.push_str("<g class=\"axis y-axis\">");
    for (v, label) in ticks.iter().zip(&labels) {
        let _ = write!(
            s,
            "<line x1=\"{x1}\" x2=\"{x2}\" y1=\"{gy}\" y2=\"{gy}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\" fill=\"#333\">{label}</text>",
            x1 = f(left),
            x2 = f(left + pw),
            gy = f(y(*v)),
            tx = f(left - 8.0),
            ty = f(y(*v) + 5.0),
            label = esc(label)
        );
    }
    let _ = write!(
        s,
        "<text transform=\"translate(16 {}) rotate(-90)\" text-anchor=\"middle\" fill=\"#222\">{}</text></g>",
        f(TOP + ph / 2.0),
        esc(&axis_title)
    );

    // Time axis: a label per year at its middle, a tick at each year boundary.
    let years = (x1 - x0).round() as i64;
    let every = if years > 24 {
        4
    } else if years > 12 {
        2
    } else {
        1
    };
    let _ = write!(
        s,
        "<g class=\"axis x-axis\"><line x1=\"{x1}\" x2=\"{x2}\" y1=\"{ay}\" y2=\"{ay}\" stroke=\"#333\" stroke-width=\"1\"/>",
        x1 = f(left),
        x2 = f(left + pw),
        ay = f(TOP + ph)
    );
    for i in 0..=years {
        let t = x0 + i as f64;
        let _ = write!(
            s,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1\"/>",
            f(x(t)),
            f(TOP + ph),
            f(TOP + ph + 5.0)
        );
        if i < years && i % every == 0 {
            // Every other label is "minor": hidden at phone width.
            let minor = years > 6 && (i / every) % 2 == 1;
            let _ = write!(
                s,
                "<text{} x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
                if minor { " class=\"minor\"" } else { "" },
                f(x(t + 0.5)),
                f(TOP + ph + 22.0),
                t as i64
            );
        }
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#222\">{}</text></g>",
        f(left + pw / 2.0),
        f(H - 8.0),
        esc(&time_axis_label(&last.period, en))
    );

    let _ = write!(s, "<g clip-path=\"url(#plot-{id})\">");
    // The deadline.
    if let Some(g) = &goal {
        let _ = write!(
            s,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#8a8f98\" stroke-width=\"1\" stroke-dasharray=\"1 3\"/>",
            f(x(g.deadline)),
            f(TOP),
            f(TOP + ph)
        );
    }
    // Required path, dashed.
    if required.len() >= 2 {
        let _ = write!(
            s,
            "<polyline class=\"required\" points=\"{}\" fill=\"none\" stroke=\"{REQUIRED}\" stroke-width=\"2\" stroke-dasharray=\"9 5\"/>",
            points(&required, &x, &y)
        );
    }
    // Trend, dotted.
    if let Some((a, b)) = trend {
        let _ = write!(
            s,
            "<line class=\"trend\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TREND}\" stroke-width=\"2.5\" stroke-dasharray=\"0.5 5\" stroke-linecap=\"round\"/>",
            f(x(a.0)),
            f(y(a.1)),
            f(x(b.0)),
            f(y(b.1))
        );
    }
    s.push_str("</g>");

    // Confidence intervals as error bars.
    for o in &obs {
        if let Some((l, h)) = o.ci {
            let cx = x(o.t);
            let _ = write!(
                s,
                "<path class=\"ci\" d=\"M{0} {1}V{2}M{3} {1}H{4}M{3} {2}H{4}\" stroke=\"{SERIES}\" stroke-width=\"1.5\" fill=\"none\"/>",
                f(cx),
                f(y(l)),
                f(y(h)),
                f(cx - 5.0),
                f(cx + 5.0)
            );
        }
    }
    // The series: solid line (broken where a period has no value) and markers.
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
    for fig in input.national {
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
    for seg in segments.iter().filter(|s| s.len() >= 2) {
        let _ = write!(
            s,
            "<polyline class=\"series\" points=\"{}\" fill=\"none\" stroke=\"{SERIES}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>",
            points(seg, &x, &y)
        );
    }
    // Markers on every point of a short series; a long one (monthly
    // figures) gets a marker on its latest point only, so the line stays a
    // solid line.
    let markers = obs.len() <= MAX_MARKERS;
    let r = 4.5;
    for o in obs.iter().filter(|o| markers || std::ptr::eq(*o, last)) {
        let _ = write!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{r}\" fill=\"{SERIES}\" stroke=\"#fff\" stroke-width=\"1.5\"><title>{}</title></circle>",
            f(x(o.t)),
            f(y(o.value)),
            esc(&format!(
                "{}: {}",
                o.period,
                super::value_with_ci(o.value, o.ci, unit, input.lang)
            ))
        );
    }
    // Required level now, on the required path.
    if let (Some(req), Some(cur)) = (required_now, a.and_then(|a| a.current.as_ref()))
        && required.len() >= 2
    {
        let _ = write!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#fff\" stroke=\"{REQUIRED}\" stroke-width=\"2\"/>",
            f(x(cur.t)),
            f(y(req))
        );
    }
    // The target at the deadline, labelled above it (below when at the top).
    let mut taken: Option<Label> = None;
    if let Some(g) = &goal {
        let (gx, gy) = (x(g.deadline), y(g.target));
        let _ = write!(
            s,
            "<path class=\"target\" d=\"M{} {}l8 8l-8 8l-8 -8z\" fill=\"{TARGET}\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            f(gx),
            f(gy - 8.0)
        );
        let text = format!(
            "{} {}: {}",
            tr(en, "Mål", "Target"),
            g.by.get(..4).unwrap_or(&g.by),
            short_number(g.target, unit, input.lang)
        );
        let ly = if gy - TOP < 26.0 {
            gy + 30.0
        } else {
            gy - 14.0
        };
        let label = Label::new(gx - 6.0, ly, true, &text);
        let _ = write!(
            s,
            "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-weight=\"600\" fill=\"{TARGET}\">{}</text>",
            f(label.x),
            f(label.y),
            esc(&text)
        );
        taken = Some(label);
    }
    // The latest value next to its marker: the first place that stays in
    // the drawing and clear of the target label.
    let (lx, ly) = (x(last.t), y(last.value));
    let text = short_number(last.value, unit, input.lang);
    let candidates = [
        Label::new(lx + 9.0, ly - 12.0, false, &text),
        Label::new(lx - 9.0, ly - 12.0, true, &text),
        Label::new(lx + 9.0, ly + 30.0, false, &text),
        Label::new(lx - 9.0, ly + 30.0, true, &text),
    ];
    let fits = |l: &Label| {
        l.x0() >= left
            && l.x1() <= W - 2.0
            && l.y0() >= 0.0
            && l.y <= TOP + ph
            && taken.as_ref().is_none_or(|t| !t.overlaps(l))
    };
    let label = candidates
        .iter()
        .find(|l| fits(l))
        .unwrap_or(&candidates[1]);
    let _ = write!(
        s,
        "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-weight=\"600\" fill=\"{SERIES}\">{}</text>",
        f(label.x),
        f(label.y),
        if label.end { "end" } else { "start" },
        esc(&text)
    );
    s.push_str("</svg>");

    let mut html = String::new();
    let _ = write!(
        html,
        "<figure class=\"chart-figure\"><div class=\"chart-box\">{s}</div><figcaption><ul class=\"legend\">"
    );
    legend_item(
        &mut html,
        &format!(
            "<line x1=\"2\" x2=\"34\" y1=\"9\" y2=\"9\" stroke=\"{SERIES}\" stroke-width=\"2.5\"/><circle cx=\"{}\" cy=\"9\" r=\"4\" fill=\"{SERIES}\"/>",
            if markers { 18 } else { 31 }
        ),
        &format!(
            "{} ({})",
            tr(en, "Målt verdi", "Measured value"),
            if markers {
                tr(en, "heltrukket linje med punkter", "solid line with points")
            } else {
                tr(
                    en,
                    "heltrukket linje; punkt på siste verdi",
                    "solid line; point on the latest value",
                )
            }
        ),
    );
    if obs.iter().any(|o| o.ci.is_some()) {
        legend_item(
            &mut html,
            &format!(
                "<path d=\"M18 2V16M13 2H23M13 16H23\" stroke=\"{SERIES}\" stroke-width=\"1.5\" fill=\"none\"/>"
            ),
            tr(
                en,
                "95 % konfidensintervall (feilstolpe)",
                "95 % confidence interval (error bar)",
            ),
        );
    }
    if required.len() >= 2 {
        let from = baseline.map_or(String::new(), |b| b.period.clone());
        legend_item(
            &mut html,
            &format!(
                "<line x1=\"2\" x2=\"34\" y1=\"9\" y2=\"9\" stroke=\"{REQUIRED}\" stroke-width=\"2\" stroke-dasharray=\"9 5\"/>"
            ),
            &{
                let curve = required.len() > 2;
                let mut text = if en {
                    format!(
                        "Required path from the baseline ({from}) to the target{} (dashed)",
                        if curve {
                            " at a constant growth rate"
                        } else {
                            ""
                        }
                    )
                } else {
                    format!(
                        "Påkrevd bane fra utgangspunktet ({from}) til målet{} (stiplet)",
                        if curve {
                            " med jevn prosentvis endring"
                        } else {
                            ""
                        }
                    )
                };
                if required_now.is_some() {
                    text.push_str(tr(
                        en,
                        "; den åpne sirkelen er nivået som kreves nå",
                        "; the open circle is the level required now",
                    ));
                }
                text
            },
        );
    }
    if trend.is_some() {
        legend_item(
            &mut html,
            &format!(
                "<line x1=\"3\" x2=\"33\" y1=\"9\" y2=\"9\" stroke=\"{TREND}\" stroke-width=\"2.5\" stroke-dasharray=\"0.5 5\" stroke-linecap=\"round\"/>"
            ),
            if goal.is_some() {
                tr(
                    en,
                    "Trend (minste kvadraters metode), framskrevet til fristen (prikket)",
                    "Trend (least squares), projected to the deadline (dotted)",
                )
            } else {
                tr(
                    en,
                    "Trend (minste kvadraters metode) (prikket)",
                    "Trend (least squares) (dotted)",
                )
            },
        );
    }
    if let Some(g) = &goal {
        let cmp = match g.direction {
            Direction::Increase => "≥",
            Direction::Decrease => "≤",
        };
        legend_item(
            &mut html,
            &format!("<path d=\"M18 1l8 8l-8 8l-8 -8z\" fill=\"{TARGET}\"/>"),
            &format!(
                "{} {cmp} {} {} {} ({})",
                tr(en, "Mål:", "Target:"),
                crate::output::target(g.target, unit, input.lang),
                tr(en, "innen", "by"),
                g.by,
                tr(en, "ruter", "diamond")
            ),
        );
    }
    html.push_str("</ul></figcaption></figure>");
    Some(html)
}

fn legend_item(html: &mut String, swatch: &str, text: &str) {
    let _ = write!(
        html,
        "<li><svg class=\"swatch\" viewBox=\"0 0 36 18\" width=\"36\" height=\"18\" aria-hidden=\"true\" focusable=\"false\">{swatch}</svg><span>{}</span></li>",
        esc(text)
    );
}

/// The chart in words (the SVG's `<desc>`).
fn description(
    input: &ChartInput<'_>,
    obs: &[Obs],
    goal: Option<&Goal>,
    required_now: Option<f64>,
) -> String {
    let en = input.lang == Lang::En;
    let unit = input.indicator.unit.as_str();
    let n = |v: f64| crate::output::number(Some(v), unit, input.lang);
    let (Some(first), Some(last)) = (obs.first(), obs.last()) else {
        return String::new();
    };
    let mut s = if obs.len() == 1 {
        if en {
            format!(
                "One value: {} in {}{}.",
                n(last.value),
                last.period,
                ci_words(last.ci, unit, input.lang)
            )
        } else {
            format!(
                "Én verdi: {} i {}{}.",
                n(last.value),
                last.period,
                ci_words(last.ci, unit, input.lang)
            )
        }
    } else if en {
        format!(
            "Line chart of {} values from {} to {}: {} in {}, {} in {}{}.",
            obs.len(),
            first.period,
            last.period,
            n(first.value),
            first.period,
            n(last.value),
            last.period,
            ci_words(last.ci, unit, input.lang)
        )
    } else {
        format!(
            "Linjediagram med {} verdier fra {} til {}: {} i {}, {} i {}{}.",
            obs.len(),
            first.period,
            last.period,
            n(first.value),
            first.period,
            n(last.value),
            last.period,
            ci_words(last.ci, unit, input.lang)
        )
    };
    if let Some(g) = goal {
        let cmp = match g.direction {
            Direction::Increase => "≥",
            Direction::Decrease => "≤",
        };
        let _ = write!(
            s,
            " {} {cmp} {} {} {}.",
            tr(en, "Mål:", "Target:"),
            n(g.target),
            tr(en, "innen", "by"),
            g.by
        );
    }
    if let Some(r) = required_now {
        let _ = write!(
            s,
            " {} {}.",
            tr(en, "Påkrevd nivå nå:", "Level required now:"),
            n(r)
        );
    }
    if let Some(v) = input
        .assessment
        .and_then(|a| a.projection.as_ref())
        .and_then(|p| p.value_at_deadline)
    {
        let _ = write!(
            s,
            " {} {}.",
            tr(en, "Trenden gir ved fristen:", "Trend at the deadline:"),
            n(v)
        );
    }
    let _ = write!(s, " Status: {}.", input.status);
    s
}

fn ci_words(ci: Option<(f64, f64)>, unit: &str, lang: Lang) -> String {
    ci.map_or(String::new(), |(l, h)| {
        format!(
            " ({} {}–{})",
            if lang == Lang::En {
                "95 % CI"
            } else {
                "95 % KI"
            },
            crate::output::number(Some(l), unit, lang),
            crate::output::number(Some(h), unit, lang)
        )
    })
}

/// A number for a label: as `output::number`, without a trailing `,0`.
fn short_number(v: f64, unit: &str, lang: Lang) -> String {
    let s = crate::output::number(Some(v), unit, lang);
    s.replacen(",0 ", " ", 1)
        .replacen(".0 ", " ", 1)
        .trim_end_matches(",0")
        .trim_end_matches(".0")
        .to_string()
}

/// The value axis title, with the unit.
fn unit_axis_label(unit: &str, en: bool) -> String {
    match (unit, en) {
        ("percent", false) => "Prosent (%)".into(),
        ("percent", true) => "Percent (%)".into(),
        ("count", false) => "Antall".into(),
        ("count", true) => "Count".into(),
        ("days", false) => "Dager".into(),
        ("days", true) => "Days".into(),
        ("nok", false) => "Kroner (NOK)".into(),
        ("nok", true) => "Norwegian kroner (NOK)".into(),
        ("score", false) => "Skår".into(),
        ("score", true) => "Score".into(),
        ("stage", false) => "Trinn".into(),
        ("stage", true) => "Stage".into(),
        (u, _) => u.to_string(),
    }
}

/// The time axis title, from the granularity of the periods.
fn time_axis_label(period: &str, en: bool) -> String {
    let kind = if period.contains('Q') {
        tr(en, "kvartal", "quarter")
    } else if period.len() == 7 {
        tr(en, "måned", "month")
    } else if period.len() == 10 {
        tr(en, "dag", "day")
    } else {
        return tr(en, "År", "Year").to_string();
    };
    if en {
        format!("Year (values per {kind})")
    } else {
        format!("År (verdier per {kind})")
    }
}

fn min_max(values: &[f64]) -> (f64, f64) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}

/// Round tick values covering `lo..=hi` (steps of 1, 2 or 5 × 10ⁿ, 4–8 ticks).
fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step - 1e-9).ceil() * step;
    let n = ((end - start) / step).round() as i64;
    (0..=n.max(1))
        .map(|i| {
            let v = start + i as f64 * step;
            // Avoid -0 and float dust such as 0.30000000000000004.
            let v = (v / step).round() * step;
            if v == 0.0 { 0.0 } else { v }
        })
        .collect()
}

/// A tick value with as many decimals as the step needs.
fn tick_label(v: f64, step: f64, lang: Lang) -> String {
    if step >= 1.0 {
        return crate::output::number(Some(v.round()), "count", lang);
    }
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let s = format!("{v:.decimals$}");
    if lang == Lang::Nb {
        s.replace('.', ",")
    } else {
        s
    }
}

fn points(pts: &[(f64, f64)], x: &impl Fn(f64) -> f64, y: &impl Fn(f64) -> f64) -> String {
    pts.iter()
        .map(|(t, v)| format!("{},{}", f(x(*t)), f(y(*v))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A coordinate with one decimal.
fn f(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 100.0),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.0, 7.0), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        let t = nice_ticks(0.0, 0.3);
        assert_eq!(t.first(), Some(&0.0));
        assert!(t.last().is_some_and(|v| *v >= 0.3));
        assert_eq!(tick_label(0.1, 0.1, Lang::Nb), "0,1");
        assert_eq!(tick_label(2000.0, 1000.0, Lang::En), "2,000");
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(f(12.0), "12");
        assert_eq!(f(12.34), "12.3");
    }
}
