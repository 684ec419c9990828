package io.nocraven.appliance.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ConfigException;
import io.nocraven.appliance.source.BindFailure;
import java.io.IOException;

/**
 * What the admin API (and through it the panel, the terminal menu and scripts) can see and change. Implemented by
 * the running appliance; every method is thread-safe.
 */
public interface ApplianceControl
{
    /**
     * @return liveness/readiness and every health check.
     */
    ObjectNode health();

    /**
     * @return rates per listener, top exporters, pipeline and forwarder state.
     */
    ObjectNode status();

    /**
     * @return Prometheus text exposition.
     */
    String metrics();

    /**
     * @return the current configuration tree, secrets redacted.
     */
    ObjectNode config();

    /**
     * Validates, persists (atomically, with a backup) and applies a configuration.
     *
     * @param tree the new configuration (keys not given take their defaults; redacted secrets keep their value).
     * @return {@code {"applied": [...], "restartRequired": [...]}}.
     * @throws ConfigException when invalid (nothing changed).
     * @throws BindFailure     when a listener could not be bound (that listener rolled back, nothing persisted).
     * @throws IOException     when the file cannot be written.
     */
    ObjectNode putConfig(JsonNode tree) throws ConfigException, BindFailure, IOException;

    /**
     * @return every listener with its address, state and actual port.
     */
    ObjectNode ports();

    /**
     * Moves one listener with conflict detection, a real bind, hot rebind and rollback; persists on success.
     *
     * @param listener listener name.
     * @param bind     new bind address, or null to keep it.
     * @param port     new port, or null to keep it.
     * @param enabled  new enabled flag, or null to keep it.
     * @return the new port list.
     * @throws ConfigException on a conflict or invalid value.
     * @throws BindFailure     when the bind failed (the old socket is back).
     * @throws IOException     when the file cannot be written.
     */
    ObjectNode changePort(String listener, String bind, Integer port, Boolean enabled)
        throws ConfigException, BindFailure, IOException;

    /**
     * @return every buffer stream (size, records, oldest/newest, compression, drops, consumers) and every forwarder's
     *         lag and paused state.
     */
    ObjectNode buffer();

    /**
     * Acts on the forwarding from the buffer.
     *
     * @param action    {@code pause}, {@code resume}, {@code replay} or {@code purge}.
     * @param forwarder a forwarder name, or null for all.
     * @param fromMs    for replay: epoch ms to replay from.
     * @return the new buffer document.
     * @throws ConfigException when the action or forwarder is unknown.
     */
    ObjectNode bufferAction(String action, String forwarder, long fromMs) throws ConfigException;

    /**
     * @return recent undecodable inputs per listener.
     */
    ObjectNode quarantine();

    /**
     * @return the recent undecodable inputs as a pcap file (see {@code GET /api/v1/quarantine.pcap}).
     */
    byte[] quarantinePcap();

    /**
     * Replaces the admin token with a new random one.
     *
     * @return the new token (shown to the caller once).
     * @throws IOException when it cannot be stored.
     */
    String rotateToken() throws IOException;

    /**
     * @return the admin token checker.
     */
    AdminToken token();
}
