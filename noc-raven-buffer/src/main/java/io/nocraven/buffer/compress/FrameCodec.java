package io.nocraven.buffer.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.nocraven.buffer.Compression;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Compresses and decompresses one frame with zstd (zstd-jni, level 3) or gzip (commons-compress). Each frame is
 * a complete zstd frame or gzip member, so it decompresses without the others.
 */
public final class FrameCodec
{
    /** zstd level: the library default, a good ratio at several hundred MB/s. */
    public static final int ZSTD_LEVEL = 3;

    private FrameCodec()
    {
    }

    /**
     * Compress {@code length} bytes of {@code src}.
     *
     * @param codec  ZSTD or GZIP.
     * @param src    bytes.
     * @param length how many.
     * @return the compressed frame.
     * @throws IOException on a codec error.
     */
    public static byte[] compress(final Compression codec, final byte[] src, final int length) throws IOException
    {
        final byte[] scratch = new byte[scratchLength(codec, length)];
        final int size = compress(codec, src, length, scratch);
        return Arrays.copyOf(scratch, size);
    }

    /**
     * The scratch array {@link #compress(Compression, byte[], int, byte[])} needs for {@code length} bytes.
     *
     * @param codec  ZSTD or GZIP.
     * @param length uncompressed bytes.
     * @return bytes of scratch.
     */
    public static int scratchLength(final Compression codec, final int length)
    {
        return Compression.ZSTD == codec ? (int)Zstd.compressBound(length) : length + length / 8 + 1024;
    }

    /**
     * Compress {@code length} bytes of {@code src} into {@code dst} (at least {@link #scratchLength} bytes long),
     * without allocating for zstd: the segment compressor reuses one array for every frame instead of allocating
     * twice per 512 KiB frame, which was most of the appliance's allocation under load (async-profiler).
     *
     * @param codec  ZSTD or GZIP.
     * @param src    bytes.
     * @param length how many.
     * @param dst    where the frame goes, from index 0.
     * @return the frame's length.
     * @throws IOException on a codec error.
     */
    public static int compress(final Compression codec, final byte[] src, final int length, final byte[] dst)
        throws IOException
    {
        if (Compression.ZSTD == codec)
        {
            final long size = Zstd.compressByteArray(dst, 0, dst.length, src, 0, length, ZSTD_LEVEL);
            if (Zstd.isError(size))
            {
                throw new IOException("zstd compression failed: " + Zstd.getErrorName(size));
            }
            return (int)size;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out))
        {
            gzip.write(src, 0, length);
        }
        if (out.size() > dst.length)
        {
            throw new IOException("gzip frame larger than its scratch: " + out.size() + " > " + dst.length);
        }
        final byte[] frame = out.toByteArray();
        System.arraycopy(frame, 0, dst, 0, frame.length);
        return frame.length;
    }

    /**
     * Decompress a frame into {@code dst}, which must receive exactly {@code dstLength} bytes.
     *
     * @param codec     ZSTD or GZIP.
     * @param src       compressed frame.
     * @param srcLength its length.
     * @param dst       destination.
     * @param dstLength expected uncompressed length.
     * @throws IOException when the frame is damaged or has another length.
     */
    public static void decompress(
        final Compression codec, final byte[] src, final int srcLength, final byte[] dst, final int dstLength)
        throws IOException
    {
        if (Compression.ZSTD == codec)
        {
            final long size;
            try
            {
                size = Zstd.decompressByteArray(dst, 0, dstLength, src, 0, srcLength);
            }
            catch (final ZstdException ex)
            {
                throw new IOException("zstd frame damaged: " + ex.getMessage(), ex);
            }
            if (Zstd.isError(size) || size != dstLength)
            {
                throw new IOException("zstd frame damaged: " + (Zstd.isError(size) ? Zstd.getErrorName(size) : size));
            }
            return;
        }
        try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(src, 0, srcLength)))
        {
            final int read = in.readNBytes(dst, 0, dstLength);
            if (read != dstLength || in.read() != -1)
            {
                throw new IOException("gzip frame length differs from index: " + read + " (expected: " + dstLength + ")");
            }
        }
    }
}
