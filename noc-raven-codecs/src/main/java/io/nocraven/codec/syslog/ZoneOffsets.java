package io.nocraven.codec.syslog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/**
 * UTC offsets of the configured zone ({@code --timezone}) for zone-less timestamps. A fixed-offset zone costs
 * nothing; a region zone resolves through {@link ZoneRules} (local times in a gap move forward, in an overlap take
 * the earlier offset, as {@link ZonedDateTime#of} does) with a one-entry cache per minute, so a burst of messages
 * stamped in the same minute allocates once.
 */
final class ZoneOffsets
{
    private final ZoneId zone;
    private final boolean fixed;
    private final int fixedSeconds;
    private long cachedLocalMinute = Long.MIN_VALUE;
    private int cachedLocalOffset;
    private long cachedInstantMinute = Long.MIN_VALUE;
    private int cachedInstantOffset;

    ZoneOffsets(final ZoneId zone)
    {
        this.zone = zone;
        final ZoneRules rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedSeconds = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /**
     * @param localEpochSecond a local date-time expressed as seconds since 1970-01-01T00:00 (as if it were UTC).
     * @return the zone's offset in seconds at that local time.
     */
    int offsetOfLocal(final long localEpochSecond)
    {
        if (fixed)
        {
            return fixedSeconds;
        }
        final long minute = Math.floorDiv(localEpochSecond, 60);
        if (minute != cachedLocalMinute)
        {
            final LocalDateTime ldt = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
            cachedLocalOffset = ZonedDateTime.ofLocal(ldt, zone, null).getOffset().getTotalSeconds();
            cachedLocalMinute = minute;
        }
        return cachedLocalOffset;
    }

    /**
     * @param epochSecond an instant.
     * @return the zone's offset in seconds at that instant.
     */
    int offsetOfInstant(final long epochSecond)
    {
        if (fixed)
        {
            return fixedSeconds;
        }
        final long minute = Math.floorDiv(epochSecond, 60);
        if (minute != cachedInstantMinute)
        {
            cachedInstantOffset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
            cachedInstantMinute = minute;
        }
        return cachedInstantOffset;
    }
}
