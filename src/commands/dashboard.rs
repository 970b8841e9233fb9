//! `ehelse dashboard`: computes every indicator (like `report`) and writes a
//! static HTML site — overview, a page per goal, a page per indicator with
//! its chart — into a temporary folder next to `--out`, then renames it into
//! place, so a failed run never leaves a half-written site.

use super::evaluate::{self, Evaluated, Options, Pick, SUPPRESS_BELOW};
use crate::cli::{DashboardArgs, Lang};
use crate::definitions::{Catalogue, Indicator};
use crate::error::{Error, ExitStatus, Result};
use crate::output::dashboard::{Entry, Site, render};
use crate::output::{self, text};
use crate::period::Period;

/// Runs `dashboard`.
pub(super) fn run(args: &DashboardArgs) -> Result<ExitStatus> {
    let started = std::time::Instant::now();
    let quarter = args.quarter.period();
    let Some(name) = args
        .out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return Err(Error::Usage(format!(
            "`--out {}` must name a folder (not `.`, `..` or `/`)",
            args.out.display()
        )));
    };
    if let Some(problem) = not_replaceable(&args.out) {
        return Err(Error::Usage(format!(
            "`--out {}` {problem}; give an empty or new folder, or one an earlier `ehelse dashboard` wrote",
            args.out.display()
        )));
    }
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let opts = Options {
        by: breakdowns(&catalogue),
        // A quarter is judged as of its last day, as `report` does; the
        // latest figures as of today.
        as_of: quarter.map(Period::last_day),
        ..Options::new(Pick::All, quarter)
    };
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    let entries = run
        .selected
        .iter()
        .filter_map(|ind| {
            let ev = run.results.get(ind.id())?;
            Some(entry(ind, ev, run.cut, args.lang))
        })
        .collect();
    let site = Site {
        catalogue: &catalogue,
        lang: args.lang,
        quarter: quarter.map(Period::label),
        suppress_below: SUPPRESS_BELOW,
        entries,
    };
    let stage = output::stage("render");
    let files = render(&site)?;
    drop(stage);
    let stage = output::stage("write");
    let parent = args
        .out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| std::path::Path::new("."));
    output::atomic::write_folder(parent, &args.out, &name, &files, |_| {})?;
    drop(stage);
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    output::info(&format!(
        "ehelse dashboard: wrote {} files ({} KiB) to {} in {:.1} s; open {}\n",
        files.len(),
        bytes.div_ceil(1024),
        args.out.display(),
        started.elapsed().as_secs_f64(),
        args.out.join("index.html").display()
    ));
    Ok(if text::note_failures(&run) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Every breakdown some indicator declares, except municipalities (too many
/// groups for a page); the engine computes each only where it is declared.
fn breakdowns(catalogue: &Catalogue) -> Vec<String> {
    let mut by: Vec<String> = Vec::new();
    for ind in &catalogue.indicators {
        for b in &ind.breakdowns {
            if b != "municipality" && !by.contains(b) {
                by.push(b.clone());
            }
        }
    }
    by
}

/// Why an existing `--out` must not be replaced, if it must not: only a
/// folder that is empty or holds an earlier dashboard is swapped out.
fn not_replaceable(out: &std::path::Path) -> Option<String> {
    let meta = std::fs::symlink_metadata(out).ok()?;
    if !meta.is_dir() {
        return Some("exists and is not a folder".to_string());
    }
    let mut entries = match std::fs::read_dir(out) {
        Ok(e) => e,
        Err(e) => return Some(format!("cannot be read ({e})")),
    };
    // An empty folder can be replaced.
    let _first = entries.next()?;
    let index = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
    if index.contains("<meta name=\"generator\" content=\"ehelse ") {
        None
    } else {
        Some("is a folder that does not hold an ehelse dashboard".to_string())
    }
}

/// The dashboard's view of one evaluated indicator: figures up to the cut.
fn entry<'a>(ind: &'a Indicator, ev: &'a Evaluated, cut: Option<i64>, lang: Lang) -> Entry<'a> {
    let figures = ev.figures_within(cut);
    Entry {
        indicator: ind,
        figures,
        files: ev.computed.as_ref().map_or(&[], |c| c.files.as_slice()),
        definition: ev.computed.as_ref().map(|c| c.definition.as_str()),
        notes: ev.computed.as_ref().map_or(&[], |c| c.notes.as_slice()),
        data_notes: text::quality_notes(ev, lang),
        error: ev.error.as_deref(),
        assessment: ev.assessment.as_ref(),
        regional: &ev.regional,
        current: ev.current.as_ref(),
        previous: ev.previous.as_ref(),
        stale: ev.stale,
        components: &ev.components,
        ambition: text::ambition_text_opt(ind, lang, true),
        freshness: text::data_note(ind, ev, lang),
        status: ev.status(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_empty_or_dashboard_folders_are_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("site");
        assert!(not_replaceable(&out).is_none(), "a new folder is fine");
        std::fs::create_dir(&out).expect("mkdir");
        assert!(not_replaceable(&out).is_none(), "an empty folder is fine");
        std::fs::write(out.join("notes.txt"), "mine").expect("write");
        assert!(not_replaceable(&out).is_some(), "someone else's folder");
        std::fs::write(
            out.join("index.html"),
            "<meta name=\"generator\" content=\"ehelse 0.1.0\">",
        )
        .expect("write");
        assert!(not_replaceable(&out).is_none(), "an earlier dashboard");
        let file = dir.path().join("file");
        std::fs::write(&file, "x").expect("write");
        assert!(not_replaceable(&file).is_some());
    }
}
