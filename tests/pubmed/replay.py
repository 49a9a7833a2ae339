"""A loopback HTTP server that answers E-utilities requests with given reply bodies.

``Replay(answer)`` calls ``answer(endpoint, params)`` for each request and sends back the
bytes it returns (HTTP 200, NCBI's content type), or the body with the status of a
``(status, body)`` pair. Every request is kept in ``requests``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

Answer = Callable[[str, dict[str, str]], bytes | tuple[int, bytes]]


class Replay:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[tuple[str, dict[str, str]]] = []
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self.serve(urlsplit(self.path).query)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.serve(self.rfile.read(length).decode())

            def serve(self, query: str) -> None:
                endpoint = urlsplit(self.path).path.rsplit("/", 1)[-1].removesuffix(".fcgi")
                params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
                replay.requests.append((endpoint, params))
                answer = replay.answer(endpoint, params)
                status, body = answer if isinstance(answer, tuple) else (200, answer)
                self.send_response(status)
                self.send_header("Content-Type", "text/xml; charset=UTF-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/entrez/eutils/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
