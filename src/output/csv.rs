//! CSV in two dialects: standard (`,`, decimal point) and excel-nb (`;`,
//! decimal comma, a byte-order mark so Excel reads UTF-8).

use anyhow::{Result, anyhow};

use crate::cli::CsvDialect;

/// Writes a header and rows in a dialect.
pub(crate) fn encode(
    header: &[&str],
    rows: &[Vec<String>],
    dialect: CsvDialect,
) -> Result<Vec<u8>> {
    let (sep, decimal_comma, bom) = match dialect {
        CsvDialect::Standard => (b',', false, false),
        CsvDialect::ExcelNb => (b';', true, true),
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
pub(crate) fn name(dialect: CsvDialect) -> &'static str {
    match dialect {
        CsvDialect::Standard => "standard",
        CsvDialect::ExcelNb => "excel-nb",
    }
}
