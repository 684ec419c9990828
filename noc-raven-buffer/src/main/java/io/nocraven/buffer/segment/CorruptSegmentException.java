package io.nocraven.buffer.segment;

import java.io.IOException;

/**
 * A segment file is present and readable but its content fails a check (header or index CRC, bounds): damage, as
 * opposed to an I/O failure or a file that was just replaced or deleted. Readers quarantine the segment on it
 * instead of retrying.
 */
public final class CorruptSegmentException extends IOException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the file.
     */
    public CorruptSegmentException(final String message)
    {
        super(message);
    }
}
