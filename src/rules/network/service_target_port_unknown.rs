use crate::analysis::netpol::Model;
use crate::document::{FieldPath, Node};
use crate::model::ObjectSet;
use crate::model::selector::LabelSelector;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Service ports whose named `targetPort` is not a container port name of the
    /// workloads the Service selects.
    ///
    /// Only Services that select at least one workload of the scan are checked, and a name is
    /// accepted when any selected workload declares it.
    ///
    /// ## Why is this bad?
    /// A named target port resolves per pod; when no container declares the name, the Service
    /// has no endpoint for that port and connections fail, although every object applies cleanly.
    ///
    /// ## How to fix
    /// Use the `name` of a container port of the selected pods, or the port number.
    ///
    /// ## Example
    /// ```yaml
    /// ports:
    ///   - port: 80
    ///     targetPort: htpp   # flagged: the container port is named http
    /// ```
    pub struct ServiceTargetPortUnknown {
        code: "NET110",
        name: "service-target-port-unknown",
        group: Network,
        severity: Medium,
        guide: [],
        references: [],
    }
}

impl Rule for ServiceTargetPortUnknown {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let model = Model::of(set);
        for service in set.of_kind("", "Service") {
            let Some(spec) = service.spec() else { continue };
            let Some(selector) = spec.get("selector").map(LabelSelector::from_map) else { continue };
            if selector.is_empty() {
                continue;
            }
            let namespace = service.effective_namespace().unwrap_or("default");
            let selected: Vec<_> =
                model.workloads_in(namespace).iter().filter(|w| selector.matches(&w.labels)).collect();
            if selected.is_empty() {
                continue;
            }
            for (i, port) in spec.get("ports").into_iter().flat_map(Node::items).enumerate() {
                let Some(name) = port.get("targetPort").and_then(Node::as_str) else { continue };
                if name.parse::<u16>().is_ok()
                    || selected.iter().any(|w| w.named_ports.iter().any(|(n, _, _)| n == name))
                {
                    continue;
                }
                let names: Vec<String> =
                    selected.iter().map(|w| format!("{} \"{}\"", w.id.kind, w.id.name)).collect();
                cx.report(
                    self,
                    service,
                    FieldPath::parse("spec.ports").index(i).key("targetPort"),
                    crate::msg!("rule-net110-message", name = name, workloads = names.join(", ")),
                )
                .help(crate::msg!("rule-net110-help"));
            }
        }
    }
}
