//! Placeholder while the AKN module is written.
use crate::error::{Error, Result};
use crate::model::Resolution;
/// Not yet.
pub fn from_akn(_xml: &str, _path: &std::path::Path) -> Result<Resolution> {
    Err(Error::data("AKN import is not built yet"))
}
/// Not yet.
pub fn to_akn(_r: &Resolution) -> String {
    String::new()
}
