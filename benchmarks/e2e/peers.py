#!/usr/bin/env python3
"""peers.py - named peer definitions (configs + start/stop/count commands) for pbrun.py.

Copied from the team's shared peer benchmark harness (peerbench/bench.py, see PROVENANCE.md)
and extended with the NoC Raven appliance rows (noc-raven-*), started from $RAVEN_JAR.

  peers.py list
  peers.py run    PEER --rate UNITS_PER_S [--duration 30] [--gen pbgen|loggen] [--results CSV]
  peers.py search PEER --lo R --hi R [--step-duration 10] [--confirm-duration 30]
  peers.py show   PEER            # print the pbrun.py command line without running it

Everything lives under $PB_WORK (default: ${TMPDIR:-/tmp}/peerbench):
  conf/ (generated configs), out/ (peer output), logs/, run/, bin/pbgen, payloads/.
Extra arguments after "--" are passed to pbrun.py unchanged (e.g. -- --quiet-max 100).

A new collector is benchmarked with pbrun.py directly (see README.md); the peers below
are the reference points.
"""
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
W = os.path.abspath(os.environ.get("PB_WORK", os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                            "noc-raven-e2e")))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
RAVEN_JAR = os.environ.get("RAVEN_JAR", os.path.join(ROOT, "noc-raven-appliance", "target", "noc-raven.jar"))
RAVEN_JAVA_OPTS = os.environ.get("RAVEN_JAVA_OPTS", "-Xms256m -Xmx1g -XX:+UseParallelGC")  # as the systemd unit
RAVEN_SETS = os.environ.get("RAVEN_SETS", "")  # extra "k=v k=v" for every NoC Raven row
RAVEN_PREWARM = os.environ.get("RAVEN_PREWARM", "8")  # s of unmeasured load first (JIT warm-up)
RAVEN_ADMIN = 18080
RAVEN_WIN_TOKEN = "e2e-bench-windows-token"
RAVEN_LISTENERS = ["syslog-udp", "syslog-tcp", "syslog-tls", "netflow-udp", "ipfix-udp", "ipfix-tcp",
                   "sflow-udp", "snmp-udp", "windows-http"]
# row -> (listener, port, transport, payload, pbgen -s mode, protocol label)
RAVEN_ROWS = {
    "noc-raven-syslog-udp": ("syslog-udp", 25514, "udp", "syslog_mix.bin", "none", "syslog"),
    "noc-raven-syslog-tcp": ("syslog-tcp", 25515, "tcp", "syslog_mix.bin", "none", "syslog"),
    "noc-raven-nf5": ("netflow-udp", 22055, "udp", "nf5.bin", "nfv5", "netflow-v5"),
    "noc-raven-nf9": ("netflow-udp", 22055, "udp", "nf9.bin", "nfv9", "netflow-v9"),
    "noc-raven-ipfix": ("ipfix-udp", 24739, "udp", "ipfix.bin", "ipfix", "netflow-ipfix"),
    "noc-raven-sflow": ("sflow-udp", 26343, "udp", "sflow5.bin", "sflow5", "sflow-v5"),
    "noc-raven-snmp-v2c": ("snmp-udp", 20162, "udp", "snmp_v2c.bin", "none", "snmp-v2c-trap"),
    "noc-raven-snmp-v3": ("snmp-udp", 20162, "udp", "snmp_v3.bin", "none", "snmp-v3-trap"),
    "noc-raven-windows": ("windows-http", 28084, "tcp", "", "none", "windows-event"),
}


def raven_version():
    try:
        out = subprocess.run(["java", "-jar", RAVEN_JAR, "--version"], capture_output=True, text=True,
                             timeout=60).stdout.strip()
        return out.splitlines()[0] if out else "noc-raven"
    except (OSError, subprocess.TimeoutExpired):
        return "noc-raven"


def raven_peer(row):
    lst, port, transport, payload, seq, proto = RAVEN_ROWS[row]
    sets = ["admin.bind=127.0.0.1", "admin.port=%d" % RAVEN_ADMIN, "admin.token=e2e-bench-admin-token"]
    for other in RAVEN_LISTENERS:
        sets.append("listeners.%s.enabled=%s" % (other, "true" if other == lst else "false"))
    sets += ["listeners.%s.bind=127.0.0.1" % lst, "listeners.%s.port=%d" % (lst, port)]
    if lst == "windows-http":
        sets.append("listeners.windows-http.token=" + RAVEN_WIN_TOKEN)
    if row == "noc-raven-snmp-v3":
        sets.append("codec.snmpUsersFile={W}/payloads/snmp-users.yaml")
    sets += RAVEN_SETS.split()
    cmd = "java %s -jar %s run --data-dir {W}/out/{name} %s" % (
        RAVEN_JAVA_OPTS, RAVEN_JAR, " ".join("--set " + x for x in sets))
    count = "python3 %s/raven_count.py --admin %d --listener %s" % (HERE, RAVEN_ADMIN, lst)
    return dict(
        proto=proto, transport=transport, port=port, payload=payload, seq=seq, cmd=cmd, stop="TERM",
        count=count, extra=count + " --json", count_mode="live", count_unit="dgram", drain_idle=False,
        gen="wingen" if lst == "windows-http" else "pbgen", batch=100 if lst == "windows-http" else 32,
        pre="rm -rf {W}/out/{name}", post="rm -rf {W}/out/{name}", version=raven_version())

# ---------------------------------------------------------------- config templates
RSYSLOG_CONF = """# rsyslog bench instance: {transport} input only, no system logging
global(workDirectory="{W}/run/rsyslog-work")
module(load="im{transport}")
input(type="im{transport}" address="127.0.0.1" port="{port}" ruleset="bench")
ruleset(name="bench") {{
  action(type="omfile" file="{W}/out/{name}.log")
}}
"""

SYSLOGNG_CONF = """@version: 3.38
# syslog-ng bench instance: one network source -> one file
options {{ threaded(yes); stats-freq(0); keep-hostname(yes); chain-hostnames(no); use-dns(no); dns-cache(no); }};
source s_in {{ {source}; }};
destination d_file {{ file("{W}/out/{name}.log"); }};
log {{ source(s_in); destination(d_file); }};
"""

NFACCTD_CONF = """! {daemon} bench instance: print plugin, CSV, flows/packets counters
daemonize: false
logfile: {W}/logs/{name}.daemon.log
{daemon}_ip: 127.0.0.1
{daemon}_port: {port}
plugins: print[p]
aggregate[p]: {aggregate}
print_output[p]: csv
print_output_file[p]: {W}/out/{name}/flows-%s.csv
print_output_file_append[p]: true
print_refresh_time[p]: 10
{tuning}"""

SNMPTRAPD_CONF = """# snmptrapd bench instance: accept v2c 'public', one line per trap
disableAuthorization yes
doNotRetainNotificationLogs yes
format2 TRAP %B %N %w %q %v\\n
"""


def syslogng_cmd():
    """(command prefix, env list) for syslog-ng: system one, or the extracted .deb."""
    if shutil.which("syslog-ng"):
        return "syslog-ng", []
    root = os.environ.get("SYSLOGNG_ROOT", os.path.join(W, "sng"))
    lib = os.path.join(root, "usr/lib/syslog-ng")
    return ("%s/usr/sbin/syslog-ng --module-path=%s/3.38" % (root, lib),
            ["LD_LIBRARY_PATH=" + lib])


def loggen_setup():
    if shutil.which("loggen"):
        return "loggen"
    root = os.environ.get("SYSLOGNG_ROOT", os.path.join(W, "sng"))
    os.environ["LD_LIBRARY_PATH"] = os.path.join(root, "usr/lib/syslog-ng")
    os.environ["SYSLOGNG_PREFIX"] = os.path.join(root, "usr")
    return os.path.join(root, "usr/bin/loggen")


def pkgver(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                              text=True).stdout.strip()
    except OSError:
        return ""


def sng_version():
    root = os.environ.get("SYSLOGNG_ROOT", os.path.join(W, "sng"))
    deb = [f for f in os.listdir(os.path.join(W, "debs"))] if os.path.isdir(os.path.join(W, "debs")) else []
    v = pkgver("syslog-ng-core")
    if v:
        return v
    for f in deb:
        if f.startswith("syslog-ng-core_"):
            return f.split("_")[1] + " (extracted .deb)"
    return "?"


# pmacct: package defaults (plugin_buffer_size 344 B, plugin_pipe_size 4 MB) and a
# "tuned" variant with the larger core->plugin buffers its docs recommend for high rates.
PMACCT_VARIANTS = [("", ""), ("-tuned", "plugin_buffer_size[p]: 102400\n"
                                       "plugin_pipe_size[p]: 102400000\n")]

COUNT_PMACCT = "python3 %s/count_pmacct.py {W}/out/{name} {col}" % HERE


def peer(name):
    if name.startswith("noc-raven-") and name in RAVEN_ROWS:
        return raven_peer(name)
    P = {}
    # --- syslog
    for t, port in (("udp", 15514), ("tcp", 15515)):
        P["rsyslog-" + t] = dict(
            proto="syslog", transport=t, port=port, payload="syslog_mix.bin", seq="none",
            conf=("rsyslog-%s.conf" % t, RSYSLOG_CONF), conf_vars=dict(transport=t),
            cmd="rsyslogd -n -f {W}/conf/{name}.conf -i {W}/run/{name}.pid", stop="TERM",
            count="wc -l < {W}/out/{name}.log", pre="rm -f {W}/out/{name}.log",
            post="rm -f {W}/out/{name}.log", version="rsyslog " + pkgver("rsyslog"))
    sng, sng_env = syslogng_cmd()
    for t, port, src in (("udp", 15516, 'network(ip("127.0.0.1") port({port}) transport("udp"))'),
                         ("tcp", 15517, 'syslog(ip("127.0.0.1") port({port}) transport("tcp"))')):
        P["syslog-ng-" + t] = dict(
            proto="syslog", transport=t, port=port, payload="syslog_mix.bin", seq="none",
            conf=("syslog-ng-%s.conf" % t, SYSLOGNG_CONF), conf_vars=dict(source=src),
            cmd=sng + " -F --no-caps -f {W}/conf/{name}.conf -p {W}/run/{name}.pid "
                      "-R {W}/run/{name}.persist -c {W}/run/{name}.ctl",
            env=sng_env, stop="TERM", count="wc -l < {W}/out/{name}.log",
            pre="rm -f {W}/out/{name}.log {W}/run/{name}.persist",
            post="rm -f {W}/out/{name}.log", version="syslog-ng " + sng_version())
    # --- flows
    for v, seq, pl in (("v5", "nfv5", "nf5.bin"), ("v9", "nfv9", "nf9.bin"),
                       ("ipfix", "ipfix", "ipfix.bin")):
        P["nfcapd-" + v] = dict(
            proto="netflow-" + v, transport="udp", port=12055, payload=pl, seq=seq,
            cmd="nfcapd -b 127.0.0.1 -p {port} -w {W}/out/{name} -t 3600 -P {W}/run/{name}.pid",
            stop="TERM",
            count="nfdump -R {W}/out/{name} -I | awk '/^Flows:/{{s+=$2}} END{{print s+0}}'",
            pre="rm -rf {W}/out/{name} && mkdir -p {W}/out/{name}",
            post="rm -rf {W}/out/{name}", version="nfdump " + pkgver("nfdump"))
        for tag, tuning in PMACCT_VARIANTS:
            P["nfacctd%s-%s" % (tag, v)] = dict(
                proto="netflow-" + v, transport="udp", port=12056, payload=pl, seq=seq,
                conf=("nfacctd-%s.conf" % v, NFACCTD_CONF),
                conf_vars=dict(daemon="nfacctd", tuning=tuning,
                               aggregate="src_host, dst_host, src_port, dst_port, proto, flows"),
                cmd="nfacctd -f {W}/conf/{name}.conf", stop="INT",
                count=COUNT_PMACCT.replace("{col}", "FLOWS"),
                pre="rm -rf {W}/out/{name} && mkdir -p {W}/out/{name}",
                post="rm -rf {W}/out/{name}", version="pmacct " + pkgver("pmacct"))
    for tag, tuning in PMACCT_VARIANTS:
        P["sfacctd%s-sflow" % tag] = dict(
            proto="sflow-v5", transport="udp", port=16343, payload="sflow5.bin", seq="sflow5",
            conf=("sfacctd-sflow.conf", NFACCTD_CONF),
            conf_vars=dict(daemon="sfacctd", tuning=tuning,
                           aggregate="src_host, dst_host, src_port, dst_port, proto"),
            cmd="sfacctd -f {W}/conf/{name}.conf", stop="INT",
            count=COUNT_PMACCT.replace("{col}", "PACKETS"),
            pre="rm -rf {W}/out/{name} && mkdir -p {W}/out/{name}",
            post="rm -rf {W}/out/{name}", version="pmacct " + pkgver("pmacct"))
    P["snmptrapd"] = dict(
        proto="snmp-v2c-trap", transport="udp", port=16162, payload="snmp_v2c.bin", seq="none",
        conf=("snmptrapd.conf", SNMPTRAPD_CONF),
        cmd="snmptrapd -f -C -c {W}/conf/{name}.conf -n -On -Lf {W}/out/{name}.log "
            "-p {W}/run/{name}.pid udp:127.0.0.1:{port}",
        env=["SNMP_PERSISTENT_DIR={W}/run/snmp-persist"], stop="TERM",
        count="grep -c '^TRAP ' {W}/out/{name}.log || true", pre="rm -f {W}/out/{name}.log",
        post="rm -f {W}/out/{name}.log", version="net-snmp " + pkgver("snmptrapd"))
    if name == "list":
        for r in RAVEN_ROWS:
            lst, port, transport, payload, seq, proto = RAVEN_ROWS[r]
            P[r] = dict(proto=proto, transport=transport, port=port, payload=payload or "(wingen)",
                        version="noc-raven (%s)" % RAVEN_JAR)
        return P
    if name not in P:
        sys.exit("unknown peer %s; known: %s" % (name, " ".join(sorted(P))))
    return P[name]


def pbrun_argv(name, mode, extra):
    p = peer(name)
    fmt = dict(W=W, name=name, port=p["port"])
    for d in ("conf", "out", "run", "logs", "run/rsyslog-work", "run/snmp-persist"):
        os.makedirs(os.path.join(W, d), exist_ok=True)
    if "conf" in p:
        fn, tpl = p["conf"]
        vars_ = dict(fmt, tuning="")
        vars_.update({k: v.format(**fmt) for k, v in p.get("conf_vars", {}).items()})
        with open(os.path.join(W, "conf", name + ".conf"), "w") as f:
            f.write(tpl.format(**vars_))
    f = lambda s: s.format(**fmt)
    if name.startswith("noc-raven-"):
        peer_name = "noc-raven"
    elif name == "snmptrapd":
        peer_name = name
    else:
        peer_name = name.rsplit("-", 1)[0]
    argv = [sys.executable, os.path.join(HERE, "pbrun.py"), mode, "--label", name,
            "--peer-name", peer_name,
            "--version", p["version"], "--proto", p["proto"], "--work", W,
            "--peer-cmd", f(p["cmd"]), "--stop-signal", p["stop"], "--port", str(p["port"]),
            "--transport", p["transport"], "--payload", os.path.join(W, "payloads", p["payload"]),
            "--seq", p["seq"], "--count-cmd", f(p["count"]), "--pre-cmd", f(p["pre"]),
            "--post-cmd", f(p["post"])]
    if p.get("count_mode"):
        argv += ["--count-mode", p["count_mode"]]
    if p.get("count_unit"):
        argv += ["--count-unit", p["count_unit"]]
    if p.get("extra"):
        argv += ["--extra-cmd", f(p["extra"])]
    if p.get("drain_idle") is False:
        argv += ["--no-drain-idle"]
    if name.startswith("noc-raven-") and float(RAVEN_PREWARM) > 0:
        argv += ["--prewarm", RAVEN_PREWARM]
    if p.get("gen") == "wingen":
        argv += ["--gen", "wingen", "--wingen-token", RAVEN_WIN_TOKEN, "--batch", str(p["batch"])]
    for e in p.get("env", []):
        argv += ["--env", f(e)]
    if "--gen" in extra and extra[extra.index("--gen") + 1] == "loggen":
        argv += ["--loggen", loggen_setup()]
        # loggen reads text lines: use the .txt twin of the payload
        i = argv.index("--payload") + 1
        argv[i] = argv[i][:-4] + ".txt"
        argv += ["--text", "--label", name + "-loggen"]
    return argv + extra


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return
    mode = sys.argv[1]
    if mode == "list":
        for k, v in peer("list").items():
            print("%-16s %-14s %s/%d  payload=%s  %s" % (k, v["proto"], v["transport"], v["port"],
                                                         v["payload"], v["version"]))
        return
    name = sys.argv[2]
    extra = [x for x in sys.argv[3:] if x != "--"]
    argv = pbrun_argv(name, "run" if mode == "show" else mode, extra)
    print("+ " + " ".join(shlex.quote(x) for x in argv), flush=True)
    if mode == "show":
        return
    sys.exit(subprocess.call(argv))


if __name__ == "__main__":
    main()
