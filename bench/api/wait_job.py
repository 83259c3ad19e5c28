#!/usr/bin/python3
"""Polls GET /api/v1/imports/{id} until the job ends; prints "STATE RECORDS END_TIME" (END_TIME as
seconds since the epoch, when the first answer with an ended state arrived).

    /usr/bin/python3 bench/api/wait_job.py http://127.0.0.1:PORT JOB_ID 'Cookie: name=value'

One process on one keep-alive connection, every 20 ms: polling with a new curl process each time
costs the machine about half a core, which the import under measurement would otherwise lose.
"""

import http.client
import json
import sys
import time
from urllib.parse import urlsplit


def main() -> int:
    base, job, cookie = sys.argv[1], sys.argv[2], sys.argv[3]
    url = urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    name, _, value = cookie.partition(":")
    while True:
        connection.request("GET", f"/api/v1/imports/{job}", headers={name.strip(): value.strip()})
        response = connection.getresponse()
        body = response.read()
        now = time.time()
        if response.status != 200:
            print(f"GET /api/v1/imports/{job}: {response.status} {body[:300]!r}", file=sys.stderr)
            return 1
        state = json.loads(body)["job"]
        if state["state"] not in ("queued", "running"):
            records = (state.get("report") or {}).get("records")
            print(f"{state['state']} {records} {now:.6f}")
            return 0
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
