package io.nocraven.buffer.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A small checkpoint file with two slots, written alternately in place and forced, so a torn write can only damage
 * the slot being written while the other still holds the previous value (no rename dance, no new blocks after
 * creation, so it keeps working on a full disk).
 * <pre>
 *  slot i at offset i * 64 (little-endian):
 *  +-------------------------------+
 *  | generation (int64)            |  0   higher generation wins
 *  +-------------------------------+
 *  | value[0..5] (6 x int64)       |  8
 *  +-------------------------------+
 *  | reserved (int32)              | 56
 *  +-------------------------------+
 *  | CRC32C of bytes [0, 60)       | 60
 *  +-------------------------------+
 * </pre>
 */
public final class DoubleSlotFile implements AutoCloseable
{
    /** Number of int64 values a slot holds. */
    public static final int VALUE_COUNT = 6;
    /** Bytes per slot. */
    public static final int SLOT_LENGTH = 64;
    private static final int VALUES_OFFSET = 8;
    private static final int CRC_OFFSET = 60;

    private final FileChannel channel;
    private final ByteBuffer slot = ByteBuffer.allocateDirect(SLOT_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private final long[] values = new long[VALUE_COUNT];
    private long generation;
    private boolean valid;

    private DoubleSlotFile(final FileChannel channel)
    {
        this.channel = channel;
    }

    /**
     * Open (creating and preallocating when missing) a checkpoint file and load its newest valid slot.
     *
     * @param files    file layer.
     * @param path     the file.
     * @param readOnly true to never write (inspection).
     * @return the file; {@link #isValid()} is false when no slot was valid.
     * @throws IOException when the file cannot be opened or created.
     */
    public static DoubleSlotFile open(final FileLayer files, final Path path, final boolean readOnly) throws IOException
    {
        final FileChannel channel = readOnly ?
            files.open(path, StandardOpenOption.READ) :
            files.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        final DoubleSlotFile file = new DoubleSlotFile(channel);
        try
        {
            if (!readOnly && channel.size() < 2L * SLOT_LENGTH)
            {
                files.preallocate(channel, 2L * SLOT_LENGTH);
                channel.force(true);
            }
            file.load();
            return file;
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    private void load() throws IOException
    {
        for (int i = 0; i < 2; i++)
        {
            slot.clear();
            if (channel.read(slot, (long)i * SLOT_LENGTH) == SLOT_LENGTH && checksum() == slot.getInt(CRC_OFFSET))
            {
                final long slotGeneration = slot.getLong(0);
                if (slotGeneration > 0 && (!valid || slotGeneration > generation))
                {
                    valid = true;
                    generation = slotGeneration;
                    for (int v = 0; v < VALUE_COUNT; v++)
                    {
                        values[v] = slot.getLong(VALUES_OFFSET + v * 8);
                    }
                }
            }
        }
    }

    private int checksum()
    {
        final ByteBuffer view = slot.duplicate();
        view.limit(CRC_OFFSET).position(0);
        crc.reset();
        crc.update(view);
        return (int)crc.getValue();
    }

    /**
     * Write new values into the older slot with the next generation and force it.
     *
     * @param newValues up to {@link #VALUE_COUNT} values; missing ones are written as 0.
     * @throws IOException when writing or forcing fails (the previous slot is still intact).
     */
    public void write(final long... newValues) throws IOException
    {
        final long nextGeneration = generation + 1;
        slot.clear();
        slot.putLong(0, nextGeneration);
        for (int v = 0; v < VALUE_COUNT; v++)
        {
            slot.putLong(VALUES_OFFSET + v * 8, v < newValues.length ? newValues[v] : 0);
        }
        slot.putInt(56, 0);
        slot.putInt(CRC_OFFSET, checksum());
        slot.clear();
        final long position = (nextGeneration & 1) * SLOT_LENGTH;
        while (slot.hasRemaining())
        {
            channel.write(slot, position + slot.position());
        }
        channel.force(false);
        generation = nextGeneration;
        valid = true;
        for (int v = 0; v < VALUE_COUNT; v++)
        {
            values[v] = v < newValues.length ? newValues[v] : 0;
        }
    }

    /** @return true when a valid slot was loaded or written. */
    public boolean isValid()
    {
        return valid;
    }

    /** @return generation of the current value, 0 when none. */
    public long generation()
    {
        return generation;
    }

    /**
     * A value of the newest valid slot.
     *
     * @param index 0..5.
     * @return the value, 0 when no slot is valid.
     */
    public long value(final int index)
    {
        return values[index];
    }

    /** Close the file. */
    @Override
    public void close() throws IOException
    {
        channel.close();
    }
}
