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

/// The dialect's name in the manifest.
pub(crate) fn name(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Standard => "standard",
        Dialect::ExcelNb => "excel-nb",
    }
}
