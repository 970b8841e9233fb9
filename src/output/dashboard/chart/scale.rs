//! The chart's scales: the time and value domains, round ticks and their
//! labels, the room the labels need, and coordinates as short numbers.

use crate::lang::{Lang, Word, fill};

/// Width and height of the drawing (viewBox units; the SVG scales to its box).
pub(super) const W: f64 = 640.0;
pub(super) const H: f64 = 360.0;
/// Margins of the plot area (the left one depends on the tick labels).
pub(super) const TOP: f64 = 30.0;
const RIGHT: f64 = 28.0;
const BOTTOM: f64 = 58.0;

/// The mapping from (time, value) to drawing coordinates, with the ticks.
pub(super) struct Scale {
    /// First and last whole year shown.
    pub(super) x0: f64,
    pub(super) x1: f64,
    /// Lowest and highest tick value.
    y0: f64,
    y1: f64,
    /// Value ticks and their labels.
    pub(super) ticks: Vec<(f64, String)>,
    /// The value axis title, with the unit and any scale (thousands).
    pub(super) axis_title: String,
    /// Left edge and size of the plot area.
    pub(super) left: f64,
    pub(super) pw: f64,
    pub(super) ph: f64,
}

impl Scale {
    /// A scale covering times `t_lo..=t_hi` (whole years) and `values`
    /// (from zero for non-negative values; to 100 for percentages near it).
    pub(super) fn new(t_lo: f64, t_hi: f64, values: &[f64], unit: &str, lang: Lang) -> Self {
        let x0 = t_lo.floor();
        let x1 = t_hi.ceil().max(x0 + 1.0);
        let (mut lo, mut hi) = min_max(values);
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
        let (scale, scale_word) = if top >= 1e6 && unit != "percent" {
            (1e6, Some(Word::Millions))
        } else if top >= 1e4 && unit != "percent" {
            (1e3, Some(Word::Thousands))
        } else {
            (1.0, None)
        };
        let ticks: Vec<(f64, String)> = ticks
            .iter()
            .map(|v| (*v, tick_label(*v / scale, step / scale, lang)))
            .collect();
        let axis_title = match scale_word {
            Some(w) => format!("{} ({})", unit_axis_label(unit, lang), w.text(lang)),
            None => unit_axis_label(unit, lang),
        };
        let widest = ticks
            .iter()
            .map(|(_, l)| l.chars().count())
            .max()
            .unwrap_or(1);
        // Room for the tick labels at the larger phone font size (see style.css).
        let left = 34.0 + 13.0 * widest as f64;
        Self {
            x0,
            x1,
            y0,
            y1,
            ticks,
            axis_title,
            left,
            pw: W - left - RIGHT,
            ph: H - TOP - BOTTOM,
        }
    }

    /// The x coordinate of time `t`.
    pub(super) fn x(&self, t: f64) -> f64 {
        self.left + (t - self.x0) / (self.x1 - self.x0) * self.pw
    }

    /// The y coordinate of value `v`.
    pub(super) fn y(&self, v: f64) -> f64 {
        TOP + self.ph - (v - self.y0) / (self.y1 - self.y0) * self.ph
    }

    /// A point at time `t`, value `v`.
    pub(super) fn point(&self, t: f64, v: f64) -> super::Point {
        super::Point {
            x: f(self.x(t)),
            y: f(self.y(v)),
        }
    }

    /// The bottom of the plot area (the time axis).
    pub(super) fn bottom(&self) -> f64 {
        TOP + self.ph
    }

    /// Points as `x,y x,y …` for a polyline.
    pub(super) fn points(&self, pts: &[(f64, f64)]) -> String {
        pts.iter()
            .map(|(t, v)| format!("{},{}", f(self.x(*t)), f(self.y(*v))))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The value axis title, with the unit.
fn unit_axis_label(unit: &str, lang: Lang) -> String {
    let word = match unit {
        "percent" => Word::AxisPercent,
        "count" => Word::AxisCount,
        "days" => Word::AxisDays,
        "nok" => Word::AxisNok,
        "score" => Word::AxisScore,
        "stage" => Word::AxisStage,
        u => return u.to_string(),
    };
    word.text(lang).to_string()
}

/// The time axis title, from the granularity of the periods.
pub(super) fn time_axis_label(period: &str, lang: Lang) -> String {
    let kind = if period.contains('Q') {
        Word::TimeQuarter
    } else if period.len() == 7 {
        Word::TimeMonth
    } else if period.len() == 10 {
        Word::TimeDay
    } else {
        return Word::Year.text(lang).to_string();
    };
    fill(lang, Word::YearValuesPer, &[kind.text(lang)])
}

/// The smallest and largest value; `(0, 1)` when there is none.
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
pub(super) fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
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
pub(super) fn tick_label(v: f64, step: f64, lang: Lang) -> String {
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

/// A coordinate with one decimal.
pub(super) fn f(v: f64) -> String {
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
