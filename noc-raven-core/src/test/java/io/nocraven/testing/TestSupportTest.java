package io.nocraven.testing;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestSupportTest
{
    @Test
    void shouldParseAndFormatHex()
    {
        assertArrayEquals(new byte[] {0x0a, (byte)0xbc, (byte)0xFF, 0}, Hex.parse("0a BC\nff\t00"));
        assertArrayEquals(new byte[0], Hex.parse(" "));
        assertEquals("0abcff00", Hex.format(new byte[] {0x0a, (byte)0xbc, (byte)0xFF, 0}));
        assertEquals("bcff", Hex.format(new byte[] {0x0a, (byte)0xbc, (byte)0xFF, 0}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("0g"));
    }

    @Test
    void shouldGiveEveryPrefixAndDeterministicBitFlips()
    {
        final byte[] data = {1, 2, 3};
        assertEquals("[[], [1], [1, 2]]", Mutations.prefixes(data).map(Arrays::toString).collect(Collectors.toList()).toString());
        final List<byte[]> flips = Mutations.bitFlips(data, 9, 50).collect(Collectors.toList());
        assertEquals(50, flips.size());
        for (final byte[] f : flips)
        {
            assertEquals(3, f.length);
            final int changed = Integer.bitCount((f[0] ^ data[0]) & 0xFF) + Integer.bitCount((f[1] ^ data[1]) & 0xFF)
                + Integer.bitCount((f[2] ^ data[2]) & 0xFF);
            assertTrue(changed <= 3, Arrays.toString(f));
        }
        assertTrue(flips.stream().anyMatch(f -> !Arrays.equals(f, data)));
        assertEquals(Mutations.bitFlips(data, 9, 50).map(Arrays::toString).collect(Collectors.toList()),
            flips.stream().map(Arrays::toString).collect(Collectors.toList()), "same seed, same variants");
        assertNotEquals(Mutations.bitFlips(data, 10, 50).map(Arrays::toString).collect(Collectors.toList()),
            flips.stream().map(Arrays::toString).collect(Collectors.toList()));
        assertArrayEquals(new byte[] {1, 2, 3}, data, "the input is not changed");
    }

    @Test
    void shouldMutateEveryDatagramOfACapture()
    {
        final List<byte[]> payloads = Captures.udpPayloads("/fixtures/netflow/softflowd_v5.pcap");
        assertEquals(14, payloads.size());
        final int total = payloads.stream().mapToInt(p -> p.length).sum();
        final List<Mutations.Mutation> all = Mutations.everyPrefixAndBitFlip(payloads).collect(Collectors.toList());
        assertEquals(total + 14 * Mutations.DEFAULT_FLIPS, all.size());
        assertEquals("input 0 prefix 0 (0 bytes)", all.get(0).toString());
        assertThrows(IllegalArgumentException.class, () -> Mutations.everyPrefixAndBitFlip(List.of()));
        final List<String> snmp = List.of("/fixtures/snmp/snmp_v2c_traps.pcap", "/fixtures/snmp/snmp_rejected.pcap");
        final long snmpBytes = snmp.stream().flatMap(c -> Captures.udpPayloads(c).stream()).mapToLong(p -> p.length).sum();
        assertEquals(snmpBytes + (5 + 3) * Mutations.DEFAULT_FLIPS, Mutations.everyPrefixAndBitFlipOfCaptures(snmp).count());
    }

    @Test
    void shouldCollectJsonLines()
    {
        final JsonLines out = new JsonLines();
        assertThrows(IllegalStateException.class, out::last);
        out.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424,
            new RecordContext());
        out.field("message", "hi");
        out.endRecord();
        assertEquals("{\"kind\":\"syslog\",\"protocol\":\"rfc5424\",\"exporter\":\"0.0.0.0:0\",\"listener\":\"unknown\","
            + "\"receivedAt\":\"1970-01-01T00:00:00Z\",\"message\":\"hi\"}", out.last());
        assertEquals(1, out.lines().size());
        out.clear();
        assertEquals(0, out.lines().size());
    }
}
