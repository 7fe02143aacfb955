"""The page kinds of a built site, for bench/run.py's page-load step and
tests-browser/test_page_sizes.py.

A page's kind comes from its path only, so it holds before and after long lists are paged:
`postmortems/index.html` and any paged continuation of it (`postmortems/page/2/index.html`,
`postmortems/2/index.html`, `postmortems/page-2/index.html`, `postmortems/page-2.html`) are the
postmortems list; `postmortems/<slug>/index.html` is a postmortem. Everything under `actions/`,
`trends/`, `search/` or `coverage/` is that kind; under a taxonomy folder (`services/`, `tags/`,
`severities/`, `years/`, `owners/`) the folder's own pages are its index and everything deeper is
a term page (a paged term page counts as its term's kind).
"""
import os
import re
import socket
import statistics
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TAXONOMIES = [("services", "service"), ("tags", "tag"), ("severities", "severity"), ("years", "year"), ("owners", "owner")]
# Every kind, in the order reports list them; coverage and the taxonomies may be absent from a site.
KINDS = (["home", "postmortems list", "postmortem", "runbooks list", "runbook", "actions", "trends", "search", "coverage"]
         + [f"{plural} index" for plural, _ in TAXONOMIES] + [f"{singular} term" for _, singular in TAXONOMIES])
# Kinds every site built from bench/gen_corpus.py has (the corpus has no alert rules, so no coverage page).
REQUIRED = [kind for kind in KINDS if kind != "coverage"]
PAGED = re.compile(r"^(page-?)?\d+$|^page$")
SEARCH_QUERY = "connection pool"


def classify(relative):
    """The kind of the HTML page at `relative` (a path inside the site, '/'-separated), or
    "other" (content files, exports, a 404 page)."""
    parts = relative.split("/")
    top = parts[0]
    if relative == "index.html" or (len(parts) > 1 and PAGED.match(top)):
        return "home"
    if len(parts) == 1:
        return "other"
    if top in ("postmortems", "runbooks"):
        if len(parts) == 2 or PAGED.match(parts[1]):
            return f"{top} list"
        return top[:-1]
    if top in ("actions", "trends", "search", "coverage"):
        return top
    for plural, singular in TAXONOMIES:
        if top == plural:
            # A year is all digits, so a number under years/ is a term, not a page of the index.
            paged = parts[1] == "page" or re.match(r"^page-\d+$", parts[1]) or (parts[1].isdigit() and plural != "years")
            return f"{plural} index" if len(parts) == 2 or paged else f"{singular} term"
    return "other"


def html_pages(site):
    """Every `.html` file of the site: (relative path, bytes)."""
    site = Path(site)
    return [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html") if p.is_file()]


def by_kind(site):
    """kind -> [(bytes, relative path)], largest first."""
    kinds = {}
    for relative, size in html_pages(site):
        kinds.setdefault(classify(relative), []).append((size, relative))
    for pages in kinds.values():
        pages.sort(key=lambda page: (-page[0], page[1]))
    return kinds


def largest_by_kind(site):
    """kind -> (bytes, relative path, number of pages of the kind), for the kinds the site has, in KINDS order."""
    kinds = by_kind(site)
    return {kind: (*kinds[kind][0], len(kinds[kind])) for kind in KINDS if kind in kinds}


def query_for(kind):
    """The query string a page of this kind is opened with."""
    return "?q=" + SEARCH_QUERY.replace(" ", "+") if kind == "search" else ""


def make_driver():
    """Headless Chromium as tests-browser/run.py sets it up (Debian's chromium and chromium-driver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--allow-file-access-from-files"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(300)
    return driver


def severe_console_entries(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LocalServer:
    """`python -m http.server` for one folder, on a free port of 127.0.0.1, in a thread."""

    def __init__(self, folder):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


LOAD_EVENT_END = "var t = performance.timing; return t.loadEventEnd > 0 ? t.loadEventEnd - t.navigationStart : null;"
# The search page fetches its index after the load event: how long until its first results show.
RESULTS_SHOWN = ("return document.querySelector('#search-results a.search-hit-title') ? "
                 "performance.now() : null;")


def poll(driver, script, deadline, pause):
    """The script's first non-null value, or None at the deadline."""
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value is not None:
            return value
        time.sleep(pause)
    return None


def measure_load(driver, url, loads=3, results=False):
    """Loads url `loads` times with the cache disabled; returns the median load time in ms
    (performance.timing loadEventEnd - navigationStart), every load's time, the DOM element
    count, and with results=True the median ms until the search page shows a result."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    times, shown = [], []
    elements = None
    for _ in range(loads):
        driver.get("about:blank")
        driver.get(url)
        deadline = time.monotonic() + 120
        times.append(poll(driver, LOAD_EVENT_END, deadline, 0.01))
        if results:
            shown.append(poll(driver, RESULTS_SHOWN, deadline, 0.005))
        elements = driver.execute_script("return document.getElementsByTagName('*').length;")
    valid = [t for t in times if t is not None]
    return {"load_ms": statistics.median(valid) if valid else None, "loads_ms": times, "dom_elements": elements,
            "results_ms": statistics.median([s for s in shown if s is not None]) if any(s is not None for s in shown) else None}
