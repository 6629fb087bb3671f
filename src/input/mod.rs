//! The input loader, one for every command: paths (walked with excludes), files already read,
//! in-memory text and sub-documents → the run's [`ObjectSet`] (Kubernetes objects and the EKS
//! clusters their inputs define), parser notes, input errors and counts.
//!
//! ```text
//! paths ──discover/read──┐
//! text (API, stdin) ─────┼─→ files ─parse─→ objects, AWS JSON, CloudFormation, Terraform modules
//! files already read ────┘                          │
//! documents (a Node of a larger text) ──────────────┤
//!                                                   └─→ ObjectSet { objects, clusters }
//! ```
//!
//! Inputs need not come from files: [`Loader::text`] takes text with a name of the caller's
//! choosing (objects read from the Kubernetes API), and [`Loader::document`] takes one node of a
//! text already parsed (the `request.object` of an AdmissionReview, the `requestObject` of an
//! audit event), so findings point into the text the caller holds.

pub mod file;
pub mod owned;
pub mod render;
pub mod rendered;
pub mod scope;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile, cloudformation, hcl, yaml};
use crate::model::cluster::{self, AwsDocument};
use crate::model::{Object, ObjectSet};
use crate::source;

/// How paths are turned into inputs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Globs of paths never read (`exclude` in `.ladrillo.yaml`).
    pub exclude: Vec<String>,
    /// Where files read and parsed are counted (see [`crate::progress`]).
    pub progress: crate::progress::Progress,
    /// Resolve every input as one cluster instead of one per project (see [`scope`]).
    pub one_cluster: bool,
    /// Read hidden files and directories when walking (`--hidden`).
    pub hidden: bool,
    /// Read directories of other tools' test data too (`--no-default-excludes`; see
    /// [`source::DEFAULT_EXCLUDES`]).
    pub no_default_excludes: bool,
    /// Paths that yield no Kubernetes object and no EKS cluster are not an input error
    /// (`--allow-empty`). Without it such a run fails closed: a gate fed nothing (a failed
    /// `kustomize build | ladrillo scan -`, a repository that ignores itself) must not pass.
    pub allow_empty: bool,
    /// The language of the loader's own messages (nothing to analyse, skipped documents).
    pub lang: crate::i18n::Lang,
    /// The name reports give standard input (`--stdin-filename`) instead of `-`. A name ending
    /// in `.tf` is read as Terraform, as a file of that name would be.
    pub stdin_filename: Option<String>,
    /// Whether and how chart and kustomization directories are rendered (see [`render`]).
    pub render: render::Render,
    /// Whether parsed texts are packed (see [`Packing`]).
    pub packing: Packing,
}

/// Whether each file's text is packed once parsed (see [`SourceFile::pack`]): what reports
/// show is the same either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Packing {
    /// When the texts read add up to [`PACK_FROM`] bytes or more.
    #[default]
    Large,
    Always,
    Never,
}

/// Consecutive files parsed, then packed, together: up to [`PACK_GROUP`] bytes of text, or one
/// file. A group's packed texts share one allocation (see [`SourceFile::pack`]).
fn pack_groups(files: &[Arc<SourceFile>]) -> Vec<std::ops::Range<usize>> {
    let mut groups = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, f) in files.iter().enumerate() {
        if i > start && bytes + f.len() > PACK_GROUP {
            groups.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += f.len();
    }
    if start < files.len() {
        groups.push(start..files.len());
    }
    groups
}

/// What one file yielded, as kept from its parsing until the object set is built: its objects
/// in a list of their exact length (a list grown one object at a time has room for four, and most
/// files hold one), and the rest boxed, when there is any (most files have no errors, notes,
/// skipped documents or AWS documents). 40 bytes a file where a [`file::Loaded`] takes 176.
struct Parsed {
    documents: usize,
    objects: Vec<Object>,
    rest: Option<Box<file::Loaded>>,
}

impl From<file::Loaded> for Parsed {
    fn from(mut l: file::Loaded) -> Self {
        let mut objects = std::mem::take(&mut l.objects);
        objects.shrink_to_fit();
        let documents = std::mem::take(&mut l.documents);
        let empty = l.errors.is_empty()
            && l.notes.is_empty()
            && l.skipped.is_empty()
            && l.unnamed.is_empty()
            && l.aws.is_empty()
            && l.templates.is_empty();
        Self { documents, objects, rest: (!empty).then(|| Box::new(l)) }
    }
}

impl From<Parsed> for file::Loaded {
    fn from(p: Parsed) -> Self {
        let mut l = p.rest.map_or_else(file::Loaded::default, |b| *b);
        l.documents = p.documents;
        l.objects = p.objects;
        l
    }
}

/// Bytes of text parsed and packed together (see [`pack_groups`]).
const PACK_GROUP: usize = 64 << 10;

/// Bytes of text from which [`Packing::Large`] packs: below it the texts are a few MB, and
/// packing them would cost time and save little.
pub const PACK_FROM: usize = 4 << 20;

/// Everything read from a run's inputs.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Every file read (objects' files, cluster definitions, files with nothing to check).
    pub files: Vec<Arc<SourceFile>>,
    /// The Kubernetes objects and the EKS clusters of the run.
    pub set: ObjectSet,
    /// Parser notes (duplicate keys, YAML 1.1 scalars), each with its file and the index of the
    /// file's first object.
    pub notes: Vec<FileNote>,
    /// Inputs that could not be read or parsed, with their positions.
    pub errors: Vec<InputError>,
    pub stats: Stats,
    /// What was read but not analysed, and what to do about it (Helm templates, kustomizations,
    /// documents of other tools without a name).
    pub remarks: Vec<Remark>,
}

/// A note about the inputs, shown with the summary.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Remark {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// A parser note of one file.
#[derive(Debug)]
pub struct FileNote {
    pub file: Arc<SourceFile>,
    /// Index in the set of the file's first object (objects of a file are contiguous).
    pub first_object: usize,
    pub note: yaml::Note,
}

/// Counts for summaries.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Inputs named or found, read or not.
    pub files: usize,
    /// Non-empty documents (and Terraform files).
    pub documents: usize,
    /// Documents that are neither objects nor cluster definitions (Helm values, unused tfvars,
    /// kustomize patches).
    pub skipped_documents: usize,
    /// Of those, kustomize patches: listed as patches by a kustomization, or partial objects
    /// beside one that it does not list as resources.
    pub patches: usize,
    /// Hidden directories and files a directory walk skipped (`--hidden` reads them).
    pub hidden_skipped: usize,
    /// Directories of other tools' test data a walk skipped (see [`source::DEFAULT_EXCLUDES`]).
    pub default_excluded: usize,
    /// Objects left out because their controller is in the input too (see [`owned`]).
    pub owned: usize,
}

impl Inputs {
    /// Reads paths (files, directories, `-` for stdin) and loads them.
    #[must_use]
    pub fn from_paths(paths: &[String], options: &Options) -> Inputs {
        let mut loader = Loader::default();
        loader.paths(paths, options);
        loader.finish()
    }

    /// Loads files already read.
    #[must_use]
    pub fn from_files(files: &[Arc<SourceFile>]) -> Inputs {
        let mut loader = Loader::default();
        for f in files {
            loader.file(Arc::clone(f));
        }
        loader.finish()
    }
}

/// Reads source files and builds their clusters, as a scan does (for tests and tools that need
/// the cluster model without running rules).
#[must_use]
pub fn clusters(files: &[Arc<SourceFile>]) -> cluster::Clusters {
    let inputs = Inputs::from_files(files);
    cluster::Clusters { clusters: inputs.set.clusters().to_vec(), errors: inputs.errors }
}

/// Collects inputs of any origin, then loads them all at once ([`Loader::finish`]).
#[derive(Debug, Default)]
pub struct Loader {
    files: Vec<Arc<SourceFile>>,
    documents: Vec<(Arc<SourceFile>, usize, FieldPath, Node)>,
    errors: Vec<InputError>,
    unread: usize,
    progress: crate::progress::Progress,
    one_cluster: bool,
    hidden_skipped: usize,
    default_excluded: usize,
    /// Links to directories a walk did not follow.
    linked_dirs: Vec<String>,
    /// Paths were named and must yield something to analyse (see [`Options::allow_empty`]),
    /// with the paths and excludes to say why they did not.
    require: Option<(Vec<String>, source::Walk)>,
    lang: crate::i18n::Lang,
    /// Texts ladrillo rendered: the text, where it was rendered from, and a file of that
    /// directory (for its scope).
    rendered: Vec<(Arc<SourceFile>, rendered::Base, std::path::PathBuf)>,
    /// Chart and kustomization directories rendered or tried (as displayed): the remarks
    /// about unrendered ones are not theirs.
    render_tried: std::collections::HashSet<String>,
    /// What was rendered, and how.
    render_remarks: Vec<Remark>,
    /// Parse on the calling thread only (see [`Loader::sequential`]).
    sequential: bool,
    packing: Packing,
    /// Objects a live scan left out because it read their controller (see [`owned`]).
    owned: usize,
}

impl Loader {
    /// Adds paths named on a command line: files, directories (walked, see [`source::discover`])
    /// and `-` for standard input. Files are read in parallel; what cannot be read is an error.
    pub fn paths(&mut self, paths: &[String], options: &Options) {
        self.one_cluster |= options.one_cluster;
        self.packing = options.packing;
        let walk = source::Walk {
            exclude: exclude_set(&options.exclude),
            hidden: options.hidden,
            default_excludes: !options.no_default_excludes,
        };
        let (walked, mut targets) = render_targets(paths, &options.render);
        let source::Discovered { mut inputs, errors, hidden_skipped, default_excluded, linked_dirs } =
            source::discover(&walked, &walk);
        self.linked_dirs.extend(linked_dirs);
        if options.render.enabled {
            targets.extend(walked_charts(&inputs));
        }
        self.render(&targets, options);
        if let Some(name) = &options.stdin_filename {
            for i in &mut inputs {
                if let source::Input::Stdin { display } = i {
                    display.clone_from(name);
                }
            }
        }
        self.hidden_skipped += hidden_skipped;
        self.default_excluded += default_excluded;
        self.lang = options.lang;
        if !options.allow_empty {
            let (named, _) = self.require.get_or_insert_with(|| (Vec::new(), walk.clone()));
            named.extend(paths.iter().cloned());
        }
        self.unread += errors.len();
        self.errors.extend(errors);
        self.progress = options.progress.clone();
        self.progress.add_files(inputs.len());
        let progress = &self.progress;
        let read_one = |i: &source::Input| {
            let r = source::read(i);
            progress.file_read();
            r
        };
        let read: Vec<Result<Arc<SourceFile>, InputError>> = if self.sequential {
            inputs.iter().map(read_one).collect()
        } else {
            inputs.par_iter().map(read_one).collect()
        };
        for r in read {
            match r {
                Ok(f) => self.files.push(f),
                Err(e) => {
                    self.unread += 1;
                    self.errors.push(e);
                }
            }
        }
    }

    /// Renders chart and kustomization directories (see [`render`]): the text of each is an
    /// input of its own, a failure an input error naming the directory.
    fn render(&mut self, targets: &[Target], options: &Options) {
        let lang = options.lang;
        let mut seen = std::collections::HashSet::new();
        for t in targets {
            // A directory named twice (or also found in a walk) is rendered once.
            let dir = std::path::Path::new(&t.dir);
            if !seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
                continue;
            }
            self.render_tried.insert(t.dir.clone());
            let display = match t.project {
                render::Project::Chart => format!("helm template {}", t.dir),
                render::Project::Kustomization => format!("kustomize build {}", t.dir),
            };
            match render::render(t.project, &t.dir, &options.render) {
                Ok(out) => match source::from_bytes(display.clone(), None, out.text.into_bytes()) {
                    Ok(f) => {
                        self.render_remarks.push(Remark {
                            file: display,
                            line: None,
                            message: crate::t!(lang, "input-rendered", command = out.shown.as_str()),
                        });
                        let base = rendered::Base {
                            dir: t.dir.clone(),
                            by: t.project.tool(),
                            origin_root: out.origin_root,
                        };
                        self.rendered.push((Arc::clone(&f), base, t.marker()));
                        self.files.push(f);
                    }
                    Err(e) => {
                        self.unread += 1;
                        self.errors.push(e);
                    }
                },
                Err(failure) => {
                    self.unread += 1;
                    let why = render_failure(&failure);
                    self.errors.push(InputError::file(
                        t.dir.clone(),
                        crate::msg!("input-not-rendered", dir = t.dir.as_str(), why = why),
                    ));
                }
            }
        }
        // Values files for no chart are a mistake in the command line, not something to ignore.
        if options.render.enabled
            && !options.render.values.is_empty()
            && !targets.iter().any(|t| t.project == render::Project::Chart)
        {
            self.errors.push(InputError::file(
                options.render.values.first().map(|v| v.display().to_string()).unwrap_or_default(),
                crate::i18n::text(lang, "input-values-without-chart"),
            ));
        }
    }

    /// Resolves every input as one cluster (`--one-cluster`) instead of one per project.
    pub fn one_cluster(&mut self) {
        self.one_cluster = true;
    }

    /// Reads and loads on the calling thread instead of rayon's pool (call it before
    /// [`Loader::paths`]): for callers that load one or two objects at a time and wait for them
    /// (the webhook), where handing the work to the pool costs more than the work. What is
    /// loaded is the same, in the same order.
    pub fn sequential(&mut self) {
        self.sequential = true;
    }

    /// Adds a file already read.
    pub fn file(&mut self, file: Arc<SourceFile>) {
        self.files.push(file);
    }

    /// Adds text that does not come from a file (objects read from the Kubernetes API, …), under
    /// a name that reports show in place of a path (`cluster:deployments.apps`). The text is
    /// checked as a file is (size, encoding) and read as YAML or JSON; a name ending in `.tf`
    /// is read as Terraform.
    pub fn text(&mut self, name: impl Into<String>, text: impl Into<Vec<u8>>) {
        match source::from_bytes(name.into(), None, text.into()) {
            Ok(f) => self.files.push(f),
            Err(e) => {
                self.unread += 1;
                self.errors.push(e);
            }
        }
    }

    /// Counts objects a live scan left out before adding them, because it read their controller
    /// (see [`owned`]): reported with the ones left out here.
    pub fn owned_elsewhere(&mut self, count: usize) {
        self.owned += count;
    }

    /// Adds one object read from the Kubernetes API, as JSON text, named as reports show it
    /// (`cluster prod: Deployment shop/web`): it is loaded as a file would be, but reports show
    /// its field paths instead of lines (see [`SourceFile::from_api`]).
    pub fn api_object(&mut self, name: impl Into<String>, json: String) {
        self.files.push(SourceFile::from_api(name, json));
    }

    /// Adds one node of a text the caller has parsed (an AdmissionReview's `request.object`, an
    /// audit event's `requestObject`): it is read as a whole document would be (a `List` is
    /// expanded), and findings point into `file` at the node's spans. `path` is where the node
    /// sits in its document, `document` the document's index in `file`.
    pub fn document(&mut self, file: Arc<SourceFile>, document: usize, path: FieldPath, node: Node) {
        self.documents.push((file, document, path, node));
    }

    /// Loads everything added: parses files in parallel (Terraform per directory), builds the
    /// object set and the clusters.
    #[must_use]
    pub fn finish(self) -> Inputs {
        let Loader {
            files: mut all_files,
            documents,
            mut errors,
            unread,
            progress,
            one_cluster,
            hidden_skipped,
            default_excluded,
            linked_dirs,
            require,
            lang,
            rendered,
            render_tried,
            render_remarks,
            sequential,
            packing,
            owned,
        } = self;
        // In path order whatever order the paths were given in: which copy of a duplicate comes
        // first, where a namespace-wide finding goes, every tie broken by input order is then
        // the same for the same files (see docs/precision.md).
        all_files.sort_by(|a, b| a.display.cmp(&b.display));
        // Scopes need only the files' paths: assigned before the files are parsed, so that what
        // assigning takes for a while (a path per file and per scope root, 29 MB at 140,000
        // files) is not taken on top of every tree.
        let marked: Vec<(Arc<SourceFile>, std::path::PathBuf)> =
            rendered.iter().map(|(f, _, marker)| (Arc::clone(f), marker.clone())).collect();
        let scopes = scope::assign(&all_files, &marked, one_cluster);
        drop(marked);
        progress.stage(crate::progress::Stage::Parsing);
        let pack = match packing {
            Packing::Large => all_files.iter().map(|f| f.len()).sum::<usize>() >= PACK_FROM,
            Packing::Always => true,
            Packing::Never => false,
        };
        let load = |f: &Arc<SourceFile>| {
            let base = rendered.iter().find(|(r, _, _)| Arc::ptr_eq(r, f)).map(|(_, b, _)| b);
            let l = file::load_packing(f, base, pack.then_some(file::LIST_IN_PARTS_FROM));
            progress.file_parsed(l.objects.len());
            l
        };
        // Terraform is read per directory (a module), everything else per file.
        // Kustomizations and Helm templates are not objects: kustomize and Helm render them.
        let mut projects = Projects::of(&all_files);
        projects.forget(&render_tried);
        let mut remarks = render_remarks;
        remarks.extend(projects.remarks(lang));
        remarks.extend(linked_dirs.into_iter().map(|file| Remark {
            file,
            line: None,
            message: crate::t!(lang, "input-linked-directory"),
        }));
        let (tf_files, files): (Vec<Arc<SourceFile>>, Vec<Arc<SourceFile>>) = all_files
            .iter()
            .filter(|f| !projects.unrendered(f))
            .cloned()
            .partition(|f| file::is_terraform(f));
        // Files are parsed in groups, whose texts are packed together once parsed (what reads a
        // whole text at load has read it then).
        let groups = pack_groups(&files);
        let load_group = |range: &std::ops::Range<usize>| {
            let group = files.get(range.clone()).unwrap_or_default();
            let parsed: Vec<Parsed> = group.iter().map(|f| Parsed::from(load(f))).collect();
            if pack {
                SourceFile::pack(group);
            }
            parsed
        };
        // One list per group, each of its exact length, in a list of the groups' exact length:
        // collecting the files' results into one list would grow it by doubling, up to twice
        // the room, on top of every tree.
        let (parsed, modules): (Vec<Vec<Parsed>>, Vec<hcl::Module>) = if sequential {
            (groups.iter().map(load_group).collect(), file::terraform_sequential(&tf_files))
        } else {
            rayon::join(|| groups.par_iter().map(load_group).collect(), || file::terraform(&tf_files))
        };
        let mut stats =
            Stats { files: all_files.len() + unread, hidden_skipped, default_excluded, ..Stats::default() };
        let unrendered = all_files.len() - tf_files.len() - files.len();
        stats.documents += unrendered;
        stats.skipped_documents += unrendered;
        let mut set = ObjectSet::default();
        set.reserve(parsed.iter().flatten().map(|p| p.objects.len()).sum());
        let mut notes = Vec::new();
        let mut aws: Vec<AwsDocument> = Vec::new();
        let mut templates: Vec<cloudformation::Template> = Vec::new();
        for m in &modules {
            stats.documents += m.files.len() + m.unused_tfvars.len();
            stats.skipped_documents += m.unused_tfvars.len();
            errors.extend(m.errors.iter().cloned());
            remarks.extend(crate::model::cluster::terraform::not_created(m).into_iter().map(|b| Remark {
                file: b.file.display.clone(),
                line: Some(b.file.position(b.head.start).line),
                message: crate::t!(lang, "input-terraform-not-created", address = b.address()),
            }));
        }
        let in_memory = documents.into_iter().map(|(f, document, path, node)| {
            let mut l = file::Loaded::default();
            if !node.is_null() {
                l.documents = 1;
                file::collect(&f, document, path, node, None, &mut l);
            }
            (f, l)
        });
        let owners = owned::Owners::of(
            files
                .iter()
                .zip(parsed.iter().flatten())
                .flat_map(|(f, p)| p.objects.iter().map(|o| (scopes.of(f), o))),
        );
        stats.owned += owned;
        let parsed = files.iter().cloned().zip(parsed.into_iter().flatten().map(file::Loaded::from));
        for (f, l) in parsed.chain(in_memory) {
            stats.documents += l.documents;
            stats.skipped_documents += l.skipped.len();
            errors.extend(l.errors);
            remarks.extend(l.unnamed.iter().map(|(span, api_version, kind)| Remark {
                file: f.display.clone(),
                line: Some(f.position(span.start).line),
                message: crate::t!(
                    lang,
                    "input-unnamed-skipped",
                    kind = kind.as_str(),
                    api = api_version.as_str()
                ),
            }));
            aws.extend(l.aws);
            templates.extend(l.templates);
            let first_object = set.len();
            let id = Arc::as_ptr(&f);
            let (patch, unlisted) = (scopes.patches.contains(&id), scopes.unlisted.contains(&id));
            let added = scopes.labels.get(&id);
            let scope = scopes.of(&f);
            for mut o in l.objects {
                // Kustomize patches are not objects on their own: their base is audited.
                if patch || (unlisted && is_partial(&o)) {
                    stats.skipped_documents += 1;
                    stats.patches += 1;
                    continue;
                }
                if owners.owns(scope, &o) {
                    stats.owned += 1;
                    continue;
                }
                if let Some(labels) = added {
                    o.added_labels.clone_from(labels);
                }
                set.push(o);
            }
            notes.extend(l.notes.into_iter().map(|note| FileNote {
                file: Arc::clone(&f),
                first_object,
                note,
            }));
        }
        set.set_one_cluster(one_cluster);
        set.set_scopes(scopes.names.clone(), |o| o.origin.as_ref().map_or(0, |or| scopes.of(&or.file)));
        let clusters = cluster::build_with(&set, &aws, &modules, &templates);
        errors.extend(clusters.errors);
        set.set_clusters(clusters.clusters);
        // Nothing to analyse is an error of its own only when no other error says why.
        if let Some((paths, walk)) = require
            && errors.is_empty()
            && set.is_empty()
            && set.clusters().is_empty()
        {
            errors.push(nothing_to_analyse(&paths, &walk, &projects, stats.files));
        }
        Inputs { files: all_files, set, notes, errors, stats, remarks }
    }
}

/// A chart or kustomization directory to render.
#[derive(Clone, Debug)]
struct Target {
    project: render::Project,
    /// The directory, as named or found (a path usable as it is).
    dir: String,
}

impl Target {
    /// The file that makes the directory what it is, for its scope.
    fn marker(&self) -> std::path::PathBuf {
        let dir = std::path::Path::new(&self.dir);
        match self.project {
            render::Project::Chart => dir.join("Chart.yaml"),
            render::Project::Kustomization => dir.join(scope::KUSTOMIZATION[0]),
        }
    }
}

/// The named paths that are chart or kustomization directories to render (with `--render`),
/// and the paths left to read as files.
fn render_targets(paths: &[String], render: &render::Render) -> (Vec<String>, Vec<Target>) {
    let mut walked = Vec::new();
    let mut targets = Vec::new();
    for p in paths {
        let project =
            (render.enabled && p != "-").then(|| render::Project::of(std::path::Path::new(p))).flatten();
        match project {
            Some(project) => targets.push(Target { project, dir: p.clone() }),
            None => walked.push(p.clone()),
        }
    }
    (walked, targets)
}

/// The outermost chart directories a walk found (subcharts are rendered with their parent).
fn walked_charts(inputs: &[source::Input]) -> Vec<Target> {
    let charts: Vec<(&std::path::Path, &str)> = inputs
        .iter()
        .filter_map(|i| match i {
            source::Input::File { display, path, .. }
                if path.file_name().is_some_and(|n| n == "Chart.yaml") =>
            {
                let dir = path.parent()?;
                let shown = display.rsplit_once(['/', '\\']).map_or(".", |(d, _)| d);
                Some((dir, shown))
            }
            _ => None,
        })
        .collect();
    charts
        .iter()
        .filter(|(dir, _)| !charts.iter().any(|(other, _)| other != dir && dir.starts_with(other)))
        .map(|(_, shown)| Target { project: render::Project::Chart, dir: (*shown).to_string() })
        .collect()
}

/// Why a directory was not rendered, in a language.
fn render_failure(failure: &render::Failure) -> crate::i18n::Msg {
    match failure {
        render::Failure::NoTool(render::Project::Chart) => crate::i18n::Msg::new("input-render-no-helm"),
        render::Failure::NoTool(render::Project::Kustomization) => {
            crate::i18n::Msg::new("input-render-no-kustomize")
        }
        render::Failure::Values(file) => crate::msg!("input-render-values", file = file.as_str()),
        render::Failure::Wrapper(error) => crate::msg!("input-render-wrapper", error = error.as_str()),
        render::Failure::Start(error) => crate::msg!("input-render-start", error = error.as_str()),
        render::Failure::Exit(Some(code), stderr) => {
            crate::msg!("input-render-failed", code = *code, stderr = stderr.as_str())
        }
        render::Failure::Exit(None, stderr) => {
            crate::msg!("input-render-killed", stderr = stderr.as_str())
        }
        render::Failure::Timeout(limit) => crate::msg!("input-render-timeout", seconds = limit.as_secs()),
        render::Failure::TooLarge(limit) => {
            crate::msg!("input-render-too-large", mib = *limit / (1024 * 1024))
        }
        render::Failure::NotText => crate::i18n::Msg::new("input-render-not-text"),
    }
}

/// The input error of a run that found nothing to analyse: what was read, what kustomize or
/// Helm would have to render first, and which ignore files or excludes removed inputs.
fn nothing_to_analyse(
    paths: &[String],
    walk: &source::Walk,
    projects: &Projects,
    files: usize,
) -> InputError {
    use crate::i18n::Msg;
    let mut lines = vec![crate::msg!("input-nothing-to-analyse", files = files)];
    for dir in &projects.kustomizations {
        lines.push(crate::msg!("input-render-kustomize", dir = dir.as_str()));
    }
    for (dir, _) in &projects.charts {
        lines.push(crate::msg!("input-render-helm", dir = dir.as_str()));
    }
    for by in source::ignored_by(paths, walk) {
        lines.push(match by {
            source::Ignored::File(f) => crate::msg!("input-ignored-by-file", file = f),
            source::Ignored::Exclude => Msg::new("input-ignored-by-exclude"),
            source::Ignored::Git => Msg::new("input-ignored-by-git"),
        });
    }
    lines.push(Msg::new("input-allow-empty"));
    // One line: every output escapes control characters in messages, a newline included.
    let message =
        lines.into_iter().reduce(|first, then| crate::msg!("input-and-then", first = first, then = then));
    InputError::file(paths.join(" "), message.unwrap_or_else(|| Msg::new("input-allow-empty")))
}

/// Kustomize trees and Helm charts among the files read: their kustomization files and chart
/// templates are rendered by those tools, never read as objects.
#[derive(Debug, Default)]
struct Projects {
    /// Directories of kustomization files, as displayed.
    kustomizations: Vec<String>,
    /// Chart directories (as displayed) with the number of template files not read.
    charts: Vec<(String, usize)>,
    /// Files not read: kustomization files and chart templates.
    skip: std::collections::HashSet<*const SourceFile>,
    /// The kustomization files, for their remarks.
    kustomization_files: Vec<Arc<SourceFile>>,
    /// The `Chart.yaml` of each chart, for its remark.
    chart_files: Vec<Arc<SourceFile>>,
}

impl Projects {
    fn of(files: &[Arc<SourceFile>]) -> Projects {
        let mut p = Projects::default();
        let name = |f: &SourceFile| {
            f.path
                .as_deref()
                .and_then(std::path::Path::file_name)
                .and_then(|n| n.to_str())
                .map(str::to_string)
        };
        let dir_of = |f: &SourceFile| {
            f.path.as_deref().and_then(std::path::Path::parent).map(std::path::Path::to_path_buf)
        };
        let shown = |f: &SourceFile| f.display.rsplit_once(['/', '\\']).map_or(".", |(d, _)| d).to_string();
        let mut chart_dirs = Vec::new();
        for f in files {
            match name(f).as_deref() {
                Some(n) if scope::KUSTOMIZATION.contains(&n) => {
                    p.kustomizations.push(shown(f));
                    p.kustomization_files.push(Arc::clone(f));
                    p.skip.insert(Arc::as_ptr(f));
                }
                Some("Chart.yaml") => {
                    if let Some(d) = dir_of(f) {
                        chart_dirs.push((d.join("templates"), p.charts.len()));
                        p.charts.push((shown(f), 0));
                        p.chart_files.push(Arc::clone(f));
                    }
                }
                _ => {}
            }
        }
        for f in files {
            let Some(path) = f.path.as_deref() else { continue };
            if let Some(&(_, i)) = chart_dirs.iter().find(|(t, _)| path.starts_with(t)) {
                if let Some(chart) = p.charts.get_mut(i) {
                    chart.1 += 1;
                }
                p.skip.insert(Arc::as_ptr(f));
            }
        }
        p
    }

    /// Leaves out the charts (and their subcharts) and kustomizations ladrillo rendered or tried
    /// to: their templates are still not read, but what is said about them is the rendering's.
    fn forget(&mut self, rendered: &std::collections::HashSet<String>) {
        // Subcharts are rendered with their parent.
        let under = |d: &str| {
            rendered
                .iter()
                .any(|r| d == r || d.strip_prefix(r.as_str()).is_some_and(|rest| rest.starts_with('/')))
        };
        let keep: Vec<bool> = self.charts.iter().map(|(d, _)| !under(d)).collect();
        let mut i = keep.iter();
        self.charts.retain(|_| i.next().copied().unwrap_or(true));
        let mut i = keep.iter();
        self.chart_files.retain(|_| i.next().copied().unwrap_or(true));
        let keep: Vec<bool> = self.kustomizations.iter().map(|d| !rendered.contains(d)).collect();
        let mut i = keep.iter();
        self.kustomizations.retain(|_| i.next().copied().unwrap_or(true));
        let mut i = keep.iter();
        self.kustomization_files.retain(|_| i.next().copied().unwrap_or(true));
    }

    fn unrendered(&self, f: &Arc<SourceFile>) -> bool {
        self.skip.contains(&Arc::as_ptr(f))
    }

    /// A remark per kustomization and per chart whose templates were left unread.
    fn remarks(&self, lang: crate::i18n::Lang) -> Vec<Remark> {
        let kustomizations =
            self.kustomization_files.iter().zip(&self.kustomizations).map(|(f, dir)| Remark {
                file: f.display.clone(),
                line: None,
                message: crate::t!(lang, "input-kustomization-read", dir = dir.as_str()),
            });
        let charts =
            self.charts.iter().zip(&self.chart_files).filter(|((_, n), _)| *n > 0).map(|((dir, n), f)| {
                Remark {
                    file: f.display.clone(),
                    line: None,
                    message: crate::t!(lang, "input-helm-templates", count = *n, dir = dir.as_str()),
                }
            });
        kustomizations.chain(charts).collect()
    }
}

/// A workload that cannot be created as written (no containers, or a container without an
/// image): beside a kustomization that does not list it, a patch.
fn is_partial(o: &crate::model::Object) -> bool {
    let Some(w) = crate::model::Workload::of(o) else { return false };
    let mut containers = w.containers().peekable();
    containers.peek().is_none() || containers.any(|c| c.node.get("image").is_none())
}

/// The exclude globs as one matcher; invalid globs were refused when the config was read.
#[must_use]
pub fn exclude_set(globs: &[String]) -> globset::GlobSet {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        if let Ok(g) = globset::Glob::new(g) {
            b.add(g);
        }
    }
    b.build().unwrap_or_else(|_| globset::GlobSet::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(text: &str) -> file::Loaded {
        file::load(&SourceFile::new("t.yaml", None, text.to_string()))
    }

    fn summary(l: &file::Loaded) -> (usize, Vec<String>, usize, usize, usize, usize) {
        let names = l.objects.iter().map(|o| o.name.to_string()).collect();
        (l.documents, names, l.errors.len(), l.notes.len(), l.skipped.len(), l.unnamed.len())
    }

    /// A file's results as kept until the set is built read back as they were, with the objects
    /// in a list of their exact length and nothing else boxed when there is nothing else.
    #[test]
    fn a_files_results_are_kept_whole_in_less_room() {
        let plain = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";
        let mixed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n---\nfoo: bar\n---\n\
                     apiVersion: example.com/v1\nkind: Widget\nmetadata: {}\n---\napiVersion: v1\nkind: Secret\n\
                     metadata:\n  name: s\n";
        for (text, boxed) in [(plain, false), (mixed, true)] {
            let before = summary(&loaded(text));
            let parsed = Parsed::from(loaded(text));
            assert_eq!(parsed.objects.capacity(), parsed.objects.len(), "{text}");
            assert_eq!(parsed.rest.is_some(), boxed, "{text}");
            assert_eq!(summary(&file::Loaded::from(parsed)), before, "{text}");
        }
        let (documents, names, _, notes, skipped, unnamed) = summary(&loaded(mixed));
        assert_eq!((documents, names.len(), notes, skipped, unnamed), (4, 2, 1, 2, 1));
    }
}
