"""The dossier reads as a file (issue 14): the summary card first, an in-page menu to its
parts, acts behind "Volgende stap" on pages of their own with the GOV.UK error pattern, focus
back on the changed part with a confirmation naming what was saved for whom, a person search
in the header, and no sideways scrolling on a 360 px phone."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from conftest import assert_fits_phone, axe_check, format_violations, login
from flows import PASSWORD, error_summary, flash, screenshot, today_iso

COACH = "coach.kansrijk@opstap.demo"


def open_first_participant(page: Page) -> str:
    """Opens the first of the coach's participants by the header's person search; returns its name."""
    page.goto("/participants")
    name = page.locator("main table tbody tr td:first-child a").first.inner_text().strip()
    family = name.split()[-1]
    page.get_by_role("search").first.get_by_label("Zoek een persoon").fill(family)
    page.get_by_role("search").first.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/search$"))
    page.get_by_role("link", name=name, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return name


def test_the_summary_card_comes_first_and_the_menu_reaches_every_part(new_page) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    login(page, COACH, PASSWORD)
    open_first_participant(page)
    card = page.get_by_role("region", name="Overzicht")
    for term in ["Fase", "Laatste contactmoment", "Uren tot vandaag", "Open taken", "Begeleidingsteam"]:
        expect(card.locator("dt", has_text=term).first).to_be_visible()
    expect(card.locator("a[href^='tel:']").first).to_be_visible()
    # No form to change the participant's state stands open on the page.
    expect(page.locator("form[action$='/transitions']")).to_have_count(0)
    menu = page.get_by_role("navigation", name="Op deze pagina")
    for label, part in [("Journaal", "journal"), ("Persoon en team", "person"), ("Uren", "hours")]:
        menu.get_by_role("link", name=label, exact=True).click()
        expect(page).to_have_url(re.compile(f"#{part}$"))
        expect(page.locator(f"#{part}")).to_be_in_viewport()
    violations = axe_check(page)
    assert not violations, format_violations(violations)


def test_a_note_returns_to_the_journal_with_focus_and_a_named_confirmation(new_page) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    login(page, COACH, PASSWORD)
    name = open_first_participant(page)
    new_note = page.locator("#journal details.form-fold")
    new_note.locator("summary", has_text="Notitie toevoegen").click()
    new_note.get_by_label("Notitie", exact=True).fill("Telefonisch gesproken over het rooster.")
    new_note.get_by_label("Contactmoment op").fill(today_iso())
    new_note.get_by_role("button", name="Notitie toevoegen").click()
    expect(page).to_have_url(re.compile(r"#journal$"))
    expect(page.locator("#journal")).to_be_focused()
    expect(page.locator("#journal .flash[role=status]")).to_have_text(f"Notitie opgeslagen bij {name}.")
    expect(page.locator("#journal")).to_contain_text("Telefonisch gesproken over het rooster.")


def test_a_step_has_its_own_page_keeps_what_was_typed_and_names_the_fields(new_page) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    login(page, COACH, PASSWORD)
    name = open_first_participant(page)
    page.locator("details.next-step > summary").click()
    page.locator("details.next-step").get_by_role("link", name="Pauzeren", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Pauzeren: {name}")
    # The planned return filled in, the reason forgotten.
    page.get_by_label("Geplande terugkeer").fill("2027-01-11")
    page.get_by_role("button", name="Pauzeren").click()
    summary = error_summary(page)
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(summary.get_by_role("link").first).to_contain_text("Reden van de pauze")
    expect(page.get_by_label("Geplande terugkeer")).to_have_value("2027-01-11")
    violations = axe_check(page)
    assert not violations, format_violations(violations)
    # Nothing happened: back to the dossier, still in phase.
    page.get_by_role("link", name=f"Terug naar het dossier van {name}").click()
    expect(page.locator("main p.lead .badge")).to_have_text("In fase")
    expect(flash(page)).to_have_count(0)


def test_next_step_opens_the_folded_form_it_names_with_focus_on_its_first_field(new_page) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    login(page, COACH, PASSWORD)
    open_first_participant(page)
    # No form on the dossier stands open until someone acts.
    expect(page.locator("main details.form-fold[open]")).to_have_count(0)
    for label, fold, field in [("Doel toevoegen", "add-goal", "Doel"), ("Notitie toevoegen", "add-note", "Notitie")]:
        if not page.locator("details.next-step").evaluate("d => d.open"):
            page.locator("details.next-step > summary").click()
        page.locator("details.next-step").get_by_role("link", name=label, exact=True).click()
        expect(page).to_have_url(re.compile(f"#{fold}$"))
        expect(page.locator(f"#{fold}")).to_have_js_property("open", True)
        expect(page.locator(f"#{fold}").get_by_label(field, exact=True)).to_be_focused()
    # The thresholds behind the signals are named on the card, linked to the programme.
    rules = page.locator("#overview details.signal-rules-fold")
    rules.locator("summary").click()
    expect(rules).to_contain_text("dagen geen contactmoment")
    rules.get_by_role("link").click()
    expect(page.locator("#signal-settings")).to_be_in_viewport()


def test_the_dossier_and_a_step_fit_a_360_px_phone(new_page) -> None:
    page = new_page(viewport={"width": 360, "height": 740})
    login(page, COACH, PASSWORD)
    page.goto("/participants")
    page.locator("main table tbody tr td:first-child a").first.click()
    assert_fits_phone(page)
    page.locator("details.next-step > summary").click()
    screenshot(page, "dossier-coach-next-step-360")
    page.locator("details.next-step li a").first.click()
    assert_fits_phone(page)
