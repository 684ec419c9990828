package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;

/**
 * Relays the original syslog messages to a collector over TCP with RFC 6587 octet counting
 * ({@code LEN SP MSG}), optionally over TLS (RFC 5425, the JVM's default trust store). Reconnects with exponential
 * back-off and jitter; messages arriving while the collector is unreachable are counted as dropped.
 */
public final class SyslogRelayForwarder implements Forwarder
{
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final ForwarderConfig.Relay config;
    private final StreamFilter filter;
    private final Backoff backoff;
    private final byte[] prefix = new byte[16];
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Socket socket;
    private OutputStream out;
    private volatile String lastError = "";
    private long committedFailures;
    private volatile boolean connected;

    /**
     * @param config           relay settings.
     * @param initialBackoffMs first retry delay.
     * @param maxBackoffMs     longest retry delay.
     */
    public SyslogRelayForwarder(final ForwarderConfig.Relay config, final long initialBackoffMs,
        final long maxBackoffMs)
    {
        this.config = config;
        this.filter = new StreamFilter(config.streams());
        this.backoff = new Backoff(initialBackoffMs, maxBackoffMs);
    }

    @Override
    public String name()
    {
        return "syslog-relay";
    }

    @Override
    public boolean accepts(final ListenerType stream)
    {
        return filter.accepts(stream) && stream.isSyslog();
    }

    @Override
    public void onRaw(final ListenerType stream, final RecordContext context, final byte[] buf, final int offset,
        final int length)
    {
        if (out == null && !connect())
        {
            dropped.incrementAndGet();
            return;
        }
        int end = offset + length;
        while (end > offset && (buf[end - 1] == '\n' || buf[end - 1] == '\r' || buf[end - 1] == 0))
        {
            end--;
        }
        try
        {
            final byte[] len = Integer.toString(end - offset).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(len, 0, prefix, 0, len.length);
            prefix[len.length] = ' ';
            out.write(prefix, 0, len.length + 1);
            out.write(buf, offset, end - offset);
            sent.incrementAndGet();
        }
        catch (final IOException ex)
        {
            fail(ex);
            dropped.incrementAndGet();
        }
    }

    private boolean connect()
    {
        if (!backoff.ready(System.currentTimeMillis()))
        {
            return false;
        }
        try
        {
            final Socket s = config.tls() ? SSLSocketFactory.getDefault().createSocket() : new Socket();
            s.connect(new InetSocketAddress(config.host(), config.port()), CONNECT_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            socket = s;
            out = new BufferedOutputStream(s.getOutputStream(), 65536);
            connected = true;
            backoff.succeeded();
            lastError = "";
            return true;
        }
        catch (final IOException ex)
        {
            fail(ex);
            return false;
        }
    }

    private void fail(final IOException ex)
    {
        failed.incrementAndGet();
        lastError = ex.toString();
        backoff.failed(System.currentTimeMillis());
        close();
    }

    @Override
    public void onBatchEnd()
    {
        if (out != null)
        {
            try
            {
                out.flush();
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
        }
    }

    @Override
    public boolean commit()
    {
        onBatchEnd();
        final long f = failed.get() + dropped.get();
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
        return new ForwarderStatus(name(), connected ? "connected" : backoff.attempts() > 0 ? "retrying" : "connecting",
            connected, sent.get(), failed.get(), dropped.get(), 0, lastError);
    }

    @Override
    public void close()
    {
        connected = false;
        if (socket != null)
        {
            try
            {
                socket.close();
            }
            catch (final IOException ex)
            {
                lastError = ex.toString();
            }
        }
        socket = null;
        out = null;
    }
}
