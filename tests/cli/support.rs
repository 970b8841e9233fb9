//! Test fixture: a temp folder with definitions and data, and a runner for
//! the `ehelse` binary that prints everything when an assertion fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temp folder for one test.
pub(crate) struct Workdir {
    dir: tempfile::TempDir,
}

/// The result of one run.
pub(crate) struct Run {
    pub(crate) args: Vec<String>,
    pub(crate) output: Output,
}

impl Run {
    pub(crate) fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    fn dump(&self) -> String {
        format!(
            "command: ehelse {}\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args.join(" "),
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }
    /// Asserts the exit code.
    #[track_caller]
    pub(crate) fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code(), code, "unexpected exit code\n{}", self.dump());
        self
    }
    /// Asserts stdout or stderr contains `needle`.
    #[track_caller]
    pub(crate) fn expect_output(&self, needle: &str) -> &Self {
        let all = format!("{}{}", self.stdout(), self.stderr());
        assert!(
            all.contains(needle),
            "output lacks {needle:?}\n{}",
            self.dump()
        );
        self
    }
    /// Parses stdout as JSON.
    #[track_caller]
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{}", self.dump()))
    }
}

impl Workdir {
    /// An empty temp folder.
    pub(crate) fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders), returning its path.
    pub(crate) fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, contents).expect("write");
        p
    }

    /// Reads a file.
    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).expect("read")
    }

    /// Copies a folder of the repository (e.g. `indicators`) into the temp folder.
    pub(crate) fn copy_from_repo(&self, rel: &str) {
        copy_dir(&repo().join(rel), &self.dir.path().join(rel));
    }

    /// Runs `ehelse` with `args` in the temp folder.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// Runs `ehelse` with `args` and extra environment variables.
    pub(crate) fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_ehelse"))
            .args(args)
            .current_dir(self.dir.path())
            .env("EHELSE_CACHE", self.dir.path().join(".cache"))
            .env_remove("EHELSE_CACHE_MIN_BYTES")
            .env_remove("EHELSE_NO_CACHE")
            .envs(env.iter().copied())
            .env("NO_COLOR", "1")
            .output()
            .expect("run ehelse");
        Run {
            args: args.iter().map(|s| (*s).to_string()).collect(),
            output,
        }
    }
}

/// One row of `compute --format csv`, keyed by column name.
pub(crate) type Row = BTreeMap<String, String>;

impl Workdir {
    /// Writes a source definition `indicators/sources/<id>.yaml` (the id and
    /// names are added to `body`).
    pub(crate) fn source(&self, id: &str, body: &str) {
        self.write(
            &format!("indicators/sources/{id}.yaml"),
            format!("id: {id}\nname: {{ nb: \"Test {id}\", en: \"Test {id}\" }}\n{body}"),
        );
    }

    /// Writes an indicator of goal 1 reading `source`, with the measure
    /// (YAML lines indented by two spaces), breakdowns and, after them,
    /// any further top-level YAML (`extra`, e.g. an ambition; without one
    /// the ambition is `none`).
    pub(crate) fn indicator(
        &self,
        id: &str,
        source: &str,
        frequency: &str,
        measure: &str,
        by: &[&str],
        extra: &str,
    ) {
        let ambition = if extra.contains("ambition:") {
            ""
        } else {
            "ambition: { none: \"test\" }\n"
        };
        self.write(
            &format!("indicators/goal-1/{id}.yaml"),
            format!(
                "id: {id}\nname: {{ nb: \"{id}\", en: \"{id}\" }}\ngoal: 1\nlevel: support\n\
                 type: process\nreadiness: ready\nunit: count\nfrequency: {frequency}\n\
                 source: {source}\nmeasure:\n{measure}{ambition}breakdowns: [{}]\n{extra}",
                by.join(", ")
            ),
        );
    }

    /// Tidy rows of `compute --indicator id --format csv` over `indicators/`
    /// and `data/`, asserting exit 0.
    #[track_caller]
    pub(crate) fn figures(&self, id: &str, extra: &[&str]) -> Vec<Row> {
        self.figures_with_env(id, extra, &[])
    }

    /// [`Workdir::figures`] with extra environment variables.
    #[track_caller]
    pub(crate) fn figures_with_env(
        &self,
        id: &str,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Vec<Row> {
        let run = self.compute_csv(id, extra, env);
        run.expect_code(0);
        parse_csv(&run.output.stdout)
    }

    /// Runs `ehelse <command> --indicators indicators --data data` and the
    /// extra arguments, whatever its exit code.
    pub(crate) fn on_data(&self, command: &str, extra: &[&str]) -> Run {
        let mut args = vec![command, "--indicators", "indicators", "--data", "data"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Runs `compute --indicator id --format csv` over `indicators/` and
    /// `data/` with extra arguments and environment variables, whatever its
    /// exit code.
    pub(crate) fn compute_csv(&self, id: &str, extra: &[&str], env: &[(&str, &str)]) -> Run {
        let mut args = vec![
            "compute",
            "--indicators",
            "indicators",
            "--data",
            "data",
            "--indicator",
            id,
            "--format",
            "csv",
        ];
        args.extend_from_slice(extra);
        self.run_with_env(&args, env)
    }
}

/// CSV bytes as header-keyed rows.
pub(crate) fn parse_csv(bytes: &[u8]) -> Vec<Row> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.expect("record").iter().map(str::to_string))
                .collect()
        })
        .collect()
}

/// The row with this period, breakdown and group.
#[track_caller]
pub(crate) fn row<'a>(rows: &'a [Row], period: &str, breakdown: &str, group: &str) -> &'a Row {
    rows.iter()
        .find(|r| r["period"] == period && r["breakdown"] == breakdown && r["group"] == group)
        .unwrap_or_else(|| panic!("no row {period}/{breakdown}/{group} in {rows:#?}"))
}

/// The value of the row with this period, breakdown and group.
#[track_caller]
pub(crate) fn value_of(rows: &[Row], period: &str, breakdown: &str, group: &str) -> String {
    row(rows, period, breakdown, group)["value"].clone()
}

/// Lower-case hex SHA-256 of bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Runs `ehelse <args> --indicators <repo>/indicators --data
/// <repo>/sample-data` (the shipped catalogue on the shipped sample data) in
/// `w`, whatever its exit code.
pub(crate) fn on_shipped(w: &Workdir, args: &[&str]) -> Run {
    let indicators = repo().join("indicators").display().to_string();
    let data = repo().join("sample-data").display().to_string();
    let mut all = args.to_vec();
    all.extend(["--indicators", &indicators, "--data", &data]);
    w.run(&all)
}
