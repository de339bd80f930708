"""Helpers for browser tests (a module of its own: two conftest.py files cannot both be imported)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from typing import Any

from support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/", server


def axe_violations(page: Any, exclude: list[str] | None = None) -> list[dict[str, Any]]:
    """WCAG 2.1 A/AA violations on the current page, according to axe-core."""
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}}
    context = {"exclude": [[selector] for selector in exclude or []]} if exclude else None
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps(violations, indent=2, ensure_ascii=False)


def open_without_javascript(page: Any, url: str) -> int:
    """Open ``url`` as a visitor without JavaScript sees it; returns how many finder scripts went.

    axe itself needs script, so the page is loaded with its <noscript> turned into a <div>
    and without finder.js and the page's own inline finder script (the early list).
    """
    html = page.request.get(url).text()
    html = html.replace("<noscript", "<div").replace("</noscript>", "</div>")
    html, scripts = re.subn(r"<script>[^<]*mk-finder[^<]*</script>", "", html)
    page.route("**/finder.js", lambda route: route.abort())
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(url)
    return scripts
