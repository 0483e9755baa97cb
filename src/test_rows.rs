//! Test rows kept as data: tab-separated files under `tests/fixtures/rows/`, one row a line,
//! each opening with its name, included at compile time (`include_str!`) so that the tests need
//! no files at run time.

/// Every fixture of `tests/fixtures/rows/` as `(file name, text)`, listed by `build.rs` and
/// included at compile time.
pub(crate) const ROW_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/row_files.rs"));

/// A fixture of `tests/fixtures/rows/` as `(file name, text)`, included at compile time.
macro_rules! fixture {
    ($file:literal) => {
        ($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rows/", $file)))
    };
}
pub(crate) use fixture;

/// The rows of a fixture: its lines split at tabs into `N` fields. Blank lines and lines
/// starting with `#` (comments) are passed over; a line with another number of fields panics,
/// naming the file and line.
pub(crate) fn rows<const N: usize>((file, text): (&str, &'static str)) -> Vec<[&'static str; N]> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let n = fields.len();
        out.push(fields.try_into().unwrap_or_else(|_| panic!("{file}:{}: {n} fields, not {N}", i + 1)));
    }
    assert!(!out.is_empty(), "{file}: no rows");
    out
}

/// A field with its escapes read: `\n` is a line break.
pub(crate) fn text(field: &str) -> String {
    field.replace("\\n", "\n")
}
