//! Period labels: `2025` (year), `2025Q2` (quarter), `2025-06` (month),
//! `2025-06-30` (day), their integer keys and time arithmetic.

/// Granularity of a period (and of a source's period column), coarse to fine.
// `pub`: `definitions` re-exports it with `pub use` (narrowed with that stage).
#[allow(unreachable_pub)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    /// `2025`
    Year,
    /// `2025Q2`
    Quarter,
    /// `2025-06`
    Month,
    /// `2025-06-30`
    Day,
}

impl Granularity {
    /// All accepted spellings, in order.
    pub(crate) const ALL: &'static [&'static str] = &["year", "quarter", "month", "day"];

    /// Parses the YAML spelling.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "year" => Some(Self::Year),
            "quarter" => Some(Self::Quarter),
            "month" => Some(Self::Month),
            "day" => Some(Self::Day),
            _ => None,
        }
    }

    /// The YAML spelling.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Quarter => "quarter",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// A parsed period label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Period {
    /// Granularity of the label.
    pub(crate) granularity: Granularity,
    /// Year.
    pub(crate) year: i32,
    /// Quarter 1–4 or month 1–12 (1 for years).
    pub(crate) sub: u32,
    /// Day of month for day labels (1 otherwise).
    pub(crate) day: u32,
}

impl Period {
    /// Parses `2025`, `2025Q2`, `2025-06` or `2025-06-30`.
    pub(crate) fn parse(label: &str) -> Option<Self> {
        let s = label.trim();
        let year = |t: &str| -> Option<i32> {
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        if let Some(y) = year(s) {
            return Some(Self::new(Granularity::Year, y, 1));
        }
        if let Some((y, q)) = s.split_once(['Q', 'q']) {
            let q: u32 = q.parse().ok()?;
            return (1..=4)
                .contains(&q)
                .then(|| year(y).map(|y| Self::new(Granularity::Quarter, y, q)))
                .flatten();
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y, m] if m.len() == 2 => {
                let m: u32 = m.parse().ok()?;
                ((1..=12).contains(&m))
                    .then(|| year(y).map(|y| Self::new(Granularity::Month, y, m)))
                    .flatten()
            }
            [y, m, d] if m.len() == 2 && d.len() == 2 => {
                let y = year(y)?;
                let m: u32 = m.parse().ok()?;
                let d: u32 = d.parse().ok()?;
                ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Self {
                    granularity: Granularity::Day,
                    year: y,
                    sub: m,
                    day: d,
                })
            }
            _ => None,
        }
    }

    /// A period of a granularity.
    pub(crate) fn new(granularity: Granularity, year: i32, sub: u32) -> Self {
        Self {
            granularity,
            year,
            sub,
            day: 1,
        }
    }

    /// The grouping key used in plans: `y`, `y*10+q` or `y*100+m`.
    #[cfg(test)]
    pub(crate) fn key(self) -> i64 {
        let y = i64::from(self.year);
        match self.granularity {
            Granularity::Year => y,
            Granularity::Quarter => y * 10 + i64::from(self.sub),
            Granularity::Month => y * 100 + i64::from(self.sub),
            Granularity::Day => (y * 100 + i64::from(self.sub)) * 100 + i64::from(self.day),
        }
    }

    /// Inverse of [`Period::key`].
    pub(crate) fn from_key(granularity: Granularity, key: i64) -> Self {
        let (year, sub, day) = match granularity {
            Granularity::Year => (key, 1, 1),
            Granularity::Quarter => (key / 10, key % 10, 1),
            Granularity::Month => (key / 100, key % 100, 1),
            Granularity::Day => (key / 10_000, (key / 100) % 100, key % 100),
        };
        Self {
            granularity,
            year: i32::try_from(year).unwrap_or(0),
            sub: u32::try_from(sub).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// The label.
    pub(crate) fn label(self) -> String {
        match self.granularity {
            Granularity::Year => format!("{}", self.year),
            Granularity::Quarter => format!("{}Q{}", self.year, self.sub),
            Granularity::Month => format!("{}-{:02}", self.year, self.sub),
            Granularity::Day => format!("{}-{:02}-{:02}", self.year, self.sub, self.day),
        }
    }

    /// First month (1–12) covered.
    pub(crate) fn first_month(self) -> u32 {
        match self.granularity {
            Granularity::Year => 1,
            Granularity::Quarter => (self.sub - 1) * 3 + 1,
            Granularity::Month | Granularity::Day => self.sub,
        }
    }

    /// Month index (`year*12 + month`) of the last month covered: what a
    /// `--period` cut compares.
    pub(crate) fn end_index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.last_month())
    }

    /// Last month (1–12) covered.
    pub(crate) fn last_month(self) -> u32 {
        match self.granularity {
            Granularity::Year => 12,
            Granularity::Quarter => self.sub * 3,
            Granularity::Month | Granularity::Day => self.sub,
        }
    }

    /// The last day of the last month covered (the date a report for the
    /// period judges freshness at).
    pub(crate) fn last_day(self) -> Self {
        let m = self.last_month();
        Self {
            granularity: Granularity::Day,
            year: self.year,
            sub: m,
            day: days_in_month(self.year, m),
        }
    }

    /// Start as a fractional year.
    pub(crate) fn start_time(self) -> f64 {
        f64::from(self.year) + f64::from(self.first_month() - 1) / 12.0
    }

    /// The same period at a coarser granularity (the year of a quarter, ...).
    pub(crate) fn coarsen(self, to: Granularity) -> Self {
        if to >= self.granularity {
            return self;
        }
        let m = self.first_month();
        match to {
            Granularity::Year => Self::new(to, self.year, 1),
            Granularity::Quarter => Self::new(to, self.year, (m - 1) / 3 + 1),
            Granularity::Month | Granularity::Day => Self::new(to, self.year, m),
        }
    }

    /// Whole months from the end of this period to the month of `as_of`
    /// (0 when `as_of` falls in the period's last month).
    pub(crate) fn months_from_end(self, as_of: Period) -> i32 {
        (as_of.year - self.year) * 12 + as_of.sub as i32 - self.last_month() as i32
    }
}

impl Period {
    /// Parses a period label for the time axis: what [`Period::parse`]
    /// accepts, and also quarters written `2024-Q1` or `2024-q1`.
    pub(crate) fn parse_time_label(label: &str) -> Option<Self> {
        let s = label.trim();
        match s.get(4..6) {
            Some("-Q" | "-q") => Self::parse(&format!("{}{}", &s[..4], &s[5..])),
            _ => Self::parse(s),
        }
    }

    /// Start and end of the period in fractional years. Years, quarters and
    /// months are equal slices of the year; days are 1/365 or 1/366 of it.
    pub(crate) fn bounds(self) -> (f64, f64) {
        let y = f64::from(self.year);
        match self.granularity {
            Granularity::Year => (y, y + 1.0),
            Granularity::Quarter => (
                y + f64::from(self.sub - 1) / 4.0,
                y + f64::from(self.sub) / 4.0,
            ),
            Granularity::Month => (
                y + f64::from(self.sub - 1) / 12.0,
                y + f64::from(self.sub) / 12.0,
            ),
            Granularity::Day => {
                let n = f64::from(days_in_year(self.year));
                let doy = f64::from(day_of_year(self.year, self.sub, self.day));
                (y + (doy - 1.0) / n, y + doy / n)
            }
        }
    }

    /// Midpoint in fractional years (`2023` → 2023.5).
    pub(crate) fn midpoint(self) -> f64 {
        let (start, end) = self.bounds();
        f64::midpoint(start, end)
    }

    /// End in fractional years (`2030-12-31` → 2031.0).
    pub(crate) fn end_time(self) -> f64 {
        self.bounds().1
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
            Granularity::Year => Some(Self::new(g, slices(1.0).0, 1)),
            Granularity::Quarter => {
                let (year, j) = slices(4.0);
                Some(Self::new(g, year, j + 1))
            }
            Granularity::Month => {
                let (year, j) = slices(12.0);
                Some(Self::new(g, year, j + 1))
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
                            granularity: g,
                            year,
                            sub: m,
                            day: left + 1,
                        });
                    }
                    left -= dm;
                }
                None
            }
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_year(year: i32) -> u32 {
    if is_leap(year) { 366 } else { 365 }
}

/// 1-based day of the year.
fn day_of_year(year: i32, month: u32, day: u32) -> u32 {
    (1..month).map(|m| days_in_month(year, m)).sum::<u32>() + day
}

/// Days in a month.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_of_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
pub(crate) fn date_of_days(days: i64) -> String {
    // Civil-from-days (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for l in ["2025", "2025Q2", "2025-06", "2024-02-29"] {
            let p = Period::parse(l).expect(l);
            assert_eq!(p.label(), l);
            assert_eq!(Period::from_key(p.granularity, p.key()), p);
        }
        assert!(Period::parse("2025Q5").is_none());
        assert!(Period::parse("2023-02-29").is_none());
        assert!(Period::parse("25").is_none());
    }

    #[test]
    fn staleness_months() {
        let y = Period::parse("2024").expect("year");
        let as_of = Period::parse("2026-04").expect("month");
        assert_eq!(y.months_from_end(as_of), 16);
        assert_eq!(
            Period::parse("2026Q1")
                .expect("q")
                .coarsen(Granularity::Year)
                .label(),
            "2026"
        );
        assert_eq!(today().len(), 10);
    }

    #[test]
    fn last_day_of_a_period() {
        let day = |l: &str| Period::parse(l).expect(l).last_day().label();
        assert_eq!(day("2026Q2"), "2026-06-30");
        assert_eq!(day("2024Q1"), "2024-03-31");
        assert_eq!(day("2024-02"), "2024-02-29");
        assert_eq!(day("2025"), "2025-12-31");
    }

    #[test]
    fn time_axis() {
        let t = |l: &str| Period::parse_time_label(l).map(Period::midpoint);
        assert_eq!(t("2023"), Some(2023.5));
        assert_eq!(t("2024-Q1"), Some(2024.125));
        assert_eq!(t("2024q4"), Some(2024.875));
        assert_eq!(t("2024-Q5"), None);
        let end = |l: &str| Period::parse(l).map(Period::end_time);
        assert_eq!(end("2030-12-31"), Some(2031.0));
        assert_eq!(end("2030Q2"), Some(2030.5));
        let first = |g, t| Period::first_with_midpoint_at_or_after(g, t).map(Period::label);
        assert_eq!(first(Granularity::Year, 2029.5), Some("2029".to_string()));
        assert_eq!(
            first(Granularity::Quarter, 2029.5),
            Some("2029Q3".to_string())
        );
        assert_eq!(
            first(Granularity::Month, 2024.0),
            Some("2024-01".to_string())
        );
        assert_eq!(
            first(Granularity::Day, 2024.0),
            Some("2024-01-01".to_string())
        );
        assert_eq!(first(Granularity::Year, f64::NAN), None);
    }
}
