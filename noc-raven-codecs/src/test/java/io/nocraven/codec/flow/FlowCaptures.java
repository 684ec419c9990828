package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test support for the flow decoders until the shared capture reader lands: the UDP payloads of a classic pcap
 * (Ethernet, IPv4/IPv6, unfragmented UDP: what every flow fixture is), and decoding a list of datagrams with one
 * decoder into parsed JSON records.
 */
final class FlowCaptures
{
    static final String FIXTURES = "/fixtures/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowCaptures()
    {
    }

    /** One UDP datagram of a capture. */
    record Datagram(byte[] source, int sourcePort, int destinationPort, long timeNanos, byte[] payload)
    {
        RecordContext context()
        {
            return new RecordContext().set(source, 0, source.length, sourcePort, "udp/" + destinationPort, timeNanos);
        }
    }

    static byte[] resource(final String path)
    {
        try (InputStream in = FlowCaptures.class.getResourceAsStream(path))
        {
            if (in == null)
            {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Datagram> udp(final String path)
    {
        final ByteBuffer b = ByteBuffer.wrap(resource(path));
        final int magic = b.getInt(0);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1)
        {
            b.order(ByteOrder.LITTLE_ENDIAN);
        }
        final boolean nanos = magic == 0x4d3cb2a1 || magic == 0xa1b23c4d;
        final List<Datagram> out = new ArrayList<>();
        int p = 24;
        while (p + 16 <= b.limit())
        {
            final long sec = b.getInt(p) & 0xFFFFFFFFL;
            final long frac = b.getInt(p + 4) & 0xFFFFFFFFL;
            final int incl = b.getInt(p + 8);
            final int frame = p + 16;
            p = frame + incl;
            final byte[] f = Arrays.copyOfRange(b.array(), frame, frame + incl);
            final Datagram d = parseEthernet(f, sec * 1_000_000_000L + (nanos ? frac : frac * 1000));
            if (d != null)
            {
                out.add(d);
            }
        }
        return out;
    }

    private static Datagram parseEthernet(final byte[] f, final long time)
    {
        int p = 12;
        int type = u16(f, p);
        p += 2;
        while (type == 0x8100 || type == 0x88a8)
        {
            type = u16(f, p + 2);
            p += 4;
        }
        final byte[] src;
        final int udp;
        if (type == 0x0800 && (f[p + 9] & 0xFF) == 17)
        {
            src = Arrays.copyOfRange(f, p + 12, p + 16);
            udp = p + (f[p] & 0x0F) * 4;
        }
        else if (type == 0x86dd && (f[p + 6] & 0xFF) == 17)
        {
            src = Arrays.copyOfRange(f, p + 8, p + 24);
            udp = p + 40;
        }
        else
        {
            return null;
        }
        final int length = u16(f, udp + 4) - 8;
        return new Datagram(src, u16(f, udp), u16(f, udp + 2), time, Arrays.copyOfRange(f, udp + 8, udp + 8 + length));
    }

    private static int u16(final byte[] b, final int p)
    {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    /** Decodes every datagram in order with one decoder, then finishes it; returns the parsed records. */
    static List<JsonNode> decodeAll(final DatagramDecoder decoder, final List<Datagram> datagrams)
    {
        final List<JsonNode> records = new ArrayList<>();
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> records.add(parse(line)));
        for (final Datagram d : datagrams)
        {
            decoder.decode(d.context(), d.payload(), 0, d.payload().length, out);
        }
        decoder.finish(out);
        return records;
    }

    static JsonNode parse(final CharSequence line)
    {
        try
        {
            return JSON.readTree(line.toString());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<JsonNode> jsonLines(final String path)
    {
        final List<JsonNode> list = new ArrayList<>();
        for (final String line : new String(resource(path), java.nio.charset.StandardCharsets.UTF_8).split("\n"))
        {
            if (!line.isBlank())
            {
                list.add(parse(line));
            }
        }
        return list;
    }
}
