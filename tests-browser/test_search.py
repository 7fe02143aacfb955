#!/usr/bin/env python3
"""Browser tests of site search (issue 5), with Debian's chromium and chromium-driver.

Two ways to run it:
  - as a module of run.py: `test_search.run_checks(driver, site, root, check)` with run.py's
    driver, built example site, knowledge base root and `check(name, function)`;
  - alone: `python3 tests-browser/test_search.py` builds the repository's example knowledge base
    with $DEBRIEF_BIN (default .build/debug/debrief) and ends with `N passed, M failed`.

From file:// it types a query into the search page and sees the expected first hit, applies a
filter, opens the result, searches from the header box, checks that `<img src=x onerror=...>`
shows as text and runs nothing, and that the browser's top results equal
`debrief search --format json` for three queries. Then the page itself: matches marked in titles
and snippets, the true total and "Show more", browsing by a filter alone, the empty states (with
the button that removes filters), headings in order, the keyboard walk (`/`, arrows, Escape) and
axe on a page of results in light and dark.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-01"
PARITY_QUERIES = ["connection pool", "certificate expired", "rollback deploy"]
XSS = "<img src=x onerror=alert(1)>"
PAGE_SIZE = 20
MANY = "minutes"  # more than PAGE_SIZE documents of the example say it (checked against the CLI)


def binary():
    return os.environ.get("DEBRIEF_BIN", str(REPO / ".build" / "debug" / "debrief"))


def cli_search(root, query, *options):
    return cli_results(root, query, *options)["hits"]


def cli_results(root, query, *options, limit=5):
    words = [query] if query else []
    completed = subprocess.run([binary(), "search", *words, "--root", str(root), "--format", "json", "--limit", str(limit), *options],
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


def search_page(site):
    return (Path(site) / "search" / "index.html").resolve().as_uri()


def wait_for_results(driver):
    """Waits until the page has finished searching; returns the hits as [(title, meta)]."""
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "search-status").text not in ("", "Searching\u2026"))
    return [(hit.find_element(By.CSS_SELECTOR, ".search-hit-title").text, hit.find_element(By.CSS_SELECTOR, ".search-hit-meta").text)
            for hit in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-hit")]


def type_query(driver, text):
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(text)
    # The page searches 120 ms after the last keystroke; wait for the hits of *this* query.
    WebDriverWait(driver, 10).until(lambda d: text in d.execute_script("return decodeURIComponent(location.search.replace(/\\+/g, ' '))"))
    return wait_for_results(driver)


def no_alert(driver):
    try:
        alert = driver.switch_to.alert
        raise AssertionError(f"an alert opened: {alert.text}")
    except NoAlertPresentException:
        pass


def run_checks(driver, site, root, check):
    def first_hit_from_typing():
        expected = cli_search(root, "certificate expired")[0]["title"]
        driver.get(search_page(site))
        hits = type_query(driver, "certificate expired")
        assert hits, "no hits"
        assert hits[0][0] == expected, f"first hit {hits[0][0]!r}, expected {expected!r}"
    check("search page: typed query shows the expected first hit", first_hit_from_typing)

    def filter_narrows():
        driver.get(search_page(site) + "?q=payments")
        before = wait_for_results(driver)
        select = Select(driver.find_element(By.ID, "search-severity"))
        select.select_by_value("SEV1")
        WebDriverWait(driver, 10).until(lambda d: "severity=SEV1" in d.current_url)
        after = wait_for_results(driver)
        expected = [hit["title"] for hit in cli_search(root, "payments", "--severity", "SEV1")]
        assert after, "no SEV1 hits"
        assert len(after) < len(before), f"{len(after)} hits with the filter, {len(before)} without"
        assert all("SEV1" in meta for _, meta in after), after
        assert [title for title, _ in after[:5]] == expected, f"{after[:5]} != {expected}"
    check("search page: the severity filter narrows the hits like --severity", filter_narrows)

    def finds_preamble_and_unrecognised_sections():
        # An opening paragraph with no heading and a What Went Well list: no structured field
        # holds them, and every word must still be found, ranked as the CLI ranks it.
        for query in ["escrow contacts", "pg_replication_slots"]:
            expected = [hit["title"] for hit in cli_search(root, query)]
            assert expected, f"the CLI finds nothing for {query!r}"
            driver.get(search_page(site) + "?q=" + query.replace(" ", "+"))
            hits = wait_for_results(driver)
            assert [title for title, _ in hits[:5]] == expected, f"{query!r}: {hits[:5]} != {expected}"
    check("search page: words of a preamble and of an unrecognised section are found", finds_preamble_and_unrecognised_sections)

    def opens_result():
        driver.get(search_page(site) + "?q=" + "certificate")
        hits = wait_for_results(driver)
        driver.find_element(By.CSS_SELECTOR, "#search-results .search-hit-title").click()
        WebDriverWait(driver, 10).until(lambda d: "/search/" not in d.current_url)
        assert driver.find_element(By.TAG_NAME, "h1").text == hits[0][0], driver.find_element(By.TAG_NAME, "h1").text
    check("search page: clicking a hit opens its page", opens_result)

    def header_box():
        driver.get((Path(site) / "index.html").resolve().as_uri())
        box = driver.find_element(By.CSS_SELECTOR, ".search-box input[name=q]")
        box.send_keys("rollback deploy", Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: "/search/index.html" in d.current_url)
        assert driver.find_element(By.ID, "search-q").get_attribute("value") == "rollback deploy"
        assert wait_for_results(driver), "no hits from the header box"
    check("header search box opens the search page with the query", header_box)

    def hostile_query_is_text():
        driver.get(search_page(site))
        type_query(driver, XSS)
        no_alert(driver)
        assert driver.execute_script("return document.querySelectorAll('main img, #search-results img').length") == 0
        assert driver.find_element(By.ID, "search-q").get_attribute("value") == XSS
        driver.get(search_page(site) + "?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
        wait_for_results(driver)
        no_alert(driver)
        assert driver.execute_script("return document.querySelectorAll('main img').length") == 0
    check("search page: a query with <img onerror> shows as text and runs nothing", hostile_query_is_text)

    for query in PARITY_QUERIES:
        def same_as_cli(query=query):
            expected = [hit["title"] for hit in cli_search(root, query)]
            driver.get(search_page(site))
            got = [title for title, _ in type_query(driver, query)[:5]]
            assert expected, f"debrief search {query!r} found nothing"
            assert got == expected, f"browser {got} != debrief search {expected}"
        check(f"browser top 5 equal `debrief search` for {query!r}", same_as_cli)


    # ---- The page: marks, totals, Show more, empty states, headings, keyboard, axe ----

    def status_text():
        return driver.find_element(By.ID, "search-status").text

    def result_links():
        return driver.find_elements(By.CSS_SELECTOR, "#search-results .search-hit h2 > a.search-hit-title")

    def focused():
        return driver.switch_to.active_element

    def marks_title_and_snippet():
        driver.get(search_page(site) + "?q=certificate")
        hits = wait_for_results(driver)
        assert hits, "no hits"
        first = driver.find_element(By.CSS_SELECTOR, "#search-results .search-hit")
        title = [m.text for m in first.find_elements(By.CSS_SELECTOR, ".search-hit-title mark")]
        snippet = [m.text for m in first.find_elements(By.CSS_SELECTOR, ".search-hit-snippet mark")]
        assert title, f"no <mark> in the first title {hits[0][0]!r}"
        assert snippet, "no <mark> in the first snippet"
        every = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
        assert all(text.lower().startswith("certificat") for text in every), f"marked words that do not match: {every}"
        # Text around the marks is intact: the title reads as the CLI's.
        assert hits[0][0] == cli_search(root, "certificate")[0]["title"], hits[0][0]
        # Marks are elements made by the script, never markup from titles or the query.
        assert driver.execute_script("return document.querySelectorAll('#search-results mark *').length") == 0
        # Browsing (no words) marks nothing.
        driver.get(search_page(site) + "?severity=SEV1")
        wait_for_results(driver)
        assert not driver.find_elements(By.CSS_SELECTOR, "#search-results mark"), "marks while browsing without words"
    check("search page: matches are marked in the title and the snippet", marks_title_and_snippet)

    def total_and_show_more():
        expected = cli_results(root, MANY, limit=100)
        total = expected["total"]
        assert total > PAGE_SIZE, f"the example has only {total} documents for {MANY!r}; pick another query"
        driver.get(search_page(site) + "?q=" + MANY)
        wait_for_results(driver)
        assert status_text() == f"{total:,} results", status_text()
        links = result_links()
        assert len(links) == PAGE_SIZE, f"{len(links)} results shown at first"
        more = driver.find_element(By.ID, "search-more")
        assert more.is_displayed(), "no Show more button with more results than shown"
        assert more.text == "Show more", more.text
        assert driver.find_element(By.ID, "search-shown").text == f"{PAGE_SIZE} of {total:,} shown"
        more.click()
        WebDriverWait(driver, 10).until(lambda d: len(result_links()) > PAGE_SIZE)
        links = result_links()
        assert len(links) == min(total, 2 * PAGE_SIZE), f"{len(links)} results after Show more"
        assert [link.text for link in links] == [hit["title"] for hit in expected["hits"]][:len(links)], "order differs from the CLI"
        assert focused() == links[PAGE_SIZE], f"focus is on {focused().text!r}, not the first added result"
        assert not driver.find_element(By.ID, "search-more").is_displayed(), "Show more stays after the last result"
        assert status_text() == f"{total:,} results", status_text()
        # Twenty or fewer: no button; one: singular.
        driver.get(search_page(site) + "?q=certificate")
        wait_for_results(driver)
        assert not driver.find_element(By.ID, "search-more").is_displayed(), "Show more with every result shown"
        assert cli_results(root, "escrow")["total"] == 1
        driver.get(search_page(site) + "?q=escrow")
        wait_for_results(driver)
        assert status_text() == "1 result", status_text()
    check("search page: the status shows the true total and Show more adds the next 20", total_and_show_more)

    def browse_by_filter():
        expected = cli_results(root, "", "--severity", "SEV1", limit=100)
        driver.get(search_page(site))
        wait_for_results(driver)
        Select(driver.find_element(By.ID, "search-severity")).select_by_value("SEV1")
        WebDriverWait(driver, 10).until(lambda d: "newest first" in status_text())
        assert status_text() == f"{expected['total']:,} document{'s' if expected['total'] != 1 else ''}, newest first", status_text()
        got = [link.text for link in result_links()]
        assert got == [hit["title"] for hit in expected["hits"]][:PAGE_SIZE], f"{got} != the CLI's"
    check("search page: a severity alone lists its documents, newest first", browse_by_filter)

    def empty_states():
        driver.get(search_page(site))
        wait_for_results(driver)
        assert "Type words" in status_text() and "severity" in status_text(), status_text()
        assert not result_links()
        # Words with no match, no filter: advice, no button.
        driver.get(search_page(site) + "?q=zzqxv")
        wait_for_results(driver)
        assert status_text().startswith("No matches.") and "fewer" in status_text(), status_text()
        assert not driver.find_elements(By.CSS_SELECTOR, "#search-empty button"), "a Remove filters button without filters"
        # Words that match, filters that admit none of them: a button removes the filters.
        assert cli_results(root, "certificate")["total"] > 0
        assert cli_results(root, "certificate", "--severity", "SEV4")["total"] == 0
        for url, text in [("?q=certificate&severity=SEV4", "certificate"), ("?q=certificate+severity%3ASEV4", "certificate severity:SEV4")]:
            driver.get(search_page(site) + url)
            wait_for_results(driver)
            assert "No matches with severity SEV4" in status_text(), status_text()
            assert driver.find_element(By.ID, "search-q").get_attribute("value") == text
            button = driver.find_element(By.CSS_SELECTOR, "#search-empty button")
            assert button.is_displayed() and button.text == "Remove filters", button.text
            button.click()
            WebDriverWait(driver, 10).until(lambda d: status_text().endswith("results"))
            assert Select(driver.find_element(By.ID, "search-severity")).first_selected_option.get_attribute("value") == ""
            assert driver.find_element(By.ID, "search-q").get_attribute("value") == "certificate"
            assert "severity" not in driver.current_url, driver.current_url
            assert [link.text for link in result_links()] == [hit["title"] for hit in cli_search(root, "certificate")]
            assert focused() == driver.find_element(By.ID, "search-q"), "focus is not back in the search box"
            assert not driver.find_element(By.ID, "search-empty").is_displayed()
    check("search page: empty states say what to do; Remove filters searches without them", empty_states)

    def headings_in_order():
        driver.get(search_page(site) + "?q=" + MANY)
        wait_for_results(driver)
        levels = driver.execute_script(
            "return Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6'))"
            ".map(h => +h.tagName[1])")
        assert levels[0] == 1 and levels.count(1) == 1, levels
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"a heading level is skipped: {levels}"
        titles = driver.execute_script("return Array.from(document.querySelectorAll('#search-results .search-hit-title')).map(a => a.parentElement.tagName)")
        assert titles and set(titles) == {"H2"}, titles
    check("search page: result titles are h2 under the h1", headings_in_order)

    def keyboard_walk():
        driver.get(search_page(site) + "?q=" + MANY)
        wait_for_results(driver)
        box = driver.find_element(By.ID, "search-q")
        driver.execute_script("document.activeElement.blur()")
        assert focused() != box
        ActionChains(driver).send_keys("/").perform()
        assert focused() == box, "/ does not focus the search box"
        assert box.get_attribute("value") == MANY, "/ changed the query"
        links = result_links()
        box.send_keys(Keys.ARROW_DOWN)
        assert focused() == links[0], f"ArrowDown from the box focuses {focused().text!r}"
        focused().send_keys(Keys.ARROW_DOWN)
        assert focused() == links[1], f"second ArrowDown focuses {focused().text!r}"
        focused().send_keys(Keys.ARROW_DOWN)
        assert focused() == links[2]
        focused().send_keys(Keys.ARROW_UP)
        assert focused() == links[1], "ArrowUp does not go back one result"
        focused().send_keys(Keys.ARROW_UP)
        assert focused() == links[0]
        focused().send_keys(Keys.ARROW_UP)
        assert focused() == box, "ArrowUp from the first result does not return to the box"
        box.send_keys(Keys.ARROW_DOWN)
        focused().send_keys(Keys.ARROW_DOWN)
        focused().send_keys(Keys.ESCAPE)
        assert focused() == box, "Escape in the results does not return to the box"
        # From a link, / goes to the box too; in the box, / is a character like any other.
        links[3].send_keys("/")
        assert focused() == box, "/ on a result link does not focus the box"
        box.send_keys(Keys.END, "/")
        assert box.get_attribute("value") == MANY + "/", box.get_attribute("value")
    check("search page: / focuses the box, arrows walk the results, ArrowUp and Escape return", keyboard_walk)

    def results_accessible():
        import axe_selenium_python
        source = (Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js").read_text()
        failures = []
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for url in ["?q=certficate+expird", "?q=certificate&severity=SEV4"]:
                driver.get(search_page(site) + url)
                wait_for_results(driver)
                driver.execute_script(source)
                violations = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations))"
                    ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
                failures += [f"{scheme} {url}: {v['id']} ({v['impact']}) {v['nodes'][0]['html'][:100] if v['nodes'] else ''}"
                             for v in violations]
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        assert not failures, "; ".join(failures)
    check("search page with marked results and an empty state has no axe violations (light, dark)", results_accessible)


def main():
    results = {"passed": 0, "failed": 0}

    def check(name, function):
        try:
            function()
            results["passed"] += 1
            print(f"ok   {name}")
        except Exception as error:
            results["failed"] += 1
            print(f"FAIL {name}: {error}")
            if os.environ.get("DEBRIEF_BROWSER_TRACE"):
                traceback.print_exc()

    workspace = Path(tempfile.mkdtemp(prefix="debrief-search-browser-"))
    site = workspace / "site"
    completed = subprocess.run([binary(), "build", "--root", str(REPO), "--output", str(site), "--as-of", AS_OF],
                               capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"debrief build failed ({completed.returncode}):\n{completed.stderr}")
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        run_checks(driver, site, REPO, check)
    finally:
        driver.quit()
        shutil.rmtree(workspace, ignore_errors=True)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
