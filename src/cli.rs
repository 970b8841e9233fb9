//! Command-line arguments (clap derive types only; no I/O).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Computes the indicators of Nasjonal e-helsestrategi (2023–2030) and reports status per goal.
#[derive(Debug, Parser)]
#[command(name = "ehelse", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Where definitions and data live.
#[derive(Debug, Clone, Args)]
pub struct Paths {
    /// Folder with indicator definitions (sources in `sources/` below it).
    #[arg(long, default_value = "indicators")]
    pub indicators: PathBuf,
    /// Folder with the data extracts the source definitions point into.
    #[arg(long, default_value = "sample-data")]
    pub data: PathBuf,
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

/// Output format of `compute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
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
pub enum DiagFormat {
    /// `file:line:col` lines for people.
    #[default]
    Human,
    /// A JSON array of findings.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Generate `docs/catalogue.md` from the definitions.
    Docs(DocsArgs),
    /// Write the quarterly report files (status per goal, time series, manifest).
    Report(ReportArgs),
    /// Write a static HTML dashboard (overview, a page per goal and per indicator, SVG charts).
    Dashboard(DashboardArgs),
}

/// `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub indicators: PathBuf,
    /// Also check the data in this folder against the source definitions.
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiagFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub indicators: PathBuf,
    /// Only this goal (`1`–`5`, `O1`–`O3`).
    #[arg(long)]
    pub goal: Option<String>,
    /// Language of names.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Indicator or source id.
    pub id: String,
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub indicators: PathBuf,
    /// Language of names.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// `sources`.
#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub paths: Paths,
    /// Only this source id.
    #[arg(long)]
    pub source: Option<String>,
    /// Output format (table or json).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Which indicators and how to compute them.
#[derive(Debug, Clone, Args)]
pub struct Selection {
    /// Only this goal (`1`–`5`, `O1`–`O3`).
    #[arg(long, conflicts_with_all = ["indicator", "all"])]
    pub goal: Option<String>,
    /// Only this indicator id (repeatable).
    #[arg(long)]
    pub indicator: Vec<String>,
    /// All indicators.
    #[arg(long)]
    pub all: bool,
    /// Period to report: `latest`, a year (`2025`), a quarter (`2026Q2`) or a month (`2026-06`).
    #[arg(long, default_value = "latest")]
    pub period: String,
    /// Also compute this breakdown (e.g. `region`, `county`, or a declared column).
    #[arg(long = "by")]
    pub by: Vec<String>,
    /// Counts below this are suppressed in breakdowns.
    #[arg(long, default_value_t = 5)]
    pub suppress_below: u64,
    /// Date freshness is judged against (default: today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Municipalities split before the latest structure (1507 Ålesund in
    /// 2024): keep them apart, flagged, or map them to the larger part.
    #[arg(long, value_enum, default_value_t)]
    pub split_policy: SplitPolicyArg,
}

/// How a split municipality is mapped onto the latest structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum SplitPolicyArg {
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
pub struct ComputeArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub paths: Paths,
    /// Which indicators.
    #[command(flatten)]
    pub selection: Selection,
    /// Language of names.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Write to this file instead of stdout (atomically).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Indicator id.
    pub id: String,
    /// Where definitions and data live.
    #[command(flatten)]
    pub paths: Paths,
    /// Period to explain (default: latest).
    #[arg(long, default_value = "latest")]
    pub period: String,
    /// Language of names.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub paths: Paths,
    /// Period to report.
    #[arg(long, default_value = "latest")]
    pub period: String,
    /// Language of names.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// `docs`.
#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Folder with indicator definitions.
    #[arg(long, default_value = "indicators")]
    pub indicators: PathBuf,
    /// Output file.
    #[arg(long, default_value = "docs/catalogue.md")]
    pub output: PathBuf,
    /// Do not write; exit 1 when the file is out of date.
    #[arg(long)]
    pub check: bool,
}

/// CSV dialect of report files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CsvDialect {
    /// `,` separator, decimal point.
    #[default]
    Standard,
    /// `;` separator, decimal comma (Norwegian Excel).
    ExcelNb,
}

/// `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub paths: Paths,
    /// The quarter, e.g. `2026Q2`.
    #[arg(long)]
    pub quarter: String,
    /// Target folder; the report goes to `DIR/<quarter>/`.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace an existing report for the same quarter.
    #[arg(long)]
    pub force: bool,
    /// Exit 1 when the run had warnings (stale data, suppressed cells, failed optional indicators).
    #[arg(long)]
    pub strict: bool,
    /// CSV dialect.
    #[arg(long, value_enum, default_value_t)]
    pub csv_dialect: CsvDialect,
    /// Commentary file (YAML) to merge into `report.md`.
    #[arg(long)]
    pub commentary: Option<PathBuf>,
    /// Counts below this are suppressed in breakdowns.
    #[arg(long, default_value_t = 5)]
    pub suppress_below: u64,
    /// Language of names.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// `dashboard`.
#[derive(Debug, Args)]
pub struct DashboardArgs {
    /// Where definitions and data live.
    #[command(flatten)]
    pub paths: Paths,
    /// Output folder.
    #[arg(long)]
    pub out: PathBuf,
    /// Quarter to show (default: latest).
    #[arg(long, default_value = "latest")]
    pub quarter: String,
    /// Language.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}
