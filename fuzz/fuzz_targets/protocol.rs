//! Fuzzes the worker protocol's decoding: the messages the page and the import
//! worker send each other are decoded from JSON on both sides, and a message
//! is outside input too (another tab's, an extension's): any bytes either
//! decode to a request or a reply that encodes and decodes again to itself, or
//! are refused.
#![no_main]

use folio_core::import::protocol::{Reply, Request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(req) = serde_json::from_slice::<Request>(data) {
        let again = serde_json::to_string(&req).expect("a request encodes");
        let back: Request = serde_json::from_str(&again).expect("and decodes");
        assert_eq!(serde_json::to_string(&back).unwrap(), again);
    }
    if let Ok(reply) = serde_json::from_slice::<Reply>(data) {
        let again = serde_json::to_string(&reply).expect("a reply encodes");
        let back: Reply = serde_json::from_str(&again).expect("and decodes");
        assert_eq!(serde_json::to_string(&back).unwrap(), again);
    }
});
