package io.nocraven.bench.buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Loads the UDP payloads of the benchmark captures (classic little-endian pcap, Ethernet, IPv4/IPv6) and lays them
 * out as buffer records (24-byte header + payload, 8-byte aligned) in one frame. A minimal reader on purpose: the
 * benchmark must not depend on test code.
 */
final class BenchPayloads
{
    private static final String[] SYSLOG = {
        "logger_rfc3164_udp.pcap", "logger_rfc5424_udp.pcap", "rsyslog_fwd_rfc3164_udp.pcap"};
    private static final String[] NETFLOW = {"fprobe_v5.pcap", "pmacctd_nfprobe_v9_full.pcap", "softflowd_ipfix.pcap"};

    private BenchPayloads()
    {
    }

    static byte[] recordFrame(final String corpus) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long sequence = 0;
        for (final String name : "syslog".equals(corpus) ? SYSLOG : NETFLOW)
        {
            final ByteBuffer pcap = load("/bench/buffer/" + name);
            int at = 24;
            while (at + 16 <= pcap.limit())
            {
                final int captured = pcap.getInt(at + 8);
                final byte[] payload = udpPayload(pcap, at + 16, captured);
                if (payload != null)
                {
                    final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
                    header.putInt(24 + payload.length).putInt((int)(sequence * 2654435761L)).putInt((int)sequence)
                        .putShort((short)1).putShort((short)0).putLong(1_700_000_000_000L + sequence * 37);
                    out.write(header.array());
                    out.write(payload);
                    out.write(new byte[(8 - (payload.length & 7)) & 7]);
                    sequence++;
                }
                at += 16 + captured;
            }
        }
        return out.toByteArray();
    }

    private static ByteBuffer load(final String resource) throws IOException
    {
        try (InputStream in = BenchPayloads.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IOException("missing resource " + resource);
            }
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static byte[] udpPayload(final ByteBuffer pcap, final int frame, final int length)
    {
        final ByteBuffer be = pcap.duplicate().order(ByteOrder.BIG_ENDIAN);
        final int etherType = be.getShort(frame + 12) & 0xFFFF;
        int at = frame + 14;
        final int protocol;
        if (etherType == 0x0800)
        {
            protocol = be.get(at + 9) & 0xFF;
            at += (be.get(at) & 0x0F) * 4;
        }
        else if (etherType == 0x86DD)
        {
            protocol = be.get(at + 6) & 0xFF;
            at += 40;
        }
        else
        {
            return null;
        }
        final int payloadLength = Math.min((be.getShort(at + 4) & 0xFFFF) - 8, frame + length - at - 8);
        if (protocol != 17 || payloadLength <= 0)
        {
            return null;
        }
        final byte[] payload = new byte[payloadLength];
        be.get(at + 8, payload);
        return payload;
    }
}
