//! Any text given to the plain-text importer yields a model or an error,
//! never a panic or a hang.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use resolute::Assets;
use resolute::Lexicon;
use resolute::model::Lang;

fn lexicons() -> &'static [Lexicon] {
    static LEXICONS: OnceLock<Vec<Lexicon>> = OnceLock::new();
    LEXICONS.get_or_init(|| {
        [Lang::En, Lang::Fr]
            .into_iter()
            .map(|l| Lexicon::load(&Assets::embedded(), l).expect("embedded lexicon"))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = resolute::import_text(text, Path::new("fuzz.txt"), lexicons());
    }
});
