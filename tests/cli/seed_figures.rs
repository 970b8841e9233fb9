//! The shipped catalogue on the shipped sample data: every ready indicator
//! computes, and the figures the sample data are calibrated to come out as
//! the seeds state them (seed 002, the quarterly status report Q2 2026; the
//! quotes below are its own words). `sample-data/README.md` lists the same
//! figures.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::{Row, Workdir, parse_csv, repo};

/// `compute --all` over the repository's `indicators/` and `sample-data/`
/// as tidy CSV rows and as JSON.
fn shipped_run() -> (Vec<Row>, Value) {
    let w = Workdir::new();
    let indicators = repo().join("indicators");
    let data = repo().join("sample-data");
    let args = |format: &'static str| {
        vec![
            "compute".to_string(),
            "--all".to_string(),
            "--indicators".to_string(),
            indicators.display().to_string(),
            "--data".to_string(),
            data.display().to_string(),
            "--format".to_string(),
            format.to_string(),
        ]
    };
    let csv_args = args("csv");
    let csv = w.run(&csv_args.iter().map(String::as_str).collect::<Vec<_>>());
    csv.expect_code(0);
    let json_args = args("json");
    let json = w.run(&json_args.iter().map(String::as_str).collect::<Vec<_>>());
    json.expect_code(0);
    (parse_csv(&csv.output.stdout), json.json())
}

/// The summed weights of the 2025 answers to the trust question in the
/// sample survey: all answers, and «Vet ikke» alone.
fn trust_weights(year: &str) -> (f64, f64) {
    let text =
        std::fs::read_to_string(repo().join("sample-data/survey/innbyggerundersokelsen.csv"))
            .expect("sample survey");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(';').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (aar, vekt, sporsmal, svar) = (at("aar"), at("vekt"), at("sporsmal"), at("svar"));
    let (mut all, mut dont_know) = (0.0, 0.0);
    for line in lines {
        let f: Vec<&str> = line.split(';').collect();
        if f[aar] != year || f[sporsmal] != "tillit_helseopplysninger" {
            continue;
        }
        let w: f64 = f[vekt].replace(',', ".").parse().expect("weight");
        all += w;
        if f[svar] == "Vet ikke" {
            dont_know += w;
        }
    }
    (all, dont_know)
}

/// Municipalities with at least one active user in the sample KPR export
/// of `year`: of any technology, and of one other than the safety alarm.
fn welfare_municipalities(year: &str) -> (u32, u32) {
    let bytes = std::fs::read(repo().join(format!("sample-data/kpr/velferdsteknologi_{year}.csv")))
        .expect("sample KPR export");
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let mut any = std::collections::BTreeSet::new();
    let mut beyond = std::collections::BTreeSet::new();
    // A title line, then the header `år;kommunenr;kommune;teknologi;aktive_brukere;…`.
    for line in text.lines().skip(2) {
        let f: Vec<&str> = line.split(';').collect();
        // Thousands may be written with spaces (`1 234`).
        let users: u64 = match f[4].trim().replace([' ', '\u{a0}'], "").parse() {
            Ok(n) => n,
            Err(_) => continue, // SSB symbols: not a user count
        };
        if users >= 1 {
            any.insert(f[1].to_string());
            if f[3] != "trygghetsalarm" {
                beyond.insert(f[1].to_string());
            }
        }
    }
    let n = |s: &std::collections::BTreeSet<String>| u32::try_from(s.len()).expect("count");
    (n(&any), n(&beyond))
}

/// National values of one indicator by period.
fn national(rows: &[Row], id: &str) -> BTreeMap<String, f64> {
    let out: BTreeMap<String, f64> = rows
        .iter()
        .filter(|r| r["indicator"] == id && r["breakdown"].is_empty())
        .filter_map(|r| Some((r["period"].clone(), r["value"].parse().ok()?)))
        .collect();
    assert!(!out.is_empty(), "no national values of {id}");
    out
}

#[track_caller]
fn at(values: &BTreeMap<String, f64>, period: &str) -> f64 {
    *values
        .get(period)
        .unwrap_or_else(|| panic!("no value for {period} in {values:?}"))
}

/// Mean of the values of the four quarters of `year`.
fn quarter_mean(values: &BTreeMap<String, f64>, year: u32) -> f64 {
    let q: Vec<f64> = (1..=4)
        .map(|q| at(values, &format!("{year}Q{q}")))
        .collect();
    q.iter().sum::<f64>() / 4.0
}

#[test]
fn every_ready_indicator_computes_and_seed_figures_come_out_as_stated() {
    let (rows, json) = shipped_run();

    // Every ready indicator has figures (or, for composites, components
    // that do), and none failed.
    let indicators = json["indicators"].as_array().expect("indicators");
    let by_id: BTreeMap<&str, &Value> = indicators
        .iter()
        .map(|i| (i["id"].as_str().expect("id"), i))
        .collect();
    for ind in indicators {
        let id = ind["id"].as_str().unwrap_or_default();
        assert!(ind["error"].is_null(), "{id} failed: {}", ind["error"]);
        if ind["readiness"] != "ready" {
            continue;
        }
        let figures = ind["figures"].as_array().map_or(0, Vec::len);
        let components = ind["components"].as_array().cloned().unwrap_or_default();
        if components.is_empty() {
            assert!(figures > 0, "ready indicator {id} has no figures");
        } else {
            for c in &components {
                let cid = c["id"].as_str().expect("component id");
                let comp = by_id.get(cid).unwrap_or_else(|| panic!("{id}: no {cid}"));
                assert!(
                    comp["figures"].as_array().is_some_and(|f| !f.is_empty()),
                    "component {cid} of {id} has no figures"
                );
            }
        }
    }

    // Goal 3: "snitt fire kvartal 2024 159 dager, snitt fire kvartal 2025 106 dager".
    let delivery = national(&rows, "hds-leveringstid");
    assert_eq!(quarter_mean(&delivery, 2024).round(), 159.0, "{delivery:?}");
    assert_eq!(quarter_mean(&delivery, 2025).round(), 106.0, "{delivery:?}");

    // Goal 3: decision support "fra 10% 2024 til 14% i 2025".
    let decision = national(&rows, "beslutningsstotte-helsepersonell");
    assert_eq!(at(&decision, "2024").round(), 10.0, "{decision:?}");
    assert_eq!(at(&decision, "2025").round(), 14.0, "{decision:?}");

    // Goal 3: "4 av 10 fastleger bruker KI-baserte dokumentasjonsassistenter".
    let ai = national(&rows, "ki-dokumentasjonsassistent-fastleger");
    assert_eq!((at(&ai, "2025") / 10.0).round(), 4.0, "{ai:?}");

    // Goal 1: "Om lag en av fire innbyggere ønsker seg tilgang til journal
    // fra fastlegen" — every wave of the multi-select question (2023–2025).
    let wishes = national(&rows, "innbyggere-onskede-digitale-tjenester");
    for year in ["2023", "2024", "2025"] {
        let v = at(&wishes, year);
        assert!((22.5..27.5).contains(&v), "{year}: {v} is not about 1 in 4");
    }

    // Goal 2: "De 39 virksomhetene representerer trolig 32 unike legevakter".
    let legevakt = national(&rows, "pjd-legevakt-virksomheter");
    assert_eq!(at(&legevakt, "2026Q2"), 39.0, "{legevakt:?}");

    // Goal 4: organisations consuming documents "mer enn doblet i løpet av 2025".
    let consumers = national(&rows, "dokumentdeling-konsumenter");
    assert!(
        at(&consumers, "2025") > 2.0 * at(&consumers, "2024"),
        "{consumers:?}"
    );

    // Goal 4: trust "gjennomgående god og opprettholdt over år": 70 % or more
    // ("70 % oppslutning eller mer ... et godt resultat") in the latest waves,
    // against the ambition of 75 % by the end of 2030.
    let trust = national(&rows, "tillit-helseopplysninger");
    for year in ["2024", "2025"] {
        assert!(at(&trust, year) >= 70.0, "{year}: {trust:?}");
    }
    let trust_json = by_id["tillit-helseopplysninger"];
    let ambition = trust_json["ambition"].as_str().unwrap_or_default();
    assert!(
        ambition.contains("≥ 75\u{a0}%") && ambition.contains("2030"),
        "{ambition}"
    );

    // Goal 5: "alle 15 fylkeskommunene deltar" in the dental procurement.
    let dental = national(&rows, "hto-tannhelse-fylkeskommuner");
    assert_eq!(at(&dental, "2026"), 15.0, "{dental:?}");

    // Goal 5: with the 34 Helseplattformen and 4 Aidn municipalities,
    // "3 av 4 kommuner ved utgangen av 2026" have or have ordered a new EPJ.
    let all_epj = national(&rows, "nytt-epj-alle-kommuner");
    assert_eq!((at(&all_epj, "2026") / 25.0).round(), 3.0, "{all_epj:?}");
    let hto_epj = national(&rows, "hto-ny-epj");
    assert!(at(&hto_epj, "2026") < at(&all_epj, "2026"), "{hto_epj:?}");

    // Goal 1: welfare technology is a share of the municipalities valid each
    // year: 356 to 2023, 357 from 2024.
    let denominator = |period: &str| {
        rows.iter()
            .find(|r| {
                r["indicator"] == "velferdsteknologi-kommuner"
                    && r["breakdown"].is_empty()
                    && r["period"] == period
            })
            .map_or_else(
                || panic!("no welfare technology figure for {period}"),
                |r| r["denominator"].clone(),
            )
    };
    assert_eq!(denominator("2023"), "356");
    assert_eq!(denominator("2024"), "357");
}

/// Seed 002 shows HTO "per januar 2026": one snapshot, so a 2026Q2 report
/// shows it (all 15 county authorities; "3 av 4" with the procurements
/// outside HTO), and the effect indicator is one count, not one per year of
/// signing or planning.
#[test]
fn the_hto_snapshot_stands_in_a_2026q2_report() {
    let w = Workdir::new();
    let indicators = repo().join("indicators");
    let data = repo().join("sample-data");
    let run = w.run(&[
        "compute",
        "--goal",
        "5",
        "--period",
        "2026Q2",
        "--indicators",
        &indicators.display().to_string(),
        "--data",
        &data.display().to_string(),
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    let rows = parse_csv(&run.output.stdout);
    let dental = national(&rows, "hto-tannhelse-fylkeskommuner");
    assert_eq!(at(&dental, "2026"), 15.0, "{dental:?}");
    let all_epj = national(&rows, "nytt-epj-alle-kommuner");
    assert_eq!((at(&all_epj, "2026") / 25.0).round(), 3.0, "{all_epj:?}");
    let effect = national(&rows, "hto-effekt");
    assert_eq!(effect.len(), 1, "one snapshot, not a series: {effect:?}");
}

/// Trust is "innbyggerandelen som er enig" (seed 002): every respondent is
/// in the base, also those who "ikke har gjort seg opp en mening" (its
/// footnote), so the denominator is the weight of all who answered, «Vet
/// ikke» too.
#[test]
fn trust_keeps_dont_know_in_the_base() {
    let (rows, _) = shipped_run();
    let (all, dont_know) = trust_weights("2025");
    assert!(dont_know > 0.0, "the sample has «Vet ikke» answers");
    let row = rows
        .iter()
        .find(|r| {
            r["indicator"] == "tillit-helseopplysninger"
                && r["period"] == "2025"
                && r["breakdown"].is_empty()
        })
        .expect("trust 2025");
    let denominator: f64 = row["denominator"].parse().expect("denominator");
    assert!(
        (denominator - all).abs() < 0.01,
        "denominator {denominator}, all respondents {all} («Vet ikke» {dont_know})"
    );
}

/// Målindikator 1.4 counts municipalities offering welfare technology,
/// "eksempelvis trygghetsalarmer" (seed 000): with the safety alarm. The
/// status report's variant (seed 002) leaves it out.
#[test]
fn welfare_technology_14_counts_the_safety_alarm() {
    let (rows, _) = shipped_run();
    let (with_alarm, beyond_alarm) = welfare_municipalities("2025");
    assert!(with_alarm > beyond_alarm, "{with_alarm} vs {beyond_alarm}");
    let count = national(&rows, "velferdsteknologi-antall-kommuner");
    assert_eq!(at(&count, "2025"), f64::from(with_alarm), "{count:?}");
    let beyond = national(
        &rows,
        "velferdsteknologi-antall-kommuner-utover-trygghetsalarm",
    );
    assert_eq!(at(&beyond, "2025"), f64::from(beyond_alarm), "{beyond:?}");
}

/// Seed 004's structure of goal 1: 20 numbered result goals under 10
/// citizen needs and 4 main areas, each shown with its indicators or "no
/// indicator yet", in `list --goal 1` and under goal 1 of `compute`.
#[test]
fn goal_1_shows_its_result_goals_and_their_coverage() {
    let w = Workdir::new();
    let indicators = repo().join("indicators");
    let data = repo().join("sample-data");
    let ind = indicators.display().to_string();
    let list = w.run(&["list", "--goal", "1", "--indicators", &ind]);
    list.expect_code(0);
    let out = list.stdout();
    assert!(
        out.contains("Resultatmål for mål 1: 10 av 20 har minst én indikator"),
        "{out}"
    );
    // Result goal 2 (a simple health overview) has no indicator; 9
    // (appointments) is measured by the Helsenorge appointment services.
    let line = |n: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(n))
            .unwrap_or_else(|| panic!("no result goal {n} in\n{out}"))
            .to_string()
    };
    assert!(line("(2) ").ends_with("ingen indikator ennå"), "{out}");
    assert!(line("(9) ").contains("timeavtaler"), "{out}");
    assert_eq!(out.matches("      (").count(), 20, "{out}");
    let run = w.run(&[
        "compute",
        "--goal",
        "1",
        "--indicators",
        &ind,
        "--data",
        &data.display().to_string(),
    ]);
    // Goal 1's strategic indicators and roadmap sub-goals with their
    // statuses; no overall label, since only the analyst sets it.
    run.expect_code(0)
        .expect_output("Strategiske indikatorer: ")
        .expect_output("Veikart-delmål: ")
        .expect_output("Samlet status for målet: ikke satt")
        .expect_output("Resultatmål for mål 1: 10 av 20")
        .expect_output("Innbygger kan bestille, flytte og avlyse avtaler");
    // The dashboard's goal page lists them too.
    w.run(&[
        "dashboard",
        "--indicators",
        &ind,
        "--data",
        &data.display().to_string(),
        "--out",
        "site",
    ])
    .expect_code(0);
    // The chart horizon follows the indicator: applications to
    // Helsedataservice are charted "mot 2025" (seed 002), trust towards
    // its 2030 deadline.
    let hds = w.read("site/indicator-hds-soknader.html");
    assert!(hds.contains("Framdrift mot 2025"), "{hds}");
    let trust = w.read("site/indicator-tillit-helseopplysninger.html");
    assert!(trust.contains("Framdrift mot 2030"), "{trust}");
    let page = w.read("site/goal-1.html");
    assert_eq!(page.matches("class=\"depth-2\"").count(), 20, "{page}");
    assert_eq!(page.matches("ingen indikator ennå").count(), 10, "{page}");
}

/// Seed 003 leaves how composites aggregate undecided: målindikator 4.3
/// shows its four components side by side, each with its own status, and
/// has no status of its own (it used to repeat PLL's through `worst`).
#[test]
fn composite_43_shows_its_components_and_no_status_of_its_own() {
    let w = Workdir::new();
    let ind = repo().join("indicators").display().to_string();
    let data = repo().join("sample-data").display().to_string();
    let run = w.run(&[
        "compute",
        "--goal",
        "4",
        "--indicators",
        &ind,
        "--data",
        &data,
        "--lang",
        "en",
    ]);
    run.expect_code(0);
    let out = run.stdout();
    assert_eq!(out.matches("↳").count(), 4, "{out}");
    let explain = w.run(&[
        "explain",
        "samhandlingsverktoy",
        "--indicators",
        &ind,
        "--data",
        &data,
    ]);
    explain
        .expect_code(0)
        .expect_output("no roll-up in the definition: the 4 component(s) are shown side by side");
    assert!(
        !explain.stdout().contains("roll-up `worst`"),
        "{}",
        explain.stdout()
    );
}

/// Indicators the seeds do not contain are kept only as marked examples:
/// not in `--all`, goal summaries or the report; computed when picked by id.
#[test]
fn examples_stay_out_of_the_goals_and_the_report() {
    let w = Workdir::new();
    let ind = repo().join("indicators").display().to_string();
    let data = repo().join("sample-data").display().to_string();
    let examples = [
        "ekonsultasjon-fastlege",
        "helsenorge-innlogginger",
        "videokonsultasjoner-spesialist",
        "hds-utleveringer",
        "hds-leveringstid-median",
        "leveringstid-sum-dager",
    ];
    let all = w.run(&[
        "compute",
        "--all",
        "--format",
        "csv",
        "--indicators",
        &ind,
        "--data",
        &data,
    ]);
    all.expect_code(0);
    let rows = parse_csv(&all.output.stdout);
    for id in examples {
        assert!(!rows.iter().any(|r| r["indicator"] == id), "{id} in --all");
        let one = w.run(&[
            "compute",
            "--indicator",
            id,
            "--format",
            "csv",
            "--indicators",
            &ind,
            "--data",
            &data,
        ]);
        one.expect_code(0);
        assert!(!parse_csv(&one.output.stdout).is_empty(), "{id} by id");
    }
    w.run(&[
        "report",
        "--quarter",
        "2026Q2",
        "--out",
        "out",
        "--indicators",
        &ind,
        "--data",
        &data,
    ])
    .expect_code(0);
    let status = w.read("out/2026Q2/status.csv");
    for id in examples {
        assert!(!status.contains(id), "{id} in the report");
    }
    let list = w.run(&["list", "--indicators", &ind]);
    assert_eq!(
        list.stdout().matches("(eksempel,").count(),
        6,
        "{}",
        list.stdout()
    );
}

/// Content the seeds do not contain is gone from the shipped definitions
/// (or marked as the project's choice): each pair is a definition and a
/// phrase it used to carry.
#[test]
fn no_invented_ambitions_or_caveats() {
    let removed = [
        ("goal-1/velferdsteknologi-befolkning", "target: 100"),
        (
            "goal-3/beslutningsstotte-helsepersonell",
            "som i statusrapporten",
        ),
        (
            "goal-1/innbygger-enkle-digitale-tjenester",
            "henger tett sammen med forventninger",
        ),
        ("goal-1/digital-hjemmeoppfolging-brukere", "kan overlappe"),
        (
            "goal-3/ki-dokumentasjonsassistent-fastleger",
            "Spørsmålet er nytt",
        ),
        ("goal-3/hds-leveringstid", "fra godkjenning"),
        ("goal-4/samhandlingsverktoy", "den svakeste bestemmer"),
        ("goal-4/tillit-helseopplysninger", "holdes utenfor nevneren"),
    ];
    for (file, phrase) in removed {
        let text = std::fs::read_to_string(repo().join(format!("indicators/{file}.yaml")))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!text.contains(phrase), "{file} still says {phrase:?}");
    }
    // The legevakt statistic is "under utvikling" (seed 002), and the
    // seed's two counts are recorded as a conflict.
    let legevakt =
        std::fs::read_to_string(repo().join("indicators/goal-2/pjd-legevakt-virksomheter.yaml"))
            .expect("legevakt");
    assert!(legevakt.contains("readiness: in-development"));
    assert!(legevakt.contains("43 legevakter") && legevakt.contains("32 unike legevakter"));
    // The multi-select indicator says which answer its headline is (the
    // first in `answers`, the one seed 002 names).
    let wanted = std::fs::read_to_string(
        repo().join("indicators/goal-1/innbyggere-onskede-digitale-tjenester.yaml"),
    )
    .expect("multi-select");
    assert!(wanted.contains("(overskrift: journal fra fastlegen)"));
    assert!(wanted.contains("answers: [\"Journal fra fastlegen\","));
}

/// PLL's regional targets are "30% av antall innbyggere per region (SSB
/// 2025)" (seed 002): one fixed denominator per region for every month.
#[test]
fn pll_regional_targets_rest_on_the_2025_population() {
    let (rows, _) = shipped_run();
    let mut per_region: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for r in rows
        .iter()
        .filter(|r| r["indicator"] == "pll-maloppnaelse-region" && r["breakdown"] == "region")
    {
        per_region
            .entry(r["group"].clone())
            .or_default()
            .insert(r["denominator"].clone());
    }
    assert_eq!(per_region.len(), 4, "{per_region:?}");
    for (region, dens) in &per_region {
        assert_eq!(dens.len(), 1, "{region}: {dens:?}");
    }
}
