//! Volume checks: no hostPath in baseline, only ephemeral and projected sources in restricted.

use super::{Cause, CheckId, Site, Violation};
use crate::analysis::pss::message::{join_quote, plural, sorted_distinct};
use crate::analysis::pss::pod::Pod;

/// Sources a restricted pod may use.
const ALLOWED: &[&str] = &[
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "image",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

/// Other sources, in the order the first one set names a forbidden volume.
const RESTRICTED: &[&str] = &[
    "hostPath",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "nfs",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "vsphereVolume",
    "quobyte",
    "azureDisk",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos",
];

fn volume_list(names: &[&str]) -> String {
    format!("{} {}", plural("volume", "volumes", names.len()), join_quote(names))
}

pub(super) fn host_path_volumes(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let mut bad = Vec::new();
    let mut site = None;
    for (i, v) in pod.volumes.iter().enumerate() {
        if v.sources.contains(&"hostPath") {
            bad.push(v.name);
            site.get_or_insert(Site::Volume(i));
        }
    }
    Some(Violation {
        check: CheckId::HostPathVolumes,
        reason: "hostPath volumes",
        detail: volume_list(&bad),
        site: site?,
        causes: vec![Cause::HostPathVolume],
    })
}

pub(super) fn restricted_volumes(pod: &Pod<'_>, _: u32) -> Option<Violation> {
    let mut bad = Vec::new();
    let mut types = Vec::new();
    let mut site = None;
    for (i, v) in pod.volumes.iter().enumerate() {
        if v.sources.iter().any(|s| ALLOWED.contains(s)) {
            continue;
        }
        bad.push(v.name);
        let label = RESTRICTED.iter().find(|r| v.sources.contains(r)).copied().unwrap_or("unknown");
        types.push(label);
        site.get_or_insert(Site::Volume(i));
    }
    let types = sorted_distinct(types);
    let detail = format!(
        "{} {} {} {}",
        volume_list(&bad),
        plural("uses", "use", bad.len()),
        plural("restricted volume type", "restricted volume types", types.len()),
        join_quote(&types)
    );
    // Only hostPath volumes: the same problem the hostPath rule reports.
    let causes = if types == ["hostPath"] { vec![Cause::HostPathVolume] } else { Vec::new() };
    Some(Violation {
        check: CheckId::RestrictedVolumes,
        reason: "restricted volume types",
        detail,
        site: site?,
        causes,
    })
}
