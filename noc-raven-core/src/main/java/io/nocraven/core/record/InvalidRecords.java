package io.nocraven.core.record;

/**
 * Writes {@code kind: "invalid"} records: input that could not be decoded is reported with the reason, the offset
 * where decoding stopped, its length and its bytes (hex, capped at {@link #MAX_HEX_BYTES}), never dropped silently.
 */
public final class InvalidRecords
{
    /** The most bytes written as hex in one invalid record; {@code truncated} says when there were more. */
    public static final int MAX_HEX_BYTES = 4096;

    /** Reason for input whose protocol has no decoder. */
    public static final String UNSUPPORTED_PROTOCOL = "unsupported protocol";

    private InvalidRecords()
    {
    }

    /**
     * Writes one invalid record.
     *
     * @param out      where to write.
     * @param protocol the protocol the input was taken for, or null when unknown.
     * @param context  the envelope.
     * @param reason   why decoding failed (short, stable text: it is counted by reason).
     * @param errorAt  offset in the input where decoding stopped.
     * @param buf      the input.
     * @param offset   where the input starts in {@code buf}.
     * @param length   the input's length.
     */
    public static void write(
        final RecordWriter out,
        final Protocol protocol,
        final RecordContext context,
        final String reason,
        final int errorAt,
        final byte[] buf,
        final int offset,
        final int length)
    {
        out.beginRecord(RecordKind.INVALID, protocol, context);
        out.field("reason", reason);
        out.field("offset", errorAt);
        out.field("length", length);
        out.name("hex");
        out.hexValue(buf, offset, Math.min(length, MAX_HEX_BYTES));
        if (length > MAX_HEX_BYTES)
        {
            out.field("truncated", true);
        }
        out.endRecord();
    }
}
