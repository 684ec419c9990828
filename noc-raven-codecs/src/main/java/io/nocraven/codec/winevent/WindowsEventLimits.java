package io.nocraven.codec.winevent;

/**
 * Size limits for Windows event HTTP bodies, checked before any byte is trusted: the body as received
 * ({@code maxBodyBytes}, compressed or not), the body after gzip decompression and charset conversion
 * ({@code maxDecodedBytes}, the zip-bomb guard), the number of events in one body ({@code maxEvents}) and the JSON
 * nesting depth ({@code maxNestingDepth}). Exceeding a size or count limit gives {@link IngestResult.Outcome#TOO_LARGE}
 * (HTTP 413) with a reason naming the limit; exceeding the depth makes the body malformed (HTTP 400).
 * Immutable; build with {@link #builder()}.
 */
public final class WindowsEventLimits
{
    /** Default for {@code maxBodyBytes}: 16 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Default for {@code maxDecodedBytes}: 64 MiB. */
    public static final int DEFAULT_MAX_DECODED_BYTES = 64 * 1024 * 1024;
    /** Default for {@code maxEvents}: 100,000 events per body. */
    public static final int DEFAULT_MAX_EVENTS = 100_000;
    /** Default for {@code maxNestingDepth}: 32 levels (events nest 4 levels deep). */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

    private final int maxBodyBytes;
    private final int maxDecodedBytes;
    private final int maxEvents;
    private final int maxNestingDepth;

    private WindowsEventLimits(final Builder b)
    {
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxDecodedBytes = b.maxDecodedBytes;
        this.maxEvents = b.maxEvents;
        this.maxNestingDepth = b.maxNestingDepth;
    }

    /**
     * @return the defaults.
     */
    public static WindowsEventLimits defaults()
    {
        return builder().build();
    }

    /**
     * @return a builder holding the defaults.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return the most bytes accepted as received (before decompression).
     */
    public int maxBodyBytes()
    {
        return maxBodyBytes;
    }

    /**
     * @return the most bytes accepted after decompression and conversion to UTF-8.
     */
    public int maxDecodedBytes()
    {
        return maxDecodedBytes;
    }

    /**
     * @return the most events in one body.
     */
    public int maxEvents()
    {
        return maxEvents;
    }

    /**
     * @return the deepest JSON nesting accepted.
     */
    public int maxNestingDepth()
    {
        return maxNestingDepth;
    }

    @Override
    public String toString()
    {
        return "WindowsEventLimits{maxBodyBytes=" + maxBodyBytes + ", maxDecodedBytes=" + maxDecodedBytes
            + ", maxEvents=" + maxEvents + ", maxNestingDepth=" + maxNestingDepth + '}';
    }

    /** Builds {@link WindowsEventLimits}; every setter rejects a bad value naming the key and the expected range. */
    public static final class Builder
    {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxDecodedBytes = DEFAULT_MAX_DECODED_BYTES;
        private int maxEvents = DEFAULT_MAX_EVENTS;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;

        private Builder()
        {
        }

        /**
         * @param bytes most bytes as received, 1 or more.
         * @return this.
         */
        public Builder maxBodyBytes(final int bytes)
        {
            this.maxBodyBytes = check("maxBodyBytes", bytes, 1, Integer.MAX_VALUE - 16);
            return this;
        }

        /**
         * @param bytes most bytes after decompression, 1 or more.
         * @return this.
         */
        public Builder maxDecodedBytes(final int bytes)
        {
            this.maxDecodedBytes = check("maxDecodedBytes", bytes, 1, Integer.MAX_VALUE - 16);
            return this;
        }

        /**
         * @param events most events per body, 1 or more.
         * @return this.
         */
        public Builder maxEvents(final int events)
        {
            this.maxEvents = check("maxEvents", events, 1, Integer.MAX_VALUE);
            return this;
        }

        /**
         * @param depth deepest nesting, 4 to 1000.
         * @return this.
         */
        public Builder maxNestingDepth(final int depth)
        {
            this.maxNestingDepth = check("maxNestingDepth", depth, 4, 1000);
            return this;
        }

        /**
         * @return the limits.
         */
        public WindowsEventLimits build()
        {
            return new WindowsEventLimits(this);
        }

        private static int check(final String key, final int value, final int min, final int max)
        {
            if (value < min || value > max)
            {
                throw new IllegalArgumentException(
                    "windows-event limit " + key + ": " + value + " (expected: " + min + ".." + max + ")");
            }
            return value;
        }
    }
}
