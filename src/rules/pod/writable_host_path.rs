use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers that mount a `hostPath` volume without `readOnly: true`.
    ///
    /// Each volume mount of a `hostPath` volume is judged on its own: a mount is read-only only
    /// when its `volumeMounts[].readOnly` is `true` (the `hostPath` volume source itself has no
    /// read-only switch). A `hostPath` volume no container mounts gives no finding here; the
    /// volume itself is `host-path-volume`'s finding, whatever the mode.
    ///
    /// ## Why is this bad?
    /// A writable host path lets the container change the node's files: plant a binary or a cron
    /// entry that the node runs, fill the node's disk, or tamper with other pods' data that lives
    /// under the same directory. A read-only mount still leaks what it shows, but cannot be used
    /// to persist on the node.
    ///
    /// ## How to fix
    /// Set `readOnly: true` on every mount of the volume, or replace the `hostPath` volume with
    /// `emptyDir` or a `persistentVolumeClaim` when the container needs to write.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: agent
    ///     volumeMounts:
    ///       - name: logs
    ///         mountPath: /host/logs   # flagged: readOnly is not true
    /// volumes:
    ///   - name: logs
    ///     hostPath: {path: /var/log/app}
    /// ```
    pub struct WritableHostPath {
        code: "POD022",
        name: "writable-host-path",
        group: Pod,
        severity: Medium,
        guide: ["G4.3"],
        references: ["kube-linter:writable-host-mount", "kubescape:C-0045"],
    }
}

impl Rule for WritableHostPath {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        let host_paths: Vec<(&str, &str)> = w
            .spec
            .and_then(|s| s.get("volumes"))
            .into_iter()
            .flat_map(Node::items)
            .filter_map(|v| {
                let host_path = v.get("hostPath")?;
                let name = v.get("name").and_then(Node::as_str)?;
                Some((name, host_path.get("path").and_then(Node::as_str).unwrap_or("")))
            })
            .collect();
        if host_paths.is_empty() {
            return;
        }
        for c in w.containers() {
            for (i, mount) in c.node.get("volumeMounts").into_iter().flat_map(Node::items).enumerate() {
                let Some(volume) = mount.get("name").and_then(Node::as_str) else { continue };
                let Some(&(_, host_path)) = host_paths.iter().find(|(name, _)| *name == volume) else {
                    continue;
                };
                if mount.get("readOnly").and_then(Node::as_bool) == Some(true) {
                    continue;
                }
                cx.report(
                    self,
                    w.object,
                    c.path.clone().key("volumeMounts").index(i).key("readOnly"),
                    crate::msg!(
                        "rule-pod022-message",
                        container = c.describe_msg(),
                        path = host_path,
                        volume = volume
                    ),
                )
                .help(crate::msg!("rule-pod022-help"));
            }
        }
    }
}
