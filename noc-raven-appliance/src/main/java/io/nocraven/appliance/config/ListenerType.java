package io.nocraven.appliance.config;

import io.nocraven.codec.ProtocolFamily;
import java.util.Locale;

/**
 * The listeners the appliance can run. The enum constant's config name ({@code syslog-udp}) is the key under
 * {@code listeners.} and the name of the listener's buffer stream.
 */
public enum ListenerType
{
    /** Syslog over UDP (RFC 5426). */
    SYSLOG_UDP(ProtocolFamily.SYSLOG, Transport.UDP, true),
    /** Syslog over TCP, octet-counted or newline framed (RFC 6587). */
    SYSLOG_TCP(ProtocolFamily.SYSLOG, Transport.TCP, true),
    /** Syslog over TLS (RFC 5425). */
    SYSLOG_TLS(ProtocolFamily.SYSLOG, Transport.TCP, true),
    /** NetFlow v5/v9 over UDP. */
    NETFLOW_UDP(ProtocolFamily.NETFLOW, Transport.UDP, false),
    /** IPFIX over UDP. */
    IPFIX_UDP(ProtocolFamily.IPFIX, Transport.UDP, false),
    /** IPFIX over TCP (RFC 7011 message framing). */
    IPFIX_TCP(ProtocolFamily.IPFIX, Transport.TCP, false),
    /** sFlow v5 over UDP. */
    SFLOW_UDP(ProtocolFamily.SFLOW, Transport.UDP, false),
    /** SNMP traps and informs over UDP. */
    SNMP_UDP(ProtocolFamily.SNMP, Transport.UDP, false),
    /** Windows events posted as JSON over HTTP(S). */
    WINDOWS_HTTP(ProtocolFamily.WINDOWS_EVENT, Transport.TCP, false);

    /** Network transport of a listener. */
    public enum Transport
    {
        /** Datagrams. */
        UDP,
        /** Streams. */
        TCP
    }

    /** {@code values()} clones its array on every call. */
    private static final ListenerType[] ALL = values();

    private final ProtocolFamily family;
    private final Transport transport;
    private final boolean syslog;
    /** Computed once: the ingest path reads it for every datagram. */
    private final String configName;

    ListenerType(final ProtocolFamily family, final Transport transport, final boolean syslog)
    {
        this.configName = name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.family = family;
        this.transport = transport;
        this.syslog = syslog;
    }

    /**
     * @return the name used in config, streams and metrics, e.g. {@code syslog-udp}.
     */
    public String configName()
    {
        return configName;
    }

    /**
     * @return the protocol family decoded on this listener.
     */
    public ProtocolFamily family()
    {
        return family;
    }

    /**
     * @return UDP or TCP.
     */
    public Transport transport()
    {
        return transport;
    }

    /**
     * @return true for the syslog listeners (their frames can be relayed as syslog).
     */
    public boolean isSyslog()
    {
        return syslog;
    }

    /**
     * @param name a config name such as {@code netflow-udp}.
     * @return the type, or null when unknown.
     */
    public static ListenerType byConfigName(final String name)
    {
        for (final ListenerType t : ALL)
        {
            if (t.configName().equals(name))
            {
                return t;
            }
        }
        return null;
    }
}
