package io.nocraven.buffer;

/**
 * How sealed segments are compressed in the background. Readers decompress transparently.
 */
public enum Compression
{
    /** Sealed segments stay as they are. */
    NONE(".seg"),
    /** Zstandard frames (zstd-jni), the default. */
    ZSTD(".zst"),
    /** Gzip members (commons-compress). */
    GZIP(".gz");

    private final String suffix;

    Compression(final String suffix)
    {
        this.suffix = suffix;
    }

    /** @return the file name suffix of a segment stored this way. */
    public String suffix()
    {
        return suffix;
    }

    /**
     * The storage of a segment file name.
     *
     * @param fileName a segment file name.
     * @return the compression, or null when the name has no segment suffix.
     */
    public static Compression ofFileName(final String fileName)
    {
        for (final Compression compression : values())
        {
            if (fileName.endsWith(compression.suffix))
            {
                return compression;
            }
        }
        return null;
    }
}
