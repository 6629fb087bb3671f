use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters without the tags listed in `required-tags` of `.ladrillo.yaml`.
    ///
    /// ## Why is this bad?
    /// Tags tie resources to an owner, environment and cost centre; untagged clusters are the
    /// ones nobody patches or pays attention to, and tag-based IAM conditions and budgets miss
    /// them. The guide makes tags mandatory for traceability. The rule does nothing until the
    /// list is configured.
    ///
    /// ## How to fix
    /// Add the tags to the cluster (eksctl `metadata.tags`, which eksctl propagates to the
    /// resources it creates; Terraform `tags`).
    ///
    /// ## Example
    /// ```yaml
    /// # .ladrillo.yaml: required-tags: [Owner, Environment]
    /// metadata:
    ///   name: prod
    ///   tags:            # flagged: no Environment
    ///     Owner: platform
    /// ```
    pub struct RequiredTagsMissing {
        code: "EKS021",
        name: "required-tags-missing",
        group: Eks,
        severity: Low,
        guide: ["G5.3"],
        references: [],
    }
}

impl Rule for RequiredTagsMissing {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let required = &cx.options.required_tags;
        let Some(tags) = c.tags.value() else { return };
        let missing: Vec<&str> = required
            .iter()
            .filter(|r| !tags.iter().any(|t| &t.value.key == *r))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            return;
        }
        let message = crate::msg!(
            "rule-eks021-message",
            cluster = super::cluster(c),
            count = missing.len(),
            tags = missing.join(", ")
        );
        cx.report_field(self, c, &c.tags, message).help(crate::msg!("rule-eks021-help"));
    }
}

#[cfg(test)]
mod tests {
    use crate::document::SourceFile;
    use crate::settings::Config;

    #[test]
    fn required_tags_are_read_from_the_config_and_other_keys_stay_errors() {
        let ok = Config::parse(&SourceFile::new("c", None, "required-tags: [Owner, Environment]\n".into()));
        assert_eq!(ok.expect("valid").required_tags, ["Owner", "Environment"]);
        let bad = Config::parse(&SourceFile::new("c", None, "required-tag: [Owner]\n".into()));
        let errors = bad.expect_err("unknown key");
        assert_eq!(errors[0].to_string(), "c:1:1: unknown key `required-tag`; did you mean `required-tags`?");
    }
}
