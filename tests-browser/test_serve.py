#!/usr/bin/env python3
"""Browser test of `debrief serve` with Debian's chromium and chromium-driver.

Serves a copy of the repository's example knowledge base with $DEBRIEF_BIN (default
.build/debug/debrief), opens a postmortem in Chromium, edits its file and waits (up to 10 s;
no time is asserted) for the open page to show the change without a manual reload; then
removes a required section and waits for the page to list the diagnostic at the top; checks
that the reload script exists only in serve, that paths cannot leave the site, and that
SIGINT stops the server cleanly (exit 0, its temporary folder removed). Ends with
`N passed, M failed` and exit 1 on a failure (checks and the driver are run.py's).
"""
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from run import check, make_driver, results

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("DEBRIEF_BIN", os.path.join(REPO, ".build", "debug", "debrief"))
SLUG = "2025-07-22-payments-duplicate-charges"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def main():
    work = tempfile.mkdtemp(prefix="debrief-serve-test-")
    kb = os.path.join(work, "kb")
    os.makedirs(kb)
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(kb, "content"))
    shutil.copytree(os.path.join(REPO, "monitoring"), os.path.join(kb, "monitoring"))
    shutil.copy(os.path.join(REPO, "debrief.yml"), kb)
    source = os.path.join(kb, "content", "postmortems", SLUG + ".md")
    with open(source) as f:
        original = f.read()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([BINARY, "serve", "--root", kb, "--port", str(port), "--as-of", "2026-01-01"],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    for line in server.stderr:
        if line.startswith("Serving") or line.startswith("error"):
            break
    serve_folders = glob.glob(os.path.join(tempfile.gettempdir(), f"debrief-serve-{server.pid}"))

    driver = make_driver()
    page = f"{base}/postmortems/{SLUG}/index.html"
    try:
        def edit_shows_without_reload():
            driver.get(page)
            assert "EDIT-SEEN-IN-BROWSER" not in driver.page_source
            # A mark on the window object survives only if nobody reloads the page by hand.
            driver.execute_script("window.__notReloadedByHand = true")
            with open(source, "w") as f:
                f.write(original.replace("## Summary\n", "## Summary\n\nEDIT-SEEN-IN-BROWSER: the summary was edited.\n", 1))
            WebDriverWait(driver, 10).until(lambda d: "EDIT-SEEN-IN-BROWSER" in d.find_element(By.TAG_NAME, "main").text)
            assert not driver.execute_script("return window.__notReloadedByHand === true"), "expected the page to reload itself"
        check("an edit appears in the open page without a manual reload", edit_shows_without_reload)

        def diagnostics_show():
            broken = original.replace("## Impact", "## Thoughts", 1)
            assert broken != original
            with open(source, "w") as f:
                f.write(broken)
            # The page reloads twice (the edited postmortem at once, then the rebuilt site): read
            # it again when an element goes stale under a reload.
            def read(d):
                listing = d.find_elements(By.CSS_SELECTOR, "ul.diagnostics")
                if not listing or not d.find_elements(By.CSS_SELECTOR, "ul.diagnostics li"):
                    return False
                return (listing[0].text, d.find_element(By.TAG_NAME, "h1").location["y"], listing[0].location["y"],
                        d.find_element(By.ID, "facts-heading").location["y"])
            text, heading, listing, facts = WebDriverWait(driver, 10, ignored_exceptions=[StaleElementReferenceException]).until(read)
            assert "Impact" in text, text
            assert heading < listing < facts, (heading, listing, facts)
            driver.save_screenshot(os.path.join(REPO, "tests-browser", "screenshots", "serve-diagnostics.png"))
        check("a postmortem with an error shows its diagnostics at the top", diagnostics_show)

        def script_only_in_serve():
            status, html = fetch(page)
            assert status == 200 and "/__debrief/generation" in html
            built = os.path.join(work, "built")
            subprocess.run([BINARY, "build", "--root", kb, "--output", built, "--as-of", "2026-01-01"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for path in glob.glob(built + "/**/*.html", recursive=True):
                with open(path) as f:
                    assert "__debrief" not in f.read(), path
        check("the reload script exists only in serve", script_only_in_serve)

        def paths_stay_inside():
            for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/assets/../../x"]:
                status, body = fetch(base + path)
                assert status == 404 and "root:" not in body, (path, status)
            assert fetch(base + "/")[0] == 200 and fetch(base + "/assets/style.css")[0] == 200
        check("no request path leaves the site", paths_stay_inside)
    finally:
        driver.quit()
        with open(source, "w") as f:
            f.write(original)

    def stops_cleanly():
        assert serve_folders and os.path.isdir(serve_folders[0]), serve_folders
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=10) == 0
        assert not os.path.exists(serve_folders[0])
    check("Ctrl-C stops the server and removes its folder", stops_cleanly)
    if server.poll() is None:
        server.kill()
    shutil.rmtree(work, ignore_errors=True)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
