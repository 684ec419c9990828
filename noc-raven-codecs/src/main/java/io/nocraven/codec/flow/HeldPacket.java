package io.nocraven.codec.flow;

import io.nocraven.core.record.RecordContext;

/**
 * A copy of an export packet with data sets whose template had not arrived, waiting in its exporter's hold queue:
 * the bytes, the envelope, when it was held and the offsets of the sets still pending. Allocated when a packet is
 * held (the slow path).
 */
public final class HeldPacket
{
    private final byte[] bytes;
    private final RecordContext context;
    private final long heldAtMillis;
    private final int[] pendingSets;
    private int pendingCount;

    /**
     * @param buf          the packet bytes (copied).
     * @param offset       packet start.
     * @param length       packet length.
     * @param context      the envelope (copied).
     * @param heldAtMillis decoder clock when held.
     * @param pendingSets  offsets (relative to the packet start) of the pending data sets.
     * @param pendingCount how many of {@code pendingSets} are used.
     */
    public HeldPacket(final byte[] buf, final int offset, final int length, final RecordContext context,
        final long heldAtMillis, final int[] pendingSets, final int pendingCount)
    {
        this.bytes = java.util.Arrays.copyOfRange(buf, offset, offset + length);
        this.context = new RecordContext().copyFrom(context);
        this.heldAtMillis = heldAtMillis;
        this.pendingSets = java.util.Arrays.copyOf(pendingSets, pendingCount);
        this.pendingCount = pendingCount;
    }

    /** @return the packet bytes (offset 0). */
    public byte[] bytes()
    {
        return bytes;
    }

    /** @return the envelope it arrived with. */
    public RecordContext context()
    {
        return context;
    }

    /** @return decoder clock when it was held. */
    public long heldAtMillis()
    {
        return heldAtMillis;
    }

    /** @return how many data sets are still pending. */
    public int pendingCount()
    {
        return pendingCount;
    }

    /**
     * @param i index below {@link #pendingCount()}.
     * @return offset of that pending set in {@link #bytes()}.
     */
    public int pendingSet(final int i)
    {
        return pendingSets[i];
    }

    /** @return the offset of the first pending set (where decoding stopped), or 0. */
    public int firstPendingSet()
    {
        return pendingCount > 0 ? pendingSets[0] : 0;
    }

    /**
     * Drops the pending sets for which {@code done[i]} is true, keeping the order of the rest.
     *
     * @param done flags, one per pending set.
     */
    public void removeDone(final boolean[] done)
    {
        int w = 0;
        for (int i = 0; i < pendingCount; i++)
        {
            if (!done[i])
            {
                pendingSets[w++] = pendingSets[i];
            }
        }
        pendingCount = w;
    }
}
