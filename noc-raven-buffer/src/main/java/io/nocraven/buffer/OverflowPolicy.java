package io.nocraven.buffer;

/**
 * What a stream does when a limit (its quota, the total cap, the free-disk headroom or a full disk) leaves no room
 * for a new segment and no fully acknowledged segment can be reclaimed.
 */
public enum OverflowPolicy
{
    /** Delete the oldest segment (consumers that had not read it are told how many records they missed). */
    DROP_OLDEST("drop_oldest"),
    /** Reject the incoming record. */
    DROP_NEWEST("drop_newest"),
    /** Hold the writer (and so the producers) until consumers acknowledge enough to reclaim a segment. */
    BLOCK("block");

    private final String configName;

    OverflowPolicy(final String configName)
    {
        this.configName = configName;
    }

    /** @return the name used in configuration files, e.g. {@code drop_oldest}. */
    public String configName()
    {
        return configName;
    }

    /**
     * Parse a configuration value.
     *
     * @param key   configuration key, for the error message.
     * @param value {@code drop_oldest}, {@code drop_newest} or {@code block}.
     * @return the policy.
     * @throws IllegalArgumentException naming key, value and the accepted values.
     */
    public static OverflowPolicy fromConfig(final String key, final String value)
    {
        for (final OverflowPolicy policy : values())
        {
            if (policy.configName.equals(value))
            {
                return policy;
            }
        }
        throw new IllegalArgumentException(key + ": " + value + " (expected: drop_oldest, drop_newest or block)");
    }
}
