#!/usr/bin/env python3
"""raven_count - reads NoC Raven's own counters for one listener from /metrics (127.0.0.1 only).

  raven_count.py --admin 18080 --listener syslog-udp            # durable inputs (fresh data dir)
  raven_count.py --admin 18080 --listener syslog-udp --json     # all counters pbrun stores

durable = noc_raven_buffer_durable_sequence{stream=L} + 1 (sequences start at 0 in a fresh data
directory, so this is the number of inputs forced to disk); journaled =
noc_raven_buffer_records_in_total{stream=L}; received = noc_raven_listener_received_total;
ring_dropped = noc_raven_listener_dropped_total; decoded_records =
noc_raven_listener_records_total; quarantined = noc_raven_listener_quarantined_total.
"""
import argparse
import json
import re
import urllib.request


def metrics(port):
    with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port, timeout=10) as r:
        text = r.read().decode()
    out = {}
    for line in text.splitlines():
        m = re.match(r'^(\w+)\{(\w+)="([^"]*)"\} (-?\d+)$', line)
        if m:
            out[(m.group(1), m.group(3))] = int(m.group(4))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--admin", type=int, required=True, help="admin port on 127.0.0.1")
    ap.add_argument("--listener", required=True)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    m = metrics(a.admin)
    L = a.listener
    vals = {
        "received_inputs": m.get(("noc_raven_listener_received_total", L), 0),
        "journaled": m.get(("noc_raven_buffer_records_in_total", L), 0),
        "durable": m.get(("noc_raven_buffer_durable_sequence", L), -1) + 1,
        "ring_dropped": m.get(("noc_raven_listener_dropped_total", L), 0),
        "decoded_records": m.get(("noc_raven_listener_records_total", L), 0),
        "quarantined": m.get(("noc_raven_listener_quarantined_total", L), 0),
    }
    if ("noc_raven_buffer_durable_sequence", L) not in m:
        raise SystemExit("no noc_raven_buffer_durable_sequence for stream %s: appliance too old?" % L)
    print(json.dumps(vals) if a.json else vals["durable"])


if __name__ == "__main__":
    main()
