package io.nocraven.codec.snmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jazzer fuzz test of the SNMP decoder, seeded from every captured datagram and the gosnmp corpus
 * ({@code SnmpTrapDecoderFuzzTestInputs/shouldNeverThrow/}). In the normal suite it runs the seeds (regression
 * mode); {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md, section SNMP). The users include the fixture ones and
 * an engine-less user per protocol pair, so mutated v3 messages reach key localization, HMAC and decryption.
 */
class SnmpTrapDecoderFuzzTest
{
    private static final SnmpTrapDecoder DECODER = SnmpTestSupport.decoder(users());
    private static final RecordContext CONTEXT = new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 40000,
        "udp/162", 0L);

    private static List<SnmpUser> users()
    {
        final List<SnmpUser> users = new ArrayList<>(SnmpTestSupport.fixtureUsers());
        users.add(new SnmpUser("myuser", null, "MD5", "mypassword", "none", null, null));
        users.add(new SnmpUser("myuser2", null, "MD5", "mypassword2", "AES", "myprivacy2", null));
        users.add(new SnmpUser("", null, "none", null, "none", null, null));
        return users;
    }

    @FuzzTest(maxDuration = "30s")
    void shouldNeverThrow(final byte[] data)
    {
        final CountingRecordWriter out = new CountingRecordWriter();
        final DecodeStatus status = DECODER.decode(CONTEXT, data, 0, data.length, out);
        assertEquals(1, out.total());
        assertEquals(status == DecodeStatus.INVALID ? 1 : 0, out.count(RecordKind.INVALID));
        if (DECODER.lastInform() != null)
        {
            DECODER.lastInform().encodeResponse();
        }
    }
}
