#!/usr/bin/env python3
"""Search and related-incident quality: precision@5 of `debrief search` and `debrief related`
beside plain baselines computed here over the same text (a quality benchmark, not a timing).

Two corpora:
- synthetic: bench/gen_corpus.py's postmortems; relevance = the same root cause (the
  generator records it in manifest.json). Search runs one query per root cause.
- real: the postmortems of ../shared/corpus labelled in bench/real_topics.json (topics chosen by
  reading every document; see its "method"); relevance = labelled with the query's topic
  (search) or sharing a topic (related). Skipped when ../shared/corpus is absent.

Baselines: BM25 (k1 1.2, b 0.75) over each file's whole text for search, and tf-idf cosine
(sublinear tf, idf ln(N/df)) over the whole text for related; words are runs of a-z and 0-9,
lower-cased, not stemmed. Precision@5 counts a missing result as not relevant.

    bench/search_quality.py                      # build debug, 2,000 synthetic postmortems
    bench/search_quality.py --binary OLD/debrief --json before.json
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen_corpus  # noqa: E402

# One query per gen_corpus.CAUSES entry, in its order: what an engineer types for that cause.
CAUSE_QUERIES = ["connection timeout configuration", "connection pool saturated", "schema migration lock",
                 "expired certificate", "memory leak", "retry storm", "missing index", "stale dns cache"]
K = 5


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


class Baseline:
    """BM25 ranking and tf-idf cosine neighbours over whole texts."""

    def __init__(self, texts):
        self.paths = list(texts)
        self.tokens = {p: words(t) for p, t in texts.items()}
        self.tf = {p: Counter(ts) for p, ts in self.tokens.items()}
        self.df = Counter(term for counts in self.tf.values() for term in counts)
        self.n = len(self.paths)
        self.avg = sum(len(ts) for ts in self.tokens.values()) / max(1, self.n)
        self.postings = defaultdict(list)
        for p, counts in self.tf.items():
            for term in counts:
                self.postings[term].append(p)
        self.vectors = {}
        for p, counts in self.tf.items():
            v = {t: (1 + math.log(c)) * math.log(self.n / self.df[t]) for t, c in counts.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1
            self.vectors[p] = {t: x / norm for t, x in v.items() if x > 0}

    def search(self, query, k1=1.2, b=0.75):
        scores = Counter()
        for term in set(words(query)):
            df = self.df.get(term, 0)
            if not df:
                continue
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            for p in self.postings[term]:
                tf = self.tf[p][term]
                scores[p] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(self.tokens[p]) / self.avg))
        return [p for p, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))]

    def related(self, path, candidates):
        mine = self.vectors[path]
        scores = Counter()
        for term, x in mine.items():
            for other in self.postings[term]:
                if other != path and other in candidates:
                    scores[other] += x * self.vectors[other].get(term, 0)
        return [p for p, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))]


def precision(ranked, relevant):
    return sum(1 for p in ranked[:K] if p in relevant) / K


def debrief_search(binary, kb, query):
    out = subprocess.run([binary, "search", query + " ", "--root", kb, "--format", "json", "--limit", str(K)],
                         capture_output=True, text=True, check=True)
    return [h["path"] for h in json.loads(out.stdout)["hits"]]


def debrief_related(binary, kb, paths):
    """{path: [related paths]}: one `related --all` run, or one run per file for a binary without it."""
    out = subprocess.run([binary, "related", "--all", "--root", kb, "--format", "json", "--limit", str(K)],
                         capture_output=True, text=True)
    if out.returncode == 0:
        return {entry["file"]: [r["path"] for r in entry["related"]] for entry in json.loads(out.stdout)}
    result = {}
    for path in paths:
        out = subprocess.run([binary, "related", path, "--root", kb, "--format", "json", "--limit", str(K)],
                             capture_output=True, text=True, check=True)
        result[path] = [r["path"] for r in json.loads(out.stdout)["related"]]
    return result


def measure(binary, kb, texts, queries, relevant_for_query, relevant_for_doc, sample):
    """Mean precision@5 of search over `queries` and of related over `sample`, Debrief and baseline."""
    baseline = Baseline(texts)
    postmortems = {p for p in texts if p.startswith("content/postmortems/")}
    row = {"search": [], "search baseline": [], "related": [], "related baseline": []}
    for query in queries:
        relevant = relevant_for_query(query)
        row["search"].append(precision(debrief_search(binary, kb, query), relevant))
        row["search baseline"].append(precision(baseline.search(query), relevant))
    related = debrief_related(binary, kb, sample)
    for path in sample:
        relevant = relevant_for_doc(path)
        row["related"].append(precision([p for p in related.get(path, []) if p != path], relevant))
        row["related baseline"].append(precision(baseline.related(path, postmortems), relevant))
    return {name: sum(v) / max(1, len(v)) for name, v in row.items()} | {"queries": len(queries), "documents": len(sample)}


def read_texts(kb):
    texts = {}
    for folder, _, files in os.walk(os.path.join(kb, "content")):
        for name in files:
            if name.endswith((".md", ".yml", ".yaml")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    texts[os.path.relpath(path, kb)] = f.read()
    return texts


def synthetic(binary, work, count, sample_size):
    kb = os.path.join(work, "synthetic")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--count", str(count), "--out", kb],
                   check=True, capture_output=True)
    with open(os.path.join(kb, "manifest.json")) as f:
        causes = json.load(f)["causes"]
    by_cause = defaultdict(set)
    for path, cause in causes.items():
        by_cause[cause].add(path)
    assert len(CAUSE_QUERIES) == len(gen_corpus.CAUSES)
    sample = sorted(random.Random(1).sample(sorted(causes), min(sample_size, len(causes))))
    return measure(binary, kb, read_texts(kb), CAUSE_QUERIES,
                   lambda q: by_cause[CAUSE_QUERIES.index(q)], lambda p: by_cause[causes[p]] - {p}, sample)


def real(binary, work, corpus, labels_path):
    with open(labels_path) as f:
        labels = json.load(f)
    kb = os.path.join(work, "real")
    topics_of = {}
    for source, topics in labels["documents"].items():
        target = os.path.join(kb, "content", "postmortems", source)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(corpus, source), target)
        topics_of["content/postmortems/" + source] = set(topics)
    with open(os.path.join(kb, "debrief.yml"), "w") as f:
        f.write("title: Real postmortems\n")
    query_topic = {t["query"]: name for name, t in labels["topics"].items()}
    return measure(binary, kb, read_texts(kb), sorted(query_topic),
                   lambda q: {p for p, ts in topics_of.items() if query_topic[q] in ts},
                   lambda p: {o for o, ts in topics_of.items() if o != p and ts & topics_of[p]}, sorted(topics_of))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="debrief binary (default: swift build, then .build/debug/debrief)")
    parser.add_argument("--count", type=int, default=2000, help="synthetic postmortems")
    parser.add_argument("--sample", type=int, default=300, help="synthetic postmortems whose related incidents are judged")
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "--product", "debrief"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "debug", "debrief")
    binary = os.path.abspath(binary)
    results = {}
    with tempfile.TemporaryDirectory(prefix="debrief-quality-") as work:
        results[f"synthetic ({args.count:,} postmortems)"] = (synthetic(binary, work, args.count, args.sample), 0.9, 0.6, False)
        if os.path.isdir(args.corpus):
            r = real(binary, work, args.corpus, os.path.join(ROOT, "bench", "real_topics.json"))
            results[f"real ({r['documents']} postmortems, {r['queries']} topic queries)"] = (r, 0.95, 0.9, True)
        else:
            print(f"real corpus: skipped ({args.corpus} is absent)")
    print(f"{'corpus':<46} {'measure':<12} {'debrief':>8} {'baseline':>9} {'ratio':>6}  target")
    for name, (r, search_target, related_target, relative) in results.items():
        for measure_name, target in (("search", search_target), ("related", related_target)):
            d, b = r[measure_name], r[measure_name + " baseline"]
            ratio = d / b if b else float("nan")
            goal = f">= {target}x baseline" if relative else f">= {target}"
            met = (ratio >= target) if relative else (d >= target)
            print(f"{name:<46} {measure_name + ' p@5':<12} {d:8.3f} {b:9.3f} {ratio:6.2f}  {goal} {'ok' if met else 'MISSED'}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({name: r for name, (r, *_) in results.items()}, f, indent=2)


if __name__ == "__main__":
    main()
