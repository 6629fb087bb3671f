//! SEC004: AWS access keys written into infrastructure code and configuration files.

use std::sync::Arc;

use super::detect;
use crate::document::{SourceFile, Span};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags AWS access key ids and secret access keys written into Terraform, CloudFormation,
    /// eksctl configs, AWS JSON or any other input file that is not a Kubernetes manifest.
    ///
    /// ## Why is this bad?
    /// A long-lived access key in a file is as good as a password to the AWS account: it ends up
    /// in version control, CI logs and every copy of the repository, and it does not expire. The
    /// guide asks for no long-lived access keys: roles for people and pipelines, IRSA or EKS Pod
    /// Identity for pods. (Keys in Kubernetes manifests are reported by `hardcoded-secret-in-env`,
    /// `secret-in-configmap` and `secret-in-annotation`.)
    ///
    /// ## How to fix
    /// Deactivate and rotate the key now, then remove it: let the Terraform AWS provider and the
    /// AWS CLI pick up credentials from the environment, an assumed role or SSO, and reference
    /// secrets from AWS Secrets Manager instead of writing them.
    ///
    /// ## Example
    /// ```hcl
    /// provider "aws" {
    ///   region     = "us-east-1"
    ///   access_key = "AKIA…"   # flagged
    ///   secret_key = "…"       # flagged
    /// }
    /// ```
    pub struct StaticAwsKey {
        code: "SEC004",
        name: "static-aws-key",
        group: Secrets,
        severity: Critical,
        guide: ["G3.2", "G4.6"],
        references: [
            "nsa-cisa:secrets",
            "checkov:CKV_AWS_41",
        ],
    }
}

impl Rule for StaticAwsKey {
    fn check_source(&self, cx: &mut Context<'_>, file: &Arc<SourceFile>) {
        let mut offset = 0usize;
        let text = file.text();
        for (i, line) in text.split_inclusive('\n').enumerate() {
            for (span, what) in keys_in(line) {
                let span = Span::new(offset + span.start as usize, offset + span.end as usize);
                cx.report_at(
                    self,
                    Some(Arc::clone(file)),
                    span,
                    crate::msg!("rule-sec004-message", line = (i + 1).to_string(), what = what),
                )
                .redact(span)
                .help(crate::msg!("rule-sec004-help"));
            }
            offset += line.len();
        }
    }
}

/// Spans (relative to the line) of AWS keys on one line, with what each is.
fn keys_in(line: &str) -> Vec<(Span, crate::i18n::Msg)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut start = None;
    for (i, &b) in bytes.iter().chain([b' '].iter()).enumerate() {
        let word_byte = b.is_ascii_alphanumeric();
        match (word_byte, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &line[s..i];
                if detect::aws_id(word) == Some(true) && !detect::is_placeholder(word) {
                    out.push((Span::new(s, i), crate::msg!("rule-sec004-id", prefix = &word[..4])));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some((name, _)) = detect::assignment(line)
        // The Terraform AWS provider calls it `secret_key`.
        && (detect::aws_secret_name(name) || name.eq_ignore_ascii_case("secret_key"))
        && let Some((at, value)) = first_value(line)
        && detect::aws_secret_shape(value)
        && !detect::is_placeholder(value)
    {
        out.push((Span::new(at, at + value.len()), crate::msg!("rule-sec004-secret", name = name)));
    }
    out
}

/// The value after the first `=` or `:` of a line: the quoted text, or the first bare word (so
/// a trailing comment is not part of it), with its byte offset.
fn first_value(line: &str) -> Option<(usize, &str)> {
    let sep = line.find(['=', ':'])?;
    let rest = &line[sep + 1..];
    let skip = rest.len() - rest.trim_start().len();
    let start = sep + 1 + skip;
    let rest = &line[start..];
    match rest.chars().next()? {
        q @ ('"' | '\'') => {
            let end = rest[1..].find(q)?;
            Some((start + 1, &rest[1..=end]))
        }
        _ => {
            let end = rest.find(|c: char| c.is_whitespace() || c == ',').unwrap_or(rest.len());
            Some((start, &rest[..end]))
        }
    }
}
