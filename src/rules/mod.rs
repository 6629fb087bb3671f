//! The rule engine: rule metadata and documentation declared next to the check, one rule per
//! file, grouped by what they protect. Rules only report; selection, severity overrides and
//! waivers are applied once, by the scan, never inside a rule.

use std::sync::Arc;

use crate::document::{FieldPath, SourceFile, Span};
use crate::finding::{Finding, Location, Severity};
use crate::model::cluster::{Cluster, Field, Place};
use crate::model::{Object, ObjectSet, Workload};

pub mod audit;
pub mod docs;
pub mod eks;
pub mod frameworks;
pub mod guide_map;
pub mod hygiene;
pub mod implied;
pub mod input;
pub mod network;
pub mod peers;
pub mod pod;
pub mod pss;
pub mod rbac;
pub mod registry;
pub mod reliability;
pub mod secrets;

pub use crate::finding::{Group, RuleMeta};
pub use registry::{all, find};

/// Declares a rule: a unit struct whose doc comment becomes its documentation.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            group: $group:ident,
            severity: $sev:ident,
            $(also_severity: [$($also:ident),* $(,)?],)?
            guide: [$($guide:literal),* $(,)?],
            references: [$($reference:literal),* $(,)?],
            $(default_enabled: $enabled:literal,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $crate::rules::Declared for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                static META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                    code: $code,
                    name: $rname,
                    group: $crate::rules::Group::$group,
                    severity: $crate::finding::Severity::$sev,
                    also_severity: &[$($($crate::finding::Severity::$also),*)?],
                    guide: &[$($guide),*],
                    references: &[$($reference),*],
                    docs: concat!($($doc, "\n"),*),
                    default_enabled: $crate::__default_enabled!($($enabled)?),
                };
                &META
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __default_enabled {
    () => {
        true
    };
    ($v:literal) => {
        $v
    };
}

/// Implemented by [`declare_rule!`].
pub trait Declared {
    fn meta(&self) -> &'static RuleMeta;
}

/// A check. Each hook has a no-op default; a rule implements the ones it needs.
pub trait Rule: Declared + Send + Sync {
    /// Called once per object.
    fn check_object(&self, _cx: &mut Context<'_>, _object: &Object) {}
    /// Called once per pod-bearing object.
    fn check_workload(&self, _cx: &mut Context<'_>, _workload: &Workload<'_>) {}
    /// Called once per scope with the objects of that scope (cross-object rules; relations
    /// never cross a scope, see [`ObjectSet::scopes`]), or once with every object when the run
    /// is one scope.
    fn check_set(&self, _cx: &mut Context<'_>, _set: &ObjectSet) {}
    /// Called once with every object of the run whatever its scopes: checks of the run's own
    /// configuration against the whole input (an assertion naming nothing in any scope).
    fn check_run(&self, _cx: &mut Context<'_>, _set: &ObjectSet) {}
    /// Called once per EKS cluster built from the inputs (eksctl, AWS JSON, Terraform, …).
    fn check_cluster(&self, _cx: &mut Context<'_>, _cluster: &Cluster) {}
    /// Whether what the rule asks for can be done on a cluster whose control plane runs on AWS
    /// Outposts (see [`Cluster::outpost`]). When not, the scan does not check such clusters with
    /// it, and compliance reports show its controls as not applicable to them.
    fn applies_on_outposts(&self) -> bool {
        true
    }
    /// Called once per cluster with every object of the run, when the run has exactly one
    /// cluster (workloads are not tied to a cluster otherwise).
    fn check_cluster_objects(&self, _cx: &mut Context<'_>, _cluster: &Cluster, _set: &ObjectSet) {}
    /// Called once per input file that holds no Kubernetes object (Terraform, CloudFormation,
    /// eksctl configs, AWS JSON, Helm values, …), with its text.
    fn check_source(&self, _cx: &mut Context<'_>, _file: &std::sync::Arc<SourceFile>) {}
}

/// Collects findings for one rule over one object (or the whole set).
#[derive(Debug)]
pub struct Context<'a> {
    pub options: &'a RuleOptions,
    findings: Vec<Finding>,
}

/// Settings rules may read (from `.ladrillo.yaml` and flags).
#[derive(Clone, Debug, Default)]
pub struct RuleOptions {
    /// The day the scan evaluates dates against (`--date`, default today).
    pub today: jiff::civil::Date,
    /// Tags every cluster must carry (`required-tags` in `.ladrillo.yaml`).
    pub required_tags: Vec<String>,
    /// NetworkPolicy reachability assertions from `.ladrillo.yaml`.
    pub reachability: Arc<crate::analysis::netpol::assertions::Reachability>,
    /// The Pod Security policy for workloads whose namespace has no known enforce label
    /// (`pss:` in `.ladrillo.yaml`; restricted, latest by default).
    pub pss: crate::analysis::pss::Policy,
    /// Whether `pss` was set in `.ladrillo.yaml` (else it is ladrillo's default target).
    pub pss_configured: bool,
    /// The Kubernetes release (`1.N`) whose Pod Security admission is emulated.
    pub pss_kubernetes_version: Option<u32>,
    /// The Kubernetes release (`1.N`) manifests are deployed to (`--kubernetes-version`), when
    /// given; otherwise rules read it from the input's cluster definitions.
    pub kubernetes_version: Option<u32>,
    /// Names of the rules selected in this run, so a rule can leave a problem to the rule that
    /// reports it in more detail.
    pub selected_rules: Vec<&'static str>,
}

impl<'a> Context<'a> {
    #[must_use]
    pub fn new(options: &'a RuleOptions) -> Self {
        Self { options, findings: Vec::new() }
    }

    /// Reports a finding at a field of an object; a missing field is shown at its nearest
    /// existing parent. The finding is recorded when the returned builder is dropped.
    pub fn report(
        &mut self,
        rule: &dyn Declared,
        object: &Object,
        path: FieldPath,
        message: impl Into<crate::i18n::Text>,
    ) -> Report<'_, 'a> {
        let located = object.locate(&path);
        self.report_located(rule, object, path, located, message)
    }

    /// [`Context::report`] with the field already located in the object's tree: for a finding
    /// made after the tree was dropped (see `ObjectSet::check_dropping_trees`).
    pub fn report_located(
        &mut self,
        rule: &dyn Declared,
        object: &Object,
        path: FieldPath,
        located: crate::document::Located,
        message: impl Into<crate::i18n::Text>,
    ) -> Report<'_, 'a> {
        let file = object.origin.as_ref().map(|o| Arc::clone(&o.file));
        let meta = rule.meta();
        let message = message_of(message.into());
        let object_ref = Arc::clone(&object.id);
        Report {
            cx: self,
            finding: Some(Finding {
                rule: meta,
                severity: meta.severity,
                message,
                help: None,
                location: Location::new(file, located.span),
                object: Some(object_ref),
                path: Some(path),
                missing: located.missing,
                suppressed: None,
                object_index: Some(object.index),
                fingerprint: None,
                extra: None,
            }),
        }
    }

    /// Reports a finding at a place in a file that is not (or not only) an object field.
    pub fn report_at(
        &mut self,
        rule: &dyn Declared,
        file: Option<Arc<SourceFile>>,
        span: Span,
        message: impl Into<crate::i18n::Text>,
    ) -> Report<'_, 'a> {
        let meta = rule.meta();
        let message = message_of(message.into());
        Report {
            cx: self,
            finding: Some(Finding {
                rule: meta,
                severity: meta.severity,
                message,
                help: None,
                location: Location::new(file, span),
                object: None,
                path: None,
                missing: None,
                suppressed: None,
                object_index: None,
                fingerprint: None,
                extra: None,
            }),
        }
    }

    /// Reports a finding about a cluster at a place of the model: the value's file and span (or
    /// its nearest parent when absent), and the object it belongs to when there is one.
    pub fn report_cluster(
        &mut self,
        rule: &dyn Declared,
        cluster: &Cluster,
        at: &Place,
        message: impl Into<crate::i18n::Text>,
    ) -> Report<'_, 'a> {
        let meta = rule.meta();
        let link = at.object.as_ref().or(cluster.at.object.as_ref());
        // A value from a Terraform variable is changed where the variable is set.
        let notes: Vec<crate::finding::Message> = at
            .set_by
            .iter()
            .map(|u| {
                let p = u.set_in.position(u.set_at.start);
                let place = format!("{}:{}:{}", u.set_in.display, p.line, p.column);
                message_of(crate::msg!("finding-var-set-at", name = &u.name, at = place).into())
            })
            .collect();
        let related: Vec<crate::finding::Related> = at
            .set_by
            .iter()
            .map(|u| crate::finding::Related {
                location: Location::new(Some(Arc::clone(&u.set_in)), u.set_at),
                message: format!("value of var.{}", u.name),
            })
            .collect();
        let message = message_of(message.into());
        Report {
            cx: self,
            finding: Some(Finding {
                rule: meta,
                severity: meta.severity,
                message,
                help: None,
                location: Location::new(at.file.clone(), at.span),
                object: link.map(|l| Arc::new(l.object.clone())),
                path: (!at.path.is_root()).then(|| at.path.clone()),
                missing: at.missing.clone(),
                suppressed: None,
                object_index: link.and_then(|l| l.index),
                fingerprint: None,
                extra: crate::finding::Extra { notes, related, ..Default::default() }.boxed(),
            }),
        }
    }

    /// Reports a finding at a field of a cluster; when the value is a default, a note says which
    /// default applies.
    pub fn report_field<T>(
        &mut self,
        rule: &dyn Declared,
        cluster: &Cluster,
        field: &Field<T>,
        message: impl Into<crate::i18n::Text>,
    ) -> Report<'_, 'a> {
        let report = self.report_cluster(rule, cluster, field.at(), message);
        // The default's reason cites the input form's documentation; its message (by its
        // English text) shows it in the reader's language.
        match field.default_note_reason() {
            Some(why) => {
                let why: crate::i18n::Arg = match crate::i18n::default_reason_id(why) {
                    Some(id) => crate::i18n::Msg::new(id).into(),
                    None => why.into(),
                };
                report.note(crate::msg!("finding-default", why = why))
            }
            None => report,
        }
    }

    #[must_use]
    pub fn into_findings(mut self) -> Vec<Finding> {
        // Grown by doubling while the rules report; the scan keeps every object's list until
        // it gathers them.
        self.findings.shrink_to_fit();
        self.findings
    }
}

/// A finding's message or help line; the English text is kept where the scan's masking of
/// token-shaped words would change it (see `Message::new`).
pub(crate) fn message_of(text: crate::i18n::Text) -> crate::finding::Message {
    crate::finding::Message::new(text, &|t| !secrets::detect::token_ranges(t).is_empty())
}

/// A finding being built; recorded on drop so a rule cannot forget to emit it.
pub struct Report<'c, 'a> {
    cx: &'c mut Context<'a>,
    finding: Option<Finding>,
}

impl Report<'_, '_> {
    /// The fix, as a message (`msg!("rule-pod001-help")`, translated) or plain English text.
    pub fn help(mut self, help: impl Into<crate::i18n::Text>) -> Self {
        if let Some(f) = &mut self.finding {
            f.help = Some(message_of(help.into()));
        }
        self
    }

    /// Overrides the rule's default severity for this finding (e.g. a sensitive host path).
    pub fn severity(mut self, severity: Severity) -> Self {
        if let Some(f) = &mut self.finding {
            f.severity = severity;
        }
        self
    }

    /// An extra line of explanation, as a message (`msg!("rule-pod011-note", …)`, translated)
    /// or plain English text.
    pub fn note(mut self, note: impl Into<crate::i18n::Text>) -> Self {
        if let Some(f) = &mut self.finding {
            f.push_note(message_of(note.into()));
        }
        self
    }

    /// Marks a span of the source (a secret value) that no report may show.
    pub fn redact(mut self, span: Span) -> Self {
        if let Some(f) = &mut self.finding
            && span != Span::default()
        {
            f.extra_mut().redact.push(span);
        }
        self
    }

    pub fn object(mut self, object: &Object) -> Self {
        if let Some(f) = &mut self.finding {
            f.object = Some(Arc::clone(&object.id));
            f.object_index = Some(object.index);
        }
        self
    }
}

impl Drop for Report<'_, '_> {
    fn drop(&mut self) {
        if let Some(mut f) = self.finding.take() {
            f.shrink();
            self.cx.findings.push(f);
        }
    }
}
