"""Hours and attendance ledger: the work supervisor approves a week or rejects one line,
the coach records hours (and is stopped at overlaps and future dates), and the new pages
pass axe and fit a phone screen.

Demo facts relied on: werkbegeleider.kansrijk@opstap.demo supervises the 8 participants of
Kansrijk "Instroom oktober 2026" (coach: coach.kansrijk@opstap.demo); their lines of the
week starting Monday 16 Nov 2026 are submitted ("Ingediend"), earlier weeks approved; the
demo has no lines on Monday 16 or Saturday 21 Nov 2026.

Each test makes the lines it changes itself (with a place no other run used), except the
week approval, which needs the demo's submitted week: run it against a fresh server.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from conftest import assert_fits_phone, axe_check, format_violations, login
from flows import PASSWORD, demo_day, dutch_date, error_summary, flash, today_iso, unique_family_name, nav_link

SUPERVISOR = "werkbegeleider.kansrijk@opstap.demo"
COACH = "coach.kansrijk@opstap.demo"
COHORT = "Instroom oktober 2026"
# The demo's last week of hours (the week of Monday 16 November 2026 as written).
DEMO_MONDAY = demo_day(2026, 11, 16)
DEMO_SATURDAY = demo_day(2026, 11, 21)
DEMO_WEEK_HEADING = f"Uren goedkeuren: week van {dutch_date(DEMO_MONDAY)}"
PHONE = {"width": 375, "height": 740}


# --- helpers -------------------------------------------------------------------------


def unique_place(prefix: str) -> str:
    """A place no earlier run used, so a line of this run never overlaps an older one."""
    return unique_family_name(prefix)


def interns(page: Page) -> dict[str, str]:
    """Name -> dossier path of the participants of the 2026 intake, from "Deelnemers"."""
    nav_link(page, "Deelnemers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deelnemers")
    rows = page.locator("main table tbody tr").evaluate_all(
        """rows => rows.map(tr => [
            tr.querySelector('td:first-child a')?.textContent.trim() ?? '',
            tr.querySelector('td:first-child a')?.getAttribute('href') ?? '',
            tr.textContent])"""
    )
    found = {name: href for name, href, text in rows if COHORT in text and href}
    assert found, f"no participants of {COHORT} on {page.url}"
    return found


def open_approvals(page: Page) -> None:
    nav_link(page, "Uren goedkeuren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Uren goedkeuren: week van "))


def ledger(page: Page) -> Locator:
    return page.get_by_role("table", name="Urenregistratie")


def ledger_row(page: Page, place: str) -> Locator:
    return ledger(page).locator("tbody tr").filter(has_text=place)


def approval_rows(page: Page) -> list[dict[str, str]]:
    """The lines on the approvals page (name, date, activity, hours, attendance, place, status)."""
    table = ledger(page)
    if table.count() == 0:
        return []
    return table.locator("tbody tr").evaluate_all(
        """rows => rows.map(tr => {
            const c = [...tr.children].map(td => td.textContent.trim());
            return {name: c[0], date: c[1], activity: c[2], hours: c[3], attendance: c[4], place: c[5],
                    status: tr.querySelector('.badge')?.textContent.trim() ?? ''};
        })"""
    )


def hours_figure(page: Page, activity: str, column: str) -> float:
    """One figure of the dossier's "Uren" table (expected against approved hours)."""
    table = page.get_by_role("table", name=re.compile(r"^Uren: verwacht"))
    expect(table).to_be_visible()
    headers = table.locator("thead th").all_text_contents()
    assert column in headers, headers
    cells = table.locator("tbody tr").filter(
        has=page.locator("td:first-child", has_text=re.compile(f"^{activity}$"))
    ).locator("td")
    value = cells.nth(headers.index(column)).text_content().strip()
    return float(value.replace(",", "."))


def parse_hours(text: str) -> float:
    return float(text.strip().replace(",", "."))


def coach_hours_page(page: Page) -> str:
    """Logs in as the coach and opens the hours page of a 2026 participant through the
    dossier's link; returns that page's path."""
    login(page, COACH, PASSWORD)
    dossier = next(iter(interns(page).values()))
    page.goto(dossier)
    page.get_by_role("link", name="Uren en aanwezigheid bekijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Uren en aanwezigheid van "))
    assert re.search(r"/participants/[0-9A-Fa-f-]{36}/hours$", page.url), page.url
    return page.url


def fill_hours_form(page: Page, *, date: str, activity: str, hours: str, place: str, note: str = "",
                    attendance: str = "Aanwezig") -> None:
    form = page.locator("main form").filter(has=page.get_by_role("button", name="Ter goedkeuring indienen"))
    form.get_by_label("Datum").fill(date)
    form.get_by_label("Activiteit").select_option(label=activity)
    form.get_by_label("Uren", exact=True).fill(hours)
    form.get_by_label("Aanwezigheid").select_option(label=attendance)
    form.get_by_label("Plek").fill(place)
    form.get_by_label("Notitie").fill(note)


def submit_hours(page: Page, **line) -> None:
    fill_hours_form(page, **line)
    page.get_by_role("button", name="Ter goedkeuring indienen").click()


def record_submitted_line(page: Page, **line) -> None:
    submit_hours(page, **line)
    expect(flash(page)).to_have_text("Uren vastgelegd.")
    expect(ledger_row(page, line["place"]).locator(".badge")).to_have_text("Ingediend")


# --- 1. approving the whole week -----------------------------------------------------


def test_supervisor_approves_the_submitted_week_at_once(page: Page) -> None:
    login(page, SUPERVISOR, PASSWORD)
    team = interns(page)

    open_approvals(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_WEEK_HEADING)
    rows = approval_rows(page)
    submitted = [r for r in rows if r["status"] == "Ingediend"]
    assert submitted, f"no submitted lines on {page.url}: {rows[:5]}"
    strangers = {r["name"] for r in rows} - set(team)
    assert not strangers, f"lines of participants the supervisor does not supervise: {strangers}"

    # An intern with practice hours present this week: their approved total must rise by those.
    practice = [r for r in submitted if r["activity"] == "Praktijk" and r["attendance"] == "Aanwezig"]
    assert practice, "no submitted practice hours this week"
    intern = practice[0]["name"]
    added = sum(parse_hours(r["hours"]) for r in practice if r["name"] == intern)

    page.goto(team[intern])
    expect(page.get_by_role("heading", level=1)).to_have_text(intern)
    before = hours_figure(page, "Praktijk", "Gewerkt tot nu")

    open_approvals(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_WEEK_HEADING)
    count = len([r for r in approval_rows(page) if r["status"] == "Ingediend"])
    button = page.get_by_role("button", name=f"Alle {count} ingediende regels van deze week goedkeuren")
    expect(button).to_be_visible()
    button.click()
    # Approving a whole week is final: it shows the totals first and asks once more.
    expect(page.get_by_role("heading", level=1)).to_contain_text("goedkeuren?")
    page.get_by_role("button", name=f"Ja, {count} regels goedkeuren").click()

    expect(flash(page)).to_have_text(f"{count} regels goedgekeurd.")
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_WEEK_HEADING)
    after_rows = approval_rows(page)
    assert after_rows, "the week's lines disappeared after approving"
    still = [r for r in after_rows if r["status"] == "Ingediend"]
    assert not still, f"still submitted after approving the week: {still}"
    expect(ledger(page).locator(".badge", has_text="Ingediend")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile(r"ingediende regels van deze week goedkeuren"))).to_have_count(0)
    assert len([r for r in after_rows if r["status"] == "Goedgekeurd"]) >= count

    page.goto(team[intern])
    after = hours_figure(page, "Praktijk", "Gewerkt tot nu")
    assert after == before + added, f"Praktijk 'Gewerkt tot nu' of {intern}: {before} before, {after} after (+{added} approved)"


# --- 2. rejecting one line -----------------------------------------------------------


def test_supervisor_rejects_one_line_only_with_a_reason(page: Page, new_page) -> None:
    # The coach submits a line of the demo week's Monday (no demo lines that day) for this test alone.
    place = unique_place("Proefles")
    hours_url = coach_hours_page(page)
    record_submitted_line(page, date=DEMO_MONDAY, activity="Theorie", hours="1", place=place)

    supervisor = new_page()
    login(supervisor, SUPERVISOR, PASSWORD)
    open_approvals(supervisor)
    expect(supervisor.get_by_role("heading", level=1)).to_have_text(DEMO_WEEK_HEADING)
    row = ledger_row(supervisor, place)
    expect(row).to_have_count(1)
    expect(row.locator(".badge")).to_have_text("Ingediend")

    # Without a reason: refused with a message, the line stays submitted.
    with supervisor.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/reject")) as refused:
        row.get_by_role("button", name="Afkeuren").click()
    assert refused.value.status >= 400, f"rejecting without a reason answered {refused.value.status}"
    expect(error_summary(supervisor)).to_contain_text("Geef een reden op.")
    expect(ledger_row(supervisor, place).locator(".badge")).to_have_text("Ingediend")
    open_approvals(supervisor)
    expect(ledger_row(supervisor, place).locator(".badge")).to_have_text("Ingediend")
    page.goto(hours_url)
    expect(ledger_row(page, place).locator(".badge")).to_have_text("Ingediend")

    # With a reason: rejected, and the reason is shown with the line.
    reason = "Geen les gepland op maandag; graag controleren."
    row = ledger_row(supervisor, place)
    row.get_by_label("Reden van afkeuren").fill(reason)
    row.get_by_role("button", name="Afkeuren").click()
    # Rejecting asks first and says what follows, with the reason; "Nee, terug" would change nothing.
    expect(supervisor.get_by_role("heading", level=1)).to_contain_text("afkeuren?")
    expect(supervisor.get_by_role("region", name="Wat er gebeurt")).to_contain_text(reason)
    supervisor.get_by_role("button", name="Ja, afkeuren").click()
    expect(flash(supervisor)).to_have_text("Vastgelegd.")
    expect(error_summary(supervisor)).to_have_count(0)
    row = ledger_row(supervisor, place)
    expect(row.locator(".badge")).to_have_text("Afgekeurd")
    expect(row).to_contain_text(reason)
    expect(row.get_by_role("button", name="Afkeuren")).to_have_count(0)

    # The coach sees the same on the participant's page.
    page.goto(hours_url)
    expect(ledger_row(page, place).locator(".badge")).to_have_text("Afgekeurd")
    expect(ledger_row(page, place)).to_contain_text(reason)


# --- 3. recording hours --------------------------------------------------------------


def test_coach_records_hours_and_is_stopped_at_overlaps_and_future_dates(page: Page) -> None:
    place = unique_place("Zaterdagdienst")
    hours_url = coach_hours_page(page)

    record_submitted_line(page, date=DEMO_SATURDAY, activity="Praktijk", hours="4", place=place, note="Extra dienst")
    row = ledger_row(page, place)
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(0)).to_have_text(dutch_date(DEMO_SATURDAY))
    expect(row.locator("td").nth(1)).to_have_text("Praktijk")
    expect(row.locator("td").nth(2)).to_have_text("4")
    expect(row.locator("td").nth(3)).to_have_text("Aanwezig")
    expect(row).to_contain_text("Extra dienst")

    # A future date is refused next to the date field; nothing is recorded.
    tomorrow = (dt.date.fromisoformat(today_iso()) + dt.timedelta(days=1)).isoformat()
    future_place = unique_place("Toekomst")
    submit_hours(page, date=tomorrow, activity="Praktijk", hours="4", place=future_place)
    expect(error_summary(page)).to_be_visible()
    expect(page.locator("#f-date-error")).to_have_text("Deze datum ligt in de toekomst.")
    expect(page.get_by_label("Datum")).to_have_attribute("aria-invalid", "true")
    expect(flash(page)).to_have_count(0)
    expect(ledger_row(page, future_place)).to_have_count(0)

    # The same activity at the same place on the same date again: refused next to the
    # activity field, and the ledger still holds the one line.
    page.goto(hours_url)
    submit_hours(page, date=DEMO_SATURDAY, activity="Praktijk", hours="2", place=place)
    expect(error_summary(page)).to_be_visible()
    activity_error = page.locator("#f-activity-error")
    expect(activity_error).to_contain_text("staan deze uren voor deze plek al geregistreerd.")
    expect(page.get_by_label("Activiteit")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Activiteit")).to_have_attribute("aria-describedby", "f-activity-error")
    expect(flash(page)).to_have_count(0)
    expect(ledger_row(page, place)).to_have_count(1)
    # The date in the message reads like every other date on the page.
    expect(activity_error).to_have_text(f"Op {dutch_date(DEMO_SATURDAY)} staan deze uren voor deze plek al geregistreerd.")


# --- 4. accessibility ----------------------------------------------------------------


def _open_hours_page(pg: Page, which: str) -> None:
    if which == "approvals":
        login(pg, SUPERVISOR, PASSWORD)
        open_approvals(pg)
        expect(ledger(pg)).to_be_visible()
    else:
        coach_hours_page(pg)
        expect(pg.get_by_role("button", name="Ter goedkeuring indienen")).to_be_visible()





@pytest.mark.parametrize("which", ["approvals", "hours"])
def test_hours_pages_are_accessible_and_fit_a_phone(new_page, which: str) -> None:
    pg = new_page()
    _open_hours_page(pg, which)
    violations = axe_check(pg)
    assert not violations, f"{pg.url}:\n{format_violations(violations)}"

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    _open_hours_page(phone, which)
    assert_fits_phone(phone)
