"""Running the partnership: the administrator of a programme-owning organisation registers a
partner organisation and invites its first administrator; the invitee accepts the link in a
browser of their own, is signed in, and adds a location of their organisation. The link works
only once."""

from __future__ import annotations

import secrets

from playwright.sync_api import expect

from conftest import axe_check, complete_mfa, format_violations, login
from flows import PASSWORD

ADMIN_LEIDEN = "admin.leiden@opstap.demo"
NEW_PASSWORD = "een-lang-genoeg-wachtwoord"


def test_a_partner_is_registered_invited_and_runs_its_own_administration(new_page) -> None:
    suffix = secrets.token_hex(4)
    organisation = f"Schoonmaakbedrijf {suffix}"
    email = f"beheer-{suffix}@schoon.example"

    admin = new_page()
    login(admin, ADMIN_LEIDEN, PASSWORD)
    admin.goto("/admin")
    form = admin.locator("form[action='/admin/organisations']")
    form.get_by_label("Naam van de organisatie").fill(organisation)
    form.get_by_label("Soort").select_option(label="Werkgever buiten de zorg")
    form.get_by_label("Plaats").fill("Leiden")
    form.get_by_role("button", name="Organisatie aanmaken").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(organisation)

    invite = admin.locator("form[action$='/invitations']")
    invite.get_by_label("E-mailadres").fill(email)
    expect(invite.get_by_label("Beheerder", exact=True)).to_be_checked()
    invite.get_by_role("button", name="Uitnodiging maken").click()
    violations = axe_check(admin)
    assert not violations, format_violations(violations)
    link = admin.get_by_label("Uitnodigingslink").input_value()
    assert "/invite/" in link, link
    path = link[link.index("/invite/"):]

    invitee = new_page()
    invitee.goto(path)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Uitnodiging aannemen")
    expect(invitee.locator("main")).to_contain_text(organisation)
    violations = axe_check(invitee)
    assert not violations, format_violations(violations)
    invitee.get_by_label("Uw naam").fill("Beheer Schoon")
    invitee.get_by_label("Kies een wachtwoord").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Account aanmaken").click()
    # Signed in as the new administrator, who must first set up two-step verification (ADR 0009).
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    expect(invitee.locator("header")).to_contain_text("Beheer Schoon")
    complete_mfa(invitee, email)

    invitee.goto("/admin")
    expect(invitee.locator("main")).to_contain_text(f"Medewerkers van {organisation}")
    location = invitee.locator("form[action='/admin/locations']")
    location.get_by_label("Naam").fill("Werkplaats Noord")
    location.get_by_label("Soort locatie").select_option(label="Kantoor")
    location.get_by_label("Adres").fill("Stationsweg 1")
    location.get_by_label("Postcode").fill("2312 AV")
    location.get_by_label("Plaats").fill("Leiden")
    location.get_by_role("button", name="Locatie toevoegen").click()
    expect(invitee.locator("#locations + .table-wrap table")).to_contain_text("Werkplaats Noord")
    expect(invitee.locator("#locations + .table-wrap table")).to_contain_text("Kantoor")

    # The link works once.
    again = new_page()
    response = again.goto(path)
    assert response is not None and response.status == 404
    expect(again.locator("main")).to_contain_text("Deze uitnodiging bestaat niet of is al gebruikt.")
