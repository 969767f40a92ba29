"""API load benchmark: the web app under 50 concurrent clients on loopback, per endpoint.

Builds (or reuses, in ``out/bench/``) a store of 10,000 invented articles with their events and
storylines (:mod:`make_big_store`), serves it with uvicorn (one worker, a subprocess, bound to
127.0.0.1) and drives it with a small asyncio HTTP/1.1 load generator (keep-alive connections,
one per client; lighter than an HTTP client library, so the generator does not starve the
server of CPU on a small machine). For each endpoint — home, an event page, search, as JSON and
as HTML — it runs for a bounded time and request count and prints requests per second and
p50/p95/p99 latency (``bench/common.py`` ``report``).

Event pages rotate over many events and search over many queries. A story is computed once per
event and then kept (:class:`marsad.web.story.StoryCache`), so event pages are measured warm
(after one sequential visit of each event) and the cold cost — the first visit of an event,
which computes its story and its storyline's — is reported separately, measured sequentially.

Everything runs twice: with the response cache the server uses by default (whole pages kept
until the store changes, :mod:`marsad.web.cache`) and with it off (``*_nocache``: every request
queries the store and renders), so both the served figures and the cost of a page are shown.

    python bench/bench_api.py            # 10,000 articles, 50 clients, 10 s per endpoint
    python bench/bench_api.py --quick    # 2,000 articles, 3 s per endpoint
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, report
from make_big_store import ensure

QUERIES = ["الاجتماع", "المياه", "الطاقة المتجددة", "الموانئ", "مجلس", "رابطة", "اتحاد",
           "التجارة الحرة", "الصحة العامة", "المعرض", "الوزراء", "السياحة", "اتفاق",
           "القمة", "الاستثمار", "النقل البحري", "التعليم العالي", "اضراب", "الفيضانات",
           "الامطار"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, cache_size: int = 512) -> subprocess.Popen[bytes]:
    """uvicorn serving ``db`` on 127.0.0.1:``port`` in a subprocess (one worker)."""
    code = ("import sys; from marsad.web.app import serve; "
            "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', "
            "cache_size=int(sys.argv[3]))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port), str(cache_size)],
                            cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status.json", timeout=2):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("the server exited during start-up") from None
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not answer within 30 s")


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET ``path``; returns the status code (reconnects when the server closed)."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None and self.writer is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Accept: */*\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and "close" in value.lower():
                close = True
        await self.reader.readexactly(length)
        if close:
            self.writer.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _load(port: int, paths: list[str], clients: int, seconds: float, max_requests: int
                ) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    counter = 0

    async def worker(k: int) -> None:
        nonlocal errors, counter
        client = Client(port)
        i = k
        try:
            while time.perf_counter() < stop and counter < max_requests:
                counter += 1
                path = paths[i % len(paths)]
                i += clients
                t0 = time.perf_counter()
                try:
                    status = await client.get(path)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    errors += 1
                    client.close()
                    client = Client(port)
                    continue
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    errors += 1
        finally:
            client.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    return latencies, errors, time.perf_counter() - start


def measure(name: str, port: int, paths: list[str], *, clients: int, seconds: float,
            max_requests: int) -> dict[str, float | int]:
    """Run the load on ``paths`` and report its figures."""
    latencies, errors, elapsed = asyncio.run(_load(port, paths, clients, seconds, max_requests))
    latencies.sort()
    ms = [x * 1000 for x in latencies]

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p * len(ms)))] if ms else float("nan")

    figures: dict[str, float | int] = {
        "clients": clients, "requests": len(ms), "errors": errors,
        "rps": round(len(ms) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(pct(0.50), 1), "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1), "mean_ms": round(statistics.fmean(ms), 1) if ms else 0.0,
    }
    report(name, figures)
    return figures


def _get(port: int, path: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as r:
        r.read()
    return time.perf_counter() - t0


def main() -> int:
    """Build or reuse the store, serve it, load each endpoint, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 articles, 3 s per endpoint")
    parser.add_argument("--n", type=int, default=None, help="articles in the store")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=None, help="per endpoint")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per endpoint")
    parser.add_argument("--events", type=int, default=100, help="event pages rotated over")
    parser.add_argument("--only", default="", help="comma-separated endpoint names")
    args = parser.parse_args()
    n = args.n or (2_000 if args.quick else 10_000)
    seconds = args.seconds or (3.0 if args.quick else 10.0)
    db, built = ensure(n)
    if built:
        report("api_store_build", built)
    from marsad.store import Store

    rng = random.Random(5)
    with Store(db, readonly=True) as store:
        events = [e.id for e in store.list_events(limit=None)]
        n_articles = store.count()
    picked = rng.sample(events, min(args.events, len(events)))
    queries = [f"q={quote(q)}" for q in QUERIES]
    endpoints = {
        "home_json": ["/index.json", "/index.json?offset=30", "/index.json?order=coverage"],
        "home_html": ["/", "/?offset=30", "/?order=coverage"],
        "event_json": [f"/events/{quote(e, safe='')}.json" for e in picked],
        "event_html": [f"/events/{quote(e, safe='')}" for e in picked],
        "search_json": [f"/search.json?{q}" for q in queries],
        "search_html": [f"/search?{q}" for q in queries],
    }
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    for mode, cache_size in (("", 512), ("_nocache", 0)):
        port = _free_port()
        proc = start_server(db, port, cache_size)
        try:
            if not mode:
                # cold: the first visit of an event computes its story (and its storyline's)
                cold = sorted(_get(port, f"/events/{quote(e, safe='')}.json") * 1000
                              for e in picked)
                report("api_event_cold_sequential", {
                    "articles": n_articles, "events": len(cold),
                    "p50_ms": round(cold[len(cold) // 2], 1),
                    "p95_ms": round(cold[int(0.95 * len(cold))], 1),
                    "max_ms": round(cold[-1], 1)})
            else:  # stories are cached per event either way: visit each event once
                for e in picked:
                    _get(port, f"/events/{quote(e, safe='')}.json")
            for name, paths in endpoints.items():
                if only and name not in only:
                    continue
                for path in paths[:3]:  # warm the per-thread connections and templates
                    _get(port, path)
                measure(f"api_{name}{mode}", port, paths, clients=args.clients,
                        seconds=seconds, max_requests=args.max_requests)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
