//! Command-line arguments: clap derive types and the value parsers that
//! check a period, quarter, goal and date once, so every usage error exits 2
//! with clap's message. No I/O.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::period::{Granularity, Period};

/// Computes the indicators of Nasjonal e-helsestrategi (2023–2030) and reports status per goal.
#[derive(Debug, Parser)]
#[command(name = "ehelse", version, about, long_about = None)]
// The global `--quiet`/`--verbose` would make clap's usage line
// `ehelse [OPTIONS] <COMMAND>`; the line stays as it was.
#[command(override_usage = "ehelse <COMMAND>")]
pub(crate) struct Cli {
    /// Only errors, and warnings that decide the exit code, on stderr (for cron).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Also a line per stage with its wall time on stderr.
    #[arg(short, long, global = true)]
    pub(crate) verbose: bool,
    /// The command to run.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Where definitions and data live.
#[derive(Debug, Clone, Args)]
pub(crate) struct Paths {
    /// Folder with indicator definitions (sources in `sources/` below it).
    #[arg(long, default_value = "indicators")]
    pub(crate) indicators: PathBuf,
    /// Folder with the data extracts the source definitions point into.
    #[arg(long, default_value = "sample-data")]
    pub(crate) data: PathBuf,
}

pub(crate) use crate::lang::Lang;

/// Output format of `compute`, `inequality`, `sources`, `status` and `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum Format {
    /// A table for the terminal.
    #[default]
    Table,
    /// Tidy CSV: one row per indicator × period × breakdown.
    Csv,
    /// JSON mirroring the CSV.
    Json,
}

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum DiagFormat {
    /// `file:line:col` lines for people.
    #[default]
    Human,
    /// A JSON array of findings.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check definitions (and, with `--data`, the data) strictly.
    Validate(ValidateArgs),
    /// List the catalogue.
    List(ListArgs),
    /// Show one definition in readable form.
    Show(ShowArgs),
    /// List each declared source with its files, rows, periods, symbols and problems.
    Sources(SourcesArgs),
    /// Compute indicators and show status per goal.
    Compute(ComputeArgs),
    /// Show every step of one indicator's assessment.
    Explain(ExplainArgs),
    /// One line per goal: roll-up status and indicators per status.
    Status(StatusArgs),
    /// Inequality: the spread between regions, counties and survey groups,
    /// and the population in municipalities that do not meet the condition.
    Inequality(InequalityArgs),
    /// Generate `docs/catalogue.md` from the definitions.
    Docs(DocsArgs),
    /// Write the quarterly report files (status per goal, time series, manifest).
    Report(ReportArgs),
    /// Write a static HTML dashboard (overview, a page per goal and per indicator, SVG charts).
    Dashboard(DashboardArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell) to stdout.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to stdout; see `docs/man/ehelse.1`.
    Man,
}

/// `completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

/// `validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub(crate) indicators: PathBuf,
    /// Also check the data in this folder against the source definitions.
    #[arg(long)]
    pub(crate) data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: DiagFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub(crate) deny_warnings: bool,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
}

/// `list`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub(crate) indicators: PathBuf,
    /// Only this goal (`1`–`5`, `O1`–`O3`).
    #[arg(long, value_parser = parse_goal)]
    pub(crate) goal: Option<String>,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
    /// Output format: a table, or CSV/JSON with English codes and labels
    /// in the chosen language.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
}

/// `show`.
#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// Indicator or source id.
    pub(crate) id: String,
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub(crate) indicators: PathBuf,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
}

/// `sources`.
#[derive(Debug, Args)]
pub(crate) struct SourcesArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// Only this source id.
    #[arg(long)]
    pub(crate) source: Option<String>,
    /// Output format (table or json).
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
}

/// Which indicators and how to compute them.
#[derive(Debug, Clone, Args)]
pub(crate) struct Selection {
    /// Only this goal (`1`–`5`, `O1`–`O3`).
    #[arg(long, conflicts_with_all = ["indicator", "all"], value_parser = parse_goal)]
    pub(crate) goal: Option<String>,
    /// Only this indicator id (repeatable).
    #[arg(long)]
    pub(crate) indicator: Vec<String>,
    /// All indicators.
    #[arg(long)]
    pub(crate) all: bool,
    /// Period to report: `latest`, a year (`2025`), a quarter (`2026Q2`) or a month (`2026-06`).
    #[arg(long, default_value = "latest", value_parser = parse_period)]
    pub(crate) period: Upto,
    /// Also compute this breakdown (e.g. `region`, `county`, or a declared column).
    #[arg(long = "by")]
    pub(crate) by: Vec<String>,
    /// Counts below this are suppressed in breakdowns.
    #[arg(long, default_value_t = 5)]
    pub(crate) suppress_below: u64,
    /// Date freshness is judged against (default: today).
    #[arg(long, value_parser = parse_date)]
    pub(crate) as_of: Option<Period>,
    /// Municipalities split before the latest structure (1507 Ålesund in
    /// 2024): keep them apart, flagged, or map them to the larger part.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) split_policy: SplitPolicyArg,
}

/// How a split municipality is mapped onto the latest structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum SplitPolicyArg {
    /// Keep the old code as its own group, flagged `(delt 2024)`.
    #[default]
    Flag,
    /// Map it to the part with the larger population (documented per split).
    Largest,
}

impl From<SplitPolicyArg> for crate::geography::SplitPolicy {
    fn from(p: SplitPolicyArg) -> Self {
        match p {
            SplitPolicyArg::Flag => Self::Flag,
            SplitPolicyArg::Largest => Self::Largest,
        }
    }
}

/// `compute`.
#[derive(Debug, Args)]
pub(crate) struct ComputeArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// Which indicators.
    #[command(flatten)]
    pub(crate) selection: Selection,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
    /// Write to this file instead of stdout (atomically).
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Any excluded row, unreadable cell or unmatched key fails its
    /// indicator (exit 1), not only unreadable keys past the source's
    /// threshold.
    #[arg(long)]
    pub(crate) strict: bool,
}

/// `inequality`.
#[derive(Debug, Args)]
pub(crate) struct InequalityArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// Which indicators (`--by` limits the breakdowns compared; default:
    /// region, county and the respondent groups each indicator declares).
    #[command(flatten)]
    pub(crate) selection: Selection,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
    /// Write to this file instead of stdout (atomically).
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
}

/// `explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// Indicator id.
    pub(crate) id: String,
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// Period to explain (default: latest).
    #[arg(long, default_value = "latest", value_parser = parse_period)]
    pub(crate) period: Upto,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
}

/// `status`.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// Period to report.
    #[arg(long, default_value = "latest", value_parser = parse_period)]
    pub(crate) period: Upto,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
    /// Output format: a table, or CSV/JSON with English codes and labels
    /// in the chosen language.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
}

/// `docs`.
#[derive(Debug, Args)]
pub(crate) struct DocsArgs {
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub(crate) indicators: PathBuf,
    /// Output file.
    #[arg(long, default_value = "docs/catalogue.md")]
    pub(crate) output: PathBuf,
    /// Do not write; exit 1 when the file is out of date.
    #[arg(long)]
    pub(crate) check: bool,
}

/// CSV dialect of report files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum CsvDialect {
    /// `,` separator, decimal point.
    #[default]
    Standard,
    /// `;` separator, decimal comma (Norwegian Excel).
    ExcelNb,
}

/// `report`.
#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// The quarter, e.g. `2026Q2`.
    #[arg(long, value_parser = parse_quarter)]
    pub(crate) quarter: Period,
    /// Target folder; the report goes to `DIR/<quarter>/`.
    #[arg(long)]
    pub(crate) out: PathBuf,
    /// Replace an existing report for the same quarter.
    #[arg(long)]
    pub(crate) force: bool,
    /// Exit 1 on stale data or a failed optional indicator (the same as
    /// `--fail-on stale,failed`).
    #[arg(long)]
    pub(crate) strict: bool,
    /// Exit 1 when any of these happened (comma-separated): `stale` data,
    /// `failed` optional indicators, rows `excluded` from a source, small
    /// cells `suppressed`. Adds to what `--strict` fails on.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub(crate) fail_on: Vec<FailOn>,
    /// CSV dialect.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) csv_dialect: CsvDialect,
    /// Commentary file (YAML) to merge into `report.md`.
    #[arg(long)]
    pub(crate) commentary: Option<PathBuf>,
    /// Counts below this are suppressed in breakdowns.
    #[arg(long, default_value_t = 5)]
    pub(crate) suppress_below: u64,
    /// Language of the words the tool writes (nb or en; also `EHELSE_LANG`).
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
}

/// What can turn a finished report's exit code from 0 into 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub(crate) enum FailOn {
    /// An indicator's latest figure is older than its frequency allows.
    Stale,
    /// An optional (not ready) indicator could not be computed.
    Failed,
    /// A source had rows that were excluded (e.g. invalid organisation numbers).
    Excluded,
    /// Small cells were suppressed (routine; information, not a warning).
    Suppressed,
}

impl FailOn {
    /// What `--strict` fails on.
    pub(crate) const STRICT: [FailOn; 2] = [FailOn::Stale, FailOn::Failed];
}

/// `dashboard`.
#[derive(Debug, Args)]
pub(crate) struct DashboardArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub(crate) paths: Paths,
    /// Output folder.
    #[arg(long)]
    pub(crate) out: PathBuf,
    /// Quarter to show (default: latest).
    #[arg(long, default_value = "latest", value_parser = parse_latest_quarter)]
    pub(crate) quarter: Upto,
    /// Language.
    #[arg(long, value_enum, default_value_t, env = "EHELSE_LANG")]
    pub(crate) lang: Lang,
}

/// `--period` and `--quarter` of `dashboard`: `latest`, or the last period
/// to report (figures ending after it are left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Upto {
    /// The latest figures.
    Latest,
    /// Up to and including this period.
    Period(Period),
}

impl Upto {
    /// The period, unless `latest`.
    pub(crate) fn period(self) -> Option<Period> {
        match self {
            Self::Latest => None,
            Self::Period(p) => Some(p),
        }
    }
}

/// `latest`, a year (`2025`), a quarter (`2026Q2`) or a month (`2026-06`).
fn parse_period(s: &str) -> Result<Upto, String> {
    if s == "latest" {
        return Ok(Upto::Latest);
    }
    Period::parse(s).map(Upto::Period).ok_or_else(|| {
        "not `latest`, a year (2025), a quarter (2026Q2) or a month (2026-06)".to_string()
    })
}

/// A quarter like `2026Q2`.
fn parse_quarter(s: &str) -> Result<Period, String> {
    Period::parse(s)
        .filter(|p| p.granularity == Granularity::Quarter)
        .ok_or_else(|| "not a quarter like 2026Q2".to_string())
}

/// `latest` or a quarter like `2026Q2`.
fn parse_latest_quarter(s: &str) -> Result<Upto, String> {
    if s == "latest" {
        return Ok(Upto::Latest);
    }
    parse_quarter(s)
        .map(Upto::Period)
        .map_err(|_| "is not `latest` or a quarter like 2026Q2".to_string())
}

/// A goal `1`–`5` or `O1`–`O3` (any case), as the catalogue spells it.
fn parse_goal(s: &str) -> Result<String, String> {
    crate::definitions::normalise_goal(s)
        .ok_or_else(|| "not a goal (use 1–5, O1–O3 or unassigned)".to_string())
}

/// A date `YYYY-MM-DD`.
fn parse_date(s: &str) -> Result<Period, String> {
    Period::parse(s)
        .filter(|p| p.granularity == Granularity::Day)
        .ok_or_else(|| "not a date YYYY-MM-DD".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_parsers_accept_what_the_help_says() {
        assert_eq!(parse_period("latest"), Ok(Upto::Latest));
        assert!(parse_period("2025").is_ok());
        assert!(parse_period("2026Q2").is_ok());
        assert!(parse_period("2026-06").is_ok());
        assert!(parse_period("2026Q5").is_err());
        assert!(parse_quarter("2026Q2").is_ok());
        assert!(parse_quarter("2026").is_err());
        assert_eq!(parse_latest_quarter("latest"), Ok(Upto::Latest));
        assert!(parse_latest_quarter("2026-06").is_err());
        assert_eq!(parse_goal("o2"), Ok("O2".to_string()));
        assert!(parse_goal("9").is_err());
        assert!(parse_date("2026-03-31").is_ok());
        assert!(parse_date("2026-03").is_err());
    }
}
