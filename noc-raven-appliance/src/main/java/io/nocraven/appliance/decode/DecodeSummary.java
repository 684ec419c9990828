package io.nocraven.appliance.decode;

import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.RecordKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one {@code decode} run: records per kind, inputs per status, invalid inputs per reason.
 */
public final class DecodeSummary
{
    private final Map<RecordKind, Long> records = new EnumMap<>(RecordKind.class);
    private final Map<DecodeStatus, Long> inputs = new EnumMap<>(DecodeStatus.class);
    private final Map<String, Long> invalidReasons = new TreeMap<>();

    void onRecord(final RecordKind kind)
    {
        records.merge(kind, 1L, Long::sum);
    }

    void onInput(final DecodeStatus status)
    {
        inputs.merge(status, 1L, Long::sum);
    }

    void onInvalidReasons(final Map<String, Long> byReason)
    {
        byReason.forEach((k, v) -> invalidReasons.merge(k, v, Long::sum));
    }

    /**
     * @param kind a kind.
     * @return records written of that kind.
     */
    public long records(final RecordKind kind)
    {
        return records.getOrDefault(kind, 0L);
    }

    /**
     * @param status a status.
     * @return datagrams and frames that ended with that status.
     */
    public long inputs(final DecodeStatus status)
    {
        return inputs.getOrDefault(status, 0L);
    }

    /**
     * @return invalid inputs by reason, as counted by the decoders.
     */
    public Map<String, Long> invalidReasons()
    {
        return invalidReasons;
    }

    /**
     * @return a human-readable multi-line summary (for stderr).
     */
    public String format()
    {
        final StringBuilder sb = new StringBuilder("records:");
        long total = 0;
        for (final RecordKind k : RecordKind.values())
        {
            final long n = records(k);
            total += n;
            if (n > 0)
            {
                sb.append(' ').append(k.wireName()).append('=').append(n);
            }
        }
        sb.append(" (total ").append(total).append(")\ninputs:");
        for (final DecodeStatus s : DecodeStatus.values())
        {
            sb.append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(inputs(s));
        }
        if (!invalidReasons.isEmpty())
        {
            sb.append("\ninvalid by reason:");
            invalidReasons.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
        }
        return sb.toString();
    }
}
