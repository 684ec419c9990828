package io.nocraven.core.record;

/**
 * Writes records as JSON, one object per line, into a reusable {@link StringBuilder}; each finished line goes to a
 * {@link LineConsumer}. Written by hand rather than with a JSON library's generator so that the per-record path
 * allocates nothing (unsigned 64-bit numbers, addresses and timestamps are formatted in place) and so that the
 * exact output contract of {@code docs/record-schema.md} is visible in one file.
 */
public final class JsonRecordWriter implements RecordWriter
{
    /** Receives each finished JSON line (without the trailing newline). */
    @FunctionalInterface
    public interface LineConsumer
    {
        /**
         * @param kind the record's kind (for routing, e.g. a topic per kind).
         * @param line the JSON object; valid only during the call.
         */
        void onLine(RecordKind kind, CharSequence line);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_DEPTH = 64;

    private final StringBuilder sb = new StringBuilder(1024);
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
        sb.setLength(0);
        depth = 0;
        afterName = false;
        this.kind = kind;
        sb.append('{');
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
        separator();
        sb.append('"');
        context.appendExporter(sb);
        sb.append('"');
        name("listener");
        stringValue(context.listener());
        name("receivedAt");
        separator();
        sb.append('"');
        appendInstant(sb, context.receivedAtEpochNanos());
        sb.append('"');
    }

    @Override
    public void endRecord()
    {
        if (depth != 0)
        {
            throw new IllegalStateException("unbalanced record: depth " + depth + " at end (expected: 0)");
        }
        sb.append('}');
        consumer.onLine(kind, sb);
    }

    @Override
    public RecordWriter name(final String name)
    {
        separator();
        appendString(name);
        sb.append(':');
        afterName = true;
        return this;
    }

    @Override
    public void startObject()
    {
        separator();
        sb.append('{');
        push();
    }

    @Override
    public void endObject()
    {
        depth--;
        sb.append('}');
    }

    @Override
    public void startArray()
    {
        separator();
        sb.append('[');
        push();
    }

    @Override
    public void endArray()
    {
        depth--;
        sb.append(']');
    }

    @Override
    public void longValue(final long value)
    {
        separator();
        sb.append(value);
    }

    @Override
    public void unsignedLongValue(final long value)
    {
        separator();
        appendUnsigned(sb, value);
    }

    @Override
    public void doubleValue(final double value)
    {
        separator();
        if (Double.isNaN(value))
        {
            sb.append("\"NaN\"");
        }
        else if (Double.isInfinite(value))
        {
            sb.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        }
        else if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            sb.append((long)value);
        }
        else
        {
            sb.append(value);
        }
    }

    @Override
    public void booleanValue(final boolean value)
    {
        separator();
        sb.append(value);
    }

    @Override
    public void stringValue(final CharSequence value)
    {
        separator();
        if (value == null)
        {
            sb.append("null");
        }
        else
        {
            appendString(value);
        }
    }

    @Override
    public void utf8Value(final byte[] buf, final int offset, final int length)
    {
        separator();
        sb.append('"');
        Utf8.decodeEscaped(buf, offset, length, sb);
        sb.append('"');
    }

    @Override
    public void hexValue(final byte[] buf, final int offset, final int length)
    {
        separator();
        sb.append('"');
        AddressText.appendHex(sb, buf, offset, length);
        sb.append('"');
    }

    @Override
    public void ipv4Value(final int address)
    {
        separator();
        sb.append('"');
        AddressText.appendIpv4(sb, address);
        sb.append('"');
    }

    @Override
    public void ipv6Value(final byte[] buf, final int offset)
    {
        separator();
        sb.append('"');
        AddressText.appendIpv6(sb, buf, offset);
        sb.append('"');
    }

    @Override
    public void macValue(final byte[] buf, final int offset)
    {
        separator();
        sb.append('"');
        AddressText.appendMac(sb, buf, offset);
        sb.append('"');
    }

    @Override
    public void timestampValue(final long epochSeconds, final int nanos, final int fractionDigits)
    {
        separator();
        sb.append('"');
        TimeText.appendTimestamp(sb, epochSeconds, nanos, fractionDigits);
        sb.append('"');
    }

    @Override
    public void nullValue()
    {
        separator();
        sb.append("null");
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
        final long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        final int nanos = (int)Math.floorMod(epochNanos, 1_000_000_000L);
        final int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        TimeText.appendTimestamp(sb, seconds, nanos, digits);
    }

    /**
     * Appends an unsigned 64-bit value in decimal.
     *
     * @param sb    where to append.
     * @param value the bits of the unsigned value.
     */
    static void appendUnsigned(final StringBuilder sb, final long value)
    {
        if (value >= 0)
        {
            sb.append(value);
        }
        else
        {
            final long quotient = (value >>> 1) / 5;
            final long remainder = value - quotient * 10;
            sb.append(quotient).append(remainder);
        }
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
            sb.append(',');
        }
    }

    private void appendString(final CharSequence value)
    {
        sb.append('"');
        escape(value, sb);
        sb.append('"');
    }

    /**
     * Appends text with JSON escaping (RFC 8259): quote, backslash and control characters, plus U+0085, U+2028 and
     * U+2029 (valid raw in JSON, but line breaks to many line-splitting readers, e.g. Python's
     * {@code str.splitlines()} and pre-ES2019 JavaScript, and every record must stay on one line); lone surrogates
     * become U+FFFD so that the output is always valid UTF-8 once encoded.
     *
     * @param value the text.
     * @param sb    where to append.
     */
    static void escape(final CharSequence value, final StringBuilder sb)
    {
        for (int i = 0, n = value.length(); i < n; i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.append("\\u00").append(HEX[c >>> 4]).append(HEX[c & 0xF]);
                    }
                    else if (c == 0x85 || c == 0x2028 || c == 0x2029)
                    {
                        Utf8.appendLineSeparatorEscaped(sb, c);
                    }
                    else if (Character.isHighSurrogate(c))
                    {
                        if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1)))
                        {
                            sb.append(c).append(value.charAt(++i));
                        }
                        else
                        {
                            sb.append('\uFFFD');
                        }
                    }
                    else if (Character.isLowSurrogate(c))
                    {
                        sb.append('\uFFFD');
                    }
                    else
                    {
                        sb.append(c);
                    }
            }
        }
    }
}
