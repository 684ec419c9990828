#!/usr/bin/env python3
"""run.py - the end-to-end matrix: NoC Raven's listeners and the peers, same generator, same session.

  run.py --matrix quick|full [--peers rsyslog-udp,nfcapd-v9,...|none] [--raven ROWS|none]
         [--only fixed|search] [--out DIR]

For every row: fixed-rate runs (quick: one 10-s run; full: four rates x 30 s), then the highest
offered rate with <= 0.1 % loss (UDP rows: bisection, quick 5-s steps and at most 5 of them,
full 10-s steps, at most 10, plus a 30-s confirmation) or, for TCP/HTTP rows where nothing is
lost, one run as fast as the generator goes (the collector's back-pressure sets the rate).
Each measurement is one pbrun.py run (start the collector, load, drain, stop, count).
Results: DIR/results.csv (+ .jsonl with the exact commands, .search with the bisection results),
DIR/table.md and DIR/summary.csv (report.py). Run it through run.sh, which prepares everything.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peers  # noqa: E402

# units/s per protocol: fixed rates (quick uses the first), search start (lo, hi)
RATES = {
    "syslog": ([50000, 100000, 200000, 400000], (25000, 100000)),
    "netflow-v5": ([200000, 400000, 800000, 1600000], (200000, 800000)),
    "netflow-v9": ([200000, 400000, 800000, 1600000], (200000, 800000)),
    "netflow-ipfix": ([200000, 400000, 800000, 1600000], (200000, 800000)),
    "sflow-v5": ([100000, 200000, 400000, 800000], (50000, 200000)),
    "snmp-v2c-trap": ([20000, 40000, 60000, 100000], (10000, 40000)),
    "snmp-v3-trap": ([10000, 20000, 40000, 60000], (5000, 20000)),
    "windows-event": ([10000, 20000, 40000, 80000], (5000, 20000)),
}
MATRIX = {
    "quick": dict(n_rates=1, duration=10, step=5, max_steps=5, resolution=0.25, confirm=0),
    "full": dict(n_rates=4, duration=30, step=10, max_steps=10, resolution=0.1, confirm=30),
}
QUICK_PEERS = "rsyslog-udp,rsyslog-tcp,nfcapd-v9,snmptrapd"
FULL_PEERS = ("rsyslog-udp,rsyslog-tcp,syslog-ng-udp,syslog-ng-tcp,nfcapd-v5,nfcapd-v9,nfcapd-ipfix,"
              "nfacctd-v9,sfacctd-sflow,snmptrapd")


def call(argv, log):
    print("+ " + " ".join(argv), flush=True)
    log.write("+ " + " ".join(argv) + "\n")
    log.flush()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in p.stdout:
        sys.stdout.write(line)
        log.write(line)
    rc = p.wait()
    log.flush()
    if rc != 0:
        print("(row failed with exit %d, continuing)" % rc, flush=True)
    return rc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--matrix", choices=sorted(MATRIX), default="quick")
    ap.add_argument("--peers", default="", help="comma list, 'none', or empty for the matrix default")
    ap.add_argument("--raven", default="all", help="comma list of noc-raven-* rows, 'all' or 'none'")
    ap.add_argument("--only", choices=["fixed", "search"], default="")
    ap.add_argument("--out", default="")
    ap.add_argument("--quiet-wait", type=float, default=5,
                    help="seconds to wait (at most) for other CPU use < 100%% before each run")
    a = ap.parse_args()
    m = MATRIX[a.matrix]
    raven = list(peers.RAVEN_ROWS) if a.raven == "all" else ([] if a.raven == "none" else a.raven.split(","))
    plist = a.peers or (QUICK_PEERS if a.matrix == "quick" else FULL_PEERS)
    others = [] if plist == "none" else plist.split(",")
    known = peers.peer("list")
    for r in raven + others:
        if r not in known:
            sys.exit("unknown row %s; known: %s" % (r, " ".join(sorted(known))))
    out = os.path.abspath(a.out or os.path.join(peers.W, "results", time.strftime("%Y%m%d-%H%M%S")))
    os.makedirs(out, exist_ok=True)
    csv = os.path.join(out, "results.csv")
    common = ["--results", csv, "--quiet-max", "100", "--quiet-wait", str(a.quiet_wait)]
    with open(os.path.join(out, "run.log"), "a") as log:
        log.write("matrix=%s rows=%s\n" % (a.matrix, ",".join(raven + others)))
        for row in raven + others:
            p = peers.peer(row)
            rates, (lo, hi) = RATES[p["proto"]]
            if a.only != "search":
                for rate in rates[:m["n_rates"]]:
                    call(peers.pbrun_argv(row, "run", ["--rate", str(rate), "--duration", str(m["duration"])]
                                          + common), log)
            if a.only == "fixed":
                continue
            if p["transport"] == "tcp":
                call(peers.pbrun_argv(row, "run", ["--rate", "0", "--duration", str(m["duration"]),
                                                   "--note", "max"] + common), log)
            else:
                call(peers.pbrun_argv(row, "search", [
                    "--lo", str(lo), "--hi", str(hi), "--step-duration", str(m["step"]),
                    "--max-steps", str(m["max_steps"]), "--resolution", str(m["resolution"]),
                    "--confirm-duration", str(m["confirm"]), "--max-loss", "0.1"] + common), log)
    subprocess.call([sys.executable, os.path.join(HERE, "report.py"), csv, "--out", out])
    print("results in %s (table.md, summary.csv, results.csv)" % out)


if __name__ == "__main__":
    main()
