//! Bytes of a contacts `.csv` (LinkedIn, Google, Outlook) -> contacts and bad rows:
//! nothing may panic or hang, and every record points at a line of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    match vault::import::csv::parse_contacts_csv(data) {
        Ok((_, items)) => {
            for item in items {
                let line = match &item {
                    Ok(contact) => {
                        assert!(
                            !contact.is_empty(),
                            "an empty contact came out: {contact:?}"
                        );
                        u64::from(contact.line)
                    }
                    Err(bad) => bad.line,
                };
                assert!(
                    line >= 1 && line as usize <= lines,
                    "line {line} of {lines}"
                );
            }
        }
        Err(bad) => assert!(bad.line >= 1 && bad.line as usize <= lines),
    }
});
