package io.nocraven.appliance.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the decode stage saw on one listener: records written, inputs decoded, undecodable inputs (quarantined)
 * and the most recent undecodable inputs (for the panel's error page and a pcap download). Written by the
 * pipeline thread, read by the admin API.
 */
public final class ListenerCounters
{
    /** Most recent quarantined inputs kept for inspection. */
    public static final int RECENT_LIMIT = 64;

    private final ExporterTable exporters = new ExporterTable();
    private final Deque<QuarantinedInput> recent = new ArrayDeque<>();
    private volatile long decoded;
    private volatile long records;
    private volatile long quarantined;

    void onDecoded()
    {
        decoded++;
    }

    void onRecords(final long n)
    {
        records += n;
    }

    void onQuarantined(final QuarantinedInput input)
    {
        quarantined++;
        synchronized (recent)
        {
            if (recent.size() == RECENT_LIMIT)
            {
                recent.removeFirst();
            }
            recent.addLast(input);
        }
    }

    /**
     * @return inputs that went through the decoder.
     */
    public long decoded()
    {
        return decoded;
    }

    /**
     * @return records written (all kinds, invalid included).
     */
    public long records()
    {
        return records;
    }

    /**
     * @return undecodable inputs.
     */
    public long quarantined()
    {
        return quarantined;
    }

    /**
     * @return the per-exporter table.
     */
    public ExporterTable exporters()
    {
        return exporters;
    }

    /**
     * @return the most recent undecodable inputs, oldest first.
     */
    public List<QuarantinedInput> recent()
    {
        synchronized (recent)
        {
            return new ArrayList<>(recent);
        }
    }
}
