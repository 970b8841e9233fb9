//! The audit's plans: one flag per (column, problem) and the aggregates
//! over them.

use polars::prelude::*;

use crate::definitions::{ColumnType, Source};
use crate::geography::Geography;
use crate::sources::typed::trimmed;
use crate::sources::{FILE, MONTH, NULL_SYMBOLS, ROW, YEAR};

/// Symbols counted per column (`-` is a true zero but still reported).
pub(super) const SYMBOLS: [&str; 6] = [".", "..", "...", ":", "-", "*"];

/// Most example rows kept over all flags.
const EXAMPLES: u32 = 500;

/// A row-level problem: the column it is about, its stable code and the
/// expression that is true on a row that has it.
pub(super) struct Flag {
    /// The column.
    pub(super) column: String,
    /// `unparseable`, `invalid-orgnr`, `unknown-municipality`, `unmatched-key`,
    /// `unmapped-code` or `bad-period`.
    pub(super) code: &'static str,
    /// True on an affected row.
    pub(super) expr: Expr,
}

/// The flags of a source, in column order, `bad-period` last.
pub(super) fn flags(source: &Source) -> Vec<Flag> {
    let def = source;
    let known: Series = Series::new(
        PlSmallStr::from_static("known"),
        Geography::shipped().known_codes(),
    );
    let mut flags: Vec<Flag> = Vec::new();
    for c in &def.columns {
        let ty = c.ty;
        let t = trimmed(col(format!("{}__raw", c.name)));
        let present = t.clone().is_not_null().and(t.clone().neq(lit("")));
        let is_symbol = t.is_in(
            lit(Series::new(
                PlSmallStr::from_static("s"),
                NULL_SYMBOLS.to_vec(),
            )),
            false,
        );
        if ty != ColumnType::Text {
            let bad = present
                .and(is_symbol.not())
                .and(col(c.name.as_str()).is_null());
            let code = if ty == ColumnType::Orgnr {
                "invalid-orgnr"
            } else {
                "unparseable"
            };
            flags.push(Flag {
                column: c.name.clone(),
                code,
                expr: bad,
            });
        }
        if ty == ColumnType::Municipality {
            let unknown = col(c.name.as_str()).is_not_null().and(
                col(c.name.as_str())
                    .is_in(lit(known.clone()).implode(false), false)
                    .not(),
            );
            flags.push(Flag {
                column: c.name.clone(),
                code: "unknown-municipality",
                expr: unknown,
            });
        }
    }
    join_flags(def, &mut flags);
    if def.snapshot.is_none() {
        flags.push(Flag {
            column: def.period_column.clone(),
            code: "bad-period",
            expr: col(YEAR).is_null(),
        });
    }
    flags
}

/// Keys without a match in a snapshot source (`enrich`) and codes the
/// harmonisation table lacks (`harmonise`, on the source's own columns).
fn join_flags(def: &Source, flags: &mut Vec<Flag>) {
    for e in &def.enrich {
        flags.push(Flag {
            column: e.on.clone(),
            code: "unmatched-key",
            expr: col(e.unmatched_column()),
        });
    }
    // A looked-up column's unmapped codes are reported by the snapshot
    // source's own audit, with its file and lines.
    let harmonised = def.columns.iter().filter(|c| c.harmonise.is_some());
    for c in harmonised {
        flags.push(Flag {
            column: c.name.clone(),
            code: "unmapped-code",
            expr: col(crate::sources::enrich::unmapped_column(&c.name)),
        });
    }
}

/// The three plans of an audit, in this order: rows and excluded rows per
/// file (`_file`, `rows`, `excluded`); the totals (`rows`, symbol counts
/// `<column>__sym<i>`, flag counts `_flag<i>`, `_first`/`_last` period
/// keys); and up to [`EXAMPLES`] flagged rows (`_file`, `_row`, `_flag<i>`).
pub(super) fn plans(lf: &LazyFrame, source: &Source, flags: &[Flag]) -> Vec<LazyFrame> {
    let any = |keep: &dyn Fn(&Flag) -> bool| {
        flags.iter().filter(|f| keep(f)).fold(lit(false), |acc, f| {
            acc.or(f.expr.clone().fill_null(lit(false)))
        })
    };
    let mut example_cols = vec![col(FILE), col(ROW)];
    for (i, f) in flags.iter().enumerate() {
        example_cols.push(
            f.expr
                .clone()
                .fill_null(lit(false))
                .alias(format!("_flag{i}")),
        );
    }
    let examples = lf
        .clone()
        .filter(any(&|_| true))
        .select(example_cols)
        .limit(EXAMPLES);
    // Rows read and left out, per file.
    let excluded = any(&|f| f.code == "invalid-orgnr" || f.code == "bad-period");
    let per_file = lf.clone().group_by([col(FILE)]).agg([
        len().cast(DataType::UInt64).alias("rows"),
        excluded.cast(DataType::UInt64).sum().alias("excluded"),
    ]);
    let totals = lf.clone().select(totals(source, flags));
    vec![per_file, totals, examples]
}

/// The aggregates of the totals plan.
fn totals(source: &Source, flags: &[Flag]) -> Vec<Expr> {
    let mut aggs = vec![len().alias("rows")];
    for c in &source.columns {
        let ty = c.ty;
        if matches!(ty, ColumnType::Integer | ColumnType::Decimal) {
            let t = trimmed(col(format!("{}__raw", c.name)));
            for (i, s) in SYMBOLS.iter().enumerate() {
                aggs.push(
                    t.clone()
                        .eq(lit(*s))
                        .cast(DataType::UInt32)
                        .sum()
                        .alias(format!("{}__sym{i}", c.name)),
                );
            }
        }
    }
    for (i, f) in flags.iter().enumerate() {
        aggs.push(
            f.expr
                .clone()
                .cast(DataType::UInt32)
                .sum()
                .alias(format!("_flag{i}")),
        );
    }
    let key = col(YEAR).cast(DataType::Int64) * lit(100_i64) + col(MONTH).cast(DataType::Int64);
    aggs.push(key.clone().min().alias("_first"));
    aggs.push(key.max().alias("_last"));
    aggs
}
