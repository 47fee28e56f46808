//! Policy TOML: parsed, merged over its base preset and validated, as `--policy FILE.toml`
//! does after reading the file.
#![no_main]

use kyc_precheck::policy::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(policy) = Policy::from_toml(text) {
        let _ = policy.validate();
        let _ = policy.required_roles(Some("passport"));
        let _ = policy.required_roles(None);
    }
});
