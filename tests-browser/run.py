#!/usr/bin/env python3
"""Browser tests of the built site (issue 3), with Debian's chromium and chromium-driver.

Builds the repository's example knowledge base (content/, --as-of 2026-01-01) and the hostile
fixture into a temporary folder with the debrief binary ($DEBRIEF_BIN, default
.build/debug/debrief), opens the pages from file:// and checks:
  - home, a postmortem, runbooks, Actions, Coverage and the filtered list load without console errors;
  - images linked from runbooks are published and render; the Coverage page links runbooks;
  - the postmortems list's filter opens the search page; the Actions filter (over HTTP) lists an
    owner's items;
  - every internal link of every page points at an existing file (and fragment);
  - axe-core (the copy bundled by axe-selenium-python) finds no violation of any impact,
    in light and dark colour schemes;
  - the hostile fixture's pages run no script.
Screenshots of each page kind (light/dark, desktop/phone) go to tests-browser/screenshots/.
Ends with `N passed, M failed` and exits non-zero on any failure.
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import urllib.parse
from pathlib import Path

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
# The browser set-up, console check and local HTTP server shared with the benchmark and the
# page-size test (also imported from here by test_search.py and test_serve.py).
from page_kinds import LocalServer, make_driver, severe_console_entries  # noqa: E402
SCREENSHOTS = REPO / "tests-browser" / "screenshots"
AS_OF = "2026-01-01"

results = {"passed": 0, "failed": 0}


def check(name, function):
    try:
        function()
        results["passed"] += 1
        print(f"ok   {name}")
    except Exception as error:  # one failing check must not stop the others
        results["failed"] += 1
        print(f"FAIL {name}: {error}")
        if os.environ.get("DEBRIEF_BROWSER_TRACE"):
            traceback.print_exc()


def build(root, output):
    binary = os.environ.get("DEBRIEF_BIN", str(REPO / ".build" / "debug" / "debrief"))
    completed = subprocess.run([binary, "build", "--root", str(root), "--output", str(output), "--as-of", AS_OF],
                               capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"debrief build failed ({completed.returncode}):\n{completed.stderr}")
    print(completed.stderr.strip().splitlines()[-1])


def file_url(path):
    return Path(path).resolve().as_uri()


def set_color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def set_width(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append(attributes[name])


def parse(path):
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def crawl(site, ignore=None):
    """Every relative href/src of every HTML page must name an existing file (and id)."""
    broken = []
    pages = sorted(site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    count = 0
    for page, collector in parsed.items():
        for link in collector.links:
            target = urllib.parse.urlsplit(link)
            if target.scheme or link.startswith("//") or (ignore and ignore in link):
                continue  # external (tracking issues): not ours to check
            count += 1
            path = page if not target.path else (page.parent / urllib.parse.unquote(target.path)).resolve()
            if not path.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if target.fragment and path.suffix == ".html":
                ids = parsed[path].ids if path in parsed else parse(path).ids
                if target.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no such id)")
            if site.resolve() not in path.parents:
                broken.append(f"{page.relative_to(site)} -> {link} (outside the site)")
    if broken:
        raise AssertionError(f"{len(broken)} broken link(s): " + "; ".join(broken[:10]))
    print(f"     crawled {count} internal links on {len(pages)} pages")


AXE_SOURCE = None


def axe_violations(driver):
    global AXE_SOURCE
    if AXE_SOURCE is None:
        import axe_selenium_python
        AXE_SOURCE = (Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js").read_text()
    driver.execute_script(AXE_SOURCE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return result


def main():
    workspace = Path(tempfile.mkdtemp(prefix="debrief-browser-"))
    example = workspace / "example"
    hostile_root = workspace / "hostile"
    shutil.copytree(REPO / "Tests" / "DebriefTests" / "Fixtures" / "site" / "hostile", hostile_root)
    build(REPO, example)
    build(hostile_root, hostile_root / "public")
    hostile = hostile_root / "public"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    first = lambda pattern: sorted(example.glob(pattern))[0]
    yaml_runbook = next(p for p in sorted(example.glob("runbooks/*/index.html")) if "Diagnosis</h2>" in p.read_text())
    markdown_runbook = next((p for p in sorted(example.glob("runbooks/*/index.html"))
                             if 'class="body markdown"' in p.read_text()), yaml_runbook)
    pages = {
        "home": example / "index.html",
        "postmortem": sorted(example.glob("postmortems/*/index.html"))[-1],
        "postmortems-list": example / "postmortems" / "index.html",
        "runbooks": example / "runbooks" / "index.html",
        "runbook-yaml": yaml_runbook,
        "runbook-markdown": markdown_runbook,
        "actions": example / "actions" / "index.html",
        "services-index": example / "services" / "index.html",
        "service": first("services/*/index.html"),
        "owner": first("owners/*/index.html"),
        "severity": first("severities/*/index.html"),
        "trends": example / "trends" / "index.html",
        "search": example / "search" / "index.html",
        "coverage": example / "coverage" / "index.html",
    }
    driver = make_driver()
    try:
        for name, path in pages.items():
            def loads_cleanly(path=path):
                driver.get(file_url(path))
                assert driver.find_element("css selector", "main h1, main .page-header h1, h1"), "no h1"
                errors = severe_console_entries(driver)
                assert not errors, f"console errors: {errors}"
            check(f"{name} loads without console errors ({path.relative_to(example)})", loads_cleanly)

            for scheme in ("light", "dark"):
                def accessible(path=path, scheme=scheme):
                    set_width(driver, 1280, 900)
                    set_color_scheme(driver, scheme)
                    driver.get(file_url(path))
                    violations = axe_violations(driver)
                    assert not violations, "; ".join(
                        f"{v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['html'][:120] if v['nodes'] else ''}" for v in violations)
                check(f"{name} has no axe violations ({scheme})", accessible)

            def screenshots(path=path, name=name):
                for scheme in ("light", "dark"):
                    for device, (width, height) in (("desktop", (1280, 900)), ("phone", (390, 844))):
                        set_width(driver, width, height)
                        set_color_scheme(driver, scheme)
                        driver.get(file_url(path))
                        driver.save_screenshot(str(SCREENSHOTS / f"{name}-{scheme}-{device}.png"))
                set_width(driver, 1280, 900)
                set_color_scheme(driver, "light")
            check(f"{name} screenshots", screenshots)

        def list_filter_opens_search():
            driver.get(file_url(pages["postmortems-list"]))
            assert driver.find_element("id", "filters").is_displayed(), "filter form stays hidden with JavaScript on"
            select = Select(driver.find_element("css selector", "#filters select[name=severity]"))
            value = select.options[1].get_attribute("value")
            select.select_by_index(1)
            list_url = driver.current_url
            driver.find_element("css selector", "#filters button[type=submit]").click()
            # The click navigates asynchronously: wait for the next page before reading its address.
            WebDriverWait(driver, 10).until(lambda d: d.current_url != list_url)
            opened = driver.current_url
            url = urllib.parse.urlparse(opened)
            assert url.path.endswith("/search/index.html"), f"the filter opened {opened}"
            assert urllib.parse.parse_qs(url.query).get("severity") == [value], url.query
            assert not severe_console_entries(driver)
        check("postmortems list filter opens the search page with the chosen severity", list_filter_opens_search)

        def action_filter_reads_every_item():
            # The filter loads JSON, which browsers refuse from file://: served over HTTP here.
            with LocalServer(example) as server:
                base = server.url
                driver.get(base + "actions/index.html")
                owner = Select(driver.find_element("css selector", "#action-filters select[name=owner]"))
                option = owner.options[1]
                slug, expected = option.get_attribute("value"), int(option.get_attribute("data-count"))
                driver.get(base + f"actions/index.html?owner={slug}")
                WebDriverWait(driver, 10).until(lambda d: "matching" in d.find_element("id", "action-results-status").text)
                rows = driver.find_elements("css selector", "#action-results tbody tr")
                assert len(rows) == min(expected, 50), f"{len(rows)} rows for {slug}, {expected} items"
                assert driver.find_element("id", "action-results").is_displayed()
                assert not driver.find_element("id", "action-list").is_displayed(), "the unfiltered list stays visible"
                Select(driver.find_element("css selector", "#action-filters select[name=list]")).select_by_value("closed")
                WebDriverWait(driver, 10).until(lambda d: "list=closed" in d.current_url)
                closed = driver.find_elements("css selector", "#action-results tbody tr")
                assert len(closed) <= len(rows)
                driver.find_element("css selector", "#action-filters button[type=reset]").click()
                WebDriverWait(driver, 10).until(lambda d: d.find_element("id", "action-list").is_displayed())
                # The site has no favicon: the browser's request for one is not the page's error.
                assert not [entry for entry in severe_console_entries(driver) if "favicon.ico" not in entry]
                driver.save_screenshot(str(SCREENSHOTS / "actions-filtered.png"))
        check("actions filter by owner and list reads the owner's items", action_filter_reads_every_item)

        def images_render():
            pages_with_images = [p for p in sorted(example.glob("runbooks/*/index.html")) if "<img" in p.read_text()]
            assert pages_with_images, "no runbook page of the example shows an image"
            for page in pages_with_images:
                driver.get(file_url(page))
                for image in driver.find_elements("css selector", "main img"):
                    width = driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image)
                    assert width, f"{image.get_attribute('src')} does not load on {page.relative_to(example)}"
        check("images linked from runbooks render", images_render)

        def coverage_links():
            driver.get(file_url(pages["coverage"]))
            links = driver.find_elements("css selector", "main a[href]")
            assert any("/runbooks/" in link.get_attribute("href") for link in links), "the Coverage page links no runbook"
            assert driver.find_element("css selector", "nav a[href$='coverage/index.html']"), "Coverage is not in the navigation"
        check("the Coverage page links runbooks and is in the navigation", coverage_links)

        check("every internal link of the example site resolves", lambda: crawl(example))
        check("every internal link of the hostile site resolves", lambda: crawl(hostile, ignore="xss"))  # the fixture's payload links are meant to be dead

        for page in sorted(hostile.rglob("*.html")):
            def runs_no_script(page=page):
                driver.get(file_url(page))
                for element in driver.find_elements("css selector", "a, span, code, dd"):
                    try:
                        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                                              "arguments[0].focus && arguments[0].focus();", element)
                    except Exception:
                        pass
                try:
                    alert = driver.switch_to.alert
                    raise AssertionError(f"an alert opened: {alert.text}")
                except NoAlertPresentException:
                    pass
                assert driver.execute_script("return typeof window.__xss") == "undefined", \
                    f"injected script ran (window.__xss = {driver.execute_script('return window.__xss')})"
                assert driver.execute_script("return document.querySelectorAll('script:not([src]), iframe, object, embed, style, svg script, [onload], [onerror], [onclick], [onmouseover], [onfocus], [ontoggle]').length") == 0
            check(f"hostile page runs no script ({page.relative_to(hostile)})", runs_no_script)
        driver.get(file_url(hostile / "postmortems" / "2025-04-01-hostile" / "index.html"))
        driver.save_screenshot(str(SCREENSHOTS / "hostile-postmortem.png"))
    finally:
        driver.quit()
        shutil.rmtree(workspace, ignore_errors=True)

    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
