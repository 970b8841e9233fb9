//! `ehelse report`: the quarterly files for cron jobs — status per goal and
//! for all, the long time series, a manifest with provenance, and `report.md`
//! — written into a temporary folder and renamed into place, so a failed run
//! never leaves a half-written report or touches the previous one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};

use super::compute::{CSV_COLUMNS, Run, csv_bytes, evaluate, tidy_rows};
use crate::ExitStatus;
use crate::assessment::{self, Rollup, Status};
use crate::cli::{CsvDialect, Lang, ReportArgs, Selection};
use crate::definitions::{Catalogue, GOALS, Granularity, Readiness, goal_name};
use crate::period::Period;

/// Version of the output schemas in `docs/outputs.md`.
pub(crate) const SCHEMA_VERSION: &str = "1";

/// Columns of the status files.
const STATUS_COLUMNS: [&str; 20] = [
    "goal",
    "indicator",
    "name",
    "level",
    "type",
    "readiness",
    "period",
    "breakdown",
    "group",
    "value",
    "unit",
    "ci_low",
    "ci_high",
    "suppressed",
    "ambition",
    "status",
    "required_now",
    "projected_at_deadline",
    "age_months",
    "stale",
];

/// One greppable log line on stderr: `ehelse report: level=… event=… k=v …`.
fn log(level: &str, event: &str, fields: &[(&str, String)]) {
    let mut line = format!("ehelse report: level={level} event={event}");
    for (k, v) in fields {
        if v.contains(' ') {
            let _ = write!(line, " {k}=\"{v}\"");
        } else {
            let _ = write!(line, " {k}={v}");
        }
    }
    eprintln!("{line}");
}

/// Commentary for `report.md` (YAML), as in the quarterly report (seed 002).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Commentary {
    /// Overall status text.
    #[serde(default)]
    overall: Option<String>,
    /// Per goal (`"1"` … `"5"`, `"O1"` …).
    #[serde(default)]
    goals: BTreeMap<String, GoalCommentary>,
}

/// Commentary for one goal.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct GoalCommentary {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    positive: Vec<String>,
    #[serde(default)]
    challenges: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
}

/// An input file in the manifest.
#[derive(Debug, Serialize)]
struct InputFile {
    source: String,
    path: PathBuf,
    bytes: u64,
    modified: String,
    sha256: String,
    rows_read: u64,
    rows_excluded: u64,
}

/// Runs `report`.
///
/// # Errors
/// Input or definition errors (exit 3 through `report_error`).
pub(super) fn run(args: &ReportArgs) -> Result<ExitStatus> {
    let Some(quarter) =
        Period::parse(&args.quarter).filter(|p| p.granularity == Granularity::Quarter)
    else {
        eprintln!(
            "error: `--quarter {}` is not a quarter like 2026Q2",
            args.quarter
        );
        return Ok(ExitStatus::Usage);
    };
    let label = quarter.label();
    let target = args.out.join(&label);
    if target.exists() && !args.force {
        log("error", "exists", &[("dir", target.display().to_string())]);
        eprintln!(
            "error: a report for {label} already exists in {}; use --force to replace it",
            target.display()
        );
        return Ok(ExitStatus::Usage);
    }
    let commentary = read_commentary(args.commentary.as_deref())?;
    let catalogue = Catalogue::load(&args.paths.indicators)?;
    catalogue.ensure_valid()?;
    let sel = Selection {
        goal: None,
        indicator: Vec::new(),
        all: true,
        period: label.clone(),
        by: vec!["region".to_string(), "county".to_string()],
        suppress_below: args.suppress_below,
        as_of: Some(quarter.last_day()),
        split_policy: crate::cli::SplitPolicyArg::default(),
    };
    let run = evaluate(&catalogue, &args.paths, &sel)?;

    // Failures of ready indicators stop the report; others are warnings.
    let mut warnings: Vec<String> = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        if let Some(e) = &ev.error {
            if ind.readiness == Readiness::Ready {
                log(
                    "error",
                    "indicator-failed",
                    &[("indicator", ind.id().to_string())],
                );
                bail!(
                    "indicator `{}` could not be computed, so no report was written: {e}",
                    ind.id()
                );
            }
            log(
                "warning",
                "optional-indicator-failed",
                &[("indicator", ind.id().to_string())],
            );
            warnings.push(format!("optional indicator {} failed: {e}", ind.id()));
        }
        if ev.stale {
            log(
                "warning",
                "stale",
                &[
                    ("indicator", ind.id().to_string()),
                    (
                        "period",
                        ev.current
                            .as_ref()
                            .map(|f| f.period.clone())
                            .unwrap_or_default(),
                    ),
                    ("age_months", ev.age_months.unwrap_or(0).to_string()),
                ],
            );
            warnings.push(format!("stale data: {}", ind.id()));
        }
    }
    let cut = Some(i64::from(quarter.year) * 12 + i64::from(quarter.last_month()));
    let series = tidy_rows(&run, cut);
    let suppressed = series.iter().filter(|r| r[12] == "true").count();
    if suppressed > 0 {
        log(
            "warning",
            "suppressed-cells",
            &[("count", suppressed.to_string())],
        );
        warnings.push(format!("{suppressed} small cell(s) suppressed"));
    }

    let (sep, comma, bom) = match args.csv_dialect {
        CsvDialect::Standard => (b',', false, false),
        CsvDialect::ExcelNb => (b';', true, true),
    };
    let status = status_rows(&run, args.lang);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let csv = |rows: &[Vec<String>], header: &[&str]| -> Result<Vec<u8>> {
        let mut bytes = if bom {
            vec![0xEF, 0xBB, 0xBF]
        } else {
            Vec::new()
        };
        bytes.extend(csv_bytes(header, rows, sep, comma)?);
        Ok(bytes)
    };
    files.push(("status.csv".into(), csv(&status, &STATUS_COLUMNS)?));
    files.push(("status.json".into(), json_rows(&STATUS_COLUMNS, &status)?));
    for (code, _, _) in GOALS {
        let rows: Vec<Vec<String>> = status.iter().filter(|r| r[0] == code).cloned().collect();
        if rows.is_empty() {
            continue;
        }
        files.push((
            format!("status-goal-{code}.csv"),
            csv(&rows, &STATUS_COLUMNS)?,
        ));
    }
    files.push(("timeseries.csv".into(), csv(&series, &CSV_COLUMNS)?));
    files.push(("timeseries.json".into(), json_rows(&CSV_COLUMNS, &series)?));
    files.push((
        "report.md".into(),
        report_markdown(&catalogue, &run, &label, &commentary, args.lang).into_bytes(),
    ));
    let manifest = manifest(&catalogue, args, &label, &files, suppressed, &warnings)?;
    files.push(("manifest.json".into(), manifest));

    write_report(&args.out, &target, &label, &files)?;
    log(
        "info",
        "written",
        &[
            ("dir", target.display().to_string()),
            ("files", files.len().to_string()),
            ("warnings", warnings.len().to_string()),
        ],
    );
    Ok(if args.strict && !warnings.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn read_commentary(path: Option<&Path>) -> Result<Option<(Commentary, String)>> {
    let Some(p) = path else { return Ok(None) };
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("reading commentary {}", p.display()))?;
    let is_yaml = p.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if is_yaml {
        let c: Commentary = serde_yaml::from_str(&text).map_err(|e| {
            let at = e
                .location()
                .map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
            anyhow!("{}{at}: {e}", p.display())
        })?;
        Ok(Some((c, String::new())))
    } else {
        Ok(Some((Commentary::default(), text)))
    }
}

/// Status rows: national and breakdown groups at each indicator's current period.
fn status_rows(run: &Run<'_>, lang: Lang) -> Vec<Vec<String>> {
    let en = lang == Lang::En;
    let mut rows = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        let a = ev.assessment.as_ref();
        let base = |period: &str, breakdown: &str, group: &str| {
            vec![
                ind.goal.clone(),
                ind.id().to_string(),
                ind.name(en).to_string(),
                ind.level.as_str().to_string(),
                ind.kind.as_str().to_string(),
                ind.readiness.as_str().to_string(),
                period.to_string(),
                breakdown.to_string(),
                group.to_string(),
            ]
        };
        let ambition = super::catalogue::ambition_text(ind, Lang::En);
        let plain = crate::output::plain;
        let mut row = base(
            ev.current.as_ref().map_or("", |f| f.period.as_str()),
            "",
            "",
        );
        row.extend([
            ev.current.as_ref().map_or_else(String::new, |f| {
                f.text.clone().unwrap_or_else(|| plain(f.value))
            }),
            ind.unit.as_str().to_string(),
            plain(ev.current.as_ref().and_then(|f| f.ci_low)),
            plain(ev.current.as_ref().and_then(|f| f.ci_high)),
            "false".into(),
            ambition.clone(),
            a.map_or(Status::InsufficientData.as_str(), |a| a.status.as_str())
                .to_string(),
            plain(a.and_then(|a| a.required_now)),
            plain(
                a.and_then(|a| a.projection.as_ref())
                    .and_then(|p| p.value_at_deadline),
            ),
            ev.age_months.map_or_else(String::new, |m| m.to_string()),
            ev.stale.to_string(),
        ]);
        rows.push(row);
        let (Some(c), Some(cur)) = (&ev.computed, &ev.current) else {
            continue;
        };
        for f in c
            .figures
            .iter()
            .filter(|f| !f.breakdown.is_empty() && f.period == cur.period)
        {
            let regional = ev
                .regional
                .iter()
                .find(|(g, _)| g == &f.group)
                .map(|(_, a)| a);
            let mut row = base(&f.period, &f.breakdown, &f.group);
            row.extend([
                plain(f.value),
                ind.unit.as_str().to_string(),
                plain(f.ci_low),
                plain(f.ci_high),
                f.suppressed.to_string(),
                ambition.clone(),
                regional.map_or_else(String::new, |a| a.status.as_str().to_string()),
                plain(regional.and_then(|a| a.required_now)),
                plain(
                    regional
                        .and_then(|a| a.projection.as_ref())
                        .and_then(|p| p.value_at_deadline),
                ),
                ev.age_months.map_or_else(String::new, |m| m.to_string()),
                ev.stale.to_string(),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// JSON mirror of a CSV: `{"schema_version", "columns", "rows": [{…}]}`.
fn json_rows(columns: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let objects: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let map: serde_json::Map<String, serde_json::Value> = columns
                .iter()
                .zip(r)
                .map(|(c, v)| ((*c).to_string(), serde_json::Value::String(v.clone())))
                .collect();
            serde_json::Value::Object(map)
        })
        .collect();
    let value = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "columns": columns,
        "rows": objects,
    });
    let mut s = serde_json::to_string_pretty(&value)?;
    s.push('\n');
    Ok(s.into_bytes())
}

fn manifest(
    catalogue: &Catalogue,
    args: &ReportArgs,
    label: &str,
    files: &[(String, Vec<u8>)],
    suppressed: usize,
    warnings: &[String],
) -> Result<Vec<u8>> {
    let mut defs: Vec<(String, String)> = catalogue
        .indicators
        .iter()
        .map(|i| (i.path.display().to_string(), i.sha256.clone()))
        .chain(
            catalogue
                .sources
                .iter()
                .map(|s| (s.path.display().to_string(), s.sha256.clone())),
        )
        .collect();
    defs.sort();
    let joined: String = defs.iter().map(|(p, h)| format!("{p} {h}\n")).collect();
    let mut inputs = Vec::new();
    for source in &catalogue.sources {
        let Ok(opened) = crate::sources::open(source, &args.paths.data) else {
            continue;
        };
        let audit = crate::sources::audit(&opened)?;
        for f in audit.files {
            let modified = std::fs::metadata(&f.path)
                .and_then(|m| m.modified())
                .map(rfc3339)
                .unwrap_or_default();
            inputs.push(InputFile {
                source: source.id().to_string(),
                path: f.path,
                bytes: f.bytes,
                modified,
                sha256: f.sha256,
                rows_read: f.rows,
                rows_excluded: f.excluded,
            });
        }
    }
    let outputs: Vec<serde_json::Value> = files
        .iter()
        .map(|(name, bytes)| {
            serde_json::json!({
                "file": name,
                "bytes": bytes.len(),
                "sha256": crate::definitions::sha256_hex(bytes),
            })
        })
        .collect();
    let value = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "tool": format!("ehelse {}", env!("CARGO_PKG_VERSION")),
        "quarter": label,
        "generated_at": rfc3339(std::time::SystemTime::now()),
        "csv_dialect": match args.csv_dialect { CsvDialect::Standard => "standard", CsvDialect::ExcelNb => "excel-nb" },
        "suppress_below": args.suppress_below,
        "suppressed_cells": suppressed,
        "definitions": {
            "folder": catalogue.root,
            "sha256": crate::definitions::sha256_hex(joined.as_bytes()),
            "files": defs.iter().map(|(p, h)| serde_json::json!({"path": p, "sha256": h})).collect::<Vec<_>>(),
        },
        "inputs": inputs,
        "outputs": outputs,
        "warnings": warnings,
    });
    let mut s = serde_json::to_string_pretty(&value)?;
    s.push('\n');
    Ok(s.into_bytes())
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a system time.
fn rfc3339(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let date = crate::period::date_of_days(i64::try_from(days).unwrap_or(0));
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

fn report_markdown(
    catalogue: &Catalogue,
    run: &Run<'_>,
    label: &str,
    commentary: &Option<(Commentary, String)>,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let code = if en { "en" } else { "nb" };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {} {label}\n",
        if en {
            "Status report, Nasjonal e-helsestrategi"
        } else {
            "Statusrapport, Nasjonal e-helsestrategi"
        }
    );
    if let Some((c, text)) = commentary {
        if let Some(o) = &c.overall {
            let _ = writeln!(
                s,
                "{}\n\n{o}\n",
                if en {
                    "## Overall status"
                } else {
                    "## Overordnet status"
                }
            );
        }
        if !text.trim().is_empty() {
            let _ = writeln!(s, "{}\n", text.trim());
        }
    }
    for (goal, _, _) in GOALS {
        let inds = catalogue.of_goal(goal);
        if inds.is_empty() {
            continue;
        }
        let statuses: Vec<Status> = inds
            .iter()
            .filter_map(|i| run.results.get(i.id()))
            .map(super::compute::Evaluated::status)
            .collect();
        let rolled = assessment::rollup(&statuses, Rollup::MeanScore);
        let _ = writeln!(
            s,
            "## {} {goal}: {}\n\nStatus: **{}**\n",
            if en { "Goal" } else { "Mål" },
            goal_name(goal, en).unwrap_or(""),
            rolled.label(code)
        );
        if let Some((c, _)) = commentary
            && let Some(g) = c.goals.get(goal)
        {
            if let Some(st) = &g.status {
                let _ = writeln!(s, "{st}\n");
            }
            for (title_nb, title_en, items) in [
                ("Positive hendelser", "Positive events", &g.positive),
                ("Utfordringer", "Challenges", &g.challenges),
                ("Strategiske spørsmål", "Strategic questions", &g.questions),
            ] {
                if items.is_empty() {
                    continue;
                }
                let _ = writeln!(s, "### {}\n", if en { title_en } else { title_nb });
                for i in items {
                    let _ = writeln!(s, "- {i}");
                }
                s.push('\n');
            }
        }
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            if en { "Indicator" } else { "Indikator" },
            if en { "Period" } else { "Periode" },
            if en { "Value" } else { "Verdi" },
            if en { "Ambition" } else { "Ambisjon" },
            if en { "Progress" } else { "Framdrift" },
        );
        for ind in inds {
            let Some(ev) = run.results.get(ind.id()) else {
                continue;
            };
            let value = match &ev.current {
                None => "–".to_string(),
                Some(f) => f
                    .text
                    .clone()
                    .unwrap_or_else(|| crate::output::number(f.value, ind.unit.as_str(), lang)),
            };
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                ind.name(en).replace('|', "\\|"),
                ev.current.as_ref().map_or("–", |f| f.period.as_str()),
                value,
                super::catalogue::ambition_text_opt(ind, lang, true),
                ev.status().label(code)
            );
        }
        s.push('\n');
    }
    s
}

/// Writes the files into a temporary folder next to the target and renames
/// it into place; an existing report (allowed by `--force`) is swapped out
/// and removed only after the new one is in place.
fn write_report(out: &Path, target: &Path, label: &str, files: &[(String, Vec<u8>)]) -> Result<()> {
    write_folder(out, target, label, files, |name| {
        log("info", "staged", &[("file", name.to_string())]);
    })
}

/// Writes `files` (flat names) into a temporary folder in `parent` and
/// renames it to `target`; an existing `target` is moved aside first and
/// removed only after the new folder is in place (put back if the rename
/// fails). `label` names the temporary folders; `staged` is called per file.
pub(super) fn write_folder(
    parent: &Path,
    target: &Path,
    label: &str,
    files: &[(String, Vec<u8>)],
    staged: impl Fn(&str),
) -> Result<()> {
    let out = parent;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{label}.tmp-"))
        .tempdir_in(out)
        .with_context(|| format!("creating a temporary folder in {}", out.display()))?;
    for (name, bytes) in files {
        let path = staging.path().join(name);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        staged(name);
    }
    let old = if target.exists() {
        let old = out.join(format!(".{label}.old-{}", std::process::id()));
        std::fs::rename(target, &old)
            .with_context(|| format!("moving the previous {} aside", target.display()))?;
        Some(old)
    } else {
        None
    };
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, target) {
        // Put the previous folder back.
        if let Some(old) = &old {
            let _ = std::fs::rename(old, target);
        }
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e).with_context(|| format!("moving the new files into {}", target.display()));
    }
    if let Some(old) = old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}
