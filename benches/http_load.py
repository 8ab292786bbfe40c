"""A bounded load test of `mtlint serve --http` on loopback (Python standard library only).

Usage: python3 benches/http_load.py URL [CLIENTS] [REQUESTS] [TEXT_FILE]

CLIENTS threads (default 8) each send REQUESTS (default 50) POSTs of /v2/check over one
keep-alive connection, with the text of TEXT_FILE (default: a paragraph with three
findings, 20 times: about 3 KB). Every answer must be 200 and byte-identical to the
first one; the script fails otherwise. It prints the request count, throughput and the
p50/p99 latencies. The README's figures come from one run of it.
"""

import http.client
import json
import pathlib
import statistics
import sys
import threading
import time
import urllib.parse

PARAGRAPH = (
    "Café 🎉 déjà vu: the mission ends in March. . He said « yes » to the conference of "
    "press. The minister , who arrived late , declined to comment.\n"
)


def main():
    url = urllib.parse.urlsplit(sys.argv[1])
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    text = pathlib.Path(sys.argv[4]).read_text("utf-8") if len(sys.argv) > 4 else PARAGRAPH * 20
    body = urllib.parse.urlencode({"text": text, "language": "en-US", "level": "picky"})
    headers = {"Content-Type": "application/x-www-form-urlencoded"}

    def post(conn):
        conn.request("POST", "/v2/check", body=body, headers=headers)
        answer = conn.getresponse()
        return answer.status, answer.read()

    first = post(http.client.HTTPConnection(url.hostname, url.port))
    if first[0] != 200:
        sys.exit(f"the first answer is {first[0]}: {first[1][:200]!r}")
    latencies, failures = [], []
    lock = threading.Lock()

    def client():
        conn = http.client.HTTPConnection(url.hostname, url.port)
        mine = []
        for _ in range(requests):
            started = time.perf_counter()
            answer = post(conn)
            mine.append((time.perf_counter() - started) * 1000)
            if answer != first:
                with lock:
                    failures.append(answer[0])
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - started
    if failures:
        sys.exit(f"{len(failures)} answers differ from the first (statuses {set(failures)})")
    q = statistics.quantiles(latencies, n=100)
    matches = len(json.loads(first[1])["matches"])
    print(
        f"{len(latencies)} requests ({clients} clients x {requests}) of {len(body.encode())} "
        f"bytes, {len(text)} characters, {matches} matches each: "
        f"all identical; {len(latencies) / took:.0f} requests/s; "
        f"p50 {q[49]:.1f} ms, p99 {q[98]:.1f} ms"
    )


main()
