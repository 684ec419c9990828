package io.nocraven.core.capture;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * Rebuilds fragmented IPv4 (RFC 791) and IPv6 (RFC 8200 section 4.5) datagrams, bounded in every dimension: at most
 * {@link #MAX_DATAGRAM} payload bytes per datagram, at most {@link #MAX_PENDING} datagrams pending (the oldest is
 * evicted), and a pending datagram is dropped once {@link #MAX_AGE_FRAMES} frames went by since its first fragment.
 * <p>
 * Coverage is tracked per byte. A fragment that repeats bytes already held is accepted when the repeated bytes are
 * equal (a duplicate); if they differ the whole datagram is dropped (as RFC 5722 requires for IPv6; done for IPv4
 * too so that no reading depends on which copy came first). Every datagram that is never delivered is counted in
 * {@link CaptureStats#incompleteDatagrams()}.
 */
final class IpReassembler
{
    /** Largest reassembled payload (after the IP header). */
    static final int MAX_DATAGRAM = 65_535;
    /** Most datagrams waiting for fragments at once. */
    static final int MAX_PENDING = 64;
    /** Frames after the first fragment of a datagram after which it is given up. */
    static final int MAX_AGE_FRAMES = 10_000;

    /** Receives reassembled datagrams. */
    interface Sink
    {
        void onReassembled(long ts, int version, byte[] addr, int addrLength, int protocol, byte[] buf, int length);
    }

    private static final class Reassembly
    {
        final byte[] addr = new byte[32];
        final byte[] data = new byte[MAX_DATAGRAM];
        final long[] bits = new long[(MAX_DATAGRAM + 63) / 64];
        int version;
        int addrLength;
        int keyProtocol;
        int protocol;
        int id;
        long firstFrame;
        int total;
        int covered;

        boolean matches(final int version, final byte[] buf, final int srcAt, final int dstAt, final int addrLength,
            final int keyProtocol, final int id)
        {
            return this.version == version && this.id == id && this.keyProtocol == keyProtocol && this.addrLength == addrLength
                && Arrays.equals(addr, 0, addrLength, buf, srcAt, srcAt + addrLength)
                && Arrays.equals(addr, addrLength, 2 * addrLength, buf, dstAt, dstAt + addrLength);
        }
    }

    private final Sink sink;
    private final CaptureStats stats;
    private final ArrayList<Reassembly> pending = new ArrayList<>();
    private final ArrayList<Reassembly> free = new ArrayList<>();
    private long frame;

    IpReassembler(final Sink sink, final CaptureStats stats)
    {
        this.sink = sink;
        this.stats = stats;
    }

    /** Counts one frame (the clock that ages pending datagrams). */
    void onFrame()
    {
        frame++;
    }

    /**
     * Adds one fragment.
     *
     * @param protocol     the transport protocol (IPv4 header, or the IPv6 fragment header's next header).
     * @param fragmentAt   the fragment's offset in the datagram payload, in bytes.
     * @param more         the more-fragments flag.
     */
    void add(final long ts, final int version, final byte[] addrBuf, final int srcAt, final int dstAt, final int addrLength,
        final int protocol, final int id, final int fragmentAt, final boolean more, final byte[] buf, final int offset, final int length)
    {
        stats.fragments++;
        expire();
        if (more && (length % 8 != 0 || length == 0))
        {
            stats.malformedPackets++;
            return;
        }
        final int keyProtocol = version == 4 ? protocol : -1;
        Reassembly r = null;
        for (int i = 0, n = pending.size(); i < n; i++)
        {
            final Reassembly candidate = pending.get(i);
            if (candidate.matches(version, addrBuf, srcAt, dstAt, addrLength, keyProtocol, id))
            {
                r = candidate;
                break;
            }
        }
        if (r == null)
        {
            r = start(version, addrBuf, srcAt, dstAt, addrLength, keyProtocol, id);
        }
        final int end = fragmentAt + length;
        if (end > MAX_DATAGRAM || (!more && r.total >= 0 && r.total != end) || (r.total >= 0 && end > r.total)
            || (!more && highestCovered(r) > end))
        {
            drop(r);
            return;
        }
        if (!more)
        {
            r.total = end;
        }
        for (int i = 0; i < length; i++)
        {
            final int at = fragmentAt + i;
            if ((r.bits[at >>> 6] & (1L << at)) != 0 && r.data[at] != buf[offset + i])
            {
                stats.fragmentOverlapConflicts++;
                drop(r);
                return;
            }
        }
        for (int i = 0; i < length; i++)
        {
            final int at = fragmentAt + i;
            final long bit = 1L << at;
            if ((r.bits[at >>> 6] & bit) == 0)
            {
                r.bits[at >>> 6] |= bit;
                r.data[at] = buf[offset + i];
                r.covered++;
            }
        }
        if (fragmentAt == 0)
        {
            r.protocol = protocol;
        }
        if (r.total >= 0 && r.covered == r.total)
        {
            pending.remove(r);
            free.add(r);
            stats.reassembledDatagrams++;
            sink.onReassembled(ts, r.version, r.addr, r.addrLength, r.protocol, r.data, r.total);
        }
    }

    /** Counts every datagram still pending as incomplete (end of capture). */
    void finish()
    {
        stats.fragmentsPending += pending.size();
        stats.incompleteDatagrams += pending.size();
        free.addAll(pending);
        pending.clear();
    }

    private Reassembly start(final int version, final byte[] addrBuf, final int srcAt, final int dstAt, final int addrLength,
        final int keyProtocol, final int id)
    {
        if (pending.size() >= MAX_PENDING)
        {
            drop(pending.get(0));
        }
        final Reassembly r = free.isEmpty() ? new Reassembly() : free.remove(free.size() - 1);
        r.version = version;
        r.addrLength = addrLength;
        System.arraycopy(addrBuf, srcAt, r.addr, 0, addrLength);
        System.arraycopy(addrBuf, dstAt, r.addr, addrLength, addrLength);
        r.keyProtocol = keyProtocol;
        r.protocol = -1;
        r.id = id;
        r.firstFrame = frame;
        r.total = -1;
        r.covered = 0;
        Arrays.fill(r.bits, 0L);
        pending.add(r);
        return r;
    }

    private static int highestCovered(final Reassembly r)
    {
        for (int w = r.bits.length - 1; w >= 0; w--)
        {
            if (r.bits[w] != 0)
            {
                return w * 64 + 64 - Long.numberOfLeadingZeros(r.bits[w]);
            }
        }
        return 0;
    }

    private void expire()
    {
        for (int i = pending.size() - 1; i >= 0; i--)
        {
            if (frame - pending.get(i).firstFrame > MAX_AGE_FRAMES)
            {
                drop(pending.get(i));
            }
        }
    }

    private void drop(final Reassembly r)
    {
        pending.remove(r);
        free.add(r);
        stats.incompleteDatagrams++;
    }
}
