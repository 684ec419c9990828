package io.nocraven.appliance.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.codec.CodecOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole validated configuration, plus the merged tree it came from (shown and edited by the admin API).
 *
 * @param dataDir          data directory (buffer, token, templates, archive).
 * @param admin            admin API.
 * @param listeners        every listener, enabled or not, in declaration order.
 * @param codec            decoder options.
 * @param ringSize         Disruptor ring size (power of two).
 * @param slotBytes        bytes pre-allocated per ring slot.
 * @param maxDatagramBytes largest datagram/frame accepted.
 * @param buffer           durable buffer.
 * @param forwarders       forwarders.
 * @param topExporters     exporters listed in status.
 * @param health           health thresholds.
 * @param tree             the merged configuration tree.
 */
public record ApplianceConfig(
    Path dataDir,
    AdminConfig admin,
    Map<ListenerType, ListenerConfig> listeners,
    CodecOptions codec,
    int ringSize,
    int slotBytes,
    int maxDatagramBytes,
    BufferSettings buffer,
    ForwarderConfig forwarders,
    int topExporters,
    HealthThresholds health,
    ObjectNode tree)
{
    /**
     * @param type a listener type.
     * @return its settings.
     */
    public ListenerConfig listener(final ListenerType type)
    {
        return listeners.get(type);
    }
}
