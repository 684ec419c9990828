package io.nocraven.appliance.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JournalEntryDescriptorTest
{
    @Test
    void shouldRoundTripIpv4AndIpv6Envelopes()
    {
        final byte[] buf = new byte[JournalEntryDescriptor.HEADER_LENGTH + 4];
        final RecordContext in = new RecordContext().set(new byte[] {10, 1, 2, 3}, 0, 4, 65000, "x",
            1_764_586_800_123_456_789L);
        JournalEntryDescriptor.writeHeader(buf, 0, ListenerType.NETFLOW_UDP, in);
        assertEquals("01030400e8fd000015adb37458127d180a010203000000000000000000000000",
            HexFormat.of().formatHex(buf, 0, JournalEntryDescriptor.HEADER_LENGTH));
        final RecordContext out = new RecordContext();
        assertEquals(ListenerType.NETFLOW_UDP, JournalEntryDescriptor.readHeader(buf, 0, buf.length, out));
        assertEquals("10.1.2.3:65000", out.exporterText());
        assertEquals("netflow-udp", out.listener());
        assertEquals(1_764_586_800_123_456_789L, out.receivedAtEpochNanos());

        final byte[] v6 = HexFormat.of().parseHex("20010db8000000000000000000000001");
        JournalEntryDescriptor.writeHeader(buf, 0, ListenerType.SYSLOG_TCP, new RecordContext().set(v6, 0, 16, 514,
            "y", 7));
        assertEquals(ListenerType.SYSLOG_TCP, JournalEntryDescriptor.readHeader(buf, 0, buf.length, out));
        assertEquals("[2001:db8::1]:514", out.exporterText());
    }

    @Test
    void shouldRejectShortUnknownVersionAndBadAddressLength()
    {
        final byte[] buf = new byte[JournalEntryDescriptor.HEADER_LENGTH];
        final RecordContext ctx = new RecordContext();
        assertNull(JournalEntryDescriptor.readHeader(buf, 0, 31, ctx));
        assertNull(JournalEntryDescriptor.readHeader(buf, 0, 32, ctx));
        buf[0] = 1;
        buf[1] = 0;
        buf[2] = 5;
        assertNull(JournalEntryDescriptor.readHeader(buf, 0, 32, ctx));
        buf[2] = 4;
        buf[1] = (byte)200;
        assertNull(JournalEntryDescriptor.readHeader(buf, 0, 32, ctx));
    }
}
