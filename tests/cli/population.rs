//! Seed 001: "Er det bedre å måle antall innbyggere som bor i kommuner som
//! tilbyr …?" Every indicator that counts municipalities has a
//! population-weighted variant, and the weights are the inhabitants of the
//! municipalities that meet the condition (counted here from the SSB table).

use std::collections::BTreeMap;

use crate::support::{Workdir, row};

/// The shipped SSB table (title line, `;`, one column per year from 2020,
/// `.` where a code did not exist): code → population per year.
fn population_table() -> BTreeMap<String, Vec<Option<u64>>> {
    let text = std::fs::read_to_string(
        crate::support::repo().join("sample-data/ssb/befolkning_07459.csv"),
    )
    .expect("ssb table");
    text.lines()
        .skip(2)
        .map(|l| {
            let cells: Vec<&str> = l.split(';').collect();
            (
                format!("{:0>4}", cells[0]),
                cells[2..].iter().map(|c| c.parse::<u64>().ok()).collect(),
            )
        })
        .collect()
}

/// The weight of each municipality of the latest structure (those with a
/// 2026 population) in `year`: its population that year, or, when it did
/// not exist yet, in the first year it has one.
fn population(year: usize) -> BTreeMap<String, u64> {
    population_table()
        .into_iter()
        .filter(|(_, pops)| pops[2026 - 2020].is_some())
        .map(|(code, pops)| {
            let own = pops[year - 2020];
            let first = pops.iter().flatten().next().copied();
            (code, own.or(first).expect("a population"))
        })
        .collect()
}

/// The shipped catalogue and population, and a list of municipalities
/// that introduced the services: Oslo (kjernejournal in 2021) and Bergen
/// (kjernejournal in 2022, critical information in 2024).
fn adoption_list() -> Workdir {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    let ssb = std::fs::read(crate::support::repo().join("sample-data/ssb/befolkning_07459.csv"))
        .expect("ssb table");
    w.write("data/ssb/befolkning_07459.csv", ssb);
    w.write(
        "data/nhn/samhandling_kommuner.csv",
        "tjeneste;innfort_dato;kommunenr\n\
         kjernejournal;2021-03-01;0301\n\
         kjernejournal;2022-06-01;4601\n\
         kritisk_info;2024-09-15;4601\n",
    );
    w
}

#[test]
fn kjernejournal_is_weighted_by_the_inhabitants_of_the_municipalities_that_have_it() {
    let w = adoption_list();
    let rows = w.figures("kjernejournal-kommuner-befolkning", &[]);
    for (year, members) in [(2021, vec!["0301"]), (2022, vec!["0301", "4601"])] {
        let pop = population(year);
        let year = &year.to_string();
        let numerator: u64 = members.iter().map(|c| pop[*c]).sum();
        let total: u64 = pop.values().sum();
        let r = row(&rows, year, "", "");
        assert_eq!(r["numerator"], numerator.to_string(), "{year}: {r:?}");
        assert_eq!(r["denominator"], total.to_string(), "{year}: {r:?}");
        let value: f64 = r["value"].parse().expect("value");
        #[allow(clippy::cast_precision_loss)]
        let expected = numerator as f64 / total as f64 * 100.0;
        assert!(
            (value - expected).abs() < 1e-4,
            "{year}: {value} vs {expected}"
        );
    }
    let rows = w.figures("kritisk-info-kommuner-befolkning", &[]);
    let pop = population(2024);
    let r = row(&rows, "2024", "", "");
    assert_eq!(r["numerator"], pop["4601"].to_string());
    assert_eq!(r["denominator"], pop.values().sum::<u64>().to_string());
}

#[test]
fn every_indicator_counting_municipalities_has_a_population_weighted_variant() {
    let shipped = crate::support::repo().join("indicators");
    let w = Workdir::new();
    let run = w.run(&["validate", "--indicators", &shipped.display().to_string()]);
    run.expect_code(0);
    assert!(
        !run.stderr().contains("no-population-variant"),
        "{}",
        run.stderr()
    );
    for id in [
        "velferdsteknologi-antall-kommuner",
        "kjernejournal-kommuner",
        "kritisk-info-kommuner",
        "hto-effekt",
        "hto-ny-epj",
        "hto-ny-epj-arlig",
        "nytt-epj-alle-kommuner",
        "velferdsteknologi-kommuner",
    ] {
        let show = w.run(&["show", id, "--indicators", &shipped.display().to_string()]);
        show.expect_code(0);
        assert!(
            show.stdout().to_lowercase().contains("befolkningsvekt"),
            "{id}:\n{}",
            show.stdout()
        );
    }
}

#[test]
fn a_municipality_count_without_a_weighted_variant_is_warned_about() {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    std::fs::remove_file(
        w.path()
            .join("indicators/goal-4/kjernejournal-kommuner-befolkning.yaml"),
    )
    .expect("remove");
    let run = w.run(&["validate", "--indicators", "indicators"]);
    run.expect_output("no-population-variant")
        .expect_output("indicators/goal-4/kjernejournal-kommuner.yaml:14");
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    let p = "indicators/goal-5/hto-effekt-befolkning.yaml";
    let text = w.read(p).replace("  weight-by: ssb-befolkning\n", "");
    w.write(p, text);
    w.run(&["validate", "--indicators", "indicators"])
        .expect_code(1)
        .expect_output("variant-not-weighted");
}

#[test]
fn a_weighted_snapshot_figure_stands_in_a_later_quarter() {
    // The HTO reporting is a snapshot as of January 2026; the population
    // table only weighs it, so the 2026 figure still stands in 2026Q2.
    let w = Workdir::new();
    for id in ["hto-effekt-befolkning", "nytt-epj-alle-kommuner-befolkning"] {
        let run = crate::support::on_shipped(
            &w,
            &[
                "compute",
                "--indicator",
                id,
                "--period",
                "2026Q2",
                "--format",
                "csv",
            ],
        );
        run.expect_code(0);
        let rows = crate::support::parse_csv(&run.output.stdout);
        let value: f64 = row(&rows, "2026", "", "")["value"]
            .parse()
            .expect("a value");
        assert!(value > 0.0 && value <= 100.0, "{id}: {value}");
    }
}

/// `ehelse <args> --indicators <repo>/indicators --data <repo>/sample-data
/// --format csv` as rows, asserting exit 0.
fn shipped_csv(args: &[&str]) -> Vec<crate::support::Row> {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let run = crate::support::on_shipped(&Workdir::new(), &all);
    run.expect_code(0);
    crate::support::parse_csv(&run.output.stdout)
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

#[test]
fn inequality_gives_the_spread_between_regions_and_the_population_left_out() {
    let id = "velferdsteknologi-kommuner";
    let view = shipped_csv(&["inequality", "--indicator", id]);
    let region = view
        .iter()
        .find(|r| r["breakdown"] == "region")
        .unwrap_or_else(|| panic!("no region row: {view:#?}"));
    // The same figures per region from `compute --by region`.
    let figures = shipped_csv(&["compute", "--indicator", id, "--by", "region"]);
    let mut by_region: Vec<(f64, String)> = figures
        .iter()
        .filter(|r| r["period"] == region["period"] && r["breakdown"] == "region")
        .map(|r| (num(&r["value"]), r["group"].clone()))
        .collect();
    by_region.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (low, high) = (&by_region[0], &by_region[by_region.len() - 1]);
    assert_eq!(region["groups"], by_region.len().to_string());
    assert_eq!(region["highest_group"], high.1);
    assert_eq!(region["lowest_group"], low.1);
    assert!(
        (num(&region["gap"]) - (high.0 - low.0)).abs() < 1e-6,
        "{region:?}"
    );
    // 100 minus the population-weighted variant (velferdsteknologi-befolkning).
    let weighted = shipped_csv(&["compute", "--indicator", "velferdsteknologi-befolkning"]);
    let national = weighted
        .iter()
        .find(|r| r["period"] == region["period"] && r["breakdown"].is_empty())
        .expect("national weighted figure");
    assert_eq!(
        region["population_outside_from"],
        "velferdsteknologi-befolkning"
    );
    assert!((num(&region["population_outside"]) - (100.0 - num(&national["value"]))).abs() < 1e-6);
}

#[test]
fn inequality_between_survey_groups_has_an_interval_for_the_gap() {
    let id = "innbygger-enkle-digitale-tjenester";
    let view = shipped_csv(&["inequality", "--indicator", id]);
    let age = view
        .iter()
        .find(|r| r["breakdown"] == "aldersgruppe")
        .unwrap_or_else(|| panic!("no age-group row: {view:#?}"));
    let figures = shipped_csv(&["compute", "--indicator", id, "--by", "aldersgruppe"]);
    let group = |name: &str| {
        figures
            .iter()
            .find(|r| {
                r["period"] == age["period"]
                    && r["breakdown"] == "aldersgruppe"
                    && r["group"] == name
            })
            .unwrap_or_else(|| panic!("no group {name}"))
    };
    let (h, l) = (group(&age["highest_group"]), group(&age["lowest_group"]));
    // The gap's interval from the groups' Wilson intervals: each half-width
    // over z is taken as a standard error, and the two are combined.
    let z = 1.959_963_984_540_054_f64;
    let se = |r: &crate::support::Row| (num(&r["ci_high"]) - num(&r["ci_low"])) / 2.0 / z;
    let gap = num(&h["value"]) - num(&l["value"]);
    let half = z * (se(h).powi(2) + se(l).powi(2)).sqrt();
    assert!((num(&age["gap"]) - gap).abs() < 1e-6, "{age:?}");
    assert!(
        (num(&age["gap_ci_low"]) - (gap - half)).abs() < 1e-6,
        "{age:?}"
    );
    assert!(
        (num(&age["gap_ci_high"]) - (gap + half)).abs() < 1e-6,
        "{age:?}"
    );
    // A count of municipalities is not compared between groups of
    // different size, but still has the population left out.
    let count = shipped_csv(&["inequality", "--indicator", "kjernejournal-kommuner"]);
    assert_eq!(count[0]["no_spread"], "no-groups", "{count:?}");
    assert_eq!(
        count[0]["population_outside_from"],
        "kjernejournal-kommuner-befolkning"
    );
}

#[test]
fn inequality_speaks_norwegian_unless_asked_for_english() {
    let w = Workdir::new();
    let nb = crate::support::on_shipped(&w, &["inequality", "--goal", "1"]);
    nb.expect_code(0)
        .expect_output("Ulikhet mellom grupper")
        .expect_output("Aldersgruppe")
        .expect_output("kommuner uten");
    let en = crate::support::on_shipped(&w, &["inequality", "--goal", "1", "--lang", "en"]);
    en.expect_code(0)
        .expect_output("Inequality between groups")
        .expect_output("Age group");
    assert!(!en.stdout().contains("Ulikhet"), "{}", en.stdout());
}
