"""Signing in to the operator console with the standard library: creating users with
`phare user create`, following their set-password link, and keeping the cookies."""

import html
import re
import urllib.parse

PASSWORD = "a long password for tests"


def cookies_of(response):
    """{name: value} of the console's Set-Cookie headers (joined by the harness)."""
    found = {}
    for name, value in re.findall(r"(phare_console(?:_form)?)=([^;,]*)",
                                  response.headers.get("set-cookie", "")):
        found[name] = value
    return found


def hidden(body, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), body)
    return html.unescape(m.group(1)) if m else None


def form(fields):
    return urllib.parse.urlencode(fields)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def create_user(server, email, role, password=PASSWORD):
    """Creates the user through the CLI and sets their password through the link."""
    link = server.cli("user", "create", "--email", email, "--role", role).stdout.strip()
    path = urllib.parse.urlsplit(link.splitlines()[-1]).path
    page = server.get(path)
    assert page.status == 200, page.status
    token = cookies_of(page)["phare_console_form"]
    done = server.request("POST", path, form({"csrf": hidden(page.text(), "csrf"),
                                              "password": password, "confirm": password}),
                          headers={**FORM, "Cookie": f"phare_console_form={token}"})
    assert done.status == 200, (done.status, done.text())
    return path


class Browser:
    """One signed-in client: its session cookie and the CSRF token of its pages."""

    def __init__(self, server):
        self.server = server
        self.cookie = None
        self.csrf = None

    def sign_in(self, email, password=PASSWORD):
        page = self.server.get("/admin/login")
        token = cookies_of(page)["phare_console_form"]
        r = self.server.request("POST", "/admin/login",
                                form({"csrf": hidden(page.text(), "csrf"), "email": email,
                                      "password": password, "next": "/admin"}),
                                headers={**FORM, "Cookie": f"phare_console_form={token}"})
        if r.status == 303:
            self.cookie = cookies_of(r)["phare_console"]
            self.csrf = hidden(self.get("/admin").text(), "csrf")
        return r

    def headers(self, extra=None):
        h = {"Cookie": f"phare_console={self.cookie}"} if self.cookie else {}
        h.update(extra or {})
        return h

    def get(self, path, headers=None):
        return self.server.get(path, headers=self.headers(headers))

    def post(self, path, fields, with_csrf=True):
        fields = dict(fields)
        if with_csrf:
            fields["csrf"] = self.csrf
        return self.server.request("POST", path, form(fields), headers=self.headers(FORM))
