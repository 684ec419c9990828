package io.nocraven.core.record;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressTextTest
{
    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:000F, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:f",
        "fe80:0:0:0:0:0:0:a, fe80::a",
        "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
        "0:0:0:0:0:0:c000:0201, ::c000:201",
        "0:0:0:0:0:fffe:c000:0201, ::fffe:c000:201",
        "1:0:2:0:3:0:4:0, 1:0:2:0:3:0:4:0",
        "1:2:3:4:5:6:0:0, 1:2:3:4:5:6::",
    })
    void shouldWriteIpv6AsRfc5952Text(final String input, final String expected)
    {
        final StringBuilder sb = new StringBuilder();
        AddressText.appendIpv6(sb, ipv6Bytes(input), 0);
        assertEquals(expected, sb.toString());
    }

    @Test
    void shouldWriteIpv6AtAnOffset()
    {
        final byte[] buf = new byte[20];
        buf[3] = 0x20;
        buf[4] = 0x01;
        buf[18] = 1;
        final StringBuilder sb = new StringBuilder("x");
        AddressText.appendIpv6(sb, buf, 3);
        assertEquals("x2001::1", sb.toString());
    }

    @Test
    void shouldWriteIpv4MacAndHex()
    {
        final StringBuilder sb = new StringBuilder();
        AddressText.appendIpv4(sb, 0xC0000201);
        sb.append(' ');
        AddressText.appendIpv4(sb, 0xFFFFFFFF);
        sb.append(' ');
        AddressText.appendIpv4(sb, new byte[] {9, 10, 0, (byte)255, 1}, 1);
        sb.append(' ');
        AddressText.appendMac(sb, new byte[] {0, 0x1B, (byte)0xAB, 0, (byte)0xFF, 0x0A, 7}, 0);
        sb.append(' ');
        AddressText.appendHex(sb, new byte[] {0, 1, (byte)0xFE, (byte)0x80}, 1, 3);
        assertEquals("192.0.2.1 255.255.255.255 10.0.255.1 00:1b:ab:00:ff:0a 01fe80", sb.toString());
    }

    /** Parses a full eight-group address without letting the JDK turn an IPv4-mapped one into 4 bytes. */
    private static byte[] ipv6Bytes(final String text)
    {
        final String[] groups = text.split(":");
        final byte[] out = new byte[16];
        for (int i = 0; i < 8; i++)
        {
            final int g = Integer.parseInt(groups[i], 16);
            out[2 * i] = (byte)(g >>> 8);
            out[2 * i + 1] = (byte)g;
        }
        return out;
    }
}
