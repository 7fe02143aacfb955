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
`debrief search --format json` for three queries.
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
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-01"
PARITY_QUERIES = ["connection pool", "certificate expired", "rollback deploy"]
XSS = "<img src=x onerror=alert(1)>"


def binary():
    return os.environ.get("DEBRIEF_BIN", str(REPO / ".build" / "debug" / "debrief"))


def cli_search(root, query, *options):
    completed = subprocess.run([binary(), "search", query, "--root", str(root), "--format", "json", "--limit", "5", *options],
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)["hits"]


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
