//! The types and required fields the API server's decoder and validation demand of the pod
//! template fields ladrillo's rules read: a workload that fails one is refused, so its pods never
//! run, and a rule that read the field as unset (`env: "FOO=bar"` as no variables) would judge
//! a pod that cannot exist. Only the fields named here are read, each at a fixed depth, so the
//! walk is bounded by the size of the template whatever its nesting.

use crate::document::{FieldPath, Node, Value};

use super::workload::{ContainerKind, Workload};

/// A pod template field the API server refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub path: FieldPath,
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The value has another type: `expected` in the words of the Pod Security reader (`a list`,
    /// `an object`, `a string`, `a boolean`, `an integer`, `a 32-bit integer`, `an integer or a
    /// string`, `a quantity`), `found` as [`found`] writes it.
    Type { expected: &'static str, found: String },
    /// The field is required and missing, null or empty.
    Required,
    /// The value has its type, and the API server's validation refuses it (a port name with no
    /// letter, a port number out of range): why, in a message.
    Invalid(crate::i18n::Msg),
}

/// The found value of a field of the wrong type: its type, a number with its text
/// (`number 42`).
#[must_use]
pub fn found(node: &Node) -> String {
    match &node.value {
        Value::Int(_) | Value::Float(_) => format!("number {}", node.scalar_text().unwrap_or_default()),
        _ => node.type_name().to_string(),
    }
}

/// The expected type of a field.
#[derive(Clone, Copy)]
enum Ty {
    Bool,
    Str,
    Int,
    Int32,
    IntOrStr,
    Quantity,
    Map,
    List,
    /// A mapping whose values are strings (labels, annotations, `nodeSelector`).
    StrMap,
    /// A list of strings (`command`, `args`, `capabilities.add`).
    StrList,
    /// A list of integers (`supplementalGroups`).
    IntList,
}

impl Ty {
    fn expected(self) -> &'static str {
        match self {
            Ty::Bool => "a boolean",
            Ty::Str => "a string",
            Ty::Int => "an integer",
            Ty::Int32 => "a 32-bit integer",
            Ty::IntOrStr => "an integer or a string",
            Ty::Quantity => "a quantity",
            Ty::Map | Ty::StrMap => "an object",
            Ty::List | Ty::StrList | Ty::IntList => "a list",
        }
    }
}

/// Collects the errors of one template.
struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    fn type_error(&mut self, path: FieldPath, expected: &'static str, node: &Node) {
        self.errors.push(FieldError { path, problem: Problem::Type { expected, found: found(node) } });
    }

    /// Checks a node against a type; `true` when it has it (null counts as unset, and fits).
    fn is(&mut self, node: &Node, ty: Ty, path: &FieldPath) -> bool {
        let ok = match (&node.value, ty) {
            (Value::Null, _)
            | (Value::Bool(_), Ty::Bool)
            | (Value::Str(_), Ty::Str | Ty::IntOrStr | Ty::Quantity)
            | (Value::Int(_) | Value::Float(_), Ty::Quantity)
            | (Value::Map(_), Ty::Map | Ty::StrMap)
            | (Value::Seq(_), Ty::List | Ty::StrList | Ty::IntList) => true,
            (Value::Int(_) | Value::Float(_), Ty::Int | Ty::IntOrStr) => node.as_i64().is_some(),
            (Value::Int(_) | Value::Float(_), Ty::Int32) => {
                node.as_i64().is_some_and(|v| i32::try_from(v).is_ok())
            }
            _ => false,
        };
        if !ok {
            self.type_error(path.clone(), ty.expected(), node);
            return false;
        }
        match ty {
            Ty::StrMap => {
                for (key, value) in node.entries() {
                    if !matches!(value.value, Value::Str(_) | Value::Null) {
                        self.type_error(path.clone().key(key), "a string", value);
                    }
                }
            }
            Ty::StrList | Ty::IntList => {
                let item = if matches!(ty, Ty::StrList) { Ty::Str } else { Ty::Int };
                for (i, value) in node.items().enumerate() {
                    self.is(value, item, &path.clone().index(i));
                }
            }
            _ => {}
        }
        true
    }

    /// Checks the listed fields of a mapping (absent and null fields are unset).
    fn fields(&mut self, parent: &Node, path: &FieldPath, fields: &[(&str, Ty)]) {
        for &(key, ty) in fields {
            if let Some(node) = parent.get(key) {
                self.is(node, ty, &path.clone().key(key));
            }
        }
    }

    /// A field that must be a mapping: the mapping, when it is one and set.
    fn map<'n>(&mut self, parent: &'n Node, key: &str, path: &FieldPath) -> Option<(&'n Node, FieldPath)> {
        let node = parent.get(key).filter(|n| !n.is_null())?;
        let path = path.clone().key(key);
        self.is(node, Ty::Map, &path).then_some((node, path))
    }

    /// The items of a field that must be a list of mappings, each with its path; an item that is
    /// not a mapping is an error and left out.
    fn objects<'n>(&mut self, parent: &'n Node, key: &str, path: &FieldPath) -> Vec<(&'n Node, FieldPath)> {
        let Some(node) = parent.get(key).filter(|n| !n.is_null()) else { return Vec::new() };
        let path = path.clone().key(key);
        if !self.is(node, Ty::List, &path) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, item) in node.items().enumerate() {
            let item_path = path.clone().index(i);
            if item.as_map().is_some() {
                out.push((item, item_path));
            } else {
                self.type_error(item_path, "an object", item);
            }
        }
        out
    }

    /// A required string field: missing, null or empty is an error, as is another type.
    fn required_str(&mut self, parent: &Node, key: &str, path: &FieldPath) {
        let path = path.clone().key(key);
        match parent.get(key) {
            Some(n) if matches!(&n.value, Value::Str(s) if !s.is_empty()) => {}
            Some(n) if !matches!(n.value, Value::Null | Value::Str(_)) => {
                self.type_error(path, "a string", n)
            }
            _ => self.errors.push(FieldError { path, problem: Problem::Required }),
        }
    }
}

/// Pod-level fields and their types.
const POD_FIELDS: &[(&str, Ty)] = &[
    ("serviceAccountName", Ty::Str),
    ("serviceAccount", Ty::Str),
    ("automountServiceAccountToken", Ty::Bool),
    ("hostNetwork", Ty::Bool),
    ("hostPID", Ty::Bool),
    ("hostIPC", Ty::Bool),
    ("hostUsers", Ty::Bool),
    ("shareProcessNamespace", Ty::Bool),
    ("restartPolicy", Ty::Str),
    ("nodeSelector", Ty::StrMap),
    ("priorityClassName", Ty::Str),
    ("runtimeClassName", Ty::Str),
];

/// Security-context fields shared by pods and containers.
const CONTEXT_FIELDS: &[(&str, Ty)] =
    &[("runAsNonRoot", Ty::Bool), ("runAsUser", Ty::Int), ("runAsGroup", Ty::Int)];

/// Container fields and their types (`name` and the lists of objects are checked apart).
const CONTAINER_FIELDS: &[(&str, Ty)] = &[
    ("image", Ty::Str),
    ("imagePullPolicy", Ty::Str),
    ("command", Ty::StrList),
    ("args", Ty::StrList),
    ("workingDir", Ty::Str),
];

const PROBES: &[&str] = &["livenessProbe", "readinessProbe", "startupProbe"];

/// The errors of a workload's pod template, in document order of the fields checked (pod
/// fields, then each container).
#[must_use]
pub fn pod_template_errors(w: &Workload<'_>) -> Vec<FieldError> {
    let mut c = Check { errors: Vec::new() };
    let template_path = w.template_path();
    if !template_path.is_root() && !c.is(w.template, Ty::Map, &template_path) {
        return c.errors;
    }
    if let Some((meta, path)) = c.map(w.template, "metadata", &template_path) {
        c.fields(meta, &path, &[("labels", Ty::StrMap), ("annotations", Ty::StrMap)]);
    }
    let Some((spec, spec_path)) = c.map(w.template, "spec", &template_path) else { return c.errors };
    c.fields(spec, &spec_path, POD_FIELDS);
    if let Some((sc, path)) = c.map(spec, "securityContext", &spec_path) {
        context(&mut c, sc, &path);
        c.fields(sc, &path, &[("fsGroup", Ty::Int), ("supplementalGroups", Ty::IntList)]);
        for (sysctl, path) in c.objects(sc, "sysctls", &path) {
            c.fields(sysctl, &path, &[("name", Ty::Str), ("value", Ty::Str)]);
        }
    }
    for (volume, path) in c.objects(spec, "volumes", &spec_path) {
        c.required_str(volume, "name", &path);
        if let Some((host_path, path)) = c.map(volume, "hostPath", &path) {
            c.fields(host_path, &path, &[("path", Ty::Str), ("type", Ty::Str)]);
        }
    }
    for (alias, path) in c.objects(spec, "hostAliases", &spec_path) {
        c.fields(alias, &path, &[("ip", Ty::Str), ("hostnames", Ty::StrList)]);
    }
    if let Some((os, path)) = c.map(spec, "os", &spec_path) {
        c.fields(os, &path, &[("name", Ty::Str)]);
    }
    for kind in [ContainerKind::Init, ContainerKind::Regular, ContainerKind::Ephemeral] {
        for (node, path) in c.objects(spec, kind.field(), &spec_path) {
            container(&mut c, node, &path);
        }
    }
    c.errors
}

fn context(c: &mut Check, sc: &Node, path: &FieldPath) {
    c.fields(sc, path, CONTEXT_FIELDS);
    for key in ["seccompProfile", "appArmorProfile"] {
        if let Some((profile, path)) = c.map(sc, key, path) {
            c.fields(profile, &path, &[("type", Ty::Str), ("localhostProfile", Ty::Str)]);
        }
    }
    if let Some((se, path)) = c.map(sc, "seLinuxOptions", path) {
        c.fields(se, &path, &[("user", Ty::Str), ("role", Ty::Str), ("type", Ty::Str), ("level", Ty::Str)]);
    }
    if let Some((win, path)) = c.map(sc, "windowsOptions", path) {
        c.fields(win, &path, &[("hostProcess", Ty::Bool), ("runAsUserName", Ty::Str)]);
    }
}

fn container(c: &mut Check, node: &Node, path: &FieldPath) {
    c.required_str(node, "name", path);
    c.fields(node, path, CONTAINER_FIELDS);
    for (env, path) in c.objects(node, "env", path) {
        c.required_str(env, "name", &path);
        c.fields(env, &path, &[("value", Ty::Str), ("valueFrom", Ty::Map)]);
    }
    for (from, path) in c.objects(node, "envFrom", path) {
        c.fields(from, &path, &[("prefix", Ty::Str), ("configMapRef", Ty::Map), ("secretRef", Ty::Map)]);
    }
    for (port_node, path) in c.objects(node, "ports", path) {
        if port_node.get("containerPort").is_none_or(Node::is_null) {
            c.errors.push(FieldError { path: path.clone().key("containerPort"), problem: Problem::Required });
        }
        c.fields(
            port_node,
            &path,
            &[
                ("containerPort", Ty::Int32),
                ("hostPort", Ty::Int32),
                ("name", Ty::Str),
                ("protocol", Ty::Str),
            ],
        );
        port(c, port_node, "containerPort", &path, Ty::Int32);
        port(c, port_node, "name", &path, Ty::Str);
    }
    if let Some((resources, path)) = c.map(node, "resources", path) {
        for key in ["limits", "requests"] {
            if let Some((amounts, path)) = c.map(resources, key, &path) {
                for (name, amount) in amounts.entries() {
                    c.is(amount, Ty::Quantity, &path.clone().key(name));
                }
            }
        }
    }
    if let Some((sc, path)) = c.map(node, "securityContext", path) {
        context(c, sc, &path);
        c.fields(
            sc,
            &path,
            &[
                ("privileged", Ty::Bool),
                ("allowPrivilegeEscalation", Ty::Bool),
                ("readOnlyRootFilesystem", Ty::Bool),
                ("procMount", Ty::Str),
            ],
        );
        if let Some((caps, path)) = c.map(sc, "capabilities", &path) {
            c.fields(caps, &path, &[("add", Ty::StrList), ("drop", Ty::StrList)]);
        }
    }
    for (mount, path) in c.objects(node, "volumeMounts", path) {
        c.required_str(mount, "name", &path);
        c.required_str(mount, "mountPath", &path);
        c.fields(mount, &path, &[("readOnly", Ty::Bool), ("subPath", Ty::Str)]);
    }
    for probe in PROBES {
        if let Some((p, path)) = c.map(node, probe, path) {
            handler(c, p, &path);
            c.fields(
                p,
                &path,
                &[
                    ("initialDelaySeconds", Ty::Int32),
                    ("periodSeconds", Ty::Int32),
                    ("timeoutSeconds", Ty::Int32),
                    ("successThreshold", Ty::Int32),
                    ("failureThreshold", Ty::Int32),
                ],
            );
        }
    }
    if let Some((lifecycle, path)) = c.map(node, "lifecycle", path) {
        for hook in ["postStart", "preStop"] {
            if let Some((h, path)) = c.map(lifecycle, hook, &path) {
                handler(c, h, &path);
            }
        }
    }
}

/// A port given by number or by name, once its type is right: a number from 1 to 65535, a name
/// as IANA service names are written (the API server refuses `"8080"`: a name needs a letter).
/// `ty` is the field's type: a value of another type was reported as such already.
fn port(c: &mut Check, parent: &Node, key: &str, path: &FieldPath, ty: Ty) {
    let Some(node) = parent.get(key) else { return };
    let problem = match (&node.value, ty) {
        (Value::Str(name), Ty::Str | Ty::IntOrStr) => super::validation::port_name(name).err(),
        (Value::Int(n), Ty::Int32 | Ty::IntOrStr) => super::validation::port_number(*n).err(),
        _ => None,
    };
    if let Some(why) = problem {
        c.errors.push(FieldError { path: path.clone().key(key), problem: Problem::Invalid(why) });
    }
}

/// A probe's or lifecycle hook's handler.
fn handler(c: &mut Check, node: &Node, path: &FieldPath) {
    if let Some((get, path)) = c.map(node, "httpGet", path) {
        c.fields(
            get,
            &path,
            &[("port", Ty::IntOrStr), ("path", Ty::Str), ("host", Ty::Str), ("scheme", Ty::Str)],
        );
        port(c, get, "port", &path, Ty::IntOrStr);
    }
    if let Some((tcp, path)) = c.map(node, "tcpSocket", path) {
        c.fields(tcp, &path, &[("port", Ty::IntOrStr), ("host", Ty::Str)]);
        port(c, tcp, "port", &path, Ty::IntOrStr);
    }
    if let Some((exec, path)) = c.map(node, "exec", path) {
        c.fields(exec, &path, &[("command", Ty::StrList)]);
    }
    if let Some((grpc, path)) = c.map(node, "grpc", path) {
        c.fields(grpc, &path, &[("port", Ty::Int32), ("service", Ty::Str)]);
        port(c, grpc, "port", &path, Ty::Int32);
    }
}
