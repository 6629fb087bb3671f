//! The detection engine: every event goes through the selected detections once, at its first
//! informative stage, within the time range; windowed detections keep bounded state keyed by
//! source or user. Alerts leave as soon as they are raised, so memory does not grow with the log.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};

use serde::Serialize;

use super::Detection;
use super::alert::{Alert, Loc};
use super::config::{AuditConfig, Threshold};
use super::event::Record;
use super::workload::{BodyScanner, Written};
use crate::finding::Severity;

/// Counts for the summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Inputs read (files, standard input).
    pub inputs: usize,
    /// Kubernetes audit events read.
    pub events: usize,
    /// CloudTrail events read.
    pub cloudtrail_events: usize,
    /// Events that went through the detections.
    pub analysed: usize,
    /// Events at stage `RequestReceived`, or a `ResponseComplete` already seen at `ResponseStarted`.
    pub repeated_stages: usize,
    /// Events outside `--since`/`--until`.
    pub outside_time_range: usize,
    /// CloudWatch log events of other log streams (authenticator, scheduler, …) and other text.
    pub other_log_events: usize,
    /// JSON records that are no audit event, envelope or CloudTrail event.
    pub other_records: usize,
    /// Records or lines that could not be read.
    pub malformed: usize,
    pub alerts: usize,
    /// Alerts about trusted users or namespaces (`audit-log` in `.ladrillo.yaml`), not shown.
    pub suppressed: usize,
    pub by_severity: BTreeMap<&'static str, usize>,
    /// Per detection, the events it could not evaluate because the audit policy logged them
    /// without the request body it needs.
    pub not_evaluated: BTreeMap<&'static str, usize>,
}

/// A window of event time per key: how many events fell into it.
#[derive(Debug, Default)]
pub struct Burst {
    hits: HashMap<String, VecDeque<i64>>,
}

impl Burst {
    /// Records an event for `key` at `t` (milliseconds); returns the count when it reaches the
    /// threshold within the window, and then starts counting again.
    pub fn hit(&mut self, key: &str, t: i64, th: Threshold) -> Option<usize> {
        sweep(&mut self.hits, t, th.window_ms, |q| q.back().copied());
        let q = self.hits.entry(key.to_string()).or_default();
        q.push_back(t);
        while q.front().is_some_and(|&f| f < t - th.window_ms) {
            q.pop_front();
        }
        (q.len() >= th.count).then(|| {
            let n = q.len();
            q.clear();
            n
        })
    }
}

/// Like [`Burst`], counting distinct items (secret names) per key.
#[derive(Debug, Default)]
pub struct Distinct {
    hits: HashMap<String, VecDeque<(i64, u64)>>,
}

impl Distinct {
    pub fn hit(&mut self, key: &str, item: &str, t: i64, th: Threshold) -> Option<usize> {
        sweep(&mut self.hits, t, th.window_ms, |q| q.back().map(|(t, _)| *t));
        let id = hash(item);
        let q = self.hits.entry(key.to_string()).or_default();
        while q.front().is_some_and(|&(f, _)| f < t - th.window_ms) {
            q.pop_front();
        }
        if let Some(pos) = q.iter().position(|&(_, i)| i == id) {
            q.remove(pos);
        }
        q.push_back((t, id));
        (q.len() >= th.count).then(|| {
            let n = q.len();
            q.clear();
            n
        })
    }
}

/// Drops keys with no event inside the window, once the map has grown, so state stays bounded
/// by the number of keys active within one window.
fn sweep<V>(map: &mut HashMap<String, V>, t: i64, window: i64, last: impl Fn(&V) -> Option<i64>) {
    if map.len() < 4096 || !map.len().is_multiple_of(1024) {
        return;
    }
    map.retain(|_, v| last(v).is_some_and(|l| l >= t - window));
}

fn hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Remembers when a key last raised an alert, to raise it at most once per hour.
#[derive(Debug, Default)]
pub struct Once {
    last: HashMap<String, i64>,
}

impl Once {
    const WINDOW: i64 = 3_600_000;

    /// Whether `key` raised nothing within the hour before `t` (and records `t` if so).
    pub fn first(&mut self, key: &str, t: i64) -> bool {
        sweep(&mut self.last, t, Self::WINDOW, |l| Some(*l));
        match self.last.get(key) {
            Some(&l) if t - l < Self::WINDOW && t >= l => false,
            _ => {
                self.last.insert(key.to_string(), t);
                true
            }
        }
    }
}

/// State of the windowed detections.
#[derive(Debug, Default)]
pub struct State {
    pub forbidden_by_source: Burst,
    pub secret_denied_by_user: Burst,
    pub secret_reads_by_user: Distinct,
    pub once_per_hour: Once,
    /// The latest event time seen, for events whose own time cannot be read.
    pub clock: i64,
    /// User agents that name no attack tool (bounded: emptied when full).
    clean_user_agents: HashSet<String>,
    /// The clean user agents met last, compared before hashing: a log repeats a handful of them
    /// (kubelet, controllers, kubectl), and hashing a 100-byte user agent per event shows.
    recent_clean_user_agents: [String; 8],
    next_recent: usize,
}

impl State {
    const CLEAN_USER_AGENTS: usize = 4096;

    /// Whether a user agent was found to name no attack tool.
    pub fn is_clean_user_agent(&mut self, ua: &str) -> bool {
        // Empty slots hold "", which is no user agent.
        if !ua.is_empty() && self.recent_clean_user_agents.iter().any(|r| r == ua) {
            return true;
        }
        if !self.clean_user_agents.contains(ua) {
            return false;
        }
        self.remember_recent(ua);
        true
    }

    /// Remembers a user agent that names no attack tool.
    pub fn clean_user_agent(&mut self, ua: &str) {
        if self.clean_user_agents.len() >= Self::CLEAN_USER_AGENTS {
            self.clean_user_agents.clear();
        }
        self.clean_user_agents.insert(ua.to_string());
        self.remember_recent(ua);
    }

    fn remember_recent(&mut self, ua: &str) {
        let n = self.recent_clean_user_agents.len();
        if let Some(slot) = self.recent_clean_user_agents.get_mut(self.next_recent % n) {
            // Reuses the slot's buffer.
            slot.clear();
            slot.push_str(ua);
        }
        self.next_recent = (self.next_recent + 1) % n;
    }
}

/// Audit IDs of long-running requests seen at `ResponseStarted`, so their `ResponseComplete`
/// is not analysed twice. Bounded: the oldest are forgotten first.
#[derive(Debug, Default)]
struct Started {
    set: HashSet<u64>,
    order: VecDeque<u64>,
}

impl Started {
    const CAP: usize = 100_000;

    fn insert(&mut self, id: &str) {
        let h = hash(id);
        if self.set.insert(h) {
            self.order.push_back(h);
            if self.order.len() > Self::CAP
                && let Some(old) = self.order.pop_front()
            {
                self.set.remove(&old);
            }
        }
    }

    fn take(&mut self, id: &str) -> bool {
        self.set.remove(&hash(id))
    }
}

/// Parses an RFC 3339 time into milliseconds since the epoch.
#[must_use]
pub fn millis(s: &str) -> Option<i64> {
    let t: jiff::Timestamp = s.trim().parse().ok()?;
    Some(t.as_millisecond())
}

/// What a detection sees besides the event.
pub struct Cx<'e> {
    pub config: &'e AuditConfig,
    /// Runs the pod rules on request bodies (the scan engine, supplied by the caller).
    pub scanner: &'e dyn BodyScanner,
    pub state: &'e mut State,
    pub loc: &'e Loc,
    time: Option<i64>,
    written: Option<Option<Written>>,
    alerts: Vec<Alert>,
    not_evaluated: Vec<&'static str>,
}

impl Cx<'_> {
    /// The event's time in milliseconds (the latest time seen when it has none).
    pub fn millis(&mut self, ev: &Record<'_>) -> i64 {
        if let Some(t) = self.time {
            return t;
        }
        let t = ev.time().and_then(millis).unwrap_or(self.state.clock);
        self.state.clock = self.state.clock.max(t);
        self.time = Some(t);
        t
    }

    /// The object the request wrote, read once per event (`None` when the log has no body).
    pub fn written(&mut self, ev: &Record<'_>) -> Option<&Written> {
        if self.written.is_none() {
            self.written = Some(ev.written_object().and_then(Written::parse));
        }
        self.written.as_ref().and_then(Option::as_ref)
    }

    /// Raises an alert about an audit event.
    pub fn alert(
        &mut self,
        d: &dyn Detection,
        ev: &Record<'_>,
        message: impl Into<crate::i18n::Text>,
    ) -> &mut Alert {
        let alert = Alert::of_event(d.meta(), ev, self.loc, message.into());
        self.push(alert)
    }

    /// Raises an alert about a CloudTrail event.
    pub fn alert_trail(
        &mut self,
        d: &dyn Detection,
        ev: &Record<'_>,
        message: impl Into<crate::i18n::Text>,
    ) -> &mut Alert {
        let alert = Alert::of_trail(d.meta(), ev, self.loc, message.into());
        self.push(alert)
    }

    #[allow(clippy::indexing_slicing, reason = "indexes the element pushed on the line before")]
    fn push(&mut self, alert: Alert) -> &mut Alert {
        self.alerts.push(alert);
        let last = self.alerts.len() - 1;
        &mut self.alerts[last]
    }

    /// The alert raised last for this event, to add notes to.
    pub fn last_alert(&mut self) -> Option<&mut Alert> {
        self.alerts.last_mut()
    }

    /// Records that the event matters to `d` but was logged without the body it needs.
    pub fn not_evaluated(&mut self, d: &dyn Detection) {
        self.not_evaluated.push(d.meta().code);
    }
}

/// Runs detections over events.
pub struct Engine<'c> {
    config: &'c AuditConfig,
    scanner: &'c dyn BodyScanner,
    detections: Vec<&'static dyn Detection>,
    severity: Vec<(&'static str, Severity)>,
    since: Option<i64>,
    until: Option<i64>,
    state: State,
    started: Started,
    pub summary: Summary,
}

impl<'c> Engine<'c> {
    #[must_use]
    pub fn new(
        config: &'c AuditConfig,
        detections: Vec<&'static dyn Detection>,
        severity: Vec<(&'static str, Severity)>,
        since: Option<i64>,
        until: Option<i64>,
        scanner: &'c dyn BodyScanner,
    ) -> Self {
        Self {
            config,
            scanner,
            detections,
            severity,
            since,
            until,
            state: State::default(),
            started: Started::default(),
            summary: Summary::default(),
        }
    }

    /// Analyses one Kubernetes audit event; alerts go to `out`.
    pub fn event(&mut self, ev: &Record<'_>, loc: &Loc, out: &mut dyn FnMut(Alert)) {
        self.summary.events += 1;
        let id = ev.audit_id.as_deref().unwrap_or_default();
        match ev.stage.as_deref() {
            Some("RequestReceived") => {
                self.summary.repeated_stages += 1;
                return;
            }
            Some("ResponseStarted") if !id.is_empty() => self.started.insert(id),
            Some("ResponseComplete") if !id.is_empty() && self.started.take(id) => {
                self.summary.repeated_stages += 1;
                return;
            }
            _ => {}
        }
        if !self.in_range(ev.time()) {
            self.summary.outside_time_range += 1;
            return;
        }
        self.summary.analysed += 1;
        self.run(loc, |d, cx| d.check(cx, ev), out);
    }

    /// Analyses one CloudTrail event.
    pub fn trail(&mut self, ev: &Record<'_>, loc: &Loc, out: &mut dyn FnMut(Alert)) {
        self.summary.cloudtrail_events += 1;
        if !self.in_range(ev.event_time.as_deref()) {
            self.summary.outside_time_range += 1;
            return;
        }
        self.summary.analysed += 1;
        self.run(loc, |d, cx| d.check_trail(cx, ev), out);
    }

    fn run(&mut self, loc: &Loc, check: impl Fn(&dyn Detection, &mut Cx<'_>), out: &mut dyn FnMut(Alert)) {
        let mut cx = Cx {
            config: self.config,
            scanner: self.scanner,
            state: &mut self.state,
            loc,
            time: None,
            written: None,
            alerts: Vec::new(),
            not_evaluated: Vec::new(),
        };
        for d in &self.detections {
            check(*d, &mut cx);
        }
        let (alerts, not_evaluated) = (cx.alerts, cx.not_evaluated);
        self.finish(alerts, not_evaluated, out);
    }

    /// An event with no readable time is analysed: dropping it could hide an attack.
    fn in_range(&self, time: Option<&str>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(t) = time.and_then(millis) else { return true };
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t < u)
    }

    fn finish(&mut self, alerts: Vec<Alert>, not_evaluated: Vec<&'static str>, out: &mut dyn FnMut(Alert)) {
        for code in not_evaluated {
            *self.summary.not_evaluated.entry(code).or_default() += 1;
        }
        for mut a in alerts {
            let names = [
                a.user.username.as_str(),
                a.user.arn.as_deref().unwrap_or_default(),
                a.user.canonical_arn.as_deref().unwrap_or_default(),
            ];
            let trusted_ns = a
                .object
                .as_ref()
                .and_then(|o| o.namespace.as_deref())
                .is_some_and(|ns| self.config.trusted_namespace(ns));
            if self.config.trusted_user(&names) || trusted_ns {
                self.summary.suppressed += 1;
                continue;
            }
            if let Some((_, s)) = self.severity.iter().find(|(c, _)| *c == a.rule) {
                a.severity = *s;
            }
            self.summary.alerts += 1;
            *self.summary.by_severity.entry(a.severity.as_str()).or_default() += 1;
            out(a);
        }
    }
}
