//! Scopes: which inputs of one run are resolved together as one cluster.
//!
//! A scan often holds several unrelated projects (a repository of examples, a directory of
//! rendered variants, clones side by side). Cross-object relations — a NetworkPolicy selecting
//! pods, an autoscaler's target, a Namespace's Pod Security labels — must never join objects of
//! different projects just because their names match. A file's scope is, first match wins:
//!
//! 1. the kustomize tree it belongs to: the directory of the nearest `kustomization.yaml`
//!    (`.yml`, `Kustomization`) above it, joined with every local directory or file that
//!    kustomization lists under `resources`, `bases` or `components`, transitively (a base and
//!    its overlays are one scope);
//! 2. the outermost Helm chart above it (a directory with `Chart.yaml`; subcharts belong to
//!    their parent);
//! 3. the repository above it (the nearest directory with `.git`);
//! 4. otherwise the run's shared scope (files outside any project, text without a file).
//!
//! `--one-cluster` puts every input in one scope.
//!
//! Kustomizations also say which files are not objects to audit on their own: patches (listed
//! under `patches`, `patchesStrategicMerge`, `patchesJson6902`), and which labels the build
//! adds to every object (`commonLabels`, `labels[].pairs`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::document::{Node, SourceFile, yaml};

pub(crate) const KUSTOMIZATION: [&str; 3] = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
/// Kustomization fields that pull other files or trees into the build.
const REFERENCES: [&str; 3] = ["resources", "bases", "components"];
/// Kustomization fields that list patches (a string, or an object with `path`).
const PATCHES: [&str; 3] = ["patches", "patchesStrategicMerge", "patchesJson6902"];

/// The scope of every file: names (index 0 is the shared scope, named ``) and, by file, its
/// scope index; and what kustomizations say about files.
#[derive(Debug, Default)]
pub struct Scopes {
    pub names: Vec<String>,
    pub of_file: HashMap<*const SourceFile, usize>,
    /// Files a kustomization lists as patches.
    pub patches: std::collections::HashSet<*const SourceFile>,
    /// Files in a kustomization's directory that it does not list as resources: kustomize
    /// never builds them as they are (patches, leftovers).
    pub unlisted: std::collections::HashSet<*const SourceFile>,
    /// Labels kustomizations add to the objects of a file (`commonLabels`, `labels`).
    pub labels: HashMap<*const SourceFile, Vec<(String, String)>>,
}

impl Scopes {
    #[must_use]
    pub fn of(&self, file: &Arc<SourceFile>) -> usize {
        self.of_file.get(&Arc::as_ptr(file)).copied().unwrap_or(0)
    }
}

/// Assigns scopes to files read from disk (other inputs share scope 0); with `one_cluster`
/// every file is in scope 0 (kustomizations are still read for patches and labels). A text
/// ladrillo rendered (`rendered`: the text and a file of the chart or kustomization directory
/// it was rendered from) gets the scope of that file.
#[must_use]
pub fn assign(
    files: &[Arc<SourceFile>],
    rendered: &[(Arc<SourceFile>, PathBuf)],
    one_cluster: bool,
) -> Scopes {
    let mut finder = Finder::default();
    let paths: Vec<(&Arc<SourceFile>, PathBuf)> =
        files.iter().filter_map(|f| Some((f, normalize(f.path.as_deref()?)))).collect();
    let rendered: Vec<(&Arc<SourceFile>, PathBuf)> =
        rendered.iter().map(|(f, p)| (f, normalize(p))).collect();
    // Every kustomize tree first, so a listed file finds its tree whatever the input order.
    for (_, path) in paths.iter().chain(&rendered) {
        if let Some(k) = finder.kustomization_above(path) {
            finder.read_tree(&k);
        }
    }
    let mut out = Scopes { names: vec![String::new()], ..Scopes::default() };
    for (f, path) in &paths {
        let id = Arc::as_ptr(f);
        if finder.patches.contains(path) {
            out.patches.insert(id);
        }
        let Some(k) = finder.kustomization_above(path) else { continue };
        let listed = finder.listed.get(path);
        if listed.is_none() && !KUSTOMIZATION.iter().any(|n| path.file_name() == Some(n.as_ref())) {
            out.unlisted.insert(id);
        }
        // The labels of the kustomizations that list the file, else of the one above it, and
        // of every kustomization that builds those.
        let owners: Vec<PathBuf> = listed.cloned().unwrap_or_else(|| vec![k]);
        let labels = finder.labels_through(&owners);
        if !labels.is_empty() {
            out.labels.insert(id, labels);
        }
    }
    if one_cluster {
        return out;
    }
    let mut roots: Vec<(Arc<SourceFile>, PathBuf)> = Vec::new();
    for (f, path) in paths.iter().chain(&rendered) {
        if let Some(root) = finder.root_of(path) {
            roots.push((Arc::clone(f), root));
        }
    }
    // Scope names in path order, so numbering does not depend on input order.
    let mut by_root: BTreeMap<PathBuf, usize> = roots.iter().map(|(_, r)| (r.clone(), 0)).collect();
    for (root, index) in &mut by_root {
        *index = out.names.len();
        out.names.push(display(root));
    }
    out.of_file = roots.iter().map(|(f, r)| (Arc::as_ptr(f), by_root.get(r).copied().unwrap_or(0))).collect();
    out
}

/// Looks for scope markers above files, remembering what each directory holds.
#[derive(Default)]
struct Finder {
    markers: HashMap<PathBuf, Markers>,
    /// Kustomize trees: each kustomization directory (or listed file) → its tree's parent link.
    parent: HashMap<PathBuf, PathBuf>,
    /// Kustomization directories whose references were read.
    read: std::collections::HashSet<PathBuf>,
    /// Files listed as patches.
    patches: std::collections::HashSet<PathBuf>,
    /// Files listed as resources → the kustomization directories listing them.
    listed: HashMap<PathBuf, Vec<PathBuf>>,
    /// Kustomization directory → the kustomization directories that list it.
    built_by: HashMap<PathBuf, Vec<PathBuf>>,
    /// Kustomization directory → the labels it adds.
    labels: HashMap<PathBuf, Vec<(String, String)>>,
}

#[derive(Clone, Copy, Default)]
struct Markers {
    kustomization: bool,
    chart: bool,
    repository: bool,
}

impl Finder {
    fn markers(&mut self, dir: &Path) -> Markers {
        if let Some(m) = self.markers.get(dir) {
            return *m;
        }
        let m = Markers {
            kustomization: KUSTOMIZATION.iter().any(|k| dir.join(k).is_file()),
            chart: dir.join("Chart.yaml").is_file(),
            repository: dir.join(".git").exists(),
        };
        self.markers.insert(dir.to_path_buf(), m);
        m
    }

    fn kustomization_above(&mut self, file: &Path) -> Option<PathBuf> {
        file.ancestors().skip(1).find(|d| self.markers(d).kustomization).map(Path::to_path_buf)
    }

    /// The directory naming a file's scope, or `None` for the shared scope.
    fn root_of(&mut self, file: &Path) -> Option<PathBuf> {
        let dirs: Vec<PathBuf> = file.ancestors().skip(1).map(Path::to_path_buf).collect();
        if let Some(k) = self.kustomization_above(file) {
            // A file a kustomization lists directly belongs to that kustomization's tree.
            let node = if self.parent.contains_key(file) { file.to_path_buf() } else { k };
            return Some(self.tree_root(&node));
        }
        if let Some(listed) = self.parent.contains_key(file).then(|| file.to_path_buf()) {
            return Some(self.tree_root(&listed));
        }
        if let Some(chart) = dirs.iter().rev().find(|d| self.markers(d).chart) {
            return Some(chart.clone());
        }
        dirs.iter().find(|d| self.markers(d).repository).cloned()
    }

    /// Reads a kustomization and, transitively, the local trees it lists, joining them.
    fn read_tree(&mut self, dir: &Path) {
        let mut queue = vec![dir.to_path_buf()];
        while let Some(dir) = queue.pop() {
            if !self.read.insert(dir.clone()) {
                continue;
            }
            self.parent.entry(dir.clone()).or_insert_with(|| dir.clone());
            let k = read_kustomization(&dir);
            self.patches.extend(k.patches);
            self.labels.insert(dir.clone(), k.labels);
            for target in k.references {
                if target.is_dir() {
                    if self.markers(&target).kustomization {
                        self.union(&dir, &target);
                        self.built_by.entry(target.clone()).or_default().push(dir.clone());
                        queue.push(target);
                    }
                } else {
                    self.parent.entry(target.clone()).or_insert_with(|| target.clone());
                    self.union(&dir, &target);
                    self.listed.entry(target).or_default().push(dir.clone());
                }
            }
        }
    }

    /// The labels added by kustomizations and, transitively, by those that build them.
    fn labels_through(&self, owners: &[PathBuf]) -> Vec<(String, String)> {
        let mut seen = std::collections::HashSet::new();
        let mut queue: Vec<&PathBuf> = owners.iter().collect();
        let mut out: Vec<(String, String)> = Vec::new();
        while let Some(dir) = queue.pop() {
            if !seen.insert(dir) {
                continue;
            }
            out.extend(self.labels.get(dir).into_iter().flatten().cloned());
            queue.extend(self.built_by.get(dir).into_iter().flatten());
        }
        out
    }

    fn tree_root(&self, node: &Path) -> PathBuf {
        let mut at = node.to_path_buf();
        while let Some(p) = self.parent.get(&at).filter(|p| **p != at) {
            at = p.clone();
        }
        at
    }

    /// Joins two trees; the root is the path that sorts first (the same whatever the order).
    fn union(&mut self, a: &Path, b: &Path) {
        let (ra, rb) = (self.tree_root(a), self.tree_root(b));
        if ra == rb {
            return;
        }
        let (keep, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent.insert(other, keep);
    }
}

/// What one kustomization says about other files.
#[derive(Default)]
struct Kustomization {
    /// Local paths under `resources`, `bases` and `components` (remote ones — URLs,
    /// `github.com/…` — are not inputs of the scan).
    references: Vec<PathBuf>,
    patches: Vec<PathBuf>,
    labels: Vec<(String, String)>,
}

fn read_kustomization(dir: &Path) -> Kustomization {
    let mut out = Kustomization::default();
    let Some(text) = KUSTOMIZATION.iter().find_map(|k| std::fs::read_to_string(dir.join(k)).ok()) else {
        return out;
    };
    let stream = yaml::parse(&text);
    let local = |entry: &str| {
        let remote = entry.contains("://") || entry.starts_with("github.com/") || entry.starts_with("git@");
        // An inline patch is YAML text, not a path.
        (!remote && !entry.contains('\n')).then(|| normalize(&dir.join(entry)))
    };
    let items = |root: &Node, field: &str| -> Vec<Node> {
        root.get(field).and_then(Node::as_seq).map(<[Node]>::to_vec).unwrap_or_default()
    };
    for doc in &stream.documents {
        for field in REFERENCES {
            out.references.extend(items(&doc.root, field).iter().filter_map(Node::as_str).filter_map(local));
        }
        for field in PATCHES {
            for item in items(&doc.root, field) {
                let path = item.as_str().or_else(|| item.get("path").and_then(Node::as_str));
                out.patches.extend(path.and_then(local));
            }
        }
        let pairs = |n: Option<&Node>| -> Vec<(String, String)> {
            n.into_iter()
                .flat_map(Node::entries)
                .filter_map(|(k, v)| Some((k.to_string(), v.string_map_value()?)))
                .collect()
        };
        out.labels.extend(pairs(doc.root.get("commonLabels")));
        for item in items(&doc.root, "labels") {
            out.labels.extend(pairs(item.get("pairs")));
        }
    }
    out
}

/// An absolute path without `.` and `..` (lexically; links are not followed).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A scope's name as reports show it: relative to the working directory when inside it.
fn display(root: &Path) -> String {
    let cwd = std::env::current_dir().ok().map(|d| normalize(&d));
    let shown = cwd.as_deref().and_then(|c| root.strip_prefix(c).ok()).unwrap_or(root);
    let text = shown.display().to_string();
    if text.is_empty() { ".".to_string() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) -> Arc<SourceFile> {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap_or(dir)).unwrap_or_default();
        std::fs::write(&p, text).unwrap_or_default();
        SourceFile::new(p.display().to_string(), Some(&p), text.to_string())
    }

    #[test]
    fn projects_are_scopes_and_a_kustomize_tree_is_one() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = tmp.path();
        let base = write(d, "a/base/deploy.yaml", "");
        write(d, "a/base/kustomization.yaml", "resources: [deploy.yaml]\n");
        let overlay = write(d, "a/overlays/prod/netpol.yaml", "");
        write(
            d,
            "a/overlays/prod/kustomization.yaml",
            "resources: [../../base, netpol.yaml, ../../extra/x.yaml]\n",
        );
        let extra = write(d, "a/extra/x.yaml", "");
        let chart = write(d, "b/chart/templates/x.yaml", "");
        write(d, "b/chart/Chart.yaml", "name: b\nversion: 1\n");
        let sub = write(d, "b/chart/charts/sub/templates/y.yaml", "");
        write(d, "b/chart/charts/sub/Chart.yaml", "name: s\nversion: 1\n");
        let repo = write(d, "c/k8s/deploy.yaml", "");
        std::fs::create_dir_all(d.join("c/.git")).unwrap_or_default();
        let loose = write(d, "loose.yaml", "");
        let s = assign(
            &[
                base.clone(),
                overlay.clone(),
                extra.clone(),
                chart.clone(),
                sub.clone(),
                repo.clone(),
                loose.clone(),
            ],
            &[],
            false,
        );
        assert_eq!(s.of(&base), s.of(&overlay));
        assert_eq!(s.of(&base), s.of(&extra));
        assert_eq!(s.of(&chart), s.of(&sub));
        assert_ne!(s.of(&base), s.of(&chart));
        assert_ne!(s.of(&repo), s.of(&chart));
        assert_ne!(s.of(&repo), 0);
        // Unless the temporary directory sits in a repository, the loose file is shared.
        if !d.ancestors().any(|a| a.join(".git").exists()) {
            assert_eq!(s.of(&loose), 0);
        }
        assert_eq!(s.names.len(), 4);
    }
}
