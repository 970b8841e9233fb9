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
        ambition.contains("≥ 75 %") && ambition.contains("2030"),
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
