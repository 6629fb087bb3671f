#!/usr/bin/env python3
"""Generate a deterministic corpus of Kubernetes manifests for benchmarks.

A realistic mix (Deployments, StatefulSets, DaemonSets, CronJobs, Pods, Services, ConfigMaps,
ServiceAccounts, Roles/RoleBindings, NetworkPolicies, Namespaces; no Secrets), with varied security
settings so that every tool has something to report, spread over environments, teams and apps in many
directories; some apps are one multi-document file, others one file per object.

    python3 bench/gen_corpus.py --objects 10000 --seed 42 --out bench/out/corpus
    python3 bench/gen_corpus.py --objects 10000 --seed 42 --list bench/out/list.json   # one file

Same seed and object count give byte-identical output. Standard library only.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys
from collections import Counter

ENVS = ["prod", "staging", "sandbox"]  # not "dev": Trivy skips directories named dev
WORDS = [
    "api", "auth", "billing", "cart", "catalog", "checkout", "search", "orders", "payments", "users",
    "inventory", "shipping", "notify", "report", "gateway", "cache", "queue", "worker", "media", "audit",
    "ledger", "pricing", "promo", "review", "session", "tracker", "export", "import", "sync", "metrics",
]
IMAGES = [
    "nginx", "redis", "postgres", "python", "node", "golang", "busybox", "envoyproxy/envoy", "grafana/grafana",
    "bitnami/kafka", "library/httpd", "openjdk", "memcached", "rabbitmq", "quay.io/prometheus/node-exporter",
]
PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_./-]*$")
YAML11_SPECIAL = {
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "", "Y", "N", "Yes", "No", "True",
    "False", "On", "Off", "NO", "YES", "TRUE", "FALSE", "ON", "OFF", "Null", "NULL",
}


def scalar(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    s = str(v)
    if PLAIN.match(s) and s not in YAML11_SPECIAL:
        return s
    return json.dumps(s)


def emit(obj, indent=0):
    """Block-style YAML for dicts, lists and scalars."""
    pad = " " * indent
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            key = scalar(k)
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{key}:")
                out.extend(emit(v, indent + (2 if isinstance(v, dict) else 0)))
            elif isinstance(v, dict):
                out.append(f"{pad}{key}: {{}}")
            elif isinstance(v, list):
                out.append(f"{pad}{key}: []")
            elif isinstance(v, str) and "\n" in v:
                out.append(f"{pad}{key}: |")
                out.extend(f"{pad}  {line}" for line in v.rstrip("\n").split("\n"))
            else:
                out.append(f"{pad}{key}: {scalar(v)}")
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, (dict, list)) and item:
                lines = emit(item, indent + 2)
                out.append(f"{pad}- {lines[0][indent + 2:]}")
                out.extend(lines[1:])
            else:
                out.append(f"{pad}- {scalar(item)}")
    else:
        out.append(f"{pad}{scalar(obj)}")
    return out


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def chance(self, p):
        return self.r.random() < p

    def image(self):
        name = self.r.choice(IMAGES)
        roll = self.r.random()
        if roll < 0.15:
            return name  # no tag
        if roll < 0.3:
            return f"{name}:latest"
        if roll < 0.45:
            digest = "".join(self.r.choice("0123456789abcdef") for _ in range(64))
            return f"{name}@sha256:{digest}"
        return f"{name}:{self.r.randint(1, 9)}.{self.r.randint(0, 30)}.{self.r.randint(0, 9)}"

    def container(self, name, app):
        c = {"name": name, "image": self.image()}
        if self.chance(0.4):
            c["imagePullPolicy"] = self.r.choice(["Always", "IfNotPresent"])
        if self.chance(0.2):
            c["command"] = ["/bin/sh", "-c"]
            c["args"] = [f"exec /usr/local/bin/{app} --port=8080"]
        if self.chance(0.8):
            c["ports"] = [{"containerPort": self.r.choice([80, 443, 8080, 8443, 9090, 5432, 6379]),
                           "name": "http", "protocol": "TCP"}]
        if self.chance(0.5):
            c["env"] = [
                {"name": "LOG_LEVEL", "value": self.r.choice(["info", "debug", "warn"])},
                {"name": "APP_NAME", "value": app},
                {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
            ]
        if self.chance(0.3):
            c["envFrom"] = [{"configMapRef": {"name": f"{app}-config"}}]
        if self.chance(0.75):
            res = {"requests": {"cpu": f"{self.r.choice([50, 100, 250, 500])}m",
                                "memory": f"{self.r.choice([64, 128, 256, 512])}Mi"}}
            if self.chance(0.7):
                res["limits"] = {"cpu": f"{self.r.choice([500, 1000, 2000])}m",
                                 "memory": f"{self.r.choice([256, 512, 1024])}Mi"}
            c["resources"] = res
        if self.chance(0.6):
            c["livenessProbe"] = {"httpGet": {"path": "/healthz", "port": 8080},
                                  "initialDelaySeconds": 10, "periodSeconds": 10}
        if self.chance(0.5):
            c["readinessProbe"] = {"httpGet": {"path": "/ready", "port": 8080}, "periodSeconds": 5}
        sc = {}
        roll = self.r.random()
        if roll < 0.05:
            sc["privileged"] = True
        elif roll < 0.55:
            sc["allowPrivilegeEscalation"] = False
            if self.chance(0.7):
                sc["readOnlyRootFilesystem"] = True
            if self.chance(0.7):
                sc["capabilities"] = {"drop": ["ALL"]}
            if self.chance(0.4):
                sc["runAsNonRoot"] = True
                sc["runAsUser"] = self.r.choice([1000, 10001, 65534])
        elif roll < 0.62:
            sc["capabilities"] = {"add": [self.r.choice(["NET_ADMIN", "SYS_ADMIN", "NET_RAW"])]}
        elif roll < 0.65:
            sc["runAsUser"] = 0
        if sc:
            c["securityContext"] = sc
        if self.chance(0.3):
            c["volumeMounts"] = [{"name": "data", "mountPath": "/data"}]
        return c

    def pod_spec(self, app, kind):
        spec = {}
        if self.chance(0.6):
            spec["serviceAccountName"] = app
        if self.chance(0.3):
            spec["automountServiceAccountToken"] = False
        if self.chance(0.4):
            psc = {"runAsNonRoot": True, "runAsUser": 10001, "fsGroup": 2000}
            if self.chance(0.6):
                psc["seccompProfile"] = {"type": "RuntimeDefault"}
            spec["securityContext"] = psc
        if kind == "DaemonSet" and self.chance(0.4):
            spec["hostNetwork"] = True
        elif self.chance(0.02):
            spec["hostPID"] = True
        if self.chance(0.1):
            spec["initContainers"] = [self.container("init", app)]
        spec["containers"] = [self.container(app, app)]
        if self.chance(0.25):
            spec["containers"].append(self.container("sidecar", app))
        vols = []
        if any("volumeMounts" in c for c in spec["containers"]):
            if kind == "DaemonSet" and self.chance(0.5) or self.chance(0.03):
                vols.append({"name": "data", "hostPath": {"path": "/var/lib/" + app}})
            else:
                vols.append({"name": "data", "emptyDir": {}})
        if vols:
            spec["volumes"] = vols
        if self.chance(0.2):
            spec["nodeSelector"] = {"kubernetes.io/os": "linux"}
        if self.chance(0.15):
            spec["tolerations"] = [{"key": "dedicated", "operator": "Equal", "value": app, "effect": "NoSchedule"}]
        if kind in ("Job", "CronJob", "Pod") and self.chance(0.8):
            spec["restartPolicy"] = "OnFailure" if kind != "Pod" else "Always"
        return spec

    def meta(self, name, ns, app, team):
        m = {"name": name, "namespace": ns,
             "labels": {"app.kubernetes.io/name": app, "app.kubernetes.io/part-of": team}}
        if self.chance(0.2):
            m["annotations"] = {"owner": f"{team}@example.com"}
        return m

    def workload(self, kind, app, ns, team):
        labels = {"app.kubernetes.io/name": app}
        template = {"metadata": {"labels": dict(labels)}, "spec": self.pod_spec(app, kind)}
        if kind == "Pod":
            return {"apiVersion": "v1", "kind": "Pod", "metadata": self.meta(app, ns, app, team),
                    "spec": template["spec"]}
        if kind == "CronJob":
            return {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": self.meta(app, ns, app, team),
                    "spec": {"schedule": f"{self.r.randint(0, 59)} {self.r.randint(0, 23)} * * *",
                             "concurrencyPolicy": "Forbid",
                             "jobTemplate": {"spec": {"backoffLimit": 3, "template": template}}}}
        spec = {"selector": {"matchLabels": labels}, "template": template}
        if kind in ("Deployment", "StatefulSet"):
            spec = {"replicas": self.r.choice([1, 2, 3, 5])} | spec
        if kind == "StatefulSet":
            spec["serviceName"] = app
            spec["volumeClaimTemplates"] = [{
                "metadata": {"name": "pgdata"},
                "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "gp3",
                         "resources": {"requests": {"storage": "10Gi"}}}}]
        return {"apiVersion": "apps/v1", "kind": kind, "metadata": self.meta(app, ns, app, team), "spec": spec}

    def service(self, app, ns, team):
        t = self.r.choice(["ClusterIP"] * 6 + ["NodePort", "LoadBalancer"])
        return {"apiVersion": "v1", "kind": "Service", "metadata": self.meta(app, ns, app, team),
                "spec": {"type": t, "selector": {"app.kubernetes.io/name": app},
                         "ports": [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"}]}}

    def configmap(self, app, ns, team):
        data = {"LOG_FORMAT": "json", "FEATURE_FLAGS": "a,b,c",
                "app.properties": f"server.port=8080\napp.name={app}\ncache.ttl={self.r.randint(10, 600)}\n"}
        return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": self.meta(f"{app}-config", ns, app, team),
                "data": data}

    def service_account(self, app, ns, team):
        sa = {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": self.meta(app, ns, app, team)}
        if self.chance(0.3):
            sa["automountServiceAccountToken"] = False
        return sa

    def role(self, app, ns, team):
        rules = [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}]
        roll = self.r.random()
        if roll < 0.1:
            rules.append({"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]})
        elif roll < 0.15:
            rules.append({"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]})
        elif roll < 0.2:
            rules.append({"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]})
        return {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                "metadata": self.meta(app, ns, app, team), "rules": rules}

    def role_binding(self, app, ns, team):
        return {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                "metadata": self.meta(app, ns, app, team),
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": app},
                "subjects": [{"kind": "ServiceAccount", "name": app, "namespace": ns}]}

    def network_policy(self, app, ns, team):
        return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                "metadata": self.meta(f"{app}-ingress", ns, app, team),
                "spec": {"podSelector": {"matchLabels": {"app.kubernetes.io/name": app}},
                         "policyTypes": ["Ingress"],
                         "ingress": [{"from": [{"podSelector": {"matchLabels": {"role": "frontend"}}}],
                                      "ports": [{"protocol": "TCP", "port": 8080}]}]}}

    def namespace_docs(self, ns, team):
        labels = {"team": team}
        if self.chance(0.5):
            labels["pod-security.kubernetes.io/enforce"] = self.r.choice(["restricted", "baseline", "privileged"])
        docs = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns, "labels": labels}}]
        if self.chance(0.6):
            docs.append({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                         "metadata": {"name": "default-deny", "namespace": ns},
                         "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}})
        return docs

    def app_docs(self, app, ns, team):
        kind = self.r.choices(["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Pod"],
                              weights=[55, 15, 6, 14, 10])[0]
        docs = [self.workload(kind, app, ns, team)]
        if kind in ("Deployment", "StatefulSet") or (kind == "Pod" and self.chance(0.3)):
            docs.append(self.service(app, ns, team))
        if self.chance(0.6):
            docs.append(self.configmap(app, ns, team))
        if self.chance(0.5):
            docs.append(self.service_account(app, ns, team))
        if self.chance(0.35):
            docs.append(self.role(app, ns, team))
            docs.append(self.role_binding(app, ns, team))
        if self.chance(0.3):
            docs.append(self.network_policy(app, ns, team))
        return docs


def render(docs, comment=None):
    parts = []
    for d in docs:
        parts.append("\n".join(emit(d)) + "\n")
    text = "---\n".join(parts)
    if comment:
        text = f"# {comment}\n" + text
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--objects", type=int, default=10000, help="number of Kubernetes objects (default 10000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="bench/out/corpus", help="output directory (replaced)")
    ap.add_argument("--list", metavar="FILE",
                    help="write the same objects as one List in FILE instead, as `kubectl get -A -o json` prints "
                         "a whole cluster")
    args = ap.parse_args()

    g = Gen(args.seed)
    files = {}  # relative path -> list of docs
    total = 0
    team_no = 0
    while total < args.objects:
        env = ENVS[team_no % len(ENVS)]
        team = f"team-{team_no:03d}"
        ns = f"{team}-{env}"
        base = f"{env}/{team}"
        ns_docs = g.namespace_docs(ns, team)
        files[f"{base}/namespace.yaml"] = ns_docs
        total += len(ns_docs)
        for i in range(g.r.randint(4, 12)):
            if total >= args.objects:
                break
            app = f"{g.r.choice(WORDS)}-{i}"
            docs = g.app_docs(app, ns, team)[: args.objects - total]
            total += len(docs)
            ext = "yml" if g.chance(0.1) else "yaml"
            if g.chance(0.4):
                files[f"{base}/apps/{app}/all.{ext}"] = docs
            else:
                for d in docs:
                    files[f"{base}/apps/{app}/{d['kind'].lower()}-{d['metadata']['name']}.{ext}"] = [d]
        team_no += 1

    if args.list:
        items = [d for docs in files.values() for d in docs]
        text = json.dumps({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}},
                          indent=4) + "\n"
        with open(args.list, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        info = {"seed": args.seed, "objects": total, "files": 1, "bytes": len(text.encode()),
                "kinds": dict(sorted(Counter(d["kind"] for d in items).items()))}
        json.dump(info, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    kinds = Counter()
    size = 0
    multi = 0
    for rel, docs in files.items():
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = render(docs, "generated by bench/gen_corpus.py" if g.chance(0.2) else None)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        size += len(text.encode())
        kinds.update(d["kind"] for d in docs)
        multi += len(docs) > 1
    dirs = {os.path.dirname(p) for p in files}
    info = {"seed": args.seed, "objects": total, "files": len(files), "multi_document_files": multi,
            "directories": len(dirs), "bytes": size, "kinds": dict(sorted(kinds.items()))}
    json.dump(info, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
