//! Text to documents with spans: YAML/JSON streams become [`node::Node`] trees whose every node
//! knows its byte range in a [`span::SourceFile`].

pub mod node;
pub mod span;
pub mod yaml;

pub use node::{Entry, FieldPath, Located, Map, Node, Segment, Value};
pub use span::{Position, SourceFile, Span};
