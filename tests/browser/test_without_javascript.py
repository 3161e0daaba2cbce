"""Opstap needs no JavaScript: plain forms and links do everything."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import login
from flows import COORDINATOR_LEIDEN, PASSWORD, nav_link


def test_login_and_candidate_list_work_without_javascript(new_page) -> None:
    page = new_page(java_script_enabled=False)
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Start")

    nav_link(page, "Kandidaten").click()
    expect(page).to_have_url(re.compile(r"/candidates$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaten")
    table = page.get_by_role("table", name="Kandidaten")
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() > 0
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("Pagina 1 van")
