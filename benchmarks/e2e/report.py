#!/usr/bin/env python3
"""report.py - results.csv (pbrun rows) -> table.md and summary.csv, NoC Raven and peers side by side.

  report.py DIR/results.csv [--out DIR]

Table 1 lists every fixed-rate and max run: protocol, peer, rcvbuf (granted to the socket),
offered, received (units/s), loss %, kernel drops, CPU % (one core = 100), RSS MB, and for
NoC Raven its own counters (received inputs / journaled / durable). Table 2 the highest offered
rate with <= 0.1 % loss from each bisection (.search file) and the TCP/HTTP max runs.
"""
import argparse
import csv
import json
import os


def k(v):
    v = float(v)
    if v >= 1e6:
        return "%.2fM" % (v / 1e6)
    if v >= 1e3:
        return "%.1fk" % (v / 1e3)
    return "%.0f" % v


def proto_of(r):
    return "%s/%s" % (r["proto"], r["transport"] if r["proto"] != "windows-event" else "http")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("csv")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    out = a.out or os.path.dirname(os.path.abspath(a.csv))
    with open(a.csv) as f:
        rows = list(csv.DictReader(f))
    order = {}
    for r in rows:
        order.setdefault(r["proto"], len(order))
    key = lambda r: (order[r["proto"]], r["peer"] != "noc-raven", r["label"])
    fixed = sorted([r for r in rows if "-confirm" not in r["label"]], key=key)
    lines = ["| protocol | peer | rcvbuf | offered/s | received/s | loss % | kernel drops | CPU % | RSS MB "
             "| NoC Raven received / journaled / durable (inputs) | notes |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    summary = []
    for r in fixed:
        offered = "max" if float(r["target_unit_rate"]) == 0 else k(r["target_unit_rate"])
        raven = ("%s / %s / %s" % (r["received_inputs"], r["journaled"], r["durable"])
                 if r.get("durable") not in (None, "") else "")
        notes = r["notes"]
        if float(r["target_unit_rate"]) == 0:
            notes = (notes + " sent %s/s" % k(r["sent_unit_rate"])).strip()
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            proto_of(r), r["peer"], r.get("rcvbuf", "") or "?", offered, k(r["received_unit_rate"]),
            r["loss_pct"], r["sock_drops"] if r["transport"] == "udp" else "-", r["peer_cpu_pct"],
            r["rss_peak_mb"], raven, notes))
        summary.append(dict(kind="run", protocol=proto_of(r), peer=r["peer"], label=r["label"],
                            rcvbuf=r.get("rcvbuf", ""), offered=r["target_unit_rate"],
                            sent=r["sent_unit_rate"], received=r["received_unit_rate"], loss_pct=r["loss_pct"],
                            kernel_drops=r["sock_drops"], cpu_pct=r["peer_cpu_pct"], rss_mb=r["rss_peak_mb"],
                            received_inputs=r.get("received_inputs", ""), journaled=r.get("journaled", ""),
                            durable=r.get("durable", ""), notes=r["notes"]))
    md = ["### Runs (units/s: syslog messages, flow records, sFlow flow samples, traps, Windows events)", ""]
    md += lines
    searches = []
    sfile = a.csv + ".search"
    if os.path.exists(sfile):
        with open(sfile) as f:
            searches = [json.loads(l) for l in f if l.strip()]
    md += ["", "### Highest offered rate with <= 0.1 % loss", "",
           "| protocol | peer | rcvbuf | max sustained/s | first failing/s | steps |", "|---|---|---|---|---|---|"]
    by_label = {}
    for r in rows:
        by_label[r["label"]] = r
    for s in sorted(searches, key=lambda s: (order.get(s["proto"], 99), s["peer"] != "noc-raven", s["label"])):
        r = by_label.get(s["label"])
        proto = proto_of(r) if r else s["proto"]
        md.append("| %s | %s | %s | %s | %s | %d |" % (proto, s["peer"], s.get("rcvbuf", ""), k(s["max_ok"]),
                                                      k(s["first_fail"]), s["steps"]))
        summary.append(dict(kind="search", protocol=proto, peer=s["peer"], label=s["label"],
                            rcvbuf=s.get("rcvbuf", ""), offered=s["max_ok"], notes="first failing %s" %
                            s["first_fail"]))
    for r in fixed:
        if float(r["target_unit_rate"]) == 0:
            md.append("| %s | %s | - | %s (TCP/HTTP: back-pressure, no loss) | - | 1 |" % (
                proto_of(r), r["peer"], k(r["received_unit_rate"])))
    with open(os.path.join(out, "table.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    fields = ["kind", "protocol", "peer", "label", "rcvbuf", "offered", "sent", "received", "loss_pct",
              "kernel_drops", "cpu_pct", "rss_mb", "received_inputs", "journaled", "durable", "notes"]
    with open(os.path.join(out, "summary.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for s in summary:
            w.writerow(s)
    print("\n".join(md))


if __name__ == "__main__":
    main()
