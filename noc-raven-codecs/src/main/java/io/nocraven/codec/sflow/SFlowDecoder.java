package io.nocraven.codec.sflow;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

import java.util.Objects;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;
import static io.nocraven.codec.sflow.SFlowDescriptor.ADDRESS_IPV4;
import static io.nocraven.codec.sflow.SFlowDescriptor.ADDRESS_IPV6;
import static io.nocraven.codec.sflow.SFlowDescriptor.COUNTER_SAMPLE;
import static io.nocraven.codec.sflow.SFlowDescriptor.ENVELOPE_LENGTH;
import static io.nocraven.codec.sflow.SFlowDescriptor.EXPANDED_COUNTER_SAMPLE;
import static io.nocraven.codec.sflow.SFlowDescriptor.HEADER_HEAD_LENGTH;
import static io.nocraven.codec.sflow.SFlowDescriptor.HEADER_TAIL_LENGTH;
import static io.nocraven.codec.sflow.SFlowDescriptor.VERSION;

/**
 * Decodes sFlow version 5 datagrams (layout: {@link SFlowDescriptor}): flow and expanded flow samples become
 * {@code flow} records, counters and expanded counters samples and discarded-packet samples become
 * {@code counters} records (see {@code docs/record-schema.md}, "sFlow v5").
 * <p>
 * Decoding is two passes over the datagram. The first checks the structure (header, every sample's and every
 * record's length against what contains it) without writing anything; if it fails, the datagram comes out as one
 * {@code invalid} record with the reason and the offset, and no partial records. The second pass writes one record
 * per known sample. Inside a record, each record body is checked against its own length before it is written;
 * a body too short for its format is skipped and counted like an unknown format ({@code skippedRecords}).
 * Samples of unknown or enterprise formats are skipped by their length and counted ({@link #skippedSamples()}).
 * Bytes after the last sample (some agents pad datagrams with zeros) are ignored.
 */
public final class SFlowDecoder implements DatagramDecoder
{
    /** Reason: shorter than the datagram header. */
    public static final String TRUNCATED_HEADER = "truncated header";
    /** Reason: version is not 5. */
    public static final String UNSUPPORTED_VERSION = "unsupported version";
    /** Reason: agent address type is neither 1 nor 2. */
    public static final String INVALID_ADDRESS_TYPE = "invalid agent address type";
    /** Reason: more samples announced than the datagram can hold. */
    public static final String INVALID_SAMPLE_COUNT = "invalid sample count";
    /** Reason: a sample extends past the datagram. */
    public static final String TRUNCATED_SAMPLE = "truncated sample";
    /** Reason: more records announced than the sample can hold. */
    public static final String INVALID_RECORD_COUNT = "invalid record count";
    /** Reason: a record extends past its sample. */
    public static final String TRUNCATED_RECORD = "truncated record";

    private final DecodeCounters counters = new DecodeCounters();
    private final DatagramHeader header = new DatagramHeader();
    private final FlowSampleWriter flowSamples = new FlowSampleWriter();
    private final CounterSampleWriter counterSamples = new CounterSampleWriter();
    private String error;
    private int errorAt;
    private long skippedSamples;

    /**
     * @param options shared decoder settings (sFlow needs none of them today).
     */
    public SFlowDecoder(final CodecOptions options)
    {
        Objects.requireNonNull(options, "options");
    }

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        final int end = offset + length;
        final int samplesAt = validate(buf, offset, end);
        if (samplesAt < 0)
        {
            counters.onInvalid(error);
            InvalidRecords.write(out, Protocol.SFLOW_V5, context, error, errorAt - offset, buf, offset, length);
            return DecodeStatus.INVALID;
        }
        int pos = samplesAt;
        for (long i = 0; i < header.sampleCount; i++)
        {
            final int dataFormat = i32(buf, pos);
            final int sampleLength = i32(buf, pos + 4);
            final int body = pos + ENVELOPE_LENGTH;
            final int bodyEnd = body + sampleLength;
            final boolean written;
            if ((dataFormat >>> 12) != 0)
            {
                written = false;
            }
            else if (dataFormat == COUNTER_SAMPLE || dataFormat == EXPANDED_COUNTER_SAMPLE)
            {
                written = counterSamples.write(context, header, dataFormat, buf, body, bodyEnd, out);
            }
            else
            {
                written = flowSamples.write(context, header, dataFormat, buf, body, bodyEnd, out);
            }
            if (written)
            {
                counters.onRecord();
            }
            else
            {
                skippedSamples++;
            }
            pos = bodyEnd;
        }
        return DecodeStatus.OK;
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }

    /**
     * @return samples skipped because their format is unknown (enterprise formats included).
     */
    public long skippedSamples()
    {
        return skippedSamples;
    }

    /**
     * @return flow and counter records skipped inside samples (unknown format, too short for their format, or
     *         a repeat of a record already written for that sample).
     */
    public long skippedRecords()
    {
        return flowSamples.skippedRecords() + counterSamples.skippedRecords();
    }

    /**
     * Checks the datagram's structure and reads its header.
     *
     * @return the offset of the first sample, or -1 with {@link #error} and {@link #errorAt} set.
     */
    private int validate(final byte[] buf, final int offset, final int end)
    {
        if (end - offset < HEADER_HEAD_LENGTH)
        {
            return fail(TRUNCATED_HEADER, offset);
        }
        if (i32(buf, offset) != VERSION)
        {
            return fail(UNSUPPORTED_VERSION, offset);
        }
        final int addressType = i32(buf, offset + 4);
        final int addressLength = addressType == ADDRESS_IPV4 ? 4 : addressType == ADDRESS_IPV6 ? 16 : -1;
        if (addressLength < 0)
        {
            return fail(INVALID_ADDRESS_TYPE, offset + 4);
        }
        final int tail = offset + HEADER_HEAD_LENGTH + addressLength;
        if (end - tail < HEADER_TAIL_LENGTH)
        {
            return fail(TRUNCATED_HEADER, Math.min(end, tail));
        }
        header.set(buf, offset + HEADER_HEAD_LENGTH, addressLength, u32(buf, tail), u32(buf, tail + 4),
            u32(buf, tail + 8), u32(buf, tail + 12));
        int pos = tail + HEADER_TAIL_LENGTH;
        if (header.sampleCount > (end - pos) / ENVELOPE_LENGTH)
        {
            return fail(INVALID_SAMPLE_COUNT, tail + 12);
        }
        final int samplesAt = pos;
        for (long i = 0; i < header.sampleCount; i++)
        {
            if (end - pos < ENVELOPE_LENGTH)
            {
                return fail(TRUNCATED_SAMPLE, pos);
            }
            final int dataFormat = i32(buf, pos);
            final long sampleLength = u32(buf, pos + 4);
            final int body = pos + ENVELOPE_LENGTH;
            if (sampleLength > end - body)
            {
                return fail(TRUNCATED_SAMPLE, pos);
            }
            final int bodyEnd = body + (int)sampleLength;
            final int fixed = (dataFormat >>> 12) == 0 ? SFlowDescriptor.fixedLength(dataFormat) : -1;
            if (fixed >= 0 && !validateRecords(buf, body, fixed, bodyEnd))
            {
                return -1;
            }
            pos = bodyEnd;
        }
        return samplesAt;
    }

    private boolean validateRecords(final byte[] buf, final int body, final int fixed, final int bodyEnd)
    {
        if (bodyEnd - body < fixed)
        {
            fail(TRUNCATED_SAMPLE, body);
            return false;
        }
        final long recordCount = u32(buf, body + fixed - 4);
        int pos = body + fixed;
        if (recordCount > (bodyEnd - pos) / ENVELOPE_LENGTH)
        {
            fail(INVALID_RECORD_COUNT, body + fixed - 4);
            return false;
        }
        for (long r = 0; r < recordCount; r++)
        {
            if (bodyEnd - pos < ENVELOPE_LENGTH || u32(buf, pos + 4) > bodyEnd - pos - ENVELOPE_LENGTH)
            {
                fail(TRUNCATED_RECORD, pos);
                return false;
            }
            pos += ENVELOPE_LENGTH + i32(buf, pos + 4);
        }
        return true;
    }

    private int fail(final String reason, final int at)
    {
        error = reason;
        errorAt = at;
        return -1;
    }
}
