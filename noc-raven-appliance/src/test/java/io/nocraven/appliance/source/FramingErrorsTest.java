package io.nocraven.appliance.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Framing errors are counted by their stable reason; the detail (stream offset) only goes to the log. */
class FramingErrorsTest
{
    @Test
    void shouldCountSkippedRunsByReason()
    {
        final FramingErrors errors = new FramingErrors("ipfix-tcp");
        errors.onError("bad message header", " at stream offset 0", 4, "127.0.0.1:5000");
        errors.onError("bad message header", " at stream offset 120", 7, "127.0.0.1:5000");
        errors.onError("truncated message", " at stream offset 300", 9, "127.0.0.1:5001");
        assertEquals(Map.of("bad message header", 2L, "truncated message", 1L), errors.byReason());
        assertEquals(3, errors.errors());
        assertEquals(20, errors.bytes());
    }
}
