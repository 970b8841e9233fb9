//! SQL expressions in definitions (`filter`, `condition`): parsed with
//! polars' parser, every column they name checked against the source, and
//! the expression evaluated on an empty frame of the declared column types,
//! so that a filter that is not a condition (`filter: 1`, `filter: n`) or
//! compares a text column with a number (`teknologi = 3`) is an error here
//! rather than a failure in the middle of a computation.

use polars::prelude::*;

use super::Ctx;
use crate::definitions::ColumnType;
use crate::definitions::model::Source;

/// Parses a SQL expression with polars' parser and checks its columns.
pub(super) fn check(ctx: &mut Ctx<'_>, field: &str, sql: &str, source: Option<&Source>) {
    match polars::sql::sql_expr(sql) {
        Err(e) => {
            ctx.error("bad-sql", field, in_words(sql, &e.to_string()))
                .help = Some("filters use SQL: col = 'text' AND n >= 1, col IN ('a', 'b')".into());
        }
        Ok(expr) => {
            let Some(src) = source else { return };
            let mut all_declared = true;
            for name in expr.clone().meta().root_names() {
                if src.column(name.as_str()).is_none() {
                    all_declared = false;
                    ctx.error(
                        "unknown-column",
                        field,
                        format!(
                            "column `{name}` in the expression is not declared by source `{}`",
                            src.id()
                        ),
                    )
                    .suggest(name.as_str(), src.column_names().iter().map(String::as_str));
                }
            }
            if all_declared {
                type_check(ctx, field, &expr, src);
            }
        }
    }
}

/// The parser's complaint in words: a query inside the expression is
/// named as such, and a message that dumps the parser's syntax tree is
/// replaced by a plain one.
fn in_words(sql: &str, msg: &str) -> String {
    if has_word(sql, "select") {
        return "the expression holds a query (`SELECT …`): a filter or condition is a test \
                on one row, such as `col = 'text'` or `col IN ('a', 'b')`, and cannot look \
                at other rows or tables"
            .to_string();
    }
    let first = msg.lines().next().unwrap_or(msg);
    if first.len() > 200 || first.contains(" { ") {
        return "SQL expression uses a construction definitions do not support; use \
                comparisons, AND/OR/NOT, IN (…), BETWEEN, LIKE and IS NULL"
            .to_string();
    }
    format!("SQL expression does not parse: {first}")
}

/// Whether `word` occurs in `sql` as a whole word outside quotes (any case).
fn has_word(sql: &str, word: &str) -> bool {
    let mut unquoted = String::with_capacity(sql.len());
    let mut quote = None;
    for c in sql.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\u{27}' || c == '\u{22}' => quote = Some(c),
            None => unquoted.push(c.to_ascii_lowercase()),
        }
    }
    unquoted
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == word)
}

/// The type a column has once read (see `sources::typed`).
fn dtype(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Text | ColumnType::Municipality | ColumnType::County => DataType::String,
        ColumnType::Integer | ColumnType::Orgnr => DataType::Int64,
        ColumnType::Decimal => DataType::Float64,
        ColumnType::Date => DataType::Date,
    }
}

/// Evaluates the expression as a filter on an empty frame with the
/// declared types of the columns it names; a failure is an error in words.
fn type_check(ctx: &mut Ctx<'_>, field: &str, expr: &Expr, src: &Source) {
    let columns: Vec<Column> = expr
        .clone()
        .meta()
        .root_names()
        .iter()
        .filter_map(|n| src.column(n.as_str()))
        .map(|c| Column::new_empty(c.name.as_str().into(), &dtype(c.ty)))
        .collect();
    let Ok(frame) = DataFrame::new(0, columns) else {
        return;
    };
    let Err(e) = frame.lazy().filter(expr.clone()).collect() else {
        return;
    };
    let msg = e.to_string();
    let first = msg.lines().next().unwrap_or(&msg).to_string();
    let (text, help) = if first.contains("must be of type `Boolean`") {
        (
            "the expression is not a condition: it gives a value, not true or false".to_string(),
            "write a comparison, e.g. `status = 'signert'` or `aktive_brukere >= 1`",
        )
    } else if first.contains("cannot compare string with numeric") {
        (
            "the expression compares a text column with a number".to_string(),
            "quote the value (`teknologi = '3'`) or compare a column declared as integer or decimal",
        )
    } else {
        (
            format!("the expression cannot be evaluated on the declared column types: {first}"),
            "check the columns' `type` in the source definition against the values compared",
        )
    };
    ctx.error("bad-sql-type", field, text).help = Some(help.into());
}
