package io.nocraven.core.capture;

import io.nocraven.testing.Fixtures;
import io.nocraven.testing.Mutations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureReaderRobustnessTest
{
    /** Every prefix and seeded bit flips of whole capture files: read completely or fail with a CaptureFormatException only. */
    @ParameterizedTest
    @ValueSource(strings = {"/fixtures/netflow/softflowd_v5.pcap", "/fixtures/capture/softflowd_v9.pcapng",
        "/fixtures/syslog/logger_tcp_lf.pcap", "/fixtures/capture/logger_rfc5424_udp.nsec.pcap"})
    void shouldReadOrRejectEveryPrefixAndBitFlipOfACaptureFile(final String resource)
    {
        final byte[] whole = Fixtures.bytes(resource);
        final int[] outcomes = new int[2];
        Mutations.everyPrefixAndBitFlip(List.of(whole), 1, 2000).forEach(m ->
        {
            try
            {
                CaptureReader.read(m.bytes(), Path.of("m.pcap"), new Packets.Recorded());
                outcomes[0]++;
            }
            catch (final CaptureFormatException ex)
            {
                assertTrue(ex.offset() >= 0 && ex.offset() <= m.bytes().length, m + ": " + ex.getMessage());
                outcomes[1]++;
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: " + outcomes[0] + " read, " + outcomes[1] + " rejected");
    }
}
