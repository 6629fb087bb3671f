//! `manifests/app.yaml` and `manifests/secret-provider-class.yaml`: the guide's example
//! application, its IRSA role (reading only its own secrets) and the SecretProviderClass
//! that mounts them.

use std::fmt::Write as _;

use serde_json::json;

use super::{container_security, pod_security, waive_digest};
use crate::generate::names::{APP, APP_IMAGE, APP_PORT};
use crate::generate::profile::Profile;
use crate::generate::section::IrsaRole;
use crate::generate::text::{comment, q};
use crate::i18n::{Lang, text};

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

pub fn yaml(p: &Profile, lang: Lang) -> String {
    let mut y = comment("", &text(lang, "gen-app-header"));
    service_account(&mut y, p);
    deployment(&mut y, p, lang);
    service(&mut y, p.app_namespace());
    autoscaling(&mut y, p.app_namespace(), lang);
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

fn deployment(y: &mut String, p: &Profile, lang: Lang) {
    let ns = p.app_namespace();
    let _ = write!(
        y,
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {APP}\n  namespace: {ns}\n  labels:\n\
         \x20   app.kubernetes.io/name: {APP}\n  annotations:\n{}spec:\n{}  revisionHistoryLimit: 5\n\
         \x20 selector:\n    matchLabels:\n      app.kubernetes.io/name: {APP}\n  template:\n    metadata:\n      labels:\n\
         \x20       app.kubernetes.io/name: {APP}\n        app: backend\n    spec:\n      serviceAccountName: {APP}\n\
         \x20     automountServiceAccountToken: false\n",
        waive_digest(lang),
        comment("  ", &text(lang, "gen-app-no-replicas"))
    );
    pod_security(y, 101, "      ");
    y.push_str(&comment("      ", &text(lang, "gen-app-spread")));
    let _ = write!(
        y,
        "      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n\
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
fn autoscaling(y: &mut String, ns: &str, lang: Lang) {
    let _ = write!(
        y,
        "---\n{}apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n\
         \x20 scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: {APP}\n  minReplicas: 3\n  maxReplicas: 10\n\
         \x20 metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n\
         \x20         averageUtilization: 50\n",
        comment("", &text(lang, "gen-app-hpa"))
    );
    let _ = write!(
        y,
        "---\n{}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: {APP}\n  namespace: {ns}\nspec:\n  maxUnavailable: 1\n\
         \x20 selector:\n    matchLabels:\n      app.kubernetes.io/name: {APP}\n",
        comment("", &text(lang, "gen-app-pdb"))
    );
}

pub fn secret_provider_class(p: &Profile, lang: Lang) -> String {
    let ns = p.app_namespace();
    let secret = format!("{}db", p.app_secret_prefix());
    format!(
        "{}apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: {APP}-secrets\n  namespace: {ns}\n\
         spec:\n  provider: aws\n  parameters:\n    region: {}\n    objects: |\n      - objectName: {}\n        objectType: \"secretsmanager\"\n",
        comment("", &text(lang, "gen-secret-provider-class")),
        q(&p.region),
        q(&secret)
    )
}

/// Who calls the example application, as the NetworkPolicies and `.ladrillo.yaml` say.
pub fn callers_step(p: &Profile, lang: Lang) -> String {
    crate::t!(lang, "gen-callers-step", app = APP, namespace = p.app_namespace(), port = APP_PORT.to_string())
}

pub fn readme_step(p: &Profile, lang: Lang) -> String {
    crate::t!(lang, "gen-secrets-store-step", prefix = p.app_secret_prefix())
}
