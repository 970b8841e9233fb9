//! The structure of a delimited file, checked in the same read as its
//! SHA-256: every record has as many fields as the header, no quote is left
//! open at the end, no NUL byte, and (for UTF-8 sources) valid UTF-8. The
//! CSV reader would otherwise drop the rest of a file after an unclosed
//! quote, fill or cut ragged rows, or read broken bytes as text, without an
//! error. A problem is reported with its line, never with the row's cells.
//! The same read records where data rows start on another line than one
//! row per line would give (a quoted line break, a blank line), so a row
//! number from the reader maps back to its line in the file ([`Shape`]).

/// What is wrong with a file's structure, at the first place it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// 1-based line of the file where it occurs.
    pub(crate) line: u64,
    /// What is wrong, in words (no cell content).
    pub(crate) what: String,
    /// How many records have this kind of problem.
    pub(crate) count: u64,
}

/// The longest row accepted (bytes): a table's row is a few hundred bytes;
/// a longer one is a damaged file or not a table, and reading it would
/// cost time and memory for nothing.
pub(crate) const MAX_ROW_BYTES: u64 = 4 << 20;

/// Most places a file's rows are out of step with its lines that are
/// remembered; past this, later rows are located from the last one.
const MAX_BREAKS: usize = 1 << 20;

/// What one read of a file found: the first problem in its structure and
/// the data rows that start on another line than one row per line gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// The first problem, if any.
    pub(crate) problem: Option<Problem>,
    /// `(row, line)`: data row `row` (0-based, as the reader numbers them)
    /// starts on 1-based line `line`; later rows follow one per line until
    /// the next entry. Empty for a file with one row per line.
    pub(crate) breaks: Vec<(u64, u64)>,
    /// Data rows, as the reader counts them (a blank line is one).
    pub(crate) rows: u64,
}

impl Shape {
    /// The 1-based line of data row `row`, where one row per line would put
    /// it on `naive`.
    pub(crate) fn line_of_row(&self, row: u64, naive: u64) -> u64 {
        let i = self.breaks.partition_point(|&(r, _)| r <= row);
        match i.checked_sub(1).map(|i| self.breaks[i]) {
            Some((r, line)) => line + (row - r),
            None => naive,
        }
    }
}

/// A streaming checker fed the file's bytes in chunks.
pub(crate) struct Checker {
    separator: u8,
    utf8: bool,
    /// Lines above the header (title lines), then lines below it to skip.
    skip_before: u64,
    skip_after: u64,
    line: u64,
    in_quotes: bool,
    quote_line: u64,
    fields: u64,
    record_bytes: u64,
    header_fields: Option<u64>,
    after_header: u64,
    ragged: Option<Problem>,
    long: Option<Problem>,
    nul: Option<u64>,
    utf8_bad: Option<u64>,
    /// Bytes of an incomplete UTF-8 sequence at the end of the last chunk.
    pending: Vec<u8>,
    /// The line the header started on.
    header_line: u64,
    /// The line the current record started on.
    record_start: u64,
    /// Data rows ended so far (a blank line is a row to the reader too).
    rows: u64,
    /// See [`Shape::breaks`].
    breaks: Vec<(u64, u64)>,
}

impl Checker {
    /// A checker for a file with this separator, title lines above the
    /// header and lines skipped right below it.
    pub(crate) fn new(separator: u8, utf8: bool, skip_lines: usize, skip_after: usize) -> Self {
        Self {
            separator,
            utf8,
            skip_before: skip_lines as u64,
            skip_after: skip_after as u64,
            line: 1,
            in_quotes: false,
            quote_line: 0,
            fields: 1,
            record_bytes: 0,
            header_fields: None,
            after_header: 0,
            ragged: None,
            long: None,
            nul: None,
            utf8_bad: None,
            pending: Vec::new(),
            header_line: 1,
            record_start: 1,
            rows: 0,
            breaks: Vec::new(),
        }
    }

    /// Feeds the next chunk of the file.
    pub(crate) fn feed(&mut self, chunk: &[u8]) {
        if self.utf8 && self.utf8_bad.is_none() {
            self.check_utf8(chunk);
        }
        for &b in chunk {
            match b {
                0 => {
                    self.nul.get_or_insert(self.line);
                }
                b'"' => {
                    if !self.in_quotes {
                        self.quote_line = self.line;
                    }
                    self.in_quotes = !self.in_quotes;
                }
                b'\n' => {
                    self.line += 1;
                    if !self.in_quotes {
                        self.end_record();
                        self.record_start = self.line;
                    }
                    continue;
                }
                b'\r' => continue,
                _ if b == self.separator && !self.in_quotes => self.fields += 1,
                _ => {}
            }
            self.record_bytes += 1;
        }
    }

    /// Valid UTF-8 across chunk boundaries; remembers the first bad line.
    fn check_utf8(&mut self, chunk: &[u8]) {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(chunk);
        match std::str::from_utf8(&bytes) {
            Ok(_) => {}
            Err(e) if e.error_len().is_none() => {
                // An incomplete sequence at the end: wait for the next chunk.
                self.pending = bytes[e.valid_up_to()..].to_vec();
            }
            Err(e) => {
                let newlines = bytes[..e.valid_up_to()].split(|&b| b == b'\n').count() - 1;
                self.utf8_bad = Some(self.line + newlines as u64);
            }
        }
    }

    /// A record ended at a line break outside quotes.
    fn end_record(&mut self) {
        let (fields, bytes) = (self.fields, self.record_bytes);
        let empty = bytes == 0;
        self.fields = 1;
        self.record_bytes = 0;
        if self.skip_before > 0 {
            self.skip_before -= 1;
            return;
        }
        let Some(expected) = self.header_fields else {
            self.header_fields = Some(fields);
            self.header_line = self.record_start;
            return;
        };
        if self.after_header < self.skip_after {
            self.after_header += 1;
            return;
        }
        // The reader reads a blank line as a row of missing cells.
        self.note_start();
        if bytes > MAX_ROW_BYTES {
            match &mut self.long {
                Some(p) => p.count += 1,
                None => {
                    self.long = Some(Problem {
                        line: self.record_start,
                        what: format!(
                            "the row is {} MiB long; a row may be at most {} MiB (is the file \
                             damaged, or not a table?)",
                            bytes >> 20,
                            MAX_ROW_BYTES >> 20
                        ),
                        count: 1,
                    });
                }
            }
        }
        if empty || fields == expected {
            return;
        }
        match &mut self.ragged {
            Some(p) => p.count += 1,
            None => {
                self.ragged = Some(Problem {
                    line: self.record_start,
                    what: format!(
                        "the row has {fields} field(s) where the header has {expected} \
                         (a separator too many or too few)"
                    ),
                    count: 1,
                });
            }
        }
    }

    /// Counts a data row, remembering where it starts when that is not
    /// where one row per line puts it.
    fn note_start(&mut self) {
        let naive = self.data_start() + self.rows;
        let expected = self
            .breaks
            .last()
            .map_or(naive, |&(r, line)| line + (self.rows - r));
        if self.record_start != expected && self.breaks.len() < MAX_BREAKS {
            self.breaks.push((self.rows, self.record_start));
        }
        self.rows += 1;
    }

    /// The line of the first data row when every row is one line.
    fn data_start(&self) -> u64 {
        self.header_line + self.skip_after + 1
    }

    /// What was found, after the last chunk.
    pub(crate) fn finish(mut self) -> Shape {
        let problem = self.problem();
        Shape {
            problem,
            breaks: std::mem::take(&mut self.breaks),
            rows: self.rows,
        }
    }

    /// The first problem found, after the last chunk.
    fn problem(&mut self) -> Option<Problem> {
        if self.record_bytes > 0 && !self.in_quotes {
            self.end_record();
        }
        if !self.pending.is_empty() && self.utf8 && self.utf8_bad.is_none() {
            self.utf8_bad = Some(self.line);
        }
        if self.in_quotes {
            return Some(Problem {
                line: self.quote_line,
                what: "a quote («\"») opened on this line is never closed, so every line after \
                       it would be read as part of one cell"
                    .to_string(),
                count: 1,
            });
        }
        if let Some(line) = self.nul {
            return Some(Problem {
                line,
                what: "the line holds a NUL byte (binary data, not text)".to_string(),
                count: 1,
            });
        }
        if let Some(line) = self.utf8_bad {
            return Some(Problem {
                line,
                what: "the line is not valid UTF-8 (is the file in another encoding? declare \
                       `dialect: { encoding: windows-1252 }`)"
                    .to_string(),
                count: 1,
            });
        }
        self.long.take().or_else(|| self.ragged.take())
    }
}

#[cfg(test)]
mod tests {
    use super::{Checker, Problem};

    fn check(text: &[u8], chunk: usize) -> Option<Problem> {
        let mut c = Checker::new(b';', true, 0, 0);
        for part in text.chunks(chunk) {
            c.feed(part);
        }
        c.finish().problem
    }

    #[test]
    fn a_well_formed_file_passes_in_any_chunking() {
        let text = "a;b;c\n1;\"x;y\";3\n4;\"multi\nline\";6\r\n7;8;9".as_bytes();
        for chunk in [1, 2, 3, 7, 1024] {
            assert_eq!(check(text, chunk), None, "chunk {chunk}");
        }
    }

    #[test]
    fn each_fault_is_found_at_its_line() {
        let line = |t: &[u8]| check(t, 3).map(|p| (p.line, p.count));
        assert_eq!(line(b"a;b\n1;2\n3;\"4\n5;6\n"), Some((3, 1)));
        assert_eq!(line(b"a;b\n1;2;3\n4\n5;6\n1;2;3\n"), Some((2, 3)));
        assert_eq!(line(b"a;b\n1;2\n3;\x004\n"), Some((3, 1)));
        assert_eq!(line(b"a;b\n1;2\n3;\xff\n"), Some((3, 1)));
        // A multi-byte character split across chunks is not an error.
        assert_eq!(check("a;b\nø;å\n".as_bytes(), 5), None);
        // Title lines above the header may have any number of fields.
        let mut c = Checker::new(b';', true, 1, 0);
        c.feed(b"Tabell 07459: Befolkning\na;b\n1;2\n");
        assert_eq!(c.finish().problem, None);
    }

    #[test]
    fn a_row_past_the_limit_is_a_problem_at_its_line() {
        let mut text = b"a;b\n1;2\n3;".to_vec();
        text.extend(std::iter::repeat_n(
            b'x',
            (super::MAX_ROW_BYTES + 1) as usize,
        ));
        text.extend_from_slice(b"\n5;6\n");
        let p = check(&text, 1 << 16).expect("a problem");
        assert_eq!((p.line, p.count), (3, 1));
        assert!(p.what.contains("at most 4 MiB"), "{}", p.what);
    }

    #[test]
    fn rows_after_a_quoted_line_break_map_to_their_own_lines() {
        // Row 0 spans lines 2-3, row 1 is blank (line 4), row 2 is line 5.
        let text = b"a;b\n1;\"x\ny\"\n\n3;4\n5;6\n";
        for chunk in [1, 2, 5, 64] {
            let mut c = Checker::new(b';', true, 0, 0);
            for part in text.chunks(chunk) {
                c.feed(part);
            }
            let shape = c.finish();
            assert_eq!(shape.breaks, vec![(1, 4)], "chunk {chunk}");
            let naive = |row: u64| row + 2;
            let lines: Vec<u64> = (0..4).map(|r| shape.line_of_row(r, naive(r))).collect();
            assert_eq!(lines, vec![2, 4, 5, 6], "chunk {chunk}");
        }
        // One row per line: nothing to remember.
        let mut c = Checker::new(b';', true, 1, 0);
        c.feed(b"Tittel\na;b\n1;2\n3;4\n");
        assert!(c.finish().breaks.is_empty());
    }
}
