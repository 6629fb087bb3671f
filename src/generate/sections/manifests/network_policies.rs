//! `manifests/network-policies.yaml`: every namespace closed, then what must flow.

use std::fmt::Write as _;

use crate::generate::names::{APP_PORT, AUTOSCALER_NAMESPACE};
use crate::generate::profile::Profile;
use crate::generate::text::{comment, q};
use crate::i18n::{Lang, text};

pub fn yaml(p: &Profile, lang: Lang) -> String {
    let mut y = comment("", &text(lang, "gen-network-policies-header"));
    for ns in super::all_namespaces(p) {
        default_deny(&mut y, ns);
    }
    app(&mut y, p.app_namespace(), lang);
    if !p.karpenter {
        autoscaler(&mut y, lang);
    }
    y
}

fn default_deny(y: &mut String, ns: &str) {
    let _ = write!(
        y,
        "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: {ns}\n\
         spec:\n  podSelector: {{}}\n  policyTypes:\n    - Ingress\n    - Egress\n"
    );
    let _ = write!(
        y,
        "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-dns-egress\n  namespace: {ns}\n\
         spec:\n  podSelector: {{}}\n  policyTypes:\n    - Egress\n  egress:\n    - to:\n        - namespaceSelector:\n\
         \x20           matchLabels:\n              kubernetes.io/metadata.name: kube-system\n          podSelector:\n\
         \x20           matchLabels:\n              k8s-app: kube-dns\n      ports:\n        - protocol: UDP\n          port: 53\n\
         \x20       - protocol: TCP\n          port: 53\n"
    );
}

/// The example application is called by the team's frontend pods: the backend admits them,
/// and their own egress (denied by default too) may reach it.
fn app(y: &mut String, ns: &str, lang: Lang) {
    let backend = crate::t!(lang, "gen-network-policy-backend", port = APP_PORT.to_string());
    let _ = write!(
        y,
        "---\n{}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: backend-allow-from-frontend\n  namespace: {ns}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app: backend\n  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n\
         \x20       - podSelector:\n            matchLabels:\n              app: frontend\n      ports:\n        - protocol: TCP\n\
         \x20         port: {APP_PORT}\n",
        comment("", &backend)
    );
    let _ = write!(
        y,
        "---\n{}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: frontend-allow-to-backend\n  namespace: {ns}\n\
         \x20 annotations:\n    ladrillo.dev/ignore: network-policy-selects-nothing\n\
         \x20   ladrillo.dev/ignore-reason: {}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app: frontend\n  policyTypes:\n    - Egress\n  egress:\n    - to:\n\
         \x20       - podSelector:\n            matchLabels:\n              app: backend\n      ports:\n        - protocol: TCP\n\
         \x20         port: {APP_PORT}\n",
        comment("", &text(lang, "gen-network-policy-frontend")),
        q(&text(lang, "gen-network-policy-frontend-reason"))
    );
}

fn autoscaler(y: &mut String, lang: Lang) {
    let _ = write!(
        y,
        "---\n{}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-https-egress\n  namespace: {AUTOSCALER_NAMESPACE}\n\
         spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: cluster-autoscaler\n  policyTypes:\n    - Egress\n\
         \x20 egress:\n    - ports:\n        - protocol: TCP\n          port: 443\n",
        comment("", &text(lang, "gen-network-policy-autoscaler"))
    );
}
