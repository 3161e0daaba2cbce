"""Each role's start page says what to do today, each item one click from where it is done
(issue 14); irreversible acts ask first; screenshots of the key pages at 1280 and 375 px go to
test-results/screenshots for a reviewer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import axe_check, format_violations, login
from flows import (
    COORDINATOR_LEIDEN,
    PASSWORD,
    bring_to_selection,
    decision_form,
    record_decision,
    screenshot,
    stage_badge,
    unique_family_name,
)

# Who sees which kind of work on the demo (the work list's headings).
ROLES = {
    "werkbegeleider.kansrijk@opstap.demo": ["Uren om goed te keuren", "Gesprekken om te ondertekenen"],
    "coordinator.leiden@opstap.demo": ["Aanmeldingen zonder intake", "Kandidaten die wachten op een besluit"],
    "hr.leiden@opstap.demo": ["Aanbiedingen onder de baangarantie"],
    "wonen.leiden@opstap.demo": ["Deelnemers die wachten op een woning"],
    "docent.leiden@opstap.demo": ["Uren om goed te keuren"],
    "rapportage.leiden@opstap.demo": ["Verslagen om vast te leggen"],
    "coach.leiden@opstap.demo": ["Gesprekken om te plannen"],
}


@pytest.mark.parametrize("email", list(ROLES))
def test_the_start_page_lists_the_roles_work_and_each_item_opens(new_page, email: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    login(page, email, PASSWORD)
    page.goto("/")
    work = page.get_by_role("region", name="Vandaag te doen")
    expect(work).to_be_visible()
    for heading in ROLES[email]:
        expect(work.get_by_role("heading", level=3, name=heading)).to_be_visible()
    violations = axe_check(page)
    assert not violations, format_violations(violations)
    role = email.split("@")[0]
    screenshot(page, f"start-{role}-1280")
    # Every item link opens its page for this user: never a refusal.
    links = work.locator("li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links, f"{email} has work on the demo"
    # The page itself answers; the part after # only scrolls to the item on it.
    hrefs = sorted({href.split("#")[0] for href in links})
    for href in hrefs:
        response = page.goto(href)
        assert response is not None and response.status == 200, f"{email}: {href} answered {response and response.status}"
    # The same start page on a phone: nothing wider than the screen.
    phone = new_page(viewport={"width": 375, "height": 740})
    login(phone, email, PASSWORD)
    phone.goto("/")
    expect(phone.get_by_role("region", name="Vandaag te doen")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the start page of {email} is {width}px wide on a 375px phone"
    screenshot(phone, f"start-{role}-375")


def test_key_pages_are_captured_at_laptop_and_phone_width(new_page) -> None:
    for width in (1280, 375):
        page = new_page(viewport={"width": width, "height": 900})
        login(page, COORDINATOR_LEIDEN, PASSWORD)
        for name, path in [("participants", "/participants"), ("candidates", "/candidates"), ("attention", "/attention")]:
            page.goto(path)
            screenshot(page, f"{name}-{width}")
        page.goto("/participants")
        page.locator("main table tbody tr a").first.click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        screenshot(page, f"dossier-{width}")


def test_rejecting_a_candidate_asks_first_and_going_back_changes_nothing(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    url = bring_to_selection(page, "Noor", unique_family_name("Afwijzing"))
    form = decision_form(page)
    # Nothing is chosen for the user.
    expect(form.get_by_label("Besluit", exact=True)).to_have_value("")
    form.get_by_label("Besluit", exact=True).select_option(label="Afgewezen")
    form.get_by_label("Reden van het besluit").fill("Taalniveau nog te laag.")
    form.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("afwijzen?")
    expect(page.get_by_role("region", name="Wat er gebeurt")).to_contain_text("Taalniveau nog te laag.")
    page.get_by_role("link", name="Nee, terug").click()
    expect(stage_badge(page)).to_have_text("In selectie")
    assert url in page.url, f"'Nee, terug' leads back to the candidate ({page.url})"
    record_decision(page, "Afgewezen", "Taalniveau nog te laag.")
    expect(stage_badge(page)).to_have_text("Afgewezen")
