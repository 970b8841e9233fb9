//! Issue 21: `status` and `list` as CSV and JSON (English codes, labels in
//! the chosen language), and their figures agree with each other.

use crate::support::{Run, Workdir, on_shipped, parse_csv, repo};

/// `ehelse list ARGS` on the shipped catalogue (`list` reads no data).
fn list(w: &Workdir, args: &[&str]) -> Run {
    let indicators = repo().join("indicators").display().to_string();
    let mut all = vec!["list"];
    all.extend(args);
    all.extend(["--indicators", &indicators]);
    w.run(&all)
}

#[test]
fn status_counts_every_strategic_indicator_and_roadmap_sub_goal_once() {
    let w = Workdir::new();
    let listed = list(&w, &["--format", "csv"]);
    listed.expect_code(0);
    let list = parse_csv(&listed.output.stdout);
    let status = on_shipped(&w, &["status", "--format", "csv"]);
    assert!(status.code() <= 1, "{}", status.stderr());
    let status = parse_csv(&status.output.stdout);
    assert!(!status.is_empty());
    for goal in ["1", "2", "3", "4", "5"] {
        let count = |kind: &str| -> usize {
            status
                .iter()
                .filter(|r| r["goal"] == goal && r["kind"] == kind)
                .map(|r| r["count"].parse::<usize>().expect("a count"))
                .sum()
        };
        let milestones = list
            .iter()
            .filter(|r| r["goal"] == goal && r["measure"] == "milestone")
            .count();
        let strategic = list
            .iter()
            .filter(|r| {
                r["goal"] == goal && r["level"] == "strategic" && r["measure"] != "milestone"
            })
            .count();
        assert_eq!(count("milestone"), milestones, "goal {goal}");
        // Planned ones count too (as too little data).
        assert_eq!(count("strategic"), strategic, "goal {goal}");
    }
    // Codes are English whatever the language; labels follow it.
    assert!(status.iter().all(|r| r["overall_status"] == "not-set"));
    assert!(status.iter().any(|r| r["status_label"] == "I rute"));
}

#[test]
fn json_mirrors_csv_and_labels_follow_the_language() {
    let w = Workdir::new();
    let csv = parse_csv(&list(&w, &["--format", "csv", "--lang", "en"]).output.stdout);
    let json = list(&w, &["--format", "json", "--lang", "en"]).json();
    let items = json.as_array().expect("an array");
    assert_eq!(items.len(), csv.len());
    for (row, item) in csv.iter().zip(items) {
        assert_eq!(item["id"].as_str(), Some(row["id"].as_str()));
        assert_eq!(item["level"].as_str(), Some(row["level"].as_str()));
        assert_eq!(item["example"].as_bool(), Some(row["example"] == "true"));
    }
    let status = on_shipped(&w, &["status", "--format", "json", "--lang", "en"]).json();
    let labels: Vec<&str> = status
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|r| r["status_label"].as_str())
        .collect();
    assert!(labels.contains(&"On track"), "{labels:?}");
    assert!(!labels.contains(&"I rute"), "{labels:?}");
}
