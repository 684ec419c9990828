package io.nocraven.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardOutputTest
{
    private static final String TEXT = "{\"m\":\"caf\u00e9 \u20ac \uD83D\uDE00 \u4e2d\"}\n";

    @Test
    void shouldHandOutTheByteStreamAfterTheTextWrittenBefore() throws IOException
    {
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final StandardOutput out = new StandardOutput(sink);
        out.print("text first \u00e9\n");
        final OutputStream bytes = StandardOutput.bytes(out);
        assertSame(sink, bytes);
        bytes.write(TEXT.getBytes(StandardCharsets.UTF_8));
        bytes.flush();
        assertEquals("text first \u00e9\n" + TEXT, sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDecodeBytesIntoAnyOtherWriterEvenWhenSequencesAreSplit() throws IOException
    {
        final byte[] utf8 = TEXT.repeat(700).getBytes(StandardCharsets.UTF_8);
        for (final int chunk : new int[] {1, 2, 3, 5, 8191, 8192, 8193, utf8.length})
        {
            final StringWriter text = new StringWriter();
            final OutputStream bytes = StandardOutput.bytes(new PrintWriter(text));
            for (int i = 0; i < utf8.length; i += chunk)
            {
                final int n = Math.min(chunk, utf8.length - i);
                if (n == 1)
                {
                    bytes.write(utf8[i]);
                }
                else
                {
                    bytes.write(utf8, i, n);
                }
            }
            bytes.flush();
            assertEquals(TEXT.repeat(700), text.toString(), "chunks of " + chunk);
        }
    }

    @Test
    void shouldReportAFailedWriterOnFlush() throws IOException
    {
        final Writer broken = new Writer()
        {
            @Override
            public void write(final char[] cbuf, final int off, final int len) throws IOException
            {
                throw new IOException("broken pipe");
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        final OutputStream bytes = StandardOutput.bytes(new PrintWriter(broken));
        bytes.write(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, bytes::flush);
    }
}
