//! Tri-state values of the cluster model: known (written in the source, with its place),
//! defaulted (absent, and the source format's documented default applies), or unknown (the
//! value cannot be determined from the input). Rules report only on determined values.

use std::sync::Arc;

use serde::Serialize;

use crate::document::{FieldPath, SourceFile, Span};
use crate::model::ObjectRef;

/// The object a place belongs to: a Kubernetes object (an eksctl `ClusterConfig`, an
/// `aws-auth` ConfigMap), a Terraform resource or module, or a CloudFormation resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectLink {
    pub object: ObjectRef,
    /// Index of the object in the run's set, so annotation waivers apply; `None` for Terraform
    /// and CloudFormation resources, which are not Kubernetes objects.
    pub index: Option<usize>,
}

/// Where a value is written, or, when it is absent, the nearest existing parent.
#[derive(Clone, Debug, Default)]
pub struct Place {
    pub file: Option<Arc<SourceFile>>,
    pub span: Span,
    /// The field in its source document or object (`vpc.clusterEndpoints.publicAccess`).
    pub path: FieldPath,
    /// The tail of `path` that is absent from the source; `span` then marks the nearest parent.
    pub missing: Option<FieldPath>,
    pub object: Option<ObjectLink>,
    /// When the value comes from a Terraform variable: where that variable's value is set.
    pub set_by: Option<crate::document::hcl::VarUse>,
}

impl Place {
    /// A place with no source text (built by hand or from live data).
    #[must_use]
    pub fn nowhere() -> Self {
        Self::default()
    }

    /// The same place with another field path (for values derived from a field).
    #[must_use]
    pub fn with_path(mut self, path: FieldPath) -> Self {
        self.path = path;
        self
    }
}

/// A value of the model in one of three states.
#[derive(Clone, Debug)]
pub enum Field<T> {
    /// Written in the source.
    Known { value: T, at: Place },
    /// Absent; the source format's documented default applies. `why` names the default and
    /// where it is documented, for notes in findings.
    Default { value: T, at: Place, why: &'static str },
    /// Cannot be determined from the input (an unresolvable reference, a value the export does
    /// not contain). Never reported as insecure.
    Unknown { at: Place, reason: String },
}

impl<T> Field<T> {
    #[must_use]
    pub fn known(value: T, at: Place) -> Self {
        Self::Known { value, at }
    }

    #[must_use]
    pub fn default(value: T, at: Place, why: &'static str) -> Self {
        Self::Default { value, at, why }
    }

    #[must_use]
    pub fn unknown(at: Place, reason: impl Into<String>) -> Self {
        Self::Unknown { at, reason: reason.into() }
    }

    /// The value when it is known or defaulted.
    #[must_use]
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Known { value, .. } | Self::Default { value, .. } => Some(value),
            Self::Unknown { .. } => None,
        }
    }

    /// Where the value is written, or where its default applies.
    #[must_use]
    pub fn at(&self) -> &Place {
        match self {
            Self::Known { at, .. } | Self::Default { at, .. } | Self::Unknown { at, .. } => at,
        }
    }

    #[must_use]
    pub fn is_known(&self) -> bool {
        matches!(self, Self::Known { .. })
    }

    #[must_use]
    pub fn is_default(&self) -> bool {
        matches!(self, Self::Default { .. })
    }

    #[must_use]
    pub fn is_unknown(&self) -> bool {
        matches!(self, Self::Unknown { .. })
    }

    /// Whether the value is determined and satisfies `f` (false when unknown).
    pub fn is(&self, f: impl FnOnce(&T) -> bool) -> bool {
        self.value().is_some_and(f)
    }

    /// Why a default applies, without the `default: ` prefix.
    #[must_use]
    pub fn default_note_reason(&self) -> Option<&'static str> {
        match self {
            Self::Default { why, .. } => Some(why),
            _ => None,
        }
    }

    /// The documented default that applies, for a note in a finding.
    #[must_use]
    pub fn default_note(&self) -> Option<String> {
        match self {
            Self::Default { why, .. } => Some(format!("default: {why}")),
            _ => None,
        }
    }

    /// Transforms the value, keeping its state and place.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Self::Known { value, at } => Field::Known { value: f(value), at },
            Self::Default { value, at, why } => Field::Default { value: f(value), at, why },
            Self::Unknown { at, reason } => Field::Unknown { at, reason },
        }
    }

    /// Borrows the value, keeping state and place.
    #[must_use]
    pub fn as_ref(&self) -> Field<&T> {
        match self {
            Self::Known { value, at } => Field::Known { value, at: at.clone() },
            Self::Default { value, at, why } => Field::Default { value, at: at.clone(), why },
            Self::Unknown { at, reason } => Field::Unknown { at: at.clone(), reason: reason.clone() },
        }
    }
}

impl Field<bool> {
    /// Determined and true.
    #[must_use]
    pub fn is_true(&self) -> bool {
        self.value() == Some(&true)
    }

    /// Determined and false.
    #[must_use]
    pub fn is_false(&self) -> bool {
        self.value() == Some(&false)
    }
}

impl<T> Field<Vec<T>> {
    /// The items when the list is determined, else none.
    pub fn items(&self) -> impl Iterator<Item = &T> {
        self.value().map(Vec::as_slice).unwrap_or_default().iter()
    }
}

/// The span-free form: the value when determined, `{"$unknown": reason}` otherwise.
impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Known { value, .. } | Self::Default { value, .. } => value.serialize(s),
            Self::Unknown { reason, .. } => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry(UNKNOWN_KEY, reason)?;
                m.end()
            }
        }
    }
}

/// The key marking an unknown value in the normalised form.
pub const UNKNOWN_KEY: &str = "$unknown";

/// A list item with its own place (a CIDR, a tag), so findings can point at it.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub value: T,
    pub at: Place,
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}
