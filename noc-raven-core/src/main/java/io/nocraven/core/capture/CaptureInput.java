package io.nocraven.core.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A capture file read front to back: exact reads into caller buffers and the byte offset of the next byte, so that
 * every {@link CaptureFormatException} names where reading stopped.
 */
final class CaptureInput
{
    private final InputStream in;
    private final Path file;
    private long position;

    CaptureInput(final InputStream in, final Path file)
    {
        this.in = in;
        this.file = file;
    }

    /**
     * Reads up to {@code length} bytes; fewer only at the end of the input.
     *
     * @return the number of bytes read.
     */
    int read(final byte[] buf, final int offset, final int length) throws IOException
    {
        int total = 0;
        while (total < length)
        {
            final int n = in.read(buf, offset + total, length - total);
            if (n < 0)
            {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    /**
     * Reads exactly {@code length} bytes or throws naming {@code what} and where it started.
     */
    void readFully(final byte[] buf, final int offset, final int length, final long start, final String what) throws IOException
    {
        final int n = read(buf, offset, length);
        if (n < length)
        {
            throw error(start, "truncated " + what + ": " + (position - start) + " of " + (length + position - start - n)
                + " bytes");
        }
    }

    /** @return offset of the next byte to read. */
    long position()
    {
        return position;
    }

    Path file()
    {
        return file;
    }

    CaptureFormatException error(final long offset, final String what)
    {
        return new CaptureFormatException(file, offset, what);
    }
}
