use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::principal;
use crate::finding::Severity;

crate::declare_detection! {
    /// Flags one source address refused again and again (401 and 403 responses): 20 within 10
    /// minutes unless `audit-log.thresholds.forbidden-burst` says otherwise; high when the
    /// address is public.
    ///
    /// One alert per burst; addresses in `audit-log.trusted-networks` count as private.
    ///
    /// ## Why is this bad?
    /// Enumeration of permissions (`kubectl auth can-i --list` by hand), credential stuffing and
    /// scanners all leave a trail of refusals from one place.
    ///
    /// ## How to fix
    /// Look at what the address asked for and with which credentials; block it at the endpoint
    /// (`publicAccessCidrs`) if it has no business there.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"list","user":{"username":"system:anonymous"},"sourceIPs":["198.51.100.9"],"objectRef":{"resource":"secrets"},"responseStatus":{"code":403}}
    /// ```
    pub struct ForbiddenBurst {
        code: "AUD028",
        name: "forbidden-burst",
        severity: Medium,
        also_severity: [High],
        level: Metadata,
        guide: ["G4.8"],
        references: [
            "panther:Amazon.EKS.Audit.Multiple403",
            "panther:Kubernetes.API.Multiple403.PublicIP",
            "mitre:T1613",
        ],
    }
}

impl Detection for ForbiddenBurst {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if !matches!(ev.code(), Some(401 | 403)) {
            return;
        }
        let Some(ip) = principal::client_ip(ev) else { return };
        let th = cx.config.thresholds.forbidden_burst;
        let t = cx.millis(ev);
        if let Some(n) = cx.state.forbidden_by_source.hit(&ip.to_string(), t, th) {
            let public = principal::public(ip, &cx.config.trusted_networks);
            let msg = crate::msg!(
                "audit-forbidden-burst",
                public = if public { "yes" } else { "no" },
                ip = ip.to_string(),
                count = n,
                window = th.window()
            );
            let a = cx.alert(self, ev, msg);
            if public {
                a.severity = Severity::High;
            }
        }
    }
}
