package io.nocraven.buffer;

import io.nocraven.buffer.segment.SegmentDescriptor;

/**
 * Settings of one stream. Build with {@link #builder(String)}; every value is validated once, on construction, and
 * an error names the key, the value and what was expected.
 *
 * @param name                   stream name: {@code [A-Za-z0-9._-]}, 1..64 characters, also its directory name.
 * @param segmentLength          bytes per segment file (preallocated), {@code >= 4096}.
 * @param quotaBytes             bytes this stream may keep on disk, 0 = no quota; at least two segments.
 * @param maxAgeMs               records older than this are expired, 0 = no age limit.
 * @param overflowPolicy         what to do when full.
 * @param durability             when data is forced to disk.
 * @param flushIntervalMs        force period for {@link Durability#PERIODIC}.
 * @param compression            background compression of sealed segments.
 * @param compressionFrameLength target uncompressed bytes per independently decompressible frame (256 KiB..1 MiB).
 * @param maxRecordLength        largest payload accepted (the builder's default is capped to fit a segment).
 * @param ringSize               Disruptor ring size for {@code StreamIngest}, a power of two.
 */
public record StreamConfig(
    String name, int segmentLength, long quotaBytes, long maxAgeMs, OverflowPolicy overflowPolicy,
    Durability durability, long flushIntervalMs, Compression compression, int compressionFrameLength,
    int maxRecordLength, int ringSize)
{
    /** Default segment length: 64 MiB. */
    public static final int DEFAULT_SEGMENT_LENGTH = 64 * 1024 * 1024;
    /** Default force period: 100 ms. */
    public static final long DEFAULT_FLUSH_INTERVAL_MS = 100;
    /** Default frame length: 512 KiB. */
    public static final int DEFAULT_FRAME_LENGTH = 512 * 1024;
    /** Smallest frame length accepted. */
    public static final int MIN_FRAME_LENGTH = 256 * 1024;
    /** Largest frame length accepted. */
    public static final int MAX_FRAME_LENGTH = 1024 * 1024;
    /** Default largest payload: 64 KiB (a jumbo datagram fits). */
    public static final int DEFAULT_MAX_RECORD_LENGTH = 64 * 1024;
    /** Default Disruptor ring size. */
    public static final int DEFAULT_RING_SIZE = 8192;

    /**
     * Validating constructor.
     */
    public StreamConfig
    {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}") || name.startsWith("."))
        {
            throw new IllegalArgumentException("stream.name: " + name + " (expected: 1..64 of [A-Za-z0-9._-], not starting with '.')");
        }
        require(segmentLength >= SegmentDescriptor.MIN_CAPACITY && segmentLength % 4096 == 0,
            "segmentLength", segmentLength, "a multiple of 4096, >= 4096");
        require(quotaBytes == 0 || quotaBytes >= 2L * segmentLength, "quotaBytes", quotaBytes, "0 or >= 2 segments");
        require(maxAgeMs >= 0, "maxAgeMs", maxAgeMs, ">= 0");
        require(overflowPolicy != null, "overflowPolicy", overflowPolicy, "drop_oldest, drop_newest or block");
        require(durability != null, "durability", durability, "PAGE_CACHE, PERIODIC or GROUP_COMMIT");
        require(flushIntervalMs > 0, "flushIntervalMs", flushIntervalMs, "> 0");
        require(compression != null, "compression", compression, "NONE, ZSTD or GZIP");
        require(compressionFrameLength >= MIN_FRAME_LENGTH && compressionFrameLength <= MAX_FRAME_LENGTH,
            "compressionFrameLength", compressionFrameLength, "262144..1048576");
        require(maxRecordLength > 0 && maxRecordLength <= segmentLength - SegmentDescriptor.HEADER_LENGTH - 64,
            "maxRecordLength", maxRecordLength, "1..segmentLength - 128");
        require(ringSize > 0 && Integer.bitCount(ringSize) == 1, "ringSize", ringSize, "a power of two");
    }

    private static void require(final boolean ok, final String key, final Object value, final String expected)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("stream." + key + ": " + value + " (expected: " + expected + ")");
        }
    }

    /**
     * A builder with the defaults: 64 MiB segments, no quota, no age limit, drop_oldest, periodic 100 ms, zstd.
     *
     * @param name stream name.
     * @return the builder.
     */
    public static Builder builder(final String name)
    {
        return new Builder(name);
    }

    /**
     * Mutable builder for {@link StreamConfig}.
     */
    public static final class Builder
    {
        private final String name;
        private int segmentLength = DEFAULT_SEGMENT_LENGTH;
        private long quotaBytes;
        private long maxAgeMs;
        private OverflowPolicy overflowPolicy = OverflowPolicy.DROP_OLDEST;
        private Durability durability = Durability.PERIODIC;
        private long flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS;
        private Compression compression = Compression.ZSTD;
        private int compressionFrameLength = DEFAULT_FRAME_LENGTH;
        private int maxRecordLength = DEFAULT_MAX_RECORD_LENGTH;
        private boolean maxRecordLengthSet;
        private int ringSize = DEFAULT_RING_SIZE;

        private Builder(final String name)
        {
            this.name = name;
        }

        /** @param v bytes per segment. @return this. */
        public Builder segmentLength(final int v)
        {
            segmentLength = v;
            return this;
        }

        /** @param v quota in bytes, 0 = none. @return this. */
        public Builder quotaBytes(final long v)
        {
            quotaBytes = v;
            return this;
        }

        /** @param v max age in ms, 0 = none. @return this. */
        public Builder maxAgeMs(final long v)
        {
            maxAgeMs = v;
            return this;
        }

        /** @param v overflow policy. @return this. */
        public Builder overflowPolicy(final OverflowPolicy v)
        {
            overflowPolicy = v;
            return this;
        }

        /** @param v durability mode. @return this. */
        public Builder durability(final Durability v)
        {
            durability = v;
            return this;
        }

        /** @param v force period in ms. @return this. */
        public Builder flushIntervalMs(final long v)
        {
            flushIntervalMs = v;
            return this;
        }

        /** @param v compression. @return this. */
        public Builder compression(final Compression v)
        {
            compression = v;
            return this;
        }

        /** @param v frame length. @return this. */
        public Builder compressionFrameLength(final int v)
        {
            compressionFrameLength = v;
            return this;
        }

        /** @param v largest payload. @return this. */
        public Builder maxRecordLength(final int v)
        {
            maxRecordLength = v;
            maxRecordLengthSet = true;
            return this;
        }

        /** @param v ring size. @return this. */
        public Builder ringSize(final int v)
        {
            ringSize = v;
            return this;
        }

        /** @return the validated config. */
        public StreamConfig build()
        {
            final int maxRecord = maxRecordLengthSet ?
                maxRecordLength : Math.min(maxRecordLength, segmentLength - SegmentDescriptor.HEADER_LENGTH - 64);
            return new StreamConfig(name, segmentLength, quotaBytes, maxAgeMs, overflowPolicy, durability,
                flushIntervalMs, compression, compressionFrameLength, maxRecord, ringSize);
        }
    }
}
