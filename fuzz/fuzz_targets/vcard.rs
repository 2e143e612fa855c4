//! Bytes of a `.vcf` file -> contacts and bad records: nothing may panic or hang, every
//! record points at a line of the file, and no contact is empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for item in vault::import::vcard::parse_vcards(data) {
        match item {
            Ok(contact) => {
                assert!(contact.line >= 1 && contact.line as usize <= lines);
                assert!(
                    !contact.is_empty(),
                    "an empty contact came out: {contact:?}"
                );
                for email in &contact.emails {
                    assert_eq!(email.trim(), email, "an untrimmed e-mail");
                    assert!(!email.is_empty());
                }
            }
            Err(bad) => {
                assert!(
                    bad.line >= 1 && bad.line as usize <= lines,
                    "{bad} in {lines} lines"
                );
                assert!(bad.column >= 1);
            }
        }
    }
});
