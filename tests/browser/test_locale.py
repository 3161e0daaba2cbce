"""A user can switch Opstap to English on /account, and back."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from conftest import login
from flows import COORDINATOR_LEIDEN, PASSWORD


def _choose(page: Page, label: str, language: str, button: str) -> None:
    page.goto("/account")
    page.get_by_label(label, exact=True).select_option(label=language)
    page.get_by_role("button", name=button, exact=True).click()


def test_coordinator_switches_to_english_and_back(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    expect(page.get_by_role("heading", name="Trechter per programma en groep")).to_be_visible()
    try:
        _choose(page, "Taal", "English", "Opslaan")
        expect(page.locator("main .flash")).to_have_text("Saved.")
        expect(page.get_by_role("heading", level=1)).to_have_text("My account")
        expect(page.get_by_label("Language", exact=True)).to_have_value("en")

        page.goto("/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("heading", name="Funnel per programme and cohort")).to_be_visible()
        expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    finally:
        # Back to Dutch, whatever happened above: the choice is stored on the account and
        # the other tests expect the coordinator in Dutch.
        page.goto("/account")
        if page.locator("html").get_attribute("lang") == "en":
            _choose(page, "Language", "Nederlands", "Save")

    expect(page.locator("main .flash")).to_have_text("Opgeslagen.")
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Trechter per programma en groep")).to_be_visible()
