use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::rules::audit::{principal, text};
use crate::finding::Severity;

crate::declare_detection! {
    /// Flags requests from a public address by a cluster principal (a node, a control-plane
    /// component, a `kube-system` service account), and requests from a public address into the
    /// system namespaces.
    ///
    /// Allowed requests only. EKS's own `eks:*` principals, which AWS runs from its public
    /// addresses, and anonymous callers (`anonymous-request-allowed`) are left out; addresses in
    /// `audit-log.trusted-networks` (a NAT gateway, nodes in public subnets) count as private.
    ///
    /// ## Why is this bad?
    /// Cluster principals talk to the API server from inside the VPC. A node's or a system
    /// service account's credentials used from the internet were stolen; people reaching into
    /// `kube-system` from a public address bypass whatever the private network enforces.
    ///
    /// ## How to fix
    /// Revoke the credentials (delete the pod whose token it is, rotate the node), find how
    /// they left the cluster, and restrict the public endpoint (`publicAccessCidrs`) or close it.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"list","user":{"username":"system:serviceaccount:kube-system:coredns"},"sourceIPs":["198.51.100.9"],"objectRef":{"resource":"secrets"},"responseStatus":{"code":200}}
    /// ```
    pub struct PublicSourceSystemAccess {
        code: "AUD029",
        name: "public-source-system-access",
        severity: High,
        also_severity: [Medium],
        level: Metadata,
        guide: ["G4.2", "G4.8"],
        references: [
            "panther:Amazon.EKS.Audit.SystemNamespaceFromPublicIP",
            "panther:Kubernetes.System.Principal.PublicIP",
            "mitre:T1528",
            "mitre:T1078",
        ],
    }
}

impl Detection for PublicSourceSystemAccess {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if !ev.allowed() || principal::anonymous(ev) || ev.username().starts_with("eks:") {
            return;
        }
        let Some(ip) = principal::client_ip(ev) else { return };
        if !principal::public(ip, &cx.config.trusted_networks) {
            return;
        }
        let system_user = principal::system_user(ev.username());
        let system_ns = ev.namespace().filter(|ns| principal::system_namespace(ns));
        if system_user {
            let user = text::user(ev);
            cx.alert(self, ev, crate::msg!("audit-cluster-principal-public", user = user, ip = ip.to_string()));
        } else if let Some(ns) = system_ns {
            let user = text::user(ev);
            let msg = crate::msg!(
                "audit-system-namespace-public",
                user = user,
                ns = ns,
                ip = ip.to_string(),
                verb = ev.verb(),
                resource = ev.resource()
            );
            cx.alert(self, ev, msg).severity = Severity::Medium;
        }
    }
}
