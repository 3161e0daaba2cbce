"""Accessibility of the main pages: axe-core finds nothing serious or critical, the
pages fit a phone screen, element ids are unique (labels and error messages point at
them), and each criterion's score control carries its own label."""

from __future__ import annotations

import collections
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import assert_fits_phone, axe_check, format_violations, login
from flows import COORDINATOR_LEIDEN, LEIDEN_CRITERIA, LEIDEN_PROGRAMME, PASSWORD, links_in_table

PHONE = {"width": 375, "height": 740}

# Page name -> how to reach it. "login" is looked at signed out; the others as the
# Leiden coordinator, who sees the most controls on each.
PAGES = ["login", "start", "candidate-list", "candidate", "dossier", "programme"]


@pytest.fixture(scope="module")
def urls(browser: Browser, base_url: str) -> dict[str, str]:
    """Finds one candidate (in selection, so the scoring forms show), one dossier (a
    participant in a phase, so the transition forms show) and the Leiden programme."""
    ctx = browser.new_context(base_url=base_url, locale="nl-NL")
    ctx.set_default_timeout(15_000)
    try:
        pg = ctx.new_page()
        login(pg, COORDINATOR_LEIDEN, PASSWORD)
        pg.goto("/candidates?stage=selection")
        candidate = links_in_table(pg)[0][1]
        pg.goto("/participants?state=inPhase")
        dossier = links_in_table(pg)[0][1]
        pg.goto("/programmes")
        programme = dict(links_in_table(pg))[LEIDEN_PROGRAMME]
    finally:
        ctx.close()
    return {
        "login": "/login",
        "start": "/",
        "candidate-list": "/candidates",
        "candidate": candidate,
        "dossier": dossier,
        "programme": programme,
    }


def _open(pg: Page, urls: dict[str, str], name: str) -> None:
    if name != "login":
        login(pg, COORDINATOR_LEIDEN, PASSWORD)
    response = pg.goto(urls[name])
    assert response is not None and response.status == 200, (urls[name], response and response.status)
    expect(pg.get_by_role("heading", level=1)).to_be_visible()


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_axe_violations(page: Page, urls: dict[str, str], name: str) -> None:
    _open(page, urls, name)
    violations = axe_check(page)
    assert not violations, f"{urls[name]}:\n{format_violations(violations)}"





@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_screen(new_page, urls: dict[str, str], name: str) -> None:
    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    _open(phone, urls, name)
    assert_fits_phone(phone)


@pytest.mark.parametrize("name", PAGES)
def test_element_ids_are_unique(page: Page, urls: dict[str, str], name: str) -> None:
    """Labels (for=), error messages (aria-describedby) and summary links (#id) all point
    at ids; a repeated id makes them point at the wrong control."""
    _open(page, urls, name)
    ids = page.locator("[id]").evaluate_all("els => els.map(e => e.id)")
    repeated = {i: n for i, n in collections.Counter(ids).items() if n > 1}
    assert not repeated, f"{urls[name]} repeats ids: {repeated}"


def test_each_criterion_score_control_has_its_own_label(page: Page, urls: dict[str, str]) -> None:
    _open(page, urls, "candidate")
    for criterion in LEIDEN_CRITERIA:
        section = page.locator("section.criterion").filter(
            has=page.get_by_role("heading", name=criterion, exact=True)
        )
        expect(section).to_have_count(1)
        # The score control in this criterion's section is reachable through a label...
        expect(section.get_by_label(re.compile(r"^Score \(1–"))).to_have_count(1)
        # ...and the note too.
        expect(section.get_by_label("Notitie")).to_have_count(1)
