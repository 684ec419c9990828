package io.nocraven.codec.snmp;

import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.PrivacyProtocol;

/**
 * A USM user with its keys localized (RFC 3414 §2.6, RFC 7860) for one authoritative engine ID. Computing these
 * keys hashes a megabyte per key, so {@link UsmUserTable} caches them.
 *
 * @param userName the user name bytes.
 * @param engineId the authoritative engine ID the keys are localized for.
 * @param auth     the authentication protocol, or null (noAuthNoPriv user).
 * @param authKey  the localized authentication key, or null.
 * @param priv     the privacy protocol, or null.
 * @param privKey  the localized privacy key (extended or truncated to the cipher's size), or null.
 */
record UsmLocalizedUser(
    byte[] userName, byte[] engineId, AuthenticationProtocol auth, byte[] authKey, PrivacyProtocol priv, byte[] privKey)
{
    /**
     * @return the highest security level the user supports: 0 noAuthNoPriv, 1 authNoPriv, 3 authPriv (msgFlags).
     */
    int maxLevelFlags()
    {
        return auth == null ? 0 : priv == null ? 1 : 3;
    }

    @Override
    public String toString()
    {
        return "UsmLocalizedUser{keys hidden}";
    }
}
