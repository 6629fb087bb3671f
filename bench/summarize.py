#!/usr/bin/env python3
"""Summarise the runs of bench/compare.sh into bench/out/results.md and results.json.

    python3 bench/summarize.py OUT_DIR LADRILLO_BIN VENV_DIR
"""

import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

TOOLS = ["ladrillo", "ladrillo-j1", "trivy", "checkov"]
TARGETS = {"checkov": 50, "trivy": 10}  # ladrillo at least this many times faster
RSS_TARGET_MIB = 200


def parse_time(path):
    text = open(path, encoding="utf-8").read()

    def field(label):
        m = re.search(re.escape(label) + r":\s*(\S+)", text)
        return m.group(1) if m else None

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    return {
        "wall_s": secs,
        "cpu_s": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "max_rss_kib": int(field("Maximum resident set size (kbytes)")),
    }


def count_findings(tool, path):
    """(findings, files with results) from a tool's JSON report, or (None, None)."""
    try:
        data = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if tool.startswith("ladrillo"):
        return data["summary"]["findings"], data["summary"]["files"]
    if tool == "trivy":
        results = data.get("Results") or []
        return sum(r.get("MisconfSummary", {}).get("Failures", 0) for r in results), len(results)
    if tool == "checkov":
        reports = data if isinstance(data, list) else [data]
        failed = sum(r.get("summary", {}).get("failed", 0) for r in reports)
        files = {c["file_path"] for r in reports for c in r.get("results", {}).get("failed_checks", [])}
        return failed, len(files)
    return None, None


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
        return out.strip().splitlines()[0] if out.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = "?"
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal"):
            mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "kernel": platform.release(),
            "python": platform.python_version()}


def main():
    out, ladrillo_bin, venv = sys.argv[1:4]
    corpus = json.load(open(os.path.join(out, "corpus-info.json"), encoding="utf-8"))
    versions = {
        "ladrillo": version([ladrillo_bin, "--version"]),
        "trivy": "trivy " + version([os.path.join(venv, "bin", "trivy"), "--version"]).replace("Version: ", ""),
        "checkov": "checkov " + version([os.path.join(venv, "bin", "checkov"), "--version"]),
    }
    versions["ladrillo-j1"] = versions["ladrillo"] + " (--jobs 1)"
    rows = {}
    for tool in TOOLS:
        runs = []
        for t in sorted(glob.glob(os.path.join(out, "runs", f"{tool}.*.time"))):
            base = t[: -len(".time")]
            if not os.path.exists(base + ".status"):
                continue  # still running
            r = parse_time(t)
            r["status"] = int(open(base + ".status").read().strip() or -1)
            r["tree_rss_kib"] = int(open(base + ".treerss").read().strip() or 0)
            r["load_before"] = float(open(base + ".load").read().strip())
            r["findings"], r["files_reported"] = count_findings(tool, base + ".json")
            runs.append(r)
        if not runs:
            continue
        med = lambda k: statistics.median(r[k] for r in runs)  # noqa: E731
        rows[tool] = {
            "version": versions[tool],
            "runs": runs,
            "wall_s": med("wall_s"),
            "cpu_s": med("cpu_s"),
            "max_rss_mib": max(r["max_rss_kib"] for r in runs) / 1024,
            "tree_rss_mib": max(r["tree_rss_kib"] for r in runs) / 1024,
            "findings": runs[-1]["findings"],
            "files_reported": runs[-1]["files_reported"],
            "exit_status": sorted({r["status"] for r in runs}),
            # 0/1 = clean/findings for all three tools; anything else, or no report, is a failed run.
            "failed": any(r["status"] not in (0, 1) or r["findings"] is None for r in runs),
        }
    base = rows.get("ladrillo")
    lines = [
        f"Corpus: {corpus['objects']} objects in {corpus['files']} files "
        f"({corpus['multi_document_files']} multi-document), {corpus['directories']} directories, "
        f"{corpus['bytes'] / 1e6:.1f} MB, seed {corpus['seed']}.",
        "",
        "| tool | runs | wall s (median) | files/s | objects/s | CPU s (user+sys) | peak RSS MiB | "
        "peak RSS tree MiB | findings | × wall vs ladrillo | × CPU vs ladrillo |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for tool, r in rows.items():
        fx = f"{r['wall_s'] / base['wall_s']:.1f}" if base and tool != "ladrillo" else "1"
        cx = f"{r['cpu_s'] / base['cpu_s']:.1f}" if base and tool != "ladrillo" else "1"
        tree = f"{r['tree_rss_mib']:.0f}" if r["tree_rss_mib"] else "-"  # too short-lived to sample
        name = r["version"] + (f" **failed** (exit {r['exit_status']}, no report)" if r["failed"] else "")
        lines.append(
            f"| {name} | {len(r['runs'])} | {r['wall_s']:.2f} | {corpus['files'] / r['wall_s']:,.0f} | "
            f"{corpus['objects'] / r['wall_s']:,.0f} | {r['cpu_s']:.2f} | {r['max_rss_mib']:.0f} | "
            f"{tree} | {r['findings']} | {fx} | {cx} |"
        )
    lines.append("")
    if base:
        for tool, need in TARGETS.items():
            if tool in rows and rows[tool]["failed"]:
                lines.append(f"- target ≥ {need}× faster than {tool}: no result ({tool} failed)")
            elif tool in rows:
                got = rows[tool]["wall_s"] / base["wall_s"]
                lines.append(f"- target ≥ {need}× faster than {tool} (wall): {got:.1f}× "
                             f"{'met' if got >= need else 'MISSED'}")
        lines.append(f"- target peak RSS < {RSS_TARGET_MIB} MiB: {base['max_rss_mib']:.0f} MiB "
                     f"{'met' if base['max_rss_mib'] < RSS_TARGET_MIB else 'MISSED'}")
    loads = [r["load_before"] for t in rows.values() for r in t["runs"]]
    m = machine()
    lines.append(f"- machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']}, Linux {m['kernel']}; "
                 f"1-minute load average before runs {min(loads):.1f}–{max(loads):.1f}")
    text = "\n".join(lines) + "\n"
    open(os.path.join(out, "results.md"), "w", encoding="utf-8").write(text)
    json.dump({"machine": m, "corpus": corpus, "tools": rows}, open(os.path.join(out, "results.json"), "w"),
              indent=2)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
