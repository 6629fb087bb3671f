use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};

crate::declare_detection! {
    /// Flags CronJobs created or changed by anyone who is not a cluster component.
    ///
    /// ## Why is this bad?
    /// A CronJob runs its pod again and again, long after the session that created it: a
    /// favourite way to keep a foothold, mine, or exfiltrate on a schedule.
    ///
    /// ## How to fix
    /// Check the schedule, image and command against what the team deploys; delete unknown
    /// CronJobs.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","user":{"username":"alice"},"objectRef":{"resource":"cronjobs","apiGroup":"batch","namespace":"shop","name":"sync"},"responseStatus":{"code":201}}
    /// ```
    pub struct CronJobWritten {
        code: "AUD035",
        name: "cron-job-written",
        severity: Medium,
        level: Metadata,
        guide: ["G4.8"],
        references: ["panther:Kubernetes.CronJob.CreatedOrModified", "mitre:T1053.007"],
    }
}

impl Detection for CronJobWritten {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.resource() != "cronjobs" || !ev.subresource().is_empty() || !ev.wrote() || principal::system_user(ev.username())
        {
            return;
        }
        let user = text::user(ev);
        let ns = ev.namespace().unwrap_or("default");
        let name = text::name_or_generated(ev.name());
        cx.alert(self, ev, crate::msg!("audit-cron-job", user = user, verb = ev.verb(), ns = ns, name = name));
    }
}
