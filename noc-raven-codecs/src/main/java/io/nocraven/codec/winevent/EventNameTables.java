package io.nocraven.codec.winevent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Display names to numbers for shippers that send names only (Winlogbeat sends {@code task: "Logon"},
 * {@code opcode: "Info"}, {@code keywords: ["Audit Success"]}), and per-provider facts those shippers drop.
 * The data is in the resource {@code event-names.tsv} beside this class (sources listed in its header): the standard
 * winmeta keywords and opcodes, the Security-Auditing task (audit subcategory) numbers, and a few provider entries.
 * A name that is not in the table resolves to null; nothing is guessed. Loaded once; immutable and thread-safe.
 */
final class EventNameTables
{
    /** The tables from the bundled resource. */
    static final EventNameTables DEFAULT = load();

    private static final String ANY = "*";

    private final Map<String, Long> entries;

    private EventNameTables(final Map<String, Long> entries)
    {
        this.entries = entries;
    }

    /**
     * @param name a keyword display name.
     * @return its bits, or null when unknown.
     */
    Long keywordBits(final String name)
    {
        return entries.get(key("keyword", ANY, name));
    }

    /**
     * @param provider the provider name (may be null).
     * @param name     a task display name.
     * @return the task number, or null when unknown.
     */
    Long task(final String provider, final String name)
    {
        return lookup("task", provider, name);
    }

    /**
     * @param provider the provider name (may be null).
     * @param name     an opcode display name.
     * @return the opcode number, or null when unknown.
     */
    Long opcode(final String provider, final String name)
    {
        return lookup("opcode", provider, name);
    }

    /**
     * @param provider the provider name (may be null).
     * @return true when the provider's task numbers equal its event ids (Sysmon).
     */
    boolean taskIsEventId(final String provider)
    {
        return provider != null && entries.containsKey(key("taskIsEventId", provider, ANY));
    }

    /**
     * @param provider the provider name (may be null).
     * @return keyword bits the provider sets on every event but no shipper names (channel bits), or 0.
     */
    long channelKeywords(final String provider)
    {
        final Long v = provider == null ? null : entries.get(key("channelKeywords", provider, ANY));
        return v == null ? 0L : v;
    }

    private Long lookup(final String table, final String provider, final String name)
    {
        if (provider != null)
        {
            final Long v = entries.get(key(table, provider, name));
            if (v != null)
            {
                return v;
            }
        }
        return entries.get(key(table, ANY, name));
    }

    private static String key(final String table, final String provider, final String name)
    {
        return table + '\t' + provider.toLowerCase(Locale.ROOT) + '\t' + name.toLowerCase(Locale.ROOT);
    }

    private static EventNameTables load()
    {
        final Map<String, Long> map = new HashMap<>();
        try (InputStream in = EventNameTables.class.getResourceAsStream("event-names.tsv"))
        {
            if (in == null)
            {
                throw new IllegalStateException("resource event-names.tsv missing beside " + EventNameTables.class.getName());
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null)
            {
                lineNo++;
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] f = line.split("\t");
                if (f.length != 4)
                {
                    throw new IllegalStateException("event-names.tsv line " + lineNo + ": " + f.length
                        + " columns (expected: 4, tab-separated)");
                }
                final String v = f[3].trim();
                final long value = v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
                map.put(key(f[0], f[1], f[2]), value);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new EventNameTables(Map.copyOf(map));
    }
}
