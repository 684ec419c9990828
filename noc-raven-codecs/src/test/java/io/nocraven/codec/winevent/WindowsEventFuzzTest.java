package io.nocraven.codec.winevent;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.nocraven.core.record.JsonRecordWriter;

import java.util.ArrayList;
import java.util.List;

import static io.nocraven.codec.winevent.WinEventTestSupport.context;
import static io.nocraven.codec.winevent.WinEventTestSupport.decoder;

/**
 * Jazzer fuzz test of {@link WindowsEventDecoder#decodeBody}. The first input byte picks the Content-Type and
 * Content-Encoding, the rest is the body. In the normal test run Jazzer works in regression mode and replays the
 * seeds under {@code src/test/resources/io/nocraven/codec/winevent/WindowsEventFuzzTestInputs/shouldNeverThrowOnAnyBody/}
 * (every corpus body, plain, gzip, UTF-16 and NDJSON); {@code docs/fuzzing.md} gives the command for a long run.
 * The decoder must never throw, every record must be valid JSON, and the counts must agree with the records.
 */
class WindowsEventFuzzTest
{
    private static final String[] CONTENT_TYPES = {null, "application/json", "application/x-ndjson",
        "application/json; charset=utf-16le", "application/json; charset=utf-16be", "text/plain; charset=iso-8859-1",
        "application/xml", "application/json; charset=utf-16"};
    private static final String[] ENCODINGS = {null, "gzip", "identity", "br"};

    private final WindowsEventDecoder decoder = decoder();

    @FuzzTest
    void shouldNeverThrowOnAnyBody(final byte[] data)
    {
        if (data.length == 0)
        {
            return;
        }
        final int selector = data[0] & 0xFF;
        final String contentType = CONTENT_TYPES[selector % CONTENT_TYPES.length];
        final String encoding = ENCODINGS[(selector / CONTENT_TYPES.length) % ENCODINGS.length];
        final List<String> lines = new ArrayList<>();
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> lines.add(line.toString()));
        final IngestResult r = decoder.decodeBody(context(), data, 1, data.length - 1, contentType, encoding, out);
        lines.forEach(WinEventTestSupport::parse);
        final int expected = r.outcome() == IngestResult.Outcome.ACCEPTED ? r.accepted() + r.rejected() : 1;
        if (lines.size() != expected)
        {
            throw new AssertionError(r + " but " + lines.size() + " records: " + lines);
        }
    }
}
