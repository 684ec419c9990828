package io.nocraven.buffer.segment;

import io.nocraven.buffer.fs.FileLayer;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static io.nocraven.buffer.segment.RecordDescriptor.*;

/**
 * The single writer of the active segment: appends records into the memory-mapped, preallocated file, writing the
 * frame length last with a release store, forces dirty ranges to disk and seals the segment. Not thread safe:
 * exactly one thread appends.
 * <p>
 * With a background flusher ({@code journal/BufferFlusher}) the work is split between two threads, each hand-off
 * going through the flusher's queue (which orders the memory accesses): the writer appends and, at a roll, writes
 * the end marker ({@link #finish()}) and never touches the appender again; the flusher forces ranges the writer
 * has finished ({@link #forceTo(int)}, {@link #forceHeader()}), writes the sealed header ({@link #sealHeader(boolean)})
 * and unmaps ({@link #close()}). {@code forcedPosition} then belongs to the flusher.
 */
public final class SegmentAppender implements AutoCloseable
{
    private final FileLayer files;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;
    private final ByteBuffer view;
    private final UnsafeBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private final Path path;
    private final long baseSequence;
    private final int capacity;
    private int position;
    private int forcedPosition;
    private int recordCount;
    private long firstTimestamp;
    private long maxTimestamp;

    private SegmentAppender(
        final FileLayer files, final Path path, final FileChannel channel, final long baseSequence, final int capacity,
        final int position, final int recordCount, final long firstTimestamp, final long maxTimestamp)
        throws IOException
    {
        this.files = files;
        this.path = path;
        this.channel = channel;
        this.mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity);
        this.view = mapped.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.buffer = new UnsafeBuffer(mapped);
        this.baseSequence = baseSequence;
        this.capacity = capacity;
        this.position = position;
        this.forcedPosition = position;
        this.recordCount = recordCount;
        this.firstTimestamp = firstTimestamp;
        this.maxTimestamp = maxTimestamp;
    }

    /**
     * Create, preallocate (real zero blocks), map and initialise a new segment file.
     *
     * @param files        file layer.
     * @param path         path of the new file.
     * @param baseSequence first sequence of the segment.
     * @param capacity     file length.
     * @param nowMs        creation time.
     * @param sync         true to make the new file's name durable (directory sync) and force its header.
     * @return the appender.
     * @throws IOException when the file cannot be created or preallocated (treat as disk full).
     */
    public static SegmentAppender create(
        final FileLayer files, final Path path, final long baseSequence, final int capacity, final long nowMs,
        final boolean sync) throws IOException
    {
        return create(files, path, baseSequence, capacity, nowMs, sync, null);
    }

    /**
     * Create a segment, adopting a spare file preallocated in the background when one is given (renamed into
     * place, so the writer does not pay for the zero blocks).
     *
     * @param files        file layer.
     * @param path         path of the new file.
     * @param baseSequence first sequence of the segment.
     * @param capacity     file length.
     * @param nowMs        creation time.
     * @param sync         true to make the new file's name durable (directory sync) and force its header.
     * @param spare        a zero-filled file of {@code capacity} bytes to adopt, or null.
     * @return the appender.
     * @throws IOException when the file cannot be created or preallocated (treat as disk full).
     */
    public static SegmentAppender create(
        final FileLayer files, final Path path, final long baseSequence, final int capacity, final long nowMs,
        final boolean sync, final Path spare) throws IOException
    {
        if (spare != null)
        {
            files.move(spare, path);
        }
        final FileChannel channel = spare != null ?
            files.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE) :
            files.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try
        {
            if (spare == null || channel.size() != capacity)
            {
                files.preallocate(channel, capacity);
            }
            final SegmentAppender appender = new SegmentAppender(
                files, path, channel, baseSequence, capacity, SegmentDescriptor.HEADER_LENGTH, 0, 0, 0);
            new SegmentHeader().wrap(appender.mapped).initialise(baseSequence, nowMs, capacity);
            if (sync)
            {
                appender.forceHeader();
                files.syncDirectory(path.getParent());
            }
            return appender;
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            files.delete(path);
            throw ex;
        }
    }

    /**
     * Reopen a recovered, unsealed segment to continue appending after its last valid record.
     *
     * @param files          file layer.
     * @param path           the segment file.
     * @param baseSequence   its base sequence.
     * @param capacity       its capacity.
     * @param position       offset after the last valid record (everything after it is zero).
     * @param recordCount    records already in it.
     * @param firstTimestamp first record's timestamp.
     * @param maxTimestamp   largest timestamp so far.
     * @return the appender.
     * @throws IOException when the file cannot be opened or mapped.
     */
    public static SegmentAppender resume(
        final FileLayer files, final Path path, final long baseSequence, final int capacity, final int position,
        final int recordCount, final long firstTimestamp, final long maxTimestamp) throws IOException
    {
        final FileChannel channel = files.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try
        {
            return new SegmentAppender(
                files, path, channel, baseSequence, capacity, position, recordCount, firstTimestamp, maxTimestamp);
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    /**
     * Whether a record with this payload still fits, leaving room for the end-of-segment marker.
     *
     * @param payloadLength payload bytes.
     * @return true when {@link #append} may be called.
     */
    public boolean hasRoom(final int payloadLength)
    {
        return (long)position + alignedLength(frameLength(payloadLength)) + HEADER_LENGTH <= capacity;
    }

    /**
     * Append a record; the caller checked {@link #hasRoom(int)}.
     *
     * @param type      user type 0..32767.
     * @param timestamp epoch ms.
     * @param src       payload source.
     * @param offset    payload offset in {@code src}.
     * @param length    payload length.
     * @return the record's sequence.
     */
    public long append(final int type, final long timestamp, final DirectBuffer src, final int offset, final int length)
    {
        buffer.putBytes(position + HEADER_LENGTH, src, offset, length);
        return commit(type, timestamp, length);
    }

    /**
     * Append a record from a byte array; the caller checked {@link #hasRoom(int)}.
     *
     * @param type      user type 0..32767.
     * @param timestamp epoch ms.
     * @param src       payload source.
     * @param offset    payload offset in {@code src}.
     * @param length    payload length.
     * @return the record's sequence.
     */
    public long append(final int type, final long timestamp, final byte[] src, final int offset, final int length)
    {
        buffer.putBytes(position + HEADER_LENGTH, src, offset, length);
        return commit(type, timestamp, length);
    }

    private long commit(final int type, final long timestamp, final int payloadLength)
    {
        final int recordOffset = position;
        final int frameLength = frameLength(payloadLength);
        final long sequence = baseSequence + recordCount;
        writeHeader(recordOffset, frameLength, recordCount, type, timestamp);
        if (0 == recordCount)
        {
            firstTimestamp = timestamp;
            maxTimestamp = timestamp;
        }
        else if (timestamp > maxTimestamp)
        {
            maxTimestamp = timestamp;
        }
        recordCount++;
        position = recordOffset + alignedLength(frameLength);
        return sequence;
    }

    private void writeHeader(final int recordOffset, final int frameLength, final int delta, final int type, final long ts)
    {
        final UnsafeBuffer buffer = this.buffer;
        buffer.putInt(recordOffset + SEQUENCE_DELTA_OFFSET, delta);
        buffer.putShort(recordOffset + TYPE_OFFSET, (short)type);
        buffer.putShort(recordOffset + FLAGS_OFFSET, (short)0);
        buffer.putLong(recordOffset + TIMESTAMP_OFFSET, ts);
        final ByteBuffer view = this.view;
        view.limit(recordOffset + frameLength).position(recordOffset + CRC_START);
        crc.reset();
        crc.update(view);
        buffer.putInt(recordOffset + CRC_OFFSET, (int)crc.getValue());
        buffer.putIntRelease(recordOffset + LENGTH_OFFSET, frameLength);
    }

    /**
     * Force the bytes appended since the last force to the storage device (msync of the dirty range).
     *
     * @return true when there was something to force.
     */
    public boolean force()
    {
        return forceTo(position);
    }

    /**
     * Force the bytes from the last forced position up to {@code to} (a position the writer had reached when it
     * asked). On failure nothing is marked forced, so the next call forces the range again.
     *
     * @param to end of the range (exclusive).
     * @return true when there was something to force.
     * @throws java.io.UncheckedIOException when the device reports an error (msync failed).
     */
    public boolean forceTo(final int to)
    {
        final int from = forcedPosition;
        if (to <= from)
        {
            return false;
        }
        files.force(mapped, from, to - from);
        forcedPosition = to;
        return true;
    }

    /**
     * Force the segment header (a new segment's, before any of its records is declared durable).
     *
     * @throws java.io.UncheckedIOException when the device reports an error.
     */
    public void forceHeader()
    {
        files.force(mapped, 0, SegmentDescriptor.HEADER_LENGTH);
    }

    /**
     * Write the end-of-segment marker and the sealed header.
     *
     * @param sync true to force the records and the header to the device (every mode but page cache).
     */
    public void seal(final boolean sync)
    {
        finish();
        sealHeader(sync);
    }

    /**
     * Write the end-of-segment marker (the writer's last write to this segment; readers move on to the next
     * segment when they reach it).
     */
    public void finish()
    {
        writeHeader(position, HEADER_LENGTH, recordCount, END_OF_SEGMENT_TYPE, maxTimestamp);
        position += HEADER_LENGTH;
    }

    /**
     * After {@link #finish()}: force the records and the end marker, then write the sealed header and force it, so
     * a header that says sealed is only ever on the device after the records it vouches for. Safe to call again
     * after a failure (the forced range and the header are idempotent).
     *
     * @param sync true to force (every mode but page cache).
     * @throws java.io.UncheckedIOException when a force fails (the header may then be written but not forced).
     */
    public void sealHeader(final boolean sync)
    {
        if (sync)
        {
            force();
        }
        new SegmentHeader().wrap(mapped).seal(position, recordCount, firstTimestamp, maxTimestamp);
        if (sync)
        {
            forceHeader();
        }
        forcedPosition = position;
    }

    /** @return path of the segment file. */
    public Path path()
    {
        return path;
    }

    /** @return base sequence. */
    public long baseSequence()
    {
        return baseSequence;
    }

    /** @return sequence the next record will get. */
    public long nextSequence()
    {
        return baseSequence + recordCount;
    }

    /** @return records appended. */
    public int recordCount()
    {
        return recordCount;
    }

    /** @return write position. */
    public int position()
    {
        return position;
    }

    /** @return capacity. */
    public int capacity()
    {
        return capacity;
    }

    /** @return first record's timestamp, 0 when empty. */
    public long firstTimestamp()
    {
        return firstTimestamp;
    }

    /** @return largest timestamp, 0 when empty. */
    public long maxTimestamp()
    {
        return maxTimestamp;
    }

    /** Unmap and close the file; does not force. */
    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // closing a channel whose data is already in the page cache cannot lose data
        }
    }
}
