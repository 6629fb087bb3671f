//! Pod Security Standards evaluation throughput: a mix of realistic pod templates (compliant,
//! baseline-breaking, restricted-breaking, several containers, probes, ports, volumes),
//! evaluated from parsed objects. Reports pods per second.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ladrillo::analysis::pss::{self, Level, Policy, Version};
use ladrillo::document::yaml;
use ladrillo::model::{Object, Workload};

/// A Deployment whose template varies with `i`.
fn manifest(i: usize) -> String {
    let privileged = i.is_multiple_of(7);
    let pod_sc = if i.is_multiple_of(3) {
        "securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}"
    } else {
        "securityContext: {fsGroup: 2000}"
    };
    let host_network = i.is_multiple_of(11);
    format!(
        "apiVersion: apps/v1
kind: Deployment
metadata: {{name: app-{i}, namespace: team-{ns}}}
spec:
  replicas: 3
  template:
    metadata:
      labels: {{app: app-{i}}}
      annotations: {{prometheus.io/scrape: \"true\", container.apparmor.security.beta.kubernetes.io/app: runtime/default}}
    spec:
      hostNetwork: {host_network}
      {pod_sc}
      initContainers:
        - name: migrate
          image: registry.example/migrate:{i}
          securityContext: {{allowPrivilegeEscalation: false, capabilities: {{drop: [ALL]}}}}
      containers:
        - name: app
          image: registry.example/app:{i}
          ports: [{{containerPort: 8080, name: http}}, {{containerPort: 9090, hostPort: {host_port}}}]
          livenessProbe: {{httpGet: {{path: /healthz, port: 8080}}}}
          readinessProbe: {{httpGet: {{path: /ready, port: 8080}}}}
          securityContext:
            allowPrivilegeEscalation: false
            privileged: {privileged}
            capabilities: {{drop: [ALL], add: [NET_BIND_SERVICE]}}
          resources: {{limits: {{cpu: 500m, memory: 256Mi}}}}
        - name: sidecar
          image: registry.example/proxy:1.{i}
          securityContext: {{runAsUser: {user}}}
      volumes:
        - {{name: config, configMap: {{name: app-{i}}}}}
        - {{name: tmp, emptyDir: {{}}}}
        - {{name: token, projected: {{sources: [{{serviceAccountToken: {{path: token}}}}]}}}}
",
        ns = i % 13,
        host_port = if i.is_multiple_of(5) { 9090 } else { 0 },
        user = if i.is_multiple_of(4) { 0 } else { 1000 },
    )
}

fn objects(n: usize) -> Vec<Object> {
    (0..n)
        .map(|i| {
            let root = yaml::parse(&manifest(i)).documents.remove(0).root;
            Object::from_root(root, None).expect("valid").expect("an object")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let objects = objects(1000);
    let workloads: Vec<Workload<'_>> = objects.iter().filter_map(Workload::of).collect();
    let mut group = c.benchmark_group("pss");
    group.throughput(Throughput::Elements(workloads.len() as u64));
    for policy in
        [Policy::new(Level::Restricted, Version::Latest), Policy::new(Level::Baseline, Version::V1(25))]
    {
        group.bench_function(policy.to_string(), |b| {
            b.iter(|| {
                for w in &workloads {
                    black_box(pss::evaluate(black_box(w), policy));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
