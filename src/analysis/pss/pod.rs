//! The part of a pod the Pod Security Standards read, taken from the document tree once and
//! type-checked as the API server's decoder would: a field of the wrong type makes the object
//! invalid (it could never be admitted), instead of being read as unset.

use crate::document::{FieldPath, Node, Value};
use crate::model::{ContainerKind, Workload};

/// A field whose value has a type the API server would refuse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidField {
    pub path: FieldPath,
    pub expected: &'static str,
    pub found: String,
}

impl std::fmt::Display for InvalidField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} must be {}, found {}", self.path, self.expected, self.found)
    }
}

/// Pod-level fields read by the checks.
#[derive(Debug, Default)]
pub(crate) struct Pod<'a> {
    /// Template annotations, in source order (values are strings; null reads as empty).
    pub annotations: Vec<(&'a str, &'a str)>,
    pub host_network: bool,
    pub host_pid: bool,
    pub host_ipc: bool,
    pub host_users: Option<bool>,
    pub windows: bool,
    pub sc: Context<'a>,
    pub sysctls: Vec<&'a str>,
    pub volumes: Vec<Volume<'a>>,
    pub containers: Vec<Container<'a>>,
}

/// Security-context fields shared by the pod and its containers (`None` = unset).
#[derive(Debug, Default)]
pub(crate) struct Context<'a> {
    pub run_as_non_root: Option<bool>,
    pub run_as_user: Option<i64>,
    /// `seccompProfile.type`; a profile without a type reads as `""`.
    pub seccomp: Option<&'a str>,
    pub se_linux: Option<SeLinux<'a>>,
    /// `appArmorProfile.type`; a profile without a type reads as `""`.
    pub app_armor: Option<&'a str>,
    pub host_process: Option<bool>,
}

#[derive(Debug, Default)]
pub(crate) struct SeLinux<'a> {
    pub type_: &'a str,
    pub user: &'a str,
    pub role: &'a str,
}

#[derive(Debug)]
pub(crate) struct Volume<'a> {
    pub name: &'a str,
    /// The source keys that are set (non-null), in source order.
    pub sources: Vec<&'a str>,
}

#[derive(Debug)]
pub(crate) struct Container<'a> {
    pub kind: ContainerKind,
    pub index: usize,
    pub name: &'a str,
    pub sc: Context<'a>,
    pub privileged: Option<bool>,
    pub allow_privilege_escalation: Option<bool>,
    pub proc_mount: Option<&'a str>,
    /// `capabilities`, when set: (add, drop).
    pub capabilities: Option<(Vec<&'a str>, Vec<&'a str>)>,
    /// Non-zero host ports with their index in `ports`.
    pub host_ports: Vec<(usize, i64)>,
    /// Non-empty probe and lifecycle hosts with the keys leading to them.
    pub hosts: Vec<(&'static [&'static str], &'a str)>,
}

/// Probe and lifecycle handler fields that carry a host.
pub(crate) const HOST_FIELDS: &[&[&str]] = &[
    &["livenessProbe", "httpGet", "host"],
    &["livenessProbe", "tcpSocket", "host"],
    &["readinessProbe", "httpGet", "host"],
    &["readinessProbe", "tcpSocket", "host"],
    &["startupProbe", "httpGet", "host"],
    &["startupProbe", "tcpSocket", "host"],
    &["lifecycle", "postStart", "httpGet", "host"],
    &["lifecycle", "postStart", "tcpSocket", "host"],
    &["lifecycle", "preStop", "httpGet", "host"],
    &["lifecycle", "preStop", "tcpSocket", "host"],
];

const KINDS: [ContainerKind; 3] = [ContainerKind::Init, ContainerKind::Regular, ContainerKind::Ephemeral];

/// Reads fields and records type errors; paths are built only when an error is found.
struct Reader<'w> {
    workload: &'w Workload<'w>,
    errors: Vec<InvalidField>,
}

/// Where the reader is, to build error paths lazily.
#[derive(Clone, Copy)]
enum At<'k> {
    Template(&'k [&'k str]),
    Spec(&'k [&'k str]),
    Container(ContainerKind, usize, &'k [&'k str]),
}

impl Reader<'_> {
    fn path(&self, at: At<'_>, extra: &[&str]) -> FieldPath {
        match at {
            At::Template(keys) => self.workload.template_path().keys(keys).keys(extra),
            At::Spec(keys) => self.workload.spec_path(keys).keys(extra),
            At::Container(kind, i, keys) => {
                self.workload.spec_path(&[kind.field()]).index(i).keys(keys).keys(extra)
            }
        }
    }

    fn invalid(&mut self, path: FieldPath, expected: &'static str, node: &Node) {
        self.errors.push(InvalidField { path, expected, found: found(node) });
    }

    /// A child of a mapping, with null read as unset.
    fn field<'a>(&mut self, parent: Option<&'a Node>, key: &str) -> Option<&'a Node> {
        parent?.get(key).filter(|n| !n.is_null())
    }

    fn map<'a>(&mut self, node: Option<&'a Node>, at: At<'_>) -> Option<&'a Node> {
        let node = node.filter(|n| !n.is_null())?;
        if node.as_map().is_some() {
            Some(node)
        } else {
            self.invalid(self.path(at, &[]), "an object", node);
            None
        }
    }

    fn bool(&mut self, parent: Option<&Node>, key: &str, at: At<'_>) -> Option<bool> {
        let node = self.field(parent, key)?;
        let b = node.as_bool();
        if b.is_none() {
            self.invalid(self.path(at, &[key]), "a boolean", node);
        }
        b
    }

    fn str<'a>(&mut self, parent: Option<&'a Node>, key: &str, at: At<'_>) -> Option<&'a str> {
        let node = self.field(parent, key)?;
        let s = node.as_str();
        if s.is_none() {
            self.invalid(self.path(at, &[key]), "a string", node);
        }
        s
    }

    fn int(&mut self, parent: Option<&Node>, key: &str, at: At<'_>, range: (i64, i64)) -> Option<i64> {
        let node = self.field(parent, key)?;
        match node.as_i64() {
            Some(v) if (range.0..=range.1).contains(&v) => Some(v),
            _ => {
                let expected = if range.1 == i64::from(i32::MAX) { "a 32-bit integer" } else { "an integer" };
                self.invalid(self.path(at, &[key]), expected, node);
                None
            }
        }
    }

    /// Items of a list field; a non-list is an error.
    fn list<'a>(&mut self, parent: Option<&'a Node>, key: &str, at: At<'_>) -> &'a [Node] {
        let Some(node) = self.field(parent, key) else { return &[] };
        match node.as_seq() {
            Some(items) => items,
            None => {
                self.invalid(self.path(at, &[key]), "a list", node);
                &[]
            }
        }
    }

    fn strings<'a>(&mut self, parent: Option<&'a Node>, key: &str, at: At<'_>) -> Vec<&'a str> {
        let items = self.list(parent, key, at);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match &item.value {
                Value::Str(s) => out.push(s.as_str()),
                Value::Null => out.push(""),
                _ => {
                    let path = self.path(at, &[key]).index(i);
                    self.invalid(path, "a string", item);
                }
            }
        }
        out
    }

    /// The fields shared by pod and container security contexts; `at` points at the context.
    fn context<'a>(&mut self, sc: Option<&'a Node>, at: At<'_>) -> Context<'a> {
        let mut ctx = Context {
            run_as_non_root: self.bool(sc, "runAsNonRoot", at),
            run_as_user: self.int(sc, "runAsUser", at, (i64::MIN, i64::MAX)),
            ..Context::default()
        };
        let seccomp_at = with(at, &["securityContext", "seccompProfile"]);
        if let Some(p) = self.map(r_field(sc, "seccompProfile"), seccomp_at) {
            ctx.seccomp = Some(self.str(Some(p), "type", seccomp_at).unwrap_or(""));
        }
        let app_armor_at = with(at, &["securityContext", "appArmorProfile"]);
        if let Some(p) = self.map(r_field(sc, "appArmorProfile"), app_armor_at) {
            ctx.app_armor = Some(self.str(Some(p), "type", app_armor_at).unwrap_or(""));
        }
        let se_at = with(at, &["securityContext", "seLinuxOptions"]);
        if let Some(se) = self.map(r_field(sc, "seLinuxOptions"), se_at) {
            ctx.se_linux = Some(SeLinux {
                type_: self.str(Some(se), "type", se_at).unwrap_or(""),
                user: self.str(Some(se), "user", se_at).unwrap_or(""),
                role: self.str(Some(se), "role", se_at).unwrap_or(""),
            });
        }
        let win_at = with(at, &["securityContext", "windowsOptions"]);
        if let Some(win) = self.map(r_field(sc, "windowsOptions"), win_at) {
            ctx.host_process = self.bool(Some(win), "hostProcess", win_at);
        }
        ctx
    }
}

fn r_field<'a>(parent: Option<&'a Node>, key: &str) -> Option<&'a Node> {
    parent?.get(key).filter(|n| !n.is_null())
}

/// The same place with other keys under it.
fn with<'k>(at: At<'_>, keys: &'k [&'k str]) -> At<'k> {
    match at {
        At::Template(_) => At::Template(keys),
        At::Spec(_) => At::Spec(keys),
        At::Container(kind, i, _) => At::Container(kind, i, keys),
    }
}

pub(crate) fn found(node: &Node) -> String {
    crate::model::schema::found(node)
}

/// Reads a workload's pod; the error list is empty when every field read has a valid type.
pub(crate) fn read<'a>(workload: &'a Workload<'a>) -> (Pod<'a>, Vec<InvalidField>) {
    let mut r = Reader { workload, errors: Vec::new() };
    let mut pod = Pod::default();
    let template = if workload.template_path().is_root() {
        Some(workload.template)
    } else {
        r.map(Some(workload.template), At::Template(&[]))
    };
    let meta = r.map(r_field(template, "metadata"), At::Template(&["metadata"]));
    let annotations = r.map(r_field(meta, "annotations"), At::Template(&["metadata", "annotations"]));
    for (key, value) in annotations.into_iter().flat_map(Node::entries) {
        match &value.value {
            Value::Str(s) => pod.annotations.push((key, s)),
            Value::Null => pod.annotations.push((key, "")),
            _ => {
                let path = workload.template_path().keys(&["metadata", "annotations", key]);
                r.invalid(path, "a string", value);
            }
        }
    }
    let spec = r.map(r_field(template, "spec"), At::Template(&["spec"]));
    let at = At::Spec(&[]);
    pod.host_network = r.bool(spec, "hostNetwork", at) == Some(true);
    pod.host_pid = r.bool(spec, "hostPID", at) == Some(true);
    pod.host_ipc = r.bool(spec, "hostIPC", at) == Some(true);
    pod.host_users = r.bool(spec, "hostUsers", at);
    let os = r.map(r_field(spec, "os"), At::Spec(&["os"]));
    pod.windows = r.str(os, "name", At::Spec(&["os"])) == Some("windows");

    let sc = r.map(r_field(spec, "securityContext"), At::Spec(&["securityContext"]));
    pod.sc = r.context(sc, At::Spec(&["securityContext"]));
    for (i, s) in r.list(sc, "sysctls", At::Spec(&["securityContext"])).iter().enumerate() {
        let at = At::Spec(&["securityContext", "sysctls"]);
        if s.is_null() {
            pod.sysctls.push("");
        } else if s.as_map().is_none() {
            r.invalid(r.path(at, &[]).index(i), "an object", s);
        } else {
            let name = s.get("name").filter(|n| !n.is_null());
            match name.map(|n| (n, n.as_str())) {
                None => pod.sysctls.push(""),
                Some((_, Some(name))) => pod.sysctls.push(name),
                Some((n, None)) => r.invalid(r.path(at, &[]).index(i).key("name"), "a string", n),
            }
        }
    }

    for (i, v) in r.list(spec, "volumes", at).iter().enumerate() {
        if v.as_map().is_none() {
            r.invalid(workload.spec_path(&["volumes"]).index(i), "an object", v);
            continue;
        }
        let name = match v.get("name").filter(|n| !n.is_null()) {
            None => "",
            Some(n) => n.as_str().unwrap_or_else(|| {
                r.invalid(workload.spec_path(&["volumes"]).index(i).key("name"), "a string", n);
                ""
            }),
        };
        let mut sources: Vec<&str> =
            v.entries().filter(|(k, n)| *k != "name" && !n.is_null()).map(|(k, _)| k).collect();
        // The API server defaults a volume that names no source to an empty `emptyDir`.
        if sources.is_empty() {
            sources.push("emptyDir");
        }
        pod.volumes.push(Volume { name, sources });
    }

    for kind in KINDS {
        for (index, c) in r.list(spec, kind.field(), at).iter().enumerate() {
            if c.as_map().is_none() {
                r.invalid(workload.spec_path(&[kind.field()]).index(index), "an object", c);
                continue;
            }
            pod.containers.push(container(&mut r, kind, index, c));
        }
    }
    // A handler parent of the wrong type is met once per host field under it.
    r.errors.dedup();
    (pod, r.errors)
}

fn container<'a>(r: &mut Reader<'_>, kind: ContainerKind, index: usize, c: &'a Node) -> Container<'a> {
    let at = At::Container(kind, index, &[]);
    let name = r.str(Some(c), "name", at).unwrap_or("");
    let sc = r.map(r_field(Some(c), "securityContext"), At::Container(kind, index, &["securityContext"]));
    let sc_at = At::Container(kind, index, &["securityContext"]);
    let ctx = r.context(sc, sc_at);
    let caps_at = At::Container(kind, index, &["securityContext", "capabilities"]);
    let capabilities = r
        .map(r_field(sc, "capabilities"), caps_at)
        .map(|caps| (r.strings(Some(caps), "add", caps_at), r.strings(Some(caps), "drop", caps_at)));
    let mut host_ports = Vec::new();
    for (i, p) in r.list(Some(c), "ports", at).iter().enumerate() {
        if p.as_map().is_none() {
            r.invalid(r.path(at, &["ports"]).index(i), "an object", p);
            continue;
        }
        match p.get("hostPort").filter(|n| !n.is_null()) {
            None => {}
            Some(n) => match n.as_i64() {
                Some(0) => {}
                Some(v) if i32::try_from(v).is_ok() => host_ports.push((i, v)),
                _ => {
                    let path = r.path(at, &["ports"]).index(i).key("hostPort");
                    r.invalid(path, "a 32-bit integer", n);
                }
            },
        }
    }
    let mut hosts = Vec::new();
    for keys in HOST_FIELDS {
        let Some((last, parents)) = keys.split_last() else { continue };
        let mut node = Some(c);
        for (depth, key) in parents.iter().enumerate() {
            let upto = parents.get(..=depth).unwrap_or(parents);
            node = r.map(r_field(node, key), At::Container(kind, index, upto));
        }
        if node.is_some()
            && let Some(host) = r.str(node, last, At::Container(kind, index, parents))
            && !host.is_empty()
        {
            hosts.push((*keys, host));
        }
    }
    Container {
        kind,
        index,
        name,
        privileged: r.bool(sc, "privileged", sc_at),
        allow_privilege_escalation: r.bool(sc, "allowPrivilegeEscalation", sc_at),
        proc_mount: r.str(sc, "procMount", sc_at),
        sc: ctx,
        capabilities,
        host_ports,
        hosts,
    }
}
