//! `manifests/storage-class.yaml`.

use crate::generate::text::comment;
use crate::i18n::{Lang, text};

pub fn yaml(lang: Lang) -> String {
    comment("", &text(lang, "gen-storage-class-header"))
        + "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3-encrypted\n  annotations:\n\
         \x20   storageclass.kubernetes.io/is-default-class: \"true\"\nprovisioner: ebs.csi.aws.com\nparameters:\n\
         \x20 type: gp3\n  encrypted: \"true\"\n  csi.storage.k8s.io/fstype: ext4\nreclaimPolicy: Delete\n\
         volumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n"
}
