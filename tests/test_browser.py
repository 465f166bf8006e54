"""Pages we produce, in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import ROOT, SEED_DCT
from timeline.exports.page import write_html
from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options
from timeline.views.figure import build_figure

pytestmark = pytest.mark.browser

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
HOSTILE = ('<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>'
           '<a href="javascript:window.__pwned=3">x</a>')


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True,
                                             args=FLAGS)
        yield browser
        browser.close()


def test_html_export_renders_offline_and_runs_no_user_text(
        browser: Browser, extractor: Extractor, tmp_path: Path) -> None:
    item = DocumentInput(
        id="hostile", title=f"Title {HOSTILE}", source="test",
        text=f"Am 3. Oktober 1990 {HOSTILE} kam die Einheit. Im Jahr 2008 {HOSTILE} nicht.",
    )
    timeline = extractor.run([item], Options(language="de", doc_type="narrative"))
    assert len(timeline.events) == 2
    page_path = tmp_path / "hostile.html"
    write_html(timeline, build_figure(timeline), page_path, title=item.title or "")

    page = browser.new_page()
    requests: list[str] = []

    def only_the_file(route) -> None:  # type: ignore[no-untyped-def]
        requests.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_the_file)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_path.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    assert _count(page, "scatterlayer") == 1  # the day: a marker
    assert _count(page, "barlayer") == 1  # the year: a bar
    assert page.locator(".rangeslider-container").count() == 1
    assert page.evaluate("window.__pwned") is None
    assert page.locator("h1").inner_text() == f"Title {HOSTILE}"  # shown, not run
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert [u for u in requests if not u.startswith("file://")] == []  # no network at all
    # hovering shows the expression and its sentence
    page.locator(".js-plotly-plot .scatterlayer .point").first.hover(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
    assert "1990-10-03" in hover and "3. Oktober 1990" in hover
    assert "<img src=x" in hover  # user text shown literally in the label
    assert page.evaluate("window.__pwned") is None
    page.close()


def _count(page, layer: str) -> int:  # type: ignore[no-untyped-def]
    """Drawn marks of the main plot (the range slider draws its own copies)."""
    return int(page.evaluate(
        "layer => [...document.querySelectorAll(`.js-plotly-plot .${layer} .point`)]"
        ".filter(el => !el.closest('.rangeslider-container')).length", layer))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = tmp_path_factory.mktemp("dashboard") / "streamlit.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "timeline.cli", "app", "--port", str(port)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail(f"the dashboard did not start:\n{log.read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_dashboard_shows_seed_timeline(browser: Browser, dashboard_url: str,
                                       tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(dashboard_url)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=180_000)
    page.wait_for_selector("text=Events (", timeout=60_000)
    assert _count(page, "scatterlayer") == 4  # the two Mondays, "Jetzt", "derzeit"
    # 2008, 2022-02, 2023, 2024-07; hatched: "vergangenen Monaten", the second "damals" (2023)
    assert _count(page, "barlayer") == 6
    body = page.locator("body").inner_text()
    assert SEED_DCT.isoformat() in body
    assert "Stoltenberg" in body
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    page.close()


def test_dashboard_reads_an_uploaded_web_page_with_its_date(browser: Browser, dashboard_url: str,
                                                            tmp_path: Path) -> None:
    from tests.test_dct import PAGE

    page_file = tmp_path / "artikel.html"
    page_file.write_text(PAGE, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(dashboard_url)
    page.wait_for_selector("text=Events (", timeout=180_000)
    page.get_by_text("Upload a file").click()
    page.locator("input[type=file]").set_input_files(str(page_file))
    page.wait_for_selector("text=from metadata", timeout=60_000)
    body = page.locator("body").inner_text()
    assert "Document date used: 2024-04-29 (from metadata)" in body
    assert "pwned" not in page.title()
    page.close()
