package io.nocraven.appliance.app;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.IngressRing;

/**
 * Per-listener input and byte rates, sampled once a second from the ring's counters (a rate over the last sample
 * interval).
 */
final class RateSampler
{
    private final IngressRing ring;
    private final long[] lastInputs = new long[ListenerType.values().length];
    private final long[] lastBytes = new long[ListenerType.values().length];
    private final double[] inputRate = new double[ListenerType.values().length];
    private final double[] byteRate = new double[ListenerType.values().length];
    private long lastNanos = System.nanoTime();

    RateSampler(final IngressRing ring)
    {
        this.ring = ring;
    }

    synchronized void sample()
    {
        final long now = System.nanoTime();
        final double secs = Math.max(1e-3, (now - lastNanos) / 1e9);
        for (final ListenerType t : ListenerType.values())
        {
            final int i = t.ordinal();
            final long in = ring.received(t);
            final long by = ring.receivedBytes(t);
            inputRate[i] = (in - lastInputs[i]) / secs;
            byteRate[i] = (by - lastBytes[i]) / secs;
            lastInputs[i] = in;
            lastBytes[i] = by;
        }
        lastNanos = now;
    }

    synchronized double inputsPerSecond(final ListenerType t)
    {
        return inputRate[t.ordinal()];
    }

    synchronized double bytesPerSecond(final ListenerType t)
    {
        return byteRate[t.ordinal()];
    }
}
