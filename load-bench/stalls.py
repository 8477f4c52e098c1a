"""Slow seconds of our server's steps beside its collector's pauses.

usage: python3 stalls.py OUT_DIR [THRESHOLD_MS]   (default 100)

Reads OUT_DIR/results.jsonl (each step's windowStartEpochMs and secondMaxMs: the slowest
delivery that arrived in each second of the window) and OUT_DIR/gc-ours-STORE.log (run.sh writes
it with GC_LOG=1, the default: one line per pause, with its wall-clock end time; or the same
file gzipped, as kept under results/). For every second
of one of our steps whose slowest delivery took at least THRESHOLD_MS it lists the pauses that
overlap that second or the THRESHOLD_MS before it; a slow second with no pause beside it came
from somewhere else (the store, the machine).
"""
import gzip
import json
import re
import sys
from datetime import datetime
from pathlib import Path

LINE = re.compile(r"^\[([^\]]+)\]\[[0-9.]+s\] GC\(\d+\) (Pause [^(]*\([^)]*\)).* ([0-9.]+)ms$")
STORES = {"ours-embedded": "embedded", "ours-postgres": "postgres"}


def pauses(path):
    out = []
    if path.exists():
        text = path.read_text()
    elif path.with_name(path.name + ".gz").exists():  # as archived under results/
        text = gzip.decompress(path.with_name(path.name + ".gz").read_bytes()).decode()
    else:
        return out
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if m:
            end = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000
            ms = float(m.group(3))
            out.append((end - ms, end, m.group(2).strip(), ms))
    return out


def main():
    out_dir = Path(sys.argv[1])
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
    logs = {}
    for line in (out_dir / "results.jsonl").read_text().splitlines():
        try:
            step = json.loads(line)
        except ValueError:
            continue
        store = STORES.get(step.get("label"))
        if store is None or "secondMaxMs" not in step:
            continue
        if store not in logs:
            logs[store] = pauses(out_dir / f"gc-ours-{store}.log")
        start = step["windowStartEpochMs"]
        for k, worst in enumerate(step["secondMaxMs"]):
            if worst < threshold:
                continue
            lo, hi = start + k * 1000 - threshold, start + (k + 1) * 1000
            near = [p for p in logs[store] if p[1] >= lo and p[0] <= hi]
            what = "; ".join(f"{p[2]} {p[3]:.0f} ms" for p in near) or "no pause"
            print(f"{step['label']} rate {step['rate']} second {k}: slowest {worst:.0f} ms — {what}")


if __name__ == "__main__":
    main()
