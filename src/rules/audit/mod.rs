//! Detections over audit events (group `audit`), one per file, declared like rules
//! (`declare_detection!`): a code `AUD###`, a name, a severity, the audit policy level they need,
//! the guide's practices and references (`falco:`, `panther:`, `mitre:` ATT&CK for Containers
//! techniques). They are listed with the rules by `ladrillo rules`, `ladrillo explain` and
//! `docs/rules.md`, and run only by `ladrillo audit-log` (`crate::audit`, which reads the logs):
//! this module holds what they read (the event model), the engine that runs them and the alerts
//! they raise.

pub mod alert;
pub mod config;
pub mod engine;
pub mod event;
pub mod principal;
pub mod text;
pub mod workload;

use serde::Serialize;

use crate::rules::Declared;
use engine::Cx;
use event::Record;

/// The audit policy level at which an event carries what a detection reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// User, verb, object, response code and annotations.
    Metadata,
    /// Metadata and the request body (`requestObject`).
    Request,
    /// Request and the response body (`responseObject`): needed to see the result of a patch.
    RequestResponse,
    /// Not a Kubernetes audit event: an AWS CloudTrail management event.
    CloudTrail,
}

impl Level {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Metadata => "Metadata",
            Self::Request => "Request",
            Self::RequestResponse => "RequestResponse",
            Self::CloudTrail => "CloudTrail",
        }
    }
}

/// Implemented by [`declare_detection!`].
pub trait Leveled {
    fn level(&self) -> Level;
}

/// A detection. Each hook has a no-op default.
pub trait Detection: Declared + Leveled + Send + Sync {
    /// Called once per Kubernetes audit event (at its first informative stage).
    fn check(&self, _cx: &mut Cx<'_>, _ev: &Record<'_>) {}
    /// Called once per CloudTrail event.
    fn check_trail(&self, _cx: &mut Cx<'_>, _ev: &Record<'_>) {}
}

/// Declares a detection: a rule of group `audit` plus the audit level it needs.
#[macro_export]
macro_rules! declare_detection {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            severity: $sev:ident,
            $(also_severity: [$($also:ident),* $(,)?],)?
            level: $level:ident,
            guide: [$($guide:literal),* $(,)?],
            references: [$($reference:literal),* $(,)?],
        }
    ) => {
        $crate::declare_rule! {
            $(#[doc = $doc])*
            $vis struct $name {
                code: $code,
                name: $rname,
                group: Audit,
                severity: $sev,
                also_severity: [$($($also),*)?],
                guide: [$($guide),*],
                references: [$($reference),*],
            }
        }

        impl $crate::rules::Rule for $name {}

        impl $crate::rules::audit::Leveled for $name {
            fn level(&self) -> $crate::rules::audit::Level {
                $crate::rules::audit::Level::$level
            }
        }
    };
}

macro_rules! register {
    ($($module:ident :: $ty:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every detection, in code order.
        pub static ALL: &[&dyn Detection] = &[$(&$module::$ty),*];

        /// The same detections, as rules for the registry.
        pub(crate) static RULES: &[&dyn crate::rules::Rule] = &[$(&$module::$ty),*];
    };
}

register! {
    exec_into_pod::ExecIntoPod,
    attach_to_pod::AttachToPod,
    port_forward_to_pod::PortForwardToPod,
    kubectl_cp_from_pod::KubectlCpFromPod,
    token_read_in_pod::TokenReadInPod,
    privileged_workload_admitted::PrivilegedWorkloadAdmitted,
    host_namespace_workload_admitted::HostNamespaceWorkloadAdmitted,
    host_path_workload_admitted::HostPathWorkloadAdmitted,
    capability_workload_admitted::CapabilityWorkloadAdmitted,
    pod_security_violation_admitted::PodSecurityViolationAdmitted,
    kube_system_object_created::KubeSystemObjectCreated,
    admin_role_bound::AdminRoleBound,
    dangerous_role_written::DangerousRoleWritten,
    system_role_modified::SystemRoleModified,
    anonymous_request_allowed::AnonymousRequestAllowed,
    secrets_listed_cluster_wide::SecretsListedClusterWide,
    bulk_secret_read::BulkSecretRead,
    secret_access_denied_burst::SecretAccessDeniedBurst,
    forbidden_burst::ForbiddenBurst,
    public_source_system_access::PublicSourceSystemAccess,
    service_account_token_requested::ServiceAccountTokenRequested,
    client_certificate_approved::ClientCertificateApproved,
    admission_webhook_changed::AdmissionWebhookChanged,
    node_port_service_written::NodePortServiceWritten,
    ingress_without_tls_written::IngressWithoutTlsWritten,
    cron_job_written::CronJobWritten,
    daemon_set_written::DaemonSetWritten,
    aws_auth_changed::AwsAuthChanged,
    access_entry_changed::AccessEntryChanged,
    attack_tool_user_agent::AttackToolUserAgent,
}

/// The level a detection needs, by code.
#[must_use]
pub fn level_of(code: &str) -> Option<Level> {
    ALL.iter().find(|d| d.meta().code == code).map(|d| d.level())
}

/// Shared by the exec, attach and port-forward detections: an allowed request on a pod
/// subresource, with the severity raised in the system namespaces.
pub(super) fn pod_session(
    d: &dyn Detection,
    cx: &mut Cx<'_>,
    ev: &Record<'_>,
    subresource: &str,
    message: &'static str,
) -> bool {
    if ev.resource() != "pods" || ev.subresource() != subresource || !ev.allowed() {
        return false;
    }
    // Websocket clients open the stream with `get`, SPDY clients with `create`.
    if !matches!(ev.verb(), "create" | "get") {
        return false;
    }
    let ns = ev.namespace().unwrap_or("default");
    let pod = ev.name().unwrap_or("?");
    let user = text::user(ev);
    let system = principal::system_namespace(ns);
    let alert = cx.alert(d, ev, crate::msg!(message, user = user, ns = ns, pod = pod));
    if system {
        alert.severity = crate::finding::Severity::High;
        alert.note(crate::msg!("audit-note-system-namespace", ns = ns));
    }
    true
}

/// Shared by the pod-security detections: the workload a request wrote, if the event is an
/// effective write of a pod-bearing object by someone other than a controller. Records "not
/// evaluated" when the log has no body.
pub(super) fn written_workload<'c>(
    d: &dyn Detection,
    cx: &'c mut Cx<'_>,
    ev: &Record<'_>,
) -> Option<&'c workload::Written> {
    if !workload::POD_BEARING.contains(&ev.resource())
        || !matches!(ev.subresource(), "" | "ephemeralcontainers")
        || !ev.wrote()
        || principal::controller(ev.username())
    {
        return None;
    }
    if cx.written(ev).is_none() {
        cx.not_evaluated(d);
        return None;
    }
    let config = cx.config;
    let written = cx.written(ev)?;
    let images = written.images();
    // Every image trusted: a known agent that needs host access.
    if !images.is_empty() && images.iter().all(|i| config.trusted_image(i)) {
        return None;
    }
    Some(written)
}

/// Shared by the pod-security detections: runs workload rules on the written object and raises
/// one alert listing their findings, at the most severe of the detection's and the findings'.
pub(super) fn admitted_findings(
    d: &dyn Detection,
    cx: &mut Cx<'_>,
    ev: &Record<'_>,
    rules: &[&dyn crate::rules::Rule],
) {
    let scanner = cx.scanner;
    let Some(w) = written_workload(d, cx, ev) else { return };
    let findings: Vec<crate::finding::Finding> = w.findings(scanner, rules).into_iter().cloned().collect();
    if findings.is_empty() {
        return;
    }
    let kind = w.object.kind.clone();
    let name = w.object.name.clone();
    let images = w.images();
    let user = text::user(ev);
    let ns = ev.namespace().unwrap_or("default");
    let what: Vec<crate::i18n::Text> = findings
        .iter()
        .map(|f| {
            f.message_msg()
                .map_or_else(|| f.message().into_owned().into(), |m| crate::i18n::Text::Msg(m.clone()))
        })
        .collect();
    let worst = findings.iter().map(|f| f.severity).max().unwrap_or(d.meta().severity);
    let pss = ev.annotations.pss_enforce_policy.as_deref().map(str::to_string);
    let msg = crate::msg!(
        "audit-workload-written",
        user = user,
        kind = kind,
        ns = ns,
        name = name,
        what = text::join(what, "; ")
    );
    let a = cx.alert(d, ev, msg);
    a.severity = a.severity.max(worst);
    for f in &findings {
        a.note(format!("{} ({}): {}", f.rule.name, f.rule.code, f.path_text()));
    }
    if !images.is_empty() {
        a.note(crate::msg!("audit-note-images", images = images.join(", ")));
    }
    if let Some(p) = pss {
        a.note(crate::msg!("audit-note-pss-enforced", policy = p));
    }
}

/// The table of detections for `docs/audit-log.md`: code, name, severity, the audit policy level
/// each needs and whether EKS's audit policy logs what it reads.
#[must_use]
pub fn table_markdown() -> String {
    let mut out =
        String::from("| Code | Name | Severity | Level needed | Summary |\n|---|---|---|---|---|\n");
    for d in ALL {
        let m = d.meta();
        out.push_str(&format!(
            "| {} | [`{}`](rules.md#{}) | {} | `{}` | {} |\n",
            m.code,
            m.name,
            m.name,
            m.severity,
            d.level().as_str(),
            m.summary()
        ));
    }
    out
}
