package io.nocraven.appliance.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events for the panel: every subscriber of {@code GET /api/v1/status/stream} receives an
 * {@code event: status} with the status document once a second, and {@code event: health} every five seconds.
 */
final class LiveStatus implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveStatus.class);

    private final ApplianceControl control;
    private final Set<Channel> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "noc-raven-sse");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    LiveStatus(final ApplianceControl control)
    {
        this.control = control;
    }

    void start()
    {
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void subscribe(final Channel ch)
    {
        subscribers.add(ch);
        ch.closeFuture().addListener(f -> subscribers.remove(ch));
        send(ch, "status", control.status().toString());
    }

    private void tick()
    {
        if (subscribers.isEmpty())
        {
            return;
        }
        try
        {
            final String status = control.status().toString();
            final String health = ticks++ % 5 == 0 ? control.health().toString() : null;
            for (final Channel ch : subscribers)
            {
                send(ch, "status", status);
                if (health != null)
                {
                    send(ch, "health", health);
                }
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("live status failed: {}", ex.toString());
        }
    }

    private static void send(final Channel ch, final String event, final String json)
    {
        if (ch.isActive())
        {
            final String frame = "event: " + event + "\ndata: " + json + "\n\n";
            ch.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void close()
    {
        timer.shutdownNow();
        for (final Channel ch : subscribers)
        {
            ch.close();
        }
    }
}
