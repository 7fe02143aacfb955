#!/usr/bin/env python3
"""What `debrief` reads from a folder of real runbooks: the share of runbooks with each fact,
and the errors `check` reports by rule. Not part of the test suite's pass/fail.

    python3 bench/runbook_reading.py ../shared/corpus/openshift-runbooks [--debrief PATH]

The folder is used as the runbooks folder of a temporary knowledge base (a symbolic link, so
`OWNERS` files above the runbooks stay visible). A runbook counts as "active" unless `inspect`
reports it deprecated, a redirect or a document; the shares are over active runbooks.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def inspect(debrief, root, path):
    out = subprocess.run([debrief, "inspect", path, "--format", "json", "--root", root],
                         capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--debrief", default=os.path.join(ROOT, ".build/debug/debrief"))
    args = parser.parse_args()
    folder = os.path.abspath(args.folder)
    with tempfile.TemporaryDirectory() as root:
        os.symlink(folder, os.path.join(root, "runbooks"))
        with open(os.path.join(root, "debrief.yml"), "w") as config:
            config.write("content_dir: .\n")
        files = sorted(os.path.relpath(os.path.join(d, f), folder)
                       for d, _, names in os.walk(folder) for f in names
                       if f.endswith((".md", ".yml", ".yaml")) and not f.startswith(("_", ".")) and f not in ("OWNERS", "OWNERS_ALIASES"))
        shares = collections.Counter()
        statuses = collections.Counter()
        for relative in files:
            model = inspect(args.debrief, root, "runbooks/" + relative)
            if model is None:
                statuses["unreadable"] += 1
                continue
            status = model.get("status", "active")
            statuses[status] += 1
            if status != "active":
                continue
            shares["owner"] += bool(model.get("owner"))
            shares["alert"] += bool(model.get("alert_names"))
            shares["impact"] += bool(model.get("impact"))
            shares["diagnosis commands"] += any(step.get("command") for step in model.get("diagnosis", []))
            shares["mitigation options"] += bool(model.get("mitigation"))
            shares["several options"] += len(model.get("mitigation", [])) > 1
            shares["escalation"] += bool(model.get("escalation"))
        check = subprocess.run([args.debrief, "check", "--format", "json", "--root", root, "--as-of", "2026-12-01"],
                               capture_output=True, text=True)
        errors = collections.Counter(d["rule"] for d in json.loads(check.stdout)["diagnostics"] if d["severity"] == "error")
    active = statuses.get("active", 0)
    print(f"{len(files)} files: " + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items())))
    for fact in ("owner", "alert", "impact", "diagnosis commands", "mitigation options", "several options", "escalation"):
        print(f"  {fact:20} {shares[fact]:4} / {active}  {100 * shares[fact] / max(active, 1):5.1f}%")
    print("errors from check: " + (", ".join(f"{rule} {count}" for rule, count in errors.most_common()) or "none"))


if __name__ == "__main__":
    sys.exit(main())
