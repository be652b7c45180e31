"""A local stand-in for an OpenAI-compatible chat server, speaking the real HTTP protocol.

Tests script its replies (status, message content, delay) and read back every request it got:
path, headers and parsed JSON body. It listens on 127.0.0.1 on a free port, in a thread.
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted answer: a chat completion carrying `content`, or a bare error status."""

    content: str = ""
    status: int = 200
    delay_s: float = 0.0  # sleep before answering, to stand for a hung server
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: str


def verdict(
    score: float = 8,
    evidence: tuple[str, ...] = (),
    matched_anchor: str = "high",
    counterfactual: str = "A stronger answer would have named the monitoring tool.",
    **extra: Any,
) -> str:
    """The JSON text a well-behaved judge model would put in message.content."""
    fields = {
        "score": score,
        "evidence": list(evidence),
        "matched_anchor": matched_anchor,
        "counterfactual": counterfactual,
        **extra,
    }
    return json.dumps(fields, ensure_ascii=False)


def chat_completion(content: str, model: str) -> dict[str, Any]:
    """A response body shaped like OpenAI's /v1/chat/completions (as vLLM and Ollama send it)."""
    return {
        "id": "chatcmpl-fake-1",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
    }


class FakeChatServer:
    """Replies from `script` in order; the last one repeats once the script runs out."""

    def __init__(self, script: list[Reply]) -> None:
        self.script = list(script)
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.block_on_close = False  # hung handlers must not hold up the test
        # A short poll interval: shutdown() waits for it, and every test stops a server.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> "FakeChatServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _next_reply(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {}
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = fake._next_reply(Request(self.path, headers, body, raw))
                if reply.delay_s and fake._closing.wait(reply.delay_s):
                    return
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "not found"}}, {})
                elif reply.status != 200:
                    error = {"error": {"message": f"status {reply.status}", "type": "fake"}}
                    self._send(reply.status, error, reply.headers)
                else:
                    model = str(body.get("model", ""))
                    self._send(200, chat_completion(reply.content, model), reply.headers)

            def _send(self, status: int, payload: object, headers: dict[str, str]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout), as a real client would

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        return Handler
