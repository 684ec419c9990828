package io.nocraven.codec.snmp;

import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.ByteArrayWindow;
import org.snmp4j.security.DecryptParams;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.PrivacyProtocol;

/**
 * The USM checks of an incoming message (RFC 3414 §3.2 steps 6-8) done with SNMP4J's protocol classes: HMAC over
 * the whole message with the authentication parameters zeroed (on a copy: the datagram is never modified), then
 * decryption of the encrypted ScopedPDU (DES-CBC, 3DES-EDE, AES-CFB128). The timeliness check (§3.2 step 7) is not
 * done: a trap receiver decoding captures or replays would reject every old message, and notifications are not
 * commands. Reasons are stable: {@code authentication failed}, {@code decryption failed}.
 */
final class UsmVerifier
{
    static final String AUTHENTICATION_FAILED = "authentication failed";
    static final String DECRYPTION_FAILED = "decryption failed";

    private final DecryptParams decryptParams = new DecryptParams();
    private byte[] scratch = new byte[2048];
    private byte[] salt = new byte[8];

    /**
     * @param user   the user.
     * @param m      the parsed header.
     * @param b      the datagram.
     * @param msgOff where the SNMP message (outer SEQUENCE) starts.
     * @param msgLen its length (header included, trailing bytes excluded).
     * @return true when the HMAC matches.
     */
    boolean isAuthentic(final UsmLocalizedUser user, final V3MessageFlyweight m, final byte[] b, final int msgOff,
        final int msgLen)
    {
        final AuthenticationProtocol auth = user.auth();
        if (m.authParamsLength != auth.getAuthenticationCodeLength())
        {
            return false;
        }
        if (scratch.length < msgLen)
        {
            scratch = new byte[Math.max(msgLen, scratch.length * 2)];
        }
        System.arraycopy(b, msgOff, scratch, 0, msgLen);
        final ByteArrayWindow digest = new ByteArrayWindow(scratch, m.authParamsOffset - msgOff, m.authParamsLength);
        return auth.isAuthentic(user.authKey(), scratch, 0, msgLen, digest);
    }

    /**
     * Decrypts the encryptedPDU.
     *
     * @param user    the user (with a privacy protocol).
     * @param m       the parsed header.
     * @param b       the datagram.
     * @param dataOff first byte of the encrypted data.
     * @param dataLen its length.
     * @return the plaintext (SNMP4J allocates it), or null when it cannot be decrypted.
     */
    byte[] decrypt(final UsmLocalizedUser user, final V3MessageFlyweight m, final byte[] b, final int dataOff,
        final int dataLen)
    {
        final PrivacyProtocol priv = user.priv();
        if (m.privParamsLength != priv.getDecryptParamsLength() || dataLen == 0
            || ((priv instanceof PrivDES || priv instanceof Priv3DES) && dataLen % 8 != 0))
        {
            return null;
        }
        // copied to offset 0: SNMP4J's PrivDES reads decryptParams.array ignoring decryptParams.offset
        if (salt.length != m.privParamsLength)
        {
            salt = new byte[m.privParamsLength];
        }
        System.arraycopy(b, m.privParamsOffset, salt, 0, m.privParamsLength);
        decryptParams.setValues(salt, 0, m.privParamsLength);
        try
        {
            return priv.decrypt(b, dataOff, dataLen, user.privKey(), m.engineBoots, m.engineTime, decryptParams);
        }
        catch (final RuntimeException ex)
        {
            // SNMP4J reports cipher errors as runtime exceptions; wire bytes must never escape as one.
            return null;
        }
    }
}
