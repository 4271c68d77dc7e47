"""``python -m lawgraph.benchmarks.dashboard_startup``: how soon ``lawgraph dashboard`` is usable in a browser.

Each run starts ``python -m lawgraph dashboard --port N`` (the command a user types) and measures, from the
moment the process is started:

- **health** — until ``/_stcore/health`` answers ``ok`` (polled every 20 ms);
- **first page** — until a headless Chromium, sent to the app the moment health is ok, shows the first
  fact of the fact → outcome page: Streamlit's frontend loaded and started, the page run, its widgets drawn;
- **second visitor** — a second browser page loading the app once the first is shown (everything warm).

Chromium is Debian's (``/usr/bin/chromium``), driven by the ``playwright`` package, launched once before the
runs so that its own start is not counted; every page gets a new browser context (an empty cache: a reader's
first visit ever). With ``--returning-browser`` the pages share one context that has visited the dashboard
once before the runs, and every run serves on that visit's port (a browser caches per origin; Streamlit serves
its scripts as immutable): a reader who has used the dashboard before, in the same browser, on the same port. Each run
waits until the machine is quiet (1-minute load average below ``--quiet-below``) and prints the load it
started at. By default the embedded store is built once beforehand into a temporary ``LAWGRAPH_HOME`` (as
after ``make setup``); ``--cold-store`` gives every run an empty home, so the command builds the store first.

The browser test (``tests/test_dashboard_browser.py``) starts the dashboard with the same functions.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Annotated, Any

import typer

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1440, "height": 1300}
#: a fact's name on the first page (fact → outcome), in English (one of the search box's options)
FIRST_FACT = "Platform knew or should have known of the merchant's wrongdoing"
#: the fact search box of the first page: the page is usable once it is drawn
FACT_SEARCH = "Facts"
#: the issue's target: the first page interactive within 3 s of start, on the embedded default
TARGET_S = 3.0


@dataclass
class Run:
    load1: float  # 1-minute load average when the run started
    health_s: float
    first_page_s: float
    second_visitor_s: float


@dataclass
class Dashboard:
    url: str
    process: subprocess.Popen[bytes]
    started: float  # time.monotonic() just before the process was started
    healthy_after: float  # seconds from start to /_stcore/health ok


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


def dashboard_env(home: Path) -> dict[str, str]:
    """This environment on the embedded default (no ``NEO4J_URI``), with its store under ``home``."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "LAWGRAPH_BACKEND")}
    env["LAWGRAPH_HOME"] = str(home)
    return env


def build_store(home: Path) -> None:
    """Build the bundled data into the embedded store under ``home`` (what ``make setup`` does for .lawgraph)."""
    subprocess.run([sys.executable, "-m", "lawgraph", "load"], env=dashboard_env(home), check=True,
                   capture_output=True, cwd=REPO)


@contextmanager
def running_dashboard(home: Path, log: IO[bytes], timeout_s: float = 60,
                      port: int | None = None) -> Iterator[Dashboard]:
    """``lawgraph dashboard`` on ``port`` (default: a free one) until health is ok; stopped (SIGTERM) on exit.

    Raises ``RuntimeError`` with the end of the log when it stops or does not answer within ``timeout_s``.
    """
    port = port or free_port()
    url = f"http://localhost:{port}"
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "lawgraph", "dashboard", "--port", str(port)],
                               env=dashboard_env(home), cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        while not healthy(url):
            if process.poll() is not None or time.monotonic() - started > timeout_s:
                log.flush()
                tail = Path(log.name).read_text(errors="replace")[-2000:] if isinstance(log.name, str) else ""
                raise RuntimeError(f"the dashboard did not come up (exit code {process.poll()}): {tail}")
            time.sleep(0.02)
        yield Dashboard(url, process, started, time.monotonic() - started)
    finally:
        process.send_signal(signal.SIGTERM)  # the command stops Streamlit, then closes the store
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def open_first_page(browser: Any, url: str, timeout_s: float = 30, context: Any = None) -> Any:
    """A new page at ``url`` (in ``context``, else in a new one), returned once the fact search box is drawn."""
    page = context.new_page() if context is not None else browser.new_page(viewport=VIEWPORT)
    page.goto(url)
    page.get_by_role("combobox", name=FACT_SEARCH, exact=True).wait_for(timeout=timeout_s * 1000)
    return page


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium through playwright (never ``playwright install``)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_for_quiet(below: float, at_most_s: float = 120) -> float:
    """Wait (up to ``at_most_s``) until the 1-minute load average is below ``below``; the load then."""
    deadline = time.monotonic() + at_most_s
    while os.getloadavg()[0] >= below and time.monotonic() < deadline:
        time.sleep(2)
    return os.getloadavg()[0]


def measure(runs: int, cold_store: bool = False, quiet_below: float = 1.0, gap_s: float = 2.0,
            progress: bool = True, browser: Any = None, returning_browser: bool = False) -> list[Run]:
    """``runs`` start-ups, in the given Chromium or one launched for them; with ``returning_browser`` in one
    browser context that has visited the dashboard before (an untimed start first fills its cache)."""
    if browser is None:
        with chromium() as launched:
            return measure(runs, cold_store, quiet_below, gap_s, progress, launched, returning_browser)
    results: list[Run] = []
    context = browser.new_context(viewport=VIEWPORT) if returning_browser else None
    # a browser caches per origin: a returning reader's dashboard answers on the port it used before
    port = free_port() if returning_browser else None
    with tempfile.TemporaryDirectory(prefix="lawgraph-startup-") as work:
        built = Path(work) / "home"
        if not cold_store or returning_browser:
            build_store(built)
        if context is not None:
            earlier = Path(work) / "dashboard-earlier-visit.log"
            with earlier.open("wb") as log, running_dashboard(built, log, port=port) as dash:
                open_first_page(browser, dash.url, context=context).close()
        for i in range(runs):
            home = Path(work) / f"cold-{i}" if cold_store else built
            load1 = wait_for_quiet(quiet_below)
            log_path = Path(work) / f"dashboard-{i}.log"
            with log_path.open("wb") as log, running_dashboard(home, log, port=port) as dash:
                first = open_first_page(browser, dash.url, context=context)
                first_page_s = time.monotonic() - dash.started
                began = time.monotonic()
                second = open_first_page(browser, dash.url, context=context)
                second_s = time.monotonic() - began
                first.close()
                second.close()
            run = Run(round(load1, 2), round(dash.healthy_after, 3), round(first_page_s, 3), round(second_s, 3))
            results.append(run)
            if progress:
                print(f"run {i + 1}/{runs}: load {run.load1:.2f}  health {run.health_s:.2f} s  first page "
                      f"{run.first_page_s:.2f} s  second visitor {run.second_visitor_s:.2f} s", file=sys.stderr)
            time.sleep(gap_s)
    if context is not None:
        context.close()
    return results


def summarise(results: list[Run]) -> dict[str, Any]:
    """Median, 90th percentile and worst of each figure, and how many first pages met the target.

    >>> s = summarise([Run(0.1, 0.6, 2.0, 1.2), Run(0.2, 0.7, 2.4, 1.3), Run(0.3, 0.9, 3.2, 1.5)])
    >>> s["first_page_s"], s["within_target"]
    ({'median': 2.4, 'p90': 3.04, 'max': 3.2}, '2 of 3')
    """
    def figures(values: list[float]) -> dict[str, float]:
        ordered = sorted(values)
        p90 = statistics.quantiles(ordered, n=10, method="inclusive")[-1] if len(ordered) > 1 else ordered[0]
        return {"median": round(statistics.median(ordered), 2), "p90": round(p90, 2), "max": round(ordered[-1], 2)}

    met = sum(r.first_page_s < TARGET_S for r in results)
    return {"runs": len(results), "health_s": figures([r.health_s for r in results]),
            "first_page_s": figures([r.first_page_s for r in results]),
            "second_visitor_s": figures([r.second_visitor_s for r in results]),
            "load1": [min(r.load1 for r in results), max(r.load1 for r in results)],
            "target_s": TARGET_S, "within_target": f"{met} of {len(results)}"}


def main(
    runs: Annotated[int, typer.Option("--runs", min=1, help="how many starts to measure")] = 5,
    cold_store: Annotated[bool, typer.Option("--cold-store", help="every run builds the store first")] = False,
    quiet_below: Annotated[float, typer.Option("--quiet-below", help="start a run only below this 1-min load")] = 1.0,
    returning_browser: Annotated[bool, typer.Option(
        "--returning-browser", help="pages in one browser context that has visited the dashboard before")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the runs and the summary as JSON")] = False,
) -> None:
    """Measure `lawgraph dashboard` start-up: health, first page in Chromium, a second visitor."""
    results = measure(runs, cold_store, quiet_below, returning_browser=returning_browser)
    summary = {**summarise(results), "browser": "returning" if returning_browser else "new context per page"}
    if as_json:
        print(json.dumps({"runs": [asdict(r) for r in results], "summary": summary}))
        return
    for name in ("health_s", "first_page_s", "second_visitor_s"):
        f = summary[name]
        print(f"{name:17s} median {f['median']:.2f}  p90 {f['p90']:.2f}  max {f['max']:.2f}")
    print(f"first page within {TARGET_S:.0f} s: {summary['within_target']} "
          f"(1-min load {summary['load1'][0]:.2f}–{summary['load1'][1]:.2f}; browser: {summary['browser']})")


if __name__ == "__main__":
    typer.run(main)
