package io.nocraven.appliance.source;

import io.nocraven.appliance.config.ListenerConfig;

/** A bound network listener that copies what it receives into the ingest ring. */
public interface Listener extends AutoCloseable
{
    /**
     * Binds (a real bind; failing here is how conflicts and missing privileges surface).
     *
     * @throws BindFailure naming the config key and the fix.
     */
    void start() throws BindFailure;

    /**
     * @return the listener's settings.
     */
    ListenerConfig config();

    /**
     * @return true while bound.
     */
    boolean bound();

    /**
     * @return the actual port (useful when configured as 0 in tests), or -1 when not bound.
     */
    int boundPort();

    /**
     * @return warnings found while binding (e.g. the kernel capped the receive buffer); empty when none.
     */
    String warning();

    /** Unbinds and releases the event loops. */
    @Override
    void close();
}
