use crate::document::{FieldPath, Node};
use crate::model::{Object, ObjectSet};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Ingress and Gateway API HTTPRoute backends naming a Service or a Service port that
    /// is not in the scan.
    ///
    /// The Service is looked up only in namespaces where the scan has some Service: an input
    /// that holds no Service of the namespace is taken as partial and not judged.
    ///
    /// ## Why is this bad?
    /// Traffic for that host and path gets 503 errors, or, with a catch-all default backend,
    /// lands on a service nobody meant to expose. A typo in a Service name or port is found at
    /// review time instead of after rollout.
    ///
    /// ## How to fix
    /// Point the backend at an existing Service and at one of its `spec.ports` (by `number` or
    /// `name`), or add the missing Service.
    ///
    /// ## Example
    /// ```yaml
    /// backend:
    ///   service:
    ///     name: web
    ///     port: {number: 8080}   # flagged when Service web only has port 80
    /// ```
    pub struct IngressBackendMissing {
        code: "NET109",
        name: "ingress-backend-missing",
        group: Network,
        severity: Medium,
        guide: [],
        references: ["kube-linter:dangling-ingress"],
    }
}

/// A port named by a backend: its number or its name.
enum PortRef<'a> {
    Number(i64),
    Name(&'a str),
}

/// One backend reference: where it is, the Service namespace and name, and the port.
struct Backend<'a> {
    path: FieldPath,
    namespace: &'a str,
    name: &'a str,
    port: Option<(FieldPath, PortRef<'a>)>,
}

impl Rule for IngressBackendMissing {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let services: Vec<&Object> = set.of_kind("", "Service").collect();
        let route_objects = set
            .of_kind("networking.k8s.io", "Ingress")
            .chain(set.of_kind("gateway.networking.k8s.io", "HTTPRoute"));
        for object in route_objects {
            let namespace = object.effective_namespace().unwrap_or("default");
            let backends = if object.kind == "Ingress" {
                ingress_backends(object, namespace)
            } else {
                route_backends(object, namespace)
            };
            for b in backends {
                let scanned = || {
                    services.iter().filter(|s| s.effective_namespace().unwrap_or("default") == b.namespace)
                };
                if scanned().next().is_none() {
                    continue;
                }
                let Some(service) = scanned().find(|s| s.name == b.name) else {
                    cx.report(
                        self,
                        object,
                        b.path.clone(),
                        crate::msg!("rule-net109-missing", name = b.name, namespace = b.namespace),
                    )
                    .help(crate::msg!("rule-net109-help"));
                    continue;
                };
                let Some((port_path, port)) = b.port else { continue };
                let ports = service.spec().and_then(|s| s.get("ports"));
                let found = ports.into_iter().flat_map(Node::items).any(|p| match port {
                    PortRef::Number(n) => p.get("port").and_then(Node::as_i64) == Some(n),
                    PortRef::Name(n) => p.get("name").and_then(Node::as_str) == Some(n),
                });
                if !found {
                    let shown = match port {
                        PortRef::Number(n) => n.to_string(),
                        PortRef::Name(n) => format!("\"{n}\""),
                    };
                    let message = crate::msg!("rule-net109-no-port", name = b.name, port = shown);
                    cx.report(self, object, port_path, message).help(crate::msg!("rule-net109-help-2"));
                }
            }
        }
    }
}

/// `spec.defaultBackend` and every `spec.rules[].http.paths[].backend` of an Ingress.
fn ingress_backends<'a>(ingress: &'a Object, namespace: &'a str) -> Vec<Backend<'a>> {
    let mut found = Vec::new();
    let spec = ingress.spec();
    let mut visit = |node: Option<&'a Node>, path: FieldPath| {
        let Some(service) = node.and_then(|b| b.get("service")) else { return };
        let Some(name) = service.get("name").and_then(Node::as_str) else { return };
        let port = service.get("port").and_then(|p| {
            let base = path.clone().keys(&["service", "port"]);
            if let Some(n) = p.get("number").and_then(Node::as_i64) {
                Some((base.key("number"), PortRef::Number(n)))
            } else {
                p.get("name").and_then(Node::as_str).map(|n| (base.key("name"), PortRef::Name(n)))
            }
        });
        found.push(Backend { path: path.keys(&["service", "name"]), namespace, name, port });
    };
    visit(spec.and_then(|s| s.get("defaultBackend")), FieldPath::parse("spec.defaultBackend"));
    let rules = spec.and_then(|s| s.get("rules")).into_iter().flat_map(Node::items);
    for (i, rule) in rules.enumerate() {
        let paths = rule.at(&["http", "paths"]).into_iter().flat_map(Node::items);
        for (j, p) in paths.enumerate() {
            let path =
                FieldPath::parse("spec.rules").index(i).keys(&["http", "paths"]).index(j).key("backend");
            visit(p.get("backend"), path);
        }
    }
    found
}

/// Every `spec.rules[].backendRefs[]` of an HTTPRoute that names a core Service.
fn route_backends<'a>(route: &'a Object, namespace: &'a str) -> Vec<Backend<'a>> {
    let mut found = Vec::new();
    let rules = route.spec().and_then(|s| s.get("rules")).into_iter().flat_map(Node::items);
    for (i, rule) in rules.enumerate() {
        for (j, r) in rule.get("backendRefs").into_iter().flat_map(Node::items).enumerate() {
            let group = r.get("group").and_then(Node::as_str).unwrap_or("");
            let kind = r.get("kind").and_then(Node::as_str).unwrap_or("Service");
            let Some(name) = r.get("name").and_then(Node::as_str) else { continue };
            if !group.is_empty() || kind != "Service" {
                continue;
            }
            let path = FieldPath::parse("spec.rules").index(i).key("backendRefs").index(j);
            let port =
                r.get("port").and_then(Node::as_i64).map(|n| (path.clone().key("port"), PortRef::Number(n)));
            let namespace = r.get("namespace").and_then(Node::as_str).unwrap_or(namespace);
            found.push(Backend { path: path.key("name"), namespace, name, port });
        }
    }
    found
}
