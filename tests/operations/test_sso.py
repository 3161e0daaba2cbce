"""Single sign-on against a real OpenID Connect provider (issue 12 item 2, ADR 0011).

`oidc-provider-mock` runs in a thread as the organisation's provider. A real `opstap serve`
(SQLite, demo data) gets the provider configured through the API by Gemeente Leiden's
administrator; then a browser-less client (`requests`) presses *Via uw organisatie* with the
coordinator's address, follows the redirect to the provider's authorize form, chooses the
subject there (the mock lets the test pick it and its claims), and is sent back through
/login/oidc/callback until it lands signed in on /. A subject whose e-mail has no account in
the organisation is refused, with the reason in the security log.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import oidc_provider_mock
import pytest
import requests

from servers import Server, base_env, json_request, new_folder

COORDINATOR = "coordinator.leiden@opstap.demo"
ADMIN = "admin.leiden@opstap.demo"


@pytest.fixture(scope="module")
def provider():
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def opstap():
    server = Server(new_folder("opstap-sso-"), base_env(OPSTAP_DEMO_DATA="true")).start()
    try:
        server.wait_healthy()
        yield server
    finally:
        server.terminate()
        server.wait(timeout=60)


def _csrf(html: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)


def _configure(opstap: Server, issuer: str) -> None:
    token = opstap.token(ADMIN)
    me = json_request(opstap.base_url, "GET", "/api/v1/users?pageSize=100", token=token)
    admin = next(user for user in me["items"] if user["email"] == ADMIN)
    organisation = admin["organisationId"]
    settings = json_request(opstap.base_url, "PUT", f"/api/v1/organisations/{organisation}/sso", token=token, body={
        "issuer": issuer, "clientId": "opstap-operations-test", "clientSecret": "operations-secret",
        "trustProviderMfa": True})
    assert settings["clientSecretSet"] is True and "clientSecret" not in settings
    assert settings["redirectUri"] == opstap.base_url + "/login/oidc/callback"


def _sign_in_through_provider(opstap: Server, provider: str, email: str, sub: str) -> requests.Response:
    browser = requests.Session()
    login = browser.get(opstap.base_url + "/login")
    assert login.status_code == 200
    # The single sign-on button posts the one e-mail field to /login/oidc; requests follows the
    # 303 to the provider's authorize endpoint, which shows its form.
    form = browser.post(opstap.base_url + "/login/oidc", data={"_csrf": _csrf(login.text), "email": email})
    assert form.status_code == 200 and form.url.startswith(provider + "/oauth2/authorize?"), form.text[:500]
    assert "code_challenge_method=S256" in form.url and "nonce=" in form.url and "state=" in form.url
    # Choosing the subject on the provider's form sends the browser back to Opstap's callback.
    return browser.post(form.url, data={"sub": sub, "action": "authorize"})


def test_a_coordinator_signs_in_through_the_organisations_provider(provider, opstap):
    _configure(opstap, provider)
    claims = {"email": COORDINATOR, "email_verified": True, "name": "Coördinator Leiden"}
    assert requests.put(f"{provider}/users/{quote('leiden-coordinator')}", json=claims).status_code == 204

    done = _sign_in_through_provider(opstap, provider, COORDINATOR, "leiden-coordinator")
    assert done.status_code == 200, done.text[:1000]
    assert done.url == opstap.base_url + "/", [r.url for r in done.history]
    assert [r.status_code for r in done.history][-2:] == [302, 303]
    assert "/login/oidc/callback?" in done.history[-1].url
    # Signed in: a page behind the sign-in answers with the coordinator's own name on it.
    assert "Uitloggen" in done.text or "logout" in done.text


def test_a_subject_without_an_account_in_the_organisation_is_refused(provider, opstap):
    _configure(opstap, provider)
    claims = {"email": "stranger@leiden.example", "email_verified": True}
    assert requests.put(f"{provider}/users/{quote('stranger')}", json=claims).status_code == 204

    # The stranger's provider session names an address without an account; the login page's
    # address is the coordinator's, but the ID token decides.
    refused = _sign_in_through_provider(opstap, provider, COORDINATOR, "stranger")
    assert refused.status_code == 401, refused.text[:1000]
    assert "Aanmelden via uw organisatie is niet gelukt." in refused.text
    assert "Er is in uw organisatie geen account met dit e-mailadres." in refused.text
    assert "Traceback" not in refused.text and "Abort" not in refused.text
