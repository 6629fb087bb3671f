use crate::document::Node;
use crate::finding::Severity;
use crate::i18n::Msg;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags `hostPath` volumes; those that expose sensitive node paths are critical.
    ///
    /// Sensitive are `/`, `/etc`, `/root`, `/home`, the container runtime sockets and state
    /// (`/var/run/docker.sock`, `/run/containerd`, `/var/run/crio`, `/var/lib/docker`,
    /// `/var/lib/containerd`), `/var/lib/kubelet`, `/proc`, `/sys`, `/dev`, `/boot` and
    /// `/var/log`, anything under them and any directory containing them, and on Windows the
    /// runtimes' named pipes (`\\.\pipe\docker_engine`). Other host paths are medium.
    ///
    /// ## Why is this bad?
    /// A hostPath volume puts part of the node's filesystem inside the container. The runtime
    /// socket (`/var/run/docker.sock`, `/run/containerd/containerd.sock`) gives control of every
    /// container on the node; `/var/lib/kubelet` holds the tokens and secrets of every pod on it;
    /// `/etc` and `/root` hold node credentials; write access to `/var/log` lets a pod read any
    /// node file through the kubelet's log endpoint. Even an innocent path pins data to one node
    /// and breaks isolation. Paths are compared after normalisation (`//`, `.`, `..`, trailing
    /// slashes; `/var/run` is the same directory as `/run`).
    ///
    /// ## How to fix
    /// Use `emptyDir`, a `persistentVolumeClaim`, a `configMap` or a `secret` instead. For a node
    /// agent that must read the host, mount the narrowest path, read-only
    /// (`volumeMounts[].readOnly: true`), and waive the finding with the reason.
    ///
    /// ## Example
    /// ```yaml
    /// volumes:
    ///   - name: docker
    ///     hostPath:
    ///       path: /var/run/docker.sock   # flagged, critical
    /// ```
    pub struct HostPathVolume {
        code: "POD011",
        name: "host-path-volume",
        group: Pod,
        severity: Medium,
        also_severity: [Critical],
        guide: ["G4.3"],
        references: [
            "pss:baseline:hostPathVolumes",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_27",
            "trivy:KSV-0006",
            "trivy:KSV-0023",
            "kube-linter:docker-sock",
            "kube-linter:sensitive-host-mounts",
            "kubescape:C-0048",
            "kubescape:C-0074",
            "trivy:KSV-0121",
            "kubescape:C-0020",
        ],
    }
}

/// Node paths that must not reach a container, in normalised form (`/var/run` written `/run`),
/// with the message id of why. `/` is covered because it contains all of them.
const SENSITIVE: &[(&str, &str)] = &[
    ("/etc", "rule-pod011-etc"),
    ("/root", "rule-pod011-root"),
    ("/home", "rule-pod011-home"),
    ("/run/docker.sock", "rule-pod011-runtime-socket"),
    ("/run/containerd", "rule-pod011-runtime-socket"),
    ("/run/crio", "rule-pod011-runtime-socket"),
    ("/var/lib/kubelet", "rule-pod011-kubelet"),
    ("/var/lib/docker", "rule-pod011-runtime-state"),
    ("/var/lib/containerd", "rule-pod011-runtime-state"),
    ("/proc", "rule-pod011-proc"),
    ("/sys", "rule-pod011-sys"),
    ("/dev", "rule-pod011-dev"),
    ("/boot", "rule-pod011-boot"),
    ("/var/log", "rule-pod011-log"),
];

/// Windows named pipes of container runtimes (compared case-insensitively).
const SENSITIVE_PIPES: &[&str] = &[r"\\.\pipe\docker_engine", r"\\.\pipe\containerd-containerd"];

impl Rule for HostPathVolume {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        let volumes = w.spec.and_then(|s| s.get("volumes")).into_iter().flat_map(Node::items).enumerate();
        for (i, volume) in volumes {
            let Some(host_path) = volume.get("hostPath") else { continue };
            let name = volume.get("name").and_then(Node::as_str).unwrap_or("");
            let written = host_path.get("path").and_then(Node::as_str).unwrap_or("");
            let path = w.spec_path(&["volumes"]).index(i).keys(&["hostPath", "path"]);
            let message = crate::msg!("rule-pod011-message", volume = name, path = written);
            match sensitivity(written) {
                Some(why) => {
                    cx.report(self, w.object, path, message)
                        .severity(Severity::Critical)
                        .note(why)
                        .help(crate::msg!("rule-pod011-help"));
                }
                None => {
                    cx.report(self, w.object, path, message).help(crate::msg!("rule-pod011-help-2"));
                }
            }
        }
    }
}

/// Why a host path is sensitive, or `None` for an ordinary one.
fn sensitivity(written: &str) -> Option<Msg> {
    if SENSITIVE_PIPES.iter().any(|p| p.eq_ignore_ascii_case(written)) {
        return Some(crate::msg!("rule-pod011-pipe"));
    }
    let path = normalize(written)?;
    if path == "/" {
        return Some(crate::msg!("rule-pod011-whole"));
    }
    // Name the directory the way the manifest does (`/var/run/…` rather than `/run/…`).
    let via_var_run = written.trim_start_matches('/').starts_with("var/run");
    let shown =
        |s: &str| if via_var_run && s.starts_with("/run/") { format!("/var{s}") } else { s.to_string() };
    SENSITIVE.iter().find_map(|(s, why)| {
        if path == *s || is_under(&path, s) {
            Some(crate::msg!("rule-pod011-is", path = shown(s), why = crate::msg!(*why)))
        } else if is_under(s, &path) {
            Some(crate::msg!("rule-pod011-contains", path = shown(s), why = crate::msg!(*why)))
        } else {
            None
        }
    })
}

fn is_under(path: &str, dir: &str) -> bool {
    path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
}

/// Lexical normalisation of an absolute path: no empty, `.` or `..` components, no trailing
/// slash, and `/var/run` (a symlink to `/run` on current distributions) read as `/run`.
/// Relative paths give `None`.
fn normalize(path: &str) -> Option<String> {
    if !path.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    if parts.starts_with(&["var", "run"]) {
        parts.remove(0);
    }
    Some(format!("/{}", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_paths() {
        assert_eq!(normalize("/").as_deref(), Some("/"));
        assert_eq!(normalize("//etc/./kubernetes/").as_deref(), Some("/etc/kubernetes"));
        assert_eq!(normalize("/data/../etc").as_deref(), Some("/etc"));
        assert_eq!(normalize("/../..").as_deref(), Some("/"));
        assert_eq!(normalize("/var/run/docker.sock").as_deref(), Some("/run/docker.sock"));
        assert_eq!(normalize("data"), None);
    }

    #[test]
    fn classifies_paths() {
        for p in [
            "/",
            "/etc",
            "/etc/kubernetes/",
            "/var/run/docker.sock",
            "/run/containerd/containerd.sock",
            "/var/run",
            "/var",
            "/var/lib",
            "/var/lib/kubelet/pods",
            "/var/log/pods",
            "/proc/sys",
            "/data/../dev",
            r"\\.\PIPE\docker_engine",
        ] {
            assert!(sensitivity(p).is_some(), "{p} should be sensitive");
        }
        for p in ["/data", "/var/lib/app", "/etcd-data", "/var/logs", "/mnt/disks/ssd0", "relative/etc", ""] {
            assert!(sensitivity(p).is_none(), "{p} should not be sensitive");
        }
    }
}
