//! The time axis: period labels and dates as fractional years.
//!
//! A period is placed at its midpoint (`"2023"` → 2023.5), a deadline at the
//! end of its day (`"2030-12-31"` → 2031.0). Years, quarters and months are
//! equal slices of the year (a quarter is 0.25, a month 1/12); days are
//! 1/365 or 1/366 of their year.

/// The granularity of a period label, used to name projected periods in the
/// series' own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Granularity {
    /// `2029`
    Year,
    /// `2029Q3`
    Quarter,
    /// `2029-07`
    Month,
    /// `2029-07-15`
    Day,
}

/// A parsed period label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    year: i32,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Year,
    Quarter(u32),
    Month(u32),
    Day(u32, u32),
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_year(year: i32) -> u32 {
    if is_leap(year) { 366 } else { 365 }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// 1-based day of the year.
fn day_of_year(year: i32, month: u32, day: u32) -> u32 {
    (1..month).map(|m| days_in_month(year, m)).sum::<u32>() + day
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn parse_2digit(s: &str) -> Option<u32> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl Period {
    /// Parses `YYYY`, `YYYYQn` (also `YYYY-Qn`, lower-case `q`), `YYYY-MM`
    /// and `YYYY-MM-DD`. Surrounding whitespace is ignored.
    pub(crate) fn parse(label: &str) -> Option<Self> {
        let s = label.trim();
        if !s.is_ascii() || s.len() < 4 {
            return None;
        }
        let year = parse_year(&s[..4])?;
        let rest = &s[4..];
        let kind = if rest.is_empty() {
            Kind::Year
        } else if let Some(q) = rest
            .strip_prefix("Q")
            .or_else(|| rest.strip_prefix("q"))
            .or_else(|| rest.strip_prefix("-Q"))
            .or_else(|| rest.strip_prefix("-q"))
        {
            match q {
                "1" => Kind::Quarter(1),
                "2" => Kind::Quarter(2),
                "3" => Kind::Quarter(3),
                "4" => Kind::Quarter(4),
                _ => return None,
            }
        } else {
            let rest = rest.strip_prefix('-')?;
            let (month, day) = match rest.split_once('-') {
                Some((m, d)) => (parse_2digit(m)?, Some(parse_2digit(d)?)),
                None => (parse_2digit(rest)?, None),
            };
            if !(1..=12).contains(&month) {
                return None;
            }
            match day {
                None => Kind::Month(month),
                Some(d) if d >= 1 && d <= days_in_month(year, month) => Kind::Day(month, d),
                Some(_) => return None,
            }
        };
        Some(Self { year, kind })
    }

    /// Start and end of the period in fractional years.
    fn bounds(self) -> (f64, f64) {
        let y = f64::from(self.year);
        match self.kind {
            Kind::Year => (y, y + 1.0),
            Kind::Quarter(q) => (y + f64::from(q - 1) / 4.0, y + f64::from(q) / 4.0),
            Kind::Month(m) => (y + f64::from(m - 1) / 12.0, y + f64::from(m) / 12.0),
            Kind::Day(m, d) => {
                let n = f64::from(days_in_year(self.year));
                let doy = f64::from(day_of_year(self.year, m, d));
                (y + (doy - 1.0) / n, y + doy / n)
            }
        }
    }

    /// The granularity of this label.
    pub(crate) fn granularity(self) -> Granularity {
        match self.kind {
            Kind::Year => Granularity::Year,
            Kind::Quarter(_) => Granularity::Quarter,
            Kind::Month(_) => Granularity::Month,
            Kind::Day(..) => Granularity::Day,
        }
    }

    /// The canonical label: `2029`, `2029Q3`, `2029-07`, `2029-07-15`.
    pub(crate) fn label(self) -> String {
        match self.kind {
            Kind::Year => format!("{}", self.year),
            Kind::Quarter(q) => format!("{}Q{q}", self.year),
            Kind::Month(m) => format!("{}-{m:02}", self.year),
            Kind::Day(m, d) => format!("{}-{m:02}-{d:02}", self.year),
        }
    }

    /// Calendar year the period lies in.
    pub(crate) fn year(self) -> i32 {
        self.year
    }

    /// The first period of granularity `g` whose midpoint is at or after
    /// `t`; `None` when `t` is not finite or beyond ±10 000 years.
    pub(crate) fn first_with_midpoint_at_or_after(g: Granularity, t: f64) -> Option<Self> {
        if !t.is_finite() || t.abs() > 10_000.0 {
            return None;
        }
        // Global slice index i (n slices per year) has midpoint (i + 0.5)/n;
        // the first with (i + 0.5)/n >= t is i = ceil(t·n − 0.5). All values
        // are small integers in f64, and |t| ≤ 10 000 keeps the casts exact.
        let slices = |n: f64| -> (i32, u32) {
            let i = (t * n - 0.5).ceil();
            let year = (i / n).floor();
            (year as i32, (i - year * n) as u32)
        };
        match g {
            Granularity::Year => Some(Self {
                year: slices(1.0).0,
                kind: Kind::Year,
            }),
            Granularity::Quarter => {
                let (year, j) = slices(4.0);
                Some(Self {
                    year,
                    kind: Kind::Quarter(j + 1),
                })
            }
            Granularity::Month => {
                let (year, j) = slices(12.0);
                Some(Self {
                    year,
                    kind: Kind::Month(j + 1),
                })
            }
            Granularity::Day => {
                let year = t.floor() as i32;
                let n = days_in_year(year);
                let idx = ((t - f64::from(year)) * f64::from(n) - 0.5).ceil().max(0.0) as u32;
                let (year, idx) = if idx >= n { (year + 1, 0) } else { (year, idx) };
                // idx is a 0-based day of the year; find its month and day.
                let mut left = idx;
                for m in 1..=12 {
                    let dm = days_in_month(year, m);
                    if left < dm {
                        return Some(Self {
                            year,
                            kind: Kind::Day(m, left + 1),
                        });
                    }
                    left -= dm;
                }
                None
            }
        }
    }
}

/// The time of a period label: its midpoint in fractional years.
///
/// `"2023"` → 2023.5, `"2024Q1"` → 2024.125, `"2024-01"` → 2024 + 0.5/12,
/// `"2024-01-31"` → 2024 + 30.5/366 (the middle of that day). Quarters may
/// also be written `2024-Q1` or `2024q1`. Anything else gives `None`.
pub fn period_time(label: &str) -> Option<f64> {
    let (start, end) = Period::parse(label)?.bounds();
    Some((start + end) / 2.0)
}

/// The time of a deadline: the end of the given day in fractional years.
///
/// `"2030-12-31"` → 2031.0, `"2029-12-31"` → 2030.0. A coarser label means
/// the end of that period: `"2030"` → 2031.0, `"2030Q2"` → 2030.5,
/// `"2030-06"` → 2030.5. Anything else gives `None`.
pub fn date_time(date: &str) -> Option<f64> {
    Some(Period::parse(date)?.bounds().1)
}
