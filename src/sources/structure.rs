//! The structure of a delimited file, checked in the same read as its
//! SHA-256: every record has as many fields as the header, no quote is left
//! open at the end, no NUL byte, and (for UTF-8 sources) valid UTF-8. The
//! CSV reader would otherwise drop the rest of a file after an unclosed
//! quote, fill or cut ragged rows, or read broken bytes as text, without an
//! error. A problem is reported with its line, never with the row's cells.

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
    nul: Option<u64>,
    utf8_bad: Option<u64>,
    /// Bytes of an incomplete UTF-8 sequence at the end of the last chunk.
    pending: Vec<u8>,
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
            nul: None,
            utf8_bad: None,
            pending: Vec::new(),
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
                    if !self.in_quotes {
                        self.end_record();
                    }
                    self.line += 1;
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
        let (fields, empty) = (self.fields, self.record_bytes == 0);
        self.fields = 1;
        self.record_bytes = 0;
        if self.skip_before > 0 {
            self.skip_before -= 1;
            return;
        }
        let Some(expected) = self.header_fields else {
            self.header_fields = Some(fields);
            return;
        };
        if self.after_header < self.skip_after {
            self.after_header += 1;
            return;
        }
        if empty || fields == expected {
            return;
        }
        match &mut self.ragged {
            Some(p) => p.count += 1,
            None => {
                self.ragged = Some(Problem {
                    line: self.line,
                    what: format!(
                        "the row has {fields} field(s) where the header has {expected} \
                         (a separator too many or too few)"
                    ),
                    count: 1,
                });
            }
        }
    }

    /// The first problem found, after the last chunk.
    pub(crate) fn finish(mut self) -> Option<Problem> {
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
        self.ragged
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
        c.finish()
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
        assert_eq!(c.finish(), None);
    }
}
