use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;

/// User-agent substrings of Kubernetes attack and scanning tools (lowercase).
const TOOLS: &[&str] = &[
    "kube-hunter",
    "peirates",
    "kubiscan",
    "kdigger",
    "kubesploit",
    "kubestroyer",
    "kubeletctl",
    "botb",
    "cdk/",
    "nuclei",
    "zgrab",
    "masscan",
    "nmap",
    "sqlmap",
    "nikto",
    "gobuster",
];

crate::declare_detection! {
    /// Flags requests whose user agent names a known attack or scanning tool (kube-hunter,
    /// Peirates, KubiScan, kdigger, Kubesploit, Nuclei, ZGrab, Nmap, …), allowed or not.
    ///
    /// Names are matched case-insensitively as substrings; `audit-log.attack-user-agents` adds
    /// more. One alert per source address and tool each hour.
    ///
    /// ## Why is this bad?
    /// Someone is running offensive tooling against the API server. Even refused, it shows the
    /// endpoint is found and probed; allowed, it is an attack in progress.
    ///
    /// ## How to fix
    /// Identify the source (a sanctioned penetration test or not); block it at the endpoint
    /// (`publicAccessCidrs`) and check what the requests reached.
    ///
    /// ## Example
    /// ```json
    /// {"verb":"get","user":{"username":"system:anonymous"},"sourceIPs":["198.51.100.9"],"userAgent":"kube-hunter/0.6.8","requestURI":"/version","responseStatus":{"code":403}}
    /// ```
    pub struct AttackToolUserAgent {
        code: "AUD039",
        name: "attack-tool-user-agent",
        severity: High,
        level: Metadata,
        guide: ["G4.8"],
        references: ["mitre:T1613"],
    }
}

impl Detection for AttackToolUserAgent {
    fn check(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        let Some(ua) = ev.user_agent.as_deref().filter(|u| !u.is_empty()) else { return };
        // A log holds few distinct user agents: one already found to name no tool is not
        // searched again.
        if cx.state.is_clean_user_agent(ua) {
            return;
        }
        let lower = ua.to_ascii_lowercase();
        let tool = TOOLS
            .iter()
            .copied()
            .find(|t| lower.contains(t))
            .map(str::to_string)
            .or_else(|| cx.config.attack_user_agents.iter().find(|t| lower.contains(t.as_str())).cloned());
        let Some(tool) = tool else {
            cx.state.clean_user_agent(ua);
            return;
        };
        let source = ev.source_ips.first().map(|s| s.to_string()).unwrap_or_default();
        let t = cx.millis(ev);
        if !cx.state.once_per_hour.first(&format!("{source} {tool}"), t) {
            return;
        }
        let outcome = if ev.allowed() { "allowed" } else { "refused" };
        let what = format!("{} {}", ev.verb(), ev.request_uri.as_deref().unwrap_or_default().split('?').next().unwrap_or_default());
        cx.alert(self, ev, crate::msg!("audit-attack-tool", tool = tool, outcome = outcome, what = what));
    }
}
