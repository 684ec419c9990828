package io.nocraven.codec.winevent;

/**
 * Windows event levels (winmeta.xml): 0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Information, 5 Verbose;
 * 6..255 are provider-defined and have no standard name.
 */
final class WindowsLevels
{
    /** Audit Success (bit 53) and Audit Failure (bit 52). */
    static final long AUDIT_BITS = 0x0030000000000000L;

    private static final String[] NAMES = {"LogAlways", "Critical", "Error", "Warning", "Information", "Verbose"};

    private WindowsLevels()
    {
    }

    /**
     * @param level 0..255.
     * @return the standard name, or null for provider-defined levels.
     */
    static String name(final long level)
    {
        return level >= 0 && level < NAMES.length ? NAMES[(int)level] : null;
    }

    /**
     * Maps a level display name (any case) to its number: the standard names and {@code info}, plus NXLog
     * {@code EventType} values ({@code AUDIT_SUCCESS} and {@code AUDIT_FAILURE} are level 0: Windows logs
     * security audits at LogAlways).
     *
     * @param name the name.
     * @return 0..5, or -1 when unknown.
     */
    static int fromName(final String name)
    {
        if (name == null)
        {
            return -1;
        }
        switch (name.trim().toLowerCase(java.util.Locale.ROOT))
        {
            case "logalways", "log always", "audit_success", "audit_failure":
                return 0;
            case "critical":
                return 1;
            case "error":
                return 2;
            case "warning":
                return 3;
            case "information", "info":
                return 4;
            case "verbose":
                return 5;
            default:
                return -1;
        }
    }

    /**
     * Maps NXLog's normalised {@code SeverityValue} (1 DEBUG, 2 INFO, 3 WARNING, 4 ERROR, 5 CRITICAL) to a level.
     *
     * @param severity the SeverityValue.
     * @return 1..5, or -1 when out of range.
     */
    static int fromNxlogSeverity(final long severity)
    {
        return severity >= 1 && severity <= 5 ? 6 - (int)severity : -1;
    }
}
