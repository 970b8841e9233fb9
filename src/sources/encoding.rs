//! The encodings a definition may name (`definitions::Encoding`). Polars
//! reads UTF-8 only: a Windows-1252 file is transcoded in memory when it is
//! opened (see `discover::open_file`), never copied to disk.

pub(crate) use crate::definitions::Encoding;
