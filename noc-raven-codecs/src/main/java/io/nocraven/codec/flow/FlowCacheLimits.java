package io.nocraven.codec.flow;

/**
 * Bounds of a flow decoder's state: templates per exporter (exporter address + port + observation domain/source
 * id) and in total, how long a template lives without being re-sent, and how many exporters are tracked. Defaults:
 * 4096 per exporter, 65536 in total, 1 hour, 16384 exporters. The lifetime is generous on purpose: exporters
 * re-send templates every few minutes (RFC 7011 section 8.4 leaves the timeout to the collector) and dropping a
 * template early loses data, while the count bounds keep memory fixed whatever the lifetime.
 *
 * @param maxTemplatesPerExporter templates kept per exporter; the oldest is evicted beyond it.
 * @param maxTemplatesTotal       templates kept in total; the oldest is evicted beyond it.
 * @param templateTtlMillis       template lifetime since it was last (re-)sent; 0 or less: no expiry.
 * @param maxExporters            exporters tracked; the least recently seen one is dropped beyond it.
 */
public record FlowCacheLimits(int maxTemplatesPerExporter, int maxTemplatesTotal, long templateTtlMillis, int maxExporters)
{
    /** The defaults. */
    public static final FlowCacheLimits DEFAULTS = new FlowCacheLimits(4096, 65536, 3_600_000L, 16384);

    /**
     * Validates the bounds.
     *
     * @param maxTemplatesPerExporter templates per exporter.
     * @param maxTemplatesTotal       templates in total.
     * @param templateTtlMillis       lifetime.
     * @param maxExporters            exporters tracked.
     */
    public FlowCacheLimits
    {
        if (maxTemplatesPerExporter < 1)
        {
            throw new IllegalArgumentException("maxTemplatesPerExporter = " + maxTemplatesPerExporter + " (expected: >= 1)");
        }
        if (maxTemplatesTotal < 1)
        {
            throw new IllegalArgumentException("maxTemplatesTotal = " + maxTemplatesTotal + " (expected: >= 1)");
        }
        if (maxExporters < 1)
        {
            throw new IllegalArgumentException("maxExporters = " + maxExporters + " (expected: >= 1)");
        }
    }
}
