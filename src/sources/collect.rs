//! Running plans: the engine (streaming unless `EHELSE_ENGINE=in-memory`)
//! and `EHELSE_EXPLAIN` plan dumps.

use polars::prelude::*;

/// The engine plans run on: streaming, unless `EHELSE_ENGINE=in-memory`
/// (for benchmarks comparing the engines).
fn engine() -> Engine {
    match std::env::var("EHELSE_ENGINE").as_deref() {
        Ok("in-memory") => Engine::InMemory,
        _ => Engine::Streaming,
    }
}

/// Collects several plans as one, with the streaming engine: a scan that
/// several of them share (the same file with the same dialect) runs once.
///
/// # Errors
/// Whatever polars reports for any of the plans.
pub(crate) fn collect_all(plans: Vec<LazyFrame>) -> PolarsResult<Vec<DataFrame>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    let opt_state = plans[0].get_current_optimizations();
    let dsl: Vec<DslPlan> = plans.into_iter().map(|lf| lf.logical_plan).collect();
    if std::env::var_os("EHELSE_EXPLAIN").is_some() {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("{}\n", LazyFrame::explain_all(dsl.clone(), opt_state)?).as_bytes(),
        );
    }
    LazyFrame::collect_all_with_engine(dsl, engine(), opt_state)
}
