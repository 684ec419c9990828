package io.nocraven.appliance.pipeline;

import io.nocraven.core.record.RecordContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-exporter counts of one listener (inputs and bytes), for the status top-N. The pipeline thread updates it with
 * a reusable probe key, so a known exporter costs no allocation; at most {@link #MAX_EXPORTERS} are tracked, the
 * rest are summed as {@link #otherInputs()}.
 */
public final class ExporterTable
{
    /** Most exporters tracked per listener. */
    public static final int MAX_EXPORTERS = 10_000;

    private final Map<Key, long[]> counts = new HashMap<>();
    private final Key probe = new Key();
    private long otherInputs;

    /**
     * @param context the envelope of one input.
     * @param bytes   its size.
     */
    public synchronized void record(final RecordContext context, final int bytes)
    {
        probe.set(context);
        long[] c = counts.get(probe);
        if (c == null)
        {
            if (counts.size() >= MAX_EXPORTERS)
            {
                otherInputs++;
                return;
            }
            c = new long[2];
            final Key k = new Key();
            k.set(context);
            k.text = context.exporterText();
            counts.put(k, c);
        }
        c[0]++;
        c[1] += bytes;
    }

    /**
     * @param n how many.
     * @return the n busiest exporters by inputs: {@code {exporter, inputs, bytes}}.
     */
    public synchronized List<Object[]> top(final int n)
    {
        final List<Map.Entry<Key, long[]>> all = new ArrayList<>(counts.entrySet());
        all.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        final List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, all.size()); i++)
        {
            final Map.Entry<Key, long[]> e = all.get(i);
            out.add(new Object[] {e.getKey().text, e.getValue()[0], e.getValue()[1]});
        }
        return out;
    }

    /**
     * @return exporters tracked.
     */
    public synchronized int size()
    {
        return counts.size();
    }

    /**
     * @return inputs from exporters beyond the tracking limit.
     */
    public synchronized long otherInputs()
    {
        return otherInputs;
    }

    /** Exporter address + port. */
    private static final class Key
    {
        private final byte[] address = new byte[16];
        private int length;
        private int port;
        private int hash;
        private String text;

        void set(final RecordContext c)
        {
            length = c.exporterAddressLength();
            System.arraycopy(c.exporterAddressBytes(), 0, address, 0, length);
            Arrays.fill(address, length, 16, (byte)0);
            port = c.exporterPort();
            hash = Arrays.hashCode(address) * 31 + port * 7 + length;
        }

        @Override
        public int hashCode()
        {
            return hash;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Key k && k.port == port && k.length == length && Arrays.equals(k.address, address);
        }
    }
}
