"""The whole road of one candidate, as the Leiden coordinator walks it in the browser:
referral, intake, selection, decision, enrolment and the first two phases."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from conftest import login
from flows import (
    COORDINATOR_LEIDEN,
    LEIDEN_CRITERIA,
    PASSWORD,
    flash,
    plan_intake,
    record_decision,
    record_intake_held,
    register_candidate,
    score_criterion,
    stage_badge,
    start_selection,
    timeline_entries,
    transition_form,
    unique_family_name,
)

COHORT = "Instroom februari 2027"
REASON = "Sterke motivatie en voldoende taalniveau voor de vooropleiding."


def test_coordinator_takes_a_candidate_from_referral_to_the_second_phase(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    family_name = unique_family_name("Walkthrough")
    full_name = f"Amal {family_name}"

    # Referral, intake and selection on the candidate page.
    register_candidate(page, "Amal", family_name, date_of_birth="1994-07-21")
    expect(page.get_by_text("Kandidaat voor Op je plek in de zorg, stroom Statushouders")).to_be_visible()
    expect(stage_badge(page)).to_have_text("Aangemeld")
    plan_intake(page)
    record_intake_held(page)
    start_selection(page)
    for criterion in LEIDEN_CRITERIA:
        score_criterion(page, criterion, 4)
    record_decision(page, "Geselecteerd", REASON)
    expect(flash(page)).to_have_text("Vastgelegd.")
    expect(stage_badge(page)).to_have_text("Geselecteerd")

    # Enrolment in the February 2027 cohort opens the dossier.
    cohort = page.get_by_label("Groep")
    option = cohort.locator("option", has_text=COHORT)
    cohort.select_option(value=option.get_attribute("value"))
    page.get_by_role("button", name="Inschrijven").click()
    expect(flash(page)).to_have_text("Ingeschreven.")
    expect(page).to_have_url(re.compile(r"/participants/[0-9A-Fa-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(full_name)
    expect(page.locator("main p.lead .badge")).to_have_text("Ingeschreven")

    # Phase 1: the stream starts with the pre-education.
    start = transition_form(page, "Fase starten")
    expect(start).to_contain_text("Start van fase: Vooropleiding")
    start.get_by_role("button", name="Fase starten").click()
    # Back on the dossier, focus on its overview, which says what was recorded for whom.
    expect(flash(page)).to_have_text(f"Fase starten: vastgelegd voor {full_name}.")
    expect(page.locator("#overview")).to_be_focused()
    expect(page.locator("main p.lead")).to_contain_text("in fase Vooropleiding")

    complete = transition_form(page, "Fase afronden")
    complete.get_by_label("Resultaat van de fase").select_option(label="Behaald")
    complete.get_by_role("button", name="Fase afronden").click()
    expect(flash(page)).to_have_text(f"Fase afronden: vastgelegd voor {full_name}.")
    expect(page.locator("main p.lead .badge")).to_have_text("Tussen fasen")

    # Phase 2: Mbo-1.
    start = transition_form(page, "Fase starten")
    expect(start).to_contain_text("Start van fase: Mbo-1")
    start.get_by_role("button", name="Fase starten").click()
    expect(flash(page)).to_have_text(f"Fase starten: vastgelegd voor {full_name}.")

    # The dossier as it now stands, read fresh from the server.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(full_name)
    expect(page.locator("main p.lead .badge")).to_have_text("In fase")
    expect(page.locator("main p.lead")).to_contain_text("in fase Mbo-1")
    facts = page.locator("#person")
    expect(facts).to_contain_text(COHORT)
    expect(facts).to_contain_text("Statushouders")

    entries = timeline_entries(page, "Tijdlijn")
    what = [w for w, _ in entries]
    # Enrolment, both phase starts and the completion of phase 1.
    assert "Ingeschreven" in what, entries
    assert ("Fase starten", "Vooropleiding") in entries, entries
    assert ("Fase afronden", "Vooropleiding · Behaald") in entries, entries
    assert any(w == "Fase starten" and d.startswith("Mbo-1") for w, d in entries), entries
    # The selection history is part of the same timeline.
    for step in ["Aangemeld", "Intake gepland", "Intake gehouden", "Naar selectie"]:
        assert step in what, (step, entries)
    assert what.count("Beoordeeld") == len(LEIDEN_CRITERIA), entries
    assert ("Geselecteerd", REASON) in entries, entries
    # Newest first: the second phase start heads the timeline, the referral closes it.
    assert entries[0][0] == "Fase starten" and entries[0][1].startswith("Mbo-1"), entries
    assert entries[-1][0] == "Aangemeld", entries
