package io.nocraven.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters of one decoder: inputs seen, records written, and failures by reason. Reasons are short, stable strings
 * (the same text as in the {@code invalid} record), so they can be exported as metric labels.
 * Single-writer; readers on other threads see eventually consistent values.
 */
public final class DecodeCounters
{
    private final Map<String, long[]> failures = new LinkedHashMap<>();
    private volatile long inputs;
    private volatile long records;
    private volatile long invalid;
    private volatile long held;

    /** Counts one datagram or frame given to the decoder. */
    public void onInput()
    {
        inputs++;
    }

    /**
     * @param count records written.
     */
    public void onRecords(final int count)
    {
        records += count;
    }

    /** Counts one record written. */
    public void onRecord()
    {
        records++;
    }

    /** Counts one input held for later. */
    public void onHeld()
    {
        held++;
    }

    /**
     * Counts one undecodable input.
     *
     * @param reason why.
     */
    public void onInvalid(final String reason)
    {
        invalid++;
        synchronized (failures)
        {
            final long[] c = failures.get(reason);
            if (c == null)
            {
                failures.put(reason, new long[] {1});
            }
            else
            {
                c[0]++;
            }
        }
    }

    /**
     * @return datagrams or frames seen.
     */
    public long inputs()
    {
        return inputs;
    }

    /**
     * @return records written.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return inputs reported as invalid.
     */
    public long invalid()
    {
        return invalid;
    }

    /**
     * @return inputs held for later decoding.
     */
    public long held()
    {
        return held;
    }

    /**
     * @return a snapshot of failures by reason.
     */
    public Map<String, Long> failuresByReason()
    {
        final Map<String, Long> copy = new LinkedHashMap<>();
        synchronized (failures)
        {
            failures.forEach((k, v) -> copy.put(k, v[0]));
        }
        return Collections.unmodifiableMap(copy);
    }
}
