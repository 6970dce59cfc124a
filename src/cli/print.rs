//! Writing to standard output and standard error without panicking: a
//! closed pipe or a full disk is an error the command returns (stdout), or
//! is ignored (messages on stderr never stop a run).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `text` to standard output. A reader that has gone
/// (`resolute import X | head`) gives an error that
/// [`Error::is_broken_pipe`] recognises; a full disk is an I/O error.
pub fn stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("write to", Path::new("standard output"), e))
}

/// Writes a message to standard error. A message that cannot be written
/// is dropped: the work it reports on goes on.
pub fn message(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}
