//! Owner de-duplication as pages arrive (the loader does the same for files, see
//! `input::owned`): a Deployment's ReplicaSets and Pods, a CronJob's Jobs carry the same
//! pod template as their controller, so what is wrong with one replica is reported once, on
//! the controller. Bare Pods, and Pods whose controller was not read (a kind ladrillo does not
//! list, or another namespace), are kept.

use std::collections::HashSet;

use super::fetch::Item;

/// Kinds created by a controller from its template.
pub use crate::input::owned::OWNED_KINDS;

/// Removes the objects whose controller is among `objects`; returns how many were removed.
pub fn dedup(objects: &mut Vec<Item>) -> usize {
    let uids: HashSet<String> = objects.iter().filter_map(|o| o.uid.clone()).collect();
    let before = objects.len();
    objects.retain(|o| !controller_read(o, &uids));
    before - objects.len()
}

fn controller_read(o: &Item, uids: &HashSet<String>) -> bool {
    OWNED_KINDS.contains(&o.kind) && o.controllers.iter().any(|u| uids.contains(u))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::resources::RESOURCES;
    use serde_json::json;

    /// An object as a page of its kind's list gives it.
    fn obj(kind: &str, uid: &str, owner: Option<(&str, bool)>) -> Item {
        let mut o = json!({ "metadata": { "name": uid, "uid": uid } });
        if let Some((u, controller)) = owner {
            o["metadata"]["ownerReferences"] = json!([{ "uid": u, "controller": controller }]);
        }
        let r = RESOURCES.iter().find(|r| r.kind == kind).expect("a listed kind");
        let page = json!({ "kind": format!("{kind}List"), "items": [o] }).to_string();
        let mut items = Vec::new();
        super::super::fetch::page(page.as_bytes(), r, "v1", &mut items).expect("a page");
        items.pop().expect("one item")
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
        let left: Vec<&str> = objects.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(left, ["d", "bare", "orphan", "not-controller", "cm"]);
    }
}
