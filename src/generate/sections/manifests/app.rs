//! `manifests/app.yaml` and `manifests/secret-provider-class.yaml`: the guide's example
//! application, its IRSA role (reading only its own secrets) and the SecretProviderClass
//! that mounts them.

use std::fmt::Write as _;

use serde_json::json;

use super::{WAIVE_DIGEST, container_security, pod_security};
use crate::generate::names::{APP, APP_IMAGE, APP_PORT};
use crate::generate::profile::Profile;
use crate::generate::section::IrsaRole;
use crate::generate::text::q;

/// The application reads only its own secrets.
pub fn role(p: &Profile) -> IrsaRole {
    let policy = json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "ReadOwnSecrets",
            "Effect": "Allow",
            "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
            "Resource": format!(
                "arn:aws:secretsmanager:{}:{}:secret:{}*",
                p.region,
                p.account_id,
                p.app_secret_prefix()
            ),
        }],
    });
    IrsaRole {
        key: "mi-app",
        namespace: p.app_namespace().to_string(),
        service_account: APP.into(),
        managed_policies: vec![],
        policy: Some(policy),
    }
}

pub fn yaml(p: &Profile) -> String {
    let mut y = String::from(
        "# The guide's example application (G3.7), hardened to the restricted Pod Security Standard:\n\
         # its own ServiceAccount with an IRSA role and no API token, non-root, read-only root\n\
         # filesystem, no capabilities, requests and limits, probes, spread over zones, secrets as\n\
         # files from AWS Secrets Manager (guide:G4.3, G4.6; CIS 4.1.5, 4.1.6, 4.4.1, 5.2.1).\n\
         # Replace the image with yours.\n",
    );
    service_account(&mut y, p);
    deployment(&mut y, p);
    service(&mut y, p.app_namespace());
    autoscaling(&mut y, p.app_namespace());
    y
}

fn service_account(y: &mut String, p: &Profile) {
    let ns = p.app_namespace();
    let role = p.role_arn(&p.irsa_role_name(APP));
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {APP}\n  namespace: {ns}\n  annotations:\n\
         \x20   eks.amazonaws.com/role-arn: {}\nautomountServiceAccountToken: false\n",
        q(&role)
    );
}

fn deployment(y: &mut String, p: &Profile) {
    let ns = p.app_namespace();
    let _ = write!(
        y,
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {APP}\n  namespace: {ns}\n  labels:\n\
         \x20   app.kubernetes.io/name: {APP}\n  annotations:\n{WAIVE_DIGEST}spec:\n\
         \x20 # No `replicas`: the HorizontalPodAutoscaler below owns the count (3 to 10); a fixed count\n\
         \x20 # here would reset it at every apply.\n  revisionHistoryLimit: 5\n\
         \x20 selector:\n    matchLabels:\n      app.kubernetes.io/name: {APP}\n  template:\n    metadata:\n      labels:\n\
         \x20       app.kubernetes.io/name: {APP}\n        app: backend\n    spec:\n      serviceAccountName: {APP}\n\
         \x20     automountServiceAccountToken: false\n"
    );
    pod_security(y, 101, "      ");
    let _ = write!(
        y,
        "      # Replicas in different zones, so one zone outage leaves the service up (guide:G5.1).\n\
         \x20     topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n\
         \x20         whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n\
         \x20             app.kubernetes.io/name: {APP}\n      containers:\n        - name: app\n\
         \x20         image: {image}\n          imagePullPolicy: Always\n\
         \x20         ports:\n            - name: http\n              containerPort: {APP_PORT}\n\
         \x20         resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n\
         \x20           limits:\n              cpu: 500m\n              memory: 256Mi\n\
         \x20         readinessProbe:\n            httpGet:\n              path: /\n              port: http\n            periodSeconds: 10\n\
         \x20         livenessProbe:\n            tcpSocket:\n              port: http\n\
         \x20           initialDelaySeconds: 10\n            periodSeconds: 20\n",
        image = p.image(APP_IMAGE)
    );
    container_security(y, "          ");
    let _ = write!(
        y,
        "          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n            - name: secrets\n\
         \x20             mountPath: /mnt/secrets\n              readOnly: true\n      volumes:\n        - name: tmp\n\
         \x20         emptyDir:\n            sizeLimit: 64Mi\n        - name: secrets\n          csi:\n\
         \x20           driver: secrets-store.csi.k8s.io\n            readOnly: true\n            volumeAttributes:\n\
         \x20             secretProviderClass: {APP}-secrets\n"
    );
}

fn service(y: &mut String, ns: &str) {
    let _ = write!(
        y,
        "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n  type: ClusterIP\n\
         \x20 selector:\n    app.kubernetes.io/name: {APP}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n"
    );
}

/// The HorizontalPodAutoscaler and the PodDisruptionBudget.
fn autoscaling(y: &mut String, ns: &str) {
    let _ = write!(
        y,
        "---\n# The guide's autoscaling example (G3.7): 3 to 10 replicas at 50% CPU.\n\
         apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n\
         \x20 scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: {APP}\n  minReplicas: 3\n  maxReplicas: 10\n\
         \x20 metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n\
         \x20         averageUtilization: 50\n"
    );
    let _ = write!(
        y,
        "---\n# Node drains and upgrades take at most one replica at a time (guide:G5.1).\n\
         apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n  maxUnavailable: 1\n\
         \x20 selector:\n    matchLabels:\n      app.kubernetes.io/name: {APP}\n"
    );
}

pub fn secret_provider_class(p: &Profile) -> String {
    let ns = p.app_namespace();
    let secret = format!("{}db", p.app_secret_prefix());
    format!(
        "# Secrets stay in AWS Secrets Manager and reach the pod as files through the Secrets Store CSI\n\
         # driver, never as literals in YAML (guide:G4.6, CIS 4.4.1, 4.4.2). Needs the driver and its AWS\n\
         # provider installed (see README.md).\n\
         apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: {APP}-secrets\n  namespace: {ns}\n\
         spec:\n  provider: aws\n  parameters:\n    region: {}\n    objects: |\n      - objectName: {}\n        objectType: \"secretsmanager\"\n",
        q(&p.region),
        q(&secret)
    )
}

/// Who calls the example application, as the NetworkPolicies and `.ladrillo.yaml` say.
pub fn callers_step(p: &Profile) -> String {
    let ns = p.app_namespace();
    format!(
        "Who reaches the example application: `{APP}` (Service `{APP}` in namespace `{ns}`, port 80 →\n\
         {APP_PORT}) accepts connections only from pods labelled `app: frontend` in `{ns}`, whose egress\n\
         to it is allowed too (`manifests/network-policies.yaml`); deploy your frontend with that label.\n\
         Nothing else reaches it, an ingress controller included: to expose it, add a NetworkPolicy\n\
         for your ingress controller's pods. Check it with\n\
         `ladrillo netpol explain {ns}/YOUR-FRONTEND {ns}/{APP} {APP_PORT} -f manifests/ -f YOUR-FRONTEND.yaml`."
    )
}

pub fn readme_step(p: &Profile) -> String {
    format!(
        "The SecretProviderClass needs the Secrets Store CSI driver and its AWS provider on the cluster\n\
         (Helm charts `secrets-store-csi-driver` and `secrets-store-csi-driver-provider-aws`), and a\n\
         secret named `{}db` in AWS Secrets Manager.",
        p.app_secret_prefix()
    )
}
