package io.nocraven.buffer.journal;

/**
 * Names of the files in a stream directory ({@code DIR/streams/NAME/}); see {@code docs/buffer-format.md}.
 * <pre>
 *   NNNNNNNNNNNNNNNNNNNN.seg|.zst|.gz   segments, named by base sequence
 *   NNNNNNNNNNNNNNNNNNNN.*.corrupt      quarantined segments
 *   stream.checkpoint                   double slot: verified-below base sequence, next sequence
 *   cursors/NAME.cursor                 double slot per consumer: acknowledged sequence, its timestamp
 *   spare.seg.tmp                       next segment, preallocated in the background
 * </pre>
 */
public final class StreamDirectoryDescriptor
{
    /** File name of the stream checkpoint. */
    public static final String CHECKPOINT_FILE = "stream.checkpoint";
    /** Directory of the consumer cursors. */
    public static final String CURSOR_DIRECTORY = "cursors";
    /** File name of the background-preallocated spare segment. */
    public static final String SPARE_FILE = "spare.seg.tmp";

    private StreamDirectoryDescriptor()
    {
    }
}
