"""Headless Chromium (Debian's package) driven over the DevTools protocol with aiohttp.

No browser-driving library: the DevTools protocol is JSON over a websocket, and
aiohttp (already here through textual-serve) speaks websockets. So the test
works with whatever Chromium version Debian ships and never downloads a browser.

Chromium is started with a fresh profile, no background services, and a proxy
on a closed loopback port: loopback is reached directly (Chromium never proxies
it), anything else would go to the dead proxy and fail, so the page cannot send
traffic beyond this machine even if it tried (every such try is still recorded
in :attr:`Page.requests`, which is what the tests assert on).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser")
DEAD_PROXY = "http://127.0.0.1:9"
"""A loopback port nothing listens on (discard): every non-loopback request fails."""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # root in a container: the sandbox needs user namespaces
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--no-pings",
    f"--proxy-server={DEAD_PROXY}",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    "--window-size=1280,800",
)

TERMINAL_HOOK = """
(() => {
  // Test instrumentation, added before textual.js runs: textual.js keeps its
  // xterm.js Terminal in a closure, so catch it when it is stored as
  // `this.terminal`, then remove the hook.
  const found = [];
  Object.defineProperty(window, "__terminals", { value: found });
  Object.defineProperty(Object.prototype, "terminal", {
    configurable: true,
    set(value) {
      Object.defineProperty(this, "terminal", {
        value, writable: true, configurable: true, enumerable: true,
      });
      if (value && value.buffer && value.buffer.active) {
        found.push(value);
        delete Object.prototype.terminal;
      }
    },
  });
})();
"""

SCREEN_TEXT = """
(() => {
  const term = window.__terminals && window.__terminals[0];
  if (!term) return null;
  const buffer = term.buffer.active;
  const lines = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
})()
"""

PASTE_EVENT = """
((text) => {
  // A paste as the browser delivers it: xterm.js turns it into a bracketed paste.
  const area = document.querySelector(".xterm-helper-textarea");
  const data = new DataTransfer();
  data.setData("text/plain", text);
  area.dispatchEvent(new ClipboardEvent("paste", {
    clipboardData: data, bubbles: true, cancelable: true,
  }));
  return true;
})
"""

KEYS = {"F3": ("F3", 114), "F5": ("F5", 116), "Escape": ("Escape", 27)}
"""Keys the tests press: DOM key/code name and Windows virtual key code."""


def find_chromium() -> str | None:
    """The Chromium executable on PATH, or None."""
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def require_chromium() -> str:
    """Chromium's path; fail when ``AUTHTUI_REQUIRE_BROWSER=1`` (CI), else skip."""
    path = find_chromium()
    if path is not None:
        return path
    reason = "headless Chromium not found: run scripts/install-browser.sh (Debian's chromium)"
    if os.environ.get("AUTHTUI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"AUTHTUI_REQUIRE_BROWSER=1 and {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class Page:
    """One browser tab over a DevTools websocket: commands, and the events it sent."""

    ws: aiohttp.ClientWebSocketResponse
    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for (documents, scripts, styles, fonts, websockets...)."""
    problems: list[str] = field(default_factory=list)
    """Console errors, exceptions and CSP violations, as text."""
    _next_id: int = 0
    _pending: dict[int, asyncio.Future[dict[str, Any]]] = field(default_factory=dict)
    _reader: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start reading the websocket (replies and events)."""
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if "id" in data:
                future = self._pending.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            else:
                self._event(data.get("method", ""), data.get("params", {}))

    def _event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])
        elif method == "Runtime.exceptionThrown":
            self.problems.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            self.problems.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            self.problems.append(f"console.error: {params.get('args')}")

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result (raises on an error reply)."""
        self._next_id += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = future
        await self.ws.send_json({"id": self._next_id, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def open(self, url: str) -> None:
        """Record the network, hook the terminal, and load ``url``."""
        for domain in ("Network", "Page", "Runtime", "Log"):
            await self.send(f"{domain}.enable")
        await self.send("Page.addScriptToEvaluateOnNewDocument", source=TERMINAL_HOOK)
        # A headless tab is never the focused window: behave as the one a person looks at,
        # so focusing the terminal tells the app it has focus (as a click into the page does).
        await self.send("Emulation.setFocusEmulationEnabled", enabled=True)
        await self.send("Page.navigate", url=url)

    async def screen(self) -> str:
        """The terminal's visible text, row by row ("" before it exists)."""
        text = await self.evaluate(SCREEN_TEXT)
        return text if isinstance(text, str) else ""

    async def wait_for_text(self, *needles: str, timeout: float = 45.0) -> str:
        """Poll the terminal until it shows every needle; return the screen."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = await self.screen()
            if all(needle in text for needle in needles):
                return text
            await asyncio.sleep(0.25)
        raise AssertionError(f"the page never showed {needles!r}; last screen:\n{text}")

    async def paste(self, text: str) -> None:
        """Paste ``text`` into the terminal as a browser paste event."""
        await self.focus_terminal()
        function = PASTE_EVENT.strip()
        await self.evaluate(f"({function})({json.dumps(text)})")

    async def focus_terminal(self) -> None:
        """Put the keyboard focus in the terminal, as clicking into it does."""
        await self.evaluate('document.querySelector(".xterm-helper-textarea").focus()')

    async def press(self, key: str) -> None:
        """Press and release one key (see :data:`KEYS`) in the terminal."""
        await self.focus_terminal()
        name, code = KEYS[key]
        for kind in ("rawKeyDown", "keyUp"):
            await self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key=name,
                code=name,
                windowsVirtualKeyCode=code,
                nativeVirtualKeyCode=code,
            )

    async def screenshot(self, path: Path) -> None:
        """Save what the tab shows as a PNG."""
        result = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(result["data"]))

    async def close(self) -> None:
        """Stop reading and close the DevTools websocket."""
        await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


async def _devtools_port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """The port Chromium chose for DevTools (it writes DevToolsActivePort)."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with {process.returncode} before DevTools")
        if marker.is_file():
            first = marker.read_text().splitlines()[:1]
            if first and first[0].isdigit():
                return int(first[0])
        await asyncio.sleep(0.1)
    raise RuntimeError("chromium did not open DevTools within 30 s")


@contextlib.asynccontextmanager
async def chromium_page(executable: str) -> AsyncIterator[Page]:
    """A headless Chromium with one tab, stopped by its PID afterwards."""
    with tempfile.TemporaryDirectory(prefix="authtui-chromium-") as tmp:
        profile = Path(tmp)
        process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: renderers are stopped with it
        )
        try:
            port = await _devtools_port(profile, process)
            async with aiohttp.ClientSession() as session:
                async with session.get(f"http://127.0.0.1:{port}/json/list") as reply:
                    targets = await reply.json()
                target = next(t for t in targets if t.get("type") == "page")
                ws = await session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
                page = Page(ws)
                page.start()
                try:
                    yield page
                finally:
                    await page.close()
        finally:
            stop_group(process)


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started with ``start_new_session`` and what it started, by its id."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
