package io.nocraven.codec.snmp;

import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.smi.OctetString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured USM users, keyed by user name and engine ID, with their localized keys cached. A user configured
 * without an engine ID matches any authoritative engine: its keys are localized for the engine ID of the message
 * (learning the agent's engine ID) and kept in a bounded LRU cache ({@link #MAX_CACHED} entries), because key
 * localization costs about two million hash rounds per key. Single-threaded, like the decoder that owns it.
 */
final class UsmUserTable
{
    /** Most localized users kept. */
    static final int MAX_CACHED = 1024;

    /** Why {@link #find} found no user. */
    static final String UNKNOWN_USER = "unknown user";
    /** Why {@link #find} found no user: the name is configured, but for other engine IDs. */
    static final String UNKNOWN_ENGINE_ID = "unknown engine ID";

    private final Map<String, List<Configured>> byName = new HashMap<>();
    private final Map<String, UsmLocalizedUser> cache = new LinkedHashMap<>(64, 0.75f, true)
    {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, UsmLocalizedUser> eldest)
        {
            return size() > MAX_CACHED;
        }
    };
    private String failure;

    /**
     * @param users the configured users.
     * @throws IllegalArgumentException naming the user, key and value when a protocol name or engine ID is bad.
     */
    UsmUserTable(final List<SnmpUser> users)
    {
        int index = 0;
        for (final SnmpUser u : users)
        {
            final Configured c = Configured.of(u, index++);
            byName.computeIfAbsent(c.key, k -> new ArrayList<>(1)).add(c);
        }
    }

    /**
     * Finds the user for a message.
     *
     * @param b       the message bytes.
     * @param nameOff user name offset.
     * @param nameLen user name length.
     * @param engOff  authoritative engine ID offset.
     * @param engLen  authoritative engine ID length.
     * @return the user with keys localized for the engine, or null ({@link #failure()} says why).
     */
    UsmLocalizedUser find(final byte[] b, final int nameOff, final int nameLen, final int engOff, final int engLen)
    {
        final String name = new String(b, nameOff, nameLen, StandardCharsets.ISO_8859_1);
        final List<Configured> candidates = byName.get(name);
        if (candidates == null)
        {
            failure = UNKNOWN_USER;
            return null;
        }
        final byte[] engine = new byte[engLen];
        System.arraycopy(b, engOff, engine, 0, engLen);
        Configured match = null;
        for (final Configured c : candidates)
        {
            if (c.engineId != null && java.util.Arrays.equals(c.engineId, engine))
            {
                match = c;
                break;
            }
            if (c.engineId == null && match == null)
            {
                match = c;
            }
        }
        if (match == null)
        {
            failure = UNKNOWN_ENGINE_ID;
            return null;
        }
        final String cacheKey = name + '\u0000' + match.index + '\u0000' + HexFormat.of().formatHex(engine);
        UsmLocalizedUser user = cache.get(cacheKey);
        if (user == null)
        {
            user = match.localize(engine);
            cache.put(cacheKey, user);
        }
        return user;
    }

    /**
     * @return why the last {@link #find} returned null.
     */
    String failure()
    {
        return failure;
    }

    /**
     * @return how many localized users are cached.
     */
    int cachedCount()
    {
        return cache.size();
    }

    /** One configured user, not yet localized. */
    private record Configured(String key, int index, byte[] engineId, String authName, String privName,
        String keyExtension, OctetString authPass, OctetString privPass)
    {
        static Configured of(final SnmpUser u, final int index)
        {
            if (u.user() == null)
            {
                throw new IllegalArgumentException("snmp user #" + index + ": key 'user' is missing (expected a name)");
            }
            final String where = "snmp user #" + index + " '" + u.user() + "': ";
            byte[] engine = null;
            if (u.engineId() != null && !u.engineId().isBlank())
            {
                try
                {
                    engine = HexFormat.of().parseHex(u.engineId().strip().toLowerCase(Locale.ROOT));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException(where + "engineId '" + u.engineId()
                        + "' (expected: hex digits, e.g. 80001f888001020304050607)", ex);
                }
            }
            try
            {
                final AuthenticationProtocol auth = SnmpSecurityProtocols.auth(u.authProtocol());
                final PrivacyProtocol priv = SnmpSecurityProtocols.priv(u.privProtocol(), u.keyExtension());
                if (priv != null && auth == null)
                {
                    throw new IllegalArgumentException("privProtocol '" + u.privProtocol()
                        + "' needs an authProtocol (expected: authProtocol other than none)");
                }
                requirePass(auth != null, "authPassphrase", u.authPassphrase());
                requirePass(priv != null, "privPassphrase", u.privPassphrase());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(where + ex.getMessage(), ex);
            }
            final String key = new String(u.user().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            return new Configured(key, index, engine, u.authProtocol(), u.privProtocol(), u.keyExtension(),
                u.authPassphrase() == null ? null : new OctetString(u.authPassphrase()),
                u.privPassphrase() == null ? null : new OctetString(u.privPassphrase()));
        }

        private static void requirePass(final boolean needed, final String key, final String value)
        {
            if (needed && (value == null || value.length() < 8))
            {
                throw new IllegalArgumentException(key + " '" + (value == null ? "" : "***")
                    + "' (expected: at least 8 characters, RFC 3414 §11.2)");
            }
        }

        @Override
        public String toString()
        {
            return "Configured{user=" + key + ", index=" + index + '}';
        }

        UsmLocalizedUser localize(final byte[] engine)
        {
            final AuthenticationProtocol auth = SnmpSecurityProtocols.auth(authName);
            final PrivacyProtocol priv = SnmpSecurityProtocols.priv(privName, keyExtension);
            final byte[] name = key.getBytes(StandardCharsets.ISO_8859_1);
            final byte[] authKey = auth == null ? null : auth.passwordToKey(authPass, engine);
            final byte[] privKey = priv == null ? null : SecurityProtocols.passwordToKey(priv, auth, privPass, engine);
            return new UsmLocalizedUser(name, engine, auth, authKey, priv, privKey);
        }
    }
}
