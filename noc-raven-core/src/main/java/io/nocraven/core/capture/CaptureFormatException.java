package io.nocraven.core.capture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture file that cannot be read: the message names the file and the byte offset where reading stopped.
 */
public final class CaptureFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /**
     * @param file   the capture file.
     * @param offset byte offset where the problem is.
     * @param what   what is wrong (for example {@code "truncated packet record: 12 of 40 bytes"}).
     */
    public CaptureFormatException(final Path file, final long offset, final String what)
    {
        super(file + ": offset " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
    }

    /**
     * @return the file.
     */
    public Path file()
    {
        return file;
    }

    /**
     * @return the byte offset where reading stopped.
     */
    public long offset()
    {
        return offset;
    }
}
