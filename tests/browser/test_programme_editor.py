"""A programme built from nothing in the web editor: create it, add phases (one with an
internship day from a later week), a stream, a condition, an outcome; save; publish; and
create a cohort on the published version. Everything is found by its Dutch label."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from conftest import login
from flows import COORDINATOR_LEIDEN, PASSWORD, flash, unique_family_name


def test_a_programme_built_in_the_editor_saves_and_publishes(page: Page) -> None:
    name = unique_family_name("U-Match")
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    page.goto("/programmes")
    page.get_by_role("link", name="Nieuw programma").click()
    expect(page.get_by_role("heading", name="Nieuw programma")).to_be_visible()

    page.get_by_label("Naam", exact=True).first.fill(name)
    phase = page.get_by_role("group", name="Fase toevoegen")
    phase.get_by_label("Code", exact=True).fill("school")
    phase.get_by_label("Naam", exact=True).fill("School en taal")
    phase.get_by_label("Soort fase").select_option(label="Beroepsopleiding (mbo)")
    phase.get_by_label("Geplande duur (weken)").fill("40")
    phase.get_by_label("Uren per week Taal").fill("8")
    phase.get_by_role("group", name="Dagen voor Taal").get_by_label("maandag").check()
    phase.get_by_role("group", name="Dagen voor Taal").get_by_label("dinsdag").check()
    criterion = page.get_by_role("group", name="Criterium toevoegen")
    criterion.get_by_label("Code", exact=True).fill("verblijfsstatus")
    criterion.get_by_label("Naam", exact=True).fill("Verblijfsstatus past")
    criterion.get_by_label("Soort criterium").select_option(label="Voorwaarde (ja/nee)")
    outcome = page.get_by_role("group", name="Uitkomst toevoegen")
    outcome.get_by_label("Code", exact=True).fill("contract")
    outcome.get_by_label("Naam", exact=True).fill("Contract na een jaar")
    outcome.get_by_label("Soort uitkomst").select_option(label="Arbeidscontract")
    outcome.get_by_label("Na hoeveel maanden (contract)").fill("12")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(flash(page)).to_have_text("Opgeslagen.")
    assert re.search(r"/programmes/[0-9A-Fa-f-]{36}/draft$", page.url), page.url

    # Second round: a second phase, an internship day from week 22 in the first, and a stream.
    second = page.get_by_role("group", name="Fase toevoegen")
    second.get_by_label("Code", exact=True).fill("werk")
    second.get_by_label("Naam", exact=True).fill("Werken en leren")
    second.get_by_label("Geplande duur (weken)").fill("26")
    second.get_by_label("Uren per week Praktijk").fill("24")
    second.get_by_role("group", name="Dagen voor Praktijk").get_by_label("maandag").check()
    first = page.get_by_role("group", name="Fase 1", exact=True)
    first.get_by_text("Rooster vanaf een latere week toevoegen", exact=True).first.click()
    period = first.get_by_role("group", name="Rooster vanaf een latere week toevoegen")
    period.get_by_label("Vanaf week").fill("22")
    period.get_by_label("Uren per week Praktijk").fill("8")
    period.get_by_role("group", name="Dagen voor Praktijk").get_by_label("maandag").check()
    stream = page.get_by_role("group", name="Stroom toevoegen")
    stream.get_by_label("Code", exact=True).fill("nieuwkomers")
    stream.get_by_label("Naam", exact=True).fill("Nieuwkomers")
    stream.get_by_label("Eerste fase").select_option(label="School en taal")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(flash(page)).to_have_text("Opgeslagen.")
    expect(page.get_by_role("group", name="Rooster vanaf week 22")).to_be_visible()

    page.get_by_label("Toelichting bij deze versie").fill("Eerste versie")
    page.get_by_role("button", name="Publiceren als nieuwe versie").click()
    expect(flash(page)).to_have_text("Gepubliceerd als versie 1.")
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.get_by_text("Huidige versie: v1.")).to_be_visible()
    expect(page.get_by_text("Rooster vanaf week 22").first).to_be_visible()

    # A cohort on the published version.
    page.get_by_label("Naam", exact=True).fill("Instroom september")
    page.get_by_label("Startdatum").fill("2026-09-07")
    page.get_by_label("Capaciteit (plaatsen)").fill("15")
    page.get_by_label("Nieuwkomers").check()
    page.get_by_role("button", name="Groep aanmaken").click()
    expect(flash(page)).to_have_text("Groep aangemaakt.")
    expect(page.get_by_role("heading", name="Instroom september")).to_be_visible()


def test_a_stale_form_says_the_page_expired(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    page.goto("/programmes/new")
    page.locator('main input[name="_csrf"]').evaluate("el => el.value = 'verlopen'")
    page.get_by_label("Naam", exact=True).first.fill(unique_family_name("Verlopen"))
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_text("Deze pagina stond te lang open of is verlopen")).to_be_visible()
    expect(page.get_by_text("Geen toegang")).to_have_count(0)
