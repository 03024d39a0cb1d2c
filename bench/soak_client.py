"""The soak's clients: a browser-like HTTP client (keep-alive, cookies, every request recorded
with its start, end and status), the admin's forms read from their HTML, and the editor that
creates and updates organisations through the admin in a loop, remembering every write the site
acknowledged."""

import re
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.client import HTTPConnection, RemoteDisconnected
from urllib.parse import quote, urlencode, urlsplit


@dataclass
class Record:
    started: float  # time.monotonic()
    ended: float
    status: int  # 0: no answer (connection refused, reset, timeout)
    role: str
    path: str = ""


class Recorder:
    """Every request of every client, appended from many threads."""

    def __init__(self):
        self.records: list[Record] = []
        self._lock = threading.Lock()

    def add(self, record: Record) -> None:
        with self._lock:
            self.records.append(record)


def page_name(path: str) -> str:
    """The path, with an admin page's query and record ids left out (one name per admin page)."""
    return re.sub(r"/\d+/", "/<id>/", path.split("?")[0]) if path.startswith("/admin/") else path


class Client:
    """One reader or editor: its cookies, one keep-alive connection per server, no redirects
    followed. ``request`` never raises on a failed connection: it records status 0."""

    def __init__(self, ports: list[int], role: str, recorder: Recorder, timeout: float = 30):
        self.ports, self.role, self.recorder, self.timeout = ports, role, recorder, timeout
        self.cookies: dict[str, str] = {}
        self._connections: dict[int, HTTPConnection] = {}

    def _connection(self, port: int) -> HTTPConnection:
        if port not in self._connections:
            self._connections[port] = HTTPConnection("127.0.0.1", port, timeout=self.timeout)
        return self._connections[port]

    def request(self, port: int, path: str, data: dict | None = None, record: bool = True) -> tuple[int, str, dict]:
        headers = {"Accept-Encoding": "identity"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{port}{path}"
            headers["Origin"] = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        reused = port in self._connections
        try:
            response = self._send(port, "POST" if body is not None else "GET", path, body, headers)
        except (RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # An idle keep-alive connection the server closed as we sent on it (gunicorn's
            # keepalive): the request was never read. Browsers send it again on a new
            # connection; so do we, once.
            self._drop(port)
            response = None
            if reused:
                try:
                    response = self._send(port, "POST" if body is not None else "GET", path, body, headers)
                except OSError:
                    self._drop(port)
        except OSError:  # refused, reset, timed out
            self._drop(port)
            response = None
        status, text, response_headers = response or (0, "", {})
        if record:
            self.recorder.add(Record(started, time.monotonic(), status, self.role, page_name(path)))
        return status, text, response_headers

    def _send(self, port: int, method: str, path: str, body, headers) -> tuple[int, str, dict]:
        conn = self._connection(port)
        conn.request(method, quote(path, safe="/?&=+%:"), body, headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                self._remember(value)
        if response.getheader("Connection", "").lower() == "close":
            self._drop(port)
        return response.status, text, dict(response.getheaders())

    def _remember(self, header: str) -> None:
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        if "max-age=0" in header.lower() or "expires=thu, 01 jan 1970" in header.lower():
            self.cookies.pop(name.strip(), None)
        else:
            self.cookies[name.strip()] = value

    def _drop(self, port: int) -> None:
        conn = self._connections.pop(port, None)
        if conn:
            conn.close()

    def close(self) -> None:
        for port in list(self._connections):
            self._drop(port)


class FormFields(HTMLParser):
    """The fields of the form with id ``form_id`` as a browser would post them (inputs, checked
    boxes, selected options, textareas; no buttons, no files), and which of them are required."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.required: set[str] = set()
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if name and "required" in a:
            self.required.add(name)
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
            self.options[name] = []
        elif tag == "option" and self._select:
            value = a.get("value", "")
            self.options[self._select].append(value)
            if "selected" in a:
                self.fields.append((self._select, value))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None


def read_form(html: str, form_id: str) -> dict[str, list[str]]:
    """The form's fields as a browser would post them; a required select left empty gets its
    first non-empty option (what an editor would pick)."""
    parser = FormFields(form_id)
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    for name, options in parser.options.items():
        if name in parser.required and not any(data.get(name, [])):
            data[name] = [next(o for o in options if o)]
    return data


CHANGE_URL = re.compile(r"/admin/clusters/organisation/(\d+)/change/")
ADD = "/admin/clusters/organisation/add/"


@dataclass
class Writes:
    """What the editor posted and what the site acknowledged (a redirect after the save)."""

    created: dict[str, int] = field(default_factory=dict)  # name -> id, acknowledged creations
    created_unacknowledged: list[str] = field(default_factory=list)
    # id -> descriptions posted in order, each with whether it was acknowledged
    updates: dict[int, list[tuple[str, bool]]] = field(default_factory=dict)
    form_errors: int = 0  # the form redisplayed (200): a rejected write, not a lost one
    rejections: list[str] = field(default_factory=list)  # what the form said, first few
    attempts: int = 0

    @property
    def acknowledged(self) -> int:
        return len(self.created) + sum(ok for posts in self.updates.values() for _, ok in posts)


class Editor:
    """Signs in to the admin, then creates an organisation and updates its description, over
    and over, alternating between the servers; a page that fails is tried again after a pause."""

    def __init__(self, client: Client, username: str, password: str, pause: float):
        self.client, self.username, self.password, self.pause = client, username, password, pause
        self.writes = Writes()
        self.counter = 0

    def sign_in(self, port: int) -> None:
        login = "/admin/login/?next=/admin/"
        for _ in range(60):
            status, page, _ = self.client.request(port, login, record=False)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if status == 200 and token:
                fields = {"username": self.username, "password": self.password, "csrfmiddlewaretoken": token[1]}
                if self.client.request(port, login, fields, record=False)[0] == 302:
                    return
            time.sleep(1)
        raise RuntimeError("the editor could not sign in to the admin")

    def _form(self, port: int, path: str, form_id: str) -> dict | None:
        status, page, _ = self.client.request(port, path)
        return read_form(page, form_id) if status == 200 else None

    def create(self, port: int, run: str) -> int | None:
        data = self._form(port, ADD, "organisation_form")
        if data is None:
            return None
        self.counter += 1
        name = f"Soak {run} organisation {self.counter}"
        # An editor who has checked the list of similar names ticks "Create anyway".
        data.update(name=[name], slug=[f"soak-{run}-{self.counter}"], confirm_new=["on"], _continue=["1"])
        self.writes.attempts += 1
        status, page, headers = self.client.request(port, ADD, data)
        self._note_rejection(status, page)
        location = headers.get("Location", "")
        if status == 302 and CHANGE_URL.search(location):
            self.writes.created[name] = int(CHANGE_URL.search(location)[1])
            return self.writes.created[name]
        self.writes.created_unacknowledged.append(name)
        return None

    def _note_rejection(self, status: int, page: str) -> None:
        if status != 200:
            return
        self.writes.form_errors += 1
        if len(self.writes.rejections) < 5:
            errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
            self.writes.rejections.append(re.sub(r"<[^>]+>", " ", " | ".join(errors))[:300] or page[:300])

    def update(self, port: int, pk: int, text: str) -> None:
        path = f"/admin/clusters/organisation/{pk}/change/"
        data = self._form(port, path, "organisation_form")
        if data is None:
            return
        data.update(description=[text], _continue=["1"])
        self.writes.attempts += 1
        status, page, headers = self.client.request(port, path, data)
        self._note_rejection(status, page)
        acknowledged = status == 302 and urlsplit(headers.get("Location", "")).path == path
        self.writes.updates.setdefault(pk, []).append((text, acknowledged))

    def run(self, stop: threading.Event, run: str) -> None:
        pk, turn = None, 0
        while not stop.is_set():
            port = self.client.ports[turn % len(self.client.ports)]
            turn += 1
            if pk is None or turn % 4 == 0:
                pk = self.create(port, run) or pk
            else:
                self.update(port, pk, f"Soak update {turn} of record {pk}.")
            stop.wait(self.pause)
