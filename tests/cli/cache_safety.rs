//! Issue 17: the cache folder and file modes. No copy of an extract is
//! written with the cache off; an unwritable cache is no error; an entry
//! copied over from elsewhere is never read; a killed run's temporary files
//! are removed; outputs follow the umask and cache folders are private.

use std::path::{Path, PathBuf};

use crate::support::{Workdir, row};

/// A KPR-like extract in Windows-1252 (`æ` is byte 0xE6).
fn windows_1252_fixture() -> Workdir {
    let w = Workdir::new();
    w.source(
        "kpr",
        "publisher: SSB/KPR\nfiles: \"kpr/*.csv\"\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: kommune, type: municipality, role: municipality }\n\
  - { name: teknologi, type: text, role: category }\n\
  - { name: brukere, type: integer, role: value }\n",
    );
    let text = "aar;kommune;teknologi;brukere\n2024;0301;trygghetsalarm;12\n\
                2025;0301;trygghetsalarm;14\n2025;4601;gps-sporing for hørsel;5\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(!bytes.starts_with(text.as_bytes()) || bytes.len() != text.len());
    w.write("data/kpr/brukere.csv", bytes);
    w.indicator(
        "brukere",
        "kpr",
        "annual",
        "  kind: sum\n  column: brukere\n",
        &[],
        "",
    );
    w
}

/// Every file under `dir` (recursively).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        if e.path().is_dir() {
            out.extend(files_under(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn with_the_cache_off_nothing_is_written_to_the_cache_folder() {
    let w = windows_1252_fixture();
    let env = [("EHELSE_NO_CACHE", "1"), ("EHELSE_CACHE_MIN_BYTES", "0")];
    for _ in 0..2 {
        let rows = w.figures_with_env("brukere", &[], &env);
        assert_eq!(row(&rows, "2025", "", "")["value"], "19");
    }
    let written = files_under(&w.path().join(".cache"));
    assert!(
        written.is_empty(),
        "written with the cache off: {written:?}"
    );
}

#[test]
fn with_the_cache_on_no_plain_copy_of_a_windows_1252_extract_is_written() {
    let w = windows_1252_fixture();
    for _ in 0..2 {
        w.figures("brukere", &[]);
    }
    for f in files_under(&w.path().join(".cache")) {
        let bytes = std::fs::read(&f).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("trygghetsalarm"),
            "{} holds a copy of the extract",
            f.display()
        );
    }
}

#[test]
fn an_unwritable_cache_is_no_error_for_a_windows_1252_source() {
    let w = windows_1252_fixture();
    // The cache "folder" is a file: nothing can be made under it.
    let blocker = w.write("not-a-folder", "x");
    let blocker = blocker.to_string_lossy().into_owned();
    let env = [("EHELSE_CACHE", blocker.as_str())];
    let rows = w.figures_with_env("brukere", &[], &env);
    assert_eq!(row(&rows, "2025", "", "")["value"], "19");
}

/// The cached entry of the fixture's extract (cache on for small files).
fn entries(w: &Workdir) -> Vec<PathBuf> {
    let mut e: Vec<PathBuf> = files_under(&w.path().join(".cache/extracts"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "arrow"))
        .collect();
    e.sort();
    e
}

const SMALL: [(&str, &str); 1] = [("EHELSE_CACHE_MIN_BYTES", "0")];

fn value_2025(w: &Workdir) -> String {
    let rows = w.figures_with_env("brukere", &[], &SMALL);
    row(&rows, "2025", "", "")["value"].clone()
}

#[test]
fn an_older_entry_copied_over_the_current_one_is_not_read() {
    let w = windows_1252_fixture();
    // Two runs: the second writes the entry.
    value_2025(&w);
    value_2025(&w);
    let old = entries(&w);
    assert_eq!(old.len(), 1, "{old:?}");
    let old_bytes = std::fs::read(&old[0]).expect("entry");
    // A corrected extract: its own entry after two more runs.
    let data = w.path().join("data/kpr/brukere.csv");
    let mut bytes = std::fs::read(&data).expect("data");
    bytes.extend_from_slice(b"2025;5001;gps;9\n");
    std::fs::write(&data, bytes).expect("write");
    assert_eq!(value_2025(&w), "28");
    assert_eq!(value_2025(&w), "28");
    let current = entries(&w);
    assert_eq!(current.len(), 1, "{current:?}");
    assert_ne!(current, old);
    // Someone copies the older entry over the current one.
    std::fs::write(&current[0], &old_bytes).expect("copy");
    let run = w.run_with_env(&COMPUTE, &SMALL);
    run.expect_code(0).expect_output(",28,");
    assert!(run.stderr().contains("cannot be used"), "{}", run.stderr());
    // It was dropped and made anew; the entry written now is read quietly.
    for _ in 0..2 {
        let run = w.run_with_env(&COMPUTE, &SMALL);
        run.expect_code(0).expect_output(",28,");
        assert!(!run.stderr().contains("cannot be used"), "{}", run.stderr());
    }
    assert_eq!(entries(&w).len(), 1);
}

const COMPUTE: [&str; 8] = [
    "compute",
    "--indicators",
    "indicators",
    "--data",
    "data",
    "--all",
    "--format",
    "csv",
];

#[test]
fn an_entry_of_another_source_copied_into_place_is_not_read() {
    let other = Workdir::new();
    other.source(
        "tall",
        "publisher: Hdir\nfiles: \"t/*.csv\"\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: antall, type: integer, role: value }\n",
    );
    other.write("data/t/t.csv", "aar;antall\n2024;1\n2025;2\n");
    other.indicator(
        "antall",
        "tall",
        "annual",
        "  kind: sum\n  column: antall\n",
        &[],
        "",
    );
    for _ in 0..2 {
        other.figures_with_env("antall", &[], &SMALL);
    }
    let foreign = entries(&other);
    assert_eq!(foreign.len(), 1);
    let w = windows_1252_fixture();
    value_2025(&w);
    value_2025(&w);
    let mine = entries(&w);
    std::fs::copy(&foreign[0], &mine[0]).expect("copy");
    let run = w.run_with_env(&COMPUTE, &SMALL);
    run.expect_code(0).expect_output(",19,");
    assert!(run.stderr().contains("cannot be used"), "{}", run.stderr());
    assert!(
        !run.stderr().contains("Plan") && !run.stderr().contains("SELECT"),
        "{}",
        run.stderr()
    );
}

#[test]
fn temporary_files_of_killed_runs_are_removed_and_cache_folders_are_private() {
    let w = windows_1252_fixture();
    value_2025(&w);
    value_2025(&w);
    // A process that has ended: its pid is free.
    let mut child = std::process::Command::new("true").spawn().expect("true");
    let dead = child.id();
    child.wait().expect("wait");
    let extracts = w.path().join(".cache/extracts");
    let left = extracts.join(format!(".tmp-{dead}-abc123"));
    std::fs::write(&left, b"half an entry").expect("write");
    // Another entry is due: the extract changed.
    let data = w.path().join("data/kpr/brukere.csv");
    let mut bytes = std::fs::read(&data).expect("data");
    bytes.extend_from_slice(b"2025;5001;gps;9\n");
    std::fs::write(&data, bytes).expect("write");
    value_2025(&w);
    value_2025(&w);
    assert!(
        !left.exists(),
        "the killed run's temporary file is still there"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for dir in [
            w.path().join(".cache"),
            extracts,
            w.path().join(".cache/sha256"),
        ] {
            let mode = std::fs::metadata(&dir).expect("dir").permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{}", dir.display());
        }
    }
}

/// Runs `ehelse ARGS` under `umask`, expecting exit 0.
#[cfg(unix)]
fn run_under_umask(w: &Workdir, umask: &str, args: &str) {
    let bin = env!("CARGO_BIN_EXE_ehelse");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask {umask} && exec '{bin}' {args} --indicators indicators --data data"
        ))
        .current_dir(w.path())
        .env("EHELSE_NO_CACHE", "1")
        .status()
        .expect("sh");
    assert!(status.success(), "{args}");
}

#[cfg(unix)]
#[test]
fn outputs_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let w = windows_1252_fixture();
    let mode = |rel: &str| {
        std::fs::metadata(w.path().join(rel))
            .expect(rel)
            .permissions()
            .mode()
            & 0o777
    };
    run_under_umask(&w, "027", "compute --all --output out/figures.csv");
    assert_eq!(mode("out/figures.csv"), 0o640);
    run_under_umask(&w, "022", "compute --all --output out/figures.csv");
    assert_eq!(mode("out/figures.csv"), 0o644);
    run_under_umask(&w, "022", "report --quarter 2025Q4 --out reports");
    assert_eq!(mode("reports/2025Q4"), 0o755);
    assert_eq!(mode("reports/2025Q4/manifest.json"), 0o644);
    run_under_umask(&w, "077", "report --quarter 2025Q4 --out reports --force");
    assert_eq!(mode("reports/2025Q4"), 0o700);
    assert_eq!(mode("reports/2025Q4/manifest.json"), 0o600);
}
