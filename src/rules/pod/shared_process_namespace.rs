use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods whose containers share one process namespace (`shareProcessNamespace: true`).
    ///
    /// ## Why is this bad?
    /// With a shared process namespace every container sees the processes of the others and,
    /// running as the same user, can signal them, read their environment
    /// (`/proc/<pid>/environ`, where Secrets read into env vars are) and reach their filesystems
    /// through `/proc/<pid>/root`. A compromised sidecar then owns the application container and
    /// the other way round; the isolation between containers of one pod is gone.
    ///
    /// ## How to fix
    /// Remove `shareProcessNamespace`. To inspect a running container use `kubectl debug
    /// --target=<container>`, which shares only that container's namespace with a temporary
    /// ephemeral container.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   shareProcessNamespace: true   # flagged
    /// ```
    pub struct SharedProcessNamespace {
        code: "POD025",
        name: "shared-process-namespace",
        group: Pod,
        severity: Low,
        guide: ["G4.3"],
        references: [],
    }
}

impl Rule for SharedProcessNamespace {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        let shared = w.spec.and_then(|s| s.get("shareProcessNamespace")).and_then(Node::as_bool);
        if shared != Some(true) {
            return;
        }
        cx.report(
            self,
            w.object,
            w.spec_path(&["shareProcessNamespace"]),
            crate::msg!("rule-pod025-message"),
        )
        .help(crate::msg!("rule-pod025-help"));
    }
}
