"""Pages we produce, in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import ROOT
from timeline.exports.page import html_page
from timeline.io.files import write_text
from timeline.io.inputs import DocumentInput
from timeline.model import Timeline
from timeline.pipeline import Extractor, Options
from timeline.views.figure import FigurePlan

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


def _write_page(timeline: Timeline, path: Path, title: str) -> Path:
    write_text(str(path), html_page(timeline, title))
    return path


def _open(browser: Browser, path: Path, width: int = 1400) -> tuple[Page, list[str]]:
    """The page as a reader opens it, with every request off the file system refused."""
    page = browser.new_page(viewport={"width": width, "height": 1000})
    requests: list[str] = []

    def only_the_file(route) -> None:  # type: ignore[no-untyped-def]
        requests.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_the_file)
    page.on("dialog", lambda dialog: (requests.append("dialog"), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("#timeline-figure[data-ready=true]", timeout=60_000)
    return page, requests


def _labels(page: Page) -> list[dict[str, float | str]]:
    """Every label drawn in the plot, with its box clipped to the plot area."""
    return page.evaluate("""() => {
        const area = document.querySelector('#timeline-figure .nsewdrag').getBoundingClientRect();
        return [...document.querySelectorAll('#timeline-figure .scatterlayer .textpoint text')]
          .filter(t => t.textContent)
          .map(t => { const r = t.getBoundingClientRect();
                      return {text: t.textContent, x0: Math.max(r.left, area.left),
                              x1: Math.min(r.right, area.right), y0: r.top, y1: r.bottom}; })
          .filter(b => b.x1 > b.x0);
    }""")


def _clipped(page: Page) -> int:
    """How many labels the plot area cuts."""
    return int(page.evaluate("""() => {
        const area = document.querySelector('#timeline-figure .nsewdrag').getBoundingClientRect();
        return [...document.querySelectorAll('#timeline-figure .scatterlayer .textpoint text')]
          .filter(t => { const r = t.getBoundingClientRect();
                         return t.textContent && r.right > area.left && r.left < area.right &&
                                (r.left < area.left - 1 || r.right > area.right + 1); }).length;
    }"""))


def _overlaps(boxes: list[dict[str, float | str]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])  # type: ignore[operator]
            height = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])  # type: ignore[operator]
            if width > 0.5 and height > 0.5:
                found.append((str(a["text"]), str(b["text"])))
    return found


def _zoom(page: Page, low: float | str, high: float | str) -> None:
    before = page.evaluate("document.getElementById('timeline-figure').dataset.level")
    page.evaluate("([low, high]) => Plotly.relayout(document.getElementById('timeline-figure'),"
                  " {'xaxis.range': [low, high]})", [low, high])
    page.wait_for_function("before => document.getElementById('timeline-figure').dataset.level"
                           " !== before", arg=before, timeout=10_000)
    page.wait_for_timeout(300)


def _screenshot(page: Page, name: str, tmp_path: Path, only: str | None = None) -> None:
    """Screenshots for the README (the whole page, or the element ``only``): kept where
    $TIMELINE_SCREENSHOTS points, if set."""
    target = Path(os.environ.get("TIMELINE_SCREENSHOTS") or tmp_path) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if only:
        page.locator(only).screenshot(path=str(target))
    else:
        page.screenshot(path=str(target), full_page=True)


def test_seed_page_every_event_labelled_reachable_and_listed(
        browser: Browser, seed_timeline: Timeline, tmp_path: Path) -> None:
    path = _write_page(seed_timeline, tmp_path / "seed.html", "Stoltenberg in Kiew")
    page, requests = _open(browser, path)
    titles = [e.title for e in seed_timeline.events]
    labels = _labels(page)
    assert len(labels) == len(titles) == 10  # every event labelled at once
    for label in labels:
        assert any(title.startswith(str(label["text"]).rstrip("…")) for title in titles)
    assert _overlaps(labels) == []
    # every mark can be hovered, and together they reach every event
    reached = set()
    marks = page.locator("#timeline-figure .scatterlayer .point, "
                         "#timeline-figure .barlayer .point")
    for i in range(marks.count()):
        box = marks.nth(i).bounding_box()
        if not box or box["width"] < 1:  # the key's entries draw no mark in the plot
            continue
        marks.nth(i).hover(force=True)
        page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
        hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
        reached |= {t for t in titles if t[:30] in hover}
        page.mouse.move(1, 1)
    assert reached == set(titles)
    listed = page.locator("li.event .title").all_inner_texts()
    assert sorted(listed) == sorted(titles)  # the list below: every event, to read
    assert page.locator("li.event mark.timex").count() >= 10
    assert [u for u in requests if not u.startswith("file://")] == []  # offline, no dialogs
    # plotly's buttons: none that uploads the figure to Plotly Cloud ("Share chart")
    buttons = page.eval_on_selector_all(".modebar-btn", "els => els.map(e => e.dataset.title)")
    assert "Download plot as a PNG" in buttons and "Reset axes" in buttons
    assert not [b for b in buttons if "Share" in b or "Cloud" in b]
    assert _buttons_shown(page)  # beside the key, on a wide screen
    assert "cloud.plotly.com" not in path.read_text(encoding="utf-8").split("Plotly.newPlot")[-1]
    _screenshot(page, "seed-page.png", tmp_path)
    page.close()


def test_clicking_an_event_highlights_its_entry_and_back(
        browser: Browser, seed_timeline: Timeline, tmp_path: Path) -> None:
    path = _write_page(seed_timeline, tmp_path / "seed.html", "Stoltenberg in Kiew")
    page, _ = _open(browser, path)
    page.locator("#timeline-figure .scatterlayer .point").first.click(force=True)
    selected = page.locator("li.event.selected")
    selected.wait_for(timeout=5_000)
    assert selected.count() == 1
    assert selected.locator(".when").inner_text() == "29. April 2024"
    # and the entry leads back: the figure shows the event's hover label
    entry = page.locator("li.event").filter(has_text="Gipfelerklärung").first
    entry.locator("a.to-figure").click()
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    assert "Gipfelerklärung" in (page.locator(".hoverlayer .hovertext").first.text_content()
                                 or "")
    assert "selected" in (entry.get_attribute("class") or "")
    page.close()


def test_corpus_labels_never_overlap_and_the_axis_spans_the_events(
        browser: Browser, wikiwars_timeline: Timeline, tmp_path: Path) -> None:
    path = _write_page(wikiwars_timeline, tmp_path / "wikiwars.html", "WikiWarsDE: 11 Kriege")
    page, requests = _open(browser, path)
    plan = FigurePlan(wikiwars_timeline)
    # 800 BC to 2021, nearly all of it after 1860: the page opens there, and says so
    assert plan.focus is not None
    view = page.evaluate("document.getElementById('timeline-figure').layout.xaxis.range")
    assert view == pytest.approx(list(plan.focus))
    assert plan.outside_focus() <= 0.05 * len(plan.drawn)
    note = page.locator("p.focus").text_content() or ""
    assert re.match(r"Zeigt zuerst 1861–2012, wo \d[\d.]* der 1\.\d{3} Ereignisse liegen\.", note)
    opening = _labels(page)
    assert _overlaps(opening) == []
    assert _clipped(page) == 0  # in the view labels stay in it, outside they keep away
    _screenshot(page, "wikiwars-page.png", tmp_path, only="#timeline")
    before = page.evaluate("document.getElementById('timeline-figure').dataset.level")
    page.click("#whole-span")
    page.wait_for_function("before => document.getElementById('timeline-figure').dataset.level"
                           " !== before", arg=before, timeout=10_000)
    axis = page.evaluate("document.getElementById('timeline-figure').layout.xaxis.range")
    assert axis == pytest.approx(list(plan.axis))
    known = [d.x0 for d in plan.drawn] + [d.x1 for d in plan.drawn]
    span = max(known) - min(known)  # no open end stretches the axis: only a small margin
    assert axis[0] < min(known) and max(known) < axis[1] <= max(known) + 0.05 * span
    whole = _labels(page)
    assert _overlaps(whole) == [] and len(opening) >= 3 * len(whole), (len(opening), len(whole))
    _zoom(page, 1939, 1949)  # one decade
    decade = _labels(page)
    assert len(decade) > 10 and _overlaps(decade) == []
    ticks = page.locator("#timeline-figure .xtick text").all_text_contents()
    assert "1940" in ticks
    _zoom(page, 1944, 1945)  # one year: more labels, month ticks
    year = _labels(page)
    assert len(year) > 5 and _overlaps(year) == []
    _screenshot(page, "wikiwars-1944.png", tmp_path, only="#timeline")
    assert [u for u in requests if not u.startswith("file://")] == []
    page.close()


def test_narrow_screen_keeps_a_readable_figure(
        browser: Browser, seed_timeline: Timeline, tmp_path: Path) -> None:
    path = _write_page(seed_timeline, tmp_path / "seed.html", "Stoltenberg in Kiew")
    page, _ = _open(browser, path, width=420)
    area = page.evaluate("document.querySelector('#timeline-figure .nsewdrag')"
                         ".getBoundingClientRect().width")
    assert area > 300
    labels = _labels(page)
    assert labels and _overlaps(labels) == []
    assert not _buttons_shown(page)  # they would lie over the key
    page.close()


def _buttons_shown(page: Page) -> bool:
    return page.evaluate("getComputedStyle(document.querySelector("
                         "'#timeline-figure .modebar-container')).display") != "none"


def test_user_text_is_shown_never_run_or_rendered(
        browser: Browser, extractor: Extractor, tmp_path: Path) -> None:
    link = '<a href="https://example.org/x">Link</a>'
    style = '<span style="font-size:90px;color:red">Gross</span>'
    items = [DocumentInput(id="hostile", title=f"Titel {link} {style} {HOSTILE} \"q\" & co",
                           source="test", text=f"Am 3. Oktober 1990 {HOSTILE} kam {link} die "
                           f"Einheit. Im Jahr 2008 {style} nicht."),
             DocumentInput(id="other", title='<b>fett</b> "q" & co', source="test",
                           text="Im Mai 2019 war alles anders.")]
    timeline = extractor.run(items, Options(language="de", doc_type="narrative"))
    assert len(timeline.events) == 3
    page, requests = _open(browser, _write_page(timeline, tmp_path / "h.html", items[0].title
                                                or ""))
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#timeline-figure a[href^='https://example.org']").count() == 0
    assert page.locator("a[href^='https://example.org']").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("h1").inner_text() == items[0].title
    legend = " ".join(page.locator("#timeline-figure .legend text").all_text_contents())
    assert "Titel <a" in legend and '<b>fett</b> "q" & co' in legend
    assert "&quot;" not in legend and "&amp;" not in legend  # escaped exactly once
    sizes = page.evaluate("[...document.querySelectorAll('#timeline-figure text')]"
                          ".map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert max(sizes) < 30  # no <span style> restyled anything
    page.locator("#timeline-figure .scatterlayer .point").first.hover(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
    assert "<img src=x" in hover and "3. Oktober 1990" in hover
    assert page.evaluate("window.__pwned") is None
    assert [u for u in requests if not u.startswith("file://")] == []
    page.close()


def _count(page: Page, layer: str) -> int:
    """Marks one can see in the plot (labels sit beside invisible ones; the key's
    entries draw none)."""
    return int(page.evaluate(
        "layer => [...document.querySelectorAll(`.js-plotly-plot .${layer} .point`)]"
        ".map(p => p.tagName === 'path' ? p : p.querySelector('path')).filter(p => p &&"
        " parseFloat(getComputedStyle(p).opacity) > 0 &&"
        " p.getBoundingClientRect().width >= 1).length", layer))


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


def _dashboard(browser: Browser, url: str, height: int = 2080, width: int = 1400) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=180_000)
    page.wait_for_selector("text=Events (", timeout=60_000)
    return page


def _wait_for_rerun(page: Page) -> None:
    """Until Streamlit has finished the rerun a widget started."""
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=120_000)
    page.wait_for_timeout(500)


def test_workbench_text_linked_to_table_and_figure(browser: Browser, dashboard_url: str,
                                                   seed_timeline: Timeline,
                                                   tmp_path: Path) -> None:
    from timeline.curation.edits import Curation
    from timeline.views.tables import event_rows

    page = _dashboard(browser, dashboard_url)
    assert _count(page, "scatterlayer") == 4  # the two Mondays, "Jetzt", "derzeit"
    assert _count(page, "barlayer") == 6  # 2008, 2022-02, 2023 twice, 2024-07, "Monaten"
    text = page.frame_locator("iframe[title='st.iframe']")
    february = text.locator("mark.timex", has_text="Februar 2022")
    assert february.count() == 1
    assert "DATE" in (february.get_attribute("class") or "")
    assert february.get_attribute("title") == "Februar 2022 · date"
    assert text.locator("#selected").count() == 0

    # tick "show" on the row of the war's beginning: its sentence is marked in the text
    rows = event_rows(seed_timeline, Curation(), None).rows
    row = next(i for i, r in enumerate(rows) if r["when"] == "Februar 2022")
    table = page.locator("[data-testid=stDataFrame]").nth(1)
    table.scroll_into_view_if_needed()
    # the grid is drawn on a canvas: row markers (40 px), then "show"; rows 35 px high
    table.click(position={"x": 68, "y": 35 + 35 * row + 17})
    _wait_for_rerun(page)
    text.locator("#selected").wait_for(timeout=60_000)
    selected = text.locator("#selected").inner_text()
    assert "seit Beginn des russischen Angriffskriegs im Februar 2022" in selected
    box = text.locator("#selected").bounding_box()
    frame = page.locator("iframe[title='st.iframe']").bounding_box()
    assert box and frame and frame["y"] <= box["y"] <= frame["y"] + frame["height"]  # scrolled
    panel = page.get_by_test_id("stMainBlockContainer").get_by_label("Title", exact=True)
    assert panel.input_value() == rows[row]["event"]  # the panel shows it to edit
    ring = page.locator(".js-plotly-plot .shapelayer path")  # and the figure marks it
    assert ring.count() >= 1
    _screenshot(page, "dashboard.png", tmp_path)

    # click a day's diamond in the figure: that event is selected, its sentence shown
    diamond = page.locator(".js-plotly-plot .scatterlayer .trace:nth-child(1) .point").first
    box = diamond.bounding_box()
    assert box
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    _wait_for_rerun(page)
    # null-safe: while the rerun redraws the text, the frame or its mark may be missing
    page.wait_for_function("() => { const selected = document.querySelector("
                           "\"iframe[title='st.iframe']\")?.contentDocument"
                           "?.querySelector('#selected'); return !!selected &&"
                           " !selected.textContent.includes('Februar 2022'); }",
                           timeout=60_000)
    days = {r["event"] for r in rows if "day" in r["kinds"]}
    # a loaded machine can catch the panel of the last run still fading out beside the new one
    expect(panel).to_have_count(1, timeout=30_000)
    assert panel.input_value() in days
    page.close()


def _chart_top(page: Page) -> tuple[dict[str, float], ...]:
    """The dashboard chart's buttons, title (empty when none) and key, as rectangles."""
    return tuple(page.evaluate("""() => ['.modebar', '.gtitle', '.legend2'].map(s => {
        const e = document.querySelector('.js-plotly-plot ' + s);
        const r = e ? e.getBoundingClientRect() : {};
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    })"""))


def test_the_chart_buttons_cover_neither_title_nor_key(browser: Browser, dashboard_url: str
                                                        ) -> None:
    """A small window (the seed's title would run under the buttons): they have a strip of
    their own above both."""
    page = _dashboard(browser, dashboard_url, height=900, width=1024)
    buttons, title, key = _chart_top(page)
    assert buttons["bottom"] <= title["top"] and buttons["bottom"] <= key["top"]
    page.close()


def _chart_labels(page: Page) -> list[dict[str, float | str | bool]]:
    """The dashboard figure's labels, each with its box and whether the plot holds it whole."""
    return page.evaluate("""() => {
        const area = document.querySelector('.js-plotly-plot .nsewdrag').getBoundingClientRect();
        return [...document.querySelectorAll('.js-plotly-plot .scatterlayer .textpoint text')]
          .filter(t => t.textContent)
          .map(t => { const r = t.getBoundingClientRect();
                      return {text: t.textContent, x0: r.left, x1: r.right, y0: r.top,
                              y1: r.bottom, inside: r.left >= area.left - 1 &&
                              r.right <= area.right + 1}; });
    }""")


def test_a_small_window_gets_labels_for_its_own_width(browser: Browser, dashboard_url: str,
                                                      tmp_path: Path) -> None:
    """1024 px with the sidebar open leaves a plot of about 540 px: the browser tells the
    app its column's width, and the labels and title are chosen for it."""
    page = _dashboard(browser, dashboard_url, height=1000, width=1024)
    page.wait_for_function("() => { const a = document.querySelector('.js-plotly-plot "
                           ".nsewdrag'); return a && a.getBoundingClientRect().width < 600; }",
                           timeout=60_000)
    _wait_for_rerun(page)  # the rerun the measured width started
    boxes = _chart_labels(page)
    assert len(boxes) >= 6 and all(b["inside"] for b in boxes), boxes
    assert _overlaps(boxes) == []
    title_right, plot_right = page.evaluate(
        "() => ['.gtitle', '.nsewdrag'].map(s => document.querySelector("
        "'.js-plotly-plot ' + s).getBoundingClientRect().right)")
    assert title_right <= plot_right
    _screenshot(page, "dashboard-1024.png", tmp_path, only=".js-plotly-plot")
    page.close()


def test_two_uploaded_texts_become_two_lanes(browser: Browser, dashboard_url: str,
                                             tmp_path: Path) -> None:
    first, second = tmp_path / "bruecke.txt", tmp_path / "tunnel.txt"
    first.write_text("Am 3. Mai 2021 wurde die Brücke eröffnet. Im Juli 2022 kam der Zug.",
                     encoding="utf-8")
    second.write_text("Der Tunnel wurde 2019 begonnen und im März 2023 fertig.",
                      encoding="utf-8")
    page = _dashboard(browser, dashboard_url)
    page.locator("[data-testid=stMultiSelect]").first.get_by_role("button").first.click()
    _wait_for_rerun(page)  # the example is closed
    page.locator("input[type=file]").set_input_files([str(first), str(second)])
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .ytick').length"
                           " == 2", timeout=120_000)
    lanes = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .ytick text')]"
                          ".map(t => t.textContent)")
    assert sorted(lanes) == ["bruecke", "tunnel"]
    buttons, _, key = _chart_top(page)
    assert buttons["bottom"] <= key["top"]  # no title: the buttons get a strip of their own
    _wait_for_rerun(page)  # the whole page in the screenshot, its table included
    _screenshot(page, "dashboard-two-texts.png", tmp_path)
    page.close()


def test_phone_gets_labels_that_fit(browser: Browser, dashboard_url: str) -> None:
    """The server cannot see the width; a phone's user agent gets the narrow level."""
    page = browser.new_page(viewport={"width": 420, "height": 1400}, user_agent=(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0 Mobile Safari/537.36"))
    page.goto(dashboard_url)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=180_000)
    page.wait_for_selector("text=Events (", timeout=60_000)
    boxes = _chart_labels(page)
    assert boxes and all(b["inside"] for b in boxes), boxes  # nothing cut at the edges
    assert _overlaps(boxes) == []
    page.close()
