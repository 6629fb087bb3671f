#!/usr/bin/env python3
"""Print the peak summed RSS (KiB) of a process and all its descendants, sampled until it exits.

    python3 bench/peak_rss.py PID [INTERVAL_SECONDS]

`/usr/bin/time -v` reports the largest single process; tools that fork workers (checkov) use the sum.
Linux only (/proc). Standard library only.
"""

import os
import sys
import time


def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
        except OSError:
            continue
        # The command name may contain spaces and parentheses: split after the last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss(root):
    kids = children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss_kib(pid)
        stack.extend(kids.get(pid, []))
    return total


def main():
    root = int(sys.argv[1])
    interval = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1
    peak = 0
    while os.path.exists(f"/proc/{root}"):
        try:
            with open(f"/proc/{root}/stat", "rb") as f:
                if f.read().split(b")")[-1].split()[0] == b"Z":
                    break
        except OSError:
            break
        peak = max(peak, tree_rss(root))
        time.sleep(interval)
    print(peak)


if __name__ == "__main__":
    main()
