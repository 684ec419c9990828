#!/usr/bin/env python3
"""snmpv3_payloads - pre-encoded SNMPv3 authPriv traps (PBP1 file) for pbgen.

net-snmp's snmptrap encodes each trap (user USER, SHA / AES-128, fixed authoritative engine id,
engine boots and time given with -Z) and sends it to a UDP socket of this script on 127.0.0.1,
which writes the datagrams into OUT as PBP1 records (units = 1). The users file the appliance
needs (codec.snmpUsersFile) is written next to it as snmp-users.yaml.

Time window caveat: the traps carry a fixed engine time. RFC 3414 receivers that enforce the
timeliness window (150 s) for notifications, such as snmptrapd, reject them once their notion of
the sender's time has moved on; NoC Raven's codec does not apply the window (see UsmVerifier),
so replaying these traps is accepted there. Rebuild them for a receiver that enforces it.
"""
import argparse
import os
import socket
import struct
import subprocess

ENGINE = "80001f8880e9b104617a6b5c00"
USER, AUTH, PRIV = "ravenbench", "ravenbench-auth-pass", "ravenbench-priv-pass"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("out", help="PBP1 file to write, e.g. payloads/snmp_v3.bin")
    ap.add_argument("-n", type=int, default=200, help="traps (one snmptrap run each)")
    a = ap.parse_args()
    rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rx.bind(("127.0.0.1", 0))
    rx.settimeout(5)
    port = rx.getsockname()[1]
    env = dict(os.environ, SNMP_PERSISTENT_DIR=os.path.join(os.path.dirname(os.path.abspath(a.out)),
                                                             "snmp-persist"), SNMPCONFPATH="/nonexistent")
    items = []
    for i in range(a.n):
        trap = "1.3.6.1.6.3.1.1.5.%d" % (3 + i % 2)  # linkDown / linkUp
        cmd = ["snmptrap", "-v3", "-e", "0x" + ENGINE, "-Z", "7,%d" % (1000 + i), "-u", USER, "-l", "authPriv",
               "-a", "SHA", "-A", AUTH, "-x", "AES", "-X", PRIV, "127.0.0.1:%d" % port, "", trap,
               "1.3.6.1.2.1.2.2.1.1.%d" % (i % 48 + 1), "i", str(i % 48 + 1),
               "1.3.6.1.2.1.2.2.1.2.%d" % (i % 48 + 1), "s", "GigabitEthernet1/0/%d" % (i % 48 + 1),
               "1.3.6.1.2.1.2.2.1.7.%d" % (i % 48 + 1), "i", "1",
               "1.3.6.1.2.1.2.2.1.8.%d" % (i % 48 + 1), "i", str(2 - i % 2)]
        subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=30)
        data, _ = rx.recvfrom(65535)
        items.append(data)
    with open(a.out, "wb") as f:
        f.write(b"PBP1")
        for d in items:
            f.write(struct.pack("!II", len(d), 1) + d)
    users = os.path.join(os.path.dirname(os.path.abspath(a.out)), "snmp-users.yaml")
    with open(users, "w") as f:
        f.write("- user: %s\n  engineId: \"%s\"\n  authProtocol: SHA\n  authPassphrase: %s\n"
                "  privProtocol: AES\n  privPassphrase: %s\n" % (USER, ENGINE, AUTH, PRIV))
    ls = [len(d) for d in items]
    print("snmp_v3 n=%d bytes min/avg/max=%d/%d/%d units/dgram=1.00 users=%s" % (
        len(ls), min(ls), sum(ls) // len(ls), max(ls), users))


if __name__ == "__main__":
    main()
