package io.nocraven.core.record;

import java.nio.charset.StandardCharsets;

/**
 * Writes records as JSON, one object per line, as UTF-8 into a reusable, growable byte array; each finished line goes
 * to a {@link LineConsumer} as a {@link JsonLine}. Written by hand rather than with a JSON library's generator so
 * that the per-record path allocates nothing once the buffer has grown to the largest record (unsigned 64-bit
 * numbers, addresses and timestamps are formatted in place, UTF-8 input is copied in runs) and so that the exact
 * output contract of {@code docs/record-schema.md} is visible in one place (escaping: {@link JsonBuffer}).
 */
public final class JsonRecordWriter implements RecordWriter
{
    /** Receives each finished JSON line (without the trailing newline). */
    @FunctionalInterface
    public interface LineConsumer
    {
        /**
         * @param kind the record's kind (for routing, e.g. a topic per kind).
         * @param line the JSON object as UTF-8 bytes and as text; valid only during the call.
         */
        void onLine(RecordKind kind, JsonLine line);
    }

    private static final int MAX_DEPTH = 64;
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NAN = ascii("\"NaN\"");
    private static final byte[] INFINITY = ascii("\"Infinity\"");
    private static final byte[] MINUS_INFINITY = ascii("\"-Infinity\"");

    private final JsonBuffer out = new JsonBuffer(1024);
    private final JsonLine line = new JsonLine();
    private final StringBuilder scratch = new StringBuilder(32);
    private final boolean[] firstInScope = new boolean[MAX_DEPTH];
    private final LineConsumer consumer;
    private int depth;
    private boolean afterName;
    private RecordKind kind;

    /**
     * @param consumer receives every finished line.
     */
    public JsonRecordWriter(final LineConsumer consumer)
    {
        this.consumer = consumer;
    }

    @Override
    public void beginRecord(final RecordKind kind, final Protocol protocol, final RecordContext context)
    {
        out.clear();
        depth = 0;
        afterName = false;
        this.kind = kind;
        out.put('{');
        firstInScope[0] = true;
        name("kind");
        stringValue(kind.wireName());
        name("protocol");
        if (protocol == null)
        {
            nullValue();
        }
        else
        {
            stringValue(protocol.wireName());
        }
        name("exporter");
        final int exporter = openQuoted(RecordContext.MAX_EXPORTER_LENGTH);
        closeQuoted(context.writeExporter(out.array(), exporter));
        name("listener");
        stringValue(context.listener());
        name("receivedAt");
        final int receivedAt = openQuoted(TimeText.MAX_LENGTH);
        closeQuoted(TimeText.writeInstant(out.array(), receivedAt, context.receivedAtEpochNanos()));
    }

    @Override
    public void endRecord()
    {
        if (depth != 0)
        {
            throw new IllegalStateException("unbalanced record: depth " + depth + " at end (expected: 0)");
        }
        out.put('}');
        consumer.onLine(kind, line.set(out.array(), out.length(), out.ascii()));
    }

    @Override
    public RecordWriter name(final String name)
    {
        separator();
        quoted(name);
        out.put(':');
        afterName = true;
        return this;
    }

    @Override
    public void startObject()
    {
        separator();
        out.put('{');
        push();
    }

    @Override
    public void endObject()
    {
        depth--;
        out.put('}');
    }

    @Override
    public void startArray()
    {
        separator();
        out.put('[');
        push();
    }

    @Override
    public void endArray()
    {
        depth--;
        out.put(']');
    }

    @Override
    public void longValue(final long value)
    {
        separator();
        final int p = out.reserve(AsciiText.MAX_LONG_LENGTH);
        out.position(AsciiText.writeLong(out.array(), p, value));
    }

    @Override
    public void unsignedLongValue(final long value)
    {
        separator();
        final int p = out.reserve(AsciiText.MAX_LONG_LENGTH);
        out.position(AsciiText.writeUnsigned(out.array(), p, value));
    }

    @Override
    public void doubleValue(final double value)
    {
        if (Double.isNaN(value))
        {
            separator();
            out.put(NAN);
        }
        else if (Double.isInfinite(value))
        {
            separator();
            out.put(value > 0 ? INFINITY : MINUS_INFINITY);
        }
        else if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            longValue((long)value);
        }
        else
        {
            separator();
            scratch.setLength(0);
            out.putAscii(scratch.append(value));
        }
    }

    @Override
    public void booleanValue(final boolean value)
    {
        separator();
        out.put(value ? TRUE : FALSE);
    }

    @Override
    public void stringValue(final CharSequence value)
    {
        separator();
        if (value == null)
        {
            out.put(NULL);
        }
        else
        {
            quoted(value);
        }
    }

    @Override
    public void utf8Value(final byte[] buf, final int offset, final int length)
    {
        separator();
        out.put('"');
        out.putUtf8Escaped(buf, offset, length);
        out.put('"');
    }

    @Override
    public void hexValue(final byte[] buf, final int offset, final int length)
    {
        final int p = openQuoted(2 * length);
        closeQuoted(AddressText.writeHex(out.array(), p, buf, offset, length));
    }

    @Override
    public void ipv4Value(final int address)
    {
        final int p = openQuoted(AddressText.MAX_IPV4_LENGTH);
        closeQuoted(AddressText.writeIpv4(out.array(), p, address));
    }

    @Override
    public void ipv6Value(final byte[] buf, final int offset)
    {
        final int p = openQuoted(AddressText.MAX_IPV6_LENGTH);
        closeQuoted(AddressText.writeIpv6(out.array(), p, buf, offset));
    }

    @Override
    public void macValue(final byte[] buf, final int offset)
    {
        final int p = openQuoted(AddressText.MAC_LENGTH);
        closeQuoted(AddressText.writeMac(out.array(), p, buf, offset));
    }

    @Override
    public void timestampValue(final long epochSeconds, final int nanos, final int fractionDigits)
    {
        final int p = openQuoted(TimeText.MAX_LENGTH);
        closeQuoted(TimeText.writeTimestamp(out.array(), p, epochSeconds, nanos, fractionDigits));
    }

    @Override
    public void nullValue()
    {
        separator();
        out.put(NULL);
    }

    /**
     * Appends an instant the way {@link java.time.Instant#toString()} does: no fraction when it is zero, otherwise
     * 3, 6 or 9 digits.
     *
     * @param sb         where to append.
     * @param epochNanos nanoseconds since the epoch.
     */
    static void appendInstant(final StringBuilder sb, final long epochNanos)
    {
        final byte[] text = new byte[TimeText.MAX_LENGTH];
        AsciiText.append(sb, text, TimeText.writeInstant(text, 0, epochNanos));
    }

    /**
     * Appends an unsigned 64-bit value in decimal.
     *
     * @param sb    where to append.
     * @param value the bits of the unsigned value.
     */
    static void appendUnsigned(final StringBuilder sb, final long value)
    {
        final byte[] text = new byte[AsciiText.MAX_LONG_LENGTH];
        AsciiText.append(sb, text, AsciiText.writeUnsigned(text, 0, value));
    }

    /**
     * Starts a quoted ASCII value of at most {@code maxLength} bytes to be written into {@code out.array()}.
     *
     * @return where the value's text starts.
     */
    private int openQuoted(final int maxLength)
    {
        separator();
        final int p = out.reserve(maxLength + 2);
        out.array()[p] = '"';
        return p + 1;
    }

    /**
     * Ends a value started by {@link #openQuoted}.
     *
     * @param end where the value's text ends.
     */
    private void closeQuoted(final int end)
    {
        out.array()[end] = '"';
        out.position(end + 1);
    }

    private void quoted(final CharSequence value)
    {
        out.put('"');
        out.putEscaped(value);
        out.put('"');
    }

    private void push()
    {
        depth++;
        if (depth >= MAX_DEPTH)
        {
            throw new IllegalStateException("record nesting deeper than " + MAX_DEPTH);
        }
        firstInScope[depth] = true;
        afterName = false;
    }

    private void separator()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }
        if (firstInScope[depth])
        {
            firstInScope[depth] = false;
        }
        else
        {
            out.put(',');
        }
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
