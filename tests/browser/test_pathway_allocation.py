"""Allocation suggestions and the participant's pathway page.

- The coordinator asks for a suggestion of internship places for the Leiden cohort
  "Instroom september 2024" (Toewijzingsvoorstel): every row has an accept box, a select
  with the suggested location and the reasons in words, and the page explains the cost
  function. Accepting part of it stores those placements (changed choices included).
- The studio suggestion: accepting it lets a tenancy start and raises the "Bewoond"
  figure of "Studiocomplex Alrijne" on /housing.
- The pathway page ("Wonen, opleiding en werk"): a fit interview and job offers with the
  guarantee check of the Leiden programme (24 hours a week); bad input is refused next
  to the field.
- An employer's HR officer sees whether a participant is housed, not the housing route.
- axe and a phone screen for the new pages.

Demo facts relied on: the Leiden programme "Op je plek in de zorg" guarantees a job of at
least 24 hours a week; its cohort "Instroom september 2024" has participants without an
internship place and (on a fresh demo) two on the studio route waiting for a studio of
"Studiocomplex Alrijne"; "Alrijne Zorggroep" is one of its employers with the location
"Alrijne Ziekenhuis Leiden".

The tests that store something leave the rest of the suggestion for later runs: each
run places two participants and gives one studio, so a fresh demo carries a few runs;
when nothing is left to allocate they skip (start a fresh server).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

import pytest
from playwright.sync_api import Locator, Page, expect

from conftest import assert_fits_phone, axe_check, format_violations, login
from flows import COORDINATOR_LEIDEN, LEIDEN_PROGRAMME, PASSWORD, dutch_date, error_summary, flash, today_iso, nav_link

COHORT = "Instroom september 2024"
HR_LEIDEN = "hr.leiden@opstap.demo"
EMPLOYER = "Alrijne Zorggroep"
EMPLOYER_LOCATION = "Alrijne Ziekenhuis Leiden (Alrijne Zorggroep)"
COMPLEX = "Studiocomplex Alrijne"
PHONE = {"width": 375, "height": 740}
CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]

# The reasons of a placement pair, in this order: distance, preference, language level.
DISTANCE = re.compile(r"^(?:\d+(?:,\d)? km van .+ naar (?P<to>.+)|afstand onbekend \(geen bekende postcode\), gerekend als 15 km)$")
PREFERENCE = re.compile(r"^(?:[123]e keus|niet bij de opgegeven voorkeuren)$")
LEVEL = re.compile(r"^(?:taalniveau (?P<has>[ABC][12]|—) voldoet aan (?P<needs>[ABC][12])|geen taalniveau vereist)$")
# The reasons of a studio pair: waiting time, availability, and (with a placement) distance to it.
WAITING = re.compile(r"^wacht sinds \d{1,2} \S+ \d{4} \(\d+ dagen\)$")
AVAILABLE = re.compile(r"^beschikbaar vanaf (?P<day>\d{1,2} \S+ \d{4})$")
NEAR_WORK = re.compile(r"^\d+(?:,\d)? km van de stageplek \(.+\)$")


# --- helpers -------------------------------------------------------------------------


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def open_cohort(page: Page) -> str:
    """Programma's -> the Leiden programme -> the cohort; returns the cohort page URL."""
    nav_link(page, "Programma's").click()
    expect(heading(page)).to_have_text("Programma's")
    page.get_by_role("link", name=LEIDEN_PROGRAMME, exact=True).click()
    expect(heading(page)).to_contain_text(LEIDEN_PROGRAMME)
    page.get_by_role("link", name=COHORT, exact=True).click()
    expect(heading(page)).to_have_text(COHORT)
    assert re.search(r"/cohorts/[0-9A-Fa-f-]{36}$", page.url), page.url
    return page.url


def open_allocation(page: Page) -> str:
    """From the cohort page, the "Toewijzingsvoorstel" link; returns the page URL."""
    page.get_by_role("link", name="Toewijzingsvoorstel").click()
    expect(heading(page)).to_have_text(f"Toewijzingsvoorstel — {COHORT}")
    assert re.search(r"/cohorts/[0-9A-Fa-f-]{36}/allocation$", page.url), page.url
    return page.url


def coordinator_allocation(page: Page) -> str:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    open_cohort(page)
    return open_allocation(page)


def ask_for_studios(page: Page) -> None:
    """On the allocation page: "Wat verdelen" = Studio's, "Voorstel maken" (a GET form)."""
    page.get_by_label("Wat verdelen").select_option(label="Studio's")
    page.get_by_role("button", name="Voorstel maken").click()
    expect(page).to_have_url(re.compile(r"/allocation\?(?:.*&)?kind=studios(?:&|$)"))
    expect(page.get_by_label("Wat verdelen")).to_have_value("studios")


def suggestion_table(page: Page) -> Locator:
    return page.get_by_role("table", name=re.compile(r"^Voorstel \(totale kosten [\d.]+ punten\)$"))


def suggestion_rows(page: Page) -> list[dict]:
    """Every row of the suggestion: accept box, participant, the select's choice, reasons, cost."""
    expect(heading(page)).to_contain_text("Toewijzingsvoorstel")
    if suggestion_table(page).count() == 0:
        return []
    return suggestion_table(page).locator("tbody tr").evaluate_all(
        """rows => rows.map(tr => {
            const box = tr.querySelector('input[type=checkbox]');
            const select = tr.querySelector('select');
            const chosen = select && select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
            return {
                enrolment: box ? box.value : null,
                boxName: box ? box.name : null,
                checked: box ? box.checked : null,
                boxLabel: box && box.labels.length ? box.labels[0].textContent.trim() : null,
                participant: tr.cells[1].textContent.trim(),
                selectLabel: select && select.labels.length ? select.labels[0].textContent.trim() : null,
                target: chosen ? chosen.textContent.trim() : null,
                targetValue: select ? select.value : null,
                options: select ? [...select.options].map(o => o.textContent.trim()) : [],
                reasons: [...tr.querySelectorAll('ul.reasons > li')].map(li => li.textContent.trim()),
                why: tr.cells[3].textContent.trim(),
                cost: tr.cells[4].textContent.trim(),
            };
        })"""
    )


def caption_total(page: Page) -> int:
    caption = suggestion_table(page).locator("caption").text_content()
    match = re.fullmatch(r"Voorstel \(totale kosten ([\d.]+) punten\)", caption.strip())
    assert match, caption
    return int(match.group(1).replace(".", ""))


def row_of(page: Page, participant: str) -> Locator:
    return suggestion_table(page).locator("tbody tr").filter(
        has=page.locator("td:nth-child(2)", has_text=re.compile(f"^{re.escape(participant)}$"))
    )


def select_only(page: Page, accepted: set[str]) -> None:
    """Ticks the accept box of the named participants and unticks all others."""
    for row in suggestion_rows(page):
        box = page.get_by_label(f"{row['participant']} accepteren", exact=True)
        if row["participant"] in accepted:
            box.check()
        else:
            box.uncheck()


def save_selection(page: Page):
    """Clicks "Geselecteerde voorstellen opslaan"; returns the POST's response."""
    with page.expect_response(lambda r: r.request.method == "POST" and "/allocation" in r.url) as posted:
        page.get_by_role("button", name="Geselecteerde voorstellen opslaan").click()
    page.wait_for_load_state("load")
    return posted.value


def housing_figures(page: Page) -> dict[str, int]:
    """The row of the studio complex on /housing (via the main menu), as {column: number}."""
    nav_link(page, "Wonen", exact=True).click()
    expect(heading(page)).to_have_text("Wonen")
    return complex_row(page)


def complex_row(page: Page) -> dict[str, int]:
    table = page.get_by_role("table", name="Wooncomplexen en hun bezetting vandaag")
    expect(table).to_be_visible()
    headers = [h.strip() for h in table.locator("thead th").all_text_contents()]
    row = table.locator("tbody tr").filter(has=page.get_by_role("link", name=COMPLEX, exact=True))
    expect(row).to_have_count(1)
    cells = [c.strip() for c in row.locator("td").all_text_contents()]
    return {h: int(c) for h, c in zip(headers, cells) if c.isdigit()}


def cohort_participants(page: Page) -> list[tuple[str, str, str]]:
    """(name, dossier path, status) of the participants table on the cohort page."""
    table = page.get_by_role("table", name=f"Deelnemers van {COHORT}")
    expect(table).to_be_visible()
    return table.locator("tbody tr").evaluate_all(
        """rows => rows.map(tr => [
            tr.querySelector('td:first-child a').textContent.trim(),
            tr.querySelector('td:first-child a').getAttribute('href'),
            (tr.querySelector('.badge')?.textContent ?? '').trim()])"""
    )


def open_pathway(page: Page, dossier: str, name: str) -> str:
    page.goto(dossier)
    expect(heading(page)).to_have_text(name)
    page.get_by_role("link", name="Wonen, opleiding en werk bekijken en bijwerken").click()
    expect(heading(page)).to_have_text(f"Wonen, opleiding en werk — {name}")
    assert re.search(r"/participants/[0-9A-Fa-f-]{36}/pathway$", page.url), page.url
    return page.url


def running_participant(page: Page) -> tuple[str, str]:
    """(name, dossier path) of a participant "In fase" of the cohort (as coordinator)."""
    open_cohort(page)
    running = [(name, href) for name, href, status in cohort_participants(page) if status == "In fase"]
    assert running, f"no participant 'In fase' in {COHORT}"
    return running[0]


def fact(page: Page, term: str, within: Locator | None = None) -> Locator:
    """The <dd> after the <dt> named `term`."""
    scope = within if within is not None else page.locator("main")
    return scope.locator(f"dl.facts dt:text-is('{term}') + dd")


def interview_form(page: Page) -> Locator:
    return page.locator("form#interview-form")


def offer_form(page: Page) -> Locator:
    return page.locator("form#offer-form")


def offers_table(page: Page) -> Locator:
    return page.get_by_role("table", name="Baanaanbiedingen en contracten")


def offer_row(page: Page, role: str) -> Locator:
    return offers_table(page).locator("tbody tr").filter(
        has=page.locator("td:nth-child(2)", has_text=re.compile(f"^{re.escape(role)}$"))
    )


def unique_role(prefix: str) -> str:
    return f"{prefix} {secrets.token_hex(4)}"


def fill_offer(page: Page, *, role: str, hours: str, contract: str, starts_on: str,
               employer: str = EMPLOYER, location: str | None = None, offered_on: str | None = None) -> None:
    form = offer_form(page)
    form.get_by_label("Werkgever").select_option(label=employer)
    if location:
        form.get_by_label("Locatie").select_option(label=location)
    form.get_by_label("Functie").fill(role)
    form.get_by_label("Uren per week").fill(hours)
    form.get_by_label("Soort contract").select_option(label=contract)
    form.get_by_label("Vanaf").fill(starts_on)
    if offered_on is not None:
        form.get_by_label("Aangeboden op").fill(offered_on)


def record_offer(page: Page, **offer) -> None:
    fill_offer(page, **offer)
    offer_form(page).get_by_role("button", name="Baanaanbod vastleggen").click()


def in_weeks(weeks: int) -> str:
    return (dt.date.fromisoformat(today_iso()) + dt.timedelta(weeks=weeks)).isoformat()


# --- 1. the placement suggestion -----------------------------------------------------


def test_placement_suggestion_explains_every_pair(page: Page) -> None:
    coordinator_allocation(page)
    expect(page.get_by_label("Wat verdelen")).to_have_value("placements")
    expect(page.get_by_label("Vanaf", exact=True)).to_have_value(today_iso())

    # The page explains what the suggestion minimises.
    explanation = page.locator("main p.hint").first
    expect(explanation).to_contain_text("laagste totale kosten over alle deelnemers samen")
    expect(explanation).to_contain_text("Eén punt is 100 meter reisafstand")
    expect(explanation).to_contain_text("een tweede keus telt als 3 km extra")
    expect(explanation).to_contain_text("valt af")

    rows = suggestion_rows(page)
    if not rows:
        expect(page.locator("main p.empty")).to_have_text("Iedereen in deze lichting heeft op die datum een stageplaats.")
        pytest.skip("everybody of the cohort has a placement already (earlier runs); start a fresh server")

    paired = [r for r in rows if r["targetValue"]]
    assert paired, f"a suggestion without a single pair: {rows}"
    for row in rows:
        who = row["participant"]
        assert row["boxName"] == "accept" and row["boxLabel"] == f"{who} accepteren", row
        assert row["selectLabel"] == f"Plek voor {who}", row
        assert row["options"][0] == "—" and len(row["options"]) > 1, row
        if not row["targetValue"]:
            # Nobody suitable: not ticked, and said so instead of reasons.
            assert row["checked"] is False and row["why"] == "Geen passende plek vrij (niveau of capaciteit).", row
            continue
        assert row["checked"] is True, f"a suggested pair is not ticked: {row}"
        assert len(row["reasons"]) == 3, f"reasons of {who}: {row['reasons']}"
        distance, preference, level = row["reasons"]
        match = DISTANCE.match(distance)
        assert match, f"distance reason of {who}: {distance!r}"
        if match.group("to"):
            assert match.group("to") == row["target"], f"{who}: reason names {match.group('to')!r}, select {row['target']!r}"
        assert PREFERENCE.match(preference), f"preference reason of {who}: {preference!r}"
        match = LEVEL.match(level)
        assert match, f"language reason of {who}: {level!r}"
        if match.group("has") and match.group("has") != "—":
            # "voldoet" must be true: a place asking more than the participant has is left out.
            assert CEFR.index(match.group("has")) >= CEFR.index(match.group("needs")), f"{who}: {level}"
        assert row["cost"].isdigit(), row

    # The caption's total is the sum of the pairs' costs.
    assert caption_total(page) == sum(int(r["cost"]) for r in paired), (caption_total(page), [r["cost"] for r in paired])
    expect(page.get_by_role("button", name="Geselecteerde voorstellen opslaan")).to_be_visible()
    expect(page.get_by_role("link", name="Voorstel afwijzen")).to_be_visible()


def test_accepting_nothing_is_refused_and_rejecting_stores_nothing(page: Page) -> None:
    allocation = coordinator_allocation(page)
    before = suggestion_rows(page)
    if not [r for r in before if r["targetValue"]]:
        pytest.skip("nothing left to allocate (earlier runs); start a fresh server")

    select_only(page, set())
    response = save_selection(page)
    assert response.status == 400, f"saving an empty selection answered {response.status}"
    expect(error_summary(page)).to_contain_text("Kies of vul er minstens één in.")
    expect(flash(page)).to_have_count(0)
    assert [r["enrolment"] for r in suggestion_rows(page)] == [r["enrolment"] for r in before]

    # "Voorstel afwijzen" goes back to the cohort and keeps everything as it was.
    page.get_by_role("link", name="Voorstel afwijzen").click()
    expect(heading(page)).to_have_text(COHORT)
    expect(flash(page)).to_have_count(0)
    page.goto(allocation)
    after = suggestion_rows(page)
    assert [(r["enrolment"], r["targetValue"]) for r in after] == [(r["enrolment"], r["targetValue"]) for r in before]


def test_coordinator_accepts_part_of_the_placement_suggestion(page: Page) -> None:
    allocation = coordinator_allocation(page)
    cohort = allocation.rsplit("/allocation", 1)[0]
    rows = [r for r in suggestion_rows(page) if r["targetValue"]]
    if not rows:
        pytest.skip("nothing left to allocate (earlier runs); start a fresh server")
    total_before = len(suggestion_rows(page))

    # Accept the first pair as suggested, and a second one moved to the location of a
    # pair that is left out (so no location gets more people than the suggestion gave it).
    first = rows[0]
    chosen = {first["participant"]: first["target"]}
    for second in rows[1:]:
        left_out = [r for r in rows[1:] if r is not second and r["target"] != second["target"]]
        if left_out:
            chosen[second["participant"]] = left_out[0]["target"]
            page.get_by_label(f"Plek voor {second['participant']}", exact=True).select_option(label=left_out[0]["target"])
            break
    select_only(page, set(chosen))
    for name, target in chosen.items():
        expect(page.get_by_label(f"{name} accepteren", exact=True)).to_be_checked()
        assert row_of(page, name).locator("select option:checked").text_content().strip() == target

    response = save_selection(page)
    assert response.status < 400, f"accepting {chosen} answered {response.status}"
    expect(page).to_have_url(cohort)
    expect(heading(page)).to_have_text(COHORT)
    expect(flash(page)).to_have_text(f"Toewijzingen opgeslagen: {len(chosen)}.")

    # Asked again, the accepted participants are no longer in the suggestion.
    open_allocation(page)
    after = suggestion_rows(page)
    assert len(after) == total_before - len(chosen), (total_before, len(chosen), [r["participant"] for r in after])
    assert not set(chosen) & {r["participant"] for r in after}, after

    # Each one has the placement that was chosen, from the suggestion's date on.
    page.goto(cohort)
    dossiers = {name: href for name, href, _ in cohort_participants(page)}
    for name, target in chosen.items():
        page.goto(dossiers[name])
        expect(heading(page)).to_have_text(name)
        placements = page.get_by_role("table", name="Stageplaatsen")
        row = placements.locator("tbody tr").filter(has_text=target).filter(has_text=f"{dutch_date(today_iso())} –")
        expect(row).to_have_count(1)


# --- 2. the studio suggestion --------------------------------------------------------


def test_accepting_a_studio_suggestion_fills_a_studio(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    before = housing_figures(page)
    assert before["Bewoond"] + before["Vrij"] == before["Woningen"], before

    open_cohort(page)
    open_allocation(page)
    ask_for_studios(page)
    explanation = page.locator("main p.hint").first
    expect(explanation).to_contain_text("laagste totale kosten over alle wachtenden samen")
    expect(explanation).to_contain_text("Wie langer wacht, kost minder")

    rows = suggestion_rows(page)
    if not [r for r in rows if r["targetValue"]]:
        pytest.skip("nobody waits for a studio that is free (earlier runs); start a fresh server")
    expect(page.get_by_role("columnheader", name="Studio", exact=True)).to_be_visible()
    for row in rows:
        if not row["targetValue"]:
            continue
        assert row["checked"] is True, row
        assert row["target"].startswith(f"{COMPLEX} "), row
        assert WAITING.match(row["reasons"][0]), row["reasons"]
        assert AVAILABLE.match(row["reasons"][1]), row["reasons"]
        assert all(NEAR_WORK.match(reason) for reason in row["reasons"][2:]), row["reasons"]
    assert caption_total(page) == sum(int(r["cost"]) for r in rows if r["targetValue"])

    # One studio that is free today, so the figures of today change.
    today = dutch_date(today_iso())
    free_today = [r for r in rows if r["targetValue"] and AVAILABLE.match(r["reasons"][1]).group("day") == today]
    if not free_today:
        pytest.skip(f"no suggested studio is free today: {rows}")
    tenant = free_today[0]
    select_only(page, {tenant["participant"]})

    response = save_selection(page)
    assert response.status < 400, f"accepting a studio answered {response.status}"
    expect(page).to_have_url(re.compile(r"/housing$"))
    expect(heading(page)).to_have_text("Wonen")
    expect(flash(page)).to_have_text("Toewijzingen opgeslagen: 1.")
    after = complex_row(page)
    assert after["Bewoond"] == before["Bewoond"] + 1, (before, after)
    assert after["Vrij"] == before["Vrij"] - 1, (before, after)
    assert after["Woningen"] == before["Woningen"], (before, after)

    # Asked again, the new tenant no longer waits.
    open_cohort(page)
    open_allocation(page)
    ask_for_studios(page)
    assert tenant["participant"] not in {r["participant"] for r in suggestion_rows(page)}

    # The participant's pathway page shows the tenancy and the home offered today.
    page.goto(page.url.split("/allocation")[0])
    dossiers = {name: href for name, href, _ in cohort_participants(page)}
    open_pathway(page, dossiers[tenant["participant"]], tenant["participant"])
    tenancy = page.get_by_role("table", name="Huur").locator("tbody tr").filter(has_text=tenant["target"].removeprefix(f"{COMPLEX} "))
    expect(tenancy).to_have_count(1)
    expect(tenancy).to_contain_text(COMPLEX)
    expect(tenancy.locator("td").nth(2)).to_have_text(today)
    steps = page.get_by_role("table", name="Stappen van de woonroute")
    expect(steps.locator("tbody tr").filter(has_text="Woning aangeboden")).to_contain_text(today)
    # Housed only once moved in: the route has just begun.
    expect(fact(page, "Gehuisvest")).to_have_text("Nee")


# --- 3. the pathway page: fit interview and job offers -------------------------------


def test_coordinator_records_a_fit_interview_and_job_offers_with_the_guarantee_check(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    name, dossier = running_participant(page)
    pathway = open_pathway(page, dossier, name)
    expect(page.get_by_text("Baangarantie van dit programma: een baan van minstens 24 uur per week.")).to_be_visible()

    # A fit interview on a day and time no earlier run used (most likely).
    day = (dt.date.fromisoformat(today_iso()) + dt.timedelta(days=7 + secrets.randbelow(300))).isoformat()
    time = f"{8 + secrets.randbelow(9):02d}:{secrets.randbelow(60):02d}"
    form = interview_form(page)
    expect(form.get_by_role("heading", name="Klikgesprek plannen")).to_be_visible()
    form.get_by_label("Werkgever").select_option(label=EMPLOYER)
    form.get_by_label("Datum").fill(day)
    form.get_by_label("Tijd").fill(time)
    form.get_by_role("button", name="Klikgesprek plannen").click()
    expect(flash(page)).to_have_text("Opgeslagen.")
    expect(page).to_have_url(re.compile(re.escape(pathway) + r"#job-title$"))
    interview = page.get_by_role("table", name="Klikgesprekken").locator("tbody tr").filter(
        has=page.locator("td:nth-child(2)", has_text=re.compile(f"^{re.escape(dutch_date(day))} {time}$"))
    )
    expect(interview).to_have_count(1)
    expect(interview.locator("td").first).to_have_text(EMPLOYER)
    # Still planned: the result can be recorded once the day has come.
    expect(interview.get_by_role("button", name="Uitkomst vastleggen")).to_be_visible()

    # 16 hours a week falls 8 hours short of the programme's guarantee of 24.
    short = unique_role("Helpende zorg")
    record_offer(page, role=short, hours="16", contract="Tijdelijk contract", starts_on=in_weeks(6))
    expect(flash(page)).to_have_text("Opgeslagen.")
    row = offer_row(page, short)
    expect(row).to_have_count(1)
    cells = row.locator("td")
    expect(cells.nth(0)).to_have_text(EMPLOYER)
    expect(cells.nth(2)).to_have_text("16")
    expect(cells.nth(3)).to_have_text("Tijdelijk contract")
    expect(cells.nth(4)).to_have_text(dutch_date(in_weeks(6)))
    expect(cells.nth(5)).to_have_text("Voldoet niet: 8 uur te weinig (garantie 24 uur)")
    expect(row.get_by_role("button", name="Geaccepteerd")).to_be_visible()

    # 32 hours on a permanent contract, at one of the employer's locations, meets it.
    enough = unique_role("Verzorgende IG")
    record_offer(page, role=enough, hours="32", contract="Vast contract", starts_on=in_weeks(8), location=EMPLOYER_LOCATION,
                 offered_on=today_iso())
    expect(flash(page)).to_have_text("Opgeslagen.")
    row = offer_row(page, enough)
    expect(row).to_have_count(1)
    cells = row.locator("td")
    expect(cells.nth(0)).to_have_text(f"{EMPLOYER} — {EMPLOYER_LOCATION.removesuffix(f' ({EMPLOYER})')}")
    expect(cells.nth(2)).to_have_text("32")
    expect(cells.nth(3)).to_have_text("Vast contract")
    expect(cells.nth(5)).to_have_text("Voldoet (minstens 24 uur)")
    # The first offer is still there as it was.
    expect(offer_row(page, short).locator("td").nth(5)).to_have_text("Voldoet niet: 8 uur te weinig (garantie 24 uur)")


def test_bad_offer_and_interview_are_refused_next_to_the_fields(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    name, dossier = running_participant(page)
    pathway = open_pathway(page, dossier, name)
    offers_before = offers_table(page).locator("tbody tr").count()

    # Empty role and 99 hours a week: 400, each error next to its field, nothing stored.
    fill_offer(page, role="", hours="99", contract="Vast contract", starts_on=in_weeks(4))
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/offers")) as posted:
        offer_form(page).get_by_role("button", name="Baanaanbod vastleggen").click()
    assert posted.value.status == 400, f"a bad offer answered {posted.value.status}"
    form = offer_form(page)
    expect(form.locator(".error-summary[role=alert]")).to_be_visible()
    role_error = form.locator(".field-error#f-offer-role-error")
    hours_error = form.locator(".field-error#f-offer-hoursPerWeek-error")
    expect(role_error).to_have_text("Vul dit in.")
    expect(hours_error).to_have_text("Kies een waarde van 1 tot en met 40.")
    for label, error_id in (("Functie", "f-offer-role-error"), ("Uren per week", "f-offer-hoursPerWeek-error")):
        field = form.get_by_label(label)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("aria-describedby", error_id)
        # The message sits in the same .field as the control it is about.
        expect(form.locator(".field.has-error").filter(has=page.locator(f"#{error_id}")).get_by_label(label)).to_have_count(1)
    expect(form.get_by_label("Uren per week")).to_have_value("99")
    expect(form.locator(".field-error")).to_have_count(2)
    expect(flash(page)).to_have_count(0)
    page.goto(pathway)
    expect(offers_table(page).locator("tbody tr")).to_have_count(offers_before)

    # A fit interview without a date: refused next to the date field.
    interviews = page.get_by_role("table", name="Klikgesprekken").locator("tbody tr")
    interviews_before = interviews.count()
    form = interview_form(page)
    form.get_by_label("Werkgever").select_option(label=EMPLOYER)
    form.get_by_label("Tijd").fill("10:00")
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/interviews")) as posted:
        form.get_by_role("button", name="Klikgesprek plannen").click()
    assert posted.value.status == 400, f"an interview without a date answered {posted.value.status}"
    form = interview_form(page)
    expect(form.locator(".field-error#f-interview-plannedOn-error")).to_have_text("Vul een bestaande datum in, bijvoorbeeld 27-3-2026.")
    expect(form.get_by_label("Datum")).to_have_attribute("aria-invalid", "true")
    # The summary names the field, and focus is on it when the page opens.
    summary = form.locator(".error-summary")
    expect(summary).to_contain_text("Datum: Vul een bestaande datum in")
    expect(summary).to_be_focused()
    expect(flash(page)).to_have_count(0)
    page.goto(pathway)
    expect(page.get_by_role("table", name="Klikgesprekken").locator("tbody tr")).to_have_count(interviews_before)


def test_error_summary_links_lead_to_the_fields(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    name, dossier = running_participant(page)
    open_pathway(page, dossier, name)
    fill_offer(page, role="", hours="99", contract="Vast contract", starts_on=in_weeks(4))
    offer_form(page).get_by_role("button", name="Baanaanbod vastleggen").click()
    links = offer_form(page).locator(".error-summary a")
    expect(links).to_have_count(2)
    for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert page.locator(href).count() == 1, f"the error summary links to {href}, which is not on the page"


def test_a_far_too_long_role_is_refused_next_to_the_field(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    name, dossier = running_participant(page)
    open_pathway(page, dossier, name)
    # A pasted job description instead of a role: more than the 120 characters allowed.
    fill_offer(page, role="Helpende zorg en welzijn, " * 100, hours="24", contract="Vast contract", starts_on=in_weeks(4))
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/offers")) as posted:
        offer_form(page).get_by_role("button", name="Baanaanbod vastleggen").click()
    assert posted.value.status == 400, f"a too long role answered {posted.value.status}"
    expect(offer_form(page).locator("#f-offer-role-error")).to_have_text("Maximaal 120 tekens.")


# --- 4. what an employer's HR officer sees -------------------------------------------


def test_employer_hr_sees_whether_housed_but_not_the_housing_route(page: Page, new_page) -> None:
    # A participant whose pathway page shows the housing route to the coordinator.
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    cohort = open_cohort(page)
    target = None
    for name, href, _ in cohort_participants(page)[:12]:
        open_pathway(page, href, name)
        if page.get_by_role("table", name="Stappen van de woonroute").count():
            target = (name, fact(page, "Gehuisvest").text_content().strip())
            break
    assert target, f"no participant of {COHORT} with a housing route"
    name, housed = target
    assert housed in ("Ja", "Nee"), housed

    hr = new_page()
    login(hr, HR_LEIDEN, PASSWORD)
    nav_link(hr, "Deelnemers").click()
    expect(heading(hr)).to_have_text("Deelnemers")
    link = hr.locator("main table tbody td:first-child a").filter(has_text=re.compile(f"^{re.escape(name)}$"))
    expect(link).to_have_count(1)
    link.click()
    expect(heading(hr)).to_have_text(name)
    hr.get_by_role("link", name="Wonen, opleiding en werk bekijken en bijwerken").click()
    expect(heading(hr)).to_have_text(f"Wonen, opleiding en werk — {name}")

    housing = hr.locator("section[aria-labelledby=housing-title]")
    expect(housing.get_by_role("heading", name="Wonen")).to_be_visible()
    expect(fact(hr, "Gehuisvest", housing)).to_have_text(housed)
    expect(hr.get_by_role("table", name="Stappen van de woonroute")).to_have_count(0)
    expect(hr.get_by_role("table", name="Huur")).to_have_count(0)
    expect(housing.locator("dt", has_text="Woonroute")).to_have_count(0)
    expect(housing.locator("form")).to_have_count(0)
    expect(hr.locator("main")).not_to_contain_text("Woning aangeboden")
    # The allocation page is for coordinators only.
    response = hr.goto(f"{cohort}/allocation")
    assert response is not None and response.status == 403, response and response.status
    expect(heading(hr)).to_have_text("Geen toegang")


# --- 5. accessibility ----------------------------------------------------------------


def _open_new_page(pg: Page, which: str) -> None:
    if which == "pathway":
        login(pg, COORDINATOR_LEIDEN, PASSWORD)
        name, dossier = running_participant(pg)
        open_pathway(pg, dossier, name)
        expect(offer_form(pg)).to_be_visible()
        return
    coordinator_allocation(pg)
    if which == "studios":
        ask_for_studios(pg)


@pytest.mark.parametrize("which", ["placements", "studios", "pathway"])
def test_allocation_and_pathway_pages_are_accessible_and_fit_a_phone(new_page, which: str) -> None:
    pg = new_page()
    _open_new_page(pg, which)
    violations = axe_check(pg)
    assert not violations, f"{pg.url}:\n{format_violations(violations)}"

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    _open_new_page(phone, which)
    assert_fits_phone(phone)
