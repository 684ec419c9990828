package io.nocraven.codec.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns byte ranges used as JSON keys (SD-IDs, PARAM-NAMEs, FortiGate keys) into {@link String}s without
 * allocating for names seen before: a direct-mapped cache of 1024 entries keyed by the bytes' hash. A miss
 * allocates the string (and evicts the slot's previous name).
 */
final class NameCache
{
    private static final int SIZE = 1024;

    private final byte[][] keys = new byte[SIZE][];
    private final String[] names = new String[SIZE];

    String get(final byte[] buf, final int start, final int end)
    {
        int h = 0x811C9DC5;
        for (int i = start; i < end; i++)
        {
            h = (h ^ buf[i]) * 0x01000193;
        }
        final int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        final byte[] k = keys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, buf, start, end))
        {
            return names[slot];
        }
        final String s = new String(buf, start, end - start, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(buf, start, end);
        names[slot] = s;
        return s;
    }
}
