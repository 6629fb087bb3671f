//! `ladrillo netpol`: NetworkPolicy reachability (`reach`) and explanations (`explain`).

use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::analysis::netpol::{Endpoint, Model, explain, render};
use crate::document::SourceFile;
use crate::finding::InputError;
use crate::model::ObjectSet;
use crate::scan::load;
use crate::source;

#[derive(Debug, Args)]
pub struct NetpolArgs {
    #[command(subcommand)]
    pub command: NetpolCommand,
}

#[derive(Debug, Subcommand)]
pub enum NetpolCommand {
    /// List the connections NetworkPolicies allow between workloads and address ranges.
    Reach(ReachArgs),
    /// Name the policies and rules that allow or block traffic from SRC to DST.
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
    #[arg(default_value = ".")]
    pub paths: Vec<String>,
    #[arg(short, long, value_enum, default_value_t)]
    pub format: ReachFormat,
    /// Only connections from or to this workload (`namespace/name[Kind]`, `namespace/name` or `name`).
    #[arg(long, value_name = "WORKLOAD")]
    pub focus: Option<String>,
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
    #[arg(short = 'f', long = "file", value_name = "PATH")]
    pub files: Vec<String>,
}

pub fn run(args: &NetpolArgs) -> i32 {
    match &args.command {
        NetpolCommand::Reach(a) => reach(a),
        NetpolCommand::Explain(a) => explain_cmd(a),
    }
}

fn reach(args: &ReachArgs) -> i32 {
    let Some((_, model)) = load_model(&args.paths) else { return 2 };
    let mut conns = model.reach();
    if let Some(f) = &args.focus {
        match explain::resolve(&model, f) {
            Ok(e @ Endpoint::Workload(_)) => conns.retain(|c| c.src == e || c.dst == e),
            Ok(_) => {
                super::error(format!("--focus `{f}` must name a workload"));
                return 2;
            }
            Err(m) => {
                super::error(format!("--focus: {m}"));
                return 2;
            }
        }
    }
    let text = match args.format {
        ReachFormat::Text => render::text(&model, &conns),
        ReachFormat::Json => render::json(&model, &conns),
        ReachFormat::Matrix => render::matrix(&model, &conns),
    };
    if super::print_stdout(&text) { 0 } else { 2 }
}

fn explain_cmd(args: &ExplainArgs) -> i32 {
    let paths = if args.files.is_empty() { vec![".".to_string()] } else { args.files.clone() };
    let Some((set, model)) = load_model(&paths) else { return 2 };
    let port = match args.port.as_deref().map(explain::parse_port).transpose() {
        Ok(p) => p,
        Err(m) => {
            super::error(m);
            return 2;
        }
    };
    let ends =
        explain::resolve(&model, &args.src).and_then(|s| Ok((s, explain::resolve(&model, &args.dst)?)));
    match ends {
        Ok((src, dst)) => {
            if super::print_stdout(&explain::explain(&model, &set, src, dst, port)) {
                0
            } else {
                2
            }
        }
        Err(m) => {
            super::error(m);
            2
        }
    }
}

/// Reads inputs as the scan does; input errors are printed and stop the command. Invalid
/// policies are ignored with a warning naming where they are wrong.
fn load_model(paths: &[String]) -> Option<(ObjectSet, Model)> {
    let (set, errors) = load_set(paths);
    if !errors.is_empty() {
        for e in &errors {
            super::error(e);
        }
        return None;
    }
    let model = Model::build(&set);
    for bad in &model.invalid {
        let o = &set.objects[bad.object];
        let at = o.origin.as_ref().map_or_else(String::new, |or| {
            let p = or.file.position(o.locate(&bad.path).span.start);
            format!("{}:{}:{}: ", or.file.display, p.line, p.column)
        });
        eprintln!("warning: {at}{} is ignored: {} ({})", o.object_ref(), bad.message, bad.path);
    }
    Some((set, model))
}

fn load_set(paths: &[String]) -> (ObjectSet, Vec<InputError>) {
    let (inputs, mut errors) = source::discover(paths, &globset::GlobSet::empty());
    let files: Vec<Result<Arc<SourceFile>, InputError>> = inputs.par_iter().map(source::read).collect();
    let mut set = ObjectSet::default();
    for f in files {
        match f {
            Err(e) => errors.push(e),
            Ok(file) => {
                let l = load::load(&file);
                errors.extend(l.errors);
                for mut o in l.objects {
                    o.index = set.objects.len();
                    set.objects.push(o);
                }
            }
        }
    }
    (set, errors)
}
