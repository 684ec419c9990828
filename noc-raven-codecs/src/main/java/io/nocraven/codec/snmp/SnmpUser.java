package io.nocraven.codec.snmp;

/**
 * One SNMPv3 USM user as configured (the {@code --snmp-users} file and the appliance configuration share this
 * shape). Passphrases are secrets: {@link #toString()} never shows them.
 *
 * @param user           the USM user name.
 * @param engineId       the authoritative engine ID in hex, or null to match (and learn) any engine.
 * @param authProtocol   {@code none}, {@code MD5}, {@code SHA}, {@code SHA-224}, {@code SHA-256}, {@code SHA-384}
 *                       or {@code SHA-512}.
 * @param authPassphrase the authentication passphrase, or null.
 * @param privProtocol   {@code none}, {@code DES}, {@code 3DES}, {@code AES}, {@code AES-192} or {@code AES-256}.
 * @param privPassphrase the privacy passphrase, or null.
 * @param keyExtension   {@code blumenthal} (net-snmp, default) or {@code reeder} (Cisco) for AES-192/256.
 */
public record SnmpUser(
    String user,
    String engineId,
    String authProtocol,
    String authPassphrase,
    String privProtocol,
    String privPassphrase,
    String keyExtension)
{
    @Override
    public String toString()
    {
        return "SnmpUser{user=" + user + ", engineId=" + engineId + ", auth=" + authProtocol + ", priv=" + privProtocol
            + ", keyExtension=" + keyExtension + '}';
    }
}
