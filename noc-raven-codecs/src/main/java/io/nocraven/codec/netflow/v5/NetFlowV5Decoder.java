package io.nocraven.codec.netflow.v5;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.COUNT_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.ENGINE_ID_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.ENGINE_TYPE_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.FLOW_SEQUENCE_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.HEADER_LENGTH;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.MAX_COUNT;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.RECORD_LENGTH;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SAMPLING_INTERVAL_MASK;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SAMPLING_MODE_SHIFT;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SAMPLING_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SYS_UPTIME_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.UNIX_NSECS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.UNIX_SECS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.VERSION;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.VERSION_OFFSET;

/**
 * Decodes NetFlow version 5 export packets (layout: {@link NetFlowV5Descriptor}) into {@code flow} records whose
 * {@code fields} carry IANA IPFIX names (see {@link NetFlowV5RecordWriter}).
 * <p>
 * One input may hold several export packets back to back (raw dumps such as Graylog's {@code netflow-v5-1.dat}):
 * they are all decoded. Each packet is checked whole (header, count, length) before any of its records is written,
 * so a truncated packet produces no partial records: the packets before it are written, then one {@code invalid}
 * record with the offset of the packet's first incomplete record. Reasons: {@code truncated header},
 * {@code unsupported version}, {@code invalid record count} (more than {@value NetFlowV5Descriptor#MAX_COUNT}),
 * {@code truncated record}, {@code record count mismatch} (bytes after the last packet that are not another v5
 * header). Stateless apart from counters; allocates nothing per packet.
 */
public final class NetFlowV5Decoder implements DatagramDecoder
{
    /** Reason for input shorter than a header. */
    public static final String TRUNCATED_HEADER = "truncated header";
    /** Reason for a version other than 5. */
    public static final String UNSUPPORTED_VERSION = "unsupported version";
    /** Reason for a count above {@link NetFlowV5Descriptor#MAX_COUNT}. */
    public static final String INVALID_COUNT = "invalid record count";
    /** Reason for a packet shorter than its count says. */
    public static final String TRUNCATED_RECORD = "truncated record";
    /** Reason for bytes after the last packet that do not start another v5 packet. */
    public static final String COUNT_MISMATCH = "record count mismatch";

    private final DecodeCounters counters = new DecodeCounters();
    private final NetFlowV5RecordWriter recordWriter = new NetFlowV5RecordWriter();

    /**
     * @param options shared decoder settings (NetFlow v5 needs none of them today; taken so that every decoder is
     *                built the same way by {@code Decoders}).
     */
    public NetFlowV5Decoder(final CodecOptions options)
    {
        java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        final int end = offset + length;
        int pos = offset;
        int packets = 0;
        do
        {
            final int remaining = end - pos;
            if (remaining < HEADER_LENGTH || u16(buf, pos + VERSION_OFFSET) != VERSION)
            {
                if (packets > 0)
                {
                    return invalid(context, COUNT_MISMATCH, pos, buf, offset, length, out);
                }
                final boolean shortInput = remaining < 2 || (remaining < HEADER_LENGTH && u16(buf, pos) == VERSION);
                return invalid(context, shortInput ? TRUNCATED_HEADER : UNSUPPORTED_VERSION, pos, buf, offset,
                    length, out);
            }
            final int count = u16(buf, pos + COUNT_OFFSET);
            if (count > MAX_COUNT)
            {
                return invalid(context, INVALID_COUNT, pos + COUNT_OFFSET, buf, offset, length, out);
            }
            final int packetLength = HEADER_LENGTH + count * RECORD_LENGTH;
            if (packetLength > remaining)
            {
                final int complete = (remaining - HEADER_LENGTH) / RECORD_LENGTH;
                return invalid(context, TRUNCATED_RECORD, pos + HEADER_LENGTH + complete * RECORD_LENGTH, buf, offset,
                    length, out);
            }
            writePacket(context, buf, pos, count, out);
            pos += packetLength;
            packets++;
        }
        while (pos < end);
        return DecodeStatus.OK;
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }

    private void writePacket(final RecordContext context, final byte[] buf, final int pos, final int count,
        final RecordWriter out)
    {
        final int sampling = u16(buf, pos + SAMPLING_OFFSET);
        recordWriter.header(
            count,
            u32(buf, pos + SYS_UPTIME_OFFSET),
            u32(buf, pos + UNIX_SECS_OFFSET),
            u32(buf, pos + UNIX_NSECS_OFFSET),
            u32(buf, pos + FLOW_SEQUENCE_OFFSET),
            buf[pos + ENGINE_TYPE_OFFSET] & 0xFF,
            buf[pos + ENGINE_ID_OFFSET] & 0xFF,
            sampling >>> SAMPLING_MODE_SHIFT,
            sampling & SAMPLING_INTERVAL_MASK);
        int recordAt = pos + HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            out.beginRecord(RecordKind.FLOW, Protocol.NETFLOW_V5, context);
            recordWriter.writeHeader(out);
            recordWriter.writeFields(buf, recordAt, out);
            out.endRecord();
            counters.onRecord();
            recordAt += RECORD_LENGTH;
        }
    }

    private DecodeStatus invalid(final RecordContext context, final String reason, final int errorAt, final byte[] buf,
        final int offset, final int length, final RecordWriter out)
    {
        counters.onInvalid(reason);
        InvalidRecords.write(out, Protocol.NETFLOW_V5, context, reason, errorAt - offset, buf, offset, length);
        return DecodeStatus.INVALID;
    }

    static int u16(final byte[] buf, final int at)
    {
        return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    }

    static long u32(final byte[] buf, final int at)
    {
        return i32(buf, at) & 0xFFFF_FFFFL;
    }

    static int i32(final byte[] buf, final int at)
    {
        return ((buf[at] & 0xFF) << 24) | ((buf[at + 1] & 0xFF) << 16) | ((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF);
    }
}
