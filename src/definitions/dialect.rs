//! The CSV dialect a source declares, parsed: encoding, separator, decimal
//! mark and lines to skip. Anything left out is detected from the file by
//! `sources`.

use super::raw::RawDialect;

/// Text encodings the tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Windows-1252 (also used for latin1 / ISO-8859-1, its subset).
    Windows1252,
}

impl Encoding {
    /// Parses a definition's `encoding` (ASCII case and `_`/`-` ignored).
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Self::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" => {
                Some(Self::Windows1252)
            }
            _ => None,
        }
    }

    /// Name for reports.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Windows1252 => "windows-1252",
        }
    }
}

/// The declared dialect; `None` fields are detected from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DialectSpec {
    /// Field separator byte (`\t` for tab).
    pub(crate) separator: Option<u8>,
    /// Whether the decimal mark is a comma.
    pub(crate) decimal_comma: Option<bool>,
    /// Text encoding.
    pub(crate) encoding: Option<Encoding>,
    /// Title lines above the header.
    pub(crate) skip_lines: Option<usize>,
    /// Comment or note lines right below the header.
    pub(crate) skip_after_header: Option<usize>,
}

impl DialectSpec {
    /// Parses a checked raw dialect; `None` when a field is malformed.
    pub(crate) fn from_raw(raw: &RawDialect) -> Option<Self> {
        let separator = match raw.separator.as_deref() {
            Some("\\t" | "\t") => Some(b'\t'),
            Some(s) if s.len() == 1 => Some(s.as_bytes()[0]),
            // Not given, or one character of several bytes: detected.
            _ => None,
        };
        let decimal_comma = match raw.decimal.as_deref() {
            None => None,
            Some(",") => Some(true),
            Some(".") => Some(false),
            Some(_) => return None,
        };
        let encoding = match raw.encoding.as_deref() {
            None => None,
            Some(e) => Some(Encoding::parse(e)?),
        };
        Some(Self {
            separator,
            decimal_comma,
            encoding,
            skip_lines: raw.skip_lines,
            skip_after_header: raw.skip_after_header,
        })
    }
}
