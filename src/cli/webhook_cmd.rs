//! `ladrillo webhook`: the validating admission webhook server, its manifests and certificates.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::generate::webhook_manifests::{self, Params};
use crate::settings::{Config, WebhookMode};
use crate::webhook::connection::{self, Limits};
use crate::webhook::decision::NamespaceLabels;
use crate::webhook::metrics::Metrics;
use crate::webhook::server::{self, AppState, Certificate, Current};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct WebhookArgs {
    #[command(subcommand)]
    pub command: Option<WebhookCommand>,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Print the manifests that deploy the webhook (Deployment, Service, RBAC, NetworkPolicies,
    /// PDB, HPA, certificates and the ValidatingWebhookConfiguration).
    Manifests(ManifestArgs),
    /// Create a CA and a serving certificate for the webhook's Service, for clusters without
    /// cert-manager.
    Certs(CertArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Serving certificate chain (PEM); read again when the file changes.
    #[arg(long, value_name = "FILE", required = true)]
    pub tls_cert: Option<PathBuf>,
    /// Private key of the serving certificate (PEM).
    #[arg(long, value_name = "FILE", required = true)]
    pub tls_key: Option<PathBuf>,
    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR", default_value = "0.0.0.0:8443")]
    pub listen: SocketAddr,
    /// Config file: rule selection, severity overrides, waivers, `fail-on` and the `webhook`
    /// section (default: none, the default rules).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// What to do with findings in namespaces without a mode of their own.
    #[arg(long, value_name = "MODE", value_parser = ["enforce", "warn", "audit"])]
    pub mode: Option<String>,
    /// How often the certificate files are checked for a change, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = super::numbers::seconds)]
    pub cert_reload_interval: u64,
    /// Time allowed for a TLS handshake, for a request head (from its first byte) and for a
    /// request body, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = connection::READ_TIMEOUT, value_parser = super::numbers::seconds)]
    pub read_timeout: u64,
    /// Time allowed for a write to make progress, in seconds: a client that stops reading its
    /// answers is disconnected.
    #[arg(long, value_name = "SECONDS", default_value_t = connection::WRITE_TIMEOUT, value_parser = super::numbers::seconds)]
    pub write_timeout: u64,
    /// Time a keep-alive connection may stay without a request, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = connection::IDLE_TIMEOUT, value_parser = super::numbers::seconds)]
    pub idle_timeout: u64,
    /// Connections open at once; at the cap, idle ones are closed to make room and new ones
    /// wait until one closes.
    #[arg(long, value_name = "N", default_value_t = connection::MAX_CONNECTIONS, value_parser = super::numbers::connections)]
    pub max_connections: u32,
    /// Do not watch Namespaces (no API server access): every namespace is judged without its
    /// labels, at the config's target Pod Security level and the default mode.
    #[arg(long)]
    pub no_namespace_watch: bool,
    /// Allow every review without running a rule (the floor of bench/webhook.sh).
    #[arg(long, hide = true)]
    pub always_allow: bool,
}

#[derive(Debug, Args)]
pub struct ManifestArgs {
    /// Namespace of the webhook (excluded from its own checks).
    #[arg(long, default_value = webhook_manifests::NAMESPACE)]
    pub namespace: String,
    /// The ladrillo image to run.
    #[arg(long, default_value = webhook_manifests::IMAGE)]
    pub image: String,
    /// No cert-manager: the serving certificate comes from `ladrillo webhook certs`.
    #[arg(long)]
    pub no_cert_manager: bool,
    /// The mode of namespaces without one of their own.
    #[arg(long, default_value = "warn", value_parser = ["enforce", "warn", "audit"])]
    pub mode: String,
}

#[derive(Debug, Args)]
pub struct CertArgs {
    /// Directory to write ca.crt, ca.key, tls.crt and tls.key to (created; existing files are
    /// never overwritten).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Namespace of the webhook's Service.
    #[arg(long, default_value = webhook_manifests::NAMESPACE)]
    pub namespace: String,
}

pub fn run(args: &WebhookArgs) -> i32 {
    match &args.command {
        Some(WebhookCommand::Manifests(m)) => manifests(m),
        Some(WebhookCommand::Certs(c)) => certs(c),
        None => serve(&args.serve),
    }
}

fn manifests(args: &ManifestArgs) -> i32 {
    let params = Params {
        namespace: args.namespace.clone(),
        image: args.image.clone(),
        cert_manager: !args.no_cert_manager,
        mode: args.mode.clone(),
    };
    if super::print_stdout(&webhook_manifests::yaml(&params, super::lang())) { 0 } else { 2 }
}

fn certs(args: &CertArgs) -> i32 {
    let names = crate::webhook::certs::service_names(webhook_manifests::NAME, &args.namespace);
    let bundle =
        match crate::webhook::certs::generate(&names, webhook_manifests::NAME, jiff::Timestamp::now()) {
            Ok(b) => b,
            Err(e) => {
                super::error(e);
                return 2;
            }
        };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        super::error(crate::t!(
            super::lang(),
            "cannot-write",
            what = args.out.display().to_string(),
            reason = crate::i18n::io_reason(super::lang(), &e)
        ));
        return 2;
    }
    let files = [
        ("ca.crt", &bundle.ca_cert),
        ("ca.key", &bundle.ca_key),
        ("tls.crt", &bundle.cert),
        ("tls.key", &bundle.key),
    ];
    // Refuse before writing anything: never overwrite a user's file, never leave half a set.
    for (name, _) in files {
        let path = args.out.join(name);
        if path.exists() {
            super::error(crate::t!(super::lang(), "webhook-file-exists", path = path.display().to_string()));
            return 2;
        }
    }
    for (name, text) in files {
        if let Err(e) = write_new(&args.out.join(name), text, name.ends_with(".key")) {
            super::error(crate::t!(
                super::lang(),
                "cannot-write",
                what = args.out.join(name).display().to_string(),
                reason = crate::i18n::io_reason(super::lang(), &e)
            ));
            return 2;
        }
    }
    let out = args.out.display().to_string();
    let text = crate::t!(
        super::lang(),
        "webhook-certs-written",
        dir = out.clone(),
        namespace = args.namespace.clone(),
        secret = webhook_manifests::TLS_SECRET,
        names = names.join(", ")
    );
    if super::print_stdout(&format!("{text}\n")) { 0 } else { 2 }
}

/// Creates a file that must not exist; private keys are readable by their owner only.
fn write_new(path: &Path, text: &str, private: bool) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(if private { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)?.write_all(text.as_bytes())
}

/// The webhook of a config, built once (with the rule set it runs) and kept as the server's
/// webhook of the day; none, said, when it would run no rule, since it would admit anything.
fn webhook(config: Config, mode: Option<WebhookMode>) -> Option<(Current, Arc<crate::webhook::Webhook>)> {
    let current = Current::new(config, mode, super::lang());
    let built = current.get();
    if built.settings.rules.is_empty() {
        super::error(crate::t!(super::lang(), "webhook-no-rule-selected"));
        return None;
    }
    Some((current, built))
}

fn serve(args: &ServeArgs) -> i32 {
    let (Some(cert), Some(key)) = (&args.tls_cert, &args.tls_key) else { return 2 };
    let config = match &args.config {
        None => Config::default(),
        Some(p) => match Config::load_in(p, super::lang()) {
            Ok(c) => {
                super::config_warnings(&c);
                c
            }
            Err(errors) => {
                for e in errors {
                    super::error(e.to_string_in(super::lang()));
                }
                return 2;
            }
        },
    };
    let mode = args.mode.as_deref().map(WebhookMode::parse).transpose().unwrap_or_default();
    let Some((webhook, built)) = webhook(config, mode) else { return 2 };
    let options = server::Options {
        cert: cert.clone(),
        key: key.clone(),
        reload_every: Duration::from_secs(args.cert_reload_interval),
    };
    let limits = Limits {
        read_timeout: Duration::from_secs(args.read_timeout),
        write_timeout: Duration::from_secs(args.write_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        max_connections: args.max_connections as usize,
    };
    let certificate = match Certificate::load(&options) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            super::error(crate::t!(super::lang(), "webhook-cannot-load-certificate", reason = e));
            return 2;
        }
    };
    server::init_logs();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            super::error(e);
            return 2;
        }
    };
    runtime.block_on(async move {
        let (namespaces, ready): (
            Arc<dyn NamespaceLabels + Send + Sync>,
            Arc<dyn Fn() -> bool + Send + Sync>,
        ) = if args.no_namespace_watch {
            (Arc::new(std::collections::HashMap::<String, Vec<(String, String)>>::new()), Arc::new(|| true))
        } else {
            match crate::webhook::namespaces::Watched::start().await {
                Ok(w) => {
                    let probe = w.clone();
                    (Arc::new(w), Arc::new(move || probe.ready()))
                }
                Err(e) => {
                    super::error(crate::t!(super::lang(), "webhook-cannot-watch", reason = e));
                    return 2;
                }
            }
        };
        if !built.scan_only.is_empty() {
            tracing::warn!(
                rules = built.scan_only.join(","),
                "selected rules that are scan-only are not run at admission"
            );
        }
        let metrics = Arc::new(Metrics::new());
        let state = Arc::new(AppState {
            webhook,
            namespaces,
            metrics: Arc::clone(&metrics),
            ready,
            always_allow: args.always_allow,
            read_timeout: limits.read_timeout,
        });
        let listener = match server::bind(args.listen).await {
            Ok(l) => l,
            Err(e) => {
                super::error(crate::t!(
                    super::lang(),
                    "webhook-cannot-listen",
                    address = args.listen.to_string(),
                    reason = crate::i18n::io_reason(super::lang(), &e)
                ));
                return 2;
            }
        };
        let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
        tracing::info!(address, "listening");
        tokio::spawn(server::reload_loop(
            Arc::clone(&certificate),
            options.reload_every,
            Arc::clone(&metrics),
        ));
        let app = server::router(state);
        match server::serve(listener, certificate, app, limits, metrics, server::terminated()).await {
            Ok(()) => 0,
            Err(e) => {
                super::error(e);
                1
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> usize {
        crate::webhook::BUILT.with(std::cell::Cell::get)
    }

    /// The rule set was built once for the "no rule selected" check, again for the server's
    /// webhook, and a third time for the scan-only rules it skips: once now.
    #[test]
    fn the_webhook_is_built_once_at_start_up() {
        let config = |text: &str| {
            Config::parse(
                &crate::source::from_bytes(".ladrillo.yaml".into(), None, text.as_bytes().to_vec()).unwrap(),
            )
            .unwrap()
        };
        let before = built();
        let (current, first) = webhook(config("select: [POD001, EKS001]\n"), None).unwrap();
        assert_eq!(built() - before, 1);
        assert!(Arc::ptr_eq(&current.get(), &first));
        assert_eq!(built() - before, 1);
        assert_eq!(first.scan_only, ["EKS001"]);
        assert_eq!(first.settings.rules.iter().map(|r| r.meta().code).collect::<Vec<_>>(), ["POD001"]);
        // Only scan-only rules: refused, after the same one build.
        let before = built();
        assert!(webhook(config("select: [EKS001]\n"), None).is_none());
        assert_eq!(built() - before, 1);
    }
}
