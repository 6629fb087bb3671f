//! One record of an audit log, read with serde into borrowed fields: a Kubernetes audit event
//! (`audit.k8s.io/v1` or `v1beta1`), an envelope around events (an `EventList`, an
//! `aws logs filter-log-events` export, a CloudWatch Logs subscription payload, Kinesis or
//! Lambda records) or a CloudTrail event. One struct holds every shape's fields so a record is
//! parsed once; `requestObject` and `responseObject` stay raw until a detection asks for them.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

mod fill;

pub use fill::Fill;

pub type Str<'a> = Cow<'a, str>;

/// Every field ladrillo reads, of every record shape. Read by [`Fill`], which names each field's
/// JSON key.
#[derive(Debug, Default)]
pub struct Record<'a> {
    // Kubernetes audit event.
    pub kind: Option<Str<'a>>,
    pub api_version: Option<Str<'a>>,
    pub level: Option<Str<'a>>,
    pub audit_id: Option<Str<'a>>,
    pub stage: Option<Str<'a>>,
    pub request_uri: Option<Str<'a>>,
    pub verb: Option<Str<'a>>,
    pub user: UserInfo<'a>,
    /// Boxed: rare, and every record starts empty (a smaller record is quicker to set up).
    pub impersonated_user: Option<Box<UserInfo<'a>>>,
    /// The client, then the proxies it went through: one or two addresses inline.
    pub source_ips: Strs<'a, 2>,
    pub user_agent: Option<Str<'a>>,
    pub object_ref: Option<ObjectReference<'a>>,
    pub response_status: Option<Status<'a>>,
    pub request_object: Option<&'a RawValue>,
    pub response_object: Option<&'a RawValue>,
    pub request_received_timestamp: Option<Str<'a>>,
    pub stage_timestamp: Option<Str<'a>>,
    /// `v1beta1` events carry a string; CloudWatch log events milliseconds since the epoch.
    pub timestamp: Option<&'a RawValue>,
    pub annotations: Annotations<'a>,

    // Envelopes.
    /// A CloudWatch log event's text (`filter-log-events`, `get-log-events`, subscriptions).
    pub message: Option<Str<'a>>,
    pub log_stream_name: Option<Str<'a>>,
    /// Subscription payload: `DATA_MESSAGE` or `CONTROL_MESSAGE`.
    pub message_type: Option<Str<'a>>,
    pub log_stream: Option<Str<'a>>,
    pub log_events: Option<Vec<&'a RawValue>>,
    pub items: Option<Vec<&'a RawValue>>,
    pub events: Option<Vec<&'a RawValue>>,
    pub records_upper: Option<Vec<&'a RawValue>>,
    pub records: Option<Vec<&'a RawValue>>,
    pub events_upper: Option<Vec<&'a RawValue>>,
    /// Lambda subscription event `{"awslogs": {"data": "H4sI…"}}`.
    pub awslogs: Option<Data<'a>>,
    /// Kinesis event record `{"kinesis": {"data": "H4sI…"}}`.
    pub kinesis: Option<Data<'a>>,
    /// Firehose record data.
    pub data: Option<Str<'a>>,
    /// `aws kinesis get-records` record data.
    pub data_upper: Option<Str<'a>>,
    /// `aws cloudtrail lookup-events`: the event as a JSON string.
    pub cloud_trail_event: Option<Str<'a>>,

    // CloudTrail event.
    pub event_source: Option<Str<'a>>,
    pub event_name: Option<Str<'a>>,
    pub event_time: Option<Str<'a>>,
    pub event_id: Option<Str<'a>>,
    pub user_identity: Option<Box<UserIdentity<'a>>>,
    pub source_ip_address: Option<Str<'a>>,
    pub request_parameters: Option<&'a RawValue>,
    pub error_code: Option<Str<'a>>,
}

/// A JSON array of strings (user groups, source addresses, `user.extra` values) whose strings
/// are borrowed from the record (copied only when they hold escapes), the first `N` without a
/// heap allocation: most events carry a few of these short lists, and EKS's `user.extra` values
/// one string each.
#[derive(Clone, Debug)]
pub struct Strs<'a, const N: usize = 4> {
    inline: [Str<'a>; N],
    len: usize,
    /// Every element, when there are more than fit inline.
    spilled: Vec<Str<'a>>,
}

impl<const N: usize> Default for Strs<'_, N> {
    fn default() -> Self {
        Self { inline: std::array::from_fn(|_| Cow::Borrowed("")), len: 0, spilled: Vec::new() }
    }
}

impl<'a, const N: usize> std::ops::Deref for Strs<'a, N> {
    type Target = [Str<'a>];

    fn deref(&self) -> &[Str<'a>] {
        if self.spilled.is_empty() { self.inline.get(..self.len).unwrap_or_default() } else { &self.spilled }
    }
}

impl<'a, const N: usize> Strs<'a, N> {
    fn push(&mut self, s: Str<'a>) {
        if !self.spilled.is_empty() {
            self.spilled.push(s);
            return;
        }
        if let Some(slot) = self.inline.get_mut(self.len) {
            *slot = s;
            self.len += 1;
            return;
        }
        self.spilled = self.inline.iter_mut().map(std::mem::take).collect();
        self.spilled.push(s);
        self.len = 0;
    }
}

impl<'de: 'a, 'a, const N: usize> Deserialize<'de> for Strs<'a, N> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Seq<'a, const N: usize>(std::marker::PhantomData<Strs<'a, N>>);
        impl<'de: 'a, 'a, const N: usize> serde::de::Visitor<'de> for Seq<'a, N> {
            type Value = Strs<'a, N>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Strs<'a, N>, A::Error> {
                let mut list = Strs::default();
                while let Some(BorrowedStr(s)) = seq.next_element()? {
                    list.push(s);
                }
                Ok(list)
            }
        }
        d.deserialize_seq(Seq(std::marker::PhantomData))
    }
}

/// A JSON string kept as written, quotes and escapes included, and unescaped only when it is
/// read: for fields most events carry and few detections read (the `authorization.k8s.io/reason`
/// annotation quotes role names, so it holds escapes in most events and would otherwise be
/// copied for every event). Anything but a string is refused as for the other string fields.
#[derive(Clone, Copy, Debug)]
pub struct RawStr<'a>(&'a str);

impl<'a> RawStr<'a> {
    /// The string's value.
    #[must_use]
    pub fn get(&self) -> Str<'a> {
        let inner = self.0.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(self.0);
        if inner.contains('\\') {
            // Checked as a JSON string when read, so this cannot fail.
            serde_json::from_str::<String>(self.0).map_or(Cow::Borrowed(inner), Cow::Owned)
        } else {
            Cow::Borrowed(inner)
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawStr<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected};
        let text = <&'a RawValue>::deserialize(d)?.get();
        if text.starts_with('"') {
            return Ok(RawStr(text));
        }
        let unexpected = match text.as_bytes().first() {
            Some(b'{') => Unexpected::Map,
            Some(b'[') => Unexpected::Seq,
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            _ => match (text.parse::<u64>(), text.parse::<i64>(), text.parse::<f64>()) {
                (Ok(u), _, _) => Unexpected::Unsigned(u),
                (_, Ok(i), _) => Unexpected::Signed(i),
                (_, _, Ok(f)) => Unexpected::Float(f),
                _ => Unexpected::Other(text),
            },
        };
        Err(D::Error::invalid_type(unexpected, &"a string"))
    }
}

/// An optional string field borrowed from the record when it has no escapes: serde's
/// `#[serde(borrow)]` borrows a `Cow<str>` field, but not one inside an `Option`.
fn opt_str<'de: 'a, 'a, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Str<'a>>, D::Error> {
    Ok(Option::<BorrowedStr<'a>>::deserialize(d)?.map(|s| s.0))
}

/// A string borrowed from the input when it has no escapes (`Cow<str>`'s own `Deserialize`
/// always copies, outside a `#[serde(borrow)]` field).
struct BorrowedStr<'a>(Str<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for BorrowedStr<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text<'a>(std::marker::PhantomData<Str<'a>>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Text<'a> {
            type Value = Str<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Str<'a>, E> {
                Ok(Cow::Borrowed(v))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Str<'a>, E> {
                Ok(Cow::Owned(v.to_string()))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Str<'a>, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_str(Text(std::marker::PhantomData)).map(BorrowedStr)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Data<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub data: Option<Str<'a>>,
}

/// The authenticated user, with EKS's IAM identity in `extra`.
#[derive(Debug, Default, Deserialize)]
pub struct UserInfo<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub username: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub uid: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub groups: Strs<'a>,
    #[serde(borrow, default)]
    pub extra: Extra<'a>,
}

/// `user.extra` keys EKS sets for IAM principals (the access key id is never read).
#[derive(Debug, Default, Deserialize)]
pub struct Extra<'a> {
    #[serde(borrow, default)]
    pub arn: Strs<'a, 1>,
    #[serde(rename = "canonicalArn", borrow, default)]
    pub canonical_arn: Strs<'a, 1>,
    #[serde(rename = "sessionName", borrow, default)]
    pub session_name: Strs<'a, 1>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReference<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub resource: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub namespace: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub name: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub api_group: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub api_version: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub subresource: Option<Str<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Status<'a> {
    pub code: Option<i64>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub reason: Option<Str<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Annotations<'a> {
    #[serde(rename = "authorization.k8s.io/decision", borrow, default, deserialize_with = "opt_str")]
    pub decision: Option<Str<'a>>,
    /// Read by one detection, on the events it alerts on: kept raw until then.
    #[serde(rename = "authorization.k8s.io/reason", borrow, default)]
    pub reason: Option<RawStr<'a>>,
    #[serde(
        rename = "pod-security.kubernetes.io/enforce-policy",
        borrow,
        default,
        deserialize_with = "opt_str"
    )]
    pub pss_enforce_policy: Option<Str<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity<'a> {
    #[serde(rename = "type", borrow, default, deserialize_with = "opt_str")]
    pub kind: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub arn: Option<Str<'a>>,
    #[serde(borrow)]
    pub session_context: Option<SessionContext<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionContext<'a> {
    #[serde(borrow)]
    pub session_issuer: Option<SessionIssuer<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SessionIssuer<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub arn: Option<Str<'a>>,
}

/// What a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A Kubernetes audit event.
    Audit,
    /// A CloudTrail event.
    Trail,
    /// Something that wraps records.
    Envelope,
    /// A JSON object that is none of these.
    Other,
}

impl<'a> Record<'a> {
    #[must_use]
    pub fn shape(&self) -> Shape {
        if self.event_source.is_some() && self.event_name.is_some() {
            Shape::Trail
        } else if self.audit_id.is_some()
            || (self.verb.is_some() && (self.stage.is_some() || self.request_uri.is_some()))
            || self.kind.as_deref() == Some("Event")
        {
            Shape::Audit
        } else if self.message.is_some()
            || self.log_events.is_some()
            || self.items.is_some()
            || self.events.is_some()
            || self.records_upper.is_some()
            || self.records.is_some()
            || self.events_upper.is_some()
            || self.awslogs.is_some()
            || self.kinesis.is_some()
            || self.data.is_some()
            || self.data_upper.is_some()
            || self.cloud_trail_event.is_some()
            || self.message_type.is_some()
        {
            Shape::Envelope
        } else {
            Shape::Other
        }
    }

    pub fn verb(&self) -> &str {
        self.verb.as_deref().unwrap_or_default()
    }

    pub fn resource(&self) -> &str {
        self.object_ref.as_ref().and_then(|o| o.resource.as_deref()).unwrap_or_default()
    }

    pub fn subresource(&self) -> &str {
        self.object_ref.as_ref().and_then(|o| o.subresource.as_deref()).unwrap_or_default()
    }

    pub fn namespace(&self) -> Option<&str> {
        self.object_ref.as_ref().and_then(|o| o.namespace.as_deref()).filter(|n| !n.is_empty())
    }

    pub fn name(&self) -> Option<&str> {
        self.object_ref.as_ref().and_then(|o| o.name.as_deref()).filter(|n| !n.is_empty())
    }

    pub fn api_group(&self) -> &str {
        self.object_ref.as_ref().and_then(|o| o.api_group.as_deref()).unwrap_or_default()
    }

    pub fn username(&self) -> &str {
        self.user.username.as_deref().unwrap_or_default()
    }

    pub fn code(&self) -> Option<i64> {
        self.response_status.as_ref().and_then(|s| s.code)
    }

    /// The request was authorized and did not fail: the decision annotation says allow (or is
    /// absent) and the response code is below 400.
    pub fn allowed(&self) -> bool {
        let decision_ok = self.annotations.decision.as_deref().is_none_or(|d| d == "allow");
        decision_ok && self.code().is_none_or(|c| c < 400)
    }

    /// The request was refused: 401, 403, or an authorizer decision `forbid`.
    pub fn denied(&self) -> bool {
        self.annotations.decision.as_deref() == Some("forbid") || matches!(self.code(), Some(401 | 403))
    }

    /// A server-side dry run changes nothing.
    pub fn dry_run(&self) -> bool {
        query_values(self.request_uri.as_deref().unwrap_or_default(), "dryRun").next().is_some()
    }

    /// Create, update or patch that took effect.
    pub fn wrote(&self) -> bool {
        matches!(self.verb(), "create" | "update" | "patch") && self.allowed() && !self.dry_run()
    }

    /// The event's time as logged: when the request was received.
    pub fn time(&self) -> Option<&str> {
        self.request_received_timestamp
            .as_deref()
            .or(self.stage_timestamp.as_deref())
            .or_else(|| self.timestamp.and_then(|t| t.get().strip_prefix('"')?.strip_suffix('"')))
            .or(self.event_time.as_deref())
    }

    /// The body a detection can evaluate: the request for create and update, the stored object
    /// returned for a patch (whose request body is only the patch).
    pub fn written_object(&self) -> Option<&'a RawValue> {
        match self.verb() {
            "patch" => self.response_object,
            _ => self.request_object,
        }
    }
}

/// Values of a query parameter in a request URI, percent-decoded.
pub fn query_values<'u>(uri: &'u str, key: &'u str) -> impl Iterator<Item = String> + 'u {
    let query = uri.split_once('?').map_or("", |(_, q)| q);
    query.split('&').filter_map(move |pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| percent_decode(v))
    })
}

/// `%2F` → `/`, `+` → space; invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = || {
            let h = bytes.get(i + 1..i + 3)?;
            u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
        };
        match b {
            b'%' if hex().is_some() => {
                out.extend(hex());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let uri = "/api/v1/namespaces/x/pods/p/exec?command=cat&command=%2Fetc%2Fshadow&container=c";
        let got: Vec<String> = query_values(uri, "command").collect();
        assert_eq!(got, ["cat", "/etc/shadow"]);
        assert_eq!(percent_decode("a%zzb%2"), "a%zzb%2");
    }

    #[test]
    fn string_lists_borrow_and_spill() {
        let text = r#"{"sourceIPs":["10.0.0.1","a\"b"],"user":{"groups":["g1","g2","g3","g4","g5"]}}"#;
        let ev: Record = serde_json::from_str(text).unwrap();
        assert_eq!(ev.source_ips.len(), 2);
        assert!(matches!(ev.source_ips[0], Cow::Borrowed("10.0.0.1")));
        assert_eq!(ev.source_ips[1], "a\"b");
        let groups: Vec<&str> = ev.user.groups.iter().map(|g| g.as_ref()).collect();
        assert_eq!(groups, ["g1", "g2", "g3", "g4", "g5"]);
        assert!(ev.user.extra.arn.is_empty());
        // Wrong types are refused as the derived `Vec<String>` refused them.
        let e = serde_json::from_str::<Record>(r#"{"sourceIPs":[1]}"#).unwrap_err().to_string();
        assert!(e.starts_with("invalid type: integer `1`, expected a string"), "{e}");
        let e = serde_json::from_str::<Record>(r#"{"sourceIPs":"x"}"#).unwrap_err().to_string();
        assert!(e.starts_with("invalid type: string \"x\", expected a sequence"), "{e}");
    }

    #[test]
    fn optional_strings_borrow_unless_escaped() {
        let text = r#"{"verb":"get","userAgent":"a\"b","kind":null,"objectRef":{"resource":"pods"}}"#;
        let ev: Record = serde_json::from_str(text).unwrap();
        assert!(matches!(ev.verb, Some(Cow::Borrowed("get"))));
        assert!(matches!(ev.object_ref.as_ref().unwrap().resource, Some(Cow::Borrowed("pods"))));
        assert!(matches!(ev.user_agent.as_deref(), Some("a\"b")));
        assert!(ev.kind.is_none() && ev.stage.is_none());
        let e = serde_json::from_str::<Record>(r#"{"verb":5}"#).unwrap_err().to_string();
        assert!(e.starts_with("invalid type: integer `5`, expected a string"), "{e}");
    }

    #[test]
    fn raw_strings_are_unescaped_when_read() {
        let text = r#"{"annotations":{"authorization.k8s.io/reason":"RBAC: allowed by \"x\" \u00e9","authorization.k8s.io/decision":"allow"}}"#;
        let ev: Record = serde_json::from_str(text).unwrap();
        let reason = ev.annotations.reason.unwrap().get();
        assert_eq!(reason, "RBAC: allowed by \"x\" é");
        let plain: Record =
            serde_json::from_str(r#"{"annotations":{"authorization.k8s.io/reason":"ok"}}"#).unwrap();
        assert!(matches!(plain.annotations.reason.unwrap().get(), Cow::Borrowed("ok")));
        let none: Record =
            serde_json::from_str(r#"{"annotations":{"authorization.k8s.io/reason":null}}"#).unwrap();
        assert!(none.annotations.reason.is_none());
        for (bad, found) in [
            ("5", "integer `5`"),
            ("-2", "integer `-2`"),
            ("true", "boolean `true`"),
            ("{}", "map"),
            ("[1]", "sequence"),
        ] {
            let text = format!(r#"{{"annotations":{{"authorization.k8s.io/reason":{bad}}}}}"#);
            let e = serde_json::from_str::<Record>(&text).unwrap_err().to_string();
            assert!(e.starts_with(&format!("invalid type: {found}, expected a string")), "{e}");
        }
    }

    #[test]
    fn shapes() {
        let ev: Record = serde_json::from_str(r#"{"kind":"Event","auditID":"a","verb":"get"}"#).unwrap();
        assert_eq!(ev.shape(), Shape::Audit);
        let ct: Record =
            serde_json::from_str(r#"{"eventSource":"eks.amazonaws.com","eventName":"CreateAccessEntry"}"#)
                .unwrap();
        assert_eq!(ct.shape(), Shape::Trail);
        let env: Record = serde_json::from_str(r#"{"events":[{"message":"{}"}]}"#).unwrap();
        assert_eq!(env.shape(), Shape::Envelope);
        let other: Record = serde_json::from_str(r#"{"a":1}"#).unwrap();
        assert_eq!(other.shape(), Shape::Other);
    }
}
