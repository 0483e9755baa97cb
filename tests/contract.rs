//! `extension/lib/contract.js` is [`abridge::contract::js_module`]'s text: the JavaScript's
//! copy of the contract is never stale. `ABRIDGE_BLESS=1 cargo test --test contract` rewrites
//! it after a change to `src/contract.rs`.

use std::path::PathBuf;

#[test]
fn committed_js_contract_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("extension/lib/contract.js");
    let want = abridge::contract::js_module();
    if std::env::var_os("ABRIDGE_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &want).expect("write extension/lib/contract.js");
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "extension/lib/contract.js is stale (src/contract.rs changed): run `ABRIDGE_BLESS=1 cargo test --test contract` and commit it"
    );
}
