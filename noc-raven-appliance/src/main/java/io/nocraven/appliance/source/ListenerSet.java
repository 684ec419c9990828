package io.nocraven.appliance.source;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.codec.CodecOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The running listeners. Starts the enabled ones, and changes one at run time: a new socket is bound first (a real
 * bind test) and the old one closed only once the new one is up; when the new address overlaps the old one
 * (same port), the old socket is closed first and re-bound if the new bind fails (rollback).
 */
public final class ListenerSet implements AutoCloseable
{
    private final IngressRing ring;
    private final CodecOptions options;
    private final Map<ListenerType, Listener> running = new EnumMap<>(ListenerType.class);
    private final Map<ListenerType, ListenerConfig> configs = new EnumMap<>(ListenerType.class);

    /**
     * @param ring    where listeners publish.
     * @param options codec options (framers).
     */
    public ListenerSet(final IngressRing ring, final CodecOptions options)
    {
        this.ring = ring;
        this.options = options;
    }

    /**
     * Starts every enabled listener; on failure the ones already started keep running and all failures are thrown.
     *
     * @param listeners the configuration.
     * @throws BindFailure listing each listener that could not bind.
     */
    public synchronized void startAll(final Map<ListenerType, ListenerConfig> listeners) throws BindFailure
    {
        final List<String> failures = new ArrayList<>();
        BindFailure first = null;
        for (final ListenerConfig c : listeners.values())
        {
            configs.put(c.type(), c);
            if (!c.enabled())
            {
                continue;
            }
            try
            {
                running.put(c.type(), open(c));
            }
            catch (final BindFailure ex)
            {
                failures.add(ex.getMessage());
                first = first == null ? ex : first;
            }
        }
        if (first != null)
        {
            throw new BindFailure(String.join("\n", failures), first.getCause());
        }
    }

    private Listener open(final ListenerConfig c) throws BindFailure
    {
        final Listener l;
        if (c.type().transport() == ListenerType.Transport.UDP)
        {
            l = new UdpListener(c, ring);
        }
        else if (c.type() == ListenerType.WINDOWS_HTTP)
        {
            l = new WindowsEventListener(c, ring, c.tls() ? ssl(c) : null, options);
        }
        else
        {
            l = new TcpListener(c, ring, options, c.tls() ? ssl(c) : null);
        }
        l.start();
        return l;
    }

    private static SslContext ssl(final ListenerConfig c) throws BindFailure
    {
        try
        {
            return SslContextBuilder.forServer(new File(c.certFile()), new File(c.keyFile())).build();
        }
        catch (final SSLException | IllegalArgumentException ex)
        {
            throw new BindFailure(c.keyPrefix() + ": cannot load TLS certificate '" + c.certFile() + "' / key '"
                + c.keyFile() + "' (expected PEM certificate chain and PKCS#8 key): " + ex.getMessage(), ex);
        }
    }

    /**
     * Applies a new configuration to one listener: start, stop or rebind. On failure the previous state is restored.
     *
     * @param next the new settings.
     * @throws BindFailure when the new settings cannot be bound (the old listener is running again).
     */
    public synchronized void apply(final ListenerConfig next) throws BindFailure
    {
        final ListenerConfig prev = configs.get(next.type());
        final Listener old = running.get(next.type());
        if (!next.enabled())
        {
            if (old != null)
            {
                old.close();
                running.remove(next.type());
            }
            configs.put(next.type(), next);
            return;
        }
        if (old == null)
        {
            running.put(next.type(), open(next));
            configs.put(next.type(), next);
            return;
        }
        final boolean samePort = next.port() != 0 && next.port() == old.boundPort();
        if (!samePort)
        {
            final Listener fresh = open(next);
            old.close();
            running.put(next.type(), fresh);
            configs.put(next.type(), next);
            return;
        }
        old.close();
        try
        {
            running.put(next.type(), open(next));
            configs.put(next.type(), next);
        }
        catch (final BindFailure ex)
        {
            running.put(next.type(), open(prev.withAddress(prev.bind(), old.boundPort())));
            throw ex;
        }
    }

    /**
     * @param type a listener.
     * @return its current settings.
     */
    public synchronized ListenerConfig config(final ListenerType type)
    {
        return configs.get(type);
    }

    /**
     * @param type a listener.
     * @return the running listener, or null.
     */
    public synchronized Listener get(final ListenerType type)
    {
        return running.get(type);
    }

    /**
     * @return the current settings of every listener.
     */
    public synchronized Map<ListenerType, ListenerConfig> configs()
    {
        return new EnumMap<>(configs);
    }

    @Override
    public synchronized void close()
    {
        for (final Listener l : running.values())
        {
            l.close();
        }
        running.clear();
    }
}
