//! `ladrillo netpol`: NetworkPolicy reachability (`reach`) and explanations (`explain`).

use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};

use super::input_args::InputArgs;
use crate::analysis::netpol::{Connection, Endpoint, Model, explain, render};
use crate::model::ObjectSet;

#[derive(Debug, Args)]
pub struct NetpolArgs {
    #[command(subcommand)]
    pub command: NetpolCommand,
}

#[derive(Debug, Subcommand)]
pub enum NetpolCommand {
    /// List the connections NetworkPolicies allow between workloads and address ranges.
    Reach(ReachArgs),
    /// Name the policies and rules that allow or block traffic from SRC to DST. Exits 0 when
    /// it is allowed (on PORT, or on some connection), 1 when not (blocked, or allowed only
    /// for namespace labels the input does not declare), 2 on errors, as `rbac can-i` does.
    Explain(ExplainArgs),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReachFormat {
    #[default]
    Text,
    Json,
    Matrix,
}

#[derive(Debug, Args)]
pub struct ReachArgs {
    /// Files, directories or `-` for stdin.
    #[arg(default_value = ".", conflicts_with = "cluster")]
    pub paths: Vec<String>,
    #[arg(short, long, value_enum, default_value_t)]
    pub format: ReachFormat,
    /// Only connections from or to this workload (`namespace/name[Kind]`, `namespace/name` or `name`).
    #[arg(long, value_name = "WORKLOAD")]
    pub focus: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Source: a workload (`namespace/name[Kind]`, `namespace/name`, `name`), an address or a CIDR.
    pub src: String,
    /// Destination, written like the source.
    pub dst: String,
    /// A port to give a verdict for: `8080` or `53/UDP`.
    pub port: Option<String>,
    /// Files or directories to read (repeatable; default `.`).
    #[arg(short = 'f', long = "file", value_name = "PATH", conflicts_with = "cluster")]
    pub files: Vec<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: &NetpolArgs) -> i32 {
    match &args.command {
        NetpolCommand::Reach(a) => reach(a),
        NetpolCommand::Explain(a) => explain_cmd(a),
    }
}

fn reach(args: &ReachArgs) -> i32 {
    let lang = super::lang();
    let Some((_, model)) = load_model(&args.paths, &args.input) else { return 2 };
    let focus = match &args.focus {
        None => None,
        Some(f) => match explain::resolve(&model, f, lang) {
            Ok(e @ Endpoint::Workload(_)) => Some(e),
            Ok(_) => {
                super::error(crate::t!(lang, "netpol-focus-not-workload", value = f.as_str()));
                return 2;
            }
            Err(m) => {
                super::error(format!("--focus: {m}"));
                return 2;
            }
        },
    };
    let wanted = |c: &Connection| focus.is_none_or(|e| c.src == e || c.dst == e);
    // Text and JSON are written as the listing is computed: a listing of millions of pairs
    // is never held whole. A matrix needs every cell first.
    let mut out = Chunks::default();
    match args.format {
        ReachFormat::Text => {
            let mut host = vec![false; model.workloads.len()];
            model.reach_each(|c| {
                if wanted(&c) {
                    for e in [c.src, c.dst] {
                        if let Endpoint::Workload(i) = e
                            && let Some(h) = host.get_mut(i)
                        {
                            *h = model.pods(i).host_network;
                        }
                    }
                    out.push(&render::line(&model, &c, lang));
                    out.push("\n");
                }
            });
            for (i, _) in host.iter().enumerate().filter(|(_, h)| **h) {
                out.push(&render::host_network_note(&model, Endpoint::Workload(i), lang));
                out.push("\n");
            }
        }
        ReachFormat::Json => {
            let mut array = render::JsonArray::default();
            model.reach_each(|c| {
                if wanted(&c) {
                    let mut text = String::new();
                    array.push(&mut text, &render::json_item(&model, &c));
                    out.push(&text);
                }
            });
            let mut text = String::new();
            array.finish(&mut text);
            out.push(&text);
        }
        ReachFormat::Matrix => {
            let mut conns = model.reach();
            conns.retain(|c| wanted(c));
            out.push(&render::matrix(&model, &conns, lang));
        }
    }
    if out.finish() { 0 } else { 2 }
}

/// Standard output written in pieces of about 64 KiB; after a failed write the rest is dropped.
#[derive(Default)]
struct Chunks {
    buffer: String,
    failed: bool,
}

impl Chunks {
    fn push(&mut self, text: &str) {
        self.buffer.push_str(text);
        if self.buffer.len() >= 1 << 16 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.failed && !self.buffer.is_empty() && !super::print_stdout(&self.buffer) {
            self.failed = true;
        }
        self.buffer.clear();
    }

    /// Writes what is left; whether everything was written.
    fn finish(mut self) -> bool {
        self.flush();
        !self.failed
    }
}

fn explain_cmd(args: &ExplainArgs) -> i32 {
    let paths = if args.files.is_empty() { vec![".".to_string()] } else { args.files.clone() };
    let lang = super::lang();
    // Checked before anything is read; a path given where the port goes is named as such.
    let port = match args.port.as_deref().map(|p| explain::parse_port(p, lang)).transpose() {
        Ok(p) => p,
        Err(m) => {
            let given = args.port.as_deref().unwrap_or_default();
            if std::path::Path::new(given).exists() {
                super::error(crate::t!(lang, "netpol-port-is-path", message = m, path = given));
            } else {
                super::error(m);
            }
            return 2;
        }
    };
    let Some((set, model)) = load_model(&paths, &args.input) else { return 2 };
    let ends = explain::resolve(&model, &args.src, lang)
        .and_then(|s| Ok((s, explain::resolve(&model, &args.dst, lang)?)));
    match ends {
        Ok((src, dst)) => {
            if !super::print_stdout(&explain::explain(&model, &set, src, dst, port, lang)) {
                return 2;
            }
            i32::from(!explain::is_allowed(&model, src, dst, port))
        }
        Err(m) => {
            super::error(m);
            2
        }
    }
}

/// Reads inputs as every command does; input errors are printed and stop the command (a
/// reachability answer computed without one of the policies could be wrong either way). Invalid
/// policies are ignored with a warning naming where they are wrong.
fn load_model(paths: &[String], input: &InputArgs) -> Option<(ObjectSet, Arc<Model>)> {
    let inputs = match input.load(paths) {
        Ok(i) => i,
        Err(messages) => {
            for m in messages {
                super::error(m);
            }
            return None;
        }
    };
    if !inputs.errors.is_empty() {
        for e in &inputs.errors {
            super::error(e.to_string_in(super::lang()));
        }
        return None;
    }
    let set = inputs.set;
    let model = Model::of(&set);
    for bad in &model.invalid {
        let Some(o) = set.get(bad.object) else { continue };
        let at = o.origin.as_ref().map_or_else(String::new, |or| {
            let p = or.file.position(o.locate(&bad.path).span.start);
            format!("{}:{}:{}: ", or.file.display, p.line, p.column)
        });
        let lang = super::lang();
        let why = bad.message.render(lang);
        let object = o.object_ref().to_string();
        let path = bad.path.to_string();
        let text = crate::t!(lang, "netpol-policy-ignored", object = object, why = why, path = path);
        super::warning(format!("{at}{text}"));
    }
    Some((set, model))
}
