//! Any bytes given to the Akoma Ntoso reader yield a model or an error, never
//! a panic or a hang; what it reads exports and reads back to the same model.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(xml) = std::str::from_utf8(data) {
        if let Ok(resolution) = resolute::from_akn(xml, Path::new("fuzz.xml")) {
            let again = resolute::to_akn(&resolution);
            let back = resolute::from_akn(&again, Path::new("again.xml")).expect("our own export reads back");
            assert_eq!(back, resolution, "export then import changed the model");
        }
    }
});
