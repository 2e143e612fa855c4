//! Bytes of an mbox file (and of one message's headers) -> messages: nothing may panic or
//! hang, and what comes out respects the parser's bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::import::mail::{MAX_ADDRESSES, parse_headers, read_mbox};

fuzz_target!(|data: &[u8]| {
    let mut last_line = 0;
    for item in read_mbox(data) {
        match item {
            Ok(message) => {
                assert!(message.line > last_line, "messages come out in file order");
                last_line = message.line;
                assert!(message.to.len() <= MAX_ADDRESSES && message.cc.len() <= MAX_ADDRESSES);
                assert!(message.to.len() + message.cc.len() <= message.recipient_count as usize);
            }
            Err(bad) => assert!(bad.line >= 1 && bad.column >= 1, "{bad}"),
        }
    }
    let (_, problems) = parse_headers(data, 1, None);
    for bad in problems {
        assert!(bad.line >= 1 && bad.column >= 1, "{bad}");
    }
});
