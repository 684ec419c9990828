package io.nocraven.codec.flow;

/**
 * Counters of a flow decoder's template and hold machinery, beside the generic
 * {@link io.nocraven.codec.DecodeCounters}. Single writer (the decoder thread); other threads read eventually
 * consistent values.
 */
public final class FlowCounters
{
    private volatile long templatesDefined;
    private volatile long templatesWithdrawn;
    private volatile long templatesEvicted;
    private volatile long templatesExpired;
    private volatile long exportersEvicted;
    private volatile long packetsHeld;
    private volatile long packetsReleased;
    private volatile long packetsNotReleased;
    private volatile long sequenceGaps;
    private volatile long missingRecords;

    void onTemplateDefined()
    {
        templatesDefined++;
    }

    void onTemplatesWithdrawn(final int count)
    {
        templatesWithdrawn += count;
    }

    void onTemplateEvicted()
    {
        templatesEvicted++;
    }

    void onTemplateExpired()
    {
        templatesExpired++;
    }

    void onExporterEvicted()
    {
        exportersEvicted++;
    }

    void onHeld()
    {
        packetsHeld++;
    }

    void onReleased()
    {
        packetsReleased++;
    }

    void onNotReleased()
    {
        packetsNotReleased++;
    }

    /**
     * @param missing records or packets missing (negative: late or repeated, not added to the missing count).
     */
    public void onSequenceGap(final long missing)
    {
        sequenceGaps++;
        missingRecords += Math.max(0, missing);
    }

    /** @return templates and options templates defined (new or changed layout). */
    public long templatesDefined()
    {
        return templatesDefined;
    }

    /** @return templates withdrawn by the exporter (IPFIX). */
    public long templatesWithdrawn()
    {
        return templatesWithdrawn;
    }

    /** @return templates evicted because a per-exporter or total bound was reached. */
    public long templatesEvicted()
    {
        return templatesEvicted;
    }

    /** @return templates dropped because they were not re-sent within their lifetime. */
    public long templatesExpired()
    {
        return templatesExpired;
    }

    /** @return exporters dropped because too many were tracked. */
    public long exportersEvicted()
    {
        return exportersEvicted;
    }

    /** @return packets held because a data set's template was not known yet. */
    public long packetsHeld()
    {
        return packetsHeld;
    }

    /** @return held packets decoded after their template arrived. */
    public long packetsReleased()
    {
        return packetsReleased;
    }

    /** @return held packets given up (bytes or age bound, or end of input): written as invalid records. */
    public long packetsNotReleased()
    {
        return packetsNotReleased;
    }

    /** @return sequence-number discontinuities seen. */
    public long sequenceGaps()
    {
        return sequenceGaps;
    }

    /** @return records (IPFIX) or packets (NetFlow v9) missing according to the sequence numbers. */
    public long missingRecords()
    {
        return missingRecords;
    }
}
