package io.nocraven.appliance.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as picocli's text writer and, for commands that write JSON lines, as bytes: the UTF-8 lines the
 * JSON writer made go to the byte stream as they are, with no char encoding. {@link NocRavenCli#main} sets one as
 * the command line's out; {@link #bytes(PrintWriter)} gives the byte stream of any out (for an out set by a test or
 * an embedder, a stream that decodes the bytes back into its writer).
 */
final class StandardOutput extends PrintWriter
{
    private final OutputStream bytes;

    /**
     * @param bytes the byte stream (buffered by the caller); text written to this writer is encoded as UTF-8 into it.
     */
    StandardOutput(final OutputStream bytes)
    {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        this.bytes = bytes;
    }

    /**
     * @param out a command's out ({@code spec.commandLine().getOut()}).
     * @return where that command writes UTF-8 bytes: the underlying stream of a {@link StandardOutput} (text written
     *         so far flushed first), else a stream that decodes UTF-8 into {@code out}. Its {@code flush()} throws when
     *         the output failed.
     */
    static OutputStream bytes(final PrintWriter out)
    {
        if (out instanceof StandardOutput s)
        {
            s.flush();
            return s.bytes;
        }
        return new DecodingStream(out);
    }

    /** UTF-8 bytes decoded into a writer (a sequence split across writes is kept until its end arrives). */
    private static final class DecodingStream extends OutputStream
    {
        private final PrintWriter out;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer in = ByteBuffer.allocate(8192);
        private final CharBuffer chars = CharBuffer.allocate(8192);

        DecodingStream(final PrintWriter out)
        {
            this.out = out;
        }

        @Override
        public void write(final int b)
        {
            write(new byte[] {(byte)b}, 0, 1);
        }

        @Override
        public void write(final byte[] b, final int off, final int len)
        {
            int o = off;
            int n = len;
            while (n > 0)
            {
                final int chunk = Math.min(n, in.remaining());
                in.put(b, o, chunk);
                o += chunk;
                n -= chunk;
                decode();
            }
        }

        @Override
        public void flush() throws IOException
        {
            out.flush();
            if (out.checkError())
            {
                throw new IOException("standard output closed or failed");
            }
        }

        private void decode()
        {
            in.flip();
            CoderResult result;
            do
            {
                result = decoder.decode(in, chars, false);
                out.write(chars.array(), 0, chars.position());
                chars.clear();
            }
            while (result.isOverflow());
            in.compact();
        }
    }
}
