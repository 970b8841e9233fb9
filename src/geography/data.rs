//! Parsing of the reference tables embedded from `reference/`.
//!
//! The tables are our own files, checked by the tests, so a malformed row is
//! a build defect: parsing panics with a message naming the table and line.

use super::Municipality;

/// `reference/kommuner.csv`: one row per municipality code and structure period.
pub(super) const KOMMUNER: &str = include_str!("../../reference/kommuner.csv");
/// `reference/fylker.csv`: counties with their RHF.
pub(super) const FYLKER: &str = include_str!("../../reference/fylker.csv");
/// `reference/kommuneendringer.csv`: code changes between structures.
pub(super) const ENDRINGER: &str = include_str!("../../reference/kommuneendringer.csv");

/// A county row of `fylker.csv`.
#[derive(Debug, Clone)]
pub(super) struct County {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) rhf: String,
    pub(super) valid_from: i32,
    pub(super) valid_to: Option<i32>,
}

/// The kind of a change in `kommuneendringer.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChangeKind {
    /// Same area, new code.
    Renumber,
    /// Several old codes into one new code.
    Merge,
    /// One old code divided into several new codes (one row per part).
    Split,
}

/// A row of `kommuneendringer.csv`.
#[derive(Debug, Clone)]
pub(super) struct Change {
    pub(super) year: i32,
    pub(super) old_code: String,
    pub(super) new_code: String,
    pub(super) kind: ChangeKind,
}

/// Splits an embedded table into rows of fields, checking the header and the
/// number of fields. Yields `(line number, fields)`.
fn rows<'a>(
    text: &'a str,
    table: &'static str,
    header: &'static str,
) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    let mut lines = text.lines().enumerate();
    let first = lines.next().map(|(_, l)| l.trim_end_matches('\r'));
    assert_eq!(first, Some(header), "reference/{table}: unexpected header");
    let width = header.split(',').count();
    lines
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.is_empty())
        .map(move |(n, l)| {
            let fields: Vec<&str> = l.split(',').collect();
            assert_eq!(
                fields.len(),
                width,
                "reference/{table} line {n}: expected {width} fields"
            );
            (n, fields)
        })
}

/// Parses a year field.
fn year(field: &str, table: &str, line: usize) -> i32 {
    field
        .parse()
        .unwrap_or_else(|_| panic!("reference/{table} line {line}: bad year {field:?}"))
}

/// Parses an optional year field (empty = still valid).
fn opt_year(field: &str, table: &str, line: usize) -> Option<i32> {
    (!field.is_empty()).then(|| year(field, table, line))
}

/// Parses `kommuner.csv`, sorted by (code, `valid_from`).
pub(super) fn municipalities(text: &str) -> Vec<Municipality> {
    let table = "kommuner.csv";
    let mut out: Vec<Municipality> = rows(text, table, "code,name,county,valid_from,valid_to")
        .map(|(n, f)| {
            let m = Municipality {
                code: f[0].to_owned(),
                name: f[1].to_owned(),
                county: f[2].to_owned(),
                valid_from: year(f[3], table, n),
                valid_to: opt_year(f[4], table, n),
            };
            assert!(
                m.code.len() == 4 && m.code.bytes().all(|b| b.is_ascii_digit()),
                "reference/{table} line {n}: bad code {:?}",
                m.code
            );
            assert!(
                m.code.starts_with(&m.county),
                "reference/{table} line {n}: county is not the code's first two digits"
            );
            m
        })
        .collect();
    out.sort_by(|a, b| (&a.code, a.valid_from).cmp(&(&b.code, b.valid_from)));
    out
}

/// Parses `fylker.csv`, sorted by (code, `valid_from`).
pub(super) fn counties(text: &str) -> Vec<County> {
    let table = "fylker.csv";
    let mut out: Vec<County> = rows(text, table, "code,name,rhf,valid_from,valid_to")
        .map(|(n, f)| County {
            code: f[0].to_owned(),
            name: f[1].to_owned(),
            rhf: f[2].to_owned(),
            valid_from: year(f[3], table, n),
            valid_to: opt_year(f[4], table, n),
        })
        .collect();
    out.sort_by(|a, b| (&a.code, a.valid_from).cmp(&(&b.code, b.valid_from)));
    out
}

/// Parses `kommuneendringer.csv`, sorted by (year, old code, new code).
pub(super) fn changes(text: &str) -> Vec<Change> {
    let table = "kommuneendringer.csv";
    let mut out: Vec<Change> = rows(text, table, "year,old_code,old_name,new_code,new_name,kind")
        .map(|(n, f)| Change {
            year: year(f[0], table, n),
            old_code: f[1].to_owned(),
            new_code: f[3].to_owned(),
            kind: match f[5] {
                "renumber" => ChangeKind::Renumber,
                "merge" => ChangeKind::Merge,
                "split" => ChangeKind::Split,
                other => panic!("reference/{table} line {n}: unknown kind {other:?}"),
            },
        })
        .collect();
    out.sort_by(|a, b| (a.year, &a.old_code, &a.new_code).cmp(&(b.year, &b.old_code, &b.new_code)));
    out
}
