//! Rendering the worked example's report, implementation table and
//! consolidated text: medians over repeated runs, each compared with a
//! baseline measured in the same run (loading, checking and composing the
//! report from the data, which every output needs).
//!
//! Run with `cargo bench --bench render`. The machines are shared and noisy:
//! read the ratios rather than the absolute times.

use std::path::Path;
use std::time::{Duration, Instant};

use resolute::model::Lang;
use resolute::Assets;
use resolute::Kind;
use resolute::Project;
use resolute::{Format, Renderer};

const RUNS: usize = 21;

fn median(mut f: impl FnMut()) -> Duration {
    f(); // warm-up: fonts loaded, files in the page cache
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ecosoc-2015-23");
    let project = Project::load(&dir).expect("the example loads");
    let renderer = Renderer::new(Assets::embedded());
    let doc = renderer
        .compose(&project, Kind::Report, Lang::En)
        .expect("compose");

    let baseline = median(|| {
        let p = Project::load(&dir).unwrap();
        assert!(resolute::check(&p).is_empty());
        renderer.compose(&p, Kind::Report, Lang::En).unwrap();
    });
    let pdf_cold = median(|| {
        resolute::clear_cache();
        renderer.lower(&doc, Format::Pdf, &dir).unwrap();
    });
    let pdf_warm = median(|| {
        renderer.lower(&doc, Format::Pdf, &dir).unwrap();
    });
    let docx = median(|| {
        renderer.lower(&doc, Format::Docx, &dir).unwrap();
    });
    let table = renderer
        .compose(&project, Kind::Table, Lang::En)
        .expect("compose the table");
    let table_pdf = median(|| {
        resolute::clear_cache();
        renderer.lower(&table, Format::Pdf, &dir).unwrap();
    });
    let table_docx = median(|| {
        renderer.lower(&table, Format::Docx, &dir).unwrap();
    });
    let text = renderer
        .compose(&project, Kind::Text, Lang::Fr)
        .expect("compose the text");
    let text_pdf = median(|| {
        resolute::clear_cache();
        renderer.lower(&text, Format::Pdf, &dir).unwrap();
    });

    println!("examples/ecosoc-2015-23, median of {RUNS} runs");
    println!("{:<44} {:>10} {:>8}", "step", "median", "ratio");
    let row = |name: &str, d: Duration| {
        println!(
            "{name:<44} {:>8.2}ms {:>7.1}x",
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() / baseline.as_secs_f64()
        );
    };
    row("baseline: load + check + compose", baseline);
    row("PDF, typst cache cleared (a fresh process)", pdf_cold);
    row("PDF, typst cache warm (re-render, no change)", pdf_warm);
    row("DOCX", docx);
    row("table.en PDF, typst cache cleared", table_pdf);
    row("table.en DOCX", table_docx);
    row("text.fr PDF, typst cache cleared", text_pdf);
}
