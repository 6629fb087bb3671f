//! `ladrillo webhook`: the validating admission webhook server.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use crate::settings::{Config, WebhookMode};
use crate::webhook::server::{self, AppState, Certificate, Current};

#[derive(Debug, Args)]
pub struct WebhookArgs {
    /// Serving certificate chain (PEM); read again when the file changes.
    #[arg(long, value_name = "FILE")]
    pub tls_cert: PathBuf,
    /// Private key of the serving certificate (PEM).
    #[arg(long, value_name = "FILE")]
    pub tls_key: PathBuf,
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
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub cert_reload_interval: u64,
}

pub fn run(args: &WebhookArgs) -> i32 {
    let config = match &args.config {
        None => Config::default(),
        Some(p) => match Config::load(p) {
            Ok(c) => c,
            Err(errors) => {
                for e in errors {
                    super::error(e);
                }
                return 2;
            }
        },
    };
    let mode = args.mode.as_deref().map(WebhookMode::parse).transpose().unwrap_or_default();
    let options = server::Options {
        cert: args.tls_cert.clone(),
        key: args.tls_key.clone(),
        reload_every: Duration::from_secs(args.cert_reload_interval),
    };
    let certificate = match Certificate::load(&options) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            super::error(crate::t!(super::lang(), "webhook-cannot-load-certificate", reason = e));
            return 2;
        }
    };
    crate::webhook::server::init_logs();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            super::error(e);
            return 2;
        }
    };
    let namespaces = Arc::new(std::collections::HashMap::<String, Vec<(String, String)>>::new());
    let state = Arc::new(AppState { webhook: Current::new(config, mode, super::lang()), namespaces });
    runtime.block_on(async move {
        let listener = match server::bind(args.listen).await {
            Ok(l) => l,
            Err(e) => {
                super::error(crate::t!(
                    super::lang(),
                    "webhook-cannot-listen",
                    address = args.listen.to_string(),
                    reason = e.to_string()
                ));
                return 2;
            }
        };
        let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
        tracing::info!(address, "listening");
        tokio::spawn(server::reload_loop(Arc::clone(&certificate), options.reload_every));
        match server::serve(listener, certificate, server::router(state), server::terminated()).await {
            Ok(()) => 0,
            Err(e) => {
                super::error(e);
                1
            }
        }
    })
}
