//! Checks of the seeds' items (`structure/seed-items.yaml`): every item says
//! what covers it (`covered-by`: defined indicators or goals) or why nothing
//! does (`not-covered`), never both, never neither. An indicator from the
//! seeds that no item names and that links no result goal is worth a look.

use std::collections::BTreeSet;

use super::indicator::check_goal;
use super::{Ctx, FileText};
use crate::definitions::Indicator;
use crate::definitions::seed_items::{
    Coverage, FILE_STEM, RawCoveredBy, RawSeedItem, RawSeedItems, SeedItem,
};
use crate::diagnostic::Diagnostic;

/// Whether `file` is the seeds' items (`structure/seed-items.yaml`).
pub(super) fn is_seed_items(file: &FileText) -> bool {
    file.is_structure && file.path.file_stem().is_some_and(|s| s == FILE_STEM)
}

/// The items of one file that check clean; the others are reported.
pub(super) fn check(
    file: &FileText,
    raw: RawSeedItems,
    indicator_ids: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) -> Vec<SeedItem> {
    let mut ctx = Ctx::new(file, out);
    raw.items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| check_item(&mut ctx, i, item, indicator_ids))
        .collect()
}

/// Item `i` (0-based): its coverage in typed form, or `None` after
/// reporting why not.
fn check_item(
    ctx: &mut Ctx<'_>,
    i: usize,
    raw: RawSeedItem,
    indicator_ids: &BTreeSet<String>,
) -> Option<SeedItem> {
    let at = format!("items[{i}]");
    let coverage = match (raw.covered_by, raw.not_covered) {
        (Some(_), Some(_)) => {
            ctx.error(
                "bad-coverage",
                &format!("{at}.not-covered"),
                "an item has either `covered-by` or `not-covered`, not both".into(),
            );
            None
        }
        (None, None) => {
            ctx.error(
                "bad-coverage",
                &format!("{at}.covered-by"),
                format!(
                    "item {} (seed {}) has neither `covered-by` nor `not-covered`",
                    i + 1,
                    raw.seed
                ),
            )
            .help = Some(
                "name what covers it (`covered-by: { indicators: [id] }` or `{ goals: [code] }`) \
                 or say why nothing does (`not-covered: \"why\"`)"
                    .into(),
            );
            None
        }
        (Some(by), None) => covered_by(ctx, &format!("{at}.covered-by"), by, indicator_ids),
        (None, Some(why)) => not_covered(ctx, &format!("{at}.not-covered"), why, raw.partial),
    }?;
    Some(SeedItem {
        seed: raw.seed,
        section: raw.section,
        item: raw.item,
        coverage,
        partial: raw.partial,
        note: raw.note.filter(|n| !n.trim().is_empty()),
    })
}

/// `covered-by`: indicator ids that are defined, or goals of the strategy.
fn covered_by(
    ctx: &mut Ctx<'_>,
    at: &str,
    by: RawCoveredBy,
    indicator_ids: &BTreeSet<String>,
) -> Option<Coverage> {
    match (by.indicators.is_empty(), by.goals.is_empty()) {
        (false, true) => {
            let before = ctx.out.len();
            for (j, id) in by.indicators.iter().enumerate() {
                if !indicator_ids.contains(id) {
                    ctx.error(
                        "unknown-indicator",
                        &format!("{at}.indicators[{j}]"),
                        format!("`{id}` is not a defined indicator"),
                    )
                    .suggest(id, indicator_ids.iter().map(String::as_str));
                }
            }
            (!ctx.errors_since(before)).then_some(Coverage::Indicators(by.indicators))
        }
        (true, false) => {
            let goals: Vec<Option<String>> = by
                .goals
                .iter()
                .enumerate()
                .map(|(j, g)| check_goal(ctx, &format!("{at}.goals[{j}]"), g))
                .collect();
            goals
                .into_iter()
                .collect::<Option<_>>()
                .map(Coverage::Goals)
        }
        _ => {
            ctx.error(
                "bad-coverage",
                at,
                "`covered-by` lists either `indicators` or `goals`, and not an empty list".into(),
            );
            None
        }
    }
}

/// `not-covered`: a reason, and not on an item marked `partial`.
fn not_covered(ctx: &mut Ctx<'_>, at: &str, why: String, partial: bool) -> Option<Coverage> {
    if why.trim().is_empty() {
        ctx.error(
            "bad-coverage",
            at,
            "`not-covered` needs the reason nothing covers the item".into(),
        );
        return None;
    }
    if partial {
        ctx.error(
            "bad-coverage",
            at,
            "an item that is not covered cannot be `partial`".into(),
        );
        return None;
    }
    Some(Coverage::NotCovered(why))
}

/// Indicators from the seeds (not `origin: example`) that no item names
/// and that link no result goal (`unnamed-indicator`).
pub(super) fn unnamed_indicators(
    indicators: &[Indicator],
    items: &[SeedItem],
    out: &mut Vec<Diagnostic>,
) {
    let named: BTreeSet<&str> = items
        .iter()
        .flat_map(SeedItem::indicators)
        .map(String::as_str)
        .collect();
    for ind in indicators {
        if ind.example || !ind.result_goals.is_empty() || named.contains(ind.id()) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "unnamed-indicator",
                crate::definitions::field_location(&ind.path, "id"),
                "id",
                format!(
                    "no item of structure/{FILE_STEM}.yaml names `{}`, and it links no result goal",
                    ind.id()
                ),
            )
            .with_help(
                "add the seed item it comes from to structure/seed-items.yaml, \
                 or mark it `origin: example`",
            ),
        );
    }
}
