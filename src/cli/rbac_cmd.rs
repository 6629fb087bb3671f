//! `ladrillo rbac`: who can do what, whether a subject can, and a subject's effective rules,
//! answered offline from manifests (plus the cluster's default roles and aws-auth mappings).

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::input_args::InputArgs;
use crate::analysis::rbac::query::{self, Asked, Where, WhoCan, parse_request, parse_request_in};
use crate::analysis::rbac::{Graph, Identity, Mark, identity};
use crate::i18n::Lang;
use crate::model::ObjectSet;

#[derive(Debug, Args)]
pub struct RbacArgs {
    #[command(subcommand)]
    pub command: RbacCommand,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RbacFormat {
    #[default]
    Text,
    Json,
}

/// Options shared by every `rbac` question.
#[derive(Debug, Args)]
pub struct Common {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t)]
    pub format: RbacFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Subcommand)]
pub enum RbacCommand {
    /// List the subjects that can make a request, with the binding and role that grant it.
    WhoCan {
        /// Verb: get, list, create, update, patch, delete, bind, escalate, impersonate, …
        verb: String,
        /// RESOURCE[/SUBRESOURCE]: `pods/exec`, `deployments.apps`, `/metrics`.
        resource: String,
        /// Files, directories or `-` for stdin.
        #[arg(required_unless_present = "cluster", conflicts_with = "cluster")]
        paths: Vec<String>,
        /// Object name (matters for rules with resourceNames).
        #[arg(long)]
        name: Option<String>,
        /// Namespace of the request (default: any namespace).
        #[arg(short, long)]
        namespace: Option<String>,
        /// Also list the members of each group that can: the ServiceAccounts of the input in
        /// `system:serviceaccounts`, `system:serviceaccounts:NAMESPACE` and
        /// `system:authenticated` (IAM principals mapped into a group are always listed).
        #[arg(long)]
        expand_groups: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Answer whether a subject can make a request, and why. Exits 0 for yes, 1 for no.
    CanI {
        /// User:NAME, Group:NAME, ServiceAccount:NAMESPACE/NAME, or an IAM ARN mapped in aws-auth.
        subject: String,
        /// Verb: get, list, create, update, patch, delete, bind, escalate, impersonate, …
        verb: String,
        /// RESOURCE[/SUBRESOURCE]: `pods/exec`, `deployments.apps`, `/metrics`.
        resource: String,
        /// Files, directories or `-` for stdin.
        #[arg(required_unless_present = "cluster", conflicts_with = "cluster")]
        paths: Vec<String>,
        /// Object name (matters for rules with resourceNames).
        #[arg(long)]
        name: Option<String>,
        /// Namespace of the request (default: cluster-wide, i.e. every namespace).
        #[arg(short, long)]
        namespace: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// List a subject's effective rules, each with its role and binding.
    Rules {
        /// User:NAME, Group:NAME, ServiceAccount:NAMESPACE/NAME, or an IAM ARN mapped in aws-auth.
        subject: String,
        /// Files, directories or `-` for stdin.
        #[arg(required_unless_present = "cluster", conflicts_with = "cluster")]
        paths: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
}

pub fn run(args: &RbacArgs) -> i32 {
    match answer(&args.command) {
        Ok((text, code)) => {
            if super::print_stdout(&text) {
                code
            } else {
                2
            }
        }
        Err(messages) => {
            for m in messages {
                super::error(m);
            }
            2
        }
    }
}

/// Reads the inputs as every command does. Any input error stops the command: an answer
/// computed without one of the files (a binding, a role) could be wrong either way.
fn load_set(paths: &[String], input: &InputArgs) -> Result<ObjectSet, Vec<String>> {
    let inputs = input.load(paths)?;
    if !inputs.errors.is_empty() {
        return Err(inputs.errors.iter().map(|e| e.to_string_in(super::lang())).collect());
    }
    Ok(inputs.set)
}

fn resolve_subject(graph: &Graph, text: &str) -> Result<(String, Identity), String> {
    if text.starts_with("arn:") {
        return graph
            .identity_of_arn(text)
            .map(|(id, source)| {
                (
                    crate::t!(super::lang(), "rbac-mapped-by", principal = text, source = source.to_string()),
                    id,
                )
            })
            .ok_or_else(|| crate::t!(super::lang(), "rbac-arn-not-mapped", principal = text));
    }
    let subject = identity::parse_subject_in(text, super::lang())?;
    Ok((subject.to_string(), graph.identity_of(&subject)))
}

/// Verbs of the Kubernetes API and its built-in authorizers. Others are legal (webhooks and
/// aggregated APIs define their own) but are most often typos, so they get a warning.
const KNOWN_VERBS: &[&str] = &[
    "get",
    "list",
    "watch",
    "create",
    "update",
    "patch",
    "delete",
    "deletecollection",
    "bind",
    "escalate",
    "impersonate",
    "approve",
    "sign",
    "attest",
    "use",
    "proxy",
    "*",
    // Non-resource URLs take the HTTP verbs.
    "post",
    "put",
    "head",
    "options",
];

fn warn_unknown_verb(verb: &str) {
    if !KNOWN_VERBS.contains(&verb) {
        super::warning(crate::t!(super::lang(), "rbac-unknown-verb", verb = verb));
    }
}

fn answer(command: &RbacCommand) -> Result<(String, i32), Vec<String>> {
    if let RbacCommand::WhoCan { verb, resource, name, namespace, .. }
    | RbacCommand::CanI { verb, resource, name, namespace, .. } = command
    {
        // A question the command line cannot ask is refused before reading anything; a
        // resource that is not built-in may still be one the input's roles name.
        if let Err(e) = parse_request(verb, resource, name.as_deref(), namespace.as_deref())
            && !(query::may_name_input_resource(resource)
                && query::check_words(verb, name.as_deref(), namespace.as_deref()).is_ok())
        {
            return Err(vec![e.render(super::lang())]);
        }
        warn_unknown_verb(verb);
    }
    match command {
        RbacCommand::WhoCan { verb, resource, paths, name, namespace, expand_groups, common } => {
            let set = load_set(paths, &common.input)?;
            let graph = Graph::of(&set);
            let asked = parse_request_in(&graph, &set, verb, resource, name.as_deref(), namespace.as_deref())
                .map_err(|e| vec![e.render(super::lang())])?;
            let mut entries: Vec<WhoCan> =
                asked.requests.iter().flat_map(|r| graph.who_can(r, &asked.at)).collect();
            if *expand_groups {
                entries = expand(&graph, entries);
            }
            entries.sort_by(|a, b| {
                (&a.kind, &a.namespace, &a.name, &a.binding).cmp(&(
                    &b.kind,
                    &b.namespace,
                    &b.name,
                    &b.binding,
                ))
            });
            entries.dedup();
            if common.format == RbacFormat::Json {
                let v = json!({
                    "request": request_text(&asked, Lang::En),
                    "where": where_text(&asked.at, Lang::En),
                    "matchedGroups": asked.matched_groups,
                    "subjects": entries,
                });
                return Ok((format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()), 0));
            }
            let lang = super::lang();
            let (request, place) = (request_text(&asked, lang), where_text(&asked.at, lang));
            let mut out = matched_text(&asked);
            if entries.is_empty() {
                out.push_str(&crate::t!(lang, "rbac-nobody-can", request = &request, place = &place));
                out.push('\n');
                return Ok((out, 0));
            }
            out.push_str(&crate::t!(lang, "rbac-who-can", request = request, place = place));
            out.push('\n');
            for e in &entries {
                let who = match &e.namespace {
                    Some(ns) => format!("{} {ns}/{}", e.kind, e.name),
                    None => format!("{} {}", e.kind, e.name),
                };
                let [binding, role, origin] = e.marks;
                let from = e.rule_from.as_deref().map(|f| Mark::render(origin, f, lang));
                let from = aggregated(from.as_deref(), lang);
                out.push_str(&format!(
                    "  {who}  {}  {} → {}{from}: {}\n",
                    scope_text(&e.scope, lang),
                    Mark::render(binding, &e.binding, lang),
                    Mark::render(role, &e.role, lang),
                    e.rule.describe()
                ));
                if let Some(via) = &e.via {
                    out.push_str(&format!("      {}\n", crate::t!(lang, "rbac-via", via = via)));
                }
            }
            Ok((out, 0))
        }
        RbacCommand::CanI { subject, verb, resource, paths, name, namespace, common } => {
            let set = load_set(paths, &common.input)?;
            let graph = Graph::of(&set);
            let asked = parse_request_in(&graph, &set, verb, resource, name.as_deref(), namespace.as_deref())
                .map_err(|e| vec![e.render(super::lang())])?;
            let at = asked.at.clone();
            let (label, id) = resolve_subject(&graph, subject).map_err(|e| vec![e])?;
            // Without a namespace, "can" means everywhere: only cluster-wide grants count, and the
            // namespaces where it is allowed are listed.
            let strict = if at == Where::Anywhere { Where::Cluster } else { at.clone() };
            let allowed_at = |w: &Where| -> Vec<_> {
                asked
                    .requests
                    .iter()
                    .flat_map(|r| graph.allowed(&id, r, w, crate::analysis::rbac::Names::Exact))
                    .collect()
            };
            let grants = allowed_at(&strict);
            let elsewhere: Vec<String> = if at == Where::Anywhere && grants.is_empty() {
                let mut ns: Vec<String> = allowed_at(&Where::Anywhere)
                    .iter()
                    .filter_map(|g| match &g.scope {
                        crate::analysis::rbac::Scope::Namespace(n) => Some(n.clone()),
                        crate::analysis::rbac::Scope::Cluster => None,
                    })
                    .collect();
                ns.sort();
                ns.dedup();
                ns
            } else {
                Vec::new()
            };
            let allowed = !grants.is_empty();
            let reasons: Vec<serde_json::Value> = grants
                .iter()
                .map(|g| {
                    let b = graph.binding(g.binding);
                    json!({
                        "scope": g.scope,
                        "binding": b.to_string(),
                        "role": graph.role_of(b).map(ToString::to_string),
                        "ruleFrom": graph.rule_origin(b, g.rule),
                        "rule": graph.rule(g.rule),
                    })
                })
                .collect();
            let code = i32::from(!allowed);
            if common.format == RbacFormat::Json {
                let v = json!({
                    "subject": label,
                    "user": id.user,
                    "groups": id.groups,
                    "request": request_text(&asked, Lang::En),
                    "matchedGroups": asked.matched_groups,
                    "where": where_text(&strict, Lang::En),
                    "allowed": allowed,
                    "grants": reasons,
                    "allowedInNamespaces": elsewhere,
                });
                return Ok((format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()), code));
            }
            let lang = super::lang();
            let mut out = matched_text(&asked);
            out.push_str(&crate::t!(
                lang,
                if allowed { "rbac-can-i-yes" } else { "rbac-can-i-no" },
                subject = label,
                request = request_text(&asked, lang),
                place = where_text(&strict, lang)
            ));
            out.push('\n');
            for g in &grants {
                let b = graph.binding(g.binding);
                let role = graph
                    .role_of(b)
                    .map(|r| Mark::render(r.mark(), &r.to_string(), lang))
                    .unwrap_or_default();
                let binding = Mark::render(b.mark(), &b.to_string(), lang);
                out.push_str(&format!("  {binding} → {role}: {}\n", graph.rule(g.rule).describe()));
            }
            if !elsewhere.is_empty() {
                let namespaces = elsewhere.join(", ");
                out.push_str(&format!(
                    "  {}\n",
                    crate::t!(lang, "rbac-allowed-only-in", namespaces = namespaces)
                ));
            }
            if !allowed {
                let user = id.user.clone().unwrap_or_else(|| crate::i18n::text(lang, "rbac-any-member"));
                let identity = crate::t!(lang, "rbac-identity", user = user, groups = id.groups.join(", "));
                out.push_str(&format!("  {identity}\n"));
            }
            Ok((out, code))
        }
        RbacCommand::Rules { subject, paths, common } => {
            let set = load_set(paths, &common.input)?;
            let graph = Graph::of(&set);
            let (label, id) = resolve_subject(&graph, subject).map_err(|e| vec![e])?;
            let rules = graph.rules_of(&id);
            if common.format == RbacFormat::Json {
                let v = json!({ "subject": label, "user": id.user, "groups": id.groups, "rules": rules });
                return Ok((format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()), 0));
            }
            let lang = super::lang();
            let user = id.user.clone().unwrap_or_else(|| crate::i18n::text(lang, "rbac-any-member"));
            let mut out = crate::t!(
                lang,
                "rbac-rules-of",
                subject = label,
                user = user,
                groups = id.groups.join(", "),
                count = rules.len()
            );
            out.push('\n');
            for r in &rules {
                let [binding, role, origin] = r.marks;
                let from = r.rule_from.as_deref().map(|f| Mark::render(origin, f, lang));
                let from = aggregated(from.as_deref(), lang);
                out.push_str(&format!(
                    "  {}  {}  {} → {}{from}\n",
                    r.rule.describe(),
                    scope_text(&r.scope, lang),
                    Mark::render(binding, &r.binding, lang),
                    Mark::render(role, &r.role, lang)
                ));
            }
            Ok((out, 0))
        }
    }
}

/// Where a request is asked, in a language (JSON keeps English).
fn where_text(at: &Where, lang: Lang) -> String {
    match at {
        Where::Namespace(ns) => crate::t!(lang, "rbac-in-namespace", namespace = ns),
        Where::Cluster => crate::i18n::text(lang, "rbac-cluster-wide"),
        Where::Anywhere => crate::i18n::text(lang, "rbac-in-any-namespace"),
    }
}

/// Where a grant applies, in a language.
fn scope_text(scope: &crate::analysis::rbac::Scope, lang: Lang) -> String {
    match scope {
        crate::analysis::rbac::Scope::Namespace(ns) => crate::t!(lang, "rbac-in-namespace", namespace = ns),
        crate::analysis::rbac::Scope::Cluster => crate::i18n::text(lang, "rbac-cluster-wide"),
    }
}

/// ` (aggregated from <role>)` when a rule comes from an aggregated ClusterRole.
fn aggregated(from: Option<&str>, lang: Lang) -> String {
    from.map(|f| crate::t!(lang, "rbac-aggregated-from", origin = f)).unwrap_or_default()
}

/// The request as asked: `create gateways.gateway.networking.k8s.io`, or with every group a
/// resource named without one was matched in, `create gateways.{a.example,b.example}`; verbs,
/// resources and names stay as written, the words around them are the reader's.
fn request_text(asked: &Asked, lang: Lang) -> String {
    let one = |r: &crate::analysis::rbac::Request| -> String {
        let mut bare = r.clone();
        let name = match &mut bare.target {
            crate::analysis::rbac::Target::Resource { name, .. } => name.take(),
            crate::analysis::rbac::Target::NonResource(_) => None,
        };
        match name {
            Some(n) => crate::t!(lang, "rbac-request-named", request = bare.to_string(), name = n),
            None => bare.to_string(),
        }
    };
    let texts: Vec<String> = asked.requests.iter().map(one).collect();
    match texts.as_slice() {
        [one] => one.clone(),
        many => many.join(&format!(" {} ", crate::i18n::text(lang, "rbac-or"))),
    }
}

/// Which API groups a resource named without one was matched in, and from what.
fn matched_text(asked: &Asked) -> String {
    if asked.matched_groups.is_empty() {
        return String::new();
    }
    let groups = asked.matched_groups.join(", ");
    let count = asked.matched_groups.len();
    format!("{}\n", crate::t!(super::lang(), "rbac-matched-groups", count = count, groups = groups))
}

/// Adds, for each group that can, the input's ServiceAccounts in it (`--expand-groups`).
fn expand(graph: &Graph, entries: Vec<WhoCan>) -> Vec<WhoCan> {
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        if e.kind == "Group" {
            for sa in graph.service_accounts_in(&e.name) {
                out.push(WhoCan {
                    kind: "ServiceAccount".into(),
                    name: sa.name.clone(),
                    namespace: Some(sa.namespace.clone()),
                    via: Some(crate::t!(super::lang(), "rbac-group-member", group = e.name.as_str())),
                    ..e.clone()
                });
            }
        }
        out.push(e);
    }
    out
}
