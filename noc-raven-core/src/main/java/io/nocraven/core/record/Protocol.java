package io.nocraven.core.record;

/**
 * The {@code protocol} of a record, as written in the envelope.
 */
public enum Protocol
{
    /** Cisco NetFlow version 5. */
    NETFLOW_V5("netflow-v5"),
    /** NetFlow version 9 (RFC 3954). */
    NETFLOW_V9("netflow-v9"),
    /** IPFIX (RFC 7011). */
    IPFIX("ipfix"),
    /** sFlow version 5. */
    SFLOW_V5("sflow-v5"),
    /** BSD syslog (RFC 3164) and its vendor dialects. */
    RFC3164("rfc3164"),
    /** Syslog protocol (RFC 5424). */
    RFC5424("rfc5424"),
    /** SNMPv1 trap. */
    SNMP_V1("snmp-v1"),
    /** SNMPv2c notification. */
    SNMP_V2C("snmp-v2c"),
    /** SNMPv3 notification. */
    SNMP_V3("snmp-v3"),
    /** Windows event posted as JSON over HTTP. */
    WINDOWS_EVENT("windows-event");

    private final String wireName;

    Protocol(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the name written in the {@code protocol} key.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * Looks a protocol up by its wire name.
     *
     * @param wireName for example {@code "netflow-v9"}.
     * @return the protocol, or {@code null} when the name is unknown.
     */
    public static Protocol fromWireName(final String wireName)
    {
        for (final Protocol p : values())
        {
            if (p.wireName.equals(wireName))
            {
                return p;
            }
        }
        return null;
    }
}
