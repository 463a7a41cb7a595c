"""The report in a real browser: Debian's Chromium driven by selenium (chromium-driver).

The folder of tests/test_report.py (a real PDF finding, a text source, a document whose
objet and file name carry markup, documents failed, checked and unchecked) is opened
from disk, offline: the index loads without a console error (a blocked script, image or
style would be one, under the pages' Content-Security-Policy), filters work, links open
the PDF at the page, the picture shows the region of the provenance box, and no
document text runs or becomes an element.

scripts/bootstrap.sh installs chromium and chromium-driver as root with apt (CI). Where
they are absent these tests skip, saying so; under CI (CI=true) they fail instead.
"""
from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image

from tests.test_report import HOSTILE, HOSTILE_NAME, PDF, is_red, report_folder, statement_box

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def _missing() -> str:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e .[test])"
    if not CHROMIUM or not DRIVER:
        return "Debian chromium/chromium-driver not installed (scripts/bootstrap.sh installs them as root with apt)"
    return ""


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run on CI: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for a driver online
    profile = tempfile.mkdtemp(prefix="registre-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}", "--window-size=1400,1000"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return report_folder(tmp_path_factory.mktemp("browser"))


def open_page(driver, path: Path, fragment: str = ""):
    driver.get(path.as_uri() + fragment)
    driver.get_log("browser")  # start each page with an empty log
    driver.refresh()
    return driver


def settle(driver, done, seconds: float = 5) -> None:
    """Wait until the page's script has applied what a click asked (`done(driver)`), or
    `seconds` have passed: on a busy machine the filter runs after the click returns."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, seconds, poll_frequency=0.05).until(done)
    except TimeoutException:
        pass  # the assertion that follows says what is wrong


def errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def rows(driver, table: str) -> list[list[str]]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
        ".map(tr => [...tr.cells].map(td => td.textContent));", table)


def test_index_loads_without_script_error(browser, folder):
    open_page(browser, folder / "report.html")
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    assert errors(browser) == []
    assert len(rows(browser, "documents")) == 7 and len(rows(browser, "findings")) == 5
    assert browser.find_element("id", "counts").text == "7 document(s) sur 7, 5 anomalie(s) sur 5"


def test_filters_by_rule_severity_document_collectivite_and_date(browser, folder):
    from selenium.webdriver.support.ui import Select

    open_page(browser, folder / "report.html")
    form = browser.find_element("id", "filters")
    Select(form.find_element("name", "rule")).select_by_value("objectives.summary_percent")
    assert sorted(r[2] for r in rows(browser, "findings")) == ["000_947d8fbb682aad0d.txt", PDF]
    assert [r[0] for r in rows(browser, "documents")] == ["000_947d8fbb682aad0d.txt", PDF]
    assert "#rule=objectives.summary_percent" in browser.current_url
    Select(form.find_element("name", "rule")).select_by_value("")
    Select(form.find_element("name", "sev")).select_by_value("warning")
    assert [r[1] for r in rows(browser, "findings")] == ["fiche.cost_matches_table"]
    Select(form.find_element("name", "sev")).select_by_value("")
    Select(form.find_element("name", "coll")).select_by_value("Commune de Chéméré")
    assert {r[2] for r in rows(browser, "findings")} == {HOSTILE_NAME}
    assert [r[0] for r in rows(browser, "documents")] == [HOSTILE_NAME]
    Select(form.find_element("name", "coll")).select_by_value("")
    browser.execute_script("const f = document.getElementById('filters'); f.elements.from.value = '2024-01-01';"
                           "f.dispatchEvent(new Event('input'));")
    assert {r[2] for r in rows(browser, "findings")} == {PDF, "000_947d8fbb682aad0d.txt"}
    form.find_element("name", "doc").send_keys("hautes")
    assert [r[2] for r in rows(browser, "findings")] == [PDF]
    form.find_element("css selector", "button[type=reset]").click()
    settle(browser, lambda d: len(rows(d, "findings")) == 5)
    assert len(rows(browser, "findings")) == 5


def test_overview_links_set_the_filters(browser, folder):
    open_page(browser, folder / "report.html")
    browser.find_element("css selector", 'a[href="#rule=attendance.proxy_count"]').click()
    settle(browser, lambda d: len(rows(d, "findings")) == 1)  # the click's hashchange filters the table
    assert [r[1] for r in rows(browser, "findings")] == ["attendance.proxy_count"]
    assert "3 délibérations" not in rows(browser, "findings")[0][3]  # a label, with "(+2)"
    assert rows(browser, "findings")[0][3].endswith("(+2)")
    open_page(browser, folder / "report.html", "#state=failed")
    assert [r[0] for r in rows(browser, "documents")] == ["broken.pdf"]
    assert errors(browser) == []


def test_links_point_at_the_pdf_page(browser, folder):
    open_page(browser, folder / "report.html", "#doc=hautes")
    browser.find_element("css selector", "#findings tbody a").click()
    assert urlparse(browser.current_url).fragment.startswith("f-a1-objectives.summary_percent")
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "a.pdf")]
    page_links = [l for l in links if l.endswith("#page=10")]
    assert page_links
    target = Path(unquote(urlparse(page_links[0]).path))
    assert target == (folder.parent / "src" / PDF) and target.exists()
    assert errors(browser) == []


def test_picture_shows_the_provenance_region(browser, folder):
    open_page(browser, folder / "report" / "a1.html")
    fig = browser.find_element("css selector", "figure.evidence")
    img = fig.find_element("tag name", "img")
    browser.execute_script("arguments[0].scrollIntoView()", img)
    browser.execute_script("return arguments[0].decode()", img)
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img) > 0
    region = [float(v) for v in fig.get_attribute("data-region").split(",")]
    scale = float(fig.get_attribute("data-scale"))
    shown = Image.open(io.BytesIO(img.screenshot_as_png)).convert("RGB")
    natural = browser.execute_script("return [arguments[0].naturalWidth, arguments[0].clientWidth]", img)
    ratio = natural[0] / natural[1]  # displayed pixels → picture pixels
    red = [(x, y) for x in range(shown.width) for y in range(shown.height) if is_red(shown.getpixel((x, y)))]
    assert red, "no highlighted value in the picture the browser shows"
    x0, y0 = min(x for x, _ in red) * ratio, min(y for _, y in red) * ratio
    x1, y1 = max(x for x, _ in red) * ratio, max(y for _, y in red) * ratio
    value = statement_box()["value"]
    seen = (region[0] + x0 / scale, region[1] + y0 / scale, region[0] + x1 / scale, region[1] + y1 / scale)
    assert all(abs(a - b) < 8 for a, b in zip(seen, value)), (seen, value)
    assert errors(browser) == []


def test_document_text_never_runs_or_becomes_markup(browser, folder):
    for path in (folder / "report.html", folder / "report" / "c3.html"):
        open_page(browser, path)
        assert browser.execute_script("return window.__pwned === undefined")
        assert browser.execute_script("return document.querySelectorAll('img[onerror], [onerror]').length") == 0
        ours = 2 if path.name == "report.html" else 0  # the data block and the filters
        assert browser.execute_script("return document.scripts.length") == ours
    heading = browser.find_element("css selector", "section.group h2").text
    assert heading.endswith(HOSTILE.split("\x1b")[0].strip() + " \u241b[31m")
    assert browser.find_element("tag name", "h1").text == HOSTILE_NAME
    assert errors(browser) == []


@pytest.mark.parametrize("width", [800, 1400])
def test_counts_stay_on_screen(browser, folder, width):
    browser.set_window_size(width, 1000)
    try:
        open_page(browser, folder / "report.html")
        right = browser.execute_script(
            "const th = [...document.querySelectorAll('#documents th')].find(t => t.textContent === 'Erreurs');"
            "return [th.getBoundingClientRect().right, document.documentElement.clientWidth];")
        assert right[0] <= right[1]
    finally:
        browser.set_window_size(1400, 1000)
