#!/usr/bin/env bash
# Seeds the corpora of the fuzz targets from the test fixtures (fuzz/corpus/TARGET/, not committed).
set -euo pipefail
cd "$(dirname "$0")"
fx=../tests/fixtures
mkdir -p corpus/{yaml,json,json_tree,json_list,webhook,terraform,cloudformation,eksctl,config,waiver}
find "$fx" -name '*.yaml' ! -name '*.cfn.yaml' -exec cp -t corpus/yaml {} +
find "$fx" -name '*.json' -exec cp -t corpus/json {} +
# The webhook's JSON reader, against the YAML reader: JSON fixtures and the bench's reviews.
find "$fx" -name '*.json' -exec cp -t corpus/json_tree {} +
cp ../bench/webhook/*.json corpus/json_tree/
cp ../bench/webhook/*.json corpus/webhook/
# Lists read in parts, against the same texts read whole: the JSON fixtures and small Lists.
find "$fx" -name '*.json' -exec cp -t corpus/json_list {} +
printf '{"kind": "List", "items": [{"a": [1, "]"]}, [], "x\\"", 2, null], "metadata": {}}' > corpus/json_list/list
printf '{"kind":"PodList","apiVersion":"v1","items":[{"metadata":{"name":"p"}},{"items":[1]}]}' > corpus/json_list/typed
find "$fx" -name '*.tf' -exec cp -t corpus/terraform {} +
# Templates and ClusterConfigs without their first lines: the targets put those back.
for f in $(grep -rl 'AWSTemplateFormatVersion' "$fx"); do grep -v 'AWSTemplateFormatVersion' "$f" > "corpus/cloudformation/$(basename "$f")"; done
for f in $(grep -rl 'eksctl.io/v1alpha5' "$fx"); do grep -v '^apiVersion: eksctl.io\|^kind: ClusterConfig' "$f" > "corpus/eksctl/$(basename "$f")"; done
find .. -name '.ladrillo.yaml' -not -path '../target/*' -not -path './*' | while read -r f; do cp "$f" "corpus/config/$(echo "$f" | tr '/' '_')"; done
find "$fx" -name '*.config' | while read -r f; do cp "$f" "corpus/config/$(basename "$f")"; done
printf 'privileged-container\nneeded for the CNI\n2030-01-01' > corpus/waiver/valid
printf 'pod/*,POD001\nreason\n2020-02-30' > corpus/waiver/glob-bad-date
printf 'all\n\n' > corpus/waiver/empty-reason
# The examples of docs/configuration.md.
awk '/^```yaml/{n++; f="corpus/config/doc-" n ".yaml"; next} /^```/{f=""; next} f{print > f}' ../docs/configuration.md
