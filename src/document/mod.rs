//! Text to documents with spans: YAML/JSON streams and Terraform modules become [`node::Node`]
//! trees whose every node knows its byte range in a [`span::SourceFile`]; CloudFormation templates
//! are read from YAML/JSON trees. Values a file does not state are marked ([`symbolic`]).

pub mod cloudformation;
pub mod hcl;
pub mod json;
pub mod key;
pub mod node;
pub mod span;
pub mod symbolic;
pub mod text;
pub mod yaml;
pub mod yaml_syntax;

pub use key::Key;
pub use node::{Entry, FieldPath, Located, Map, Node, Segment, Value};
pub use span::{Position, RenderTool, Rendered, SourceFile, Span};
pub use text::TextRef;
