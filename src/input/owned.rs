//! Objects a controller made from its template: a Deployment's ReplicaSets and Pods, a CronJob's
//! Jobs, as a whole-cluster export (`kubectl get all -A -o json`) holds them beside their
//! controller. When the controller is in the input too, what is wrong with one replica is
//! reported once, on the controller, as a live scan reports it (`live::owners`). Bare Pods, and
//! objects whose controller is not in the input or in another scope, are kept.

use std::collections::{HashMap, HashSet};

use crate::document::{Node, Value};
use crate::model::Object;

/// Kinds a controller creates from its template.
pub const OWNED_KINDS: [&str; 3] = ["Pod", "ReplicaSet", "Job"];

/// The uids of an object's controllers (`metadata.ownerReferences` with `controller: true`), for
/// the kinds a controller creates.
fn controllers(o: &Object) -> impl Iterator<Item = &str> {
    let refs = OWNED_KINDS
        .contains(&o.kind.as_str())
        .then(|| o.root.get("metadata")?.get("ownerReferences"))
        .flatten();
    let refs = match refs.map(|r| &r.value) {
        Some(Value::Seq(refs)) => &refs[..],
        _ => &[],
    };
    refs.iter()
        .filter(|r| r.get("controller").is_some_and(|c| matches!(c.value, Value::Bool(true))))
        .filter_map(|r| r.get("uid").and_then(Node::as_str))
}

fn uid(o: &Object) -> Option<&str> {
    o.root.get("metadata")?.get("uid")?.as_str().filter(|u| !u.is_empty())
}

/// The controllers present in an input: by scope, the uids of the objects another one names as
/// its controller.
#[derive(Debug, Default)]
pub struct Owners {
    present: HashMap<usize, HashSet<Box<str>>>,
}

impl Owners {
    /// The controllers among `objects`, each with its scope.
    pub fn of<'a>(objects: impl Iterator<Item = (usize, &'a Object)> + Clone) -> Self {
        let named: HashSet<(usize, &str)> =
            objects.clone().flat_map(|(scope, o)| controllers(o).map(move |u| (scope, u))).collect();
        // Manifests written by hand name no controller: nothing more to look at.
        if named.is_empty() {
            return Self::default();
        }
        let mut present: HashMap<usize, HashSet<Box<str>>> = HashMap::new();
        for (scope, o) in objects {
            if let Some(u) = uid(o).filter(|u| named.contains(&(scope, *u))) {
                present.entry(scope).or_default().insert(u.into());
            }
        }
        Self { present }
    }

    /// Whether the controller of `o`, in `scope`, is in the input.
    #[must_use]
    pub fn owns(&self, scope: usize, o: &Object) -> bool {
        self.present.get(&scope).is_some_and(|uids| controllers(o).any(|u| uids.contains(u)))
    }
}

#[cfg(test)]
mod tests {
    use crate::input::{Inputs, Options};

    /// An object of `kind` named `name`, with uid `name`, controlled by `owner` (or owned by it
    /// without being controlled, when `controller` is false).
    fn object(kind: &str, name: &str, owner: Option<(&str, bool)>) -> serde_json::Value {
        let api = match kind {
            "Deployment" | "ReplicaSet" => "apps/v1",
            "Job" | "CronJob" => "batch/v1",
            _ => "v1",
        };
        let mut o = serde_json::json!({
            "apiVersion": api, "kind": kind,
            "metadata": {"name": name, "namespace": "app", "uid": name}
        });
        if let Some((uid, controller)) = owner {
            o["metadata"]["ownerReferences"] = serde_json::json!([{"apiVersion": "apps/v1", "kind": "X", "name": uid, "uid": uid, "controller": controller}]);
        }
        o
    }

    fn list(items: Vec<serde_json::Value>) -> String {
        serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items}).to_string()
    }

    fn names(inputs: &Inputs) -> Vec<String> {
        inputs.set.iter().map(|o| format!("{} {}", o.kind, o.name)).collect()
    }

    #[test]
    fn replicas_go_to_their_controller_in_the_input_and_the_rest_stays() {
        let dir = tempfile::tempdir().unwrap();
        let export = list(vec![
            object("Deployment", "web", None),
            object("ReplicaSet", "web-1", Some(("web", true))),
            object("Pod", "web-1-a", Some(("web-1", true))),
            object("CronJob", "nightly", None),
            object("Job", "nightly-1", Some(("nightly", true))),
            object("Pod", "nightly-1-a", Some(("nightly-1", true))),
            // Kept: a bare Pod, a controller not in the input, an owner that is no
            // controller, a kind no controller makes from a template.
            object("Pod", "bare", None),
            object("Pod", "orphan", Some(("gone", true))),
            object("Pod", "adopted", Some(("web", false))),
            object("ConfigMap", "web-config", Some(("web", true))),
        ]);
        std::fs::write(dir.path().join("export.json"), export).unwrap();
        let path = dir.path().display().to_string();
        let inputs = Inputs::from_paths(&[path], &Options::default());
        assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
        assert_eq!(
            names(&inputs),
            [
                "Deployment web",
                "CronJob nightly",
                "Pod bare",
                "Pod orphan",
                "Pod adopted",
                "ConfigMap web-config"
            ]
        );
        assert_eq!(inputs.stats.owned, 4);
    }

    #[test]
    fn a_controller_in_another_scope_stands_for_nothing() {
        let dir = tempfile::tempdir().unwrap();
        for (repo, items) in [
            ("one", vec![object("Deployment", "web", None)]),
            ("two", vec![object("ReplicaSet", "web-1", Some(("web", true)))]),
        ] {
            let repo = dir.path().join(repo);
            std::fs::create_dir_all(repo.join(".git")).unwrap();
            std::fs::write(repo.join("export.json"), list(items)).unwrap();
        }
        let path = dir.path().display().to_string();
        let inputs = Inputs::from_paths(std::slice::from_ref(&path), &Options::default());
        assert_eq!(names(&inputs), ["Deployment web", "ReplicaSet web-1"]);
        assert_eq!(inputs.stats.owned, 0);
        // One cluster: the same files are one scope.
        let one = Inputs::from_paths(&[path], &Options { one_cluster: true, ..Options::default() });
        assert_eq!(names(&one), ["Deployment web"]);
        assert_eq!(one.stats.owned, 1);
    }
}
