use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::document::Node;

crate::declare_detection! {
    /// Flags Roles and ClusterRoles written with wildcards, `pods/exec`, `nodes/proxy`, or the
    /// `escalate`, `bind` or `impersonate` verbs.
    ///
    /// The rules are in the request body: events logged at `Metadata` level are counted as not
    /// evaluated. Writes by cluster components (aggregated roles, add-ons) are not reported.
    ///
    /// ## Why is this bad?
    /// Each of these grants more than it reads: `*` includes every future resource and verb,
    /// `pods/exec` a shell in any pod, `nodes/proxy` the kubelet API (commands in any container
    /// of the node, unaudited), `escalate`, `bind` and `impersonate` any permission at all.
    ///
    /// ## How to fix
    /// Check who the role is bound to; narrow the rules to the resources and verbs needed.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"create","objectRef":{"resource":"clusterroles","apiGroup":"rbac.authorization.k8s.io","name":"ops"},"responseStatus":{"code":201},
    ///  "requestObject":{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"ops"},"rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}}
    /// ```
    pub struct DangerousRoleWritten {
        code: "AUD022",
        name: "dangerous-role-written",
        severity: High,
        level: Request,
        guide: ["G4.1", "G4.8"],
        references: [
            "falco:ClusterRole With Wildcard Created",
            "falco:ClusterRole With Pod Exec Created",
            "panther:Kubernetes.Role.Wildcard",
            "panther:Kubernetes.Role.PodExec",
            "panther:Kubernetes.Role.NodeProxyPermissions",
            "mitre:T1098.006",
        ],
    }
}

fn strings(rule: &Node, key: &str) -> Vec<String> {
    rule.get(key).into_iter().flat_map(Node::items).filter_map(Node::as_str).map(str::to_string).collect()
}

/// What is dangerous in a role's rules, each reason once.
/// What a reason of [`reasons`] grants, in the reader's language.
fn grant(reason: &'static str) -> crate::i18n::Text {
    match reason {
        "every verb (`*`)" => crate::msg!("audit-grant-every-verb").into(),
        "every resource (`*`)" => crate::msg!("audit-grant-every-resource").into(),
        "the `escalate` verb" => crate::msg!("audit-grant-verb", verb = "escalate").into(),
        "the `bind` verb" => crate::msg!("audit-grant-verb", verb = "bind").into(),
        "the `impersonate` verb" => crate::msg!("audit-grant-verb", verb = "impersonate").into(),
        other => other.into(),
    }
}

fn reasons(root: &Node) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut add = |r: &'static str| {
        if !out.contains(&r) {
            out.push(r);
        }
    };
    for rule in root.get("rules").into_iter().flat_map(Node::items) {
        let verbs = strings(rule, "verbs");
        let resources = strings(rule, "resources");
        let has_verb = |v: &str| verbs.iter().any(|x| x == v || x == "*");
        let has_res = |r: &str| {
            let (base, _) = r.split_once('/').unwrap_or((r, ""));
            resources.iter().any(|x| x == r || x == "*" || *x == format!("{base}/*"))
        };
        if verbs.iter().any(|v| v == "*") {
            add("every verb (`*`)");
        }
        if resources.iter().any(|r| r == "*") {
            add("every resource (`*`)");
        }
        if has_res("pods/exec") && (has_verb("create") || has_verb("get")) {
            add("`pods/exec`");
        }
        if has_res("nodes/proxy") && (has_verb("get") || has_verb("create")) {
            add("`nodes/proxy`");
        }
        for v in ["escalate", "bind", "impersonate"] {
            if verbs.iter().any(|x| x == v) {
                add(match v {
                    "escalate" => "the `escalate` verb",
                    "bind" => "the `bind` verb",
                    _ => "the `impersonate` verb",
                });
            }
        }
    }
    out
}

impl Detection for DangerousRoleWritten {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if !matches!(ev.resource(), "clusterroles" | "roles")
            || !ev.subresource().is_empty()
            || !ev.wrote()
            || principal::system_user(ev.username())
        {
            return;
        }
        let Some(w) = cx.written(ev) else {
            cx.not_evaluated(self);
            return;
        };
        let found = reasons(&w.object.root);
        if found.is_empty() {
            return;
        }
        let kind = w.object.kind.clone();
        let name = w.object.name.clone();
        let user = text::user(ev);
        let grants = found.into_iter().map(grant).collect();
        let msg = crate::msg!("audit-dangerous-role", user = user, kind = kind, name = name, grants = text::join(grants, ", "));
        cx.alert(self, ev, msg);
    }
}
