"""How Debian's Chromium is started here, for the finder benchmark and the browser tests alike.

Headless as root needs ``--no-sandbox``; this machine's network is closed, so Chromium's own
background connections are switched off (without that they are refused, many at a time).
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
