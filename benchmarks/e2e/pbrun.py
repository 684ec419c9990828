#!/usr/bin/env python3
"""pbrun - one bounded ingest measurement (or a max-rate search) against a collector
listening on 127.0.0.1.

For each run it: optionally starts the peer (or attaches to --peer-pid), waits for the
port, runs the load generator (pbgen or syslog-ng's loggen) for a bounded count/time,
samples CPU and RSS of the peer's process tree, waits for the peer to drain, stops the
peer by PID (if it started it), counts what landed with --count-cmd, and appends one
CSV row (plus a JSON line) to the results file.

Examples: see README.md in this directory.

Copied from the team's shared peer benchmark harness (peerbench/pbrun.py) and extended for
NoC Raven (see PROVENANCE.md): --gen wingen (Windows events over HTTP), --count-unit dgram
(the collector counts datagrams/inputs, units = inputs x units per input), --extra-cmd (JSON
counters of the collector stored in the row), --no-drain-idle, the granted receive buffer
(ss -m) in the row, and --max-steps for the search, --prewarm (unmeasured load before the run, for JVM collectors).
"""
import argparse
import csv
import json
import os
import re
import resource
import shlex
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CLK = os.sysconf("SC_CLK_TCK")
NCPU = os.cpu_count() or 1

FIELDS = ["time", "label", "peer", "version", "proto", "transport", "gen", "payload",
          "units_per_dgram", "rmem_default", "rmem_max", "target_dgram_rate", "target_unit_rate",
          "duration_target_s", "sent_dgrams", "sent_units", "gen_elapsed_s", "sent_unit_rate",
          "received_units", "received_unit_rate", "loss_pct", "sock_drops", "udp_rcvbuf_err",
          "peer_cpu_pct", "peer_cpu_s_total", "cpu_us_per_unit", "gen_cpu_pct", "bg_cpu_pct",
          "rss_peak_mb", "drain_s", "rcvbuf", "received_inputs", "journaled", "durable", "ring_dropped",
          "decoded_records", "quarantined", "notes"]
EXTRA = ["received_inputs", "journaled", "durable", "ring_dropped", "decoded_records", "quarantined"]


# ------------------------------------------------------------------ /proc helpers
def proc_stat(pid):
    """(ppid, utime+stime ticks, starttime) or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            s = f.read()
    except OSError:
        return None
    rest = s[s.rindex(")") + 2:].split()
    return int(rest[1]), int(rest[11]) + int(rest[12]), int(rest[19])


def all_ppids():
    m = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = proc_stat(int(d))
            if st:
                m[int(d)] = st[0]
    return m


def descendants(root):
    m = all_ppids()
    kids = {}
    for p, pp in m.items():
        kids.setdefault(pp, []).append(p)
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        if p in m or p == root:
            out.append(p)
        todo.extend(kids.get(p, []))
    return out


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def sys_cpu():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def sock_info(port, transport):
    """(bound/listening?, rx_queue bytes, drops) summed over sockets on local port."""
    found, rxq, drops = False, 0, 0
    files = ["/proc/net/udp", "/proc/net/udp6"] if transport == "udp" else ["/proc/net/tcp",
                                                                           "/proc/net/tcp6"]
    for fn in files:
        try:
            with open(fn) as f:
                next(f)
                for line in f:
                    p = line.split()
                    if int(p[1].rsplit(":", 1)[1], 16) != port:
                        continue
                    if transport == "udp":
                        found = True
                        rxq += int(p[4].split(":")[1], 16)
                        drops += int(p[-1])
                    elif p[3] == "0A":
                        found = True
        except OSError:
            pass
    return found, rxq, drops


def granted_rcvbuf(port, transport):
    """The receive buffer budget of the socket(s) on the port: ss -m 'rb' (sk_rcvbuf). A socket that
    asked for SO_RCVBUF=N gets 2N (capped at 2 x rmem_max), one that did not gets rmem_default.
    As text, e.g. '208K' or '8M'; '' when unknown."""
    if transport != "udp":
        return ""
    try:
        out = subprocess.run(["ss", "-u", "-a", "-n", "-m", "sport = :%d" % port], capture_output=True,
                             text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    rbs = sorted(set(int(x) for x in re.findall(r"\brb(\d+)", out)))

    def fmt(b):
        return "%dM" % (b >> 20) if b % (1 << 20) == 0 else "%dK" % (b >> 10)
    return "/".join(fmt(b) for b in rbs)


def udp_rcvbuf_errors():
    with open("/proc/net/snmp") as f:
        lines = [l.split() for l in f if l.startswith("Udp:")]
    hdr, val = lines[0], lines[1]
    return int(val[hdr.index("RcvbufErrors")])


def sysctl(name):
    try:
        with open("/proc/sys/" + name.replace(".", "/")) as f:
            return f.read().strip()
    except OSError:
        return ""


# ------------------------------------------------------------------ sampler
class TreeSampler(threading.Thread):
    """Samples CPU ticks and RSS of a process tree every `period` seconds."""

    def __init__(self, root, period=0.25):
        super().__init__(daemon=True)
        self.root, self.period = root, period
        self.ticks = {}      # (pid, starttime) -> last seen ticks
        self.rss_peak = 0
        self.lock = threading.Lock()
        self.stop_ev = threading.Event()
        self.sample()

    def sample(self):
        tot_rss = 0
        for p in descendants(self.root):
            st = proc_stat(p)
            if not st:
                continue
            with self.lock:
                self.ticks[(p, st[2])] = st[1]
            tot_rss += rss_kb(p)
        with self.lock:
            self.rss_peak = max(self.rss_peak, tot_rss)
        return tot_rss

    def snapshot(self):
        self.sample()
        with self.lock:
            return dict(self.ticks)

    def run(self):
        while not self.stop_ev.wait(self.period):
            self.sample()

    def alive_pids(self):
        with self.lock:
            return [k for k in self.ticks if proc_stat(k[0]) and proc_stat(k[0])[2] == k[1]]


def cpu_delta(a, b):
    """core-seconds consumed between two snapshots (pids born later count from 0)."""
    return sum(v - a.get(k, 0) for k, v in b.items()) / CLK


# ------------------------------------------------------------------ helpers
def sh(cmd, timeout=300):
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=timeout)
    return r.stdout, r.stderr, r.returncode


def count_of(cmd):
    out, err, rc = sh(cmd)
    nums = re.findall(r"-?\d+", out)
    if rc != 0 or not nums:
        raise RuntimeError("count command failed rc=%d out=%r err=%r" % (rc, out[-200:], err[-300:]))
    return int(nums[-1])


def payload_stats(path, text):
    """(n payloads, avg units per datagram)"""
    if text:
        with open(path, "rb") as f:
            n = sum(1 for l in f if l.strip())
        return n, 1.0
    import struct
    n = units = 0
    with open(path, "rb") as f:
        if f.read(4) != b"PBP1":
            raise SystemExit("payload %s is not PBP1 (use --text)" % path)
        while True:
            h = f.read(8)
            if len(h) < 8:
                break
            ln, u = struct.unpack("!II", h)
            f.seek(ln, 1)
            n += 1
            units += u
    return n, units / n


def wait_quiet(max_bg, max_wait):
    """Wait (bounded) until the machine's CPU use by other processes is below max_bg %."""
    t_end = time.time() + max_wait
    while True:
        b0, t0 = sys_cpu()
        time.sleep(1.0)
        b1, t1 = sys_cpu()
        busy = 100.0 * NCPU * (b1 - b0) / max(1, t1 - t0)
        if busy <= max_bg or time.time() >= t_end:
            return busy


def stop_pid(pid, sig, timeout):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return True
    t_end = time.time() + timeout
    while time.time() < t_end:
        st = proc_stat(pid)
        if st is None:
            return True
        try:  # reap if it is our child
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    return False


# ------------------------------------------------------------------ one run
def gen_command(a, count, dgram_rate, tlimit):
    """The generator command line for COUNT datagrams at DGRAM_RATE (0 = max) within TLIMIT s."""
    if a.gen == "pbgen":
        cmd = [a.pbgen, "-m", a.transport, "-H", "127.0.0.1", "-p", str(a.port),
               "-f", a.payload, "-n", str(count), "-r", "%.3f" % dgram_rate,
               "-t", "%.1f" % tlimit, "-b", str(a.batch), "-s", a.seq]
        if a.text:
            cmd.append("-L")
        if a.transport == "tcp":
            cmd += ["-F", a.framing]
    elif a.gen == "wingen":
        cmd = [sys.executable, os.path.join(HERE, "wingen.py"), "--port", str(a.port), "--token",
               a.wingen_token, "--batch", str(a.batch), "--rate", "%.3f" % (dgram_rate * a.batch),
               "-n", str(count), "-t", "%.1f" % tlimit]
    else:  # loggen (syslog-ng's generator); it only takes text lines
        lg_rate = int(dgram_rate) if dgram_rate > 0 else 10 ** 7
        cmd = [a.loggen, "-i", "-D" if a.transport == "udp" else "-S", "-r", str(lg_rate),
               "-I", str(int(round(tlimit))), "-n", str(min(count, 2 ** 31 - 1)), "-R",
               a.payload, "-l", "-d", "-Q"]
        if a.transport == "tcp" and a.framing == "octet":
            cmd.append("-P")  # syslog-protocol framing
        cmd += ["127.0.0.1", str(a.port)]
    return cmd


def run_one(a, unit_rate, duration, log=print):
    W = a.work
    os.makedirs(os.path.join(W, "logs"), exist_ok=True)
    if a.gen == "wingen":
        n_pl, upd = 1, float(a.batch)
    else:
        n_pl, upd = payload_stats(a.payload, a.text)
    dgram_rate = unit_rate / upd if unit_rate > 0 else 0
    if a.count:
        count = a.count
    elif dgram_rate > 0:
        count = max(1, int(round(dgram_rate * duration)))
    else:
        count = 10 ** 10
    tlimit = duration if dgram_rate == 0 else duration * 1.2 + 2
    notes = []

    bg_before = wait_quiet(a.quiet_max, a.quiet_wait) if a.quiet_max < 100 * NCPU else 0.0
    if bg_before > a.quiet_max:
        notes.append("busy-before=%.0f%%" % bg_before)

    if a.pre_cmd:
        sh(a.pre_cmd)

    started = False
    sampler = None
    peer_pid = a.peer_pid
    peer_log = None
    if not peer_pid:
        env = dict(os.environ)
        for kv in a.env or []:
            k, v = kv.split("=", 1)
            env[k] = v
        peer_log = open(os.path.join(W, "logs", "%s.peer.log" % a.label), "w")
        pr = subprocess.Popen(["bash", "-c", "exec " + a.peer_cmd], stdout=peer_log,
                              stderr=subprocess.STDOUT, env=env, cwd=W)
        peer_pid, started = pr.pid, True
    try:
        t_end = time.time() + a.ready_timeout
        while not sock_info(a.port, a.transport)[0]:
            if time.time() > t_end or (started and proc_stat(peer_pid) is None):
                raise RuntimeError("peer did not bind %s port %d" % (a.transport, a.port))
            time.sleep(0.1)
        time.sleep(a.warmup)
        rcvbuf = granted_rcvbuf(a.port, a.transport)
        sampler = TreeSampler(peer_pid)
        sampler.start()
        count_before = count_of(a.count_cmd) if a.count_mode == "delta" else 0
        sampler.snapshot()
        _, _, drops0 = sock_info(a.port, a.transport)
        rcvbuf0 = udp_rcvbuf_errors()

        # ---- pre-warm (JVM collectors: JIT and caches warm before the measured run)
        if a.prewarm > 0:
            pw_count = max(1, int(round(dgram_rate * a.prewarm))) if dgram_rate > 0 else 10 ** 10
            subprocess.run(gen_command(a, pw_count, dgram_rate, a.prewarm + 2 if dgram_rate > 0 else a.prewarm),
                           capture_output=True, timeout=a.prewarm + 60)
            last, t_pw = None, time.time()
            while time.time() - t_pw < 15:  # bounded: until the count is stable and the socket empty
                time.sleep(0.5)
                c = count_of(a.count_cmd)
                if c == last and sock_info(a.port, a.transport)[1] == 0:
                    break
                last = c
            count_before = count_of(a.count_cmd)
            _, _, drops0 = sock_info(a.port, a.transport)
            rcvbuf0 = udp_rcvbuf_errors()
            notes.append("prewarm=%gs" % a.prewarm)

        # ---- generator
        cmd = gen_command(a, count, dgram_rate, tlimit)
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        sys0 = sys_cpu()
        snap0 = sampler.snapshot()
        t0 = time.time()
        gp = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            gout, _ = gp.communicate(timeout=tlimit + 60)
        except subprocess.TimeoutExpired:
            gp.send_signal(signal.SIGTERM)
            gout, _ = gp.communicate(timeout=10)
            notes.append("gen-timeout")
        t1 = time.time()
        snap1 = sampler.snapshot()
        sys1 = sys_cpu()
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        gen_cpu_s = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)

        if a.gen in ("pbgen", "wingen"):
            m = dict(re.findall(r"(\w+)=([\d.]+)", gout.strip().splitlines()[-1] if gout.strip() else ""))
            if "sent" not in m:
                raise RuntimeError("%s failed: %s" % (a.gen, gout[-500:]))
            sent_d, sent_u, gel = int(m["sent"]), int(m["units"]), float(m["elapsed"])
            if "lat_p99_ms" in m:
                notes.append("req-ms-p50/p99/max=%s/%s/%s" % (m["lat_p50_ms"], m["lat_p99_ms"], m["lat_max_ms"]))
        else:
            m = re.search(r"count=(\d+), time=([\d.]+)", gout)
            if not m:
                raise RuntimeError("loggen output not understood: %s" % gout[-500:])
            sent_d = sent_u = int(m.group(1))
            gel = float(m.group(2))
        wall = max(t1 - t0, 1e-6)
        peer_cpu_load = cpu_delta(snap0, snap1)
        busy = (sys1[0] - sys0[0]) / max(1, sys1[1] - sys0[1]) * NCPU * 100
        peer_pct = 100 * peer_cpu_load / wall
        gen_pct = 100 * gen_cpu_s / wall
        bg_pct = max(0.0, busy - peer_pct - gen_pct)

        # ---- drain: socket queue empty, peer idle, (live count stable)
        td0 = time.time()
        ok, last_cnt = 0, None
        prev = sampler.snapshot()
        while time.time() - td0 < a.drain_max:
            time.sleep(0.5)
            cur = sampler.snapshot()
            idle = cpu_delta(prev, cur) / 0.5 < 0.05
            prev = cur
            _, rxq, _ = sock_info(a.port, a.transport)
            stable = True
            if a.count_mode in ("live", "delta"):
                c = count_of(a.count_cmd)
                stable = (c == last_cnt)
                last_cnt = c
            if not a.drain_idle:
                idle = True
            ok = ok + 1 if (idle and rxq == 0 and stable) else 0
            if ok >= 3:
                break
        else:
            notes.append("drain-timeout")
        drain_s = time.time() - td0
        _, _, drops1 = sock_info(a.port, a.transport)
        rcvbuf1 = udp_rcvbuf_errors()
        snap_end = sampler.snapshot()
        peer_cpu_total = cpu_delta(snap0, snap_end)
        received = None
        if a.count_mode in ("live", "delta"):
            received = count_of(a.count_cmd) - count_before
        extra_vals = {}
        if a.extra_cmd:
            out, err, rc = sh(a.extra_cmd)
            try:
                extra_vals = json.loads(out)
            except ValueError:
                notes.append("extra-cmd-failed")
    finally:
        extra = sampler.alive_pids() if sampler else []
        if sampler:
            sampler.stop_ev.set()
        if started:
            sig = getattr(signal, "SIG" + a.stop_signal)
            if not stop_pid(peer_pid, sig, a.stop_timeout):
                notes.append("peer-sigkill")
            # children still alive (e.g. plugin processes flushing): give them the stop
            # timeout to exit on their own, then TERM them by PID (identity checked)
            left = [(p, st) for (p, st) in extra if p != peer_pid]
            t_end = time.time() + a.stop_timeout
            while left and time.time() < t_end:
                left = [(p, st) for (p, st) in left if (proc_stat(p) or (0, 0, -1))[2] == st]
                if left:
                    time.sleep(0.2)
            for (p, st) in left:
                notes.append("child-term")
                stop_pid(p, signal.SIGTERM, 5)
        if peer_log:
            peer_log.close()
    if received is None:
        received = count_of(a.count_cmd)
    if a.post_cmd:
        sh(a.post_cmd)

    if a.count_unit == "dgram":
        received_d = received
        received = int(round(received_d * sent_u / sent_d)) if sent_d else 0
        loss = 100.0 * (sent_d - received_d) / sent_d if sent_d else 0.0
    else:
        loss = 100.0 * (sent_u - received) / sent_u if sent_u else 0.0
    if dgram_rate > 0 and (sent_d < 0.97 * count or sent_d / max(gel, 1e-6) < 0.97 * dgram_rate):
        notes.append("gen-limited")
    if bg_pct > a.bg_flag:
        notes.append("bg-cpu=%.0f%%" % bg_pct)
    row = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"), "label": a.label, "peer": a.peer_name,
        "version": a.version, "proto": a.proto, "transport": a.transport, "gen": a.gen,
        "payload": os.path.basename(a.payload), "units_per_dgram": "%.2f" % upd,
        "rmem_default": sysctl("net.core.rmem_default"), "rmem_max": sysctl("net.core.rmem_max"),
        "target_dgram_rate": "%.0f" % dgram_rate, "target_unit_rate": "%.0f" % unit_rate,
        "duration_target_s": "%.0f" % duration, "sent_dgrams": sent_d, "sent_units": sent_u,
        "gen_elapsed_s": "%.2f" % gel, "sent_unit_rate": "%.0f" % (sent_u / max(gel, 1e-6)),
        "received_units": received, "received_unit_rate": "%.0f" % (received / max(gel, 1e-6)),
        "loss_pct": "%.3f" % loss, "sock_drops": drops1 - drops0,
        "udp_rcvbuf_err": rcvbuf1 - rcvbuf0, "peer_cpu_pct": "%.0f" % peer_pct,
        "peer_cpu_s_total": "%.2f" % peer_cpu_total,
        "cpu_us_per_unit": "%.2f" % (1e6 * peer_cpu_total / received if received else 0),
        "gen_cpu_pct": "%.0f" % gen_pct, "bg_cpu_pct": "%.0f" % bg_pct,
        "rss_peak_mb": "%.1f" % (sampler.rss_peak / 1024.0), "drain_s": "%.1f" % drain_s,
        "rcvbuf": rcvbuf or ("-" if a.transport == "tcp" else ""),
        "notes": " ".join(notes + ([a.note] if a.note else [])),
    }
    for k in EXTRA:
        row[k] = extra_vals.get(k, "")
    if a.results:
        os.makedirs(os.path.dirname(os.path.abspath(a.results)), exist_ok=True)
        new = not os.path.exists(a.results)
        with open(a.results, "a", newline="") as f:
            w = csv.DictWriter(f, fieldnames=FIELDS)
            if new:
                w.writeheader()
            w.writerow(row)
        with open(a.results + ".jsonl", "a") as f:
            f.write(json.dumps(dict(row, gen_cmd=" ".join(shlex.quote(c) for c in cmd),
                                    peer_cmd=a.peer_cmd or "pid:%s" % a.peer_pid)) + "\n")
    log("%-22s offered=%9s/s sent=%9.0f/s recv=%9.0f/s loss=%7.3f%% drops=%-8d cpu=%4s%% "
        "gen=%3s%% bg=%3s%% rss=%6sMB %s" % (a.label, row["target_unit_rate"],
                                              float(row["sent_unit_rate"]),
                                              float(row["received_unit_rate"]), loss,
                                              row["sock_drops"], row["peer_cpu_pct"],
                                              row["gen_cpu_pct"], row["bg_cpu_pct"],
                                              row["rss_peak_mb"], row["notes"]))
    sys.stdout.flush()
    return row


# ------------------------------------------------------------------ search
def search(a):
    """Bisect the offered unit rate for the highest rate with loss <= max_loss."""
    lo, hi = a.lo, a.hi
    tried = {}

    steps = [0]

    def ok(rate):
        steps[0] += 1
        row = run_one(a, rate, a.step_duration)
        good = float(row["loss_pct"]) <= a.max_loss and "gen-limited" not in row["notes"]
        tried[rate] = (good, row)
        return good

    if not ok(lo):
        # walk down until something passes (bounded)
        for _ in range(6):
            hi, lo = lo, lo / 2
            if ok(lo):
                break
        else:
            print("search: nothing passed down to %.0f/s" % lo)
            return
    while ok(hi) and hi < a.ceiling:  # walk up until something fails (bounded by ceiling)
        lo, hi = hi, min(hi * 2, a.ceiling)
        if lo == hi:
            break
    while hi / lo > 1 + a.resolution and steps[0] < a.max_steps:
        mid = (lo * hi) ** 0.5
        mid = float("%.2g" % mid) if mid > 100 else mid
        if mid <= lo or mid >= hi:
            break
        if ok(mid):
            lo = mid
        else:
            hi = mid
    print("search: max sustained (loss<=%.2f%%) ~ %.0f units/s (next failing %.0f)" %
          (a.max_loss, lo, hi))
    if a.results:
        with open(a.results + ".search", "a") as f:
            f.write(json.dumps(dict(label=a.label, peer=a.peer_name, proto=a.proto, max_ok=lo,
                                    first_fail=hi, steps=steps[0],
                                    rcvbuf=tried[lo][1]["rcvbuf"] if lo in tried else "")) + "\n")
    if a.confirm_duration > 0:
        a.label = a.label + "-confirm"
        run_one(a, lo, a.confirm_duration)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("mode", choices=["run", "search"])
    ap.add_argument("--label", required=True)
    ap.add_argument("--peer-name", default="")
    ap.add_argument("--version", default="")
    ap.add_argument("--proto", default="")
    ap.add_argument("--work", default=os.environ.get("PB_WORK",
                                                     os.path.join(os.environ.get("TMPDIR", "/tmp"), "peerbench")))
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--peer-cmd", help="command that runs the peer in the foreground")
    g.add_argument("--peer-pid", type=int, help="attach to an already running peer (not stopped)")
    ap.add_argument("--env", action="append", help="K=V for the peer's environment")
    ap.add_argument("--stop-signal", default="TERM")
    ap.add_argument("--stop-timeout", type=float, default=30)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--transport", choices=["udp", "tcp"], default="udp")
    ap.add_argument("--framing", choices=["octet", "lf"], default="octet")
    ap.add_argument("--gen", choices=["pbgen", "loggen", "wingen"], default="pbgen")
    ap.add_argument("--wingen-token", default="", help="bearer token for --gen wingen")
    ap.add_argument("--count-unit", choices=["unit", "dgram"], default="unit",
                    help="what --count-cmd counts: units, or datagrams/inputs (loss on datagrams)")
    ap.add_argument("--extra-cmd", default="", help="prints a JSON object of collector counters")
    ap.add_argument("--no-drain-idle", dest="drain_idle", action="store_false",
                    help="drain: do not wait for the peer to go idle (count stable + empty socket)")
    ap.add_argument("--pbgen", default="", help="pbgen binary (default: WORK/bin/pbgen)")
    ap.add_argument("--loggen", default="loggen")
    ap.add_argument("--payload", required=True)
    ap.add_argument("--text", action="store_true", help="payload file is text lines")
    ap.add_argument("--seq", default="none", help="pbgen -s mode")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--rate", type=float, default=0, help="offered units/s (0 = max)")
    ap.add_argument("--duration", type=float, default=30)
    ap.add_argument("--count", type=int, default=0, help="datagrams (overrides rate*duration)")
    ap.add_argument("--count-cmd", required=True, help="prints the number of units landed")
    ap.add_argument("--count-mode", choices=["after-stop", "live", "delta"], default="after-stop")
    ap.add_argument("--pre-cmd", default="")
    ap.add_argument("--post-cmd", default="")
    ap.add_argument("--ready-timeout", type=float, default=30)
    ap.add_argument("--warmup", type=float, default=1.0)
    ap.add_argument("--prewarm", type=float, default=0,
                    help="seconds of load at the same rate before the measured run (not counted; the "
                         "count is then a delta, so --count-cmd must read live counters)")
    ap.add_argument("--drain-max", type=float, default=60)
    ap.add_argument("--quiet-max", type=float, default=40,
                    help="wait until other CPU use < this %% (of one core) before starting")
    ap.add_argument("--quiet-wait", type=float, default=90)
    ap.add_argument("--bg-flag", type=float, default=30, help="flag runs with bg CPU above %%")
    ap.add_argument("--results", default="")
    ap.add_argument("--note", default="")
    # search
    ap.add_argument("--lo", type=float, default=10000)
    ap.add_argument("--hi", type=float, default=100000)
    ap.add_argument("--ceiling", type=float, default=5e6)
    ap.add_argument("--max-loss", type=float, default=0.1)
    ap.add_argument("--resolution", type=float, default=0.1)
    ap.add_argument("--step-duration", type=float, default=10)
    ap.add_argument("--confirm-duration", type=float, default=30)
    ap.add_argument("--max-steps", type=int, default=20, help="search: most measurement steps")
    a = ap.parse_args()
    a.work = os.path.abspath(a.work)
    if not a.pbgen:
        a.pbgen = os.path.join(a.work, "bin", "pbgen")
    if not a.peer_name:
        a.peer_name = a.label
    if a.peer_pid and a.count_mode == "after-stop":
        a.count_mode = "delta"
    if a.mode == "run":
        run_one(a, a.rate, a.duration)
    else:
        search(a)


if __name__ == "__main__":
    main()
