package io.nocraven.codec.syslog;

import io.nocraven.core.record.Protocol;

/**
 * One parsed syslog message as byte ranges into the input (a flyweight-style holder reused for every message, so
 * parsing allocates nothing). A range whose start is {@link #NONE} is absent (written as JSON null).
 * <p>
 * The timestamp is the exception: it is written as text into {@link #timestamp} because RFC 3164 timestamps are
 * completed (year, zone offset) and lenient RFC 5424 ones normalised.
 */
final class SyslogMessage
{
    /** Start of an absent range. */
    static final int NONE = -1;

    byte[] buf;
    Protocol protocol;
    String dialect;
    int facility;
    int severity;
    boolean priMissing;
    /** RFC 5424 VERSION, 0 for RFC 3164 (written as null). */
    int version;

    final byte[] timestamp = new byte[64];
    int timestampLength;

    int hostStart;
    int hostEnd;
    int appStart;
    int appEnd;
    int procStart;
    int procEnd;
    int msgIdStart;
    int msgIdEnd;
    int messageStart;
    int messageEnd;

    /** STRUCTURED-DATA; {@link StructuredData#present} false for NILVALUE or none. */
    final StructuredData structuredData = new StructuredData();
    /** Vendor extras (Cisco, Juniper, FortiGate, Palo Alto, ISE). */
    final VendorFields vendor = new VendorFields();

    void reset(final byte[] input)
    {
        buf = input;
        protocol = Protocol.RFC3164;
        dialect = null;
        facility = 0;
        severity = 0;
        priMissing = false;
        version = 0;
        timestampLength = 0;
        hostStart = NONE;
        appStart = NONE;
        procStart = NONE;
        msgIdStart = NONE;
        messageStart = NONE;
        hostEnd = 0;
        appEnd = 0;
        procEnd = 0;
        msgIdEnd = 0;
        messageEnd = 0;
        structuredData.clear();
        vendor.clear();
    }

    void hostname(final int start, final int end)
    {
        hostStart = start;
        hostEnd = end;
    }

    void appName(final int start, final int end)
    {
        appStart = start;
        appEnd = end;
    }

    void procId(final int start, final int end)
    {
        procStart = start;
        procEnd = end;
    }

    void msgId(final int start, final int end)
    {
        msgIdStart = start;
        msgIdEnd = end;
    }

    void message(final int start, final int end)
    {
        messageStart = start;
        messageEnd = end;
    }

    /**
     * Sets the message to {@code [start, end)} without a leading UTF-8 BOM, or to null when the range is empty
     * and {@code nullWhenEmpty}.
     */
    void messageWithoutBom(final int start, final int end, final boolean nullWhenEmpty)
    {
        final int s = SyslogBytes.isBom(buf, start, end) ? start + 3 : start;
        if (s >= end && nullWhenEmpty)
        {
            messageStart = NONE;
            return;
        }
        message(s, end);
    }
}
