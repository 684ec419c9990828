package io.nocraven.codec.winevent;

import java.util.Locale;
import java.util.Set;

/**
 * The parts of a Content-Type header the Windows event decoder cares about: whether the type is JSON or NDJSON and
 * the {@code charset} parameter (RFC 9110 §8.3: type and parameter names are case-insensitive, values may be
 * quoted).
 * <p>
 * Accepted types: {@code application/json}, {@code text/json}, any {@code +json} suffix and {@code text/plain}
 * (JSON: a single object, an array, or NDJSON recognised by its shape); {@code application/x-ndjson},
 * {@code application/ndjson}, {@code application/jsonl}, {@code application/x-jsonl},
 * {@code application/jsonlines}, {@code application/x-jsonlines} and {@code application/json-seq} (one event per
 * line). No Content-Type at all is taken as JSON. Accepted charsets: {@code utf-8}, {@code us-ascii},
 * {@code utf-16}, {@code utf-16le}, {@code utf-16be}, {@code iso-8859-1}, {@code windows-1252}.
 *
 * @param ndjson  true for the line-per-event types.
 * @param charset the charset parameter, lowercased, {@code "utf-8"} when absent.
 * @param error   why the header is refused (HTTP 415), or null.
 */
record MediaType(boolean ndjson, String charset, String error)
{
    private static final Set<String> JSON = Set.of("application/json", "text/json", "text/plain");
    private static final Set<String> NDJSON = Set.of("application/x-ndjson", "application/ndjson", "application/jsonl",
        "application/x-jsonl", "application/jsonlines", "application/x-jsonlines", "application/json-seq");
    private static final Set<String> CHARSETS = Set.of("utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le",
        "utf-16be", "iso-8859-1", "latin1", "windows-1252", "cp1252");
    private static final MediaType DEFAULT = new MediaType(false, "utf-8", null);

    /**
     * @param header the Content-Type header value, or null.
     * @return what it says.
     */
    static MediaType parse(final String header)
    {
        if (header == null || header.isBlank())
        {
            return DEFAULT;
        }
        final String[] parts = header.split(";");
        final String type = parts[0].trim().toLowerCase(Locale.ROOT);
        final boolean nd = NDJSON.contains(type);
        if (!nd && !JSON.contains(type) && !type.endsWith("+json"))
        {
            return new MediaType(false, "utf-8", "unsupported media type");
        }
        String charset = "utf-8";
        for (int i = 1; i < parts.length; i++)
        {
            final String p = parts[i].trim();
            final int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset"))
            {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"')
                {
                    v = v.substring(1, v.length() - 1);
                }
                charset = v.toLowerCase(Locale.ROOT);
            }
        }
        if (!CHARSETS.contains(charset))
        {
            return new MediaType(nd, charset, "unsupported charset");
        }
        return new MediaType(nd, charset, null);
    }
}
