package io.nocraven.codec;

import io.nocraven.codec.ipfix.IpfixDecoder;
import io.nocraven.codec.ipfix.IpfixMessageFramer;
import io.nocraven.codec.netflow.NetFlowDecoder;
import io.nocraven.codec.netflow.v5.NetFlowV5Decoder;
import io.nocraven.codec.netflow.v9.NetFlowV9Decoder;
import io.nocraven.codec.sflow.SFlowDecoder;
import io.nocraven.codec.snmp.SnmpTrapDecoder;
import io.nocraven.codec.syslog.SyslogDecoder;
import io.nocraven.codec.syslog.framing.SyslogFramer;
import io.nocraven.codec.winevent.WindowsEventDecoder;

/**
 * Creates the decoder and stream framer for each protocol family. The one place that knows which class decodes
 * what; the CLI and the appliance both go through it.
 */
public final class Decoders
{
    private Decoders()
    {
    }

    /**
     * Creates a decoder for a family. Stateful decoders (templates) keep per-exporter state, so create one per
     * pipeline and reuse it for every datagram of that family.
     *
     * @param family  the protocol family.
     * @param options shared decoder settings.
     * @return a new decoder.
     */
    public static DatagramDecoder create(final ProtocolFamily family, final CodecOptions options)
    {
        switch (family)
        {
            case SYSLOG:
                return new SyslogDecoder(options);
            case NETFLOW:
                return new NetFlowDecoder(new NetFlowV5Decoder(options), new NetFlowV9Decoder(options));
            case IPFIX:
                return new IpfixDecoder(options);
            case SFLOW:
                return new SFlowDecoder(options);
            case SNMP:
                return new SnmpTrapDecoder(options);
            case WINDOWS_EVENT:
                return new WindowsEventDecoder(options);
            default:
                return new UnsupportedDecoder();
        }
    }

    /**
     * Creates a framer for one TCP connection of a family, or null when the family does not run over TCP.
     *
     * @param family  the protocol family.
     * @param options shared decoder settings.
     * @return a new framer, or null.
     */
    public static StreamFramer createFramer(final ProtocolFamily family, final CodecOptions options)
    {
        switch (family)
        {
            case IPFIX:
                return new IpfixMessageFramer();
            case SYSLOG:
                return new SyslogFramer(options.maxFrameBytes());
            default:
                return null;
        }
    }
}
