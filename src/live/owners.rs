//! Owner de-duplication: a Deployment's ReplicaSets and Pods, a CronJob's Jobs carry the same
//! pod template as their controller, so what is wrong with one replica is reported once, on
//! the controller. Bare Pods, and Pods whose controller was not read (a kind ladrillo does not
//! list, or another namespace), are kept.

use std::collections::HashSet;

use serde_json::Value;

/// Kinds created by a controller from its template.
const OWNED_KINDS: [&str; 3] = ["Pod", "ReplicaSet", "Job"];

/// Removes the objects whose controller is among `objects`; returns how many were removed.
pub fn dedup(objects: &mut Vec<Value>) -> usize {
    let uids: HashSet<String> =
        objects.iter().filter_map(|o| o.pointer("/metadata/uid")?.as_str().map(str::to_string)).collect();
    let before = objects.len();
    objects.retain(|o| !controller_read(o, &uids));
    before - objects.len()
}

fn controller_read(o: &Value, uids: &HashSet<String>) -> bool {
    let kind = o.get("kind").and_then(Value::as_str).unwrap_or("");
    if !OWNED_KINDS.contains(&kind) {
        return false;
    }
    let Some(owners) = o.pointer("/metadata/ownerReferences").and_then(Value::as_array) else { return false };
    owners.iter().any(|r| {
        r.get("controller").and_then(Value::as_bool) == Some(true)
            && r.get("uid").and_then(Value::as_str).is_some_and(|u| uids.contains(u))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(kind: &str, uid: &str, owner: Option<(&str, bool)>) -> Value {
        let mut o = json!({ "kind": kind, "metadata": { "name": uid, "uid": uid } });
        if let Some((u, controller)) = owner {
            o["metadata"]["ownerReferences"] = json!([{ "uid": u, "controller": controller }]);
        }
        o
    }

    #[test]
    fn replicas_go_to_their_controller_and_the_rest_stays() {
        let mut objects = vec![
            obj("Deployment", "d", None),
            obj("ReplicaSet", "rs", Some(("d", true))),
            obj("Pod", "p1", Some(("rs", true))),
            obj("Pod", "p2", Some(("rs", true))),
            obj("Pod", "bare", None),
            obj("Pod", "orphan", Some(("gone", true))),
            obj("Pod", "not-controller", Some(("d", false))),
            obj("ConfigMap", "cm", Some(("d", true))),
        ];
        assert_eq!(dedup(&mut objects), 3);
        let left: Vec<&str> = objects.iter().filter_map(|o| o.pointer("/metadata/name")?.as_str()).collect();
        assert_eq!(left, ["d", "bare", "orphan", "not-controller", "cm"]);
    }
}
