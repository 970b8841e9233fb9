//! Finds the `line:col` of a field path (`ambition.target`,
//! `measure.numerator.column`, `columns[2].type`) in the text of a YAML file,
//! so semantic findings point at the right place. serde reports syntax and
//! type errors with their own positions; this covers checks made after
//! parsing. Block mappings, block sequences of mappings and one-line flow
//! mappings (`{ kind: sum, column: x }`) are understood, which is what the
//! definition files use.

/// A 1-based line and column.
pub(crate) type Pos = (usize, usize);

/// One key found in the file, with its full path.
struct Entry {
    path: Vec<String>,
    key_pos: Pos,
    value_pos: Pos,
    /// The value starts on a later line (block mapping or sequence).
    block: bool,
}

/// An index of every key in a YAML text.
pub(crate) struct Locator {
    entries: Vec<Entry>,
}

impl Locator {
    /// Indexes `text`.
    pub(crate) fn new(text: &str) -> Self {
        let mut entries = Vec::new();
        // Stack of (indent, key or list index) for block structure.
        let mut stack: Vec<(usize, String)> = Vec::new();
        let mut list_counters: Vec<(usize, Vec<String>, usize)> = Vec::new();
        for (i, raw_line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw_line.trim_start_matches('\u{feff}');
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
                continue;
            }
            let mut indent = line.len() - trimmed.len();
            let mut rest = trimmed;
            // Sequence items: `- key: value` or `- value`.
            if let Some(after) =
                rest.strip_prefix("- ")
                    .or(if rest == "-" { Some("") } else { None })
            {
                while stack.last().is_some_and(|(ind, _)| *ind >= indent) {
                    stack.pop();
                }
                let parent: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
                let idx = if let Some(entry) = list_counters
                    .iter_mut()
                    .find(|(ind, p, _)| *ind == indent && *p == parent)
                {
                    entry.2 += 1;
                    entry.2
                } else {
                    list_counters.retain(|(ind, _, _)| *ind < indent);
                    list_counters.push((indent, parent.clone(), 0));
                    0
                };
                stack.push((indent, format!("[{idx}]")));
                indent += 2;
                rest = after;
                let path: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
                entries.push(Entry {
                    path: path.clone(),
                    key_pos: (line_no, column(line, indent - 2)),
                    value_pos: (line_no, column(line, line.len() - rest.len())),
                    block: rest.trim().is_empty(),
                });
                if rest.trim_start().starts_with('{') {
                    index_flow(&mut entries, &path, line, line.len() - rest.len(), line_no);
                    continue;
                }
            }
            let Some((key, value_offset)) = split_key(rest) else {
                continue;
            };
            while stack.last().is_some_and(|(ind, _)| *ind >= indent) {
                stack.pop();
            }
            let mut path: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
            path.push(key.to_string());
            let key_at = line.len() - rest.len();
            let value_start = key_at + value_offset;
            let value_text = &line[value_start..];
            let value_at = value_start + (value_text.len() - value_text.trim_start().len());
            let value_trimmed = value_text.trim();
            entries.push(Entry {
                path: path.clone(),
                key_pos: (line_no, column(line, key_at)),
                value_pos: (line_no, column(line, value_at)),
                block: value_trimmed.is_empty() || value_trimmed.starts_with('#'),
            });
            stack.push((indent, key.to_string()));
            if value_text.trim_start().starts_with('{') {
                index_flow(&mut entries, &path, line, value_at, line_no);
            } else if value_text.trim_start().starts_with('[') {
                index_flow_seq(&mut entries, &path, line, value_at, line_no);
            }
        }
        Self { entries }
    }

    /// Position of the value at `path` (dotted, with `[i]` for list items),
    /// or of its nearest ancestor that exists; `(1, 1)` when nothing matches.
    /// A value that is a block (a mapping or list on the following lines)
    /// has no text of its own on the key's line: its key's position stands
    /// for it, so a finding about a field missing from `ambition:` points
    /// at `ambition:`.
    pub(crate) fn value(&self, path: &str) -> Pos {
        self.find(path, false)
    }

    /// Position of the key at `path` (see [`Locator::value`]).
    #[cfg(test)]
    fn key(&self, path: &str) -> Pos {
        self.find(path, true)
    }

    fn find(&self, path: &str, key: bool) -> Pos {
        let mut parts = split_path(path);
        while !parts.is_empty() {
            if let Some(e) = self.entries.iter().find(|e| e.path == parts) {
                return if key || e.block {
                    e.key_pos
                } else {
                    e.value_pos
                };
            }
            parts.pop();
        }
        (1, 1)
    }
}

/// The 1-based column (in characters, as editors count) of byte `at`.
fn column(line: &str, at: usize) -> usize {
    line[..at].chars().count() + 1
}

/// Splits `a.b[2].c` into `["a", "b", "[2]", "c"]`.
fn split_path(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        if part.is_empty() {
            continue;
        }
        match part.find('[') {
            Some(i) => {
                if i > 0 {
                    out.push(part[..i].to_string());
                }
                for idx in part[i..].split_inclusive(']') {
                    out.push(idx.to_string());
                }
            }
            None => out.push(part.to_string()),
        }
    }
    out
}

/// `key: value` → (`key`, byte offset of the value part). Quoted keys are not used.
fn split_key(s: &str) -> Option<(&str, usize)> {
    let end = s.find(':')?;
    let key = &s[..end];
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let after = &s[end + 1..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some((key, end + 1))
}

/// Indexes the keys of a one-line flow mapping starting at byte `start` of `line`.
fn index_flow(
    entries: &mut Vec<Entry>,
    parent: &[String],
    line: &str,
    start: usize,
    line_no: usize,
) {
    let mut depth = 0usize;
    let mut stack: Vec<String> = parent.to_vec();
    let mut base_len = vec![parent.len()];
    let bytes = line.as_bytes();
    let mut i = start;
    let mut token_start: Option<usize> = None;
    let mut in_quote: Option<u8> = None;
    while i < bytes.len() {
        let c = bytes[i];
        if let Some(q) = in_quote {
            if c == q {
                in_quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' | b'\'' => in_quote = Some(c),
            b'{' => {
                depth += 1;
                token_start = Some(i + 1);
                if depth > 1 {
                    base_len.push(stack.len());
                }
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if let Some(len) = base_len.pop() {
                    stack.truncate(len);
                }
                if base_len.is_empty() {
                    return;
                }
                token_start = None;
            }
            b',' => token_start = Some(i + 1),
            b':' => {
                if let Some(ts) = token_start.take() {
                    let key = line[ts..i].trim();
                    if !key.is_empty() {
                        let len = *base_len.last().unwrap_or(&parent.len());
                        stack.truncate(len);
                        stack.push(key.to_string());
                        let key_at = ts + (line[ts..i].len() - line[ts..i].trim_start().len());
                        let vs = &line[i + 1..];
                        let value_at = i + 1 + (vs.len() - vs.trim_start().len());
                        entries.push(Entry {
                            path: stack.clone(),
                            key_pos: (line_no, column(line, key_at)),
                            value_pos: (line_no, column(line, value_at)),
                            block: false,
                        });
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Indexes the items of a one-line flow sequence (`[a, "b, c", { k: v }]`)
/// starting at byte `start` of `line`: item `i` gets the path `parent[i]`
/// and the position of its first character. Mappings inside are indexed too.
fn index_flow_seq(
    entries: &mut Vec<Entry>,
    parent: &[String],
    line: &str,
    start: usize,
    line_no: usize,
) {
    let bytes = line.as_bytes();
    let mut depth = 0usize;
    let mut in_quote: Option<u8> = None;
    let mut index = 0usize;
    let mut item_start: Option<usize> = None;
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i];
        if let Some(q) = in_quote {
            if c == q {
                in_quote = None;
            }
            i += 1;
            continue;
        }
        if depth == 1 && item_start.is_none() && !c.is_ascii_whitespace() && c != b']' && c != b','
        {
            item_start = Some(i);
            let mut path = parent.to_vec();
            path.push(format!("[{index}]"));
            let pos = (line_no, column(line, i));
            entries.push(Entry {
                path: path.clone(),
                key_pos: pos,
                value_pos: pos,
                block: false,
            });
            if c == b'{' {
                index_flow(entries, &path, line, i, line_no);
            }
        }
        match c {
            b'"' | b'\'' => in_quote = Some(c),
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return;
                }
            }
            b',' if depth == 1 => {
                index += 1;
                item_start = None;
            }
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "id: x\nname:\n  nb: A\n  en: B\nmeasure:\n  kind: ratio\n  numerator: { kind: sum, source: s, column: c }\nambition:\n  target: 30\ncolumns:\n  - { name: a, type: text }\n  - name: b\n    type: integer\n";

    #[test]
    fn finds_block_and_flow_fields() {
        let loc = Locator::new(DOC);
        assert_eq!(loc.value("ambition.target"), (9, 11));
        assert_eq!(loc.key("name.en"), (4, 3));
        assert_eq!(loc.value("measure.numerator.column"), (7, 46));
        assert_eq!(loc.value("columns[0].type"), (11, 22));
        assert_eq!(loc.value("columns[1].type"), (13, 11));
        // Unknown leaf falls back to the parent.
        assert_eq!(loc.key("ambition.by"), (8, 1));
        // A block mapping's value is its key.
        assert_eq!(loc.value("ambition.by"), (8, 1));
    }

    #[test]
    fn finds_items_of_flow_sequences() {
        let doc = "source: [a, bb, \"c, d\"]\nmeasure:\n  components: [x,y]\n";
        let loc = Locator::new(doc);
        assert_eq!(loc.value("source[0]"), (1, 10));
        assert_eq!(loc.value("source[1]"), (1, 13));
        assert_eq!(loc.value("source[2]"), (1, 17));
        assert_eq!(loc.value("measure.components[1]"), (3, 18));
        assert_eq!(loc.value("measure.components"), (3, 15));
    }
}
