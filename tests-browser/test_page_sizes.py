#!/usr/bin/env python3
"""Page sizes at 10,000 postmortems (issue 19, "Must show"), with Debian's chromium and chromium-driver.

Generates the benchmark corpus (`bench/gen_corpus.py --count 10000 --seed 1`) and builds it with
the debrief binary ($DEBRIEF_BIN, default .build/debug/debrief, as tests-browser/run.py), both in
a temporary folder on /dev/shm (tmpfs), then checks:
  - every `.html` file of the site is at most 1,000,000 bytes; a failure names the 20 largest
    offenders with their sizes;
  - the site has every page kind (bench/page_kinds.py), and the largest page of each kind opens
    from file:// in headless Chromium with an h1 and no console errors (the search page with a
    query).
It asserts bytes only, never time: the same corpus and binary give the same sizes on any machine.
DEBRIEF_PAGE_SIZE_COUNT=2000 runs it on a smaller corpus (quicker; the sizes limit still applies).
Ends with `N passed, M failed` and exits non-zero on any failure.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import page_kinds  # noqa: E402  (bench/page_kinds.py)

AS_OF = "2026-01-01"
LIMIT = 1_000_000
SHOWN = 20

results = {"passed": 0, "failed": 0}


def check(name, function):
    try:
        function()
        results["passed"] += 1
        print(f"ok   {name}", flush=True)
    except Exception as error:  # one failing check must not stop the others
        results["failed"] += 1
        print(f"FAIL {name}: {error}", flush=True)
        if os.environ.get("DEBRIEF_BROWSER_TRACE"):
            traceback.print_exc()


def binary():
    return os.environ.get("DEBRIEF_BIN", str(REPO / ".build" / "debug" / "debrief"))


def scratch_folder():
    """A temporary folder on tmpfs (/dev/shm) when there is one."""
    return tempfile.mkdtemp(prefix="debrief-page-sizes-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)


def oversized(site):
    """The HTML files over LIMIT bytes, largest first, and how many HTML files there are."""
    pages = page_kinds.html_pages(site)
    over = sorted(((size, path) for path, size in pages if size > LIMIT), key=lambda page: (-page[0], page[1]))
    return over, len(pages)


def size_message(over, total):
    lines = [f"{len(over)} of {total} HTML files are over {LIMIT:,} bytes; "
             f"{'the ' + str(SHOWN) + ' largest' if len(over) > SHOWN else 'all of them'}:"]
    width = max(len(path) for _, path in over[:SHOWN])
    lines += [f"    {path:<{width}}  {size:>12,} bytes  ({size / LIMIT:.1f}x)" for size, path in over[:SHOWN]]
    if len(over) > SHOWN:
        lines.append(f"    ... and {len(over) - SHOWN} more")
    return "\n".join(lines)


def main():
    count = int(os.environ.get("DEBRIEF_PAGE_SIZE_COUNT", "10000"))
    workspace = Path(scratch_folder())
    try:
        kb, site = workspace / "kb", workspace / "public"
        subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--count", str(count), "--seed", "1",
                        "--out", str(kb)], check=True, stdout=subprocess.DEVNULL)
        # The corpus plants defects on purpose: build reports them and still exits 0.
        built = subprocess.run([binary(), "build", "--root", str(kb), "--output", str(site), "--as-of", AS_OF],
                               capture_output=True, text=True)
        if built.returncode != 0:
            sys.exit(f"debrief build failed ({built.returncode}):\n{built.stderr[-4000:]}")
        print(f"built {count} postmortems with {binary()}: {built.stderr.strip().splitlines()[-1]}", flush=True)

        def pages_within_limit():
            over, total = oversized(site)
            assert not over, size_message(over, total)
            print(f"     {total} HTML files, the largest {max(size for _, size in page_kinds.html_pages(site)):,} bytes")
        check(f"every HTML page of the {count}-postmortem site is at most {LIMIT:,} bytes", pages_within_limit)

        largest = page_kinds.largest_by_kind(site)

        def every_kind_present():
            missing = [kind for kind in page_kinds.REQUIRED if kind not in largest]
            assert not missing, f"no page of kind {', '.join(missing)} (bench/page_kinds.py classifies pages by path)"
        check("the site has a page of every kind", every_kind_present)

        driver = page_kinds.make_driver()
        try:
            for kind, (size, relative, _) in largest.items():
                def renders(relative=relative, kind=kind):
                    driver.get_log("browser")  # drop the previous page's entries
                    driver.get((site / relative).resolve().as_uri() + page_kinds.query_for(kind))
                    headings = driver.find_elements("css selector", "h1")
                    assert headings, "no h1"
                    errors = page_kinds.severe_console_entries(driver)
                    assert not errors, f"console errors: {errors}"
                check(f"{kind} renders with an h1 and no console errors ({relative}, {size:,} bytes)", renders)
        finally:
            driver.quit()
    finally:
        shutil.rmtree(workspace, ignore_errors=True)

    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
