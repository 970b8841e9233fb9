//! SQL expressions in definitions (`filter`, `condition`): parsed with
//! polars' parser, and every column they name checked against the source.

use super::Ctx;
use crate::definitions::model::Source;

/// Parses a SQL expression with polars' parser and checks its columns.
pub(super) fn check(ctx: &mut Ctx<'_>, field: &str, sql: &str, source: Option<&Source>) {
    match polars::sql::sql_expr(sql) {
        Err(e) => {
            let msg = e.to_string();
            let first = msg.lines().next().unwrap_or(&msg).to_string();
            ctx.error(
                "bad-sql",
                field,
                format!("SQL expression does not parse: {first}"),
            )
            .help = Some("filters use SQL: col = 'text' AND n >= 1, col IN ('a', 'b')".into());
        }
        Ok(expr) => {
            let Some(src) = source else { return };
            for name in expr.meta().root_names() {
                if src.column(name.as_str()).is_none() {
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
        }
    }
}
