#!/usr/bin/env python3
"""Independent reference for AES-192/256 USM key extension (stdlib only; written for NoC Raven's tests).

RFC 3414 A.2 password-to-key + localization; the two key-extension methods for keys shorter than the cipher:
  blumenthal (draft-blumenthal-aes-usm-04 3.1.2.1, net-snmp): Kul' = Kul || H(Kul) || H(Kul || H(Kul)) ...
  reeder (draft-reeder-snmpv3-usm-3desede-00 2.1, Cisco): Kul' = Kul || localize(password_to_key(Kul))
Writes aes_key_extension_vectors.json next to this script.
"""
import hashlib, json, os

ENGINE = bytes.fromhex("80001f888001020304050607")
HASH = {"MD5": hashlib.md5, "SHA": hashlib.sha1}
KEYLEN = {"AES-192": 24, "AES-256": 32}

def password_to_key(h, password):
    buf = (password * (1048576 // len(password) + 1))[:1048576]
    return h(buf).digest()

def localize(h, ku, engine):
    return h(ku + engine + ku).digest()

def kul(h, password, engine):
    return localize(h, password_to_key(h, password), engine)

def blumenthal(h, key, n):
    while len(key) < n:
        key += h(key).digest()
    return key[:n]

def reeder(h, key, n, engine):
    k = key
    while len(key) < n:
        k = kul(h, k, engine)
        key += k
    return key[:n]

vectors = []
for auth in ("MD5", "SHA"):
    for priv in ("AES-192", "AES-256"):
        h = HASH[auth]
        password = b"privpass-extension"
        base = kul(h, password, ENGINE)
        vectors.append({"auth_protocol": auth, "priv_protocol": priv, "engine_id_hex": ENGINE.hex(),
                        "priv_password": password.decode(), "priv_Kul_hex": base.hex(),
                        "blumenthal_key_hex": blumenthal(h, base, KEYLEN[priv]).hex(),
                        "reeder_key_hex": reeder(h, base, KEYLEN[priv], ENGINE).hex()})
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "aes_key_extension_vectors.json")
with open(out, "w") as f:
    json.dump({"generator": "aes_key_extension_vectors.py", "vectors": vectors}, f, indent=1)
    f.write("\n")
