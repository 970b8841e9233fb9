//! `ehelse dashboard`: the static site on the shipped definitions and sample
//! data — pages, names, status texts, self-containment, determinism, safe
//! replacement — and the same site opened in headless Chromium (screenshots,
//! no console errors, the rendered DOM).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Run, Workdir, repo};

/// The welfare-technology indicator shown in the README.
const WELFARE: &str = "velferdsteknologi-kommuner";
const WELFARE_NB: &str = "Bruk av velferdsteknologi i kommunene";
const WELFARE_EN: &str = "Use of welfare technology in municipalities";

/// Runs `dashboard` over the repository's own `indicators/` and `sample-data/`.
fn dashboard(w: &Workdir, out: &str, extra: &[&str]) -> Run {
    let indicators = repo().join("indicators");
    let data = repo().join("sample-data");
    let mut args = vec![
        "dashboard",
        "--indicators",
        indicators.to_str().expect("utf-8 path"),
        "--data",
        data.to_str().expect("utf-8 path"),
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    w.run(&args)
}

/// Every file of a folder, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("no {name} in {:?}", files.keys().collect::<Vec<_>>()))
            .clone(),
    )
    .expect("UTF-8")
}

/// Ids of the shipped indicator definitions from the seeds.
fn shipped_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for goal in std::fs::read_dir(repo().join("indicators")).expect("indicators") {
        let goal = goal.expect("entry").path();
        if !goal.is_dir()
            || goal
                .file_name()
                .is_some_and(|n| n == "sources" || n == "structure")
        {
            continue;
        }
        for f in std::fs::read_dir(&goal).expect("goal folder") {
            let f = f.expect("entry").path();
            if f.extension().is_some_and(|e| e == "yaml") {
                let yaml = std::fs::read_to_string(&f).expect("read");
                // Examples (not in the seeds) have no page.
                if yaml.contains("\norigin: example") {
                    continue;
                }
                let id = yaml
                    .lines()
                    .find_map(|l| l.strip_prefix("id: "))
                    .expect("id line")
                    .trim()
                    .to_string();
                ids.push(id);
            }
        }
    }
    ids.sort();
    ids
}

/// The `href`s of a page.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
#[allow(clippy::too_many_lines)] // one scenario: write the site, then check every page
fn writes_a_self_contained_site_from_the_sample_data() {
    let w = Workdir::new();
    dashboard(&w, "site", &[])
        .expect_code(0)
        .expect_output("ehelse dashboard: wrote");
    let site = files(&w.path().join("site"));

    // One page per indicator and per goal, the overview and the stylesheet.
    for id in shipped_ids() {
        assert!(
            site.contains_key(&format!("indicator-{id}.html")),
            "no page for {id}"
        );
    }
    for name in [
        "index.html",
        "style.css",
        "goal-1.html",
        "goal-unassigned.html",
    ] {
        assert!(site.contains_key(name), "no {name}");
    }
    assert!(
        !site.keys().any(|k| k.starts_with('.')),
        "temporary files left: {:?}",
        site.keys().collect::<Vec<_>>()
    );
    let beside: Vec<String> = std::fs::read_dir(w.path())
        .expect("workdir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site"))
        .collect();
    assert!(beside.is_empty(), "temporary folders left: {beside:?}");

    for (name, bytes) in &site {
        let page = String::from_utf8_lossy(bytes);
        // Nothing is fetched at view time: no URLs, no scripts.
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "{name} refers to the network"
        );
        assert!(!page.contains("<script"), "{name} has a script");
        if !std::path::Path::new(name.as_str())
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html"))
        {
            continue;
        }
        for part in [
            "<html lang=\"nb\">",
            "<meta name=\"viewport\"",
            "<header",
            "<nav",
            "<main",
            "href=\"style.css\"",
        ] {
            assert!(page.contains(part), "{name} lacks {part}");
        }
        // Every link points to a page of the site (or the empty icon).
        for href in links(&page) {
            if href == "data:," || href.starts_with('#') {
                continue;
            }
            assert!(
                site.contains_key(&href),
                "{name} links to {href}, which is not in the site"
            );
        }
    }

    // The overview: a card per goal with its roll-up status and counts.
    let index = text(&site, "index.html");
    for goal in [
        "Aktiv medvirkning i egen og næres helse",
        "Enklere arbeidshverdag",
        "Ikke plassert under et mål",
    ] {
        assert!(index.contains(goal), "overview lacks goal {goal}");
    }
    assert_eq!(index.matches("<li class=\"card").count(), 6, "cards");
    assert!(index.contains("Indikatorer per status"));
    for label in [
        "I rute",
        "Moderat framdrift",
        "For lite data",
        "Ingen ambisjon",
    ] {
        assert!(index.contains(label), "overview lacks status {label}");
    }

    // A goal page lists its indicators with status texts.
    let goal1 = text(&site, "goal-1.html");
    assert!(goal1.contains(WELFARE_NB));
    assert!(goal1.contains(&format!("href=\"indicator-{WELFARE}.html\"")));
    assert!(goal1.contains("<caption>"));
    assert!(goal1.contains("<th scope=\"col\">Status</th>"));

    // The welfare-technology page: chart with alt text, required path,
    // projection and target; regional breakdown; definition; provenance.
    let welfare = text(&site, &format!("indicator-{WELFARE}.html"));
    for part in [
        WELFARE_NB,
        "<svg class=\"chart\"",
        "role=\"img\"",
        "<title id=\"chart-title\">Framdrift mot 2030: ",
        "<desc id=\"chart-desc\">Linjediagram",
        "class=\"required\"",
        "class=\"trend\"",
        "class=\"target\"",
        "Prosent (%)",
        "Helseregion",
        "Helse Vest",
        "Forbehold",
        "SHA-256",
        "kpr-velferdsteknologi",
        "sha256:",
    ] {
        assert!(welfare.contains(part), "welfare page lacks {part}");
    }
    // The status is text, not only colour.
    assert!(
        welfare.contains("<span class=\"status st-"),
        "welfare page lacks a status badge"
    );

    // A survey indicator shows its confidence intervals.
    let survey = text(&site, "indicator-innbygger-mer-involvert.html");
    assert!(survey.contains("class=\"ci\""), "no error bars");
    assert!(survey.contains("95 % konfidensintervall"));

    // Suppressed breakdown cells are marked, never shown.
    assert!(
        site.iter()
            .any(|(_, b)| String::from_utf8_lossy(b).contains("class=\"val suppressed\"")),
        "no suppressed cell anywhere in the sample data"
    );

    // A milestone indicator gets a note instead of a chart.
    let milestone = text(&site, "indicator-veikart-1a.html");
    assert!(!milestone.contains("<svg class=\"chart\""));
    assert!(milestone.contains("Milepælsindikator"));
}

#[test]
fn same_inputs_give_byte_identical_sites() {
    let w = Workdir::new();
    dashboard(&w, "a", &["--quarter", "2026Q2"]).expect_code(0);
    dashboard(&w, "b", &["--quarter", "2026Q2"]).expect_code(0);
    let a = files(&w.path().join("a"));
    let b = files(&w.path().join("b"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between runs");
    }
    let index = text(&a, "index.html");
    assert!(index.contains("Status per 2. kvartal 2026"));
}

#[test]
fn english_pages_and_quarter_cut() {
    let w = Workdir::new();
    dashboard(&w, "en", &["--lang", "en", "--quarter", "2025Q4"]).expect_code(0);
    let site = files(&w.path().join("en"));
    let index = text(&site, "index.html");
    assert!(index.contains("<html lang=\"en\">"));
    assert!(index.contains("Status as of Q4 2025"));
    assert!(index.contains("A simpler working day for health personnel"));
    assert!(index.contains("Insufficient data"));
    let welfare = text(&site, &format!("indicator-{WELFARE}.html"));
    assert!(welfare.contains(WELFARE_EN));
    assert!(welfare.contains("Progress towards 2030"));
    assert!(welfare.contains("Health region"));
    // Nothing after the quarter.
    assert!(!welfare.contains("<th scope=\"row\">2026</th>"));
    assert!(welfare.contains("<th scope=\"row\">2025</th>"));
}

#[test]
fn replaces_an_earlier_site_but_not_a_foreign_folder() {
    let w = Workdir::new();
    dashboard(&w, "site", &[]).expect_code(0);
    w.write("site/stale-page.html", "old");
    dashboard(&w, "site", &[]).expect_code(0);
    assert!(
        !w.path().join("site/stale-page.html").exists(),
        "the old site was not replaced as a whole"
    );
    assert!(w.path().join("site/index.html").exists());

    w.write("mine/notes.txt", "keep me");
    dashboard(&w, "mine", &[])
        .expect_code(2)
        .expect_output("does not hold an ehelse dashboard");
    assert_eq!(w.read("mine/notes.txt"), "keep me");

    dashboard(&w, "x", &["--quarter", "2026-06"])
        .expect_code(2)
        .expect_output("is not `latest` or a quarter");
    assert!(!w.path().join("x").exists());
}

#[test]
fn draws_a_decreasing_target_with_constant_growth_and_shows_failures() {
    let w = Workdir::new();
    let source = "publisher: Hdir\nfiles: \"hdir/{file}\"\nperiod: { column: aar, granularity: year }\n\
columns:\n- { name: aar, type: integer, role: period }\n- { name: verdi, type: decimal, role: value }\n";
    w.source("ventetid", &source.replace("{file}", "ventetid.csv"));
    w.source("mangler", &source.replace("{file}", "mangler.csv"));
    w.write(
        "data/hdir/ventetid.csv",
        "aar;verdi\n2020;120\n2021;110\n2022;104\n2023;90\n",
    );
    let measure = "  kind: reported\n  column: verdi\n  aggregate: sum\n";
    w.indicator(
        "ventetid",
        "ventetid",
        "annual",
        measure,
        &[],
        "ambition: { target: 40, by: 2030-12-31, direction: decrease }\nmethod: cagr\n",
    );
    w.indicator("uten-data", "mangler", "annual", measure, &[], "");
    // The site is still written; the failure is named and exits 1.
    w.run(&[
        "dashboard",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--out",
        "site",
        "--quarter",
        "2024Q4",
    ])
    .expect_code(1)
    .expect_output("uten-data");
    let site = files(&w.path().join("site"));
    let page = text(&site, "indicator-ventetid.html");
    // Constant growth from the baseline to the target: a curve of 25 points.
    let required = page
        .split("class=\"required\" points=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("required path");
    assert_eq!(required.split(' ').count(), 25, "{required}");
    for part in [
        "class=\"trend\"",
        "class=\"target\"",
        "Mål: ≤ 40 innen 31. desember 2030",
        "vekstrate (CAGR)",
        "<th scope=\"row\">2023</th>",
    ] {
        assert!(page.contains(part), "ventetid page lacks {part}");
    }
    let failed = text(&site, "indicator-uten-data.html");
    assert!(failed.contains("Kunne ikke beregnes"));
    assert!(!failed.contains("<svg class=\"chart\""));
    let goal = text(&site, "goal-1.html");
    assert!(goal.contains("kunne ikke beregnes"));
}

// ---------------------------------------------------------------------------
// Headless Chromium

/// The Chromium binary on PATH, if any.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// What one Chromium run printed.
struct Browser {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium on `url` with `extra` flags, killed after 60 s.
fn browse(chrome: &Path, work: &Path, url: &str, extra: &[String]) -> Browser {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let profile = work.join(format!("profile-{n}"));
    let out_path = work.join(format!("chromium-{n}.out"));
    let err_path = work.join(format!("chromium-{n}.err"));
    let mut child = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", chrome.display()));
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish within 60 s on {url}\n{}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Browser {
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Takes a screenshot at `width`×`height`; asserts a real PNG of that width.
fn screenshot(chrome: &Path, work: &Path, page: &Path, png: &Path, width: u32, height: u32) {
    let run = browse(
        chrome,
        work,
        &file_url(page),
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
        ],
    );
    let bytes = std::fs::read(png).unwrap_or_else(|e| {
        panic!(
            "no screenshot {} ({e})\n--- stderr ---\n{}",
            png.display(),
            run.stderr
        )
    });
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        bytes.len() > 20_000,
        "screenshot {} is only {} bytes",
        png.display(),
        bytes.len()
    );
    let png_width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert_eq!(png_width, width, "screenshot width");
}

/// Flags that make Chromium log console messages and every file it loads.
fn logging_flags() -> Vec<String> {
    [
        "--enable-logging=stderr",
        "--v=0",
        "--vmodule=file_url_loader_factory=1",
        "--dump-dom",
    ]
    .map(str::to_string)
    .to_vec()
}

/// Files Chromium loaded (`FileURLLoader::Start: file:///…` lines).
fn loaded_files(stderr: &str) -> Vec<PathBuf> {
    stderr
        .lines()
        .filter_map(|l| l.split("FileURLLoader::Start: file://").nth(1))
        .map(|url| PathBuf::from(percent_decode(url.trim())))
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Problems Chromium logged for a page: console messages (headless Chromium
/// prints them as `CONSOLE` lines) and loads of files that do not exist
/// (headless Chromium does not print "Failed to load resource", so every
/// file it starts loading is checked).
fn console_problems(stderr: &str) -> Vec<String> {
    let mut problems: Vec<String> = stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Failed to load resource"))
        .map(str::to_string)
        .collect();
    for f in loaded_files(stderr) {
        if !f.exists() {
            problems.push(format!("failed to load {}", f.display()));
        }
    }
    problems
}

/// The DOM after loading `page`, asserting the console stayed quiet and
/// every file the page needs was found.
#[track_caller]
fn dom_without_console_errors(chrome: &Path, work: &Path, page: &Path) -> String {
    let run = browse(chrome, work, &file_url(page), &logging_flags());
    let problems = console_problems(&run.stderr);
    assert!(
        problems.is_empty(),
        "console errors on {}:\n{}",
        page.display(),
        problems.join("\n")
    );
    assert!(
        run.stdout.contains("</html>"),
        "no DOM dumped for {}\n--- stderr ---\n{}",
        page.display(),
        run.stderr
    );
    // The load log works: the stylesheet was seen (and found).
    assert!(
        loaded_files(&run.stderr)
            .iter()
            .any(|f| f.file_name().is_some_and(|n| n == "style.css")),
        "Chromium did not log loading style.css for {}; the load check is blind\n{}",
        page.display(),
        run.stderr
    );
    run.stdout
}

#[test]
#[allow(clippy::too_many_lines)] // one browser session: load, screenshot, check each page
fn renders_in_headless_chromium() {
    let Some(chrome) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but no chromium, chromium-browser or google-chrome is on PATH (.ci/run installs it)"
        );
        #[allow(clippy::print_stderr)] // tells the developer why the test did nothing
        {
            eprintln!("note: no Chromium on PATH; skipping the browser test");
        }
        return;
    };
    let w = Workdir::new();
    dashboard(&w, "site", &[]).expect_code(0);
    let site = w.path().join("site");
    let work = w.path().join("browser");
    std::fs::create_dir_all(&work).expect("mkdir");
    let index = site.join("index.html");
    let welfare = site.join(format!("indicator-{WELFARE}.html"));

    // Screenshots of the overview and the welfare-technology page, at
    // desktop and phone width.
    let shots = [
        (&index, "overview.png", 1280, 1600),
        (&welfare, "welfare.png", 1280, 1600),
        (&index, "overview-phone.png", 375, 1200),
        (&welfare, "welfare-phone.png", 375, 1200),
    ];
    for (page, name, width, height) in shots {
        screenshot(&chrome, &work, page, &work.join(name), width, height);
    }

    // No console errors, and the rendered pages show names and statuses.
    let dom = dom_without_console_errors(&chrome, &work, &index);
    for text in [
        "Nasjonal e-helsestrategi",
        "Aktiv medvirkning i egen og næres helse",
        "I rute",
        "For lite data",
    ] {
        assert!(dom.contains(text), "overview DOM lacks {text}");
    }
    let dom = dom_without_console_errors(&chrome, &work, &welfare);
    for text in [WELFARE_NB, "Framdrift mot 2030", "Helse Vest", "Påkrevd"] {
        assert!(dom.contains(text), "welfare DOM lacks {text}");
    }
    assert!(
        dom.contains("class=\"status st-"),
        "welfare DOM lacks a status text"
    );
    let goal = dom_without_console_errors(&chrome, &work, &site.join("goal-1.html"));
    assert!(goal.contains(WELFARE_NB));

    // The check catches a broken page: a missing image is a console error.
    let broken = site.join("broken.html");
    std::fs::write(
        &broken,
        "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>x</title></head>\
         <body><img src=\"missing.png\" alt=\"missing\"></body></html>",
    )
    .expect("write");
    let run = browse(&chrome, &work, &file_url(&broken), &logging_flags());
    let problems = console_problems(&run.stderr);
    assert!(
        problems.iter().any(|p| p.contains("missing.png")),
        "a missing image was not reported; the console check would miss errors\n{}",
        run.stderr
    );
    // And a script's console.error (the site has no scripts; this checks the check).
    std::fs::write(
        &broken,
        "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>x</title></head>\
         <body><script>console.error('planted error')</script></body></html>",
    )
    .expect("write");
    let run = browse(&chrome, &work, &file_url(&broken), &logging_flags());
    assert!(
        console_problems(&run.stderr)
            .iter()
            .any(|p| p.contains("planted error")),
        "a console.error was not reported\n{}",
        run.stderr
    );
    std::fs::remove_file(&broken).expect("remove");

    // Regenerate the README screenshots on request.
    if std::env::var_os("EHELSE_UPDATE_SCREENSHOTS").is_some() {
        let img = repo().join("docs/img");
        std::fs::create_dir_all(&img).expect("mkdir docs/img");
        std::fs::copy(
            work.join("overview.png"),
            img.join("dashboard-overview.png"),
        )
        .expect("copy");
        std::fs::copy(
            work.join("welfare.png"),
            img.join("dashboard-velferdsteknologi.png"),
        )
        .expect("copy");
    }
}
