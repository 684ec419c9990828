package io.nocraven.buffer.compress;

/**
 * Layout of a compressed segment file ({@code .zst} or {@code .gz}), little-endian. Frames hold whole records,
 * byte for byte as they were in the raw segment (so the same verifying scanner reads them), and each frame
 * decompresses on its own; the index after the frames is the seek index.
 * <pre>
 *  +-----------------------------------------------+
 *  | header (64 bytes, below)                      |  0
 *  +-----------------------------------------------+
 *  | frame 0 .. frame n-1 (compressed bytes)       | 64
 *  +-----------------------------------------------+
 *  | index: n entries of 32 bytes                  | index offset
 *  |   first sequence (int64)                      |
 *  |   compressed offset in file (int64)           |
 *  |   compressed length (int32)                   |
 *  |   uncompressed length (int32)                 |
 *  |   max timestamp in frame (int64)              |
 *  +-----------------------------------------------+
 *  | CRC32C of the index (int32)                   |
 *  +-----------------------------------------------+
 *
 *  header: magic "RAVZ" int32 | version int16 | codec int16 (1 zstd, 2 gzip) | base sequence int64 |
 *          record count int32 | frame count int32 | first timestamp int64 | max timestamp int64 |
 *          uncompressed length int32 | capacity int32 | index offset int64 | reserved int32 | CRC32C [0,60) int32
 * </pre>
 */
public final class CompressedSegmentDescriptor
{
    /** "RAVZ" read as a little-endian int. */
    public static final int MAGIC = 0x5A564152;
    /** Version of this layout. */
    public static final short VERSION = 1;
    /** Codec id of zstd. */
    public static final short CODEC_ZSTD = 1;
    /** Codec id of gzip. */
    public static final short CODEC_GZIP = 2;
    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the codec. */
    public static final int CODEC_OFFSET = 6;
    /** Offset of the base sequence. */
    public static final int BASE_SEQUENCE_OFFSET = 8;
    /** Offset of the record count. */
    public static final int RECORD_COUNT_OFFSET = 16;
    /** Offset of the frame count. */
    public static final int FRAME_COUNT_OFFSET = 20;
    /** Offset of the first timestamp. */
    public static final int FIRST_TIMESTAMP_OFFSET = 24;
    /** Offset of the max timestamp. */
    public static final int MAX_TIMESTAMP_OFFSET = 32;
    /** Offset of the uncompressed length. */
    public static final int UNCOMPRESSED_LENGTH_OFFSET = 40;
    /** Offset of the original capacity. */
    public static final int CAPACITY_OFFSET = 44;
    /** Offset of the index offset. */
    public static final int INDEX_OFFSET_OFFSET = 48;
    /** Offset of the header CRC. */
    public static final int HEADER_CRC_OFFSET = 60;
    /** Header length. */
    public static final int HEADER_LENGTH = 64;
    /** Bytes per index entry. */
    public static final int INDEX_ENTRY_LENGTH = 32;
    /** Largest frame count accepted when reading (a 2 GiB segment in 256 KiB frames is 8192). */
    public static final int MAX_FRAMES = 65536;
    /** Suffix of a compressed file being written. */
    public static final String TEMP_SUFFIX = ".tmp";

    private CompressedSegmentDescriptor()
    {
    }
}
