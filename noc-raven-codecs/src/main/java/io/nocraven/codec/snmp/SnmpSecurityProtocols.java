package io.nocraven.codec.snmp;

import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.nonstandard.PrivAES192With3DESKeyExtension;
import org.snmp4j.security.nonstandard.PrivAES256With3DESKeyExtension;

import java.util.Locale;

/**
 * Maps the configuration names of USM protocols to SNMP4J's implementations:
 * <ul>
 * <li>auth: {@code none}, {@code MD5} (RFC 3414), {@code SHA} (SHA-1, RFC 3414), {@code SHA-224},
 *     {@code SHA-256}, {@code SHA-384}, {@code SHA-512} (HMAC-SHA-2, RFC 7860);</li>
 * <li>priv: {@code none}, {@code DES} (RFC 3414), {@code 3DES} (draft-reeder-snmpv3-usm-3desede), {@code AES}
 *     (AES-128-CFB, RFC 3826), {@code AES-192} and {@code AES-256} with the key extension chosen per user:
 *     {@code blumenthal} (draft-blumenthal-aes-usm-04, net-snmp; SNMP4J {@code PrivAES192/256}) or {@code reeder}
 *     (draft-reeder-snmpv3-usm-3desede key extension, Cisco; SNMP4J
 *     {@code PrivAES192/256With3DESKeyExtension}).</li>
 * </ul>
 * Names are matched case-insensitively; {@code SHA1}/{@code SHA-1}, {@code AES128}/{@code AES-128},
 * {@code AES192}, {@code AES256} and {@code DES3}/{@code TDES} are accepted as aliases.
 */
public final class SnmpSecurityProtocols
{
    /** The accepted auth protocol names, for error messages. */
    public static final String AUTH_NAMES = "none, MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512";
    /** The accepted privacy protocol names, for error messages. */
    public static final String PRIV_NAMES = "none, DES, 3DES, AES, AES-192 or AES-256";
    /** The accepted key extension names, for error messages. */
    public static final String KEY_EXTENSION_NAMES = "blumenthal or reeder";

    private SnmpSecurityProtocols()
    {
    }

    /**
     * @param name a configuration name (null or {@code none} for no authentication).
     * @return a new protocol instance, or null for none.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static AuthenticationProtocol auth(final String name)
    {
        switch (canonical(name))
        {
            case "NONE": return null;
            case "MD5": return new AuthMD5();
            case "SHA": case "SHA1": case "SHA-1": return new AuthSHA();
            case "SHA-224": case "SHA224": return new AuthHMAC128SHA224();
            case "SHA-256": case "SHA256": return new AuthHMAC192SHA256();
            case "SHA-384": case "SHA384": return new AuthHMAC256SHA384();
            case "SHA-512": case "SHA512": return new AuthHMAC384SHA512();
            default: throw new IllegalArgumentException("authProtocol '" + name + "' (expected: " + AUTH_NAMES + ")");
        }
    }

    /**
     * @param name         a configuration name (null or {@code none} for no privacy).
     * @param keyExtension {@code blumenthal} (or null) or {@code reeder}; matters for AES-192/256 only.
     * @return a new protocol instance, or null for none.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static PrivacyProtocol priv(final String name, final String keyExtension)
    {
        final boolean reeder = isReeder(keyExtension);
        switch (canonical(name))
        {
            case "NONE": return null;
            case "DES": return new PrivDES();
            case "3DES": case "DES3": case "TDES": return new Priv3DES();
            case "AES": case "AES128": case "AES-128": return new PrivAES128();
            case "AES-192": case "AES192": return reeder ? new PrivAES192With3DESKeyExtension() : new PrivAES192();
            case "AES-256": case "AES256": return reeder ? new PrivAES256With3DESKeyExtension() : new PrivAES256();
            default: throw new IllegalArgumentException("privProtocol '" + name + "' (expected: " + PRIV_NAMES + ")");
        }
    }

    /**
     * @param keyExtension a configuration value, null meaning the default.
     * @return true for {@code reeder}, false for {@code blumenthal} or null.
     * @throws IllegalArgumentException for anything else.
     */
    public static boolean isReeder(final String keyExtension)
    {
        if (keyExtension == null || "blumenthal".equalsIgnoreCase(keyExtension.strip()))
        {
            return false;
        }
        if ("reeder".equalsIgnoreCase(keyExtension.strip()))
        {
            return true;
        }
        throw new IllegalArgumentException("keyExtension '" + keyExtension + "' (expected: " + KEY_EXTENSION_NAMES + ")");
    }

    private static String canonical(final String name)
    {
        return name == null ? "NONE" : name.strip().toUpperCase(Locale.ROOT).replace('_', '-');
    }
}
