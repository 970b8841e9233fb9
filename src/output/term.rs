//! Tables and text that fit the terminal. The width is the terminal's when
//! stdout is one, else `COLUMNS`, else 160. A table never splits a word: a
//! column is at least as wide as its longest word, a word too long for the
//! room (an id, a path) is shortened with `…`, and below 100 columns a
//! table keeps only its compact columns (the caller names them; the rest is
//! in `show`/`explain`). Borders are ASCII when `TERM=dumb` or
//! `EHELSE_ASCII=1`. Text under a table is wrapped at spaces. Nothing here
//! writes colour.

use std::fmt::Write as _;
use std::io::IsTerminal as _;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

/// Below this width a table shows only its compact columns.
pub(crate) const COMPACT_BELOW: usize = 100;

/// Width used when neither a terminal nor `COLUMNS` says.
const DEFAULT_WIDTH: usize = 160;

/// The narrowest a word is cut to (with its `…`).
const MIN_WORD: usize = 6;

/// The width output is fitted to.
pub(crate) fn width() -> usize {
    if std::io::stdout().is_terminal()
        && let Some(w) = Table::new().width()
    {
        return usize::from(w).max(20);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w >= 20)
        .unwrap_or(DEFAULT_WIDTH)
}

/// Whether borders are drawn in ASCII.
fn ascii() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
        || std::env::var("EHELSE_ASCII").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Characters a string takes on the terminal (one per char).
fn cols(s: &str) -> usize {
    s.chars().count()
}

/// The words of a cell (split where the table may break a line).
fn words(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['\n', ' ']).filter(|w| !w.is_empty())
}

/// `word` cut to `max` characters, the last one `…`.
fn shorten(word: &str, max: usize) -> String {
    if cols(word) <= max {
        return word.to_string();
    }
    let mut s: String = word.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// A cell with every word longer than `max` shortened.
fn shorten_cell(cell: &str, max: usize) -> String {
    cell.split('\n')
        .map(|line| {
            line.split(' ')
                .map(|w| shorten(w, max))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table of text cells, laid out for the terminal when printed.
pub(crate) struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The columns kept below [`COMPACT_BELOW`] (all when empty).
    compact: Vec<usize>,
}

impl Grid {
    /// A table with this header.
    pub(crate) fn new(header: Vec<String>) -> Self {
        Self {
            header,
            rows: Vec::new(),
            compact: Vec::new(),
        }
    }

    /// Adds a row (as many cells as the header).
    pub(crate) fn add_row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The columns a narrow terminal keeps.
    pub(crate) fn compact(&mut self, columns: &[usize]) {
        self.compact = columns.to_vec();
    }

    /// Whether the table at `width` drops columns.
    pub(crate) fn is_compact(&self, width: usize) -> bool {
        width < COMPACT_BELOW && !self.compact.is_empty() && self.compact.len() < self.header.len()
    }

    /// The table laid out for `width` columns.
    pub(crate) fn render(&self, width: usize) -> String {
        let keep: Vec<usize> = if self.is_compact(width) {
            self.compact.clone()
        } else {
            (0..self.header.len()).collect()
        };
        let pick = |row: &[String]| -> Vec<String> {
            keep.iter()
                .map(|&i| row.get(i).cloned().unwrap_or_default())
                .collect()
        };
        let mut header = pick(&self.header);
        let mut rows: Vec<Vec<String>> = self.rows.iter().map(|r| pick(r)).collect();
        // Each column: its longest word; cut the longest words down until
        // the columns fit (borders and padding take 3 per column, plus 1).
        let longest = |header: &[String], rows: &[Vec<String>], c: usize| -> usize {
            std::iter::once(&header[c])
                .chain(rows.iter().map(|r| &r[c]))
                .flat_map(|cell| words(cell))
                .map(cols)
                .max()
                .unwrap_or(1)
        };
        let n = keep.len();
        let room = width.saturating_sub(3 * n + 1);
        let mut bounds: Vec<usize> = (0..n).map(|c| longest(&header, &rows, c)).collect();
        while bounds.iter().sum::<usize>() > room {
            let (widest, &w) = bounds
                .iter()
                .enumerate()
                .max_by_key(|(_, w)| **w)
                .unwrap_or((0, &0));
            if w <= MIN_WORD {
                break;
            }
            bounds[widest] = w - 1;
        }
        for (c, &max) in bounds.iter().enumerate() {
            header[c] = shorten_cell(&header[c], max);
            for r in &mut rows {
                r[c] = shorten_cell(&r[c], max);
            }
        }
        let mut t = Table::new();
        t.load_preset(if ascii() {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(header);
        for r in rows {
            t.add_row(r);
        }
        for (column, max) in t.column_iter_mut().zip(&bounds) {
            // The bound counts the padding (one space each side).
            let w = u16::try_from(*max + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
        }
        t.to_string()
    }
}

impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(width()))
    }
}

/// Text wrapped at spaces to `width` columns; a wrapped line continues
/// under its own indentation (and under a list's `- `). Lines that fit
/// (table lines among them) are left as they are.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        if cols(body) <= width {
            out.push_str(line);
            continue;
        }
        let indent = cols(body) - cols(body.trim_start());
        let hang = indent
            + if body.trim_start().starts_with("- ") {
                2
            } else {
                0
            };
        let mut current = String::new();
        for word in body.trim_start().split(' ') {
            if current.trim().is_empty() {
                if current.is_empty() {
                    current = " ".repeat(indent);
                }
            } else if cols(&current) + 1 + cols(word) > width {
                let _ = writeln!(out, "{current}");
                current = " ".repeat(hang);
            } else {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Grid, wrap};

    fn widest(s: &str) -> usize {
        s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn a_table_fits_and_splits_no_word() {
        let mut g = Grid::new(vec!["Indikator".into(), "Verdi".into(), "Merknad".into()]);
        g.add_row(vec![
            "digital-hjemmeoppfolging-brukere".into(),
            "17\u{202f}720".into(),
            "en lang merknad med mange ord som må brytes".into(),
        ]);
        let t = g.render(40);
        assert!(widest(&t) <= 40, "{t}");
        // Words are whole, or shortened with an ellipsis.
        for w in ["merknad", "mange", "brytes", "17\u{202f}720"] {
            assert!(t.contains(w), "{w} split:\n{t}");
        }
        assert!(t.contains('…'), "{t}");
    }

    #[test]
    fn narrow_tables_keep_their_compact_columns() {
        let mut g = Grid::new(vec!["A".into(), "B".into(), "C".into()]);
        g.add_row(vec!["a".into(), "b".into(), "c".into()]);
        g.compact(&[0, 2]);
        assert!(!g.render(80).contains('B'));
        assert!(g.render(120).contains('B'));
    }

    #[test]
    fn text_wraps_at_spaces_under_its_indentation() {
        let text = "  - en lang linje som ikke får plass på en smal skjerm\nkort\n";
        let w = wrap(text, 24);
        assert!(widest(&w) <= 24, "{w}");
        assert_eq!(
            w.lines().nth(1).map(|l| l.starts_with("    ")),
            Some(true),
            "{w}"
        );
        assert!(w.ends_with("kort\n"));
    }
}
