//! Placeholder while the DOCX backend is written.
use crate::doc::Document;
use crate::error::{Error, ErrorKind, Result};
/// Not yet.
pub fn render(_doc: &Document) -> Result<Vec<u8>> {
    Err(Error::new(ErrorKind::Internal, "docx backend not yet built"))
}
