//! Tests for Terraform module loading and evaluation.

use super::*;

fn file(name: &str, text: &str) -> Arc<SourceFile> {
    SourceFile::new(name, None, text.to_string())
}

fn module(files: &[(&str, &str)]) -> Module {
    let files: Vec<Arc<SourceFile>> = files.iter().map(|(n, t)| file(n, t)).collect();
    Module::load("m", &files)
}

const MAIN: &str = r#"
locals {
  name   = "prod-${var.env}"
  tags   = { team = "platform", env = var.env }
  cycle  = local.cycle
  first  = local.subnets[0]
  subnets = ["a", "b"]
}

resource "aws_kms_key" "this" {
  enable_key_rotation = true
}

resource "aws_eks_cluster" "this" {
  name     = local.name
  role_arn = aws_iam_role.cluster.arn
  version  = var.k8s_version

  vpc_config {
    subnet_ids              = local.subnets
    endpoint_public_access  = var.public
    endpoint_private_access = !var.public
    public_access_cidrs     = [for c in var.cidrs : c]
  }

  encryption_config {
    provider {
      key_arn = aws_kms_key.this.arn
    }
    resources = ["secrets"]
  }

  enabled_cluster_log_types = concat(["api"], var.extra_logs)
  tags                      = local.tags
  description               = "${aws_kms_key.this.arn}"
  other                     = "${aws_kms_key.this.arn}-x"
  ami                       = data.aws_ami.eks.id
  subnet                    = module.vpc.private_subnets[0]
  loop                      = local.cycle
  first                     = local.first
  missing                   = var.nope
  neg                       = -5
  count_ref                 = count.index
  cond                      = var.public ? 1 : 2
}

resource "aws_iam_role" "cluster" {
  name = "r"
}
"#;

const VARS: &str = r#"
variable "env" {
  default = "dev"
}
variable "k8s_version" {
  type    = string
  default = "1.33"
}
variable "public" {
  type = bool
}
variable "cidrs" {
  default = ["10.0.0.0/8"]
}
variable "extra_logs" {
  default = []
}
"#;

#[test]
fn evaluates_references_as_far_as_they_go() {
    let m = module(&[("m/main.tf", MAIN), ("m/variables.tf", VARS)]);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    let cluster = m.resources("aws_eks_cluster").next().unwrap();
    assert_eq!(cluster.address(), "aws_eks_cluster.this");
    let b = &cluster.body;
    assert_eq!(b.get("name").and_then(Node::as_str), Some("prod-dev"));
    assert_eq!(b.get("version").and_then(Node::as_str), Some("1.33"));
    assert_eq!(b.get("role_arn").unwrap().reference_address(), Some("aws_iam_role.cluster.arn"));
    let vpc = b.at(&["vpc_config"]).unwrap().items().next().unwrap();
    assert_eq!(vpc.get("subnet_ids").unwrap().items().count(), 2);
    // No default and no tfvars: unknown, and so is anything computed from it.
    assert!(vpc.get("endpoint_public_access").unwrap().is_unknown());
    assert!(vpc.get("endpoint_private_access").unwrap().is_unknown());
    assert!(vpc.get("public_access_cidrs").unwrap().is_unknown());
    let enc = b.get("encryption_config").unwrap().items().next().unwrap();
    let key = enc.get("provider").unwrap().items().next().unwrap().get("key_arn").unwrap();
    assert_eq!(key.reference_address(), Some("aws_kms_key.this.arn"));
    assert_eq!(
        m.resource_at("aws_kms_key.this.arn").map(Block::address).as_deref(),
        Some("aws_kms_key.this")
    );
    assert!(b.get("enabled_cluster_log_types").unwrap().is_unknown());
    assert_eq!(b.at(&["tags", "env"]).and_then(Node::as_str), Some("dev"));
    assert_eq!(b.get("description").unwrap().reference_address(), Some("aws_kms_key.this.arn"));
    for unknown in ["other", "ami", "subnet", "loop", "missing", "count_ref", "cond"] {
        assert!(b.get(unknown).unwrap().is_unknown(), "{unknown}");
    }
    assert_eq!(b.get("first").and_then(Node::as_str), Some("a"));
    assert_eq!(b.get("neg").and_then(Node::as_i64), Some(-5));
}

#[test]
fn values_from_elsewhere_point_at_their_use() {
    let m = module(&[("m/main.tf", MAIN), ("m/variables.tf", VARS)]);
    let cluster = m.resources("aws_eks_cluster").next().unwrap();
    let version = cluster.get("version").unwrap();
    assert_eq!(&cluster.file.text()[version.span().range()], "var.k8s_version");
    let tags = cluster.get("tags").unwrap();
    assert_eq!(&MAIN[tags.span().range()], "local.tags");
    assert_eq!(&MAIN[tags.get("team").unwrap().span().range()], "local.tags");
    let p = cluster.file.position(cluster.head.start);
    assert_eq!(&MAIN[cluster.head.range()], r#"resource "aws_eks_cluster" "this""#);
    assert_eq!(p.column, 1);
}

#[test]
fn tfvars_terraform_loads_by_itself_win_in_order() {
    let m = module(&[
        ("m/variables.tf", VARS),
        ("m/main.tf", MAIN),
        ("m/terraform.tfvars", "public = true\nenv = \"stage\"\n"),
        ("m/z.auto.tfvars", "env = \"prod\"\n"),
        ("m/prod.tfvars", "public = false\n"),
    ]);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    let b = &m.resources("aws_eks_cluster").next().unwrap().body;
    let vpc = b.get("vpc_config").unwrap().items().next().unwrap();
    assert_eq!(vpc.get("endpoint_public_access").and_then(Node::as_bool), Some(true));
    assert_eq!(vpc.get("endpoint_private_access").and_then(Node::as_bool), Some(false));
    assert_eq!(b.get("name").and_then(Node::as_str), Some("prod-prod"));
    assert_eq!(m.unused_tfvars.len(), 1);
    assert_eq!(m.unused_tfvars[0].display, "m/prod.tfvars");
}

#[test]
fn nested_blocks_are_lists_and_dynamic_blocks_unknown() {
    let m = module(&[(
        "m/lt.tf",
        r#"
resource "aws_launch_template" "n" {
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs { encrypted = true }
  }
  block_device_mappings {
    device_name = "/dev/xvdb"
  }
  dynamic "tag_specifications" {
    for_each = var.x
    content { resource_type = "instance" }
  }
  metadata_options {
    http_tokens = "required"
  }
}
"#,
    )]);
    let b = &m.resources("aws_launch_template").next().unwrap().body;
    assert_eq!(b.get("block_device_mappings").unwrap().items().count(), 2);
    assert_eq!(
        b.at(&["metadata_options"])
            .unwrap()
            .items()
            .next()
            .unwrap()
            .get("http_tokens")
            .and_then(Node::as_str),
        Some("required")
    );
    assert!(b.get("tag_specifications").unwrap().is_unknown());
    let path = crate::document::FieldPath::parse("block_device_mappings[0].ebs[0].encrypted");
    let located = b.locate(&path);
    assert!(located.missing.is_none());
    assert_eq!(&m.blocks[0].file.text()[located.span.range()], "encrypted = true");
}

#[test]
fn syntax_errors_name_line_and_column() {
    let m = module(&[("m/bad.tf", "resource \"a\" \"b\" {\n  x = \n}\n"), ("m/ok.tf", "locals { a = 1 }\n")]);
    assert_eq!(m.errors.len(), 1);
    let e = &m.errors[0];
    assert_eq!(e.file, "m/bad.tf");
    assert!(e.line.is_some() && e.column.is_some(), "{e}");
    assert!(e.message.starts_with("invalid HCL"), "{e}");
    assert_eq!((e.line, e.column), (Some(2), Some(7)), "{e}");
    // The other file still loads.
    assert_eq!(m.blocks.len(), 1);

    let m = module(&[("m/a.tf", "resource \"x\" \"y\" {\n  a = 1\n  a = 2\n}\n")]);
    assert_eq!(m.errors.len(), 1);
    assert_eq!((m.errors[0].line, m.errors[0].column), (Some(3), Some(3)));
    assert!(m.errors[0].message.contains("redefined attribute"), "{}", m.errors[0]);

    let m = module(&[("m/a.tf", "locals { a = 1 }\n"), ("m/b.tf", "locals {\n a = 2\n}\n")]);
    assert_eq!(m.errors.len(), 1);
    assert!(m.errors[0].message.contains("already defined at m/a.tf:1"), "{}", m.errors[0]);
}

#[test]
fn hostile_input_is_an_error_or_bounded() {
    // Deep nesting: the parser refuses past its limit rather than overflowing the stack.
    let deep = format!("a = {}1{}\n", "[".repeat(5000), "]".repeat(5000));
    let m = module(&[("m/deep.tf", &deep)]);
    assert_eq!(m.errors.len(), 1);
    // Unterminated string and stray bytes.
    for text in ["a = \"abc\n", "}}}}", "resource \"x\" {", "a = <<EOT\nno end\n", "\u{feff}a = 1\n"] {
        let _ = module(&[("m/x.tf", text)]);
    }
    // Locals that double at each step stay within the node budget.
    let mut text = String::from("locals {\n  l0 = [1, 2, 3, 4, 5, 6, 7, 8]\n");
    for i in 1..40 {
        let _ = writeln!(text, "  l{i} = [local.l{p}, local.l{p}, local.l{p}, local.l{p}]", p = i - 1);
    }
    text.push_str("}\nresource \"x\" \"y\" { v = local.l39 }\n");
    let m = module(&[("m/big.tf", &text)]);
    let v = m.resources("x").next().unwrap().get("v").unwrap();
    assert!(v.contains_unknown());
    // A long chain of locals: in definition order it resolves; backwards it is too deep to
    // follow and stays unknown rather than exhausting the stack.
    let mut forward = String::from("locals {\n  c0 = 1\n");
    let mut backward = String::from("locals {\n");
    for i in 1..5000 {
        let _ = writeln!(forward, "  c{i} = local.c{}", i - 1);
        let _ = writeln!(backward, "  c{} = local.c{i}", i - 1);
    }
    forward.push_str("}\nresource \"x\" \"y\" { v = local.c4999 }\n");
    backward.push_str("  c4999 = 1\n}\nresource \"x\" \"y\" { v = local.c0 }\n");
    let m = module(&[("m/chain.tf", &forward)]);
    assert_eq!(m.resources("x").next().unwrap().get("v").and_then(Node::as_i64), Some(1));
    let m = module(&[("m/chain.tf", &backward)]);
    assert!(m.resources("x").next().unwrap().get("v").unwrap().is_unknown());
}

#[test]
fn huge_file_loads_with_locals_resolved_everywhere() {
    let mut text = String::new();
    for i in 0..20_000 {
        let _ = writeln!(
            text,
            "resource \"aws_kms_key\" \"k{i}\" {{\n  enable_key_rotation = true\n  description = \"key ${{local.x}}\"\n}}"
        );
    }
    text.push_str("locals { x = \"y\" }\n");
    // No timing here (tests never assert on time): a quadratic load would show as a slow suite.
    let m = module(&[("m/huge.tf", &text)]);
    assert_eq!(m.resources("aws_kms_key").count(), 20_000);
    assert_eq!(m.blocks[0].get("description").and_then(Node::as_str), Some("key y"));
}

#[test]
fn addresses_split() {
    assert_eq!(split_address("aws_kms_key.this.arn"), Some(("aws_kms_key", "this", "arn")));
    assert_eq!(split_address("aws_kms_key.this[0].arn"), Some(("aws_kms_key", "this", "[0].arn")));
    assert_eq!(split_address("aws_kms_key.this"), Some(("aws_kms_key", "this", "")));
    assert_eq!(split_address("x"), None);
}

#[test]
fn nested_values_through_chained_locals_stay_within_the_stack() {
    // Each local nests 60 levels and refers to the next: evaluation depth is bounded overall,
    // not per expression.
    let mut text = String::from("locals {\n");
    for i in 0..200 {
        let _ = writeln!(text, "  l{i} = {}local.l{}{}", "[".repeat(60), i + 1, "]".repeat(60));
    }
    text.push_str("  l200 = 1\n}\nresource \"x\" \"y\" { v = local.l0 }\n");
    let m = module(&[("m/deep.tf", &text)]);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    assert!(m.resources("x").next().unwrap().get("v").unwrap().contains_unknown());
}

#[test]
fn conditionals_and_operators_on_known_values_are_evaluated() {
    let m = module(&[(
        "m/main.tf",
        r#"
variable "env" { default = "prod" }
variable "n" { default = 3 }
variable "flag" { default = "false" }
variable "open" {}
locals { prod = var.env == "prod" }

resource "aws_eks_cluster" "c" {
  public      = local.prod ? false : true
  chained     = var.env != "prod" || var.n > 2
  both        = local.prod && var.n >= 4
  from_string = var.flag ? 1 : 2
  sum         = var.n + 1
  ratio       = var.n / 2
  whole       = var.n * 4 / 2
  rest        = var.n % 2
  is_null     = var.n == null
  unknown     = var.open ? 1 : 2
  mixed       = var.n == "3"
  on_unknown  = var.open == true
  div_zero    = var.n / 0
  reference   = aws_kms_key.k.arn == "x" ? 1 : 2
}
"#,
    )]);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    let b = &m.resources("aws_eks_cluster").next().unwrap().body;
    assert_eq!(b.get("public").and_then(Node::as_bool), Some(false));
    let public = b.get("public").unwrap();
    assert_eq!(&m.blocks[0].file.text()[public.span().range()], "false");
    assert_eq!(b.get("chained").and_then(Node::as_bool), Some(true));
    assert_eq!(b.get("both").and_then(Node::as_bool), Some(false));
    assert_eq!(b.get("from_string").and_then(Node::as_i64), Some(2));
    assert_eq!(b.get("sum").and_then(Node::as_i64), Some(4));
    assert!(matches!(b.get("ratio").unwrap().value, Value::Float(f) if (f - 1.5).abs() < 1e-9));
    assert_eq!(b.get("whole").and_then(Node::as_i64), Some(6));
    assert_eq!(b.get("rest").and_then(Node::as_i64), Some(1));
    assert_eq!(b.get("is_null").and_then(Node::as_bool), Some(false));
    for unknown in ["unknown", "mixed", "on_unknown", "div_zero", "reference"] {
        assert!(b.get(unknown).unwrap().is_unknown(), "{unknown}");
    }
    // The variables a condition reads are uses of the block, so a finding can say where they are set.
    let cluster = m.resources("aws_eks_cluster").next().unwrap();
    assert!(cluster.var_uses.iter().any(|u| u.name == "env"), "{:?}", cluster.var_uses);
}

#[test]
fn dynamic_blocks_with_a_known_for_each_are_expanded() {
    let m = module(&[(
        "m/main.tf",
        r#"
variable "kms_key_arn" { default = "" }
variable "keys" { default = ["arn:a", "arn:b"] }
variable "logs" { default = { api = "on", audit = "off" } }
variable "unset" {}

resource "aws_eks_cluster" "c" {
  dynamic "encryption_config" {
    for_each = var.kms_key_arn != "" ? [1] : []
    content {
      resources = ["secrets"]
    }
  }
  dynamic "key" {
    for_each = var.keys
    iterator = k
    content {
      arn   = k.value
      index = k.key
      dynamic "inner" {
        for_each = [k.value]
        content {
          outer = k.key
          same  = inner.value
        }
      }
    }
  }
  dynamic "log" {
    for_each = var.logs
    content {
      type  = log.key
      state = log.value
    }
  }
  dynamic "unknown" {
    for_each = var.unset
    content { x = 1 }
  }
  dynamic "mixed" {
    for_each = var.keys
    content { x = mixed.value }
  }
  mixed {
    x = "literal"
  }
}
"#,
    )]);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    let b = &m.resources("aws_eks_cluster").next().unwrap().body;
    assert!(b.get("encryption_config").is_none(), "an empty for_each makes no block");
    let keys: Vec<&Node> = b.get("key").unwrap().items().collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[1].get("arn").and_then(Node::as_str), Some("arn:b"));
    assert_eq!(keys[1].get("index").and_then(Node::as_i64), Some(1));
    let inner = keys[1].get("inner").unwrap().items().next().unwrap();
    assert_eq!(inner.get("outer").and_then(Node::as_i64), Some(1));
    assert_eq!(inner.get("same").and_then(Node::as_str), Some("arn:b"));
    let logs: Vec<(Option<&str>, Option<&str>)> = b
        .get("log")
        .unwrap()
        .items()
        .map(|l| (l.get("type").and_then(Node::as_str), l.get("state").and_then(Node::as_str)))
        .collect();
    assert_eq!(logs, [(Some("api"), Some("on")), (Some("audit"), Some("off"))]);
    assert!(b.get("unknown").unwrap().is_unknown());
    assert_eq!(b.get("mixed").unwrap().items().count(), 3);
    // Outside its content the iterator's name is nothing.
    let text = m.blocks[0].file.text();
    let arn = keys[0].get("arn").unwrap();
    assert_eq!(&text[arn.span().range()], "k.value");
}
