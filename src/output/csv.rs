//! CSV in two dialects: standard (`,`, decimal point) and excel-nb (`;`,
//! decimal comma, a byte-order mark so Excel reads UTF-8).

use anyhow::{Result, anyhow};

/// A CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// `,` separator, decimal point.
    Standard,
    /// `;` separator, decimal comma, byte-order mark (Norwegian Excel).
    ExcelNb,
}

/// Writes a header and rows in a dialect.
pub(crate) fn encode(header: &[&str], rows: &[Vec<String>], dialect: Dialect) -> Result<Vec<u8>> {
    let (sep, decimal_comma, bom) = match dialect {
        Dialect::Standard => (b',', false, false),
        Dialect::ExcelNb => (b';', true, true),
    };
    let mut bytes = if bom {
        vec![0xEF, 0xBB, 0xBF]
    } else {
        Vec::new()
    };
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(sep)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        if decimal_comma {
            let r: Vec<String> = r
                .iter()
                .map(|v| {
                    if v.parse::<f64>().is_ok() {
                        v.replace('.', ",")
                    } else {
                        v.clone()
                    }
                })
                .collect();
            w.write_record(&r)?;
        } else {
            w.write_record(r)?;
        }
    }
    bytes.extend(w.into_inner().map_err(|e| anyhow!("writing CSV: {e}"))?);
    Ok(bytes)
}

/// `sources --format csv`: one row per file of every source.
pub(crate) fn sources(audits: &[crate::sources::Audit]) -> Result<Vec<u8>> {
    let header = [
        "source",
        "file",
        "sha256",
        "bytes",
        "encoding",
        "separator",
        "decimal",
        "skip_lines",
        "rows",
        "excluded",
        "first_period",
        "last_period",
        "problems",
    ];
    let mut rows = Vec::new();
    for a in audits {
        for f in &a.files {
            rows.push(vec![
                a.source.clone(),
                f.path.display().to_string(),
                f.sha256.clone(),
                f.bytes.to_string(),
                f.encoding.clone(),
                f.separator.clone(),
                f.decimal.clone(),
                f.skip_lines.to_string(),
                f.rows.to_string(),
                f.excluded.to_string(),
                a.first_period.clone().unwrap_or_default(),
                a.last_period.clone().unwrap_or_default(),
                a.problems.len().to_string(),
            ]);
        }
    }
    encode(&header, &rows, Dialect::Standard)
}

/// The dialect's name in the manifest.
pub(crate) fn name(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Standard => "standard",
        Dialect::ExcelNb => "excel-nb",
    }
}
