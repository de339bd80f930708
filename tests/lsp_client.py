"""A small Language Server Protocol client over stdio (JSON-RPC with Content-Length headers).

Used by tests/test_language_server.py to drive the real yaml-language-server from
node_modules the way VS Code's YAML extension does.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class LanguageServer:
    """A language server process; answers its requests for settings from ``settings``."""

    def __init__(self, command: list[str], root: Path, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.published: dict[str, int] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        root_uri = root.as_uri()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": root.name}],
                "capabilities": {
                    "workspace": {
                        "configuration": True,
                        "didChangeConfiguration": {"dynamicRegistration": True},
                    },
                    "textDocument": {"publishDiagnostics": {"relatedInformation": True}},
                },
                "initializationOptions": {},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _handle(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method == "textDocument/publishDiagnostics":
            uri = message["params"]["uri"]
            self.diagnostics[uri] = message["params"]["diagnostics"]
            self.published[uri] = self.published.get(uri, 0) + 1
        elif method == "workspace/configuration" and "id" in message:
            items = message["params"]["items"]
            self._send(
                {"id": message["id"], "result": [self.settings.get(i.get("section", ""), {}) for i in items]}
            )
        elif "id" in message and method:  # registerCapability, workDoneProgress/create, ...
            self._send({"id": message["id"], "result": None})

    def pump(self, until: float) -> dict[str, Any] | None:
        """Handle incoming messages until ``until`` (monotonic); returns the first response seen."""
        while time.monotonic() < until:
            try:
                message = self.messages.get(timeout=max(0.0, min(0.1, until - time.monotonic())))
            except queue.Empty:
                continue
            if "id" in message and "method" not in message:
                return message
            self._handle(message)
        return None

    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            response = self.pump(deadline)
            assert response is not None, f"no answer to {method}"
            if response.get("id") == self.next_id:
                assert "error" not in response, response["error"]
                return response.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def check(self, uri: str, text: str, timeout: float = 30) -> list[dict[str, Any]]:
        """Open a document and return the diagnostics the server publishes for it."""
        return self.check_all({uri: text}, timeout)[uri]

    def check_all(self, documents: dict[str, str], timeout: float = 60) -> dict[str, list[dict[str, Any]]]:
        """Open the documents together, return each one's diagnostics, then close them."""
        seen = {uri: self.published.get(uri, 0) for uri in documents}
        for uri, text in documents.items():
            self.next_id += 1
            # a new version each time: the server caches a parsed document by address and version
            document = {"uri": uri, "languageId": "yaml", "version": self.next_id, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": document})
        deadline = time.monotonic() + timeout
        while any(self.published.get(uri, 0) == seen[uri] for uri in documents):
            waiting = [uri for uri in documents if self.published.get(uri, 0) == seen[uri]]
            assert time.monotonic() < deadline, f"no diagnostics for {waiting}"
            self.pump(time.monotonic() + 0.05)
        found = {uri: self.diagnostics[uri] for uri in documents}
        # Closing clears a document's diagnostics with one more (empty) publication: wait for
        # it, so that it is not taken for the answer when the same address is opened again.
        seen = {uri: self.published[uri] for uri in documents}
        for uri in documents:
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        deadline = time.monotonic() + 5
        while any(self.published[uri] == seen[uri] for uri in documents) and time.monotonic() < deadline:
            self.pump(time.monotonic() + 0.05)
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
            self.process.wait()
