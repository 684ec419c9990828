#!/usr/bin/env python3
"""wingen - bounded load generator for NoC Raven's Windows-events-over-HTTP listener.

POSTs JSON arrays of BATCH Winlogbeat-shaped events (the shape of the project's corpus sample
winevt/winlogbeat/sys-7036-service-state, record id and time varied) to
http://127.0.0.1:PORT/api/v1/windows-events over one keep-alive connection, at a target rate
(events/s, 0 = as fast as possible), bounded by -n REQUESTS and -t SECONDS. Only 127.0.0.0/8.
Prints one pbgen-style summary line: sent=<requests answered 202> units=<events in them>
errors=<other answers> elapsed=<s> rate=<requests/s> lat_p50_ms= lat_p99_ms= lat_max_ms= (each request's
time from sending it to reading the whole answer, on the one connection).
"""
import argparse
import http.client
import ipaddress
import json
import time

EVENT = {
    "@timestamp": "2024-02-29T23:59:59.5000000Z",
    "event": {"code": "7036", "kind": "event", "provider": "Service Control Manager", "action": "None"},
    "host": {"name": "srv-file-02"}, "log": {"level": "information"},
    "message": "The Windows Update service entered the stopped state.",
    "winlog": {"api": "wineventlog", "channel": "System", "computer_name": "srv-file-02.corp.example.net",
               "event_id": "7036", "keywords": ["Classic"], "opcode": "Info",
               "process": {"pid": 688, "thread": {"id": 5012}}, "provider_name": "Service Control Manager",
               "record_id": 50312, "task": "None", "version": 0,
               "provider_guid": "{555908D1-A6D7-4695-8E1E-26931D2012F4}",
               "event_data": {"param1": "Windows Update", "param2": "stopped"}},
}


def bodies(batch, n_bodies=64):
    """n_bodies distinct request bodies (cycled), BATCH events each."""
    out = []
    rec = 50312
    for b in range(n_bodies):
        evs = []
        for i in range(batch):
            e = json.loads(json.dumps(EVENT))
            e["winlog"]["record_id"] = rec
            e["@timestamp"] = "2024-03-01T00:%02d:%02d.%07dZ" % (b % 60, i % 60, rec % 10000000)
            e["winlog"]["event_data"]["param2"] = "stopped" if rec % 2 else "running"
            evs.append(e)
            rec += 1
        out.append(json.dumps(evs, separators=(",", ":")).encode())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--rate", type=float, default=0, help="events/s (0 = max)")
    ap.add_argument("-n", type=int, required=True, help="requests to send")
    ap.add_argument("-t", type=float, default=60, help="time limit, seconds (max 3600)")
    a = ap.parse_args()
    if not ipaddress.ip_address(a.host).is_loopback:
        raise SystemExit("wingen: destination must be a loopback address")
    limit = min(a.t, 3600.0)
    bs = bodies(a.batch)
    headers = {"Authorization": "Bearer " + a.token, "Content-Type": "application/json"}
    conn = http.client.HTTPConnection(a.host, a.port, timeout=10)
    interval = a.batch / a.rate if a.rate > 0 else 0.0
    sent = errors = 0
    lat = []
    t0 = time.monotonic()
    next_at = t0
    i = 0
    while i < a.n:
        now = time.monotonic()
        if now - t0 >= limit:
            break
        if interval and now < next_at:
            time.sleep(min(next_at - now, 0.05))
            continue
        next_at += interval
        try:
            started = time.monotonic()
            conn.request("POST", "/api/v1/windows-events", body=bs[i % len(bs)], headers=headers)
            r = conn.getresponse()
            r.read()
            lat.append(time.monotonic() - started)
            if r.status == 202:
                sent += 1
            else:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(a.host, a.port, timeout=10)
        i += 1
    el = time.monotonic() - t0
    conn.close()
    lat.sort()

    def pct(p):
        return 1000 * lat[min(len(lat) - 1, int(p * len(lat)))] if lat else 0.0
    print("sent=%d units=%d errors=%d elapsed=%.3f rate=%.1f lat_p50_ms=%.2f lat_p99_ms=%.2f lat_max_ms=%.2f" % (
        sent, sent * a.batch, errors, el, sent / max(el, 1e-6), pct(0.50), pct(0.99), pct(1.0)))


if __name__ == "__main__":
    main()
