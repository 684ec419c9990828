package io.nocraven.codec.netflow;

/**
 * Turns NetFlow sysUptime-relative times ({@code first}/{@code last}, IE 22/21) into absolute epoch milliseconds.
 * <p>
 * The arithmetic, all in 64-bit integers and in milliseconds (never whole seconds, which is what puts other
 * collectors off by up to a second when the uptime's milliseconds "borrow" from the export second):
 * <pre>
 *   exportMillis = unix_secs * 1000 + unix_nsecs / 1_000_000          (floor)
 *   age          = (sysUptime - switched) mod 2^32                      (unsigned 32-bit difference)
 *   absolute     = exportMillis - age
 * </pre>
 * Taking the difference modulo 2^32 handles the uptime wrap (sysUptime is a 32-bit millisecond counter that wraps
 * after about 49.7 days): a flow switched at uptime 4294967000 and exported at uptime 500 is 796 ms old, not
 * 49 days in the future. The consequence is that a {@code switched} value slightly <em>ahead</em> of the header's
 * sysUptime (an exporter bug) reads as almost 49.7 days old; nfdump and nfacctd compute the same, and the raw
 * sysUptime values are always written beside the absolute ones so nothing is lost.
 */
public final class SysUpTime
{
    private static final long UINT32_MASK = 0xFFFF_FFFFL;

    private SysUpTime()
    {
    }

    /**
     * @param unixSecs  export time seconds (unsigned 32-bit, already widened).
     * @param unixNsecs export time residual nanoseconds (unsigned 32-bit, already widened).
     * @return export time in epoch milliseconds.
     */
    public static long exportMillis(final long unixSecs, final long unixNsecs)
    {
        return unixSecs * 1000L + unixNsecs / 1_000_000L;
    }

    /**
     * @param exportMillis export time in epoch milliseconds.
     * @param sysUptime    the header's sysUptime in ms (unsigned 32-bit, widened).
     * @param switched     a record's first or last switched uptime in ms (unsigned 32-bit, widened).
     * @return the absolute time of {@code switched} in epoch milliseconds.
     */
    public static long absoluteMillis(final long exportMillis, final long sysUptime, final long switched)
    {
        return exportMillis - ((sysUptime - switched) & UINT32_MASK);
    }
}
