package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads the {@code --snmp-users FILE} format (also the appliance's {@code snmp.users}): a YAML or JSON list of
 * users with the keys {@code user}, {@code engineId} (hex, optional: without it the user matches any engine and
 * its keys are localized per agent), {@code authProtocol} ({@code none|MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512}),
 * {@code authPassphrase}, {@code privProtocol} ({@code none|DES|3DES|AES|AES-192|AES-256}),
 * {@code privPassphrase}, {@code keyExtension} ({@code blumenthal|reeder}, default {@code blumenthal}).
 * The list may also be under a top-level {@code users} key. Unknown keys are errors (they are usually typos).
 * <p>
 * The shared test fixture's {@code credentials.json} shape is accepted as is: an object whose {@code usm_users}
 * list uses {@code user}, {@code engine_id_hex}, {@code auth_protocol}, {@code auth_password},
 * {@code priv_protocol}, {@code priv_password} (null meaning none); its other keys are ignored.
 * <p>
 * Errors name the file, the entry index (from 0), the key, the value and what was expected.
 */
public final class SnmpUsers
{
    private static final Map<String, String> FIXTURE_KEYS = Map.of(
        "user", "user", "engine_id_hex", "engineId", "auth_protocol", "authProtocol",
        "auth_password", "authPassphrase", "priv_protocol", "privProtocol", "priv_password", "privPassphrase",
        "key_extension", "keyExtension");
    private static final Set<String> KEYS = Set.of(
        "user", "engineId", "authProtocol", "authPassphrase", "privProtocol", "privPassphrase", "keyExtension");

    private SnmpUsers()
    {
    }

    /**
     * @param file a YAML ({@code .yaml}/{@code .yml}) or JSON file.
     * @return the users, in file order.
     * @throws IOException              when the file cannot be read or parsed.
     * @throws IllegalArgumentException when an entry is invalid (naming index, key, value and expectation).
     */
    public static List<SnmpUser> load(final Path file) throws IOException
    {
        final String text = Files.readString(file, StandardCharsets.UTF_8);
        final ObjectMapper mapper = text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[")
            ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        final JsonNode root;
        try
        {
            root = mapper.readTree(text);
        }
        catch (final IOException ex)
        {
            throw new IOException("snmp users file " + file + ": not valid JSON or YAML: " + ex.getMessage(), ex);
        }
        return parse(root, file.toString());
    }

    /**
     * Reads users from an already parsed document: a list of users, or an object with a {@code users} list (the
     * appliance's inline {@code codec.snmpUsers} key uses the list form).
     *
     * @param root   the parsed document.
     * @param source where it came from, for messages (a file name or a config key).
     * @return the users, in order.
     * @throws IllegalArgumentException when an entry is invalid (naming index, key, value and expectation).
     */
    public static List<SnmpUser> parse(final JsonNode root, final String source)
    {
        JsonNode list = root;
        boolean fixtureShape = false;
        if (root != null && root.isObject())
        {
            fixtureShape = root.has("usm_users");
            list = fixtureShape ? root.get("usm_users") : root.get("users");
        }
        if (list == null || !list.isArray())
        {
            throw new IllegalArgumentException("snmp users file " + source
                + ": expected a list of users (or an object with a 'users' list)");
        }
        final List<SnmpUser> users = new ArrayList<>();
        for (int i = 0; i < list.size(); i++)
        {
            users.add(entry(list.get(i), i, source, fixtureShape));
        }
        return users;
    }

    private static SnmpUser entry(final JsonNode node, final int index, final String source, final boolean fixture)
    {
        final String where = "snmp users file " + source + ": entry " + index;
        if (node == null || !node.isObject())
        {
            throw new IllegalArgumentException(where + ": '" + node + "' (expected: an object with key 'user')");
        }
        final Map<String, String> v = new java.util.HashMap<>();
        for (final Map.Entry<String, JsonNode> e : node.properties())
        {
            final String key = fixture ? FIXTURE_KEYS.get(e.getKey()) : e.getKey();
            if (key == null)
            {
                continue;
            }
            if (!KEYS.contains(key))
            {
                throw new IllegalArgumentException(where + ": key '" + e.getKey() + "' (expected one of: " + KEYS + ")");
            }
            final JsonNode value = e.getValue();
            if (!value.isNull() && !value.isTextual())
            {
                throw new IllegalArgumentException(where + ": key '" + e.getKey() + "' value '" + value
                    + "' (expected: a string; quote numbers in YAML, e.g. engineId: \"8000...\")");
            }
            v.put(key, value.isNull() ? null : value.asText());
        }
        final String user = v.get("user");
        if (user == null || user.isEmpty() || user.getBytes(StandardCharsets.UTF_8).length > 32)
        {
            throw new IllegalArgumentException(where + ": key 'user' value '" + user
                + "' (expected: a user name of 1..32 bytes)");
        }
        final String at = where + " (user '" + user + "')";
        final String engineId = engineId(v.get("engineId"), at);
        check(at, "authProtocol", v.get("authProtocol"), () -> SnmpSecurityProtocols.auth(v.get("authProtocol")),
            SnmpSecurityProtocols.AUTH_NAMES);
        check(at, "keyExtension", v.get("keyExtension"), () -> SnmpSecurityProtocols.isReeder(v.get("keyExtension")),
            SnmpSecurityProtocols.KEY_EXTENSION_NAMES);
        check(at, "privProtocol", v.get("privProtocol"),
            () -> SnmpSecurityProtocols.priv(v.get("privProtocol"), v.get("keyExtension")), SnmpSecurityProtocols.PRIV_NAMES);
        final boolean auth = SnmpSecurityProtocols.auth(v.get("authProtocol")) != null;
        final boolean priv = SnmpSecurityProtocols.priv(v.get("privProtocol"), v.get("keyExtension")) != null;
        if (priv && !auth)
        {
            throw new IllegalArgumentException(at + ": key 'privProtocol' value '" + v.get("privProtocol")
                + "' (expected: none, because authProtocol is none; USM has no privacy without authentication)");
        }
        passphrase(at, "authPassphrase", v.get("authPassphrase"), auth);
        passphrase(at, "privPassphrase", v.get("privPassphrase"), priv);
        return new SnmpUser(user, engineId, v.get("authProtocol") == null ? "none" : v.get("authProtocol"),
            v.get("authPassphrase"), v.get("privProtocol") == null ? "none" : v.get("privProtocol"),
            v.get("privPassphrase"), v.get("keyExtension") == null ? "blumenthal" : v.get("keyExtension").strip()
                .toLowerCase(Locale.ROOT));
    }

    private static String engineId(final String raw, final String at)
    {
        if (raw == null || raw.isBlank())
        {
            return null;
        }
        String hex = raw.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.startsWith("0x"))
        {
            hex = hex.substring(2);
        }
        try
        {
            final byte[] b = HexFormat.of().parseHex(hex);
            if (b.length < 1 || b.length > 32)
            {
                throw new IllegalArgumentException("length");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(at + ": key 'engineId' value '" + raw
                + "' (expected: 1..32 bytes as hex digits, e.g. 80001f888001020304050607)", ex);
        }
        return hex;
    }

    private static void check(final String at, final String key, final String value, final Runnable parse,
        final String expected)
    {
        try
        {
            parse.run();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(at + ": key '" + key + "' value '" + value + "' (expected: " + expected
                + ")", ex);
        }
    }

    private static void passphrase(final String at, final String key, final String value, final boolean needed)
    {
        if (needed && (value == null || value.length() < 8))
        {
            throw new IllegalArgumentException(at + ": key '" + key + "' " + (value == null ? "is missing" : "is too short")
                + " (expected: at least 8 characters, RFC 3414 §11.2)");
        }
    }
}
