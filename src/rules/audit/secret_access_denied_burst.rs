use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags a user refused access to Secrets again and again: 20 denials within 15 minutes
    /// unless `audit-log.thresholds.secret-access-denied-burst` says otherwise.
    ///
    /// Denials are 401 and 403 responses and authorizer `forbid` decisions. One alert per burst.
    ///
    /// ## Why is this bad?
    /// A stolen token probing which Secrets it can reach fails most of the time; legitimate
    /// clients rarely ask for secrets they may not read, and not in bursts.
    ///
    /// ## How to fix
    /// Find where the credentials are used from (source IPs, user agent) and whether the
    /// principal should make these calls; revoke them if not.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"get","user":{"username":"system:serviceaccount:shop:web"},"objectRef":{"resource":"secrets","namespace":"kube-system","name":"x"},
    ///  "responseStatus":{"code":403},"annotations":{"authorization.k8s.io/decision":"forbid"}}
    /// ```
    pub struct SecretAccessDeniedBurst {
        code: "AUD027",
        name: "secret-access-denied-burst",
        severity: Medium,
        level: Metadata,
        guide: ["G4.6", "G4.8"],
        references: [
            "panther:Kubernetes.Secret.AccessDenied",
            "falco:K8s Secret Get Unsuccessfully Tried",
            "mitre:T1552.007",
            "mitre:T1613",
        ],
    }
}

impl Detection for SecretAccessDeniedBurst {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "secrets" || !ev.denied() || principal::system_user(ev.username()) {
            return;
        }
        let key = if ev.username().is_empty() {
            ev.source_ips.first().map(|s| s.to_string()).unwrap_or_default()
        } else {
            ev.username().to_string()
        };
        let th = cx.config.thresholds.secret_access_denied_burst;
        let t = cx.millis(ev);
        if let Some(n) = cx.state.secret_denied_by_user.hit(&key, t, th) {
            let user = text::user(ev);
            let msg = crate::msg!("audit-secret-denied-burst", user = user, count = n, window = th.window());
            cx.alert(self, ev, msg);
        }
    }
}
