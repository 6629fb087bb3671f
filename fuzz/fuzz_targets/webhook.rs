//! The admission webhook's answer to any request body: a review read and judged with the default
//! rules against a namespace labelled restricted (an answer the API server can read), or a
//! malformed one refused with 400. A panic, a hang or memory over the limit is a crash.
#![no_main]

use std::collections::HashMap;
use std::sync::LazyLock;

use ladrillo::i18n::Lang;
use ladrillo::settings::Config;
use ladrillo::webhook::Webhook;

static WEBHOOK: LazyLock<Webhook> =
    LazyLock::new(|| Webhook::new(Config::default(), None, jiff::civil::date(2026, 1, 1), Lang::En));

static LABELS: LazyLock<HashMap<String, Vec<(String, String)>>> = LazyLock::new(|| {
    let restricted = vec![("pod-security.kubernetes.io/enforce".to_string(), "restricted".to_string())];
    ["default", "shop", "kube-system"].iter().map(|n| (n.to_string(), restricted.clone())).collect()
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let d = WEBHOOK.decide(data.to_vec(), &*LABELS);
    match d.status {
        200 => {
            let answer: serde_json::Value = serde_json::from_slice(&d.body).expect("a JSON review");
            assert_eq!(answer["kind"], "AdmissionReview");
            assert!(answer["response"]["allowed"].is_boolean());
        }
        400 => assert!(!d.body.is_empty(), "a refusal says why"),
        other => panic!("status {other}"),
    }
});
