//! Drives the real `resolute` binary on the worked example and on fixtures,
//! and reads what it writes with independent tools: poppler (pdftotext,
//! pdffonts), qpdf, pandoc, mupdf and LibreOffice. `.ci/run` installs them;
//! elsewhere a test whose tool is missing says so and is skipped.

#[macro_use]
mod common;
mod annexes;
mod barcode;
mod cases;
mod errors;
mod import;
mod import_languages;
mod kinds;
mod languages;
mod narrative;
mod organs;
mod report;
mod watch;
