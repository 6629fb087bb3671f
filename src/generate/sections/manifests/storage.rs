//! `manifests/storage-class.yaml`.

pub fn yaml() -> String {
    String::from(
        "# The default StorageClass: gp3 volumes encrypted at rest through the EBS CSI driver. EBS is\n\
         # not encrypted unless asked (guide:G2.4, G4.7).\n\
         apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3-encrypted\n  annotations:\n\
         \x20   storageclass.kubernetes.io/is-default-class: \"true\"\nprovisioner: ebs.csi.aws.com\nparameters:\n\
         \x20 type: gp3\n  encrypted: \"true\"\n  csi.storage.k8s.io/fstype: ext4\nreclaimPolicy: Delete\n\
         volumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n",
    )
}
