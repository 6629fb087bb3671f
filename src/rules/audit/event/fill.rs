//! [`Record`]'s deserializer, written out rather than derived: it fills a record in place, where
//! the derived one builds every field apart and then moves the whole record (about 1.7 KB) into
//! its result, and the caller moves it again out of that. Same fields, same errors (a field given
//! twice, a wrong type), unknown keys skipped; only a JSON array, which the derived deserializer
//! read field by field in declaration order, is refused as not an object.

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor};

use super::{BorrowedStr, Record};

/// Fills a record (normally a fresh `Record::default()`) from a JSON object.
pub struct Fill<'r, 'a>(pub &'r mut Record<'a>);

impl<'de: 'a, 'a> DeserializeSeed<'de> for Fill<'_, 'a> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Record", FIELDS, self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for Fill<'_, 'a> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct Record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0u64;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if let Some(bit) = key.bit() {
                if seen & bit != 0 {
                    return Err(A::Error::duplicate_field(key.name()));
                }
                seen |= bit;
            }
            fill(self.0, key, &mut map)?;
        }
        Ok(())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Record<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut record = Record::default();
        Fill(&mut record).deserialize(d)?;
        Ok(record)
    }
}

/// Reads a key into a [`Key`] without keeping its text.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Key, E> {
        Ok(Key::of(v))
    }

    fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Key, E> {
        Ok(std::str::from_utf8(v).map_or(Key::Other, Key::of))
    }
}

/// An optional string, borrowed unless it holds escapes.
fn opt_str<'de: 'a, 'a, A: MapAccess<'de>>(map: &mut A) -> Result<Option<super::Str<'a>>, A::Error> {
    Ok(map.next_value::<Option<BorrowedStr<'a>>>()?.map(|s| s.0))
}

/// The fields: JSON key, field, and how its value is read (`str`: an optional string borrowed
/// when it can be; `value`: the field type's own `Deserialize`).
macro_rules! fields {
    ($($key:literal => $field:ident: $how:ident),* $(,)?) => {
        #[allow(non_camel_case_types, reason = "one variant per field, named as the field")]
        #[derive(Clone, Copy)]
        enum Key {
            $($field,)*
            Other,
        }

        const FIELDS: &[&str] = &[$($key),*];

        impl Key {
            fn of(key: &str) -> Key {
                match key {
                    $($key => Key::$field,)*
                    _ => Key::Other,
                }
            }

            fn name(self) -> &'static str {
                match self {
                    $(Key::$field => $key,)*
                    Key::Other => "",
                }
            }

            /// The field's bit in the set of fields read, to refuse a field given twice.
            fn bit(self) -> Option<u64> {
                (!matches!(self, Key::Other)).then(|| 1u64 << (self as u32))
            }
        }

        fn fill<'de: 'a, 'a, A: MapAccess<'de>>(r: &mut Record<'a>, key: Key, map: &mut A) -> Result<(), A::Error> {
            match key {
                $(Key::$field => r.$field = fields!(@read $how, map),)*
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    };
    (@read str, $map:ident) => { opt_str($map)? };
    (@read value, $map:ident) => { $map.next_value()? };
}

fields! {
    "kind" => kind: str,
    "apiVersion" => api_version: str,
    "level" => level: str,
    "auditID" => audit_id: str,
    "stage" => stage: str,
    "requestURI" => request_uri: str,
    "verb" => verb: str,
    "user" => user: value,
    "impersonatedUser" => impersonated_user: value,
    "sourceIPs" => source_ips: value,
    "userAgent" => user_agent: str,
    "objectRef" => object_ref: value,
    "responseStatus" => response_status: value,
    "requestObject" => request_object: value,
    "responseObject" => response_object: value,
    "requestReceivedTimestamp" => request_received_timestamp: str,
    "stageTimestamp" => stage_timestamp: str,
    "timestamp" => timestamp: value,
    "annotations" => annotations: value,
    "message" => message: str,
    "logStreamName" => log_stream_name: str,
    "messageType" => message_type: str,
    "logStream" => log_stream: str,
    "logEvents" => log_events: value,
    "items" => items: value,
    "events" => events: value,
    "Records" => records_upper: value,
    "records" => records: value,
    "Events" => events_upper: value,
    "awslogs" => awslogs: value,
    "kinesis" => kinesis: value,
    "data" => data: str,
    "Data" => data_upper: str,
    "CloudTrailEvent" => cloud_trail_event: str,
    "eventSource" => event_source: str,
    "eventName" => event_name: str,
    "eventTime" => event_time: str,
    "eventID" => event_id: str,
    "userIdentity" => user_identity: value,
    "sourceIPAddress" => source_ip_address: str,
    "requestParameters" => request_parameters: value,
    "errorCode" => error_code: str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value of the right type for every key.
    fn value(key: &str) -> &'static str {
        match key {
            "user" | "impersonatedUser" => r#"{"username":"u"}"#,
            "sourceIPs" => r#"["10.0.0.1"]"#,
            "objectRef" => r#"{"resource":"pods"}"#,
            "responseStatus" => r#"{"code":200}"#,
            "annotations" => r#"{"authorization.k8s.io/decision":"allow"}"#,
            "awslogs" | "kinesis" => r#"{"data":"H4sI"}"#,
            "userIdentity" => r#"{"arn":"a"}"#,
            "requestObject" | "responseObject" | "requestParameters" => r#"{"a":1}"#,
            "timestamp" => "1",
            "logEvents" | "items" | "events" | "Records" | "records" | "Events" => "[{}]",
            _ => r#""x""#,
        }
    }

    #[test]
    fn every_key_is_read_into_its_field() {
        let body: Vec<String> = FIELDS.iter().map(|k| format!("\"{k}\":{}", value(k))).collect();
        let text = format!("{{{}}}", body.join(","));
        let r: Record = serde_json::from_str(&text).unwrap();
        let strings = [
            &r.kind,
            &r.api_version,
            &r.level,
            &r.audit_id,
            &r.stage,
            &r.request_uri,
            &r.verb,
            &r.user_agent,
            &r.request_received_timestamp,
            &r.stage_timestamp,
            &r.message,
            &r.log_stream_name,
            &r.message_type,
            &r.log_stream,
            &r.data,
            &r.data_upper,
            &r.cloud_trail_event,
            &r.event_source,
            &r.event_name,
            &r.event_time,
            &r.event_id,
            &r.source_ip_address,
            &r.error_code,
        ];
        assert!(strings.iter().all(|s| s.as_deref() == Some("x")));
        let lists = [&r.log_events, &r.items, &r.events, &r.records_upper, &r.records, &r.events_upper];
        assert!(lists.iter().all(|l| l.as_ref().is_some_and(|l| l.len() == 1)));
        let raws = [&r.request_object, &r.response_object, &r.request_parameters];
        assert!(raws.iter().all(|v| v.map(|v| v.get()) == Some(r#"{"a":1}"#)));
        assert_eq!(r.timestamp.map(|t| t.get()), Some("1"));
        assert_eq!(r.username(), "u");
        assert!(r.impersonated_user.as_ref().is_some_and(|u| u.username.as_deref() == Some("u")));
        assert_eq!(&*r.source_ips, ["10.0.0.1"]);
        assert_eq!(r.resource(), "pods");
        assert_eq!(r.code(), Some(200));
        assert_eq!(r.annotations.decision.as_deref(), Some("allow"));
        assert!(
            r.awslogs.as_ref().is_some_and(|d| d.data.is_some())
                && r.kinesis.as_ref().is_some_and(|d| d.data.is_some())
        );
        assert!(r.user_identity.as_ref().is_some_and(|u| u.arn.as_deref() == Some("a")));
        // 23 strings, 6 lists, 3 raw bodies, the time, 9 objects.
        assert_eq!(FIELDS.len(), 23 + 6 + 3 + 1 + 9);
    }

    #[test]
    fn keys_are_unescaped_and_unknown_keys_skipped() {
        let text = r#"{"v\u0065rb":"get","x":{"verb":"no","y":[1,{"z":null}]},"stage":null,"kind":"Event"}"#;
        let r: Record = serde_json::from_str(text).unwrap();
        assert_eq!(r.verb(), "get");
        assert!(r.stage.is_none());
        assert_eq!(r.kind.as_deref(), Some("Event"));
    }

    #[test]
    fn errors_are_the_derived_ones() {
        let err = |text: &str| serde_json::from_str::<Record>(text).unwrap_err().to_string();
        assert!(err(r#"{"verb":"get","verb":"list"}"#).starts_with("duplicate field `verb`"));
        // A null counts as given, as it did for the derived deserializer.
        assert!(err(r#"{"verb":null,"verb":"list"}"#).starts_with("duplicate field `verb`"));
        assert!(
            err(r#"{"objectRef":5}"#)
                .starts_with("invalid type: integer `5`, expected struct ObjectReference")
        );
        assert!(err("5").starts_with("invalid type: integer `5`, expected struct Record"));
        assert!(err(r#"["Event"]"#).starts_with("invalid type: sequence, expected struct Record"));
        assert!(err(r#"{"verb":"get""#).starts_with("EOF while parsing an object"));
    }
}
