//! Dates and periods from the text of a cell, as polars expressions: ISO
//! timestamps read as the local Norwegian date (Europe/Oslo), ISO week
//! codes read by their Thursday, and the period codes a period column may
//! hold (`2024`, `2024Q2`, `2024-Q2`, `2024K2`, `2024-12`, `2024M12`,
//! `2024U12`, `2024-W12`, `2024-12-31`). Polars' time-zone support is not
//! compiled in: the offset and daylight-saving arithmetic is done here on
//! whole minutes since 1970-01-01 00:00 UTC.

use polars::prelude::*;

use crate::definitions::Granularity;

/// A date with an optional time (`T` or a space, seconds and fractions
/// optional) and an optional offset (`Z`, `+01:00`, `+0100`, `+01`).
/// Groups: 1 date, 2 hour, 3 minute, 4 second, 5 offset.
const TIMESTAMP: &str = r"^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$";
/// A plain date, `YYYY-MM-DD`.
const PLAIN_DATE: &str = r"^\d{4}-\d{2}-\d{2}$";
/// `2024-12`, `2024M12` (7 bytes); group 1 the month.
const MONTH_CODE: &str = r"^\d{4}(?:-|[Mm])(\d{2})$";
/// `2024Q2`, `2024-Q2`, `2024K2` (kvartal), `2024-K2` (6–7 bytes); group 1
/// the quarter.
const QUARTER_CODE: &str = r"^\d{4}-?[QqKk]([1-4])$";
/// `2024U12` (SSB, uke), `2024W12`, `2024-W12`, `2024U5` (6–8 bytes); group
/// 1 the week.
const WEEK_CODE: &str = r"^\d{4}-?[UuWw](\d{1,2})$";

const MINUTES_PER_DAY: i64 = 24 * 60;

fn null_i64() -> Expr {
    lit(NULL).cast(DataType::Int64)
}

/// The cells whose length in bytes lies in `min..=max`, null elsewhere: the
/// regular expressions applied to the result skip every other row, so a
/// column pays only for the forms its cells could be in.
fn gated(t: &Expr, min: u32, max: u32) -> Expr {
    let len = t.clone().str().len_bytes();
    when(len.clone().gt_eq(lit(min)).and(len.lt_eq(lit(max))))
        .then(t.clone())
        .otherwise(lit(NULL).cast(DataType::String))
}

/// Text as an integer, null when it is not one.
fn int(e: Expr) -> Expr {
    e.cast(DataType::Int64)
}

/// `YYYY-MM-DD` as a date, null when it is not a valid date.
fn date_of(text: Expr) -> Expr {
    text.str().to_date(StrptimeOptions {
        format: Some(PlSmallStr::from_static("%Y-%m-%d")),
        strict: false,
        exact: true,
        cache: true,
    })
}

/// Days since 1970-01-01 of a date.
fn days(date: Expr) -> Expr {
    date.cast(DataType::Int32).cast(DataType::Int64)
}

/// The date `n` days after 1970-01-01.
fn from_days(n: Expr) -> Expr {
    n.cast(DataType::Int32).cast(DataType::Date)
}

/// The date `<year><suffix>` (suffix `-MM-DD`).
fn date_in(year: Expr, suffix: &str) -> Expr {
    date_of(concat_str(
        [year.cast(DataType::String), lit(suffix.to_string())],
        "",
        false,
    ))
}

/// Days since 1970-01-01 of the last Sunday on or before `<year><suffix>`.
fn last_sunday(year: Expr, suffix: &str) -> Expr {
    let d = date_in(year, suffix);
    // polars' weekday: Monday 1 … Sunday 7.
    days(d.clone()) - d.dt().weekday().cast(DataType::Int64) % lit(7_i64)
}

/// Oslo's offset from UTC in minutes at `utc` (minutes since 1970-01-01
/// 00:00 UTC): 120 (CEST) from the last Sunday of March 01:00 UTC to the
/// last Sunday of October 01:00 UTC, else 60 (CET). The EU rule, in force
/// in Norway since 1996.
fn oslo_offset(utc: Expr) -> Expr {
    let year = from_days(utc.clone().floor_div(lit(MINUTES_PER_DAY)))
        .dt()
        .year();
    let at_one = |sunday: Expr| sunday * lit(MINUTES_PER_DAY) + lit(60_i64);
    let start = at_one(last_sunday(year.clone(), "-03-31"));
    let end = at_one(last_sunday(year, "-10-31"));
    when(utc.clone().gt_eq(start).and(utc.lt(end)))
        .then(lit(120_i64))
        .otherwise(lit(60_i64))
}

/// An offset (`Z`, `±HH`, `±HHMM`, `±HH:MM`) in minutes east of UTC; null
/// when its hours exceed 14 or its minutes 59.
fn offset_minutes(off: Expr) -> Expr {
    let o = off.str().replace_all(lit(":"), lit(""), true);
    let zulu = o.clone().eq(lit("Z")).or(o.clone().eq(lit("z")));
    let sign = when(o.clone().str().slice(lit(0), lit(1)).eq(lit("-")))
        .then(lit(-1_i64))
        .otherwise(lit(1_i64));
    let hh = int(o.clone().str().slice(lit(1), lit(2)));
    let mm = when(o.clone().str().len_chars().eq(lit(5_u32)))
        .then(int(o.str().slice(lit(3), lit(2))))
        .otherwise(lit(0_i64));
    let valid = hh
        .clone()
        .lt_eq(lit(14_i64))
        .and(mm.clone().lt_eq(lit(59_i64)));
    when(zulu)
        .then(lit(0_i64))
        .when(valid)
        .then(sign * (hh * lit(60_i64) + mm))
        .otherwise(null_i64())
}

/// Helper columns computed in steps before the expressions that read
/// them. An intermediate value used several times in one expression is
/// evaluated (and planned) once per use; nested, that grows the plan
/// exponentially. Each helper here is a column of its own, computed once
/// in a `with_columns` of its step, and dropped after the last step.
pub(crate) struct Stages {
    /// Prefix of the helper names (the column they serve).
    prefix: String,
    /// The helpers of each step: a step reads only earlier steps.
    steps: Vec<Vec<Expr>>,
    /// Every helper's name and step.
    names: Vec<(String, usize)>,
}

impl Stages {
    /// No helpers yet; their names start with `<prefix>__h`.
    pub(crate) fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_string(),
            steps: Vec::new(),
            names: Vec::new(),
        }
    }

    /// The step after the helpers `reads` (0 for expressions over the
    /// frame's own columns).
    fn after(&self, reads: &[&Expr]) -> usize {
        reads
            .iter()
            .filter_map(|e| match e {
                Expr::Column(n) => self
                    .names
                    .iter()
                    .find(|(name, _)| name.as_str() == n.as_str())
                    .map(|(_, step)| step + 1),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }

    /// `e`, which reads the helpers `reads` (and the frame's own columns),
    /// as a new helper column; returns the column.
    pub(crate) fn put(&mut self, e: Expr, reads: &[&Expr]) -> Expr {
        let step = self.after(reads);
        self.put_at(step, e)
    }

    /// The step after every helper so far.
    fn next_step(&self) -> usize {
        self.names.iter().map(|(_, s)| s + 1).max().unwrap_or(0)
    }

    /// `e` as a helper column computed after every helper so far.
    fn put_last(&mut self, e: Expr) -> Expr {
        self.put_at(self.next_step(), e)
    }

    fn put_at(&mut self, step: usize, e: Expr) -> Expr {
        let name = format!("{}__h{}", self.prefix, self.names.len());
        if self.steps.len() <= step {
            self.steps.resize_with(step + 1, Vec::new);
        }
        self.steps[step].push(e.alias(name.clone()));
        self.names.push((name.clone(), step));
        col(name)
    }

    /// `lf` with every helper column, step by step.
    pub(crate) fn apply(&self, mut lf: LazyFrame) -> LazyFrame {
        for step in &self.steps {
            lf = lf.with_columns(step.clone());
        }
        lf
    }

    /// `lf` without the helper columns.
    pub(crate) fn drop(&self, lf: LazyFrame) -> LazyFrame {
        if self.names.is_empty() {
            return lf;
        }
        lf.drop(cols(self.names.iter().map(|(n, _)| n.as_str())))
    }
}

/// The local Norwegian date of a (trimmed) date or timestamp cell, null
/// when it is neither. Without an offset the time is local already and the
/// date part is the date; with one, the instant is moved to Oslo time
/// (`2025-02-11T23:30:00Z` is 2025-02-12 in Oslo). The returned expression
/// reads helper columns of `st`.
pub(super) fn oslo_date(st: &mut Stages, t: Expr) -> Expr {
    let t = st.put(t.clone(), &[&t]);
    let plain = st.put(
        date_of(gated(&t, 10, 10).str().extract(lit(PLAIN_DATE), 0)),
        &[&t],
    );
    let stamp = st.put(gated(&t, 11, u32::MAX), &[&t]);
    let group = |i: usize| stamp.clone().str().extract(lit(TIMESTAMP), i);
    let local = st.put(date_of(group(1)), &[&stamp]);
    let mut part = |i: usize| st.put(int(group(i)).fill_null(lit(0_i64)), &[&stamp]);
    let (h, mi, s) = (part(2), part(3), part(4));
    let off = st.put(group(5), &[&stamp]);
    let time_ok = h
        .clone()
        .lt_eq(lit(23_i64))
        .and(mi.clone().lt_eq(lit(59_i64)))
        .and(s.lt_eq(lit(60_i64)));
    let utc = st.put(
        days(local.clone()) * lit(MINUTES_PER_DAY) + h.clone() * lit(60_i64) + mi.clone()
            - offset_minutes(off.clone()),
        &[&local, &h, &mi, &off],
    );
    let oslo = st.put(
        from_days((utc.clone() + oslo_offset(utc.clone())).floor_div(lit(MINUTES_PER_DAY))),
        &[&utc],
    );
    let date = when(plain.clone().is_not_null())
        .then(plain.clone())
        .when(local.clone().is_null().or(time_ok.not()))
        .then(lit(NULL).cast(DataType::Date))
        .when(off.clone().is_null())
        .then(local.clone())
        .otherwise(oslo.clone());
    st.put(date, &[&plain, &local, &off, &oslo, &h, &mi])
}

/// The Thursday of ISO week `week` of ISO year `year` (the week that holds
/// 4 January is week 1; weeks run Monday–Sunday), null when the year has no
/// such week.
fn week_thursday(year: Expr, week: Expr) -> Expr {
    let jan4 = date_in(year.clone(), "-01-04");
    let monday1 = days(jan4.clone()) - (jan4.dt().weekday().cast(DataType::Int64) - lit(1_i64));
    let thursday = from_days(monday1 + lit(3_i64) + (week.clone() - lit(1_i64)) * lit(7_i64));
    let valid = week
        .clone()
        .gt_eq(lit(1_i64))
        .and(week.lt_eq(lit(53_i64)))
        .and(thursday.clone().dt().year().cast(DataType::Int64).eq(year));
    when(valid)
        .then(thursday)
        .otherwise(lit(NULL).cast(DataType::Date))
}

/// One way of writing a period: true on a cell written so, with the year
/// and a month in the period (helper columns of the caller's stages).
struct Form {
    matches: Expr,
    year: Expr,
    month: Expr,
}

/// A code of `min..=max` bytes read with `pattern`: a four-digit year
/// followed by a part (group 1), which `month` turns into a month.
fn coded(
    st: &mut Stages,
    t: &Expr,
    (min, max): (u32, u32),
    pattern: &str,
    month: impl Fn(Expr) -> Expr,
) -> Form {
    let part = st.put(
        int(gated(t, min, max)
            .str()
            .extract(lit(pattern.to_string()), 1)),
        &[t],
    );
    // The year only where the pattern matched, so that what is computed
    // from it (a week's Thursday) skips every other row as well.
    let year = st.put(
        when(part.clone().is_not_null())
            .then(int(t.clone().str().slice(lit(0), lit(4))))
            .otherwise(null_i64()),
        &[&part, t],
    );
    Form {
        matches: part.clone().is_not_null(),
        year,
        month: month(part),
    }
}

/// `YYYY`: a cell of four bytes that is a number 1000–9999 (so four digits).
fn year_code(st: &mut Stages, t: &Expr) -> Form {
    let n = st.put(int(gated(t, 4, 4)), &[t]);
    Form {
        matches: n
            .clone()
            .gt_eq(lit(1000_i64))
            .and(n.clone().lt_eq(lit(9999_i64))),
        year: n,
        month: lit(1_i64),
    }
}

/// A form read through a date (a day or a week's Thursday), a helper column.
fn dated(date: &Expr) -> Form {
    Form {
        matches: date.clone().is_not_null(),
        year: date.clone().dt().year().cast(DataType::Int64),
        month: date.clone().dt().month().cast(DataType::Int64),
    }
}

/// The forms a period column of `granularity` may hold: its own and every
/// finer one (a finer period lies in exactly one period of the column's
/// granularity; a coarser one does not, and stays unreadable).
fn forms(st: &mut Stages, t: &Expr, granularity: Granularity) -> Vec<Form> {
    let day = oslo_date(st, t.clone());
    let mut forms = vec![dated(&day)];
    if granularity == Granularity::Day {
        return forms;
    }
    forms.push(coded(st, t, (7, 7), MONTH_CODE, |m| m));
    let week = coded(st, t, (6, 8), WEEK_CODE, |w| w);
    let thursday = st.put(
        week_thursday(week.year.clone(), week.month.clone()),
        &[&week.year, &week.month],
    );
    forms.push(dated(&thursday));
    if granularity == Granularity::Month {
        return forms;
    }
    forms.push(coded(st, t, (6, 7), QUARTER_CODE, |q| {
        (q - lit(1_i64)) * lit(3_i64) + lit(1_i64)
    }));
    if granularity == Granularity::Quarter {
        return forms;
    }
    forms.push(year_code(st, t));
    forms
}

/// The year and the first month of the period (at `granularity`) a trimmed
/// period cell names, both null when it names none. The expressions read
/// helper columns of `st`.
pub(super) fn period_parts(st: &mut Stages, t: Expr, granularity: Granularity) -> (Expr, Expr) {
    let t = st.put(t.clone(), &[&t]);
    let forms = forms(st, &t, granularity);
    // Each form's verdict, year and month as columns, after every helper
    // they could read.
    let step = st.next_step();
    let mut decided = Vec::new();
    for f in forms {
        let ok = st.put_at(
            step,
            f.matches
                .fill_null(lit(false))
                .and(f.month.clone().gt_eq(lit(1_i64)))
                .and(f.month.clone().lt_eq(lit(12_i64))),
        );
        let year = st.put_at(step, f.year);
        let month = st.put_at(step, f.month);
        decided.push((ok, year, month));
    }
    let mut year = null_i64();
    let mut month = null_i64();
    for (ok, y, m) in decided.into_iter().rev() {
        year = when(ok.clone()).then(y).otherwise(year);
        month = when(ok).then(m).otherwise(month);
    }
    let year = st.put_last(year);
    let month = st.put_last(month);
    let first = match granularity {
        Granularity::Year => when(month.clone().is_not_null())
            .then(lit(1_i64))
            .otherwise(null_i64()),
        Granularity::Quarter => {
            (month - lit(1_i64)).floor_div(lit(3_i64)) * lit(3_i64) + lit(1_i64)
        }
        Granularity::Month | Granularity::Day => month,
    };
    (year.cast(DataType::Int32), first.cast(DataType::Int8))
}

/// `expr` over a one-column frame `t` of `cells`, as text (`-` for null):
/// what the unit tests of cell forms compare.
#[cfg(test)]
pub(super) fn eval_cells(cells: &[&str], expr: impl Fn(&mut Stages, Expr) -> Expr) -> Vec<String> {
    let df = df!("t" => cells).expect("frame");
    let mut st = Stages::new("t");
    let v = expr(&mut st, col("t"));
    let out = st
        .apply(df.lazy())
        .select([v.cast(DataType::String).alias("v")])
        .collect()
        .expect("collect");
    out.column("v")
        .expect("v")
        .str()
        .expect("text")
        .iter()
        .map(|v| v.unwrap_or("-").to_string())
        .collect()
}

#[cfg(test)]
mod tests;
