//! Where an object of a rendered text comes from: the Helm template named by the `# Source:`
//! comment that `helm template` writes above each document, or the file named by kustomize's
//! `config.kubernetes.io/origin` annotation (`buildMetadata: [originAnnotations]`). Findings keep
//! their position in the rendered text and carry this file too (see `docs/output.md`).

use crate::document::{Node, RenderTool, Rendered, Span, yaml};
use crate::model::Object;

/// The directory a text was rendered from by ladrillo itself (`scan CHART_DIR`), so template and
/// origin paths are shown as paths under it.
#[derive(Clone, Debug)]
pub struct Base {
    /// The chart or kustomization directory, as the user named it.
    pub dir: String,
    pub by: RenderTool,
    /// For a kustomization built through ladrillo's wrapper (see [`super::render`]): the
    /// wrapper's directory, which origin paths are relative to, and the kustomization's
    /// directory, both absolute.
    pub origin_root: Option<(std::path::PathBuf, std::path::PathBuf)>,
}

/// Helm's comment line above each rendered document.
const SOURCE: &str = "# Source: ";

/// kustomize's annotation naming an object's origin.
pub const ORIGIN_ANNOTATION: &str = "config.kubernetes.io/origin";

/// The rendered parts of a text: one per document under a `# Source:` comment, one per object
/// with an origin annotation. `documents` are the spans of the text's non-empty documents, in
/// order.
#[must_use]
pub fn parts(text: &str, documents: &[Span], objects: &[Object], base: Option<&Base>) -> Vec<Rendered> {
    let mut out = Vec::new();
    let sources = helm_sources(text);
    if !sources.is_empty() {
        let mut previous_end = 0;
        for doc in documents {
            // The last comment between the previous document and this one.
            let comment = sources
                .iter()
                .rev()
                .find(|(at, _)| previous_end <= *at && *at <= doc.start as usize)
                .map(|(_, path)| *path);
            if let Some(path) = comment {
                let source = match base {
                    Some(b) if b.by == RenderTool::Helm => under_chart(&b.dir, path),
                    _ => path.to_string(),
                };
                out.push(Rendered { span: *doc, source, by: RenderTool::Helm });
            }
            previous_end = doc.end as usize;
        }
    }
    for o in objects {
        if let Some(origin) = origin(&o.root) {
            let source = match (base, origin) {
                (Some(b), Origin::Local(path)) if b.by == RenderTool::Kustomize => match &b.origin_root {
                    Some((wrapper, target)) => {
                        let origin = super::scope::normalize(&wrapper.join(&path));
                        join(&b.dir, &super::render::relative(target, &origin).to_string_lossy())
                    }
                    None => join(&b.dir, &path),
                },
                (_, Origin::Local(path) | Origin::Remote(path)) => path,
            };
            out.push(Rendered { span: o.root.span(), source, by: RenderTool::Kustomize });
        }
    }
    out
}

/// `# Source: PATH` lines at the start of a line: (offset of the line, PATH).
fn helm_sources(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix(SOURCE).map(str::trim_end)
            && is_chart_path(path)
        {
            out.push((at, path));
        }
        at += line.len();
    }
    out
}

/// Whether a `# Source:` path is one Helm writes: a file of a chart, relative to the chart's
/// parent, `CHART/templates/…` or `CHART/crds/…` (`--include-crds`), possibly in subcharts
/// (`CHART/charts/SUB/templates/…`). A URL, an absolute path or any other text copied from
/// elsewhere (the Kubernetes documentation's `# Source: https://kubernetes.io/…`) is not.
fn is_chart_path(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    if segments.iter().any(|s| s.is_empty() || *s == "." || *s == ".." || s.contains(char::is_whitespace)) {
        return false;
    }
    // The chart's name, then `charts/SUB` pairs, then the directory and at least one name in it.
    let mut rest = segments.get(1..).unwrap_or_default();
    while let ["charts", _sub, tail @ ..] = rest {
        rest = tail;
    }
    matches!(rest, ["templates" | "crds", _, ..])
}

/// Where kustomize says an object comes from.
enum Origin {
    /// A path relative to the kustomization that was built.
    Local(String),
    /// A file of a remote base: `REPO//PATH?ref=REF`.
    Remote(String),
}

/// The origin annotation of an object, read as kustomize writes it: a YAML mapping with `path`
/// (and `repo`, `ref` for remote bases), or `configuredIn` for generated objects.
fn origin(root: &Node) -> Option<Origin> {
    let value = root.get("metadata")?.get("annotations")?.get(ORIGIN_ANNOTATION)?.as_str()?;
    let stream = yaml::parse(value);
    let doc = stream.documents.into_iter().next()?.root;
    let field = |k: &str| doc.get(k).and_then(Node::as_str).filter(|v| !v.is_empty()).map(str::to_string);
    let path = field("path").or_else(|| field("configuredIn"))?;
    match field("repo") {
        Some(repo) => {
            let r#ref = field("ref").map(|r| format!("?ref={r}")).unwrap_or_default();
            Some(Origin::Remote(format!("{}//{path}{ref}", repo.trim_end_matches('/'), ref = r#ref)))
        }
        None => Some(Origin::Local(path)),
    }
}

/// A `# Source:` path (`CHART_NAME/templates/x.yaml`, `CHART_NAME/charts/SUB/templates/x.yaml`)
/// under the chart directory it was rendered from: the chart's name, which need not be its
/// directory's, is replaced by the directory.
fn under_chart(dir: &str, path: &str) -> String {
    match path.split_once('/') {
        Some((_, rest)) => join(dir, rest),
        None => path.to_string(),
    }
}

/// `dir/path`, with `.` and `dir/..` segments removed as far as `dir` allows.
fn join(dir: &str, path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    let absolute = dir.starts_with('/');
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_under_the_rendered_directory() {
        assert_eq!(join("overlays/prod", "../../base/deploy.yaml"), "base/deploy.yaml");
        assert_eq!(join("./k", "deploy.yaml"), "k/deploy.yaml");
        assert_eq!(join("/abs/k", "../b/x.yaml"), "/abs/b/x.yaml");
        assert_eq!(join("k", "../../x.yaml"), "../x.yaml");
        assert_eq!(under_chart("charts/web", "my-web/templates/pod.yaml"), "charts/web/templates/pod.yaml");
        assert_eq!(
            under_chart("web", "web/charts/db/templates/sts.yaml"),
            "web/charts/db/templates/sts.yaml"
        );
    }

    #[test]
    fn origins_relative_to_the_wrapper_are_shown_under_the_named_directory() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/origin: |\n      path: ../../work/k/base/cm.yaml\n";
        let stream = yaml::parse(text);
        let doc = stream.documents.into_iter().next().unwrap();
        let object = crate::model::Object::from_root(doc.root.clone(), None).unwrap().unwrap();
        let base = Base {
            dir: "k/overlays/prod".to_string(),
            by: RenderTool::Kustomize,
            origin_root: Some(("/tmp/wrap".into(), "/work/k/overlays/prod".into())),
        };
        let parts = parts(text, &[doc.root.span()], &[object], Some(&base));
        assert_eq!(parts.first().map(|p| p.source.as_str()), Some("k/base/cm.yaml"));
    }

    #[test]
    fn source_comments_are_whole_lines() {
        let text = "---\n# Source: app/templates/a.yaml\nkind: A\n---\n  # Source: not/this.yaml\n# Source: two words\n";
        assert_eq!(helm_sources(text), vec![(4, "app/templates/a.yaml")]);
    }

    #[test]
    fn only_paths_inside_a_chart_are_helm_sources() {
        for path in [
            "app/templates/a.yaml",
            "app/templates/sub/dir/a.yaml",
            "app/crds/crd.yaml",
            "app/charts/db/templates/sts.yaml",
            "app/charts/db/charts/cache/crds/crd.yaml",
        ] {
            assert!(is_chart_path(path), "{path}");
        }
        for path in [
            "https://kubernetes.io/examples/pods/simple-pod.yaml",
            "http://example.com/app/templates/a.yaml",
            "/home/me/app/templates/a.yaml",
            "./app/templates/a.yaml",
            "../app/templates/a.yaml",
            "app/templates/../x.yaml",
            "app//templates/a.yaml",
            "app/templates/",
            "app/templates",
            "templates/a.yaml",
            "app/a.yaml",
            "app/charts/templates/a.yaml",
            "pod.yaml",
            "hand-written,",
        ] {
            assert!(!is_chart_path(path), "{path}");
        }
    }
}
