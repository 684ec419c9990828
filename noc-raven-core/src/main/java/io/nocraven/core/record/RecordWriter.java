package io.nocraven.core.record;

/**
 * Where decoders write records: a streaming, JSON-shaped writer (like a JSON generator) so that a decoder builds no
 * intermediate objects. {@link JsonRecordWriter} turns the calls into JSON lines; {@link CountingRecordWriter}
 * discards them (benchmarks, counting).
 * <p>
 * A record is {@link #beginRecord} (which writes the envelope), then named members ({@link #name} followed by one
 * value, object or array), then {@link #endRecord}. Inside arrays, values are written without names.
 * <p>
 * Implementations are single-threaded; a decoder never keeps a reference to the writer between calls.
 */
public interface RecordWriter
{
    /**
     * Starts a record and writes its envelope ({@code kind}, {@code protocol}, {@code exporter}, {@code listener},
     * {@code receivedAt}).
     *
     * @param kind     the record kind.
     * @param protocol the protocol, or {@code null} when unknown (only for {@link RecordKind#INVALID}).
     * @param context  the envelope.
     */
    void beginRecord(RecordKind kind, Protocol protocol, RecordContext context);

    /**
     * Ends the record started by {@link #beginRecord}.
     */
    void endRecord();

    /**
     * Whether this writer wants the members of valid records, or only their start and end (a writer that counts
     * records, like the appliance's statistics decode). When false, a decoder may go straight from
     * {@link #beginRecord} to {@link #endRecord} for a valid record instead of formatting its members; it still
     * validates the input the same way and writes {@link RecordKind#INVALID} records whole (their reason is a
     * member).
     *
     * @return true (the default) to receive every member.
     */
    default boolean wantsMembers()
    {
        return true;
    }

    /**
     * Writes a member name; the next call writes its value.
     *
     * @param name the key.
     * @return this.
     */
    RecordWriter name(String name);

    /** Starts an object value. */
    void startObject();

    /** Ends an object value. */
    void endObject();

    /** Starts an array value. */
    void startArray();

    /** Ends an array value. */
    void endArray();

    /**
     * @param value a signed integer.
     */
    void longValue(long value);

    /**
     * @param value an unsigned 64-bit integer held in a long (written as an exact JSON integer up to 2^64-1).
     */
    void unsignedLongValue(long value);

    /**
     * @param value a floating-point number; NaN and infinities are written as the strings {@code "NaN"},
     *              {@code "Infinity"}, {@code "-Infinity"}.
     */
    void doubleValue(double value);

    /**
     * @param value a boolean.
     */
    void booleanValue(boolean value);

    /**
     * @param value text, or {@code null} for JSON null.
     */
    void stringValue(CharSequence value);

    /**
     * Writes UTF-8 bytes as a string; malformed sequences become U+FFFD.
     *
     * @param buf    the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     */
    void utf8Value(byte[] buf, int offset, int length);

    /**
     * Writes bytes as a string of lowercase hex digits.
     *
     * @param buf    the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     */
    void hexValue(byte[] buf, int offset, int length);

    /**
     * Writes an IPv4 address as dotted-quad text.
     *
     * @param address network-order address in an int.
     */
    void ipv4Value(int address);

    /**
     * Writes an IPv6 address as RFC 5952 text.
     *
     * @param buf    the bytes.
     * @param offset where the 16 bytes start.
     */
    void ipv6Value(byte[] buf, int offset);

    /**
     * Writes a MAC address as {@code aa:bb:cc:dd:ee:ff}.
     *
     * @param buf    the bytes.
     * @param offset where the 6 bytes start.
     */
    void macValue(byte[] buf, int offset);

    /**
     * Writes an instant as ISO-8601 UTC with exactly {@code fractionDigits} fractional digits.
     *
     * @param epochSeconds   seconds since the epoch.
     * @param nanos          nanoseconds within the second.
     * @param fractionDigits 0..9 (3 for milliseconds, 6 for microseconds, 9 for nanoseconds).
     */
    void timestampValue(long epochSeconds, int nanos, int fractionDigits);

    /** Writes JSON null. */
    void nullValue();

    /**
     * Writes a name and a signed integer.
     *
     * @param name  the key.
     * @param value the value.
     */
    default void field(final String name, final long value)
    {
        name(name);
        longValue(value);
    }

    /**
     * Writes a name and a string (or null).
     *
     * @param name  the key.
     * @param value the value.
     */
    default void field(final String name, final CharSequence value)
    {
        name(name);
        stringValue(value);
    }

    /**
     * Writes a name and a boolean.
     *
     * @param name  the key.
     * @param value the value.
     */
    default void field(final String name, final boolean value)
    {
        name(name);
        booleanValue(value);
    }

    /**
     * Writes a name and an ISO-8601 UTC timestamp with millisecond precision.
     *
     * @param name        the key.
     * @param epochMillis milliseconds since the epoch.
     */
    default void timestampMillisField(final String name, final long epochMillis)
    {
        name(name);
        timestampValue(Math.floorDiv(epochMillis, 1000L), (int)Math.floorMod(epochMillis, 1000L) * 1_000_000, 3);
    }
}
