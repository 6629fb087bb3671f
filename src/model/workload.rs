//! Workloads: every pod-bearing kind yields one pod template, so a pod rule is written once.
//! Containers (init, regular, ephemeral) come with their effective security context, where a
//! container setting overrides the pod-level one and an unset container field inherits it.

use crate::document::{FieldPath, Node};

use super::object::Object;

/// Pod-bearing kinds and the path of their pod template (`metadata` + `spec`).
const POD_TEMPLATES: &[(&str, &str, &[&str])] = &[
    ("", "Pod", &[]),
    ("", "PodTemplate", &["template"]),
    ("", "ReplicationController", &["spec", "template"]),
    ("apps", "Deployment", &["spec", "template"]),
    ("apps", "ReplicaSet", &["spec", "template"]),
    ("apps", "StatefulSet", &["spec", "template"]),
    ("apps", "DaemonSet", &["spec", "template"]),
    ("batch", "Job", &["spec", "template"]),
    ("batch", "CronJob", &["spec", "jobTemplate", "spec", "template"]),
];

/// A pod-bearing object seen through its pod template.
#[derive(Clone, Copy, Debug)]
pub struct Workload<'a> {
    pub object: &'a Object,
    /// The pod template (the object itself for a Pod).
    pub template: &'a Node,
    /// The pod spec; `None` when the template has no `spec`.
    pub spec: Option<&'a Node>,
    template_path: &'static [&'static str],
}

/// Which list a container is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContainerKind {
    Init,
    Regular,
    Ephemeral,
}

impl ContainerKind {
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Self::Init => "initContainers",
            Self::Regular => "containers",
            Self::Ephemeral => "ephemeralContainers",
        }
    }

    /// The message id of [`Container::describe_msg`] for this kind.
    #[must_use]
    pub fn noun_id(self) -> &'static str {
        match self {
            Self::Init => "container-init",
            Self::Regular => "container-regular",
            Self::Ephemeral => "container-ephemeral",
        }
    }

    /// Words for messages: `container`, `init container`, `ephemeral container`.
    #[must_use]
    pub fn noun(self) -> &'static str {
        match self {
            Self::Init => "init container",
            Self::Regular => "container",
            Self::Ephemeral => "ephemeral container",
        }
    }
}

/// One container of a workload.
#[derive(Clone, Debug)]
pub struct Container<'a> {
    pub kind: ContainerKind,
    pub index: usize,
    pub name: &'a str,
    pub node: &'a Node,
    /// Path from the object root, e.g. `spec.template.spec.containers[0]`.
    pub path: FieldPath,
}

impl<'a> Workload<'a> {
    /// The workload view of an object, if its kind carries pods.
    #[must_use]
    pub fn of(object: &'a Object) -> Option<Self> {
        let &(_, _, path) = POD_TEMPLATES.iter().find(|(g, k, _)| object.is(g, k))?;
        let template = if path.is_empty() { &object.root } else { object.root.at(path)? };
        Some(Self { object, template, spec: template.get("spec"), template_path: path })
    }

    /// Whether the kind is pod-bearing (even when its template is missing).
    #[must_use]
    pub fn is_pod_bearing(object: &Object) -> bool {
        POD_TEMPLATES.iter().any(|(g, k, _)| object.is(g, k))
    }

    /// Path of the pod template from the object root.
    #[must_use]
    pub fn template_path(&self) -> FieldPath {
        FieldPath::root().keys(self.template_path)
    }

    /// Path of a pod-spec field: `spec_path(&["hostNetwork"])` → `spec.template.spec.hostNetwork`.
    #[must_use]
    pub fn spec_path(&self, keys: &[&str]) -> FieldPath {
        self.template_path().key("spec").keys(keys)
    }

    /// The pod-level `securityContext`.
    #[must_use]
    pub fn pod_security_context(&self) -> Option<&'a Node> {
        self.spec?.get("securityContext")
    }

    /// Pod template metadata (labels and annotations of the pods).
    #[must_use]
    pub fn pod_metadata(&self) -> Option<&'a Node> {
        self.template.get("metadata")
    }

    #[must_use]
    pub fn pod_labels(&self) -> Option<&'a Node> {
        self.pod_metadata()?.get("labels")
    }

    /// Containers in the order the API server visits them: init, regular, ephemeral.
    pub fn containers(&self) -> impl Iterator<Item = Container<'a>> + '_ {
        [ContainerKind::Init, ContainerKind::Regular, ContainerKind::Ephemeral].into_iter().flat_map(
            move |kind| {
                let list = self.spec.and_then(|s| s.get(kind.field()));
                let base = self.spec_path(&[kind.field()]);
                list.into_iter().flat_map(Node::items).enumerate().map(move |(index, node)| Container {
                    kind,
                    index,
                    name: node.get("name").and_then(Node::as_str).unwrap_or(""),
                    node,
                    path: base.clone().index(index),
                })
            },
        )
    }

    /// `spec.replicas`, when the kind has it and it is set.
    #[must_use]
    pub fn replicas(&self) -> Option<i64> {
        self.object.spec()?.get("replicas")?.as_i64()
    }

    /// The ServiceAccount the pods run as (`default` when no field names one).
    #[must_use]
    pub fn service_account(&self) -> &'a str {
        self.service_account_field().map_or("default", |(_, name)| name)
    }

    /// The field that names the pods' ServiceAccount, and the name, as the API server reads
    /// them: `serviceAccountName` when it is a non-empty string, otherwise the deprecated
    /// `serviceAccount` (the v1 conversion takes the alias only when `serviceAccountName` is
    /// empty); none when neither names one.
    #[must_use]
    pub fn service_account_field(&self) -> Option<(&'static str, &'a str)> {
        let spec = self.spec?;
        ["serviceAccountName", "serviceAccount"]
            .into_iter()
            .find_map(|f| spec.get(f).and_then(Node::as_str).filter(|n| !n.is_empty()).map(|n| (f, n)))
    }

    /// Whether the pods run to completion rather than serve: Jobs, CronJobs, and pods whose
    /// `restartPolicy` is `Never` or `OnFailure`.
    #[must_use]
    pub fn runs_to_completion(&self) -> bool {
        let policy = self.spec.and_then(|s| s.get("restartPolicy")).and_then(Node::as_str);
        self.object.is("batch", "Job")
            || self.object.is("batch", "CronJob")
            || matches!(policy, Some("Never" | "OnFailure"))
    }

    /// Whether the pod declares a Windows OS (`spec.os.name: windows`).
    #[must_use]
    pub fn is_windows(&self) -> bool {
        self.spec.and_then(|s| s.at(&["os", "name"])).and_then(Node::as_str) == Some("windows")
    }
}

/// Where an effective setting comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Pod,
    Container,
}

/// A security-context value together with where it was set.
#[derive(Clone, Debug)]
pub struct Setting<'a> {
    pub node: &'a Node,
    pub level: Level,
    pub path: FieldPath,
}

impl Container<'_> {
    #[must_use]
    pub fn security_context(&self) -> Option<&Node> {
        self.node.get("securityContext")
    }

    /// Path of a field under this container's `securityContext`.
    #[must_use]
    pub fn sc_path(&self, keys: &[&str]) -> FieldPath {
        self.path.clone().key("securityContext").keys(keys)
    }

    /// A field of the container's own security context.
    #[must_use]
    pub fn own<'n>(&'n self, keys: &[&str]) -> Option<Setting<'n>> {
        let node = self.security_context()?.at(keys)?;
        (!node.is_null()).then(|| Setting { node, level: Level::Container, path: self.sc_path(keys) })
    }

    /// A field that may be set on the pod and overridden per container (`runAsNonRoot`,
    /// `runAsUser`, `runAsGroup`, `seccompProfile`, `seLinuxOptions`, `windowsOptions`,
    /// `appArmorProfile`): the container's value if set, else the pod's.
    #[must_use]
    pub fn effective<'n>(&'n self, workload: &Workload<'n>, keys: &[&str]) -> Option<Setting<'n>> {
        self.own(keys).or_else(|| {
            let node = workload.pod_security_context()?.at(keys)?;
            (!node.is_null()).then(|| Setting {
                node,
                level: Level::Pod,
                path: workload.spec_path(&["securityContext"]).keys(keys),
            })
        })
    }

    /// Text for messages: `container "app"`, `init container "setup"`; a container without a
    /// name (which the API server refuses) by its position: `unnamed container containers[0]`.
    #[must_use]
    pub fn describe(&self) -> String {
        self.describe_msg().render(crate::i18n::Lang::En)
    }

    /// [`Container::describe`] as a translated fragment for messages.
    #[must_use]
    pub fn describe_msg(&self) -> crate::i18n::Msg {
        if self.name.is_empty() {
            let id = match self.kind {
                ContainerKind::Init => "container-init-unnamed",
                ContainerKind::Regular => "container-regular-unnamed",
                ContainerKind::Ephemeral => "container-ephemeral-unnamed",
            };
            crate::msg!(id, index = self.index.to_string())
        } else {
            crate::msg!(self.kind.noun_id(), name = self.name)
        }
    }
}
