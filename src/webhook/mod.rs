//! `ladrillo webhook`: a validating admission webhook that runs the scan's rules on each object
//! the API server is about to write. [`decision`] is the pure part (review in, response out);
//! [`scope`] says which rules can judge one object; [`server`] is the HTTPS server around them.

pub mod certs;
pub mod connection;
pub mod decision;
pub mod metrics;
pub mod namespaces;
pub mod review;
pub mod scope;
pub mod server;

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::scan::ScanSettings;
use crate::settings::{Config, WebhookMode};

pub use decision::{Decision, NamespaceLabels, Verdict, Webhook};

#[cfg(test)]
thread_local! {
    /// How many webhooks this thread built: the server builds one at start-up.
    pub(crate) static BUILT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Webhook {
    /// The webhook of a config: its rule selection (less the scan-only rules), severity
    /// overrides, waivers and `fail-on`, and its `webhook` section; `mode` (`--mode`) wins over
    /// the section's default mode.
    #[must_use]
    pub fn new(config: Config, mode: Option<WebhookMode>, today: Date, lang: Lang) -> Self {
        let section = config.webhook.clone();
        #[cfg(test)]
        BUILT.with(|b| b.set(b.get() + 1));
        let mut settings = ScanSettings::new(config, &[], &[], today);
        let (admission, scan_only) = settings.rules.into_iter().partition(|r| scope::at_admission(*r));
        settings.rules = admission;
        let scan_only = scan_only.iter().map(|r| r.meta().code).collect();
        settings.options.selected_rules = settings.rules.iter().map(|r| r.meta().name).collect();
        // A review holds one object (two on UPDATE): it is judged on the thread that received
        // it, never handed to rayon's pool and waited for.
        settings.parallel = false;
        // Its answer quotes messages and field paths: no fingerprints, no masks for excerpts.
        settings.report_data = false;
        Self {
            settings,
            scan_only,
            mode: mode.or(section.mode).unwrap_or_default(),
            exempt: section.exempt_namespaces,
            namespace_modes: section.namespaces,
            lang,
        }
    }
}
