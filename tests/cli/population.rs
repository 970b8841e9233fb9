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
            show.stdout().contains("befolkningsvekt"),
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
    let repo = crate::support::repo();
    let indicators = repo.join("indicators").display().to_string();
    let data = repo.join("sample-data").display().to_string();
    for id in ["hto-effekt-befolkning", "nytt-epj-alle-kommuner-befolkning"] {
        let run = w.run(&[
            "compute",
            "--indicators",
            &indicators,
            "--data",
            &data,
            "--indicator",
            id,
            "--period",
            "2026Q2",
            "--format",
            "csv",
        ]);
        run.expect_code(0);
        let rows = crate::support::parse_csv(&run.output.stdout);
        let value: f64 = row(&rows, "2026", "", "")["value"]
            .parse()
            .expect("a value");
        assert!(value > 0.0 && value <= 100.0, "{id}: {value}");
    }
}
