package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays the original datagrams (flows, sFlow, traps, syslog) unchanged to a datacenter collector over UDP, at most
 * {@code maxPacketsPerSecond} (a token bucket refilled continuously; excess datagrams are counted as dropped).
 * After a send error the relay waits with back-off and jitter before trying again; datagrams offered meanwhile are
 * not sent, and {@link #commit()} reports the failure so that a buffer consumer sends them again.
 */
public final class UdpRelayForwarder implements Forwarder
{
    private final StreamFilter filter;
    private final InetSocketAddress target;
    private final double ratePerNano;
    private final double burst;
    private final Backoff backoff;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(65536);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private DatagramChannel channel;
    private double tokens;
    private long lastRefill = System.nanoTime();
    private volatile String lastError = "";
    private long committedFailures;

    /**
     * @param config           relay settings.
     * @param initialBackoffMs first retry delay.
     * @param maxBackoffMs     longest retry delay.
     */
    public UdpRelayForwarder(final ForwarderConfig.Relay config, final long initialBackoffMs, final long maxBackoffMs)
    {
        this.filter = new StreamFilter(config.streams());
        this.target = new InetSocketAddress(config.host(), config.port());
        this.ratePerNano = config.maxPacketsPerSecond() / 1e9;
        this.burst = Math.max(1, config.maxPacketsPerSecond() / 10.0);
        this.tokens = burst;
        this.backoff = new Backoff(initialBackoffMs, maxBackoffMs);
    }

    @Override
    public String name()
    {
        return "udp-relay";
    }

    @Override
    public boolean accepts(final ListenerType stream)
    {
        return filter.accepts(stream) && stream.transport() == ListenerType.Transport.UDP;
    }

    @Override
    public void onRaw(final ListenerType stream, final RecordContext context, final byte[] buf, final int offset,
        final int length)
    {
        final long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefill) * ratePerNano);
        lastRefill = now;
        if (!backoff.ready(System.currentTimeMillis()))
        {
            deferred.incrementAndGet();
            return;
        }
        if (tokens < 1)
        {
            dropped.incrementAndGet();
            return;
        }
        tokens -= 1;
        try
        {
            if (channel == null)
            {
                channel = DatagramChannel.open();
            }
            scratch.clear();
            scratch.put(buf, offset, Math.min(length, scratch.capacity()));
            scratch.flip();
            channel.send(scratch, target);
            sent.incrementAndGet();
            backoff.succeeded();
            lastError = "";
        }
        catch (final IOException ex)
        {
            failed.incrementAndGet();
            lastError = ex.toString();
            backoff.failed(System.currentTimeMillis());
            close();
        }
    }

    @Override
    public void onBatchEnd()
    {
        // Datagrams are sent one by one.
    }

    @Override
    public boolean commit()
    {
        // Datagrams over the rate limit are dropped by policy (counted), not retried; only send errors are.
        final long f = failed.get() + deferred.get();
        final boolean ok = f == committedFailures;
        committedFailures = f;
        return ok;
    }

    @Override
    public boolean wantsRecords()
    {
        return false;
    }

    @Override
    public ForwarderStatus status()
    {
        final String err = lastError;
        return new ForwarderStatus(name(), err.isEmpty() ? "running" : "retrying", err.isEmpty(), sent.get(),
            failed.get(), dropped.get() + deferred.get(), 0, err);
    }

    @Override
    public void close()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                lastError = ex.toString();
            }
            channel = null;
        }
    }
}
