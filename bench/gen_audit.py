#!/usr/bin/env python3
"""Generate a realistic EKS audit log (JSON lines, `audit.k8s.io/v1`) for benchmarks.

    python3 bench/gen_audit.py --events 200000 --out target/bench-audit/events.jsonl
    python3 bench/gen_audit.py --size 2G --out /tmp/audit-2g.jsonl

The mix follows what an EKS cluster's `kube-apiserver-audit` stream is made of under EKS's audit
policy: mostly control-plane and node traffic (kubelet node and lease updates logged with request and
response bodies, controller and CoreDNS watches, reads at `Request` level, Secret and ConfigMap reads at
`Metadata`), some people using kubectl, a few pod creations with full bodies, denials, and a handful of
events that raise alerts (exec into pods, privileged pods, cluster-admin bindings). Deterministic: the
same seed and size give byte-identical output. Standard library only.
"""

import argparse
import json
import random
import sys

NODES = [f"ip-10-0-{i // 250}-{i % 250 + 4}.eu-west-1.compute.internal" for i in range(40)]
NAMESPACES = ["shop", "payments", "search", "monitoring", "ingress-nginx", "argocd"]
UA_KUBELET = "kubelet/v1.30.4 (linux/amd64) kubernetes/2f3c1a7"
UA_KCM = "kube-controller-manager/v1.30.4 (linux/amd64) kubernetes/2f3c1a7/system:serviceaccount:kube-system:{}"
UA_KUBECTL = "kubectl/v1.30.2 (darwin/arm64) kubernetes/3968350"


def node_user(node):
    return {
        "username": f"system:node:{node}",
        "uid": "aws-iam-authenticator:111122223333:AROAQXJ7EXAMPLENODE",
        "groups": ["system:bootstrappers", "system:nodes", "system:authenticated"],
        "extra": {
            "accessKeyId": ["ASIAQXJ7EXAMPLENODE1"],
            "arn": [f"arn:aws:sts::111122223333:assumed-role/eks-node-role/i-0{abs(hash(node)) % 10**15:015x}"],
            "canonicalArn": ["arn:aws:iam::111122223333:role/eks-node-role"],
            "principalId": ["AROAQXJ7EXAMPLENODE"],
            "sessionName": [f"i-0{abs(hash(node)) % 10**15:015x}"],
        },
    }


def sa_user(ns, name):
    return {
        "username": f"system:serviceaccount:{ns}:{name}",
        "uid": "5e4461f9-f529-4e66-9343-0b0cc9452284",
        "groups": ["system:serviceaccounts", f"system:serviceaccounts:{ns}", "system:authenticated"],
        "extra": {
            "authentication.kubernetes.io/credential-id": ["JTI=7c1d3f0e-9a41-4a8e-8a51-2d0f64c3b0aa"],
            "authentication.kubernetes.io/node-name": [NODES[0]],
            "authentication.kubernetes.io/pod-name": [f"{name}-7d9c5b7f6-x2l4q"],
            "authentication.kubernetes.io/pod-uid": ["0b7d9a52-51f4-4d0a-9f59-6c2f8d3e1a77"],
        },
    }


def person(name, role):
    return {
        "username": name,
        "uid": f"aws-iam-authenticator:111122223333:AROAQXJ7{role.upper():0<12}",
        "groups": ["developers" if role == "Developer" else "system:masters", "system:authenticated"],
        "extra": {
            "accessKeyId": ["ASIAQXJ7EXAMPLEUSER1"],
            "arn": [f"arn:aws:sts::111122223333:assumed-role/{role}/{name}"],
            "canonicalArn": [f"arn:aws:iam::111122223333:role/{role}"],
            "principalId": [f"AROAQXJ7{role.upper():0<12}"],
            "sessionName": [name],
        },
    }


def pod_spec(name, privileged=False):
    c = {
        "name": "app",
        "image": f"111122223333.dkr.ecr.eu-west-1.amazonaws.com/{name}:1.4.{random.randint(0, 40)}",
        "ports": [{"containerPort": 8080, "protocol": "TCP"}],
        "env": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
        "resources": {"limits": {"memory": "512Mi"}, "requests": {"cpu": "250m", "memory": "256Mi"}},
        "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 10},
        "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}, "periodSeconds": 5},
        "securityContext": {"privileged": True} if privileged else {
            "allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True, "runAsNonRoot": True,
            "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}},
        "volumeMounts": [{"name": "kube-api-access-x", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "readOnly": True}],
    }
    return {
        "serviceAccountName": name,
        "containers": [c],
        "volumes": [{"name": "kube-api-access-x", "projected": {"sources": [{"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}}]}}],
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}],
    }


class Clock:
    def __init__(self):
        self.us = 0

    def tick(self):
        self.us += random.randint(200, 3000)
        s, us = divmod(self.us, 1_000_000)
        m, s = divmod(s, 60)
        h, m = divmod(m, 60)
        d, h = divmod(h, 24)
        return f"2025-06-{1 + d % 28:02d}T{h:02d}:{m:02d}:{s:02d}.{us:06d}Z"


def event(n, clock, level, verb, uri, user, ips, ua, obj, code, stage="ResponseComplete", req=None, resp=None, decision="allow", reason=None):
    t = clock.tick()
    e = {
        "kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": level,
        "auditID": f"{n:08x}-{random.getrandbits(16):04x}-4{random.getrandbits(12):03x}-8{random.getrandbits(12):03x}-{random.getrandbits(48):012x}",
        "stage": stage, "requestURI": uri, "verb": verb, "user": user, "sourceIPs": ips, "userAgent": ua,
    }
    if obj:
        e["objectRef"] = obj
    e["responseStatus"] = {"metadata": {}, "code": code}
    if code >= 400:
        e["responseStatus"].update({"status": "Failure", "message": "forbidden", "reason": "Forbidden"})
    if req is not None:
        e["requestObject"] = req
    if resp is not None:
        e["responseObject"] = resp
    e["requestReceivedTimestamp"] = t
    e["stageTimestamp"] = t
    e["annotations"] = {"authorization.k8s.io/decision": decision,
                        "authorization.k8s.io/reason": reason if reason is not None else ("" if decision == "forbid" else "RBAC: allowed by ClusterRoleBinding \"system:node\" of ClusterRole \"system:node\" to Group \"system:nodes\"")}
    return e


def generate(n, clock):
    r = random.random()
    node = random.choice(NODES)
    ns = random.choice(NAMESPACES)
    if r < 0.22:  # kubelet lease renewal, logged with bodies
        lease = {"kind": "Lease", "apiVersion": "coordination.k8s.io/v1", "metadata": {"name": node, "namespace": "kube-node-lease", "uid": "3f1c2d4e-5a6b-7c8d-9e0f-1a2b3c4d5e6f", "resourceVersion": str(random.randint(10**6, 10**7)), "ownerReferences": [{"apiVersion": "v1", "kind": "Node", "name": node, "uid": "9d8c7b6a-5f4e-3d2c-1b0a-9f8e7d6c5b4a"}]}, "spec": {"holderIdentity": node, "leaseDurationSeconds": 40, "renewTime": clock.tick()}}
        return event(n, clock, "RequestResponse", "update", f"/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/{node}?timeout=10s", node_user(node), ["10.0.1.15"], UA_KUBELET,
                     {"resource": "leases", "namespace": "kube-node-lease", "name": node, "apiGroup": "coordination.k8s.io", "apiVersion": "v1"}, 200, req=lease, resp=lease)
    if r < 0.36:  # node status patch
        patch = {"status": {"conditions": [{"lastHeartbeatTime": clock.tick(), "type": t} for t in ("MemoryPressure", "DiskPressure", "PIDPressure", "Ready")]}}
        return event(n, clock, "Request", "patch", f"/api/v1/nodes/{node}/status?timeout=10s", node_user(node), ["10.0.1.15"], UA_KUBELET,
                     {"resource": "nodes", "name": node, "apiVersion": "v1", "subresource": "status"}, 200, req=patch)
    if r < 0.50:  # controller and CoreDNS watches
        res = random.choice(["endpointslices", "services", "pods", "configmaps", "namespaces"])
        user = sa_user("kube-system", random.choice(["coredns", "aws-node", "kube-proxy", "ebs-csi-controller-sa"]))
        return event(n, clock, "Request", "watch", f"/api/v1/{res}?allowWatchBookmarks=true&resourceVersion={random.randint(10**6, 10**7)}&timeout=8m13s&timeoutSeconds=493&watch=true",
                     user, ["10.0.27.115"], "Go-http-client/2.0", {"resource": res, "apiVersion": "v1"}, 200,
                     reason="RBAC: allowed by ClusterRoleBinding \"system:coredns\" of ClusterRole \"system:coredns\" to ServiceAccount \"coredns/kube-system\"")
    if r < 0.68:  # reads by components
        res = random.choice(["pods", "services", "endpoints", "nodes", "persistentvolumeclaims"])
        name = f"{res[:-1]}-{random.randint(0, 999)}"
        return event(n, clock, "Request", "get", f"/api/v1/namespaces/{ns}/{res}/{name}", sa_user("kube-system", "aws-node"), ["10.0.3.21"], "aws-node/v1.19.0",
                     {"resource": res, "namespace": ns, "name": name, "apiVersion": "v1"}, random.choice([200, 200, 200, 404]))
    if r < 0.80:  # Secret and ConfigMap reads at Metadata level
        res = random.choice(["secrets", "configmaps"])
        name = f"{ns}-{res[:-1]}-{random.randint(0, 20)}"
        return event(n, clock, "Metadata", "get", f"/api/v1/namespaces/{ns}/{res}/{name}", node_user(node), ["10.0.1.15"], UA_KUBELET,
                     {"resource": res, "namespace": ns, "name": name, "apiVersion": "v1"}, 200,
                     reason="")
    if r < 0.90:  # people with kubectl
        who = random.choice([("alice", "Developer"), ("carol", "Developer"), ("bob", "Admin")])
        res = random.choice(["pods", "deployments", "services", "events"])
        return event(n, clock, "Request", "list", f"/api/v1/namespaces/{ns}/{res}?limit=500", person(*who), ["10.20.0.7"], UA_KUBECTL,
                     {"resource": res, "namespace": ns, "apiVersion": "v1"}, 200,
                     reason="RBAC: allowed by RoleBinding \"developers/" + ns + "\" of ClusterRole \"edit\" to Group \"developers\"")
    if r < 0.96:  # pod creations by the ReplicaSet controller, with bodies
        name = random.choice(["web", "checkout", "search-api", "worker"])
        podname = f"{name}-7d9c5b7f6-{random.getrandbits(20):05x}"
        obj = {"kind": "Pod", "apiVersion": "v1", "metadata": {"generateName": f"{name}-7d9c5b7f6-", "namespace": ns, "labels": {"app": name, "pod-template-hash": "7d9c5b7f6"},
               "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": f"{name}-7d9c5b7f6", "uid": "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", "controller": True, "blockOwnerDeletion": True}]},
               "spec": pod_spec(name)}
        resp = dict(obj, metadata=dict(obj["metadata"], name=podname, uid="6f5e4d3c-2b1a-0f9e-8d7c-6b5a4f3e2d1c", resourceVersion=str(random.randint(10**6, 10**7))), status={"phase": "Pending", "qosClass": "Burstable"})
        return event(n, clock, "RequestResponse", "create", f"/api/v1/namespaces/{ns}/pods", sa_user("kube-system", "replicaset-controller"), ["10.0.0.2"], UA_KCM.format("replicaset-controller"),
                     {"resource": "pods", "namespace": ns, "name": podname, "apiVersion": "v1"}, 201, req=obj, resp=resp,
                     reason="RBAC: allowed by ClusterRoleBinding \"system:controller:replicaset-controller\" of ClusterRole \"system:controller:replicaset-controller\" to ServiceAccount \"replicaset-controller/kube-system\"")
    if r < 0.99:  # denials
        return event(n, clock, "Metadata", "list", f"/api/v1/namespaces/{ns}/secrets?limit=500", sa_user(ns, "web"), [f"10.0.{random.randint(0, 9)}.{random.randint(2, 250)}"], "python-requests/2.31.0",
                     {"resource": "secrets", "namespace": ns, "apiVersion": "v1"}, 403, decision="forbid")
    # Events that raise alerts.
    r2 = random.random()
    if r2 < 0.4:
        pod = f"web-{random.randint(0, 9)}"
        return event(n, clock, "Request", "create", f"/api/v1/namespaces/{ns}/pods/{pod}/exec?command=sh&container=app&stdin=true&stdout=true&tty=true", person("alice", "Developer"),
                     ["203.0.113.7"], UA_KUBECTL, {"resource": "pods", "namespace": ns, "name": pod, "apiVersion": "v1", "subresource": "exec"}, 101, stage="ResponseStarted")
    if r2 < 0.8:
        obj = {"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "debug", "namespace": ns}, "spec": pod_spec("debug", privileged=True)}
        return event(n, clock, "RequestResponse", "create", f"/api/v1/namespaces/{ns}/pods", person("carol", "Developer"), ["10.20.0.9"], UA_KUBECTL,
                     {"resource": "pods", "namespace": ns, "name": "debug", "apiVersion": "v1"}, 201, req=obj, resp=obj)
    crb = {"kind": "ClusterRoleBinding", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": f"tmp-admin-{n}"},
           "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"}, "subjects": [{"kind": "User", "name": "mallory", "apiGroup": "rbac.authorization.k8s.io"}]}
    return event(n, clock, "RequestResponse", "create", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", person("bob", "Admin"), ["10.20.0.7"], UA_KUBECTL,
                 {"resource": "clusterrolebindings", "name": f"tmp-admin-{n}", "apiGroup": "rbac.authorization.k8s.io", "apiVersion": "v1"}, 201, req=crb, resp=crb)


def parse_size(s):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(s[:-1]) * units[s[-1].upper()]) if s[-1].upper() in units else int(s)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, help="number of events")
    p.add_argument("--size", help="stop at this many bytes (2G, 500M)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    if not a.events and not a.size:
        p.error("give --events or --size")
    random.seed(a.seed)
    limit = parse_size(a.size) if a.size else None
    clock = Clock()
    written = n = 0
    # A deterministic hash for the node ARNs (Python salts str hashes per process).
    global hash
    hash = lambda s: sum(ord(c) * 31 ** i for i, c in enumerate(s)) % (1 << 61)
    with open(a.out, "w", encoding="utf-8") as f:
        while (a.events is None or n < a.events) and (limit is None or written < limit):
            line = json.dumps(generate(n, clock), separators=(",", ":")) + "\n"
            f.write(line)
            written += len(line)
            n += 1
    json.dump({"events": n, "bytes": written, "seed": a.seed}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
