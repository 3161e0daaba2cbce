"""The participant's own Opstap (issue 11) on a phone: a participant signs in at 360 px,
records and sends in a day of this week in Arabic (right to left) and in Tigrinya; their
work supervisor approves the week from a phone; the participant sees it approved. Every
participant page passes axe and fits a 320 px screen in each of the seven languages.

Demo facts relied on: deelnemer.leiden@opstap.demo is supervised by
werkbegeleider.leiden@opstap.demo, deelnemer.kansrijk@opstap.demo by
werkbegeleider.kansrijk@opstap.demo; the demo's hours end in November 2026, so nobody of
their interns has a line in the current week before these tests add one.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from conftest import assert_fits_phone, axe_check, format_violations, login
from flows import PASSWORD, flash, unique_family_name

PHONE = {"width": 360, "height": 740}
NARROW = {"width": 320, "height": 640}
LANGUAGES = ["nl", "en", "ar", "ti", "prs", "uk", "tr"]
RIGHT_TO_LEFT = {"ar", "prs"}
PAGES = ["/mijn", "/mijn/uren", "/mijn/route", "/mijn/team", "/mijn/inzage"]


def this_monday() -> str:
    today = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    return (today - dt.timedelta(days=today.weekday())).isoformat()


def choose_language(page: Page, code: str, back: str) -> None:
    """Through the language menu of the page, as a participant would."""
    page.locator("details.lang summary").click()
    page.locator(f'details.lang a[hreflang="{code}"]').click()
    page.wait_for_load_state("load")
    assert back in page.url, page.url
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if code in RIGHT_TO_LEFT else "ltr")


@pytest.mark.parametrize(
    "language, participant, supervisor",
    [
        ("ar", "deelnemer.leiden@opstap.demo", "werkbegeleider.leiden@opstap.demo"),
        ("ti", "deelnemer.kansrijk@opstap.demo", "werkbegeleider.kansrijk@opstap.demo"),
    ],
)
def test_a_participant_sends_in_their_week_on_a_phone_and_the_supervisor_approves_it(
    new_page, language: str, participant: str, supervisor: str
) -> None:
    me = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    me.goto("/login")
    choose_language(me, language, "/login")
    login(me, participant, PASSWORD)
    assert me.url.endswith("/mijn"), me.url
    expect(me.locator("html")).to_have_attribute("lang", language)
    assert_fits_phone(me)
    # The week page greets the participant by their given name (the text around it is translated).
    me.goto("/taal/nl?terug=/mijn")
    given_name = re.search(r"Hallo (.+)", me.locator("main p").first.inner_text()).group(1).strip()
    choose_language(me, language, "/mijn")

    # One day of this week, recorded on the hours page and sent in.
    me.locator("nav.tabs a").nth(1).click()
    place = unique_family_name("Proefdag")
    form = me.locator('form[action="/mijn/uren"]')
    form.locator('select[name="activity"]').select_option("practice")
    form.locator('input[name="hours"]').fill("1.5")
    form.locator('select[name="attendance"]').select_option("present")
    form.locator('input[name="place"]').fill(place)
    form.locator('button[type="submit"]').click()
    expect(flash(me)).to_be_visible()
    line = me.locator("article.card").filter(has_text=place)
    expect(line.locator(".status.draft")).to_have_count(1)
    me.locator('form[action="/mijn/uren/week"] button').click()
    expect(flash(me)).to_be_visible()
    expect(me.locator("article.card").filter(has_text=place).locator(".status.submitted")).to_have_count(1)
    assert_fits_phone(me)

    # The supervisor approves that intern's week on their phone, from the intern's card.
    boss = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    login(boss, supervisor, PASSWORD)
    boss.goto(f"/hours/approvals?week={this_monday()}")
    card = (
        boss.locator("ul.cards > li")
        .filter(has=boss.locator("h3", has_text=given_name))
        .filter(has=boss.get_by_role("button", name=re.compile(r"^Week goedkeuren van ")))
    )
    expect(card).to_have_count(1)
    expect(card).to_contain_text("ingediend")
    card.get_by_role("button", name=re.compile(r"^Week goedkeuren van ")).click()
    expect(flash(boss)).to_contain_text("1 regels van")
    assert_fits_phone(boss)

    # The participant sees it approved.
    me.goto("/mijn/uren")
    expect(me.locator("article.card").filter(has_text=place).locator(".status.approved")).to_have_count(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_participant_page_is_accessible_and_fits_a_narrow_phone(new_page, language: str) -> None:
    page = new_page(viewport=NARROW, is_mobile=True, has_touch=True)
    page.goto("/login")
    choose_language(page, language, "/login")
    for path in ["/login", "/activeren"]:
        page.goto(path)
        violations = axe_check(page)
        assert not violations, f"{path} in {language}:\n{format_violations(violations)}"
        assert_fits_phone(page)
    login(page, "deelnemer.kansrijk@opstap.demo", PASSWORD)
    for path in PAGES:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        violations = axe_check(page)
        assert not violations, f"{path} in {language}:\n{format_violations(violations)}"
        assert_fits_phone(page)
        # Touch targets: the tabs and buttons are at least 44 px high.
        for box in page.locator("nav.tabs a, main button").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().height)"
        ):
            assert box >= 44, f"{path} in {language}: a touch target of {box}px"
