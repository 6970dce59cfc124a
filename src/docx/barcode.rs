//! The first page's barcode as a picture: a PNG of the bars compose worked
//! out, drawn at their size in the first-page footer.

use docx_rs::{Pic, Run};

use crate::doc::Barcode;
use crate::error::Result;

/// Pixels per module: enough that a viewer's smoothing blurs only the edges
/// of the bars.
const SCALE: u32 = 4;
/// The picture's height in pixels; Word stretches it to the bars' height.
const HEIGHT: u32 = 8;

/// English Metric Units per millimetre.
const EMU_PER_MM: f32 = 36_000.0;

/// A run holding the barcode.
pub(crate) fn run(b: &Barcode) -> Result<Run> {
    let width = b.modules * SCALE;
    let mut row = vec![255u8; width as usize];
    for &(x, w) in &b.bars {
        for px in &mut row[(x * SCALE) as usize..((x + w) * SCALE) as usize] {
            *px = 0;
        }
    }
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width, HEIGHT);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(encoding)?;
        writer
            .write_image_data(&row.repeat(HEIGHT as usize))
            .map_err(encoding)?;
    }
    let emu = |mm: f32| (mm * EMU_PER_MM).round() as u32;
    let pic = Pic::new_with_dimensions(png, width, HEIGHT)
        // A fixed id: docx-rs numbers pictures from a process-wide counter,
        // which would make the same document differ from run to run.
        .id("rIdImageBarcode")
        .size(emu(b.modules as f32 * b.module_mm), emu(b.height_mm));
    Ok(Run::new().add_image(pic))
}

fn encoding(e: png::EncodingError) -> crate::error::Error {
    super::internal(format!("cannot draw the barcode: {e}"))
}
