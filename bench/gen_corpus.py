#!/usr/bin/env python3
"""Writes a synthetic knowledge base for benchmarks: N postmortems in every shape of SPEC
section 3 and N/10 runbooks (half YAML, half markdown), deterministic for a given seed.

A known share of postmortems carries planted defects (listed in manifest.json), so
`debrief check` has real work to report. manifest.json also gives each postmortem's root cause
(an index into CAUSES; absent where a defect removed it), which bench/search_quality.py uses
as relevance.

    bench/gen_corpus.py --count 10000 --seed 1 --out /tmp/debrief-bench
"""
import argparse
import json
import os
import random
import shutil
from datetime import datetime, timedelta

SERVICES = ["checkout", "payments", "search", "auth", "api-gateway", "notifications", "postgres",
            "kafka", "redis", "billing", "inventory", "ledger", "cdn", "dns", "scheduler", "mobile-api"]
TAGS = ["deploy", "config", "capacity", "dependency", "certificate", "database", "network", "cache",
        "dns", "memory-leak", "rate-limit", "migration", "feature-flag", "disk", "queue-backlog"]
PEOPLE = ["@alice", "@bob", "@carol", "@dave", "@erin", "@frank", "Grace Hopper", "Heidi Lamarr",
          "SRE team", "DB team", "Platform", "Payments team"]
ALERTS = ["HighErrorRate", "HighLatencyP99", "PodCrashLooping", "DiskFillingUp", "CertificateExpiring",
          "ConsumerLagHigh", "ReplicationLagHigh", "ErrorBudgetBurnFast", "NodeNotReady", "QueueBacklog"]
CAUSES = [
    "a configuration change lowered the connection timeout from 30s to 3s",
    "the connection pool was sized statically and saturated under a traffic spike",
    "a schema migration took an exclusive lock on the orders table",
    "an expired intermediate certificate broke TLS handshakes with the upstream",
    "a memory leak in the image resizer exhausted node memory",
    "a retry storm from mobile clients overloaded the gateway",
    "a missing index turned a hot query into a full table scan",
    "the DNS resolver cache served stale records after a failover",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DEFECTS = ["missing-owner", "missing-root-cause", "placeholder", "blame", "timeline-order"]


def words(rng, n):
    vocab = ("the service started returning errors while the on-call engineer investigated dashboards "
             "latency increased across regions and customers saw failed requests during checkout traffic "
             "we rolled back the release restored capacity and confirmed recovery with synthetic probes").split()
    return " ".join(rng.choice(vocab) for _ in range(n))


def timeline_points(rng, start):
    offsets = sorted(rng.sample(range(1, 180), 5))
    labels = ["Alert fired: {alert}", "On-call acknowledged the page", "Identified the cause", "Rollback complete, error rate back to normal", "Incident resolved"]
    points = [(start, "Deploy pushed to production")]
    for off, label in zip(offsets, labels):
        points.append((start + timedelta(minutes=off), label))
    return points


def action_items(rng, date, defect):
    items = []
    for i in range(rng.randint(2, 5)):
        owner = rng.choice(PEOPLE)
        if defect == "missing-owner" and i == 0:
            owner = ""
        due = date + timedelta(days=rng.randint(5, 90))
        status = rng.choice(["Open", "In Progress", "Done"])
        items.append((f"{words(rng, 6).capitalize()} for {rng.choice(SERVICES)}", owner, due, status))
    return items


def postmortem(rng, index, shape, defect):
    """The markdown text and the index of its root cause in CAUSES (None when it states none)."""
    start = datetime(2019, 1, 1) + timedelta(days=rng.randint(0, 7 * 365), minutes=rng.randint(0, 23 * 60))
    date = start.date()
    sev = rng.randint(1, 4)
    service = rng.choice(SERVICES)
    tag = rng.choice(TAGS)
    alert = rng.choice(ALERTS)
    title = f"{service.capitalize()} {rng.choice(['outage', 'degradation', 'errors', 'latency spike'])} #{index}"
    points = timeline_points(rng, start)
    points = [(t, text.format(alert=alert)) for t, text in points]
    if defect == "timeline-order":
        points[2], points[3] = points[3], points[2]
    cause_index = rng.randrange(len(CAUSES))
    cause = CAUSES[cause_index]
    if defect == "blame":
        cause = "human error: the operator forgot to check the dashboard; " + cause
    if defect == "placeholder":
        cause = "[Describe the technical root cause]"
    if defect in ("placeholder", "missing-root-cause"):
        cause_index = None
    # str.capitalize() would lower the placeholder's `[Describe ...]` into text no template leaves.
    opening = cause if defect == "placeholder" else cause.capitalize()
    root = "" if defect == "missing-root-cause" else f"## Root Cause\n\n{opening}. {words(rng, 40)}.\n\n"
    summary = f"## Summary\n\n{words(rng, 50).capitalize()}.\n\n"
    impact = f"## Impact\n\n- {rng.randint(100, 90000)} users affected\n- {words(rng, 12)}\n\n"
    # Contributing factors meet the root-cause requirement (SPEC 3), so a planted missing root cause drops both.
    factors = "" if defect == "missing-root-cause" else f"## Contributing Factors\n\n1. {words(rng, 10)}\n2. {words(rng, 10)}\n\n"
    items = action_items(rng, date, defect)
    duration = int((points[-1][0] - points[0][0]).total_seconds() // 60)

    def table_actions(with_id=False):
        head = "| ID | Action | Priority | Owner | Due | Status |\n|----|--------|----------|-------|-----|--------|\n" if with_id else "| Action | Owner | Due Date | Status |\n|--------|-------|----------|--------|\n"
        rows = ""
        for i, (text, owner, due, status) in enumerate(items, 1):
            if with_id:
                rows += f"| {i} | {text} | P{rng.randint(1, 3)} | {owner} | {due.isoformat()} | {status} |\n"
            else:
                emoji = {"Open": "⏳ Not Started", "In Progress": "🔄 In Progress", "Done": "✅ Done"}[status]
                rows += f"| {text} | {owner} | {MONTHS[due.month - 1][:3]} {due.day} | {emoji} |\n"
        return "## Action Items\n\n" + head + rows + "\n"

    def checklist_actions():
        out = "## Action Items\n\n"
        for text, owner, due, status in items:
            box = "x" if status == "Done" else " "
            owner_part = f" Owner: {owner.lstrip('@')}," if owner else ""
            out += f"- [{box}] {text}{owner_part} Due: {MONTHS[due.month - 1]} {due.day}\n"
        return out + "\n"

    if shape == 0:  # YAML front matter, bold-time list timeline
        fm = (f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}\nseverity: SEV{sev}\nstatus: complete\n"
              f"services: [{service}]\ntags: [{tag}]\nalerts: [{alert}]\nauthors: [\"{rng.choice(PEOPLE)}\"]\n"
              f"detected: {points[1][0].isoformat()}Z\nresolved: {points[-1][0].isoformat()}Z\n---\n\n")
        tl = "## Timeline (All times UTC)\n\n" + "".join(f"- **{t:%H:%M}** - {text}\n" for t, text in points) + "\n"
        return fm + f"# Postmortem: {title}\n\n" + summary + impact + tl + root + factors + table_actions(), cause_index
    if shape == 1:  # bold fields, one per line; Time|Event table
        head = (f"# Postmortem: {title}\n\n**Date:** {date.isoformat()}\n**Authors:** {rng.choice(PEOPLE)}\n"
                f"**Status:** Complete\n**Severity:** SEV-{sev}\n**Services:** {service}\n\n")
        tl = "## Timeline (UTC)\n\n| Time | Event |\n|------|-------|\n" + "".join(f"| {t:%H:%M} | {text} |\n" for t, text in points) + "\n"
        return head + summary + impact + tl + root + factors + table_actions(), cause_index
    if shape == 2:  # one |-separated bold header line, lessons learned H3s
        head = (f"# Postmortem: {title}\n**Date:** {date.isoformat()} | **Duration:** {duration} minutes | **Severity:** SEV{sev}\n"
                f"**IC:** {rng.choice(PEOPLE)} | **Authors:** {rng.choice(PEOPLE)} | **Status:** Complete\n\n")
        tl = "## Timeline (UTC)\n\n| Time | Event |\n|------|-------|\n" + "".join(f"| {t:%H:%M} | {text} |\n" for t, text in points) + "\n"
        lessons = f"## Lessons Learned\n\n### What went well\n\n- {words(rng, 8)}\n\n### What went poorly\n\n- {words(rng, 8)}\n\n### Where we got lucky\n\n- {words(rng, 8)}\n\n"
        return head + summary + impact + tl + root + lessons + table_actions(with_id=True), cause_index
    if shape == 3:  # plain Date:/Severity: lines, `14:30 - text` lines, checklist
        head = (f"# Incident: {title}\n\nDate: {date.isoformat()}\nSeverity: {['Critical', 'High', 'Medium', 'Low'][sev - 1]}\n"
                f"Duration: {duration} minutes\n\n")
        tl = "## Timeline\n\n" + "".join(f"{t:%H:%M} - {text}\n\n" for t, text in points)
        return head + summary + impact + tl + root + checklist_actions(), cause_index
    if shape == 4:  # ### date-time headings, CEST note
        head = f"# {date.isoformat()}, {title}\n\nSeverity: P{sev}\n\n"
        tl = "## Timeline\n\nAll times in CEST\n\n" + "".join(f"### {t:%Y-%m-%d %H:%M}\n\n{text}. {words(rng, 12)}.\n\n" for t, text in points)
        return head + summary + impact + tl + root + checklist_actions(), cause_index
    # shape 5: key-events bullets
    head = (f"# Postmortem: {title}\n\n**Date:** {date.isoformat()}\n**Severity:** Sev {sev}\n\n"
            f"- **Key events**\n  - First detected: {points[1][0]:%Y-%m-%d %H:%M}\n  - Incident declared: {points[2][0]:%Y-%m-%d %H:%M}\n"
            f"  - Repaired: {points[4][0]:%Y-%m-%d %H:%M}\n  - Resolved: {points[5][0]:%Y-%m-%d %H:%M}\n\n")
    tl = "## Timeline\n\n" + "".join(f"- {t:%H:%M} - {text}\n" for t, text in points) + "\n"
    return head + summary + impact + tl + root + factors + table_actions(), cause_index


def yaml_runbook(rng, index, alert, service):
    steps = "".join(f"  - step: {words(rng, 4)}\n    command: \"kubectl -n prod get pods -l app={service}\"\n    expected: \"{words(rng, 6)}\"\n" for _ in range(3))
    opts = "".join(f"  - option: {words(rng, 3)}\n    when: \"{words(rng, 5)}\"\n    command: \"kubectl -n prod rollout undo deployment/{service}\"\n    verify: \"{words(rng, 5)}\"\n" for _ in range(2))
    return (f"metadata:\n  title: \"{service} {alert} #{index}\"\n  service: {service}\n  severity: SEV2\n  owner: \"{rng.choice(PEOPLE)}\"\n"
            f"  alert_names: [{alert}{index}]\n  impact: \"{words(rng, 8)}\"\n  last_reviewed: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
            f"diagnosis:\n{steps}mitigation:\n{opts}recovery:\n  - \"{words(rng, 6)}\"\n  - \"{words(rng, 6)}\"\n")


def markdown_runbook(rng, index, alert, service):
    return (f"---\ntitle: {alert}{index}\nowner: \"{rng.choice(PEOPLE)}\"\nservice: {service}\nalert_names: [{alert}{index}]\n---\n\n"
            f"# {alert}{index}\n\n## Meaning\n\n{words(rng, 30)}.\n\n## Impact\n\n{words(rng, 20)}.\n\n"
            f"## Diagnosis\n\n- Check pods via `kubectl -n prod get pods -l app={service}`.\n- {words(rng, 12)}.\n\n"
            f"## Mitigation\n\n{words(rng, 25)}.\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="number of postmortems (runbooks: count/10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="knowledge base root to (re)create")
    parser.add_argument("--defect-share", type=float, default=0.1, help="share of postmortems with a planted defect")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    pm_dir = os.path.join(args.out, "content", "postmortems")
    rb_dir = os.path.join(args.out, "content", "runbooks")
    planted = {d: 0 for d in DEFECTS}
    causes = {}
    total_bytes = 0
    for i in range(args.count):
        defect = rng.choice(DEFECTS) if rng.random() < args.defect_share else None
        if defect:
            planted[defect] += 1
        text, cause = postmortem(rng, i, i % 6, defect)
        folder = os.path.join(pm_dir, str(2019 + i % 7))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"incident-{i:06d}.md"), "w") as f:
            f.write(text)
        if cause is not None:
            causes[f"content/postmortems/{2019 + i % 7}/incident-{i:06d}.md"] = cause
        total_bytes += len(text.encode())
    os.makedirs(rb_dir, exist_ok=True)
    for i in range(max(1, args.count // 10)):
        alert, service = rng.choice(ALERTS), rng.choice(SERVICES)
        if i % 2 == 0:
            name, text = f"runbook-{i:05d}.yml", yaml_runbook(rng, i, alert, service)
        else:
            name, text = f"runbook-{i:05d}.md", markdown_runbook(rng, i, alert, service)
        with open(os.path.join(rb_dir, name), "w") as f:
            f.write(text)
    with open(os.path.join(args.out, "debrief.yml"), "w") as f:
        f.write("title: Synthetic benchmark knowledge base\n")
    manifest = {"postmortems": args.count, "runbooks": max(1, args.count // 10), "seed": args.seed,
                "markdown_bytes": total_bytes, "planted_defects": planted, "causes": causes}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
    print(json.dumps({k: v for k, v in manifest.items() if k != "causes"}, sort_keys=True))


if __name__ == "__main__":
    main()
