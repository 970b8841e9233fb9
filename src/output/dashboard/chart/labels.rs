//! Text labels in the chart: the target's label and the latest value, placed
//! so they stay in the drawing and clear of each other at the largest font
//! size chart text gets.

use serde::Serialize;

use crate::lang::Lang;

use super::Obs;
use super::scale::{Scale, TOP, W, f};

/// The largest font size chart text gets (at phone width, see style.css),
/// in drawing units; labels are kept apart at this size.
const MAX_FONT: f64 = 23.0;

/// A text to draw: position, anchor and words.
#[derive(Serialize)]
pub(super) struct Placed {
    x: String,
    y: String,
    anchor: &'static str,
    text: String,
}

impl Placed {
    /// A text centred on `(x, y)`.
    pub(super) fn middle(x: f64, y: f64, text: String) -> Self {
        Self {
            x: f(x),
            y: f(y),
            anchor: "middle",
            text,
        }
    }
}

/// A text label's anchor and estimated extent at [`MAX_FONT`].
pub(super) struct Label {
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
    fn text(&self, text: String) -> Placed {
        Placed {
            x: f(self.x),
            y: f(self.y),
            anchor: if self.end { "end" } else { "start" },
            text,
        }
    }
}

/// The target's label, above the diamond at `(gx, gy)` (below when that is
/// at the top), with its extent.
pub(super) fn target_label(gx: f64, gy: f64, text: String) -> (Placed, Label) {
    let ly = if gy - TOP < 26.0 {
        gy + 30.0
    } else {
        gy - 14.0
    };
    let label = Label::new(gx - 6.0, ly, true, &text);
    (label.text(text), label)
}

/// The latest value next to its marker: the first place that stays in the
/// drawing and clear of the target label.
pub(super) fn latest_label(
    sc: &Scale,
    last: &Obs,
    unit: &str,
    lang: Lang,
    taken: Option<&Label>,
) -> Placed {
    let (lx, ly) = (sc.x(last.t), sc.y(last.value));
    let text = short_number(last.value, unit, lang);
    let candidates = [
        Label::new(lx + 9.0, ly - 12.0, false, &text),
        Label::new(lx - 9.0, ly - 12.0, true, &text),
        Label::new(lx + 9.0, ly + 30.0, false, &text),
        Label::new(lx - 9.0, ly + 30.0, true, &text),
    ];
    let fits = |l: &Label| {
        l.x0() >= sc.left
            && l.x1() <= W - 2.0
            && l.y0() >= 0.0
            && l.y <= sc.bottom()
            && taken.is_none_or(|t| !t.overlaps(l))
    };
    let label = candidates
        .iter()
        .find(|l| fits(l))
        .unwrap_or(&candidates[1]);
    label.text(text)
}

/// A number for a label: as `output::number`, without a trailing `,0`.
pub(super) fn short_number(v: f64, unit: &str, lang: Lang) -> String {
    let s = crate::output::number(Some(v), unit, lang);
    s.replacen(",0 ", " ", 1)
        .replacen(".0 ", " ", 1)
        .trim_end_matches(",0")
        .trim_end_matches(".0")
        .to_string()
}
