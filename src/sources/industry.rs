//! The SN2007 → SN2025 industry-code table (`reference/`, embedded), for
//! columns declared with `harmonise: sn2025`.

use std::collections::BTreeMap;

/// `sn2007,sn2007_name,sn2025,sn2025_name,basis`; see `reference/README.md`.
const TABLE: &str = include_str!("../../reference/naeringskoder_sn2007_sn2025.csv");

/// Every code the table knows with its SN2025 code: an SN2007 code maps to
/// its SN2025 code, an SN2025 code to itself (an SN2007 reading wins).
pub(super) fn sn2025_map() -> BTreeMap<String, String> {
    let rows: Vec<(&str, &str)> = TABLE
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Some((f.first()?.trim(), f.get(2)?.trim()))
        })
        .collect();
    let mut map = BTreeMap::new();
    for (_, to) in &rows {
        map.insert((*to).to_string(), (*to).to_string());
    }
    for (from, to) in rows {
        map.insert(from.to_string(), to.to_string());
    }
    map
}

#[cfg(test)]
mod tests {
    use super::sn2025_map;

    #[test]
    fn maps_the_changed_codes_and_keeps_sn2025_codes() {
        let m = sn2025_map();
        for (from, to) in [
            ("86.211", "86.210"),
            ("86.901", "86.941"),
            ("86.902", "86.950"),
            ("86.903", "86.942"),
            ("86.210", "86.210"),
            ("86.101", "86.101"),
        ] {
            assert_eq!(m.get(from).map(String::as_str), Some(to), "{from}");
        }
        assert!(!m.contains_key("86.905"));
    }
}
