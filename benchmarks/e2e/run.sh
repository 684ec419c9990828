#!/usr/bin/env bash
# End-to-end benchmark of the NoC Raven appliance and peer collectors (see docs/benchmarks.md,
# "End-to-end"). Prepares $PB_WORK (default ${TMPDIR:-/tmp}/noc-raven-e2e): builds pbgen with gcc,
# the payload sets (mkpayloads.py, snmpv3_payloads.py), unpacks syslog-ng-core if a syslog-ng row
# is asked for and it is not installed, builds the appliance jar if it is missing (or --build),
# then runs run.py with the remaining arguments.
#
#   benchmarks/e2e/run.sh --matrix quick                        # NoC Raven + rsyslog, nfcapd, snmptrapd
#   benchmarks/e2e/run.sh --matrix full                         # every row, 30-s runs
#   benchmarks/e2e/run.sh --matrix quick --raven none --peers rsyslog-udp,nfcapd-v9
#   benchmarks/e2e/run.sh --build --matrix quick --raven noc-raven-nf9 --peers none
#   benchmarks/e2e/run.sh --rmem 33554432 --matrix quick        # temporarily rmem_default=rmem_max=32 MiB
#
# Peers: apt-get install rsyslog nfdump pmacct snmptrapd snmp gcc iproute2 (stop any distribution
# service they start). Nothing persists: --rmem sets the sysctls with sysctl -w and restores the
# previous values on exit. All traffic goes to 127.0.0.1; every run is bounded in count and time.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export PB_WORK="${PB_WORK:-${TMPDIR:-/tmp}/noc-raven-e2e}"
export RAVEN_JAR="${RAVEN_JAR:-$ROOT/noc-raven-appliance/target/noc-raven.jar}"
build=0 rmem="" args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=1; shift ;;
    --rmem) rmem="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
mkdir -p "$PB_WORK"/{bin,payloads,conf,out,run,logs,debs,results}

for t in gcc python3 java ss; do
  command -v "$t" >/dev/null || { echo "run.sh: $t is missing (apt-get install gcc python3 iproute2, a JDK 17)" >&2; exit 2; }
done
if [ ! -x "$PB_WORK/bin/pbgen" ] || [ "$HERE/pbgen.c" -nt "$PB_WORK/bin/pbgen" ]; then
  gcc -O2 -Wall -Wextra -o "$PB_WORK/bin/pbgen" "$HERE/pbgen.c"
fi
if [ ! -f "$PB_WORK/payloads/nf9.bin" ] || [ "$HERE/mkpayloads.py" -nt "$PB_WORK/payloads/nf9.bin" ]; then
  python3 "$HERE/mkpayloads.py" "$PB_WORK/payloads"
fi
if [ ! -f "$PB_WORK/payloads/snmp_v3.bin" ]; then
  command -v snmptrap >/dev/null || { echo "run.sh: snmptrap is missing (apt-get install snmp)" >&2; exit 2; }
  python3 "$HERE/snmpv3_payloads.py" "$PB_WORK/payloads/snmp_v3.bin"
fi
case " ${args[*]} " in
  *syslog-ng*|*"--matrix full"*)
    if ! command -v syslog-ng >/dev/null && [ ! -x "$PB_WORK/sng/usr/sbin/syslog-ng" ]; then
      ( cd "$PB_WORK/debs" && apt-get download syslog-ng-core )
      dpkg -x "$PB_WORK"/debs/syslog-ng-core_*.deb "$PB_WORK/sng"
    fi ;;
esac
if [ "$build" = 1 ] || [ ! -f "$RAVEN_JAR" ]; then
  ( cd "$ROOT" && ./mvnw -B -ntp -q -pl noc-raven-appliance -am -DskipTests package )
fi

if [ -n "$rmem" ]; then
  old_def=$(sysctl -n net.core.rmem_default) old_max=$(sysctl -n net.core.rmem_max)
  restore() { sysctl -q -w net.core.rmem_max="$old_max"; sysctl -q -w net.core.rmem_default="$old_def";
              echo "restored rmem_default=$old_def rmem_max=$old_max"; }
  trap restore EXIT
  sysctl -q -w net.core.rmem_max="$rmem"
  sysctl -q -w net.core.rmem_default="$rmem"
  echo "rmem_default=rmem_max=$rmem for this run"
fi
for p in rsyslogd syslog-ng snmptrapd nfcapd nfacctd sfacctd; do
  if pidof "$p" >/dev/null 2>&1; then echo "note: a '$p' process is already running: $(pidof "$p")"; fi
done
python3 "$HERE/run.py" "${args[@]}"
