//! One source file to Kubernetes objects: documents are parsed, `List` kinds are expanded into
//! their items, and parser notes become findings. Half-objects (a `kind` without `apiVersion`)
//! are errors; AWS CLI output (`describe-cluster`, `describe-nodegroup`) and CloudFormation
//! templates are kept for the cluster model; other documents that are not Kubernetes objects are
//! counted as skipped. Terraform files are loaded per directory ([`terraform`]): all `.tf` files
//! of a directory form one module.

use std::sync::Arc;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile, Span, Value, cloudformation, hcl, yaml};
use crate::model::cluster::{AwsDocument, aws_json};
use crate::model::{Object, Origin};

/// What one file yielded.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: usize,
    pub objects: Vec<Object>,
    pub errors: Vec<InputError>,
    pub notes: Vec<yaml::Note>,
    /// Documents that are not Kubernetes objects (Helm values, kustomize patches, …).
    pub skipped: Vec<Span>,
    /// Documents of kinds ladrillo does not analyse without a `metadata.name` (also in
    /// `skipped`), with their `apiVersion` and `kind`.
    pub unnamed: Vec<(Span, String, String)>,
    /// `aws eks describe-cluster` / `describe-nodegroup` output, read into cluster models.
    pub aws: Vec<AwsDocument>,
    /// CloudFormation templates.
    pub templates: Vec<cloudformation::Template>,
}

/// Parses a file and extracts its objects.
#[must_use]
pub fn load(file: &Arc<SourceFile>) -> Loaded {
    load_rendered(file, None)
}

/// Parses a file and extracts its objects, recording where the parts of a rendered text come
/// from (see [`super::rendered`]); `base` is the directory ladrillo rendered it from, if any.
#[must_use]
pub fn load_rendered(file: &Arc<SourceFile>, base: Option<&super::rendered::Base>) -> Loaded {
    load_packing(file, base, None)
}

/// As [`load_rendered`]; with `pack_from`, a JSON `List` text of at least that many bytes is
/// read in parts and packed before its items are read (see [`list_in_parts`]).
#[must_use]
pub(crate) fn load_packing(
    file: &Arc<SourceFile>,
    base: Option<&super::rendered::Base>,
    pack_from: Option<usize>,
) -> Loaded {
    // Terraform holds no Kubernetes objects (the scan reads it per module, see `terraform`).
    if is_terraform(file) {
        return Loaded { errors: hcl::syntax_errors(file), ..Loaded::default() };
    }
    let in_parts = pack_from.filter(|from| file.len() >= *from).and_then(|_| list_in_parts(file));
    let read_in_parts = in_parts.is_some();
    // The JSON syntax error of a `.json` file, looked for once: when reading the List in parts
    // (before its text was packed), or when first needed below.
    let mut json_checked: Option<Option<InputError>> = None;
    let stream = match in_parts {
        Some((root, json_error)) => {
            json_checked = Some(json_error);
            yaml::Stream { documents: vec![yaml::Document { index: 0, root }], ..yaml::Stream::default() }
        }
        None => parse(&file.text()),
    };
    let mut out = Loaded {
        errors: stream.errors.iter().map(|e| InputError::at(file, e.span, e.message.clone())).collect(),
        ..Loaded::default()
    };
    out.notes = stream.notes;
    // A `.json` file neither reader reads is JSON gone wrong: its JSON syntax error says what is
    // wrong in JSON's words (a doubled comma is not "an unexpected end of a flow mapping").
    if !out.errors.is_empty()
        && let Some(e) = json_checked.get_or_insert_with(|| json_error(file))
    {
        out.errors = vec![e.clone()];
    }
    let mut spans = Vec::new();
    for doc in stream.documents {
        if doc.root.is_null() {
            continue;
        }
        out.documents += 1;
        spans.push(doc.root.span());
        collect(file, doc.index, FieldPath::root(), doc.root, None, &mut out);
    }
    // A List read in parts is JSON, where no line is a `# Source:` comment: its text (packed)
    // is not read again.
    let text = if read_in_parts { crate::document::TextRef::empty() } else { file.text() };
    let parts = super::rendered::parts(&text, &spans, &out.objects, base);
    drop(text);
    if !parts.is_empty() {
        file.set_rendered(parts);
    }
    // A `.json` file with something to check is read as JSON by kubectl and AWS tools: what only
    // YAML accepts (a trailing comma, a comment) is an error there, so it is one here.
    if !(out.objects.is_empty() && out.aws.is_empty() && out.templates.is_empty())
        && let Some(e) = json_checked.unwrap_or_else(|| json_error(file))
    {
        return Loaded { errors: vec![e], ..Loaded::default() };
    }
    // Scalar and duplicate-key notes speak of how Kubernetes reads YAML; CloudFormation has
    // its own reader, so they are not reported inside templates.
    if !out.templates.is_empty() {
        let spans: Vec<Span> = out.templates.iter().map(|t| t.span).collect();
        out.notes.retain(|n| !spans.iter().any(|s| s.start <= n.span.start && n.span.start <= s.end));
    }
    out
}

/// A text that is one JSON object (`kubectl get -o json`, an AWS CLI output) is read by the JSON
/// reader, which builds the tree the YAML reader builds from it, faster (a 325 MB `List` of
/// 200,000 objects was scanned in 10.8 s instead of 15.1 s). Anything else, and anything that
/// reader leaves to the YAML reader (a key given twice, very deep nesting), is read by the YAML
/// reader. A JSON text has no plain scalars that YAML 1.1 reads otherwise: no note is lost.
fn parse(text: &str) -> yaml::Stream {
    if text.trim_start().starts_with('{')
        && let Some(root) = crate::document::json::parse(text)
    {
        return yaml::Stream {
            documents: vec![yaml::Document { index: 0, root }],
            ..yaml::Stream::default()
        };
    }
    yaml::parse(text)
}

/// Size from which a JSON `List` is read in parts when texts are packed (see [`list_in_parts`]):
/// below it, its text and trees are a few MB.
pub(crate) const LIST_IN_PARTS_FROM: usize = 4 << 20;

/// Items of a List read together from the packed text (see [`list_in_parts`]): about this many
/// bytes of consecutive items, decompressed once.
const ITEM_WINDOW: usize = 1 << 20;

/// A JSON `List` (`kubectl get -A -o json` of a whole cluster) read so that its text as read and
/// the trees of all its items are never alive together: the root is read without the items
/// ([`json::parse_without_items`]), the text is packed, and the items are read from the packed
/// text, in parallel, into the tree [`parse`] gives the whole text; with what [`json_error`]
/// finds in the text. `None` (the caller then reads the text whole, as any other) when the text
/// is not such a List, or when an item is not read this way: then the JSON reader would not
/// read the whole text either, and the YAML reader reads it.
///
/// A 325 MB List of 200,000 objects peaked at its text and every tree alive together.
fn list_in_parts(file: &Arc<SourceFile>) -> Option<(Node, Option<InputError>)> {
    let (unread, json_error) = {
        let text = file.text();
        if !text.trim_start().starts_with('{') {
            return None;
        }
        let unread = crate::document::json::parse_without_items(&text)?;
        let kind = unread.root.get("kind").and_then(Node::as_str)?;
        if !kind.ends_with("List") {
            return None;
        }
        (unread, json_error(file))
    };
    SourceFile::pack(std::slice::from_ref(file));
    let mut windows = Vec::new();
    let mut first = 0;
    for (i, item) in unread.items.iter().enumerate() {
        let start = unread.items.get(first).map_or(item.start, |r| r.start);
        if item.end - start > ITEM_WINDOW && i > first {
            windows.push(first..i);
            first = i;
        }
    }
    windows.push(first..unread.items.len());
    let read_window = |w: &std::ops::Range<usize>| -> Option<Vec<Node>> {
        let items = unread.items.get(w.clone())?;
        let (Some(start), Some(end)) = (items.first().map(|r| r.start), items.last().map(|r| r.end)) else {
            return Some(Vec::new());
        };
        let text = file.slice(start..end)?;
        items
            .iter()
            .map(|r| crate::document::json::parse_item(text.get(r.start - start..r.end - start)?, r.start))
            .collect()
    };
    let read: Option<Vec<Vec<Node>>> = windows.par_iter().map(read_window).collect();
    let items = read?.into_iter().flatten().collect();
    Some((unread.with_items(items), json_error))
}

/// The first JSON syntax error of a `.json` file: a stream of JSON values, in documents that
/// may be separated by `---` lines as in YAML.
fn json_error(file: &Arc<SourceFile>) -> Option<InputError> {
    let name = file.path.as_deref().and_then(|p| p.to_str()).unwrap_or(&file.display);
    if !name.to_ascii_lowercase().ends_with(".json") {
        return None;
    }
    let text = file.text();
    let text: &str = &text;
    let mut at = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
    while at <= text.len() {
        if text[at..].starts_with("---") {
            at = text[at..].find('\n').map_or(text.len() + 1, |i| at + i + 1);
            continue;
        }
        let end = text[at..].find("\n---").map_or(text.len(), |i| at + i + 1);
        let doc = &text[at..end];
        let mut values = serde_json::Deserializer::from_str(doc).into_iter::<serde::de::IgnoredAny>();
        if let Some(e) = values.find_map(Result::err) {
            let line_start: usize =
                doc.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum();
            let mut offset = (at + line_start + e.column().saturating_sub(1)).min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let message = e.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            let detail = crate::i18n::json_syntax(message);
            return Some(InputError::at(
                file,
                Span::new(offset, offset),
                crate::msg!("input-invalid-json", detail = detail),
            ));
        }
        // Past the `---` line.
        at = text[end..].find('\n').map_or(text.len() + 1, |i| end + i + 1);
    }
    None
}

/// Whether a file is Terraform (`.tf`, `.tfvars`), by its path or displayed name.
#[must_use]
pub fn is_terraform(file: &SourceFile) -> bool {
    let name = file.path.as_deref().and_then(|p| p.to_str()).unwrap_or(&file.display);
    hcl::is_terraform_file(name)
}

/// Loads Terraform files as modules, one per directory (in directory order). Files named one by
/// one still join the module of their directory when several are given.
#[must_use]
pub fn terraform(files: &[Arc<SourceFile>]) -> Vec<hcl::Module> {
    terraform_dirs(files)
        .par_iter()
        .filter_map(|files| files.first().map(|first| hcl::Module::load(shown_dir(first), files)))
        .collect()
}

/// [`terraform`] on the calling thread only (see [`super::Loader::sequential`]).
#[must_use]
pub fn terraform_sequential(files: &[Arc<SourceFile>]) -> Vec<hcl::Module> {
    terraform_dirs(files)
        .iter()
        .filter_map(|files| files.first().map(|first| hcl::Module::load(shown_dir(first), files)))
        .collect()
}

/// The directory a file is shown in (`.` for none).
fn shown_dir(f: &SourceFile) -> String {
    f.display.rsplit_once(['/', '\\']).map_or(".", |(d, _)| d).to_string()
}

/// Terraform files by directory, in directory order.
fn terraform_dirs(files: &[Arc<SourceFile>]) -> Vec<Vec<Arc<SourceFile>>> {
    let mut dirs: BTreeMap<String, Vec<Arc<SourceFile>>> = BTreeMap::new();
    for f in files {
        let key = match f.path.as_deref().and_then(std::path::Path::parent) {
            Some(parent) => parent.display().to_string(),
            None => shown_dir(f),
        };
        dirs.entry(key).or_default().push(Arc::clone(f));
    }
    dirs.into_values().collect()
}

/// Reads one document root (or a node standing for one): a `List` is expanded into its items,
/// AWS CLI output and CloudFormation templates are kept for the cluster model, other documents
/// that are not objects are skipped.
pub fn collect(
    file: &Arc<SourceFile>,
    document: usize,
    path: FieldPath,
    root: Node,
    defaults: Option<(&str, &str)>,
    out: &mut Loaded,
) {
    let root = with_defaults(root, defaults);
    let span = root.span();
    let list_kind =
        root.get("kind").and_then(Node::as_str).filter(|k| k.ends_with("List")).map(str::to_string);
    if let Some(kind) = list_kind
        && let Some(Value::Seq(_)) = root.get("items").map(|n| &n.value)
    {
        let api = root.get("apiVersion").and_then(Node::as_str).unwrap_or("v1").to_string();
        let item_kind = kind.strip_suffix("List").unwrap_or_default().to_string();
        let Value::Map(map) = root.value else { return };
        let mut entries = map.entries.into_vec();
        let Some(pos) = entries.iter().rposition(|e| e.key == "items") else { return };
        let Value::Seq(items) = entries.swap_remove(pos).value.value else { return };
        for (i, item) in items.into_vec().into_iter().enumerate() {
            // Items of typed lists (`PodList`) omit their own kind and apiVersion.
            let typed = (!item_kind.is_empty()).then_some((api.as_str(), item_kind.as_str()));
            collect(file, document, path.clone().key("items").index(i), item, typed, out);
        }
        return;
    }
    // AWS CLI output (`{"cluster": …}`) is a cluster input, not a skipped document.
    if path.is_root() && aws_json::recognize(&root) {
        out.aws.push(AwsDocument { file: Arc::clone(file), document, root });
        return;
    }
    if path.is_root() && cloudformation::is_template(&root) {
        out.templates.push(cloudformation::read(file, document, &root));
        return;
    }
    if let Some((api_version, kind)) = crate::model::object::unanalysed_without_name(&root) {
        out.skipped.push(span);
        out.unnamed.push((span, api_version, kind));
        return;
    }
    let in_list = !path.is_root();
    let what = root.type_msg();
    let is_map = root.as_map().is_some();
    let origin = Origin { file: Arc::clone(file), document, path_in_document: path };
    match Object::from_root(root, Some(origin)) {
        Ok(Some(o)) => out.objects.push(o),
        // kubectl rejects a List with an item it cannot decode.
        Ok(None) if in_list => {
            let message = if is_map {
                crate::msg!("input-list-item-not-object")
            } else {
                crate::msg!("input-list-item-found", found = what)
            };
            out.errors.push(InputError::at(file, span, message));
        }
        Ok(None) => out.skipped.push(span),
        Err((span, message)) => out.errors.push(InputError::at(file, span, message)),
    }
}

fn with_defaults(mut root: Node, defaults: Option<(&str, &str)>) -> Node {
    let at = root.span().start as usize;
    let (Some((api, kind)), Value::Map(map)) = (defaults, &mut root.value) else { return root };
    for (key, value) in [("apiVersion", api), ("kind", kind)] {
        if map.get(key).is_none() {
            map.push(crate::document::Entry {
                key: key.into(),
                key_span: Span::default(),
                value: Node::new(Span::new(at, at), Value::Str(value.into())),
            });
        }
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whichever reader reads a text, the documents, notes and errors are the YAML reader's.
    #[test]
    fn json_texts_read_as_the_yaml_reader_reads_them() {
        let pod = r#""apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns"}"#;
        let deep = format!("{{{pod},\"spec\":{}1{}}}", "{\"a\":".repeat(150), "}".repeat(150));
        let texts = [
            format!("{{{pod}}}"),
            format!(
                "  \n\t{{{pod}, \"spec\": {{\"containers\": [{{\"name\": \"c\", \"image\": \"nginx\"}}]}}}}\n\n"
            ),
            format!(
                "{{\"kind\":\"List\",\"items\":[{{{pod}}},{{{pod},\"data\":{{\"k\\u00e9\\/\":\"v\\n\"}}}}]}}"
            ),
            format!("{{{pod},\"n\":[1e400,-0,1E5,12345678901234567890,0.5e-3]}}"),
            format!("{{\r\n{pod}\r\n}}\r\n"),
            // Left to the YAML reader: a key given twice, deep nesting, a second document, a
            // key and its colon on two lines, YAML after the object, a byte-order mark.
            format!("{{{pod},\"kind\":\"Pod\"}}"),
            deep,
            format!("{{{pod}}}\n{{{pod}}}"),
            format!("{{{pod},\"spec\"\n:{{}}}}"),
            format!("{{{pod}}} x"),
            format!("\u{feff}{{{pod}}}"),
        ];
        for text in &texts {
            let (fast, reference) = (parse(text), yaml::parse(text));
            let roots =
                |s: &yaml::Stream| s.documents.iter().map(|d| (d.index, d.root.clone())).collect::<Vec<_>>();
            assert_eq!(roots(&fast), roots(&reference), "{text}");
            assert_eq!(fast.notes, reference.notes, "{text}");
            assert_eq!(fast.errors, reference.errors, "{text}");
        }
        // The first texts are read by the JSON reader, the others are not.
        assert!(texts.iter().take(5).all(|t| crate::document::json::parse(t).is_some()));
        assert!(texts.iter().skip(5).all(|t| crate::document::json::parse(t).is_none()));
        assert_eq!(yaml::parse(&texts[5]).notes.len(), 1, "the duplicate key is noted");
    }

    /// What a loaded file yields, without the file itself (whose text is packed or not).
    fn yielded(l: &Loaded) -> String {
        let objects: Vec<String> = l
            .objects
            .iter()
            .map(|o| {
                let origin = o.origin.as_ref().map(|x| (x.document, x.path_in_document.to_string()));
                format!("{:?} {origin:?} {:?}", o.id, o.root)
            })
            .collect();
        let errors: Vec<_> = l.errors.iter().map(|e| (&e.file, e.line, e.column, &e.message)).collect();
        format!(
            "{} {objects:#?} {errors:?} {:?} {:?} {:?} {} {}",
            l.documents,
            l.notes,
            l.skipped,
            l.unnamed,
            l.aws.len(),
            l.templates.len()
        )
    }

    /// A `List` read in parts yields what it yields read whole, and what is not read in parts
    /// (not a List, not JSON this reader reads) is read whole, with the same result.
    #[test]
    fn a_json_list_read_in_parts_loads_as_read_whole() {
        let pod = |i: usize| {
            format!(
                concat!(
                    "{{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {{\"name\": \"p{}\", ",
                    "\"namespace\": \"ns\", \"labels\": {{\"a]b\": \"c}}{{\\\"[\\u00e9\"}}}},\n  \"spec\": ",
                    "{{\"containers\": [{{\"name\": \"c\", \"image\": \"nginx:1.{}\", \"ports\": [{{\"containerPort\": ",
                    "80}}], \"args\": [[], [1, 2.5e3, 1e400, true, null], \"\\\\\"]}}]}}\n}}"
                ),
                i, i
            )
        };
        let pods: Vec<String> = (0..40).map(pod).collect();
        let list = |items: &str| {
            format!(
                "{{\n\"apiVersion\": \"v1\",\n\"kind\": \"List\",\n\"items\": [\n{items}\n],\n\"metadata\": {{}}\n}}\n"
            )
        };
        let all = pods.join(",\n");
        let typed_items: Vec<String> = (0..40)
            .map(|i| format!("{{\"metadata\": {{\"name\": \"q{i}\", \"namespace\": \"ns\"}}, \"spec\": {{\"containers\": []}}}}"))
            .collect();
        let read_in_parts = [
            list(&all),
            format!("{all},\n{{}}, \"text\", 1, [1, 2], null, true, {{\"kind\": \"Pod\"}}"),
            format!(
                "{{\"kind\": \"PodList\", \"apiVersion\": \"v1\", \"items\": [{}]}}",
                typed_items.join(",\n")
            ),
            format!(
                "{{\"kind\": \"List\", \"items\": [], \"metadata\": {{\"x\": \"{}\"}}}}",
                "y\\n".repeat(500)
            ),
        ];
        let read_in_parts = [
            read_in_parts[0].clone(),
            list(&read_in_parts[1]),
            read_in_parts[2].clone(),
            read_in_parts[3].clone(),
        ];
        let deep = format!(
            "{}1{}",
            "[".repeat(crate::document::json::MAX_DEPTH),
            "]".repeat(crate::document::json::MAX_DEPTH)
        );
        let read_whole = [
            // Not a List, or no `items` array at its top.
            all.replacen("\"kind\": \"Pod\"", "\"kind\": \"Pods\"", 1).replace("p0", "x"),
            format!("{{\"kind\": \"Pod\", \"items\": [{all}]}}"),
            format!("{{\"kind\": \"List\", \"items\": {{\"a\": [{all}]}}}}"),
            format!("{{\"kind\": \"List\", \"spec\": {{\"items\": [{all}]}}}}"),
            // Not JSON this reader reads, at the top or in an item.
            list(&all).replacen("\"kind\"", "\"kind\": \"List\", \"kind\"", 1),
            list(&all).replacen("\"items\"", "\"items\": [], \"items\"", 1),
            list(&format!("{all},")),
            list(&format!("{all}, 1x")),
            list(&format!("{all} {{}}")),
            list(&all.replacen("\"name\": \"c\"", "\"name\": \"c\", \"name\": \"d\"", 1)),
            list(&all.replacen("80}]", "80},]", 1)),
            list(&all.replacen("80}]", "80]]", 1)),
            list(&format!("{all}, {deep}")),
            format!("{}{}", '\u{feff}', list(&all)),
            format!("{} x", list(&all)),
            list(&all).replacen("\n]", "\n", 1),
            list(&all)[..list(&all).len() / 2].to_string(),
        ];
        for (i, text) in read_in_parts.iter().chain(&read_whole).enumerate() {
            for name in ["list.json", "list.yaml"] {
                let whole = SourceFile::new(name, None, text.clone());
                let parts = SourceFile::new(name, None, text.clone());
                let (a, b) = (load_packing(&whole, None, None), load_packing(&parts, None, Some(0)));
                assert_eq!(yielded(&a), yielded(&b), "{name} {text}");
                assert!(!whole.is_packed());
                let in_parts =
                    list_in_parts(&SourceFile::new(name, None, text.clone())).map(|(root, _)| root);
                let expected =
                    (i < read_in_parts.len()).then(|| crate::document::json::parse(text)).flatten();
                assert_eq!(in_parts, expected, "{name} {text}");
                assert_eq!(in_parts.is_some(), i < read_in_parts.len(), "{name} {text}");
                if i < read_in_parts.len() {
                    assert!(parts.is_packed(), "{name}: packed before its items were read");
                    assert!(i == 3 || !b.objects.is_empty());
                }
            }
        }
    }
}
