use crate::document::FieldPath;
use crate::model::Object;
use crate::rules::{Context, Rule};

/// Provisioners whose volumes are EBS volumes, and whether `encrypted` defaults to false.
const EBS_PROVISIONERS: &[&str] = &["ebs.csi.aws.com", "ebs.csi.eks.amazonaws.com", "kubernetes.io/aws-ebs"];

crate::declare_rule! {
    /// Flags StorageClasses that provision EBS volumes without `encrypted: "true"`.
    ///
    /// ## Why is this bad?
    /// The EBS CSI driver creates unencrypted volumes unless the StorageClass asks for encryption
    /// (its `encrypted` parameter defaults to `"false"`), so every PersistentVolume of the class —
    /// databases, queues, uploaded files — sits unencrypted at rest. The guide's gp3
    /// StorageClass sets `encrypted: "true"` for exactly this reason. An account-level "EBS
    /// encryption by default" setting would cover it, but an audit of files cannot see it.
    ///
    /// ## How to fix
    /// Add `encrypted: "true"` to the StorageClass parameters, and `kmsKeyId` with a customer
    /// key ARN to control who can decrypt. Existing volumes keep their encryption state: migrate
    /// them with a snapshot.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: storage.k8s.io/v1
    /// kind: StorageClass
    /// metadata:
    ///   name: gp3
    /// provisioner: ebs.csi.aws.com
    /// parameters:
    ///   type: gp3              # flagged: no encrypted: "true"
    /// ```
    pub struct UnencryptedStorageClass {
        code: "EKS024",
        name: "unencrypted-storage-class",
        group: Eks,
        severity: Medium,
        guide: ["G2.4", "G4.7"],
        references: [
            "nsa-cisa:encryption",
        ],
    }
}

impl Rule for UnencryptedStorageClass {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("storage.k8s.io", "StorageClass") {
            return;
        }
        let Some(provisioner) = o.root.get("provisioner").and_then(|p| p.as_str()) else { return };
        if !EBS_PROVISIONERS.contains(&provisioner) {
            return;
        }
        // Parameter keys are case-insensitive for the EBS CSI driver.
        let encrypted = o
            .root
            .get("parameters")
            .and_then(|p| p.as_map())
            .and_then(|m| m.entries.iter().rev().find(|e| e.key.eq_ignore_ascii_case("encrypted")));
        let name = &o.name;
        match encrypted {
            None => {
                cx.report(
                    self,
                    o,
                    FieldPath::root().keys(&["parameters", "encrypted"]),
                    crate::msg!("rule-eks024-not-set", name = name),
                )
                .help(crate::msg!("rule-eks024-help"));
            }
            Some(e) => {
                // A boolean `true` is rejected by the API server (parameters are strings), and any
                // string other than "true" leaves the volume unencrypted.
                let value = e.value.scalar_text().unwrap_or_default();
                if value != "true" || e.value.as_str().is_none() {
                    let why = if e.value.as_str().is_none() {
                        crate::msg!("rule-eks024-type", key = e.key.as_str(), type_name = e.value.type_name())
                    } else {
                        crate::msg!("rule-eks024-value", key = e.key.as_str(), value = value)
                    };
                    cx.report(
                        self,
                        o,
                        FieldPath::root().keys(&["parameters", e.key.as_str()]),
                        crate::msg!("rule-eks024-message", name = name, why = why),
                    )
                    .help(crate::msg!("rule-eks024-help-2"));
                }
            }
        }
    }
}
