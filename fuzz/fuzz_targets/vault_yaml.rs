//! Bytes of a `vault.yaml` -> the settings `vault` would run with: nothing may panic, and
//! whatever is accepted names folders inside the vault.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `vault` reads vault.yaml as UTF-8 text; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(settings) = vault::config::parse(text) {
        let digest = settings.digest_folder.trim();
        assert!(!digest.starts_with('/'), "absolute digest folder accepted");
        assert!(!digest.split('/').any(|c| c == ".."), "`..` accepted");
    }
});
