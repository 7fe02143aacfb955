#!/usr/bin/env python3
"""Benchmark `debrief` against Hugo and the cmark-gfm command on one synthetic corpus.

In one run it times, on the same generated knowledge base (bench/gen_corpus.py):
  debrief build (output on disk, output on tmpfs), a no-change rebuild, a rebuild after one
  postmortem changed, debrief check, hugo with a minimal layout (disk and tmpfs), and
  cmark-gfm over the same markdown; wall and CPU medians over --runs runs, peak RSS, and the
  ratios the speed issue sets as targets. The commands a ratio compares run side by side in
  each round and the ratio is the median of the rounds' ratios (this machine's speed drifts by
  a third within minutes). Not part of the test suite's pass/fail.

    make bench N=10000            # or: python3 bench/run.py --count 10000

It also opens the largest page of every page kind of the built site in headless Chromium over a
local http server and reports its HTML bytes, DOM elements and load time (target: every page
under 1 s); with --scale-count the largest page of each kind at that scale too. Only that step:

    python3 bench/run.py --pages-only --count 2000 [--scale-count 50000]
"""
import argparse
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))  # page_kinds.py


def ensure_tools():
    missing = [pkg for pkg, exe in (("hugo", "hugo"), ("cmark-gfm", "cmark-gfm")) if shutil.which(exe) is None]
    if missing:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)


def measure(cmd, cwd=None, ok_codes=(0,)):
    """Runs cmd once; returns wall seconds, user+sys CPU seconds, user CPU, system CPU, peak RSS (MB)."""
    start = time.perf_counter()
    # stderr goes to a file: a pipe nobody reads fills up and blocks a chatty child.
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=devnull, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        sys.exit(f"command failed ({code}): {' '.join(cmd)}\n{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime, "sys": usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def median_of(runs):
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]} | {"rss_mb": max(r["rss_mb"] for r in runs)}


def snapshot(folder):
    state = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            st = os.stat(path)
            state[os.path.relpath(path, folder)] = (st.st_ino, st.st_mtime_ns)
    return state


def changed_files(before, after):
    return sum(1 for path, stamp in after.items() if before.get(path) != stamp) + sum(1 for p in before if p not in after)


SEARCH_QUERIES = ["HighErrorRate", "connection pool", "certificate expired severity:SEV1", '"schema migration"',
                  "database timeout service:postgres", "kafka consumer lag year:2024", "conenction pool",
                  "severity:SEV1 year:2024"]


def search_report(site, results):
    """Size of the site's search index and the bytes typical queries load (needs node)."""
    folder = os.path.join(site, "search")
    sizes = [os.path.getsize(os.path.join(b, n)) for b, _, fs in os.walk(folder) for n in fs]
    results["search index"] = {"files": len(sizes), "bytes": sum(sizes)}
    print(f"search index: {len(sizes)} files, {sum(sizes) / 1e6:.1f} MB", flush=True)
    if shutil.which("node") is None:
        print("search bytes per query: skipped (node is not installed)")
        return
    out = subprocess.run(["node", os.path.join(ROOT, "tests-browser", "search_bytes.js"), site,
                          os.path.join(site, "assets", "search.js"), *SEARCH_QUERIES], capture_output=True, text=True, check=True)
    results["search bytes per query"] = out.stdout.splitlines()
    print("search bytes per query (target <= 300 KB):\n  " + "\n  ".join(results["search bytes per query"]), flush=True)


def page_sizes_report(site, results, key):
    """The largest HTML page of each page kind (bytes, path, pages of the kind)."""
    import page_kinds
    largest = page_kinds.largest_by_kind(site)
    results[key] = {kind: {"bytes": size, "path": path, "pages": pages} for kind, (size, path, pages) in largest.items()}
    return largest


def page_load_report(site, results, loads=3):
    """Opens the largest page of every kind over http in headless Chromium (cache disabled):
    HTML bytes, DOM elements and the median of `loads` load times; prints a markdown table."""
    import page_kinds
    largest = page_sizes_report(site, results, "largest page per kind")
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("page loads: skipped (python3 -m pip install selenium; apt-get install chromium chromium-driver)")
        return
    rows = []
    driver = page_kinds.make_driver()
    try:
        with page_kinds.LocalServer(site) as server:
            for kind, (size, path, pages) in largest.items():
                query = page_kinds.query_for(kind)
                m = page_kinds.measure_load(driver, server.url + path + query, loads=loads, results=kind == "search")
                rows.append((kind, path + query, pages, size, m))
                print(f"  {kind}: {path}{query}, {size:,} bytes, {m['dom_elements']} elements, loads {m['loads_ms']} ms", flush=True)
                results["largest page per kind"][kind] |= m
    finally:
        driver.quit()
    print("\npage loads (largest page of each kind; headless Chromium over http://127.0.0.1, cache disabled, "
          f"median of {loads} loads of loadEventEnd - navigationStart; target: every page under 1 s):\n")
    print("| page kind | page | pages of the kind | HTML bytes | DOM elements | load (ms) | under 1 s |")
    print("|---|---|---:|---:|---:|---:|---|")
    for kind, path, pages, size, m in rows:
        load = m["load_ms"]
        shown = f" (results shown at {m['results_ms']:.0f} ms)" if m.get("results_ms") is not None else ""
        print(f"| {kind} | `{path}` | {pages:,} | {size:,} | {m['dom_elements']:,} | "
              f"{'n/a' if load is None else f'{load:,.0f}'}{shown} | {'yes' if load is not None and load < 1000 else 'NO'} |")
    slow = [kind for kind, _, _, _, m in rows if m["load_ms"] is None or m["load_ms"] >= 1000]
    print(f"\n{len(rows) - len(slow)} of {len(rows)} page kinds load under 1 s" + (f"; over: {', '.join(slow)}" if slow else ""), flush=True)


def scale_sizes_table(results, count, scale_count):
    """Largest HTML page per kind at --count and at --scale-count postmortems, as a markdown table."""
    small, big = results.get("largest page per kind", {}), results.get(f"largest page per kind at {scale_count}", {})
    print(f"\nlargest HTML page per page kind (bytes; target: every page under 1,000,000):\n")
    print(f"| page kind | at {count:,} | at {scale_count:,} | page at {scale_count:,} |")
    print("|---|---:|---:|---|")
    for kind in [k for k in big] + [k for k in small if k not in big]:
        a, b = small.get(kind), big.get(kind)
        at_small = f"{a['bytes']:,}" if a else "-"
        at_big = f"{b['bytes']:,}" if b else "-"
        where = f"`{b['path']}`" if b else "-"
        print(f"| {kind} | {at_small} | {at_big} | {where} |")
    print(flush=True)


def hugo_site(work, content):
    site = os.path.join(work, "hugo-site")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "layouts", "_default"))
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write(f'baseURL = "https://example.com/"\ncontentDir = "{content}"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    minimal = '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n'
    listing = '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n'
    for name, text in (("single.html", minimal), ("list.html", listing)):
        with open(os.path.join(site, "layouts", "_default", name), "w") as f:
            f.write(text)
    with open(os.path.join(site, "layouts", "index.html"), "w") as f:
        f.write(listing)
    return site


def serve_edit_latency(binary, kb, as_of, edits=5):
    """Seconds from saving an edited postmortem to `debrief serve` answering with the new page:
    the median of `edits` edits, each checked by fetching the page every 10 ms."""
    import socket
    import urllib.request
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "--root", kb, "--port", str(port), "--as-of", as_of],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for line in server.stderr:
            if line.startswith("Serving"):
                break
        postmortems = sorted(glob.glob(os.path.join(kb, "content", "postmortems", "**", "*.md"), recursive=True))
        path = postmortems[len(postmortems) // 2]
        with open(path) as f:
            original = f.read()
        # `inspect` names the page: "Postmortem PATH (slug SLUG)".
        described = subprocess.run([binary, "inspect", "--root", kb, path], capture_output=True, text=True).stdout
        slug = described.split("(slug ", 1)[1].split(")", 1)[0]
        times = []
        for edit in range(edits):
            marker = f"serve-bench-marker-{edit}-{time.time_ns()}"
            time.sleep(1.5)  # the previous edit's full rebuild is done
            with open(path, "w") as f:
                f.write(original + f"\n\n{marker}\n")
            saved = time.monotonic()
            while time.monotonic() - saved < 30:
                try:
                    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/postmortems/{slug}/index.html").read().decode()
                except OSError:
                    page = ""
                if marker in page:
                    times.append(time.monotonic() - saved)
                    break
                time.sleep(0.01)
        with open(path, "w") as f:
            f.write(original)
        print("serve edit -> page, each edit: " + ", ".join(f"{t:.2f} s" for t in times), flush=True)
        return statistics.median(times) if times else float("nan")
    finally:
        server.terminate()
        server.wait()


def pages_only(args, binary, kb):
    """--pages-only: one build of --count postmortems on tmpfs and the page step; with
    --scale-count also one build of that many and its largest page per kind."""
    results = {}
    out = os.path.join(args.tmpfs, "public-pages")
    sites = [(args.count, kb, out, "largest page per kind")]
    if args.scale_count:
        sites.append((args.scale_count, os.path.join(args.work, f"kb-{args.scale_count}"), os.path.join(args.tmpfs, "public-pages-big"),
                      f"largest page per kind at {args.scale_count}"))
    for count, root, site, key in sites:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--count", str(count), "--out", root], check=True)
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([binary, "build", "--root", root, "--output", site, "--as-of", args.as_of], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if key == "largest page per kind":
            page_load_report(site, results, loads=args.page_loads)
        else:
            page_sizes_report(site, results, key)
        shutil.rmtree(site, ignore_errors=True)
    if args.scale_count:
        scale_sizes_table(results, args.count, args.scale_count)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"count": args.count, "results": results}, f, indent=2, sort_keys=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=None, help="debrief binary (default: build release)")
    parser.add_argument("--work", default="/var/tmp/debrief-bench", help="folder on disk for corpus and outputs")
    parser.add_argument("--tmpfs", default="/dev/shm/debrief-bench", help="folder on tmpfs for outputs")
    parser.add_argument("--as-of", default="2026-01-01")
    parser.add_argument("--json", default=None, help="also write the figures here")
    parser.add_argument("--scale-count", type=int, default=0,
                        help="also time a build (tmpfs) of a corpus this large, for the near-linear growth target (e.g. 50000)")
    parser.add_argument("--pages-only", action="store_true",
                        help="only the page step: build the corpus once (tmpfs), time the largest page of each kind, "
                             "and with --scale-count the largest page of each kind at that scale")
    parser.add_argument("--page-loads", type=int, default=3, help="loads of each page; the median is reported")
    args = parser.parse_args()

    if not args.pages_only:
        ensure_tools()
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "debrief"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "debrief")
    kb = os.path.join(args.work, "kb")
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.tmpfs, exist_ok=True)
    if args.pages_only:
        pages_only(args, binary, kb)
        return
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--count", str(args.count), "--out", kb], check=True)
    markdown = sorted(os.path.join(b, n) for b, _, fs in os.walk(os.path.join(kb, "content", "postmortems")) for n in fs if n.endswith(".md"))
    md_bytes = sum(os.path.getsize(p) for p in markdown)

    results = {}
    per_round = {}

    def show(name):
        r = results[name]
        print(f"{name:<28} wall {r['wall']:7.2f}s  cpu {r['cpu']:7.2f}s  user {r['user']:7.2f}s  sys {r['sys']:6.2f}s  rss {r['rss_mb']:7.0f} MB", flush=True)

    def rounds(*commands):
        """Runs the commands one after the other, --runs times: the tools a ratio compares are
        timed side by side in each round, so a slow minute on this shared machine slows both."""
        for name, *_ in commands:
            per_round[name] = []
        for _ in range(args.runs):
            for name, cmd, prepare, ok_codes in commands:
                if prepare:
                    prepare()
                per_round[name].append(measure(cmd, ok_codes=ok_codes))
        for name, *_ in commands:
            results[name] = median_of(per_round[name])
            show(name)

    def repeat(name, cmd, prepare=None, ok_codes=(0,)):
        rounds((name, cmd, prepare, ok_codes))

    def ratio(a, b, key="wall"):
        """Median over the rounds of a's figure divided by b's in the same round."""
        return statistics.median(x[key] / y[key] for x, y in zip(per_round[a], per_round[b]))

    disk_out = os.path.join(args.work, "public")
    tmpfs_out = os.path.join(args.tmpfs, "public")
    build = lambda out: [binary, "build", "--root", kb, "--output", out, "--as-of", args.as_of]
    clear = lambda folder: (lambda: shutil.rmtree(folder, ignore_errors=True))
    site = hugo_site(args.work, os.path.join(kb, "content", "postmortems"))
    hugo_tmpfs = os.path.join(args.tmpfs, "hugo-public")
    hugo_disk = os.path.join(args.work, "hugo-public")
    hugo = lambda out: ["hugo", "--quiet", "--source", site, "--destination", out]
    # Errors in the planted defects make build exit 0 (it still builds) and check exit 1.
    rounds(("cmark-gfm (1 core)", ["cmark-gfm", "-e", "table", "-e", "tasklist", "-e", "strikethrough", "-e", "autolink", *markdown], None, (0,)),
           ("debrief check", [binary, "check", "--root", kb, "--format", "json", "--as-of", args.as_of], None, (0, 1)))
    rounds(("debrief build (tmpfs)", build(tmpfs_out), clear(tmpfs_out), (0,)),
           ("hugo (tmpfs)", hugo(hugo_tmpfs), clear(hugo_tmpfs), (0,)))
    rounds(("debrief build (disk)", build(disk_out), clear(disk_out), (0,)),
           ("hugo (disk)", hugo(hugo_disk), clear(hugo_disk), (0,)))

    # Where the time goes: one more build with the per-step table (page kinds overlap).
    shutil.rmtree(tmpfs_out, ignore_errors=True)
    timed = subprocess.run(build(tmpfs_out) + ["--timings"], capture_output=True, text=True)
    results["build steps"] = [line for line in timed.stderr.splitlines() if line.endswith(" s") and not line.startswith("built ")]
    print("debrief build --timings (tmpfs):\n  " + "\n  ".join(results["build steps"]), flush=True)
    search_report(tmpfs_out, results)
    page_load_report(tmpfs_out, results, loads=args.page_loads)

    before = snapshot(disk_out)
    repeat("debrief rebuild, no change", build(disk_out))
    results["no-change rewritten files"] = changed_files(before, snapshot(disk_out))
    one = markdown[len(markdown) // 2]
    with open(one, "a") as f:
        f.write("\nOne more line of analysis.\n")
    before = snapshot(disk_out)
    results["rebuild, one changed"] = measure(build(disk_out))
    results["one-change rewritten files"] = changed_files(before, snapshot(disk_out))
    results["output files"] = len(before)

    if args.scale_count:
        big = os.path.join(args.work, f"kb-{args.scale_count}")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--count", str(args.scale_count), "--out", big], check=True)
        big_out = os.path.join(args.tmpfs, "public-big")
        big_name = f"debrief build {args.scale_count} (tmpfs)"
        # One large build per round beside a build of the small corpus: the growth ratio
        # compares builds that ran a minute apart, not the start and the end of the run.
        rounds((big_name, [binary, "build", "--root", big, "--output", big_out, "--as-of", args.as_of], clear(big_out), (0,)),
               ("debrief build (tmpfs), beside it", build(tmpfs_out), clear(tmpfs_out), (0,)))
        page_sizes_report(big_out, results, f"largest page per kind at {args.scale_count}")
        shutil.rmtree(big_out, ignore_errors=True)

    ratios = [
        ("build tmpfs / hugo tmpfs", ratio("debrief build (tmpfs)", "hugo (tmpfs)"), "<= 0.33"),
        ("build disk / hugo disk", ratio("debrief build (disk)", "hugo (disk)"), "<= 0.5"),
        ("check / cmark-gfm", ratio("debrief check", "cmark-gfm (1 core)"), "<= 1.5"),
        ("build user CPU / cmark-gfm user CPU", results["debrief build (tmpfs)"]["user"] / results["cmark-gfm (1 core)"]["user"], "<= 2"),
    ]
    print()
    print(f"corpus: {args.count} postmortems, {args.count // 10} runbooks, {md_bytes / 1e6:.1f} MB of postmortem markdown")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    for name, value, target in ratios:
        print(f"{name:<38} {value:6.2f}x   target {target}")
    if args.scale_count:
        growth = ratio(big_name, "debrief build (tmpfs), beside it")
        print(f"{f'build {args.scale_count} / build {args.count}':<38} {growth:6.2f}x   ({args.scale_count / args.count:.0f}x the postmortems; target <= 5.5 for 5x)")
    print(f"{'peak RSS of full build':<38} {results['debrief build (disk)']['rss_mb']:6.0f} MB  target <= 400 MB")
    print(f"{'no-change rebuild':<38} {results['debrief rebuild, no change']['wall']:6.2f} s, {results['no-change rewritten files']} files rewritten  target <= 1 s, 0 files")
    print(f"{'rebuild after one postmortem changed':<38} {results['rebuild, one changed']['wall']:6.2f} s, {results['one-change rewritten files']} of {results['output files']} files rewritten")
    results["serve edit to page"] = serve_edit_latency(binary, kb, args.as_of)
    print(f"{'serve: edit saved -> new page served':<38} {results['serve edit to page']:6.2f} s  target <= 0.5 s (median of 5 edits)")
    if args.scale_count:
        scale_sizes_table(results, args.count, args.scale_count)
    results["binary bytes"] = os.path.getsize(binary)
    print(f"{'debrief binary':<38} {results['binary bytes'] / 1e6:6.1f} MB  ({binary})")
    for tarball in sorted(glob.glob(os.path.join(ROOT, "dist", "debrief-*.tar.gz"))):
        print(f"{'self-contained tarball':<38} {os.path.getsize(tarball) / 1e6:6.1f} MB  ({os.path.relpath(tarball, ROOT)}, scripts/dist)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"count": args.count, "markdown_bytes": md_bytes, "results": results, "rounds": per_round,
                       "ratios": {n: v for n, v, _ in ratios}}, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
