//! Importing large inputs: does the time grow linearly with the size?
//!
//! Inputs of 1, 2, 4, 8 and 16 MB (under the 16 MiB import limit) are made in
//! memory from the fixtures in `tests/fixtures/import/`, in several shapes:
//! one resolution with very many preambular paragraphs and footnote blocks,
//! an annex of very many numbered paragraphs with their page furniture and
//! notes, one paragraph of very many lines, one paragraph on a single line,
//! and a whole file on a single line. Each is imported with the library
//! (`resolute::import_text`), and the AKN export of the first shape
//! is read back (`resolute::from_akn`). For each size the table gives the
//! median time and time(2n)/time(n), which is about 2.0 when the import is
//! linear (4.0 when it is quadratic).
//!
//! The baseline, measured in the same run on the same inputs, is a plain
//! linear pass over the text (its lines split into words and counted): its
//! own ratios show how noisy the machine is.
//!
//! Run with `cargo bench --bench import`; `RESOLUTE_BENCH_RUNS=3` takes fewer
//! runs, `RESOLUTE_BENCH_SIZES=1,2,4` other sizes (in MB). The machines are
//! shared and noisy: read the ratios rather than the absolute times.

use std::path::Path;
use std::time::{Duration, Instant};

use resolute::model::Lang;
use resolute::Assets;
use resolute::Lexicon;

const MB: usize = 1_000_000;

fn runs() -> usize {
    std::env::var("RESOLUTE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1)
}

fn sizes() -> Vec<usize> {
    std::env::var("RESOLUTE_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 4, 8, 16])
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` split before the first line for which `at` holds.
fn split_before(text: &str, at: impl Fn(&str) -> bool) -> (&str, &str) {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if at(line) {
            return text.split_at(start);
        }
        start += line.len();
    }
    panic!("no line to split the fixture at")
}

/// `head`, then `block` as many times as fit in `size` bytes (at least once),
/// then `tail`.
fn repeat(head: &str, block: impl Fn(usize) -> String, tail: &str, size: usize) -> String {
    let mut out = String::with_capacity(size);
    out.push_str(head);
    let mut i = 0;
    loop {
        let b = block(i);
        if i > 0 && out.len() + b.len() + tail.len() > size {
            break;
        }
        out.push_str(&b);
        i += 1;
    }
    out.push_str(tail);
    out
}

/// The French resolution with its preamble (footnote block included)
/// repeated: very many preambular paragraphs, sub-paragraphs and footnotes.
fn paragraphs(size: usize) -> String {
    let text = fixture("E-RES-2015-23.fr.txt");
    let (head, rest) = split_before(&text, |l| l.trim_start().starts_with("Conscient de"));
    let (preamble, operative) = split_before(rest, |l| l.trim_start().starts_with("1. "));
    repeat(head, |_| preamble.to_owned(), operative, size)
}

/// The English declaration with its annex repeated: very many numbered annex
/// paragraphs, with running heads, job and page numbers and footnotes.
fn annex(size: usize) -> String {
    let text = fixture("A-RES-80-3.en.txt");
    let (head, body) = split_before(&text, |l| l.starts_with("1. We, the Heads"));
    repeat(head, |_| body.to_owned(), "", size)
}

/// The head and formula of the French resolution, the first line of a
/// preambular paragraph ending `first`, then `body`, then one operative
/// paragraph and a footnote block.
fn one_paragraph(size: usize, first: &str, block: &str) -> String {
    let text = fixture("E-RES-2015-23.fr.txt");
    let (head, _) = split_before(&text, |l| l.trim_start().starts_with("Conscient de"));
    let head = format!("{head} Rappelant {first}");
    let tail = "\n\n 1. Prie le Secrétaire général de lui faire rapport.\n\
                _______________\n1 Nations Unies, Recueil des Traités, vol. 2225.\n\
                2 Ibid., vol. 2237.\n";
    repeat(&head, |_| block.to_owned(), tail, size)
}

/// One preambular paragraph of very many lines, with line-break hyphens and
/// footnote markers.
fn long_paragraph(size: usize) -> String {
    one_paragraph(
        size,
        "la Convention organisée1\n",
        "et la coordi-\nnation des efforts visant à prévenir la traite des enfants 2 ,\n\
         en particulier des femmes et des enfants, dans le cadre de la soixante-\n\
         neuvième session de l’Assemblée générale,\n",
    )
}

/// One preambular paragraph on a single line.
fn one_line_paragraph(size: usize) -> String {
    one_paragraph(
        size,
        "la Convention organisée1",
        " et la coordination des efforts visant à prévenir la traite des enfants 2 , \
         en particulier des femmes et des enfants, dans le cadre de la session,",
    )
}

/// The whole French resolution, repeated, on one line (not a resolution any
/// more: the import ends with an error, after reading it all).
fn one_line_file(size: usize) -> String {
    let text = fixture("E-RES-2015-23.fr.txt").replace(['\n', '\u{c}'], " ");
    repeat("", |_| text.clone(), "\n", size)
}

struct Row {
    size: usize,
    import: Duration,
    baseline: Duration,
}

fn baseline(text: &str) -> usize {
    text.lines().map(|l| l.split_whitespace().count()).sum()
}

fn table(name: &str, rows: &[Row]) {
    println!("\n{name}");
    println!(
        "{:>6} {:>11} {:>7} {:>11} {:>7} {:>9}",
        "MB", "import", "x2n/n", "baseline", "x2n/n", "/baseline"
    );
    let mut prev: Option<&Row> = None;
    for r in rows {
        let ratio = |now: Duration, before: Option<Duration>| {
            before.map_or("".to_owned(), |b| {
                format!("{:.2}", now.as_secs_f64() / b.as_secs_f64())
            })
        };
        println!(
            "{:>6.1} {:>9.1}ms {:>7} {:>9.2}ms {:>7} {:>8.0}x",
            r.size as f64 / MB as f64,
            r.import.as_secs_f64() * 1e3,
            ratio(r.import, prev.map(|p| p.import)),
            r.baseline.as_secs_f64() * 1e3,
            ratio(r.baseline, prev.map(|p| p.baseline)),
            r.import.as_secs_f64() / r.baseline.as_secs_f64()
        );
        prev = Some(r);
    }
}

fn main() {
    let runs = runs();
    let assets = Assets::embedded();
    let lexicons: Vec<Lexicon> = [Lang::En, Lang::Fr]
        .into_iter()
        .map(|l| Lexicon::load(&assets, l).expect("the word lists load"))
        .collect();
    let path = Path::new("bench.txt");
    type Make = fn(usize) -> String;
    let shapes: [(&str, Make, bool); 5] = [
        ("many paragraphs and footnotes (fr)", paragraphs, true),
        ("an annex of many paragraphs (en)", annex, true),
        ("one paragraph of many lines (fr)", long_paragraph, true),
        ("one paragraph on one line (fr)", one_line_paragraph, true),
        (
            "the whole file on one line (an error)",
            one_line_file,
            false,
        ),
    ];
    println!(
        "importing generated text, median of {runs} runs; sizes in MB of 10^6 bytes, \
         the limit is 16 MiB"
    );
    let mut akn_rows = Vec::new();
    for (i, (name, make, ok)) in shapes.into_iter().enumerate() {
        let mut rows = Vec::new();
        for mb in sizes() {
            let text = make(mb * MB);
            let result = resolute::import_text(&text, path, &lexicons);
            assert_eq!(result.is_ok(), ok, "{name}, {mb} MB: {:?}", result.err());
            let import = median(runs, || {
                let _ = std::hint::black_box(resolute::import_text(&text, path, &lexicons));
            });
            let base = median(runs, || {
                std::hint::black_box(baseline(&text));
            });
            rows.push(Row {
                size: text.len(),
                import,
                baseline: base,
            });
            if i == 0 {
                let xml = resolute::to_akn(&result.expect("imported").resolution);
                let import = median(runs, || {
                    let _ = std::hint::black_box(resolute::from_akn(&xml, Path::new("a.xml")));
                });
                let base = median(runs, || {
                    std::hint::black_box(baseline(&xml));
                });
                akn_rows.push(Row {
                    size: xml.len(),
                    import,
                    baseline: base,
                });
            }
        }
        table(name, &rows);
    }
    table(
        "Akoma Ntoso: the export of the first shape read back",
        &akn_rows,
    );
}
