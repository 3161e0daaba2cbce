"""Shared fixtures and helpers for the browser tests (Playwright, sync API).

Chromium comes from Debian (/usr/bin/chromium); `playwright install` is never
needed. The server under test is at $OPSTAP_BASE_URL (default
http://127.0.0.1:8080); scripts/test.sh starts one on port 8089.

Fixtures:  base_url, browser, context, page,
           new_page(**context_options) -> a page in a fresh context of its own
           (for a second user, a phone viewport, or JavaScript switched off)
Helpers:   login(page, email, password) (with the MFA step), complete_mfa(page, email),
           axe_check(page), format_violations(...)
           (import them with `from conftest import login, axe_check`)
Flows through the UI that several tests share live in flows.py.

Pages opened through the `page` fixture resolve relative URLs against
base_url, so `page.goto("/login")` works.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import struct
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM_PATH = os.environ.get("OPSTAP_CHROMIUM", "/usr/bin/chromium")
DEFAULT_BASE_URL = "http://127.0.0.1:8080"
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-results" / "browser"

# Impacts that make axe_check report a violation.
AXE_BLOCKING_IMPACTS = ("serious", "critical")

_axe = Axe()


@pytest.fixture(scope="session")
def base_url() -> str:
    return os.environ.get("OPSTAP_BASE_URL", DEFAULT_BASE_URL).rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM_PATH,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context(browser: Browser, base_url: str) -> BrowserContext:
    ctx = browser.new_context(base_url=base_url, locale="nl-NL")
    ctx.set_default_timeout(15_000)
    try:
        yield ctx
    finally:
        ctx.close()


def _screenshot_if_failed(pg: Page, request: pytest.FixtureRequest, suffix: str = "") -> None:
    """Keep a screenshot of failed tests for debugging (test-results/ is git-ignored)."""
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and not pg.is_closed():
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid) + suffix
        try:
            pg.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - best effort only
            pass


@pytest.fixture
def page(context: BrowserContext, request: pytest.FixtureRequest) -> Page:
    pg = context.new_page()
    yield pg
    _screenshot_if_failed(pg, request)
    pg.close()


@pytest.fixture
def new_page(browser: Browser, base_url: str, request: pytest.FixtureRequest):
    """Factory: new_page(**context_options) opens a page in a new browser context (its own
    cookies, so its own login). Options go to browser.new_context, e.g.
    viewport={"width": 375, "height": 740} or java_script_enabled=False."""
    opened: list[tuple[BrowserContext, Page]] = []

    def factory(**options) -> Page:
        ctx = browser.new_context(**{"base_url": base_url, "locale": "nl-NL", **options})
        ctx.set_default_timeout(15_000)
        pg = ctx.new_page()
        opened.append((ctx, pg))
        return pg

    yield factory
    for index, (ctx, pg) in enumerate(opened):
        _screenshot_if_failed(pg, request, suffix=f"-extra{index}")
        ctx.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# Authenticator keys set up during this test run (the server is fresh per run), and the last
# time step used per address: the server refuses a code twice (RFC 6238 §5.2).
_MFA_SECRETS: dict[str, str] = {}
_MFA_LAST_STEP: dict[str, int] = {}


def totp(secret_base32: str, step: int) -> str:
    """RFC 6238 code (HMAC-SHA1, 6 digits) for a 30-second time step."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def _next_step(email: str) -> int:
    """The current step, or the next unused one (the server accepts one step ahead);
    waits for real time when both are used."""
    step = int(time.time() // 30)
    last = _MFA_LAST_STEP.get(email, -1)
    if last >= step + 1:
        time.sleep((last + 1) * 30 - time.time() + 0.5)
        step = int(time.time() // 30)
    chosen = max(step, last + 1)
    _MFA_LAST_STEP[email] = chosen
    return chosen


def complete_mfa(page: Page, email: str) -> None:
    """After the password (or setup, or an accepted invitation): set up the authenticator when
    the page asks for it, or type the code when the sign-in waits for it."""
    if page.url.endswith("/account/mfa") and page.locator("#mfa-secret").count():
        secret = page.get_attribute("#mfa-secret", "data-secret")
        _MFA_SECRETS[email] = secret
        page.fill('input[name="code"]', totp(secret, _next_step(email)))
        with page.expect_navigation():
            page.click('form[action="/account/mfa"] button[type="submit"]')
        page.goto("/")
    elif page.url.endswith("/login/mfa"):
        page.fill('input[name="code"]', totp(_MFA_SECRETS[email], _next_step(email)))
        with page.expect_navigation():
            page.click('form[action="/login/mfa"] button[type="submit"]')
    page.wait_for_load_state("load")


# Signed-in session cookies per address, reused by later logins of the same account: a second
# sign-in within one 30-second step would have to wait for a fresh authenticator code.
_SESSION_COOKIES: dict[str, list] = {}
SESSION_COOKIE = "opstap_session"


def login(page: Page, email: str, password: str) -> None:
    """Log in through the /login form and wait for the resulting page to load; set up the
    authenticator at the first sign-in of a role that requires it, and type its code at
    later ones. Fails the test at once when the login is refused (the form comes back).
    An account signed in earlier in the run gets its session back when the server still
    holds it (it ends at sign-out, expiry or a password change); otherwise it signs in anew."""
    if email in _SESSION_COOKIES:
        page.context.add_cookies(_SESSION_COOKIES[email])
        page.goto("/")
        page.wait_for_load_state("load")
        if "/login" not in page.url and "/account/mfa" not in page.url:
            return
        page.context.clear_cookies()
        del _SESSION_COOKIES[email]
    page.goto("/login")
    page.fill('input[name="email"]', email)
    page.fill('input[name="password"]', password)
    with page.expect_navigation():
        page.click('button[type="submit"]')
    page.wait_for_load_state("load")
    complete_mfa(page, email)
    page.wait_for_load_state("load")
    assert "/login" not in page.url and "/account/mfa" not in page.url, f"login as {email} failed (still on {page.url})"
    _SESSION_COOKIES[email] = [c for c in page.context.cookies() if c["name"] == SESSION_COOKIE]


def axe_check(page: Page, impacts: tuple[str, ...] = AXE_BLOCKING_IMPACTS) -> list[dict]:
    """Run axe-core on the current page; return the violations whose impact is
    serious or critical (each a dict with id, impact, help, nodes, ...)."""
    results = _axe.run(page)
    violations = results.response.get("violations", [])
    return [v for v in violations if v.get("impact") in impacts]


def format_violations(violations: list[dict]) -> str:
    """Human-readable summary for assertion messages."""
    lines = []
    for v in violations:
        targets = ", ".join(str(n.get("target")) for n in v.get("nodes", [])[:5])
        lines.append(f"[{v.get('impact')}] {v.get('id')}: {v.get('help')} -> {targets}")
    return "\n".join(lines)


# Finds elements sticking out past the right edge of the screen. Wide tables may scroll
# inside their own .table-wrap; the skip link waits off-screen until focused.
OVERFLOW_JS = """
() => {
    const width = window.innerWidth;
    const offenders = [];
    for (const el of document.body.querySelectorAll('*')) {
        // Wide tables may scroll inside their own .table-wrap; the wrapper itself may not stick out.
        if (el.parentElement && el.parentElement.closest('.table-wrap')) continue;
        if (el.matches('.skip')) continue;  // the skip link waits off-screen until focused
        const r = el.getBoundingClientRect();
        if ((r.width || r.height) && r.right > width + 1) {
            offenders.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '') +
                ' right=' + Math.round(r.right));
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders: offenders.slice(0, 15)};
}
"""


def assert_fits_phone(page) -> None:
    """The page has no horizontal overflow at the current (phone) viewport."""
    result = page.evaluate(OVERFLOW_JS)
    assert result["scrollWidth"] <= result["innerWidth"] + 1 and not result["offenders"], (
        f"{page.url} is wider than a {result['innerWidth']}px screen: {result}"
    )
