package io.nocraven.codec;

import java.util.Locale;

/**
 * The protocol families a listener or the {@code decode} command can be told to expect, with their well-known ports
 * and a content check used by {@code --protocol auto}.
 */
public enum ProtocolFamily
{
    /** NetFlow v5 and v9 (the version field picks the decoder). */
    NETFLOW("netflow", 2055, 9995, 9996),
    /** IPFIX over UDP or TCP. */
    IPFIX("ipfix", 4739),
    /** sFlow v5. */
    SFLOW("sflow", 6343),
    /** Syslog RFC 3164 / RFC 5424 over UDP or TCP (RFC 6587 framing). */
    SYSLOG("syslog", 514, 6514),
    /** SNMP traps and informs. */
    SNMP("snmp", 162),
    /** Windows events as JSON (HTTP bodies or files). */
    WINDOWS_EVENT("windows-event", 8084);

    private final String cliName;
    private final int[] ports;

    ProtocolFamily(final String cliName, final int... ports)
    {
        this.cliName = cliName;
        this.ports = ports;
    }

    /**
     * @return the name used on the command line and in configuration.
     */
    public String cliName()
    {
        return cliName;
    }

    /**
     * @return the well-known ports.
     */
    public int[] ports()
    {
        return ports.clone();
    }

    /**
     * @param name a CLI name such as {@code netflow}.
     * @return the family.
     * @throws IllegalArgumentException naming the value and the accepted ones.
     */
    public static ProtocolFamily fromCliName(final String name)
    {
        final String lower = name.toLowerCase(Locale.ROOT);
        for (final ProtocolFamily f : values())
        {
            if (f.cliName.equals(lower))
            {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name
            + "' (expected: netflow, ipfix, sflow, syslog, snmp or windows-event)");
    }

    /**
     * @param port a UDP/TCP destination port.
     * @return the family whose well-known port it is, or null.
     */
    public static ProtocolFamily byPort(final int port)
    {
        for (final ProtocolFamily f : values())
        {
            for (final int p : f.ports)
            {
                if (p == port)
                {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Guesses the family from the first bytes of a datagram.
     *
     * @param buf    bytes.
     * @param offset start.
     * @param length length.
     * @return the family, or null when nothing matches.
     */
    public static ProtocolFamily byContent(final byte[] buf, final int offset, final int length)
    {
        if (length >= 4)
        {
            final int v16 = ((buf[offset] & 0xFF) << 8) | (buf[offset + 1] & 0xFF);
            final int v32 = (v16 << 16) | ((buf[offset + 2] & 0xFF) << 8) | (buf[offset + 3] & 0xFF);
            if (v16 == 5 || v16 == 9)
            {
                return NETFLOW;
            }
            if (v16 == 10)
            {
                return IPFIX;
            }
            if (v32 == 5 && length >= 28)
            {
                return SFLOW;
            }
        }
        if (length >= 2 && (buf[offset] & 0xFF) == 0x30)
        {
            return SNMP;
        }
        if (length >= 1)
        {
            int i = offset;
            if (length >= 3 && (buf[i] & 0xFF) == 0xEF && (buf[i + 1] & 0xFF) == 0xBB && (buf[i + 2] & 0xFF) == 0xBF)
            {
                i += 3;
            }
            final int end = offset + length;
            while (i < end && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
            {
                i++;
            }
            if (i < end && (buf[i] == '{' || buf[i] == '['))
            {
                return WINDOWS_EVENT;
            }
            if (i < end && (buf[i] == '<' || (buf[i] >= 0x20 && buf[i] < 0x7F)))
            {
                return SYSLOG;
            }
        }
        return null;
    }
}
