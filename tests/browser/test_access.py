"""Staff of one programme cannot reach the people of another: a Kansrijk (Amarant) work
supervisor gets "Niet gevonden" for a Leiden participant and no Leiden candidates."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import login
from flows import COORDINATOR_LEIDEN, LEIDEN_PROGRAMME, PASSWORD, links_in_table, register_candidate, unique_family_name

SUPERVISOR_KANSRIJK = "werkbegeleider.kansrijk@opstap.demo"


def _rows(page) -> list[dict[str, str]]:
    """The rows of the main table as {column header: cell text}."""
    return page.locator("main table").first.evaluate(
        """table => {
            const headers = Array.from(table.tHead.rows[0].cells).map(c => c.textContent.trim());
            return Array.from(table.tBodies[0].rows).map(r =>
                Object.fromEntries(Array.from(r.cells).map((c, i) => [headers[i], c.textContent.trim()])));
        }"""
    )


def test_kansrijk_work_supervisor_gets_not_found_for_a_leiden_participant(new_page) -> None:
    leiden = new_page()
    login(leiden, COORDINATOR_LEIDEN, PASSWORD)
    leiden.goto("/participants")
    name, href = links_in_table(leiden)[0]
    assert re.fullmatch(r"/participants/[0-9A-Fa-f-]{36}", href), href
    leiden.goto(href)
    expect(leiden.get_by_role("heading", level=1)).to_have_text(name)

    supervisor = new_page()
    login(supervisor, SUPERVISOR_KANSRIJK, PASSWORD)
    response = supervisor.goto(href)
    assert response is not None and response.status == 404
    expect(supervisor.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    expect(supervisor.locator("main")).to_contain_text("Deze pagina bestaat niet of is niet voor u zichtbaar.")
    expect(supervisor.locator("main")).not_to_contain_text(LEIDEN_PROGRAMME)


def test_kansrijk_work_supervisor_sees_no_leiden_candidates(new_page) -> None:
    # A Leiden candidate with a name nobody else has, registered just now.
    leiden = new_page()
    login(leiden, COORDINATOR_LEIDEN, PASSWORD)
    family_name = unique_family_name("Toegang")
    register_candidate(leiden, "Samir", family_name)

    supervisor = new_page()
    login(supervisor, SUPERVISOR_KANSRIJK, PASSWORD)
    seen: list[dict[str, str]] = []
    url: str | None = "/candidates"
    while url:  # every page of the list
        response = supervisor.goto(url)
        assert response is not None and response.status == 200
        expect(supervisor.get_by_role("heading", level=1)).to_have_text("Kandidaten")
        if supervisor.locator("main table").count():
            seen += _rows(supervisor)
        expect(supervisor.locator("main")).not_to_contain_text(family_name)
        expect(supervisor.locator("main")).not_to_contain_text(LEIDEN_PROGRAMME)
        following = supervisor.locator("main a[rel=next]")
        url = following.get_attribute("href") if following.count() else None

    assert all(row["Programma"] == "Kansrijk" for row in seen), seen
    assert not [row for row in seen if family_name in row["Naam"]], seen
