//! Shared driver for the RBAC escalation rules: every rule asks the same graph (built once per
//! scan and cached on the object set) about one primitive, and reports on the binding subject
//! with the chain subject → binding → role → rule → what it yields as a note.

use crate::analysis::rbac::escalation::{Hit, Primitive};
use crate::analysis::rbac::{Graph, Subject, SubjectKind};
use crate::document::FieldPath;
use crate::finding::Severity;
use crate::model::ObjectSet;
use crate::rules::{Context, Declared};

/// How a primitive rule words and grades its findings.
pub(crate) struct Spec {
    pub primitive: Primitive,
    /// The id of the help line in `help.ftl`.
    pub help: &'static str,
    /// Severity for a complete hit; `None` keeps the rule's default.
    pub severity: fn(&Hit) -> Option<Severity>,
}

/// Text for a subject at the start of a message: `subject ServiceAccount ci/deployer`.
pub(crate) fn who(subject: &Subject) -> crate::i18n::Msg {
    crate::msg!("rbac-subject", subject = subject.to_string())
}

/// Reports every non-system subject of a manifest binding whose role grants the primitive.
/// A hit whose precondition the subject lacks is reported as low, saying what is missing.
pub(crate) fn report_primitive(rule: &dyn Declared, cx: &mut Context<'_>, set: &ObjectSet, spec: &Spec) {
    let graph = Graph::of(set);
    // A binding to a full-wildcard role is reported here too: cluster-admin-binding's finding at
    // the same subject absorbs this one and names it (`rules::implied`), so that controls mapped
    // to this rule see it.
    for (id, b) in graph.bindings.iter().enumerate() {
        let Some(object) = b.object.and_then(|i| set.get(i)) else { continue };
        let Some(hit) = graph.binding_hit(id, spec.primitive) else { continue };
        for (i, subject) in b.subjects.iter().enumerate() {
            if subject.is_system() {
                continue;
            }
            let mut hit = hit.clone();
            graph.check_preconditions(&graph.identity_of(subject), &mut hit);
            // Half of a two-part permission: say what the subject holds and what it cannot do.
            let message = match &hit.missing {
                None => crate::msg!(
                    "rbac-holds",
                    who = who(subject),
                    action = hit.action(),
                    scope = hit.scope.msg()
                ),
                Some(missing) => crate::msg!(
                    "rbac-holds-partly",
                    who = who(subject),
                    request = hit.request_arg(),
                    scope = hit.scope.msg(),
                    missing = missing.clone(),
                    act = hit.act()
                ),
            };
            let path = FieldPath::root().key("subjects").index(i);
            let report = cx
                .report(rule, object, path, message)
                .help(crate::msg!(spec.help))
                .note(graph.subject_chain(subject, &hit));
            match &hit.missing {
                Some(missing) => {
                    let _ = report
                        .severity(Severity::Low)
                        .note(crate::msg!("rbac-needs", missing = missing.clone()));
                }
                None => {
                    if let Some(s) = (spec.severity)(&hit) {
                        let _ = report.severity(s);
                    }
                }
            }
        }
    }
}

/// ServiceAccounts of kube-system are add-ons and controllers of the platform.
/// An IAM principal as messages name it: `IAM role arn:…`.
pub(crate) fn iam_label(m: &crate::analysis::rbac::IdentityMapping) -> crate::i18n::Msg {
    match m.kind {
        crate::analysis::rbac::IamKind::Role => crate::msg!("rbac-iam-role", arn = &m.arn),
        crate::analysis::rbac::IamKind::User => crate::msg!("rbac-iam-user", arn = &m.arn),
    }
}

pub(crate) fn is_kube_system_sa(subject: &Subject) -> bool {
    subject.kind == SubjectKind::ServiceAccount && subject.namespace.as_deref() == Some("kube-system")
}

/// Whether a subject names people (users and groups) rather than workloads.
pub(crate) fn is_human(subject: &Subject) -> bool {
    subject.kind != SubjectKind::ServiceAccount && !subject.is_system()
}
