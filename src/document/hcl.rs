//! Terraform modules: the `.tf` files of one directory parsed with spans, their blocks
//! (`resource`, `data`, `module`, `variable`, `locals`, `output`, `provider`, …) evaluated into
//! [`Node`] trees so adapters and rules navigate them like YAML.
//!
//! Evaluation stops at plain references. Literals, lists, objects, `var.x`, `local.x`, resource
//! attributes (as symbolic references, see [`super::symbolic`]), string templates whose parts
//! are known, and conditionals and operators whose operands are known are evaluated; functions,
//! `for` expressions, splats, data sources, module outputs, `each`/`count`/`path`/`self` are
//! unknown, never guessed. Operands are not converted between types except where Terraform
//! always converts (`"true"` as a condition): a comparison of a string with a number is unknown,
//! since a typed variable may have converted it.
//!
//! Variables take the value Terraform itself would load without command-line flags: the last of
//! `terraform.tfvars` then `*.auto.tfvars` (in name order) in the same directory, else the
//! `default`; otherwise unknown. Other `*.tfvars` files apply only when named with `-var-file`,
//! so they are not used and are reported back as [`Module::unused_tfvars`].
//!
//! Nested blocks become lists of objects under their type (`vpc_config[0].subnet_ids`), as in
//! Terraform's own plan JSON. A `dynamic` block whose `for_each` is a known list or map becomes
//! one block per element (none for an empty one), its `content` evaluated with the iterator's
//! `key` and `value`; any other `dynamic` block makes its type unknown.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;

use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, Traversal, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{Body as HclBody, Structure};
use hcl_edit::template::{Element, Template};

use super::node::{CompactString, Entry, Map, NODE_WEIGHT, Node, Tag, Value};
use super::span::{SourceFile, Span};
use crate::diagnostic::InputError;

/// Evaluation gives up (unknown) past this many bytes per module, as [`Node::weight`] counts
/// them (a node's fixed cost plus its text), against blow-up through locals that repeat each
/// other: a string doubled by interpolation counts its length each time.
const BUDGET: usize = 128 * 1024 * 1024;
/// Locals referring to locals deeper than this are unknown (against stack exhaustion).
const MAX_LOCAL_DEPTH: u32 = 64;
/// Variables remembered per local, to say where a value read through it is set.
const MAX_LOCAL_VARS: usize = 8;
/// Values nested deeper than this, counting through locals, are unknown: the parser bounds one
/// expression, not a chain of locals that nest each other.
const MAX_EVAL_DEPTH: u32 = 128;

/// One top-level block of a module; nested blocks are inside [`Block::body`].
#[derive(Debug)]
pub struct Block {
    pub file: Arc<SourceFile>,
    /// `resource`, `data`, `module`, `variable`, `locals`, `output`, `provider`, `terraform`, …
    pub kind: String,
    pub labels: Vec<String>,
    /// The whole block.
    pub span: Span,
    /// The block's head (`resource "aws_eks_cluster" "this"`), where findings about it point.
    pub head: Span,
    /// Attributes and nested blocks, evaluated.
    pub body: Node,
    /// The `var.NAME` references of the body whose value is set somewhere in the module.
    pub var_uses: Vec<VarUse>,
}

/// A `var.NAME` reference and where the variable's value is set: the `*.tfvars` assignment
/// Terraform loads, or the variable's `default`. Evaluated values take the reference's span, so
/// a finding about them points at the use; this says where to change the value.
#[derive(Clone, Debug)]
pub struct VarUse {
    /// The reference, in the block's file.
    pub span: Span,
    pub name: String,
    pub set_in: Arc<SourceFile>,
    pub set_at: Span,
}

impl Block {
    /// The Terraform address: `aws_eks_cluster.this`, `data.aws_iam_policy.x`, `module.eks`,
    /// `var.name`, or the kind for unlabelled blocks.
    #[must_use]
    pub fn address(&self) -> String {
        match self.kind.as_str() {
            "resource" => self.labels.join("."),
            "data" => format!("data.{}", self.labels.join(".")),
            "variable" => format!("var.{}", self.labels.join(".")),
            _ if self.labels.is_empty() => self.kind.clone(),
            kind => format!("{kind}.{}", self.labels.join(".")),
        }
    }

    /// The resource type for `resource` and `data` blocks.
    #[must_use]
    pub fn resource_type(&self) -> Option<&str> {
        match self.kind.as_str() {
            "resource" | "data" => self.labels.first().map(String::as_str),
            _ => None,
        }
    }

    /// The block name (second label of a resource, first of a module or variable).
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        match self.kind.as_str() {
            "resource" | "data" => self.labels.get(1),
            _ => self.labels.first(),
        }
        .map(String::as_str)
    }

    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.body.get(key)
    }
}

/// A Terraform module: every `.tf` file of one directory.
#[derive(Debug, Default)]
pub struct Module {
    /// The directory as shown in reports.
    pub dir: String,
    pub files: Vec<Arc<SourceFile>>,
    /// Top-level blocks, by file name then source order.
    pub blocks: Vec<Block>,
    /// Syntax errors (redefined arguments among them) and redefined locals.
    pub errors: Vec<InputError>,
    /// `*.tfvars` files in the directory that Terraform does not load by itself.
    pub unused_tfvars: Vec<Arc<SourceFile>>,
}

impl Module {
    /// Parses and evaluates the given files (`.tf`, `.tfvars`) as one module.
    #[must_use]
    pub fn load(dir: impl Into<String>, files: &[Arc<SourceFile>]) -> Module {
        let mut files: Vec<Arc<SourceFile>> = files.to_vec();
        files.sort_by(|a, b| a.display.cmp(&b.display));
        let mut module = Module { dir: dir.into(), ..Module::default() };
        let mut parsed = Vec::new();
        let mut tfvars = Vec::new();
        for file in files {
            match file_kind(&file) {
                FileKind::Config => {
                    if let Some(body) = parse(&file, &mut module.errors) {
                        parsed.push((Arc::clone(&file), body));
                    }
                    module.files.push(file);
                }
                FileKind::AutoVars(order) => tfvars.push((order, file)),
                FileKind::OtherVars => module.unused_tfvars.push(file),
            }
        }
        tfvars.sort_by(|a, b| (a.0, &a.1.display).cmp(&(b.0, &b.1.display)));

        let index = Index::build(&parsed, &mut module.errors);
        let literal = Eval::literal_only();
        let mut var_values: HashMap<String, Node> = HashMap::new();
        let mut var_origins: HashMap<String, (Arc<SourceFile>, Span)> = HashMap::new();
        for (name, expr, file) in &index.variables {
            // Defaults cannot refer to anything, so they are read as literals.
            let value = expr.map_or_else(|| Node::unknown(Span::default()), |e| literal.expr(e));
            if let Some(e) = expr {
                var_origins.insert(name.clone(), (Arc::clone(file), span_of(*e)));
            }
            var_values.insert(name.clone(), value);
        }
        for (_, file) in tfvars {
            if let Some(body) = parse(&file, &mut module.errors) {
                for attr in body.attributes() {
                    let name = attr.key.as_str().to_string();
                    var_origins.insert(name.clone(), (Arc::clone(&file), span_of(&attr.value)));
                    var_values.insert(name, literal.expr(&attr.value));
                }
            }
            module.files.push(file);
        }
        let eval = Eval {
            vars: var_values,
            var_origins,
            uses: RefCell::default(),
            local_uses: RefCell::default(),
            local_vars: RefCell::default(),
            locals: index.locals,
            resources: index.resources,
            cache: RefCell::default(),
            depth: Cell::new(0),
            nest: Cell::new(0),
            budget: Cell::new(BUDGET),
            iterators: RefCell::default(),
        };
        for (file, body) in &parsed {
            for block in body.blocks() {
                module.blocks.push(eval.block(file, block));
            }
        }
        module
    }

    /// Blocks of one kind (`resource`, `module`, …).
    pub fn blocks_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    /// Managed resources of one type.
    pub fn resources<'a>(&'a self, ty: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks_of("resource").filter(move |b| b.resource_type() == Some(ty))
    }

    /// The managed resource a reference address points at (`aws_kms_key.this.arn` →
    /// `aws_kms_key.this`).
    #[must_use]
    pub fn resource_at(&self, address: &str) -> Option<&Block> {
        let (ty, name, _) = split_address(address)?;
        self.blocks_of("resource").find(|b| b.resource_type() == Some(ty) && b.name() == Some(name))
    }
}

/// Splits a reference address into resource type, name and the rest (`arn`, `[0].arn`).
#[must_use]
pub fn split_address(address: &str) -> Option<(&str, &str, &str)> {
    let (ty, rest) = address.split_once('.')?;
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    let (name, rest) = rest.split_at(end);
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    (!ty.is_empty() && !name.is_empty()).then_some((ty, name, rest))
}

enum FileKind {
    Config,
    /// Loaded automatically; the number orders `terraform.tfvars` before `*.auto.tfvars`.
    AutoVars(u8),
    OtherVars,
}

fn file_kind(file: &SourceFile) -> FileKind {
    let name = file
        .path
        .as_deref()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .map_or_else(|| file_name(&file.display), str::to_string)
        .to_ascii_lowercase();
    if name == "terraform.tfvars" {
        FileKind::AutoVars(0)
    } else if name.ends_with(".auto.tfvars") {
        FileKind::AutoVars(1)
    } else if name.ends_with(".tfvars") {
        FileKind::OtherVars
    } else {
        FileKind::Config
    }
}

fn file_name(display: &str) -> String {
    display.rsplit(['/', '\\']).next().unwrap_or(display).to_string()
}

/// Whether a path names a Terraform file (`.tf` or `.tfvars`).
#[must_use]
pub fn is_terraform_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".tf") || lower.ends_with(".tfvars")
}

/// The syntax errors of one Terraform file, for commands that read no Terraform but must not
/// pass a broken file silently.
#[must_use]
pub fn syntax_errors(file: &Arc<SourceFile>) -> Vec<InputError> {
    let mut errors = Vec::new();
    let _ = parse(file, &mut errors);
    errors
}

fn parse(file: &Arc<SourceFile>, errors: &mut Vec<InputError>) -> Option<HclBody> {
    match hcl_edit::parser::parse_body(&file.text()) {
        Ok(body) => Some(body),
        Err(e) => {
            let offset = e.location().offset();
            let message = e.message().lines().next().unwrap_or("syntax error").trim().to_string();
            errors.push(InputError::at(
                file,
                Span::new(offset, offset),
                crate::msg!("input-invalid-hcl", detail = message),
            ));
            None
        }
    }
}

fn span_of(x: &impl hcl_edit::Span) -> Span {
    x.span().map_or_else(Span::default, |r| Span::new(r.start, r.end))
}

/// Names the module defines, gathered before evaluation.
struct Index<'a> {
    /// Variable name → default expression, and the file declaring it.
    variables: Vec<(String, Option<&'a Expression>, Arc<SourceFile>)>,
    locals: HashMap<String, &'a Expression>,
    resources: HashSet<(String, String)>,
}

impl<'a> Index<'a> {
    fn build(parsed: &'a [(Arc<SourceFile>, HclBody)], errors: &mut Vec<InputError>) -> Self {
        let mut index = Index { variables: Vec::new(), locals: HashMap::new(), resources: HashSet::new() };
        let mut seen: HashMap<String, (String, usize)> = HashMap::new();
        for (file, body) in parsed {
            for block in body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                let kind = block.ident.as_str();
                match (kind, labels.as_slice()) {
                    ("variable", [name]) => index.variables.push((
                        (*name).to_string(),
                        block.body.get_attribute("default").map(|a| &a.value),
                        Arc::clone(file),
                    )),
                    ("resource", [ty, name]) => {
                        index.resources.insert(((*ty).to_string(), (*name).to_string()));
                    }
                    ("locals", []) => {
                        for attr in block.body.attributes() {
                            let name = attr.key.as_str().to_string();
                            let here = span_of(attr);
                            if let Some((f, line)) = seen.get(&format!("local.{name}")) {
                                errors.push(InputError::at(
                                    file,
                                    here,
                                    crate::msg!(
                                        "input-local-redefined",
                                        name = name,
                                        file = f.as_str(),
                                        line = *line
                                    ),
                                ));
                                continue;
                            }
                            let line = file.position(here.start).line;
                            seen.insert(format!("local.{name}"), (file.display.clone(), line));
                            index.locals.insert(name, &attr.value);
                        }
                    }
                    _ => {}
                }
            }
        }
        index
    }
}

/// Evaluates expressions of one module; locals are evaluated once and cached.
struct Eval<'a> {
    vars: HashMap<String, Node>,
    /// Where each variable's value is set (tfvars assignment or default).
    var_origins: HashMap<String, (Arc<SourceFile>, Span)>,
    /// `var.NAME` references met in the block being evaluated.
    uses: RefCell<Vec<VarUse>>,
    /// References met while evaluating locals, until the local that holds them is done.
    local_uses: RefCell<Vec<VarUse>>,
    /// The variables each local reads (directly or through other locals).
    local_vars: RefCell<HashMap<String, Vec<VarUse>>>,
    locals: HashMap<String, &'a Expression>,
    resources: HashSet<(String, String)>,
    /// Local name → value and its size; `None` while being evaluated (a cycle reads as unknown).
    cache: RefCell<HashMap<String, Option<(Node, usize)>>>,
    depth: Cell<u32>,
    /// Current expression nesting, through locals and variables.
    nest: Cell<u32>,
    budget: Cell<usize>,
    /// The iterators of the `dynamic` blocks being expanded, innermost last: name, key, value.
    iterators: RefCell<Vec<(String, Node, Node)>>,
}

impl Eval<'_> {
    fn literal_only() -> Eval<'static> {
        Eval {
            vars: HashMap::new(),
            var_origins: HashMap::new(),
            uses: RefCell::default(),
            local_uses: RefCell::default(),
            local_vars: RefCell::default(),
            locals: HashMap::new(),
            resources: HashSet::new(),
            cache: RefCell::default(),
            depth: Cell::new(0),
            nest: Cell::new(0),
            budget: Cell::new(BUDGET),
            iterators: RefCell::default(),
        }
    }

    fn block(&self, file: &Arc<SourceFile>, block: &hcl_edit::structure::Block) -> Block {
        let span = span_of(block);
        let head_end = block.labels.last().map_or_else(|| span_of(&block.ident), span_of);
        let head = span_of(&block.ident).join(head_end);
        Block {
            file: Arc::clone(file),
            kind: block.ident.as_str().to_string(),
            labels: block.labels.iter().map(|l| l.as_str().to_string()).collect(),
            span,
            head,
            body: self.body(&block.body, span),
            var_uses: self.uses.take(),
        }
    }

    /// A body as a map: attributes by key, nested blocks as lists under their type.
    fn body(&self, body: &HclBody, span: Span) -> Node {
        let mut entries: Vec<(CompactString, Span, Pending)> = Vec::new();
        for structure in body {
            match structure {
                Structure::Attribute(attr) => entries.push((
                    attr.key.as_str().into(),
                    span_of(&attr.key),
                    Pending::Done(self.expr(&attr.value)),
                )),
                Structure::Block(block) if block.ident.as_str() == "dynamic" => {
                    let block_span = span_of(block);
                    let key: CompactString =
                        block.labels.first().map_or_else(CompactString::default, |l| l.as_str().into());
                    match self.dynamic(block) {
                        // One block per element; an empty `for_each` adds none.
                        Some(blocks) => {
                            for value in blocks {
                                add_block(
                                    &mut entries,
                                    key.clone(),
                                    span_of(&block.ident),
                                    value,
                                    block_span,
                                );
                            }
                        }
                        None => {
                            let unknown = Node::unknown(block_span);
                            add_block(&mut entries, key, span_of(&block.ident), unknown, block_span);
                        }
                    }
                }
                Structure::Block(block) => {
                    let block_span = span_of(block);
                    let value = self.body(&block.body, block_span);
                    add_block(
                        &mut entries,
                        block.ident.as_str().into(),
                        span_of(&block.ident),
                        value,
                        block_span,
                    );
                }
            }
        }
        self.spend(NODE_WEIGHT * (1 + entries.len()));
        let entries: Vec<Entry> = entries
            .into_iter()
            .map(|(key, key_span, pending)| Entry { key: key.into(), key_span, value: pending.into_node() })
            .collect();
        Node::new(span, Value::Map(entries.into()))
    }

    /// The blocks a `dynamic` block makes, when its `for_each` is a known list or map and it
    /// has one `content` block and no `labels`; `None` when that cannot be known.
    fn dynamic(&self, block: &hcl_edit::structure::Block) -> Option<Vec<Node>> {
        let body = &block.body;
        let label = block.labels.first()?.as_str();
        let iterator = match body.get_attribute("iterator").map(|a| &a.value) {
            None => label.to_string(),
            Some(Expression::Variable(v)) => v.as_str().to_string(),
            Some(_) => return None,
        };
        let mut contents = body.blocks().filter(|b| b.ident.as_str() == "content");
        let (Some(content), None) = (contents.next(), contents.next()) else { return None };
        if body.get_attribute("labels").is_some() || !content.labels.is_empty() {
            return None;
        }
        let for_each = self.expr(&body.get_attribute("for_each")?.value);
        if for_each.tag().is_some() {
            return None;
        }
        let pairs: Vec<(Node, Node)> = match &for_each.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    (Node::new(v.span(), Value::Int(i64::try_from(i).unwrap_or(i64::MAX))), v.clone())
                })
                .collect(),
            Value::Map(m) => m
                .entries
                .iter()
                .map(|e| (Node::new(e.key_span, Value::Str(e.key.as_str().into())), e.value.clone()))
                .collect(),
            _ => return None,
        };
        let content_span = span_of(content);
        let mut blocks = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            if !self.spend(NODE_WEIGHT) {
                return None;
            }
            self.iterators.borrow_mut().push((iterator.clone(), key, value));
            let made = self.body(&content.body, content_span);
            self.iterators.borrow_mut().pop();
            blocks.push(made);
        }
        Some(blocks)
    }

    /// The value of `iterator.key` or `iterator.value` (then the steps after it) inside the
    /// `content` of a `dynamic` block being expanded.
    fn iterator(&self, name: &str, first: &str, rest: &[&TraversalOperator], span: Span) -> Option<Node> {
        let bound = {
            let iterators = self.iterators.borrow();
            let (_, key, value) = iterators.iter().rev().find(|(n, ..)| n == name)?;
            match first {
                "key" => key.clone(),
                "value" => value.clone(),
                _ => return Some(Node::unknown(span)),
            }
        };
        if !self.spend(bound.weight()) {
            return Some(Node::unknown(span));
        }
        Some(self.apply(bound.respanned(span), rest, span))
    }

    fn spend(&self, n: usize) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(n));
        left >= n
    }

    fn expr(&self, expr: &Expression) -> Node {
        let span = span_of(expr);
        if self.nest.get() >= MAX_EVAL_DEPTH || !self.spend(NODE_WEIGHT) {
            return Node::unknown(span);
        }
        self.nest.set(self.nest.get() + 1);
        let node = self.expr_at(expr, span);
        self.nest.set(self.nest.get() - 1);
        node
    }

    fn expr_at(&self, expr: &Expression, span: Span) -> Node {
        let value = match expr {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => {
                let n = n.value();
                match n.as_i64() {
                    Some(i) => Value::Int(i),
                    None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
                }
            }
            Expression::String(s) => Value::Str(s.value().as_str().into()),
            Expression::Array(items) => Value::Seq(items.iter().map(|e| self.expr(e)).collect()),
            Expression::Object(object) => {
                let mut entries: Vec<Entry> = Vec::new();
                for (key, value) in object.iter() {
                    let key_span = span_of(key);
                    let key: CompactString = match key {
                        ObjectKey::Ident(id) => id.as_str().into(),
                        ObjectKey::Expression(e) => match self.expr(e) {
                            n if n.tag().is_some() => return Node::unknown(span),
                            Node { value: Value::Str(s), .. } => s,
                            Node { value: Value::Int(i), .. } => i.to_string().into(),
                            Node { value: Value::Bool(b), .. } => b.to_string().into(),
                            // One unknown key makes the whole object unknown: a missing entry
                            // must not read as an absent field.
                            _ => return Node::unknown(span),
                        },
                    };
                    entries.retain(|e| e.key.as_str() != key.as_str());
                    entries.push(Entry { key: key.into(), key_span, value: self.expr(value.expr()) });
                }
                Value::Map(Map::from(entries))
            }
            Expression::StringTemplate(t) => return self.template(t, span),
            Expression::HeredocTemplate(h) => return self.template(&h.template, span),
            Expression::Parenthesis(p) => return self.expr(p.inner()).respanned_root(span),
            Expression::Traversal(t) => return self.traversal(t, span),
            Expression::UnaryOp(op) => {
                let inner = self.expr(&op.expr);
                match (op.operator.value(), &inner.value, inner.tag().is_none()) {
                    (UnaryOperator::Neg, Value::Int(i), true) => {
                        i.checked_neg().map_or_else(|| Value::Float(-(*i as f64)), Value::Int)
                    }
                    (UnaryOperator::Neg, Value::Float(f), true) => Value::Float(-f),
                    (UnaryOperator::Not, Value::Bool(b), true) => Value::Bool(!b),
                    _ => return Node::unknown(span),
                }
            }
            Expression::Conditional(c) => {
                return match truth(&self.expr(&c.cond_expr)) {
                    Some(true) => self.expr(&c.true_expr),
                    Some(false) => self.expr(&c.false_expr),
                    None => Node::unknown(span),
                };
            }
            Expression::BinaryOp(op) => {
                let (lhs, rhs) = (self.expr(&op.lhs_expr), self.expr(&op.rhs_expr));
                match binary(*op.operator.value(), &lhs, &rhs) {
                    Some(value) => value,
                    None => return Node::unknown(span),
                }
            }
            Expression::Variable(_) | Expression::FuncCall(_) | Expression::ForExpr(_) => {
                return Node::unknown(span);
            }
        };
        Node::new(span, value)
    }

    /// A template with only literals and known scalar interpolations is a string; a template
    /// that is a single interpolation is that value (as in HCL); anything else is unknown.
    fn template(&self, template: &Template, span: Span) -> Node {
        let elements: Vec<&Element> = template.iter().collect();
        if let [Element::Interpolation(i)] = elements.as_slice() {
            return self.expr(&i.expr).respanned_root(span);
        }
        let mut out = String::new();
        for element in elements {
            match element {
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => {
                    if i.strip != hcl_edit::template::Strip::None {
                        return Node::unknown(span);
                    }
                    let part = self.expr(&i.expr);
                    match (&part.value, part.tag().is_none()) {
                        (Value::Str(s), true) => out.push_str(s),
                        (Value::Int(n), true) => {
                            let _ = write!(out, "{n}");
                        }
                        (Value::Float(f), true) => {
                            let _ = write!(out, "{f}");
                        }
                        (Value::Bool(b), true) => {
                            let _ = write!(out, "{b}");
                        }
                        _ => return Node::unknown(span),
                    }
                }
                Element::Directive(_) => return Node::unknown(span),
            }
        }
        // Each part was paid for when evaluated; the joined copy is paid for too.
        if !self.spend(out.len()) {
            return Node::unknown(span);
        }
        Node::new(span, Value::Str(out.into()))
    }

    fn traversal(&self, t: &Traversal, span: Span) -> Node {
        let ops: Vec<&TraversalOperator> = t.operators.iter().map(|o| o.value()).collect();
        let Expression::Variable(root) = &t.expr else {
            let base = self.expr(&t.expr);
            return self.apply(base, &ops, span);
        };
        let (first, rest) = match ops.split_first() {
            Some((TraversalOperator::GetAttr(name), rest)) => (name.as_str(), rest),
            _ => return Node::unknown(span),
        };
        if let Some(value) = self.iterator(root.as_str(), first, rest, span) {
            return value;
        }
        match root.as_str() {
            "var" => {
                let value = match self.vars.get(first) {
                    Some(v) if self.spend(v.weight()) => v.clone(),
                    _ => return Node::unknown(span),
                };
                if let Some((file, at)) = self.var_origins.get(first) {
                    self.use_var(VarUse {
                        span,
                        name: first.to_string(),
                        set_in: Arc::clone(file),
                        set_at: *at,
                    });
                }
                self.apply(value.respanned(span), rest, span)
            }
            "local" => {
                let value = self.local(first, span);
                // The variables the local reads are used where the local is.
                let origins = self.local_vars.borrow().get(first).cloned().unwrap_or_default();
                for u in origins {
                    self.use_var(VarUse { span, ..u });
                }
                self.apply(value.respanned(span), rest, span)
            }
            ty if self.resources.contains(&(ty.to_string(), first.to_string())) => {
                let mut address = format!("{ty}.{first}");
                for op in rest {
                    match op {
                        TraversalOperator::GetAttr(a) => {
                            let _ = write!(address, ".{}", a.as_str());
                        }
                        TraversalOperator::LegacyIndex(i) => {
                            let _ = write!(address, "[{}]", i.value());
                        }
                        TraversalOperator::Index(e) => match self.expr(e) {
                            n if n.tag().is_some() => address.push_str("[?]"),
                            Node { value: Value::Int(i), .. } => {
                                let _ = write!(address, "[{i}]");
                            }
                            Node { value: Value::Str(s), .. } => {
                                let _ = write!(address, "[{:?}]", s.as_str());
                            }
                            _ => address.push_str("[?]"),
                        },
                        TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                            address.push_str("[*]");
                        }
                    }
                }
                Node::reference(span, address)
            }
            // data sources, module outputs, each/count/path/self/terraform, unknown names
            _ => Node::unknown(span),
        }
    }

    /// Records a variable reference: for the block at the top level, for the local being
    /// evaluated inside one (its text is the local's, so the use is the local's use).
    fn use_var(&self, u: VarUse) {
        if self.depth.get() == 0 {
            self.uses.borrow_mut().push(u);
        } else {
            self.local_uses.borrow_mut().push(u);
        }
    }

    fn local(&self, name: &str, span: Span) -> Node {
        if let Some(cached) = self.cache.borrow().get(name) {
            // Copies count against the budget, so repeated locals cannot grow without bound.
            return match cached {
                Some((value, size)) if self.spend(*size) => value.clone(),
                _ => Node::unknown(span),
            };
        }
        let Some(expr) = self.locals.get(name) else { return Node::unknown(span) };
        if self.depth.get() >= MAX_LOCAL_DEPTH {
            return Node::unknown(span);
        }
        self.cache.borrow_mut().insert(name.to_string(), None);
        self.depth.set(self.depth.get() + 1);
        let before = self.local_uses.borrow().len();
        let value = self.expr(expr);
        self.depth.set(self.depth.get() - 1);
        // One origin per variable, a few at most: locals that repeat each other must not
        // multiply them (the node budget bounds values, not this list).
        let mut mine: Vec<VarUse> = Vec::new();
        for u in self.local_uses.borrow_mut().drain(before..) {
            if mine.len() < MAX_LOCAL_VARS && !mine.iter().any(|m| m.name == u.name) {
                mine.push(u);
            }
        }
        self.local_vars.borrow_mut().insert(name.to_string(), mine);
        let size = value.weight();
        self.cache.borrow_mut().insert(name.to_string(), Some((value.clone(), size)));
        value
    }

    /// Applies attribute and index steps to a known value; anything not found is unknown.
    fn apply(&self, mut value: Node, ops: &[&TraversalOperator], span: Span) -> Node {
        for op in ops {
            if !value.is_literal() {
                return Node::unknown(span);
            }
            let next = match op {
                TraversalOperator::GetAttr(a) => value.get(a.as_str()).cloned(),
                TraversalOperator::LegacyIndex(i) => usize::try_from(*i.value())
                    .ok()
                    .and_then(|i| value.as_seq().and_then(|s| s.get(i)).cloned()),
                TraversalOperator::Index(e) => match self.expr(e) {
                    n if n.tag().is_some() => None,
                    Node { value: Value::Int(i), .. } => {
                        usize::try_from(i).ok().and_then(|i| value.as_seq().and_then(|s| s.get(i)).cloned())
                    }
                    Node { value: Value::Str(k), .. } => value.get(&k).cloned(),
                    _ => None,
                },
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => None,
            };
            match next {
                Some(n) => value = n,
                None => return Node::unknown(span),
            }
        }
        value
    }
}

/// Adds a nested block to a body's entries: blocks of one type gather in a list, and an unknown
/// one (a `dynamic` block that cannot be expanded) makes the whole list unknown.
fn add_block(
    entries: &mut Vec<(CompactString, Span, Pending)>,
    key: CompactString,
    key_span: Span,
    value: Node,
    block_span: Span,
) {
    match entries.iter_mut().find(|(k, ..)| *k == key) {
        Some((_, _, pending)) if !value.is_unknown() && pending.is_list() => {
            pending.push(value, block_span);
        }
        Some((_, _, pending)) => *pending = Pending::Done(Node::unknown(pending.span().join(block_span))),
        None => {
            let value = if value.is_unknown() {
                Pending::Done(value)
            } else {
                Pending::Blocks { span: block_span, tag: None, items: vec![value] }
            };
            entries.push((key, key_span, value));
        }
    }
}

/// A known condition: a boolean, or the strings Terraform converts to one.
fn truth(node: &Node) -> Option<bool> {
    if node.tag().is_some() {
        return None;
    }
    match &node.value {
        Value::Bool(b) => Some(*b),
        Value::Str(s) if s == "true" => Some(true),
        Value::Str(s) if s == "false" => Some(false),
        _ => None,
    }
}

/// A known number as a float, for comparisons and arithmetic.
fn number(node: &Node) -> Option<f64> {
    match (&node.value, node.tag()) {
        (Value::Int(i), None) => Some(*i as f64),
        (Value::Float(f), None) => Some(*f),
        _ => None,
    }
}

/// Whether two known values are equal, as Terraform compares them; `None` when either is
/// unknown, or when they are scalars of different types that a typed variable could have
/// converted into each other (`"1"` and `1`), or collections (not compared here).
fn equal(lhs: &Node, rhs: &Node) -> Option<bool> {
    if lhs.tag().is_some() || rhs.tag().is_some() {
        return None;
    }
    match (&lhs.value, &rhs.value) {
        (Value::Null, Value::Null) => Some(true),
        (Value::Null, _) | (_, Value::Null) => Some(false),
        (Value::Bool(a), Value::Bool(b)) => Some(a == b),
        (Value::Str(a), Value::Str(b)) => Some(a == b),
        (Value::Int(a), Value::Int(b)) => Some(a == b),
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            Some(number(lhs)? == number(rhs)?)
        }
        _ => None,
    }
}

/// A binary operation on known operands; `None` (unknown) otherwise.
fn binary(op: BinaryOperator, lhs: &Node, rhs: &Node) -> Option<Value> {
    use BinaryOperator as B;
    let ints = match (&lhs.value, &rhs.value, lhs.tag(), rhs.tag()) {
        (Value::Int(a), Value::Int(b), None, None) => Some((*a, *b)),
        _ => None,
    };
    let float = |f: f64| f.is_finite().then_some(Value::Float(f));
    Some(match op {
        B::Eq => Value::Bool(equal(lhs, rhs)?),
        B::NotEq => Value::Bool(!equal(lhs, rhs)?),
        B::And => Value::Bool(truth(lhs)? && truth(rhs)?),
        B::Or => Value::Bool(truth(lhs)? || truth(rhs)?),
        B::Less => Value::Bool(number(lhs)? < number(rhs)?),
        B::LessEq => Value::Bool(number(lhs)? <= number(rhs)?),
        B::Greater => Value::Bool(number(lhs)? > number(rhs)?),
        B::GreaterEq => Value::Bool(number(lhs)? >= number(rhs)?),
        B::Plus => match ints {
            Some((a, b)) => a.checked_add(b).map(Value::Int)?,
            None => float(number(lhs)? + number(rhs)?)?,
        },
        B::Minus => match ints {
            Some((a, b)) => a.checked_sub(b).map(Value::Int)?,
            None => float(number(lhs)? - number(rhs)?)?,
        },
        B::Mul => match ints {
            Some((a, b)) => a.checked_mul(b).map(Value::Int)?,
            None => float(number(lhs)? * number(rhs)?)?,
        },
        B::Div => match ints {
            Some((a, b)) if b != 0 && a.checked_rem(b) == Some(0) => Value::Int(a / b),
            _ => float(number(lhs)? / number(rhs)?)?,
        },
        B::Mod => match ints {
            Some((a, b)) if b != 0 => a.checked_rem(b).map(Value::Int)?,
            _ => return None,
        },
    })
}

/// A body's entry while the body is read: nested blocks of one type gather in a list.
enum Pending {
    Done(Node),
    Blocks { span: Span, tag: Option<Tag>, items: Vec<Node> },
}

impl Pending {
    /// A list more blocks of the same type join (an attribute's list too, as Terraform's JSON
    /// plan would show them).
    fn is_list(&self) -> bool {
        matches!(self, Pending::Blocks { .. } | Pending::Done(Node { value: Value::Seq(_), .. }))
    }

    fn span(&self) -> Span {
        match self {
            Pending::Done(node) => node.span(),
            Pending::Blocks { span, .. } => *span,
        }
    }

    fn push(&mut self, block: Node, block_span: Span) {
        if let Pending::Done(node) = self
            && let (span, tag, Value::Seq(items)) = (node.span(), node.tag(), &mut node.value)
        {
            let items = std::mem::take(items).into_vec();
            *self = Pending::Blocks { span, tag, items };
        }
        if let Pending::Blocks { span, items, .. } = self {
            *span = span.join(block_span);
            items.push(block);
        }
    }

    fn into_node(self) -> Node {
        match self {
            Pending::Done(node) => node,
            Pending::Blocks { span, tag, items } => {
                Node::tagged(span, Value::Seq(items.into_boxed_slice()), tag)
            }
        }
    }
}

trait RespanRoot {
    fn respanned_root(self, span: Span) -> Self;
}

impl RespanRoot for Node {
    /// Moves only the root node (parentheses and `"${x}"` around a value).
    fn respanned_root(mut self, span: Span) -> Self {
        self.set_span(span);
        self
    }
}

#[cfg(test)]
mod tests;
