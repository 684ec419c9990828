package io.nocraven.examples.decode;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.StreamFramer;
import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.CaptureStats;
import io.nocraven.core.capture.PacketHandler;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes pcap or pcapng captures into JSON lines: the smallest complete use of the codecs.
 * <ol>
 *     <li>{@link CaptureReader} (noc-raven-core) walks the capture and calls this class back with every UDP
 *     datagram (IP fragments already reassembled) and with the in-order payload bytes of each TCP direction;</li>
 *     <li>the protocol family comes from the well-known port ({@link ProtocolFamily#byPort}), else from the first
 *     bytes ({@link ProtocolFamily#byContent});</li>
 *     <li>{@link Decoders#create} gives one decoder per family, kept for the whole run so that NetFlow v9 and IPFIX
 *     templates learnt from one datagram decode the next ones;</li>
 *     <li>TCP bytes (syslog over TCP, IPFIX over TCP) first go through the family's {@link StreamFramer}, one per
 *     connection direction, which cuts them into messages;</li>
 *     <li>every record goes to a {@link JsonRecordWriter}, which formats one JSON object per line
 *     ({@code docs/record-schema.md}); undecodable input becomes an {@code invalid} record, never a silent drop.</li>
 * </ol>
 * Run it with {@code DecodeCaptureExample FILE...}: JSON lines on stdout, a count per record kind on stderr.
 * Single-threaded, like the decoders themselves.
 */
public final class DecodeCaptureExample implements PacketHandler
{
    private final CodecOptions options;
    private final Map<ProtocolFamily, DatagramDecoder> decoders = new EnumMap<>(ProtocolFamily.class);
    private final Map<String, TcpDirection> tcpDirections = new HashMap<>();
    private final Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
    // One envelope, refilled for every datagram: the decoders read it and never keep it.
    private final RecordContext context = new RecordContext();
    private final JsonRecordWriter writer;

    /**
     * @param options decoder settings (syslog mode, time zone for RFC 3164, SNMPv3 users...).
     * @param out     where the JSON lines go, one record per line.
     */
    public DecodeCaptureExample(final CodecOptions options, final Appendable out)
    {
        this.options = options;
        // The writer reuses one byte buffer; the line (a JsonLine: UTF-8 bytes, readable as a CharSequence) is valid
        // only during the callback, so write it out now.
        this.writer = new JsonRecordWriter((kind, line) ->
        {
            counts.merge(kind, 1L, Long::sum);
            try
            {
                out.append(line).append('\n');
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write a JSON line: " + ex.getMessage(), ex);
            }
        });
    }

    /**
     * Decodes every packet of one capture. Call it for several captures in a row to carry templates across them,
     * then {@link #finish()} once.
     *
     * @param capture a pcap or pcapng file.
     * @return what the capture reader saw (frames, datagrams, TCP segments, what it skipped).
     * @throws IOException when the file cannot be read or is not a well-formed capture (the records of the packets
     *                     before the fault have been written).
     */
    public CaptureStats decode(final Path capture) throws IOException
    {
        return CaptureReader.read(capture, this);
    }

    /**
     * Ends the input: flushes open TCP directions and what the decoders still hold (for example data records whose
     * template never arrived, written as {@code invalid} records with reason {@code template not received}).
     */
    public void finish()
    {
        tcpDirections.values().forEach(TcpDirection::end);
        tcpDirections.clear();
        decoders.values().forEach(decoder -> decoder.finish(writer));
    }

    /**
     * @return records written so far, by kind (kinds with no record are absent).
     */
    public Map<RecordKind, Long> counts()
    {
        return Collections.unmodifiableMap(counts);
    }

    /**
     * @return one line such as {@code flow=393 (total 393)}.
     */
    public String summary()
    {
        final StringBuilder sb = new StringBuilder();
        long total = 0;
        for (final Map.Entry<RecordKind, Long> e : counts.entrySet())
        {
            sb.append(e.getKey().wireName()).append('=').append(e.getValue()).append(' ');
            total += e.getValue();
        }
        return sb.append("(total ").append(total).append(')').toString();
    }

    @Override
    public void onUdp(
        final long timestampNanos,
        final InetSocketAddress source,
        final InetSocketAddress destination,
        final byte[] data,
        final int offset,
        final int length)
    {
        // The listener name says how the data arrived; the appliance uses names like "netflow-udp" instead.
        context.set(source, "udp/" + destination.getPort(), timestampNanos);
        decode(familyOf(source, destination, data, offset, length), data, offset, length);
    }

    @Override
    public void onTcp(
        final long timestampNanos,
        final InetSocketAddress source,
        final InetSocketAddress destination,
        final byte[] data,
        final int offset,
        final int length)
    {
        final String key = source + ">" + destination;
        TcpDirection direction = tcpDirections.get(key);
        if (direction == null)
        {
            // The family of a connection is decided once, on its first bytes.
            direction = new TcpDirection(familyOf(source, destination, data, offset, length), source, destination);
            tcpDirections.put(key, direction);
        }
        direction.onBytes(timestampNanos, data, offset, length);
    }

    @Override
    public void onTcpEnd(final long timestampNanos, final InetSocketAddress source, final InetSocketAddress destination)
    {
        final TcpDirection direction = tcpDirections.remove(source + ">" + destination);
        if (direction != null)
        {
            direction.end();
        }
    }

    private static ProtocolFamily familyOf(
        final InetSocketAddress source, final InetSocketAddress destination, final byte[] data, final int offset,
        final int length)
    {
        ProtocolFamily family = ProtocolFamily.byPort(destination.getPort());
        if (family == null)
        {
            family = ProtocolFamily.byPort(source.getPort());
        }
        return family != null ? family : ProtocolFamily.byContent(data, offset, length);
    }

    private void decode(final ProtocolFamily family, final byte[] data, final int offset, final int length)
    {
        if (family == null)
        {
            // Nothing recognised the bytes: report them (hex included) rather than drop them.
            InvalidRecords.write(writer, null, context, InvalidRecords.UNSUPPORTED_PROTOCOL, 0, data, offset, length);
            return;
        }
        final DatagramDecoder decoder = decoders.computeIfAbsent(family, f -> Decoders.create(f, options));
        // Never throws on wire bytes: a broken datagram becomes an invalid record and a counter by reason.
        decoder.decode(context, data, offset, length, writer);
    }

    /** One direction of a TCP connection: its framer, and the sender for the envelope of each frame. */
    private final class TcpDirection implements StreamFramer.FrameHandler
    {
        private final ProtocolFamily family;
        private final InetSocketAddress source;
        private final String listener;
        private final StreamFramer framer;
        private long timestampNanos;

        TcpDirection(final ProtocolFamily family, final InetSocketAddress source, final InetSocketAddress destination)
        {
            this.family = family;
            this.source = source;
            this.listener = "tcp/" + destination.getPort();
            // Null for families that never run over TCP (NetFlow, sFlow, SNMP): their bytes are reported below.
            this.framer = family == null ? null : Decoders.createFramer(family, options);
        }

        void onBytes(final long timestampNanos, final byte[] data, final int offset, final int length)
        {
            this.timestampNanos = timestampNanos;
            if (framer == null)
            {
                onError("no stream framing for this protocol", 0, data, offset, length);
            }
            else
            {
                framer.onBytes(data, offset, length, this);
            }
        }

        void end()
        {
            if (framer != null)
            {
                framer.onEnd(this);
            }
        }

        @Override
        public void onFrame(final byte[] buf, final int offset, final int length)
        {
            context.set(source, listener, timestampNanos);
            decode(family, buf, offset, length);
        }

        @Override
        public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset, final int length)
        {
            context.set(source, listener, timestampNanos);
            InvalidRecords.write(writer, null, context, reason, (int)Math.min(Integer.MAX_VALUE, streamOffset), buf, offset,
                length);
        }
    }

    /**
     * Decodes the captures named on the command line to stdout.
     *
     * @param args capture files.
     * @throws IOException when a file cannot be read or stdout cannot be written.
     */
    public static void main(final String... args) throws IOException
    {
        if (args.length == 0)
        {
            System.err.println("usage: DecodeCaptureExample CAPTURE.pcap[ng]...");
            System.exit(2);
        }
        final BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        final DecodeCaptureExample example = new DecodeCaptureExample(CodecOptions.defaults(), out);
        for (final String file : args)
        {
            final CaptureStats stats = example.decode(Path.of(file));
            System.err.println(file + ": " + stats.udpDatagrams() + " UDP datagrams, " + stats.tcpSegments()
                + " TCP segments");
        }
        example.finish();
        out.flush();
        System.err.println("records: " + example.summary());
    }
}
