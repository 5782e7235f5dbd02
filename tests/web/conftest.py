"""Browser tests: a live uvicorn server per test store, driven by Playwright and Debian's chromium.

The browser is /usr/bin/chromium (installed by `make test`; never `playwright
install`, which downloads). Without it these tests skip on a developer's
machine and fail in CI, where the Makefile must have installed it.
Screenshots go to a temporary folder, or to $NEWSGRAPH_SCREENSHOTS
(`make screenshots` sets docs/screenshots) when it is set.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsgraph.web.app import create_app

from .corpus import HOSTILE, SEEDS, build_example_store, build_seeds_store, build_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class LiveServer:
    url: str
    server: object
    thread: threading.Thread


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def start_server() -> Iterator:
    import uvicorn

    started: list[LiveServer] = []

    def start(db: Path) -> str:
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
            time.sleep(0.02)
        started.append(LiveServer(f"http://127.0.0.1:{port}", server, thread))
        return started[-1].url

    yield start
    for live in started:
        live.server.should_exit = True
    for live in started:
        live.thread.join(timeout=10)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    return build_example_store(tmp_path_factory.mktemp("web") / "examples.db")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    if not (SEEDS / "gold.json").is_file():
        pytest.skip(f"seed corpus not found at {SEEDS}: check out ../shared beside the project")
    return build_seeds_store(tmp_path_factory.mktemp("web") / "seeds.db")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "hostile.db", [HOSTILE])


@pytest.fixture(scope="session")
def example_url(example_db, start_server) -> str:
    return start_server(example_db)


@pytest.fixture(scope="session")
def seeds_url(seeds_db, start_server) -> str:
    return start_server(seeds_db)


@pytest.fixture(scope="session")
def hostile_url(hostile_db, start_server) -> str:
    return start_server(hostile_db)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A fresh page, recording every JavaScript dialog (none may fire)."""

    page: object
    dialogs: list[str] = field(default_factory=list)


def _open_tab(browser, **context_options) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    page = context.new_page()
    tab = Tab(page)

    def on_dialog(dialog) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture()
def tab(browser) -> Iterator[Tab]:
    yield from _open_tab(browser)


@pytest.fixture()
def tab_without_csp(browser) -> Iterator[Tab]:
    """CSP switched off: what keeps hostile text inert must be the escaping alone."""
    yield from _open_tab(browser, bypass_csp=True)


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("NEWSGRAPH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
