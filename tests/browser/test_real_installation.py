"""A real partnership on an EMPTY installation, as a new user would meet it.

The test starts its own Opstap server on an empty database (no demo data: SQLite in a fresh
folder, and PostgreSQL in a fresh database when $OPSTAP_E2E_POSTGRES_URL names a server),
reads the one-time setup token the server prints, and then works only through the pages:
setup → two partner organisations whose administrators accept their invitations → a
coordinator → a programme defined and published in the editor → a cohort that began half a
year ago → a participant referred, selected and enrolled on their real dates, with hours of
the past → the timeline marks the late entries, and the attention list of a past day shows
who fell behind then.

The server binary is $OPSTAP_BIN (scripts/test.sh sets it), else .build/debug/opstap.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import complete_mfa
from playwright.sync_api import Browser, Page, expect

from flows import (
    flash,
    plan_intake,
    record_decision,
    record_intake_held,
    register_candidate,
    start_selection,
    transition_form,
)

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "een-lang-wachtwoord-2026"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _engines() -> list[str]:
    return ["sqlite", "postgres"] if os.environ.get("OPSTAP_E2E_POSTGRES_URL") else ["sqlite"]


@pytest.fixture(params=_engines())
def empty_server(request):
    """(base_url, setup_token) of a fresh server on an empty database."""
    binary = os.environ.get("OPSTAP_BIN") or str(REPO / ".build" / "debug" / "opstap")
    folder = tempfile.mkdtemp(prefix="opstap-empty-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["OPSTAP_DEMO_DATA"] = "false"
    env["OPSTAP_BCRYPT_COST"] = "4"
    database = None
    if request.param == "postgres":
        server_url = os.environ["OPSTAP_E2E_POSTGRES_URL"]
        database = "opstap_e2e_" + secrets.token_hex(4)
        subprocess.run(["psql", server_url, "-q", "-c", f"CREATE DATABASE {database}"], check=True)
        env["DATABASE_URL"] = server_url.rsplit("/", 1)[0] + "/" + database
    port = _free_port()
    log_path = Path(folder) / "server.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        [binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    token = None
    try:
        # Bounded by attempts, not a tight clock: migrating an empty database takes seconds.
        for _ in range(600):
            assert process.poll() is None, f"server stopped:\n{log_path.read_text()}"
            match = re.search(r"/setup\?token=([A-Za-z0-9_\-]+)", log_path.read_text())
            if match:
                token = match.group(1)
                try:
                    with urllib.request.urlopen(base_url + "/health", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
            time.sleep(0.5)
        assert token, f"no setup token printed:\n{log_path.read_text()}"
        yield base_url, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        if database:
            subprocess.run(["psql", os.environ["OPSTAP_E2E_POSTGRES_URL"], "-q", "-c", f"DROP DATABASE IF EXISTS {database}"])


def _page(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    context.set_default_timeout(20_000)
    return context.new_page()


def _sign_in(page: Page, email: str) -> None:
    page.goto("/login")
    # Staff and participants share the sign-in page: an e-mail address or a phone number.
    page.get_by_label("E-mail of telefoonnummer").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")
    complete_mfa(page, email)
    assert "/login" not in page.url, f"sign-in of {email} refused"


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _invite_partner(admin: Page, browser: Browser, base_url: str, name: str, kind: str, email: str) -> None:
    """The steward registers a partner organisation; its administrator accepts the invitation."""
    admin.goto("/admin")
    form = admin.locator("form[action='/admin/organisations']")
    form.get_by_label("Naam van de organisatie").fill(name)
    form.get_by_label("Soort", exact=True).select_option(label=kind)
    form.get_by_label("Plaats").fill("Utrecht")
    form.get_by_role("button", name="Organisatie aanmaken").click()
    admin.goto("/admin")
    admin.get_by_role("link", name=name, exact=True).click()
    invite = admin.locator("form").filter(has=admin.get_by_role("button", name="Uitnodiging maken"))
    invite.get_by_label("E-mailadres").fill(email)
    invite.get_by_label("Beheerder").check()
    invite.get_by_role("button", name="Uitnodiging maken").click()
    link = admin.get_by_label("Uitnodigingslink").input_value()
    assert "/invite/" in link, link

    invitee = _page(browser, base_url)
    invitee.goto(link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Uitnodiging aannemen")
    invitee.get_by_label("Uw naam").fill(f"Beheerder {name}")
    invitee.get_by_label("Kies een wachtwoord").fill(PASSWORD)
    invitee.get_by_role("button", name="Account aanmaken").click()
    invitee.wait_for_load_state("load")
    complete_mfa(invitee, email)
    assert "/invite" not in invitee.url and "/login" not in invitee.url, invitee.url
    # The new administrator runs their own organisation.
    invitee.goto("/admin")
    expect(invitee.get_by_role("heading", name=re.compile(re.escape(name))).first).to_be_visible()
    invitee.context.close()


def test_a_partnership_starts_on_an_empty_install_with_its_real_history(browser: Browser, empty_server) -> None:
    base_url, token = empty_server
    today = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    cohort_start = _monday(today - dt.timedelta(weeks=26))
    referred_on = cohort_start - dt.timedelta(days=21)
    intake_on = referred_on + dt.timedelta(days=3)
    suffix = secrets.token_hex(3)

    # 1. Setup with the printed token: the first organisation and its administrator.
    admin = _page(browser, base_url)
    admin.goto(f"/setup?token={token}")
    expect(admin.get_by_role("heading", level=1)).to_have_text("Opstap inrichten")
    admin.get_by_label("Inrichtingscode").fill(token)
    admin.get_by_label("Naam van de organisatie").fill("Gemeente Utrecht")
    admin.get_by_label("Soort").select_option(label="Gemeente")
    admin.get_by_label("Plaats").fill("Utrecht")
    admin.get_by_label("Uw naam").fill("Beheerder Utrecht")
    admin.get_by_label("E-mailadres").fill("beheer@utrecht.example")
    admin.get_by_label("Wachtwoord").fill(PASSWORD)
    admin.get_by_role("button", name="Inrichten en aanmelden").click()
    admin.wait_for_load_state("load")
    complete_mfa(admin, "beheer@utrecht.example")
    assert "/setup" not in admin.url and "/login" not in admin.url, admin.url
    # Setup is one-time: the page is gone now.
    assert admin.goto(f"/setup?token={token}").status in (403, 404, 409, 410)

    # 2. Two partner organisations, each with its own administrator through an invitation.
    _invite_partner(admin, browser, base_url, "Stichting Nieuwkomers", "Vluchtelingenorganisatie", "beheer@nieuwkomers.example")
    _invite_partner(admin, browser, base_url, "Zorggroep Domstad", "Zorgwerkgever", "beheer@domstad.example")

    # 3. A programme coordinator in the municipality.
    admin.goto("/admin")
    staff = admin.locator("form[action='/admin/users']")
    staff.get_by_label("Naam", exact=True).fill("Regisseur Utrecht")
    staff.get_by_label("E-mailadres").fill("regie@utrecht.example")
    staff.get_by_label("Programmaregisseur").check()
    staff.get_by_label("Eerste wachtwoord").fill(PASSWORD)
    staff.get_by_role("button", name="Medewerker aanmaken").click()
    expect(flash(admin)).to_be_visible()
    admin.context.close()

    # 4. The coordinator defines the programme in the editor and publishes it.
    page = _page(browser, base_url)
    _sign_in(page, "regie@utrecht.example")
    programme = f"U-Match zorg {suffix}"
    page.goto("/programmes")
    page.get_by_role("link", name="Nieuw programma").click()
    page.get_by_label("Naam", exact=True).first.fill(programme)
    phase = page.get_by_role("group", name="Fase toevoegen")
    phase.get_by_label("Code", exact=True).fill("school")
    phase.get_by_label("Naam", exact=True).fill("School en taal")
    phase.get_by_label("Geplande duur (weken)").fill("52")
    phase.get_by_label("Uren per week Taal").fill("8")
    phase.get_by_role("group", name="Dagen voor Taal").get_by_label("maandag").check()
    outcome = page.get_by_role("group", name="Uitkomst toevoegen")
    outcome.get_by_label("Code", exact=True).fill("contract")
    outcome.get_by_label("Naam", exact=True).fill("Contract na een jaar")
    outcome.get_by_label("Soort uitkomst").select_option(label="Arbeidscontract")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(flash(page)).to_have_text("Opgeslagen.")
    stream = page.get_by_role("group", name="Stroom toevoegen")
    stream.get_by_label("Code", exact=True).fill("nieuwkomers")
    stream.get_by_label("Naam", exact=True).fill("Nieuwkomers")
    stream.get_by_label("Eerste fase").select_option(label="School en taal")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(flash(page)).to_have_text("Opgeslagen.")
    page.get_by_label("Toelichting bij deze versie").fill("Eerste versie")
    page.get_by_role("button", name="Publiceren als nieuwe versie").click()
    expect(flash(page)).to_have_text("Gepubliceerd als versie 1.")

    # 5. The cohort that began half a year ago, with its real start date.
    cohort = "Instroom " + cohort_start.isoformat()
    page.get_by_label("Naam", exact=True).fill(cohort)
    page.get_by_label("Startdatum").fill(cohort_start.isoformat())
    page.get_by_label("Capaciteit (plaatsen)").fill("12")
    page.get_by_label("Nieuwkomers").check()
    page.get_by_role("button", name="Groep aanmaken").click()
    expect(flash(page)).to_have_text("Groep aangemaakt.")

    # 6. A participant of that cohort: referred, selected and enrolled on the real dates.
    register_candidate(page, "Amal", f"Haddad-{suffix}", track=f"{programme} — Nieuwkomers", referred_on=referred_on.isoformat())
    plan_intake(page, intake_on.isoformat())
    record_intake_held(page, intake_on.isoformat())
    start_selection(page)
    record_decision(page, "Geselecteerd", "Gemotiveerd en past in de groep.")
    expect(flash(page)).to_be_visible()
    cohort_select = page.get_by_label("Groep", exact=True)
    value = cohort_select.locator("option", has_text=cohort).first.get_attribute("value")
    cohort_select.select_option(value=value)
    page.get_by_label("Datum van inschrijving").fill(cohort_start.isoformat())
    page.get_by_role("button", name="Inschrijven").click()
    assert re.search(r"/participants/[0-9A-Fa-f-]{36}$", page.url), page.url
    dossier = page.url

    start = transition_form(page, "Fase starten")
    start.get_by_label("Datum").fill(cohort_start.isoformat())
    start.get_by_role("button", name="Fase starten").click()
    expect(page.locator("main p.lead .badge")).to_have_text("In fase")

    # 7. Hours of a past week (the first Monday of the cohort's second week).
    worked_on = cohort_start + dt.timedelta(weeks=1)
    page.goto(dossier + "/hours")
    page.get_by_label("Datum", exact=True).fill(worked_on.isoformat())
    page.get_by_label("Activiteit").select_option(label="Taal")
    page.get_by_label("Uren", exact=True).fill("8")
    page.get_by_label("Plek").fill("ROC Utrecht")
    page.get_by_role("button", name="Ter goedkeuring indienen").click()
    expect(page.locator("main table").last).to_contain_text("Taal")

    # 8. History shows the steps on their own days, marked as entered later.
    page.goto(dossier)
    timeline = page.get_by_role("region", name="Tijdlijn")
    expect(timeline.get_by_text("later vastgelegd").first).to_be_visible()
    expect(timeline.locator(f"time[datetime='{cohort_start.isoformat()}']").first).to_be_visible()

    # 9. Who needed attention two months into the cohort: this participant, behind on hours.
    as_of = cohort_start + dt.timedelta(weeks=9)
    page.goto(f"/attention?asOf={as_of.isoformat()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wie had aandacht nodig op")
    expect(page.get_by_role("link", name=f"Amal Haddad-{suffix}")).to_be_visible()
    # Before the cohort began nobody was there to follow.
    page.goto(f"/attention?asOf={(cohort_start - dt.timedelta(days=1)).isoformat()}")
    expect(page.get_by_role("link", name=f"Amal Haddad-{suffix}")).to_have_count(0)
    page.context.close()
