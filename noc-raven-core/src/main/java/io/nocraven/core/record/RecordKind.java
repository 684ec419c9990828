package io.nocraven.core.record;

/**
 * The {@code kind} of a record, as written in the envelope.
 */
public enum RecordKind
{
    /** A flow record (NetFlow, IPFIX, sFlow flow sample). */
    FLOW("flow"),
    /** An options data record (NetFlow v9 / IPFIX options template data). */
    OPTIONS("options"),
    /** An sFlow counter sample. */
    COUNTERS("counters"),
    /** A syslog message. */
    SYSLOG("syslog"),
    /** An SNMP trap or inform. */
    SNMP_TRAP("snmp-trap"),
    /** A Windows event. */
    WINDOWS_EVENT("windows-event"),
    /** Input that could not be decoded: reported, never silently dropped. */
    INVALID("invalid");

    private final String wireName;

    RecordKind(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the name written in the {@code kind} key.
     */
    public String wireName()
    {
        return wireName;
    }
}
