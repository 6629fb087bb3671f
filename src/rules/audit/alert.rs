//! An alert: which detection fired on which event, and everything a responder needs to act on
//! it without opening the log — who (user, IAM ARN, session), from where (source IPs, user
//! agent), what (verb, object), when (time, audit ID) and where in the input.

use serde::Serialize;

use super::event::Record;
use crate::finding::Severity;
use crate::i18n::{Lang, Msg, Text};
use crate::rules::RuleMeta;

/// Where an event was read: file, line, and its index inside an envelope on that line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Loc {
    pub file: String,
    pub line: usize,
    /// Position in an envelope (`items`, `events`, `logEvents`, `Records`) read whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
}

impl Loc {
    #[must_use]
    pub fn item(&self, i: usize) -> Loc {
        // A nested envelope keeps the innermost index.
        Loc { file: self.file.clone(), line: self.line, item: Some(i) }
    }
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(i) = self.item {
            write!(f, " (item {i})")?;
        }
        Ok(())
    }
}

/// The object a request was about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Target {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_group: Option<String>,
    pub resource: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subresource: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.resource)?;
        if let Some(s) = &self.subresource {
            write!(f, "/{s}")?;
        }
        match (&self.namespace, &self.name) {
            (Some(ns), Some(n)) => write!(f, " {ns}/{n}"),
            (Some(ns), None) => write!(f, " in {ns}"),
            (None, Some(n)) => write!(f, " {n}"),
            (None, None) => Ok(()),
        }
    }
}

/// The principal behind a request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Principal {
    pub username: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// EKS: the IAM ARN the request was signed with (`user.extra.arn`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// EKS: the role or user behind an assumed-role session (`user.extra.canonicalArn`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_name: Option<String>,
    /// The user the request impersonated, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impersonated: Option<String>,
}

/// One alert.
#[derive(Clone, Debug, Serialize)]
pub struct Alert {
    pub rule: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// The message in English (what JSON and JSON lines carry).
    pub message: String,
    /// The message, to show it in the reader's language.
    #[serde(skip)]
    pub message_msg: Option<Msg>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit_id: Option<String>,
    pub user: Principal,
    pub source_ips: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<Target>,
    /// The request path, without its query (which may carry command arguments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub location: Loc,
    /// Notes, shown in the reader's language; JSON carries their English text.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "english")]
    pub notes: Vec<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    pub references: &'static [&'static str],
}

fn english<S: serde::Serializer>(notes: &[Text], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(notes.iter().map(|n| n.render(Lang::En)))
}

fn owned(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.is_empty()).map(str::to_string)
}

impl Alert {
    /// The message in a language.
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        self.message_msg.as_ref().map_or_else(|| self.message.clone(), |m| m.render(lang))
    }

    /// Adds a note.
    pub fn note(&mut self, note: impl Into<Text>) -> &mut Self {
        self.notes.push(note.into());
        self
    }

    /// An alert about a Kubernetes audit event.
    #[must_use]
    pub fn of_event(meta: &'static RuleMeta, ev: &Record<'_>, loc: &Loc, message: Text) -> Alert {
        let (message, message_msg) = message.into_parts();
        let extra = &ev.user.extra;
        let user = Principal {
            username: ev.username().to_string(),
            groups: ev.user.groups.iter().map(|g| g.to_string()).collect(),
            arn: owned(extra.arn.first().map(|s| s.as_ref())),
            canonical_arn: owned(extra.canonical_arn.first().map(|s| s.as_ref())),
            session_name: owned(extra.session_name.first().map(|s| s.as_ref())),
            impersonated: ev.impersonated_user.as_ref().and_then(|u| owned(u.username.as_deref())),
        };
        let object = ev.object_ref.as_ref().map(|o| Target {
            api_group: owned(o.api_group.as_deref()),
            resource: o.resource.as_deref().unwrap_or_default().to_string(),
            subresource: owned(o.subresource.as_deref()),
            namespace: owned(o.namespace.as_deref()),
            name: owned(o.name.as_deref()),
        });
        Alert {
            rule: meta.code,
            name: meta.name,
            severity: meta.severity,
            message,
            message_msg,
            time: owned(ev.time()),
            audit_id: owned(ev.audit_id.as_deref()),
            user,
            source_ips: ev.source_ips.iter().map(|s| s.to_string()).collect(),
            user_agent: owned(ev.user_agent.as_deref()),
            verb: owned(ev.verb.as_deref()),
            object,
            path: owned(ev.request_uri.as_deref().map(|u| u.split('?').next().unwrap_or(u))),
            response_code: ev.code(),
            decision: owned(ev.annotations.decision.as_deref()),
            location: loc.clone(),
            notes: Vec::new(),
            help: None,
            references: meta.references,
        }
    }

    /// An alert about a CloudTrail event (EKS API calls such as access entry changes).
    #[must_use]
    pub fn of_trail(meta: &'static RuleMeta, ev: &Record<'_>, loc: &Loc, message: Text) -> Alert {
        let (message, message_msg) = message.into_parts();
        let identity = ev.user_identity.as_ref();
        let arn = identity.and_then(|i| owned(i.arn.as_deref()));
        let issuer = identity
            .and_then(|i| i.session_context.as_ref())
            .and_then(|s| s.session_issuer.as_ref())
            .and_then(|s| owned(s.arn.as_deref()));
        let session =
            arn.as_deref().filter(|a| a.contains(":assumed-role/")).and_then(|a| a.rsplit('/').next());
        Alert {
            rule: meta.code,
            name: meta.name,
            severity: meta.severity,
            message,
            message_msg,
            time: owned(ev.event_time.as_deref()),
            audit_id: owned(ev.event_id.as_deref()),
            user: Principal {
                username: arn.clone().unwrap_or_default(),
                groups: Vec::new(),
                session_name: session.map(str::to_string),
                arn,
                canonical_arn: issuer,
                impersonated: None,
            },
            source_ips: ev.source_ip_address.iter().map(|s| s.to_string()).collect(),
            user_agent: owned(ev.user_agent.as_deref()),
            verb: owned(ev.event_name.as_deref()),
            object: None,
            path: None,
            response_code: None,
            decision: owned(ev.error_code.as_deref()),
            location: loc.clone(),
            notes: Vec::new(),
            help: None,
            references: meta.references,
        }
    }
}
