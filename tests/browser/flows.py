"""Flows through the Dutch UI that several browser tests share.

Everything is found the way a person finds it: by label, role and visible text, so
these helpers double as a check that the controls are labelled.
(Import with `from flows import ...`; pytest puts this folder on sys.path.)
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import string
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, expect

PASSWORD = "opstap-demo"
COORDINATOR_LEIDEN = "coordinator.leiden@opstap.demo"
LEIDEN_PROGRAMME = "Op je plek in de zorg"
TRACK_STATUSHOUDERS = "Op je plek in de zorg — Statushouders"
LEIDEN_CRITERIA = ["Taalniveau Nederlands", "Eerdere opleiding", "Motivatie", "Affiniteit met de zorg"]


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def screenshot(page: Page, name: str) -> None:
    """A full-page picture for a reviewer, in test-results/screenshots (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def unique_family_name(prefix: str = "Testpersoon") -> str:
    """A family name no earlier run used, so duplicate detection never trips."""
    suffix = "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
    return f"{prefix}-{suffix}"


def today_iso() -> str:
    """Today as the server sees it (it keeps dates in Europe/Amsterdam)."""
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat()


DUTCH_MONTHS = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]


def dutch_date(iso: str) -> str:
    """A date the way the app writes it: 23 nov. 2026."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


# The demo's stories are written for the week up to Sunday 22 November 2026; the server moves
# them by whole weeks to the last Sunday on or before the day it loads them (DemoCalendar).
DEMO_WRITTEN_FOR = dt.date(2026, 11, 22)


def demo_day(year: int, month: int, day: int) -> str:
    """A day of the demo's stories as the server loaded them (ISO)."""
    today = dt.date.fromisoformat(today_iso())
    last_sunday = today - dt.timedelta(days=(today.weekday() + 1) % 7)
    return (dt.date(year, month, day) + (last_sunday - DEMO_WRITTEN_FOR)).isoformat()


def flash(page: Page) -> Locator:
    return page.locator("main .flash[role=status]")


def nav_link(page: Page, name: str, exact: bool = False) -> Locator:
    """A link of the main menu, opening its group (Werk, Mensen, Programma, Account) first:
    a link in a closed group is hidden, so it is found by its text, not its role."""
    nav = page.locator("nav#main-nav")
    link = nav.get_by_role("link", name=name, exact=exact)
    if link.count() == 0:
        # On a phone the groups fold behind "Menu".
        toggle = page.locator("button.menu-toggle")
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        text = re.compile(("^%s$" if exact else "%s") % re.escape(name))
        nav.locator("details.nav-group a").filter(has_text=text).first.locator(
            "xpath=ancestor::details[1]/summary"
        ).click()
    return link


def error_summary(page: Page) -> Locator:
    return page.locator("main .error-summary[role=alert]")


def register_candidate(
    page: Page,
    given_name: str,
    family_name: str,
    date_of_birth: str = "1995-03-14",
    track: str = TRACK_STATUSHOUDERS,
    referred_on: str | None = None,
) -> str:
    """Registers a referral through "Kandidaat aanmelden"; returns the candidate page path."""
    page.goto("/candidates")
    page.get_by_role("link", name="Kandidaat aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaat aanmelden")
    page.get_by_label("Voornaam").fill(given_name)
    page.get_by_label("Achternaam").fill(family_name)
    page.get_by_label("Geboortedatum").fill(date_of_birth)
    page.get_by_label("Programma en stroom").select_option(label=track)
    page.get_by_label("Aangemeld op").fill(referred_on or today_iso())
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{given_name} {family_name}")
    expect(flash(page)).to_have_text("Kandidaat aangemeld.")
    assert re.search(r"/candidates/[0-9A-Fa-f-]{36}$", page.url), page.url
    return page.url


def stage_badge(page: Page) -> Locator:
    return page.locator("main p.lead .badge")


def plan_intake(page: Page, on: str | None = None) -> None:
    page.get_by_label("Datum intake").fill(on or today_iso())
    page.get_by_role("button", name="Intake plannen").click()
    expect(flash(page)).to_have_text("Vastgelegd.")
    expect(stage_badge(page)).to_have_text("Intake gepland")


def record_intake_held(page: Page, on: str | None = None) -> None:
    page.get_by_label("Intake gehouden op").fill(on or today_iso())
    page.get_by_role("button", name="Intake vastleggen").click()
    expect(flash(page)).to_have_text("Vastgelegd.")
    expect(stage_badge(page)).to_have_text("Intake gehouden")


def start_selection(page: Page) -> None:
    page.get_by_role("button", name="Naar selectie").click()
    expect(flash(page)).to_have_text("Vastgelegd.")
    expect(stage_badge(page)).to_have_text("In selectie")


def criterion_section(page: Page, criterion: str) -> Locator:
    return page.locator("section.criterion").filter(
        has=page.get_by_role("heading", name=criterion, exact=True)
    )


def score_criterion(page: Page, criterion: str, score: int, note: str = "") -> None:
    """Scores one criterion in its own section of the candidate page. The controls are
    taken by role inside the section, not by label: whether each criterion's label names
    its own control is checked separately (test_accessibility.py)."""
    section = criterion_section(page, criterion)
    section.get_by_role("combobox").select_option(str(score))
    if note:
        section.get_by_role("textbox").fill(note)
    section.get_by_role("button", name="Score opslaan").click()
    expect(flash(page)).to_have_text("Vastgelegd.")
    expect(criterion_section(page, criterion).get_by_role("combobox")).to_have_value(str(score))


def bring_to_selection(page: Page, given_name: str, family_name: str) -> str:
    """Registers a Leiden candidate (stream Statushouders) and takes them through the
    intake into selection; returns the candidate page path."""
    url = register_candidate(page, given_name, family_name)
    plan_intake(page)
    record_intake_held(page)
    start_selection(page)
    return url


def decision_form(page: Page) -> Locator:
    return page.locator("form[action$='/decision']")


def record_decision(page: Page, decision: str, reason: str) -> None:
    form = decision_form(page)
    form.get_by_label("Besluit", exact=True).select_option(label=decision)
    form.get_by_label("Reden van het besluit").fill(reason)
    form.get_by_role("button", name="Besluit vastleggen").click()
    if decision == "Afgewezen":
        # A rejection is final: the confirmation page states it first.
        page.get_by_role("button", name="Ja, afwijzen").click()


def timeline_entries(page: Page, region_name: str) -> list[tuple[str, str]]:
    """(what, detail) per line of a timeline/history region, newest first."""
    region = page.get_by_role("region", name=region_name)
    expect(region).to_be_visible()
    rows = region.locator("ol > li").evaluate_all(
        """items => items.map(li => [
            (li.querySelector('strong')?.textContent ?? '').trim(),
            (li.querySelector('.detail')?.textContent ?? '').replace(/^\\s*—\\s*/, '').trim(),
        ])"""
    )
    return [(what, detail) for what, detail in rows]


def transition_form(page: Page, kind_label: str) -> Locator:
    """The form of one transition: the dossier's "Volgende stap" lists the acts the state allows,
    and each opens a page with its one form."""
    page.locator("details.next-step > summary").click()
    page.locator("details.next-step").get_by_role("link", name=kind_label, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(kind_label + ":")
    return page.locator("form[action$='/transitions']")


def links_in_table(page: Page) -> list[tuple[str, str]]:
    """(text, href) of the first link in every row of the main table."""
    return page.locator("main table tbody tr td:first-child a").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])"
    )


def first_link_in_table(page: Page, path: str) -> str:
    page.goto(path)
    rows = links_in_table(page)
    assert rows, f"no rows with a link on {path}"
    return rows[0][1]
