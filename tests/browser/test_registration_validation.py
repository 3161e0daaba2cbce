"""Registering a candidate with mistakes: the messages sit next to the fields and in the
error summary, and what was typed stays."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from conftest import login
from flows import COORDINATOR_LEIDEN, PASSWORD, TRACK_STATUSHOUDERS, error_summary

REQUIRED = "Vul dit in."
INVALID_BSN = "Dit is geen geldig BSN (9 cijfers, elfproef)."


def test_empty_family_name_and_invalid_bsn_are_explained_next_to_the_fields(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    page.goto("/candidates/new")
    page.get_by_label("Voornaam").fill("Yasmin")
    page.get_by_label("Achternaam").fill("")
    page.get_by_label("BSN").fill("123456789")  # fails the elfproef
    page.get_by_label("Programma en stroom").select_option(label=TRACK_STATUSHOUDERS)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Aanmelden").click()
    assert navigation.value is not None and navigation.value.status == 400

    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaat aanmelden")

    # The summary at the top, announced, linking to each field.
    summary = error_summary(page)
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("Controleer de volgende velden")
    expect(summary.get_by_role("link", name=REQUIRED)).to_have_attribute("href", "#f-familyName")
    expect(summary.get_by_role("link", name=INVALID_BSN)).to_have_attribute("href", "#f-bsn")

    # Next to each field, tied to it for assistive technology.
    family = page.get_by_label("Achternaam")
    expect(family).to_have_attribute("aria-invalid", "true")
    expect(family).to_have_accessible_description(REQUIRED)
    bsn = page.get_by_label("BSN")
    expect(bsn).to_have_attribute("aria-invalid", "true")
    expect(bsn).to_have_accessible_description(f"9 cijfers; wordt gecontroleerd met de elfproef. {INVALID_BSN}")
    expect(page.locator(".field.has-error")).to_have_count(2)

    # What was typed is kept.
    expect(page.get_by_label("Voornaam")).to_have_value("Yasmin")
    expect(page.get_by_label("Voornaam")).not_to_have_attribute("aria-invalid", "true")
    expect(bsn).to_have_value("123456789")
    expect(page.get_by_label("Programma en stroom").locator("option:checked")).to_have_text(TRACK_STATUSHOUDERS)
