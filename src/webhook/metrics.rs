//! Prometheus metrics of the webhook (`GET /metrics`, text exposition format): reviews by
//! operation and verdict, the time to answer them, denials by rule, certificate reloads, and the
//! connections: open, closed by a limit, and waits at the connection cap.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::decision::Decision;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReviewLabels {
    operation: String,
    verdict: String,
    dry_run: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RuleLabels {
    rule: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: String,
}

/// The webhook's metrics and their registry.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    reviews: Family<ReviewLabels, Counter>,
    denials: Family<RuleLabels, Counter>,
    duration: Histogram,
    reloads: Counter,
    connections: Gauge,
    closed: Family<ReasonLabels, Counter>,
    at_capacity: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    #[must_use]
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("ladrillo_webhook");
        let reviews = Family::<ReviewLabels, Counter>::default();
        let denials = Family::<RuleLabels, Counter>::default();
        // 50 µs to about 1.6 s.
        let duration = Histogram::new(exponential_buckets(0.000_05, 2.0, 16));
        let reloads = Counter::default();
        registry.register("reviews", "AdmissionReviews answered, by operation and verdict", reviews.clone());
        registry.register("denials", "Rules whose findings denied a request", denials.clone());
        registry.register(
            "review_duration_seconds",
            "Time from the request to its answer (body read, decision, response built)",
            duration.clone(),
        );
        registry.register(
            "certificate_reloads",
            "Serving certificates loaded after a file change",
            reloads.clone(),
        );
        let connections = Gauge::default();
        let closed = Family::<ReasonLabels, Counter>::default();
        let at_capacity = Counter::default();
        registry.register("connections", "Client connections open", connections.clone());
        registry.register(
            "connections_closed",
            "Client connections closed by the server's limits, by reason",
            closed.clone(),
        );
        registry.register(
            "connection_limit_waits",
            "Times a connection waited because --max-connections were open",
            at_capacity.clone(),
        );
        Self { registry, reviews, denials, duration, reloads, connections, closed, at_capacity }
    }

    /// Counts one answered review and the time it took.
    pub fn observe(&self, decision: &Decision, seconds: f64) {
        let labels = ReviewLabels {
            operation: if decision.operation.is_empty() {
                "unknown".into()
            } else {
                decision.operation.to_lowercase()
            },
            verdict: decision.verdict.as_str().into(),
            dry_run: decision.dry_run.to_string(),
        };
        self.reviews.get_or_create(&labels).inc();
        for rule in &decision.denied_by {
            self.denials.get_or_create(&RuleLabels { rule: (*rule).to_string() }).inc();
        }
        self.duration.observe(seconds);
    }

    /// Counts a request refused before a decision (too large, too slow).
    pub fn refused(&self, verdict: &str) {
        let labels =
            ReviewLabels { operation: "unknown".into(), verdict: verdict.into(), dry_run: "false".into() };
        self.reviews.get_or_create(&labels).inc();
    }

    pub fn certificate_reloaded(&self) {
        self.reloads.inc();
    }

    /// One more connection open; the guard counts it closed when dropped.
    #[must_use]
    pub fn connection_opened(&self) -> OpenConnection {
        self.connections.inc();
        OpenConnection(self.connections.clone())
    }

    /// A connection closed by a limit: `handshake-timeout`, `header-timeout`, `idle-timeout`,
    /// `write-timeout`, or `shed` (idle, closed to make room at the connection cap).
    pub fn connection_closed(&self, reason: &str) {
        self.closed.get_or_create(&ReasonLabels { reason: reason.into() }).inc();
    }

    /// The accept loop waited for a connection to close before accepting another.
    pub fn connection_limit_reached(&self) {
        self.at_capacity.inc();
    }

    /// The text exposition.
    #[must_use]
    pub fn encode(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// An open connection in the `connections` gauge, until dropped.
#[derive(Debug)]
pub struct OpenConnection(Gauge);

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.dec();
    }
}
