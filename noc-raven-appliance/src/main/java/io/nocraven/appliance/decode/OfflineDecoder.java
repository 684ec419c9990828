package io.nocraven.appliance.decode;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.StreamFramer;
import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.PacketHandler;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes captures and raw datagram files into JSON lines, written as the UTF-8 bytes the JSON writer made, each
 * followed by a newline. One decoder per protocol family for the whole run, so
 * templates carry across every input given; one framer per TCP connection direction.
 * <p>
 * The family of a datagram is the forced one ({@code --protocol}), else the one whose well-known port is the
 * destination port (then the source port), else the one its content looks like.
 */
public final class OfflineDecoder implements PacketHandler
{
    private static final InetSocketAddress UNKNOWN_EXPORTER = new InetSocketAddress("0.0.0.0", 0);

    private final ProtocolFamily forced;
    private final CodecOptions options;
    private final Map<ProtocolFamily, DatagramDecoder> decoders = new EnumMap<>(ProtocolFamily.class);
    private final Map<String, TcpStream> streams = new HashMap<>();
    private final RecordContext context = new RecordContext();
    private final DecodeSummary summary = new DecodeSummary();
    private final JsonRecordWriter writer;
    private IOException writeFailure;

    /**
     * @param forced  the family every input is decoded as, or null for auto-detection.
     * @param options decoder settings.
     * @param out     where JSON lines go (buffered by the caller, who also flushes it).
     */
    public OfflineDecoder(final ProtocolFamily forced, final CodecOptions options, final OutputStream out)
    {
        this.forced = forced;
        this.options = options;
        this.writer = new JsonRecordWriter((kind, line) ->
        {
            summary.onRecord(kind);
            if (writeFailure != null)
            {
                return;
            }
            try
            {
                line.writeTo(out);
                out.write('\n');
            }
            catch (final IOException ex)
            {
                writeFailure = ex;
            }
        });
    }

    /**
     * Decodes one file: a pcap/pcapng capture, or else a raw file holding one datagram (or, for NetFlow, several
     * export packets back to back), whose exporter is unknown and whose receive time is the file's modification time.
     *
     * @param file the input.
     * @throws IOException          when the file cannot be read or the capture is malformed (records decoded before
     *                              the error have been written).
     * @throws UncheckedIOException when writing the JSON lines failed.
     */
    public void decodeFile(final Path file) throws IOException
    {
        if (CaptureReader.isCaptureFile(file))
        {
            CaptureReader.read(file, this);
        }
        else
        {
            final byte[] bytes = Files.readAllBytes(file);
            final long mtimeNanos = Files.getLastModifiedTime(file).toInstant().toEpochMilli() * 1_000_000L;
            context.set(UNKNOWN_EXPORTER, "file", mtimeNanos);
            final ProtocolFamily family = forced != null ? forced : ProtocolFamily.byContent(bytes, 0, bytes.length);
            decode(family, bytes, 0, bytes.length);
        }
        checkWrite();
    }

    /**
     * Flushes state held by the decoders (data still waiting for templates comes out as invalid records).
     *
     * @throws UncheckedIOException when writing the JSON lines failed.
     */
    public void finish()
    {
        for (final TcpStream s : streams.values())
        {
            s.end();
        }
        streams.clear();
        for (final DatagramDecoder d : decoders.values())
        {
            d.finish(writer);
            summary.onInvalidReasons(d.counters().failuresByReason());
        }
        checkWrite();
    }

    /**
     * @return the counts so far.
     */
    public DecodeSummary summary()
    {
        return summary;
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
        TcpStream stream = streams.get(key);
        if (stream == null)
        {
            final ProtocolFamily family = familyOf(source, destination, data, offset, length);
            stream = new TcpStream(family, source, destination,
                family == null ? null : Decoders.createFramer(family, options));
            streams.put(key, stream);
        }
        stream.onBytes(timestampNanos, data, offset, length);
    }

    @Override
    public void onTcpEnd(final long timestampNanos, final InetSocketAddress source, final InetSocketAddress destination)
    {
        final TcpStream stream = streams.remove(source + ">" + destination);
        if (stream != null)
        {
            stream.end();
        }
    }

    private ProtocolFamily familyOf(
        final InetSocketAddress source, final InetSocketAddress destination, final byte[] data, final int offset, final int length)
    {
        if (forced != null)
        {
            return forced;
        }
        ProtocolFamily f = ProtocolFamily.byPort(destination.getPort());
        if (f == null)
        {
            f = ProtocolFamily.byPort(source.getPort());
        }
        return f != null ? f : ProtocolFamily.byContent(data, offset, length);
    }

    private void decode(final ProtocolFamily family, final byte[] data, final int offset, final int length)
    {
        if (family == null)
        {
            summary.onInput(DecodeStatus.INVALID);
            summary.onInvalidReasons(Map.of(InvalidRecords.UNSUPPORTED_PROTOCOL, 1L));
            InvalidRecords.write(writer, null, context, InvalidRecords.UNSUPPORTED_PROTOCOL, 0, data, offset, length);
            return;
        }
        final DatagramDecoder decoder = decoders.computeIfAbsent(family, f -> Decoders.create(f, options));
        summary.onInput(decoder.decode(context, data, offset, length, writer));
    }

    private void checkWrite()
    {
        if (writeFailure != null)
        {
            throw new UncheckedIOException(writeFailure);
        }
    }

    /** One direction of a TCP connection and its framer. */
    private final class TcpStream implements StreamFramer.FrameHandler
    {
        private final ProtocolFamily family;
        private final InetSocketAddress source;
        private final String listener;
        private final StreamFramer framer;
        private long timestampNanos;

        TcpStream(final ProtocolFamily family, final InetSocketAddress source, final InetSocketAddress destination,
            final StreamFramer framer)
        {
            this.family = family;
            this.source = source;
            this.listener = "tcp/" + destination.getPort();
            this.framer = framer;
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
            summary.onInput(DecodeStatus.INVALID);
            summary.onInvalidReasons(Map.of(reason, 1L));
            InvalidRecords.write(writer, null, context, reason, (int)Math.min(Integer.MAX_VALUE, streamOffset), buf, offset, length);
        }
    }

    /**
     * @param kind a kind.
     * @return records written of that kind so far.
     */
    public long records(final RecordKind kind)
    {
        return summary.records(kind);
    }
}
