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
        if (Compression.ZSTD == codec)
        {
            final byte[] dst = new byte[(int)Zstd.compressBound(length)];
            final long size = Zstd.compressByteArray(dst, 0, dst.length, src, 0, length, ZSTD_LEVEL);
            if (Zstd.isError(size))
            {
                throw new IOException("zstd compression failed: " + Zstd.getErrorName(size));
            }
            final byte[] frame = new byte[(int)size];
            System.arraycopy(dst, 0, frame, 0, (int)size);
            return frame;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out))
        {
            gzip.write(src, 0, length);
        }
        return out.toByteArray();
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
