package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic test payloads (content and length derived from an id) and a collecting reader.
 */
final class Records
{
    static final long BASE_TIME = 1_700_000_000_000L;

    private Records()
    {
    }

    static byte[] payload(final long id)
    {
        final int length = 20 + (int)((id * 7919) % 180);
        final byte[] bytes = new byte[length];
        final byte[] prefix = ("record-" + id + "|").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++)
        {
            bytes[i] = i < prefix.length ? prefix[i] : (byte)(id * 31 + i);
        }
        return bytes;
    }

    static long append(final StreamJournal journal, final long id)
    {
        final byte[] bytes = payload(id);
        return journal.append((int)(id % 7), BASE_TIME + id, bytes, 0, bytes.length);
    }

    static void appendAll(final StreamJournal journal, final long fromId, final long toIdExclusive)
    {
        for (long id = fromId; id < toIdExclusive; id++)
        {
            final long sequence = append(journal, id);
            if (sequence < 0)
            {
                throw new AssertionError("append " + id + " failed: " + sequence);
            }
        }
        journal.commitBatch(true);
    }

    /** A read record: sequence, timestamp, type, payload copy. */
    record Read(long sequence, long timestamp, int type, byte[] payload)
    {
        boolean matches(final long id)
        {
            return timestamp == BASE_TIME + id && type == id % 7 && Arrays.equals(payload, Records.payload(id));
        }
    }

    static List<Read> readAll(final StreamReader reader)
    {
        final List<Read> result = new ArrayList<>();
        while (reader.poll((seq, ts, type, buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            result.add(new Read(seq, ts, type, copy));
        }, 1000) > 0)
        {
            // keep polling until nothing more is committed
        }
        return result;
    }
}
