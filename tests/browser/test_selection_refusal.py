"""Selecting a candidate is refused while criteria are still unscored: the reason is
shown in Dutch and the candidate stays where they were."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from conftest import login
from flows import (
    COORDINATOR_LEIDEN,
    LEIDEN_CRITERIA,
    PASSWORD,
    bring_to_selection,
    decision_form,
    error_summary,
    record_decision,
    score_criterion,
    stage_badge,
    timeline_entries,
    unique_family_name,
)

REFUSAL_START = "Selecteren kan pas als elk criterium is beoordeeld. Nog open:"


def _candidate_with_one_score(page: Page) -> str:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    url = bring_to_selection(page, "Rania", unique_family_name("Weigering"))
    score_criterion(page, "Motivatie", 4)
    return url


def test_selecting_before_every_criterion_is_scored_is_refused_in_dutch(page: Page) -> None:
    url = _candidate_with_one_score(page)
    history_before = timeline_entries(page, "Geschiedenis")

    record_decision(page, "Geselecteerd", "Lijkt geschikt.")

    alert = error_summary(page)
    expect(alert).to_be_visible()
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text(REFUSAL_START)
    expect(page.locator("main .flash")).to_have_count(0)

    # Nothing changed: same stage, no decision, same history, the one score kept.
    page.goto(url)
    expect(stage_badge(page)).to_have_text("In selectie")
    expect(page.locator("main dl.facts").first).not_to_contain_text("Reden van het besluit")
    assert timeline_entries(page, "Geschiedenis") == history_before
    expect(decision_form(page).get_by_role("button", name="Besluit vastleggen")).to_be_visible()
    scored = page.locator("section.criterion").filter(has=page.get_by_role("heading", name="Motivatie", exact=True))
    expect(scored.get_by_role("combobox")).to_have_value("4")


def test_selection_refusal_names_the_open_criteria_as_the_page_shows_them(page: Page) -> None:
    """The refusal lists what is still open in words the user sees on the page
    ("Taalniveau Nederlands"), not internal codes ("taalniveau")."""
    _candidate_with_one_score(page)

    record_decision(page, "Geselecteerd", "Lijkt geschikt.")

    alert = error_summary(page)
    expect(alert).to_contain_text(REFUSAL_START)
    open_part = alert.inner_text().split("Nog open:", 1)[1]
    for criterion in LEIDEN_CRITERIA:
        if criterion == "Motivatie":
            continue
        assert criterion in open_part, f"{criterion!r} not named in the refusal: {alert.inner_text()!r}"
    assert "Motivatie" not in open_part, alert.inner_text()
