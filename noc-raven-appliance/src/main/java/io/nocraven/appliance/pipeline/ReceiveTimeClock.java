package io.nocraven.appliance.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that reads the receive time of the journaled input being decoded, set before each decode. Flow decoders
 * that read a buffer stream judge template lifetimes and holding on it, so decoding a backlog gives the same result
 * as decoding live, however late a forwarder runs. Single-threaded, like the decoder it drives.
 */
public final class ReceiveTimeClock extends Clock
{
    private long millis = System.currentTimeMillis();

    /**
     * @param epochMillis the receive time of the next input.
     */
    public void set(final long epochMillis)
    {
        this.millis = epochMillis;
    }

    @Override
    public long millis()
    {
        return millis;
    }

    @Override
    public Instant instant()
    {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone()
    {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone)
    {
        if (!ZoneOffset.UTC.equals(zone))
        {
            throw new UnsupportedOperationException("zone: " + zone + " (expected: UTC)");
        }
        return this;
    }
}
