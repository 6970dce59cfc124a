//! resolute turns structured data about a United Nations resolution into
//! print-ready documents: the progress report of the Secretary-General, in PDF
//! (through typst) and in Word (through docx-rs).
//!
//! The pipeline: [`load`] data files into the [`model`], [`check`] them,
//! [`compose`] a format-neutral [`doc::Document`] through templates, and
//! lower it with the [`pdf`] or the [`docx`] backend.

pub mod akn;
pub mod assets;
pub mod budget;
pub mod check;
pub mod cli;
pub mod compose;
pub mod doc;
pub mod docx;
pub mod error;
pub mod import;
pub mod input;
pub mod load;
pub mod model;
pub mod output;
pub mod pdf;
pub mod project;
pub mod render;
pub mod schema;
pub mod sheet;
pub mod typography;

pub use error::{Error, ErrorKind, Result};
