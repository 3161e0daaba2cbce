"""Reporting in the browser: the programme dashboard, the ESF+ report with its downloads,
who may see the BSN report, programme goals and the CSV import of candidates.

- The Leiden coordinator opens the dashboard of "Op je plek in de zorg": every chart is a
  figure with an SVG image and a table alternative behind "Tabel bij deze grafiek"; the
  funnel's table says 24 people started. axe and a phone screen for the dashboard.
- The ESF+ report 2024 of "ESF+ Sociale Inclusie Holland Rijnland": EECO01 is 8 women,
  7 men, 15 in all; the figure opens the list of the 8 women; the indicator table and the
  BSN report download as CSV (UTF-8 with BOM, ';' separated) with the same figures.
- The HR officer of a care employer sees the ESF+ report but not the BSN report (no link,
  and 403 when asked for directly).
- The Kansrijk coordinator sees the covenant goal "Alle starters na één jaar nog actief"
  reached: 100 % (15 van 15).
- The Kansrijk intake officer imports candidates from a CSV: the columns are matched on
  their header names, a row without a family name is refused before anything is stored,
  and a corrected file imports all rows.

Tables are read through their headers (row header and column headers), never by the
position of a value in the HTML.

Demo facts relied on (a fresh demo): the Leiden cohort "Instroom september 2024" has 24
starters (the dashboard is filtered on that cohort, so participants that other tests
start in later cohorts do not change the figure); the ESF+ stream reports 8 women and
7 men for EECO01 in 2024 and 16 people in its 2024 BSN report; Kansrijk's 15 starters of
October 2023 were all still active a year later. The import test adds three candidates
with a new family name to Kansrijk on every run.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import Download, Locator, Page, expect

from conftest import assert_fits_phone, axe_check, format_violations, login
from flows import COORDINATOR_LEIDEN, LEIDEN_PROGRAMME, PASSWORD, demo_day, error_summary, flash, unique_family_name, nav_link

HR_LEIDEN = "hr.leiden@opstap.demo"
COORDINATOR_KANSRIJK = "coordinator.kansrijk@opstap.demo"
INTAKE_KANSRIJK = "intake.kansrijk@opstap.demo"
KANSRIJK_PROGRAMME = "Kansrijk"
COHORT_2024 = "Instroom september 2024"
ESF_STREAM = "ESF+ Sociale Inclusie Holland Rijnland"
# The Leiden permit holders entered in September 2024 as written; the demo moves by whole weeks
# with the day it loads (flows.demo_day), which may in time carry them into the next year.
ESF_YEAR = demo_day(2024, 9, 2)[:4]
ESF_REPORT = f"ESF+-verslag {ESF_YEAR}"
RETENTION_GOAL = "Alle starters na één jaar nog actief"
PHONE = {"width": 375, "height": 740}
UTF8_BOM = b"\xef\xbb\xbf"
IMPORT_HEADER = "Voornaam;Achternaam;Geboortedatum;Geslacht"


# --- helpers -------------------------------------------------------------------------


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def open_programme(page: Page, name: str) -> None:
    """Programma's (main menu) -> the programme."""
    nav_link(page, "Programma's").click()
    expect(heading(page)).to_have_text("Programma's")
    page.get_by_role("link", name=name, exact=True).click()
    expect(heading(page)).to_contain_text(name)
    assert re.search(r"/programmes/[0-9A-Fa-f-]{36}$", page.url), page.url


def open_dashboard(page: Page) -> None:
    """The Leiden programme -> Dashboard, filtered on the cohort of September 2024."""
    open_programme(page, LEIDEN_PROGRAMME)
    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(heading(page)).to_have_text(f"Dashboard {LEIDEN_PROGRAMME}")
    page.get_by_label("Groep", exact=True).select_option(label=COHORT_2024)
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page.get_by_label("Groep", exact=True).locator("option:checked")).to_have_text(COHORT_2024)
    expect(heading(page)).to_have_text(f"Dashboard {LEIDEN_PROGRAMME}")


def open_esf_report(page: Page) -> None:
    """The Leiden programme -> Financieringsstromen -> the ESF+ stream -> its report of ESF_YEAR."""
    open_programme(page, LEIDEN_PROGRAMME)
    page.get_by_role("link", name="Financieringsstromen", exact=True).click()
    page.get_by_role("link", name=ESF_STREAM, exact=True).click()
    expect(heading(page)).to_have_text(ESF_STREAM)
    page.get_by_role("link", name=ESF_REPORT, exact=True).click()
    expect(heading(page)).to_have_text(f"ESF+-verslag {ESF_STREAM} · {ESF_YEAR}")
    assert re.search(r"/funding/[0-9A-Fa-f-]{36}/esf\?year=" + ESF_YEAR + "$", page.url), page.url


# Lays the header rows of a table out on a grid (colspan taken into account) and returns
# the columns whose headers, read top to bottom, end with the wanted texts.
COLUMNS_JS = """
(table, wanted) => {
    const rows = Array.from(table.tHead.rows).map(row => {
        const texts = [];
        for (const cell of row.cells) {
            for (let i = 0; i < (cell.colSpan || 1); i++) texts.push(cell.textContent.trim());
        }
        return texts;
    });
    const width = Math.max(0, ...rows.map(r => r.length));
    const found = [];
    for (let col = 0; col < width; col++) {
        const stack = rows.map(r => r[col] || '').filter(t => t !== '');
        const tail = stack.slice(stack.length - wanted.length);
        if (tail.length === wanted.length && wanted.every((w, i) => tail[i] === w)) found.push(col);
    }
    return found;
}
"""


def column_index(table: Locator, *headers: str) -> int:
    """The position of the one column under these headers (outer header first)."""
    found = table.evaluate(COLUMNS_JS, list(headers))
    assert len(found) == 1, f"expected one column under {headers}, found {found}"
    return found[0]


def row_with_header(table: Locator, name: str | re.Pattern) -> Locator:
    """The body row whose row header (th scope=row) has this accessible name."""
    row = table.get_by_role("row").filter(has=table.page.get_by_role("rowheader", name=name, exact=isinstance(name, str)))
    expect(row).to_have_count(1)
    return row


def cell(row: Locator, table: Locator, *headers: str) -> Locator:
    """The cell of a row under the given column headers."""
    return row.locator(":scope > th, :scope > td").nth(column_index(table, *headers))


def read_csv(download: Download) -> list[list[str]]:
    """A downloaded CSV as rows; it must be UTF-8 with a BOM and ';' separated."""
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(UTF8_BOM), f"{download.suggested_filename} has no UTF-8 BOM: {raw[:20]!r}"
    text = raw.decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") if row]


def download(page: Page, link: Locator) -> Download:
    with page.expect_download() as info:
        link.click()
    result = info.value
    assert result.failure() is None, result.failure()
    assert result.suggested_filename.endswith(".csv"), result.suggested_filename
    return result


def upload_import(page: Page, file_name: str, content: str) -> None:
    """From the "Kandidaten importeren" page: choose the stream, upload the file."""
    expect(heading(page)).to_have_text(f"Kandidaten importeren · {KANSRIJK_PROGRAMME}")
    page.get_by_label("Stroom").select_option(label="Statushouders")
    page.get_by_label("CSV-bestand").set_input_files(
        files=[{"name": file_name, "mimeType": "text/csv", "buffer": content.encode("utf-8")}]
    )
    page.get_by_role("button", name="Bestand laden").click()
    expect(heading(page)).to_have_text(f"Import van {file_name}")


def expect_mapping_from_header(page: Page) -> None:
    """Each field is matched to the column of the same (Dutch) name."""
    for label, column in [("Voornaam", "Voornaam"), ("Achternaam", "Achternaam"),
                          ("Geboortedatum", "Geboortedatum"), ("Gender", "Geslacht")]:
        select = page.get_by_label(re.compile(rf"^{label}( \*)?$"))
        expect(select.locator("option:checked")).to_have_text(re.compile(rf"^{column} \(bijv\. "))
    for label in ["BSN", "Telefoon", "E-mail", "Postcode", "Woonplaats", "Aangemeld op"]:
        expect(page.get_by_label(label, exact=True)).to_have_value("")


def open_import_form(page: Page) -> None:
    open_programme(page, KANSRIJK_PROGRAMME)
    page.get_by_role("link", name="Kandidaten importeren (CSV)", exact=True).click()


# --- dashboard ---------------------------------------------------------------------


def test_dashboard_shows_charts_with_a_table_alternative(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    open_dashboard(page)

    # Every chart is a figure with an SVG image that has a name and a table behind it.
    charts = page.locator("main figure.chart")
    assert charts.count() >= 2, f"expected charts on {page.url}, found {charts.count()}"
    for index in range(charts.count()):
        chart = charts.nth(index)
        image = chart.locator("svg[role=img]")
        expect(image).to_have_count(1)
        expect(image).to_have_accessible_name(re.compile(r"\S"))
        expect(chart.locator("details.chart-table > summary")).to_have_text("Tabel bij deze grafiek")

    # The first chart: from referral to a job. Its table opens from the summary.
    funnel = charts.first
    expect(funnel.locator("svg[role=img]")).to_have_accessible_name(re.compile(r"^Van aanmelding tot baan"))
    details = funnel.locator("details.chart-table")
    expect(details).to_have_js_property("open", False)
    table = funnel.get_by_role("table", name="Van aanmelding tot baan")
    expect(table).to_be_hidden()
    details.locator("summary").click()
    expect(details).to_have_js_property("open", True)
    expect(table).to_be_visible()

    started = row_with_header(table, "Gestart")
    expect(cell(started, table, "Mensen")).to_have_text("24")


def test_dashboard_is_accessible_and_fits_a_phone(new_page) -> None:
    pg = new_page()
    login(pg, COORDINATOR_LEIDEN, PASSWORD)
    open_dashboard(pg)
    # Open the tables too, so axe looks at them as well.
    summaries = pg.locator("main details.chart-table > summary")
    for index in range(summaries.count()):
        summaries.nth(index).click()
    violations = axe_check(pg)
    assert not violations, f"{pg.url}:\n{format_violations(violations)}"

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    login(phone, COORDINATOR_LEIDEN, PASSWORD)
    phone.goto(pg.url)
    expect(heading(phone)).to_have_text(f"Dashboard {LEIDEN_PROGRAMME}")
    assert_fits_phone(phone)
    summaries = phone.locator("main details.chart-table > summary")
    for index in range(summaries.count()):
        summaries.nth(index).click()
    assert_fits_phone(phone)


# --- ESF+ report ---------------------------------------------------------------------


def test_esf_report_figures_open_their_people_and_download_as_csv(page: Page) -> None:
    login(page, COORDINATOR_LEIDEN, PASSWORD)
    open_esf_report(page)
    report_url = page.url

    table = page.locator("#esf-indicators")
    expect(table).to_be_visible()
    eeco01 = row_with_header(table, re.compile(r"^EECO01\b"))
    expect(cell(eeco01, table, f"{ESF_YEAR}", "Vrouwen")).to_have_text("8")
    expect(cell(eeco01, table, f"{ESF_YEAR}", "Mannen")).to_have_text("7")
    expect(cell(eeco01, table, f"{ESF_YEAR}", "Totaal")).to_have_text("15")

    # The figure for women opens the people behind it.
    cell(eeco01, table, f"{ESF_YEAR}", "Vrouwen").get_by_role("link").click()
    expect(heading(page)).to_have_text(f"EECO01 Deelnemers totaal · {ESF_YEAR} · Vrouw")
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("8 in totaal")
    people = page.locator("main table")
    expect(people.locator("tbody tr")).to_have_count(8)
    gender = column_index(people, "Gender")
    genders = people.locator("tbody tr").evaluate_all(
        "(rows, col) => rows.map(r => r.cells[col].textContent.trim())", gender
    )
    assert genders == ["Vrouw"] * 8, genders

    # Back on the report: the indicator table as CSV has the same figures.
    page.go_back()
    expect(heading(page)).to_have_text(f"ESF+-verslag {ESF_STREAM} · {ESF_YEAR}")
    assert page.url == report_url, page.url
    rows = read_csv(download(page, page.get_by_role("link", name="Indicatorentabel (CSV)", exact=True)))
    header, body = rows[0], rows[1:]
    assert header[0] == "Code", header
    year_columns = [i for i, name in enumerate(header) if name.startswith(f"{ESF_YEAR} ·")]
    assert [header[i] for i in year_columns] == [
        f"{ESF_YEAR} · Vrouwen", f"{ESF_YEAR} · Mannen", f"{ESF_YEAR} · Non-binair", f"{ESF_YEAR} · Totaal"
    ], header
    by_code = {row[0]: row for row in body}
    assert "EECO01" in by_code, list(by_code)
    assert [by_code["EECO01"][i] for i in year_columns] == ["8", "7", "0", "15"], by_code["EECO01"]

    # The BSN report, on screen and as CSV: 16 people.
    page.get_by_role("link", name="BSN-rapportage", exact=True).click()
    expect(heading(page)).to_have_text(f"BSN-rapportage {ESF_YEAR}")
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("16 in totaal")
    bsn_table = page.get_by_role("table", name=f"BSN-rapportage {ESF_YEAR}")
    bsn_column = column_index(bsn_table, "BSN")
    on_screen = bsn_table.locator("tbody tr").evaluate_all(
        "(rows, col) => rows.map(r => r.cells[col].textContent.trim())", bsn_column
    )
    rows = read_csv(download(page, page.get_by_role("link", name="Download als CSV", exact=True)))
    header, body = rows[0], rows[1:]
    assert header[0] == "BSN", header
    assert len(body) == 16, f"{len(body)} data rows in the BSN report: {body}"
    assert all(re.fullmatch(r"\d{9}", row[0]) for row in body), body
    assert sorted(row[0] for row in body) == sorted(on_screen), (body, on_screen)


def test_employer_hr_sees_the_esf_report_but_not_the_bsn_report(page: Page) -> None:
    login(page, HR_LEIDEN, PASSWORD)
    open_esf_report(page)
    expect(page.locator("#esf-indicators")).to_be_visible()
    expect(page.get_by_role("link", name="Indicatorentabel (CSV)", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="BSN-rapportage")).to_have_count(0)

    bsn_path = re.sub(r"^https?://[^/]+", "", page.url).replace(f"/esf?year={ESF_YEAR}", f"/esf/bsn?year={ESF_YEAR}")
    response = page.goto(bsn_path)
    assert response is not None and response.status == 403, (bsn_path, response and response.status)
    csv_response = page.request.get(bsn_path + "&format=csv")
    assert csv_response.status == 403, (bsn_path, csv_response.status)


# --- goals ---------------------------------------------------------------------------


def test_kansrijk_retention_goal_is_reached(page: Page) -> None:
    login(page, COORDINATOR_KANSRIJK, PASSWORD)
    open_programme(page, KANSRIJK_PROGRAMME)
    page.get_by_role("link", name="Programma- en convenantdoelen", exact=True).click()
    expect(heading(page)).to_have_text(f"Doelen · {KANSRIJK_PROGRAMME}")

    table = page.get_by_role("table", name="Programma- en convenantdoelen")
    goal = table.locator("tbody tr").filter(has=page.locator("strong", has_text=re.compile(rf"^{RETENTION_GOAL}$")))
    expect(goal).to_have_count(1)
    expect(cell(goal, table, "Nu")).to_have_text("100 % (15 van 15)")
    expect(cell(goal, table, "Stand")).to_have_text("Gehaald")


# --- CSV import ----------------------------------------------------------------------


def test_intake_imports_candidates_from_a_csv_after_fixing_an_error(page: Page) -> None:
    login(page, INTAKE_KANSRIJK, PASSWORD)

    # A file with an empty family name on line 3 (the header is line 1).
    broken_name = unique_family_name("Import")
    broken = "\n".join([
        IMPORT_HEADER,
        f"Amina;{broken_name};1990-01-02;v",
        "Bilal;;1991-02-03;m",
        f"Cara;{broken_name};1992-03-04;v",
    ]) + "\n"
    open_import_form(page)
    upload_import(page, "kandidaten-fout.csv", broken)
    expect_mapping_from_header(page)
    page.get_by_role("button", name="Voorbeeld tonen").click()

    summary = error_summary(page)
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("Regels met fouten: 1")
    expect(summary.get_by_role("listitem")).to_have_text(["Regel 3: Achternaam: Vul dit in."])
    expect(page.get_by_role("button", name="Importeren", exact=True)).to_have_count(0)

    # The corrected file imports all three.
    family_name = unique_family_name("Import")
    fixed = "\n".join([
        IMPORT_HEADER,
        f"Amina;{family_name};1990-01-02;v",
        f"Bilal;{family_name};1991-02-03;m",
        f"Cara;{family_name};1992-03-04;v",
    ]) + "\n"
    open_import_form(page)
    upload_import(page, "kandidaten.csv", fixed)
    expect_mapping_from_header(page)
    page.get_by_role("button", name="Voorbeeld tonen").click()
    expect(error_summary(page)).to_have_count(0)
    expect(page.get_by_text("Klaar om 3 kandidaten te importeren.")).to_be_visible()
    page.get_by_role("button", name="Importeren", exact=True).click()

    # The progress page polls (static/progress.js) and reloads when the import is done.
    expect(flash(page)).to_contain_text("Klaar:", timeout=30_000)
    expect(flash(page)).to_contain_text("3 kandidaten geïmporteerd, 0 regels overgeslagen")

    page.get_by_role("main").get_by_role("link", name="Kandidaten", exact=True).click()
    expect(heading(page)).to_have_text("Kandidaten")
    page.get_by_label("Zoek op naam of BSN").fill(family_name)
    page.locator("main").get_by_role("button", name="Zoeken").click()
    table = page.get_by_role("table", name="Kandidaten")
    for given_name in ["Amina", "Bilal", "Cara"]:
        expect(table.get_by_role("link", name=f"{given_name} {family_name}", exact=True)).to_be_visible()

    # Nothing of the refused file was stored.
    page.get_by_label("Zoek op naam of BSN").fill(broken_name)
    page.locator("main").get_by_role("button", name="Zoeken").click()
    expect(page.get_by_label("Zoek op naam of BSN")).to_have_value(broken_name)
    expect(page.get_by_role("main").get_by_role("link", name=re.compile(re.escape(broken_name)))).to_have_count(0)
