package io.nocraven.codec.syslog;

/**
 * Vendor extras of one message, as offsets and numbers (see the dialect table in {@code docs/record-schema.md}):
 * Cisco ({@code %FAC-SEV-MNEMONIC}, counters, clock marker), Juniper (event tag), Cisco ISE (segments), FortiGate
 * ({@code key=value} pairs) and Palo Alto (CSV fields).
 */
final class VendorFields
{
    boolean cisco;
    long ciscoCounter;
    long ciscoSequence;
    int ciscoFacilityStart;
    int ciscoFacilityEnd;
    int ciscoSeverity;
    int ciscoMnemonicStart;
    int ciscoMnemonicEnd;
    /** {@code '*'} (clock not synchronised), {@code '.'} (synchronisation lost) or 0. */
    byte ciscoClockMarker;

    int juniperEventStart;
    int juniperEventEnd;

    boolean ise;
    long iseMessageId;
    long iseSegmentTotal;
    long iseSegmentNumber;

    /** FortiGate pairs; used when {@link #kvPresent}. */
    final Spans kv = new Spans(64);
    boolean kvPresent;

    /** Palo Alto CSV fields (values only); used when {@link #csvPresent}. */
    final Spans csv = new Spans(128);
    boolean csvPresent;

    void clear()
    {
        cisco = false;
        ciscoCounter = -1;
        ciscoSequence = -1;
        ciscoFacilityStart = SyslogMessage.NONE;
        ciscoSeverity = -1;
        ciscoMnemonicStart = SyslogMessage.NONE;
        ciscoClockMarker = 0;
        juniperEventStart = SyslogMessage.NONE;
        ise = false;
        kvPresent = false;
        kv.clear();
        csvPresent = false;
        csv.clear();
    }
}
