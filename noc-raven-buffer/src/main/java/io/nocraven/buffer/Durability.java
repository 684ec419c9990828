package io.nocraven.buffer;

/**
 * When appended records reach the storage device, and so what the durable watermark of a stream means.
 */
public enum Durability
{
    /** Never forced while running (only at seal and close): survives a process crash, not a power loss. */
    PAGE_CACHE,
    /** Forced every {@link StreamConfig#flushIntervalMs()} (the default): at most that much is lost on power loss. */
    PERIODIC,
    /** Forced at the end of every ingest batch before producers are told: nothing acknowledged is ever lost. */
    GROUP_COMMIT
}
