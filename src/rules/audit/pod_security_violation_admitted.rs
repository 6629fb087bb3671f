use super::{Detection, written_workload};
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::text;

crate::declare_detection! {
    /// Flags pods and pod controllers admitted although they break the Pod Security Standards
    /// at the level of `audit-log.pss` in `.ladrillo.yaml` (`baseline`, `latest` by default).
    ///
    /// The request body is judged by ladrillo's Pod Security evaluator, which words its reasons
    /// as the API server does. Events logged at `Metadata` level are counted as not evaluated.
    ///
    /// ## Why is this bad?
    /// A pod the chosen level forbids reached the cluster: the namespace does not enforce that
    /// level, or enforces an older version, or the object is a controller (which Pod Security
    /// admission only warns about).
    ///
    /// ## How to fix
    /// Fix the workload (the alert lists each violated control), then label the namespace
    /// `pod-security.kubernetes.io/enforce` with the level.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"deployments","apiGroup":"apps","namespace":"shop","name":"web"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"web","securityContext":{"procMount":"Unmasked"}}]}}}}}
    /// ```
    pub struct PodSecurityViolationAdmitted {
        code: "AUD014",
        name: "pod-security-violation-admitted",
        severity: Medium,
        level: Request,
        guide: ["G4.3", "G4.8"],
        references: ["mitre:T1610"],
    }
}

impl Detection for PodSecurityViolationAdmitted {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        let policy = cx.config.pss_policy();
        let Some(w) = written_workload(self, cx, ev) else { return };
        let Some(eval) = w.pss(policy) else { return };
        if eval.allowed() {
            return;
        }
        let kind = w.object.kind.clone();
        let name = w.object.name.clone();
        let user = text::user(ev);
        let ns = ev.namespace().unwrap_or("default");
        let a = cx.alert(
            self,
            ev,
            crate::msg!(
                "audit-pss-violation",
                user = user,
                kind = kind,
                ns = ns,
                name = name,
                policy = policy.to_string(),
                reasons = eval.short_message()
            ),
        );
        a.notes.extend(eval.reasons().into_iter().map(crate::i18n::Text::from));
        if let Some(p) = ev.annotations.pss_enforce_policy.as_deref() {
            a.note(crate::msg!("audit-note-pss-enforced", policy = p));
        }
    }
}
