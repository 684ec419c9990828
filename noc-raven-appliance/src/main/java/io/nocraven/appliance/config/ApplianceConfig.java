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

    /**
     * The largest input a listener hands to the pipeline, which is also the largest entry its buffer stream takes:
     * an HTTP body up to {@code maxBodyBytes} for windows-http, a TCP frame up to {@code codec.maxFrameBytes} (and
     * at least {@code pipeline.maxDatagramBytes}) for TCP listeners, {@code pipeline.maxDatagramBytes} for UDP.
     *
     * @param type a listener.
     * @return bytes.
     */
    public int maxInputBytes(final ListenerType type)
    {
        final int wanted;
        if (type == ListenerType.WINDOWS_HTTP)
        {
            wanted = listener(type).maxBodyBytes();
        }
        else if (type.transport() == ListenerType.Transport.TCP)
        {
            wanted = Math.max(maxDatagramBytes, codec.maxFrameBytes());
        }
        else
        {
            wanted = maxDatagramBytes;
        }
        // Validation refuses an enabled listener whose inputs cannot fit a segment; a disabled one is capped.
        return Math.min(wanted, maxEntryBytes(buffer.segmentBytes()));
    }

    /**
     * @param segmentBytes the buffer's segment size.
     * @return the largest input that fits one buffer entry of such a segment (journal header included).
     */
    public static int maxEntryBytes(final int segmentBytes)
    {
        return segmentBytes - 256 - io.nocraven.appliance.pipeline.JournalEntryDescriptor.HEADER_LENGTH;
    }

    /**
     * @return the largest {@link #maxInputBytes(ListenerType)} over all listeners (the quarantine stream's limit).
     */
    public int maxInputBytes()
    {
        int max = 0;
        for (final ListenerType t : ListenerType.values())
        {
            max = Math.max(max, maxInputBytes(t));
        }
        return max;
    }
}
