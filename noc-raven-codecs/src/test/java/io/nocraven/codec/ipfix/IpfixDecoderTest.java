package io.nocraven.codec.ipfix;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IPFIX features the captures do not exercise, on hand-built messages: every abstract data type, variable-length
 * fields (1- and 3-octet lengths), enterprise and reverse elements, repeated elements, withdrawal, redefinition,
 * options with scope, RFC 6313 lists, sequence gaps and rejected zero-length templates.
 */
class IpfixDecoderTest
{
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final long EXPORT = 1710496800L;

    private final IpfixDecoder decoder = new IpfixDecoder(CodecOptions.builder().clock(CLOCK).build());
    private final List<String> lines = new ArrayList<>();
    private final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> lines.add(line.toString()));
    private final RecordContext context = new RecordContext().set(new byte[] {(byte)192, 0, 2, 9}, 0, 4, 4739, "udp/4739", 0);

    private DecodeStatus decode(final byte[] message)
    {
        return decoder.decode(context, message, 0, message.length, out);
    }

    private String fieldsOf(final int line)
    {
        final String l = lines.get(line);
        return l.substring(l.indexOf("\"fields\":") + 9, l.length() - 1);
    }

    @Test
    void shouldWriteEveryAbstractDataType()
    {
        decode(new IpfixBytes()
            .set(2, "0100 0011 0001 0004 0002 0008 0008 0004 001b 0010 0038 0006 0053 0008 0052 ffff 0096 0004 0098 0008"
                + " 009a 0008 009c 0008 01b2 0004 0140 0008 0141 0004 0114 0001 0114 0001 0050 0003")
            .set(256, "00010000 ffffffffffffffff c0000201 20010db8000000000000000000000001 020000000001 6162000000000000"
                + " ff0004 65746830 65f41c20 0000018e418ddd7b e99e9aa0 80000000 e99e9aa0 40000000 fffffffb 3ff8000000000000"
                + " 3e800000 01 02 aabbcc")
            .message(EXPORT, 0, 1));

        assertEquals(1, lines.size());
        assertEquals("{\"octetDeltaCount\":65536,\"packetDeltaCount\":18446744073709551615,\"sourceIPv4Address\":\"192.0.2.1\","
            + "\"sourceIPv6Address\":\"2001:db8::1\",\"sourceMacAddress\":\"02:00:00:00:00:01\",\"interfaceDescription\":\"ab\","
            + "\"interfaceName\":\"eth0\",\"flowStartSeconds\":\"2024-03-15T10:00:00Z\","
            + "\"flowStartMilliseconds\":\"2024-03-15T10:00:00.123Z\",\"flowStartMicroseconds\":\"2024-03-15T10:00:00.500000Z\","
            + "\"flowStartNanoseconds\":\"2024-03-15T10:00:00.250000000Z\",\"mibObjectValueInteger\":-5,\"absoluteError\":1.5,"
            + "\"relativeError\":0.25,\"dataRecordsReliability\":[true,false],\"destinationMacAddress\":\"aabbcc\"}", fieldsOf(0));
    }

    @Test
    void shouldNameEnterpriseAndReverseElements()
    {
        decode(new IpfixBytes()
            .set(2, "0101 0004 0001 0004 8001 0004 00007279 8008 0004 00007279 ffff 0002 00001234")
            .set(257, "00000010 00000020 c0000202 beef")
            .message(EXPORT, 0, 1));

        assertEquals("{\"octetDeltaCount\":16,\"reverseOctetDeltaCount\":32,\"reverseSourceIPv4Address\":\"192.0.2.2\","
            + "\"pen4660_32767\":\"beef\"}", fieldsOf(0));
    }

    @Test
    void shouldWriteARepeatedElementAsAnArrayInWireOrder()
    {
        decode(new IpfixBytes()
            .set(2, "0102 0004 0046 0003 0004 0001 0046 0003 0046 0003")
            .set(258, "03e811 06 03e821 03e831")
            .message(EXPORT, 0, 1));

        assertEquals("{\"mplsTopLabelStackSection\":[\"03e811\",\"03e821\",\"03e831\"],\"protocolIdentifier\":6}", fieldsOf(0));
    }

    @Test
    void shouldDecodeVariableLengthFieldsWithBothLengthForms()
    {
        final StringBuilder longName = new StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            longName.append("61");
        }
        decode(new IpfixBytes()
            .set(2, "0103 0002 0052 ffff 0004 0001")
            .set(259, "03 787878 11 00 11 ff012c " + longName + " 06")
            .message(EXPORT, 0, 1));

        assertEquals(3, lines.size());
        assertEquals("{\"interfaceName\":\"xxx\",\"protocolIdentifier\":17}", fieldsOf(0));
        assertEquals("{\"interfaceName\":\"\",\"protocolIdentifier\":17}", fieldsOf(1));
        assertEquals("{\"interfaceName\":\"" + "a".repeat(300) + "\",\"protocolIdentifier\":6}", fieldsOf(2));
    }

    @Test
    void shouldWithdrawOneTemplateOrAllAndAcceptRedefinitions()
    {
        decode(new IpfixBytes().set(2, "0100 0001 0004 0001 0101 0001 0007 0002").message(EXPORT, 0, 1));
        decode(new IpfixBytes().set(2, "0100 0000").set(256, "06").set(257, "0050").message(EXPORT, 0, 1));
        assertEquals(1, lines.size(), "withdrawn 256 held, 257 decoded");
        assertEquals("{\"sourceTransportPort\":80}", fieldsOf(0));

        decode(new IpfixBytes().set(2, "0101 0001 000b 0002").set(257, "0035").message(EXPORT, 1, 1));
        assertEquals("{\"destinationTransportPort\":53}", fieldsOf(lines.size() - 1));

        decode(new IpfixBytes().set(2, "0002 0000").set(257, "0035").message(EXPORT, 2, 1));
        assertEquals(2, decoder.flowCounters().templatesWithdrawn(), "256 by id, then 257 by withdraw-all");
        decoder.finish(out);
        assertEquals(2, lines.stream().filter(l -> l.contains("template not received")).count());
    }

    @Test
    void shouldDecodeOptionsWithScopeAndApplyTheirValues()
    {
        // Options template 300: scope meteringProcessId (143), systemInitTimeMilliseconds (160), samplingPacketInterval
        // (305), samplingPacketSpace (306); data template 301 with flowStartSysUpTime (22), flowEndSysUpTime (21).
        decode(new IpfixBytes()
            .set(3, "012c 0004 0001 008f 0004 00a0 0008 0131 0004 0132 0004")
            .set(2, "012d 0002 0016 0004 0015 0004")
            .set(300, "00000007 0000018e418ddd7b 00000001 00000009")
            .set(301, "000003e8 000007d0")
            .message(EXPORT, 0, 5));

        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"kind\":\"options\",\"protocol\":\"ipfix\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"templateId\":300,\"scope\":{\"meteringProcessId\":7},\"fields\":{"
            + "\"systemInitTimeMilliseconds\":\"2024-03-15T10:00:00.123Z\",\"samplingPacketInterval\":1,\"samplingPacketSpace\":9}"),
            lines.get(0));
        assertEquals("{\"flowStartSysUpTime\":1000,\"flowEndSysUpTime\":2000,\"flowStartMilliseconds\":\"2024-03-15T10:00:01.123Z\","
            + "\"flowEndMilliseconds\":\"2024-03-15T10:00:02.123Z\",\"samplingInterval\":10}", fieldsOf(1));
        assertTrue(lines.get(1).contains("\"header\":{\"version\":10,\"length\":94,\"sequenceNumber\":0,\"observationDomainId\":5,"
            + "\"exportTime\":\"2024-03-15T10:00:00Z\",\"samplingInterval\":10}"), lines.get(1));
    }

    @Test
    void shouldWriteOnlyUptimesWithoutASystemInitTime()
    {
        decode(new IpfixBytes().set(2, "012d 0002 0016 0004 0015 0004").set(301, "000003e8 000007d0").message(EXPORT, 0, 5));

        assertEquals("{\"flowStartSysUpTime\":1000,\"flowEndSysUpTime\":2000}", fieldsOf(0));
    }

    @Test
    void shouldDecodeRfc6313Lists()
    {
        // 400: subTemplateList of 401 records; 401: sourceIPv4Address + protocolIdentifier; 402: basicList of
        // ingressInterface (10) and a subTemplateMultiList with one entry of template 401.
        decode(new IpfixBytes()
            .set(2, "0191 0002 0008 0004 0004 0001 0190 0001 0124 ffff 0192 0002 0123 ffff 0125 ffff")
            .set(400, "0d 03 0191 c0000201 06 c0000202 11")
            .set(402, "0d 03 000a 0004 00000001 00000002 0a 03 0191 0009 c0000203 01")
            .message(EXPORT, 0, 1));

        assertEquals("{\"subTemplateList\":[{\"sourceIPv4Address\":\"192.0.2.1\",\"protocolIdentifier\":6},"
            + "{\"sourceIPv4Address\":\"192.0.2.2\",\"protocolIdentifier\":17}]}", fieldsOf(0));
        assertEquals("{\"basicList\":[1,2],\"subTemplateMultiList\":[{\"templateId\":401,\"records\":[{\"sourceIPv4Address\":"
            + "\"192.0.2.3\",\"protocolIdentifier\":1}]}]}", fieldsOf(1));
    }

    @Test
    void shouldWriteAListNamingAnUnknownTemplateAsHex()
    {
        decode(new IpfixBytes().set(2, "0190 0001 0124 ffff").set(400, "05 03 01f4 0102").message(EXPORT, 0, 1));

        assertEquals("{\"subTemplateList\":\"0301f40102\"}", fieldsOf(0));
    }

    @Test
    void shouldCountSequenceGapsPerExporterAndDomain()
    {
        final String template = "0100 0001 0004 0001";
        decode(new IpfixBytes().set(2, template).set(256, "06 11").message(EXPORT, 100, 1));
        decode(new IpfixBytes().set(256, "06").message(EXPORT, 102, 1));
        decode(new IpfixBytes().set(2, template).set(256, "06").message(EXPORT, 0, 2));
        decode(new IpfixBytes().set(256, "06").message(EXPORT, 110, 1));

        assertEquals(1, decoder.flowCounters().sequenceGaps(), "in order, new domain, then a gap of 7");
        assertTrue(lines.get(4).contains("\"sequenceNumber\":110,\"observationDomainId\":1,\"exportTime\":\"2024-03-15T10:00:00Z\","
            + "\"sequenceGap\":7}"), lines.get(4));
        assertEquals(7, decoder.flowCounters().missingRecords());
    }

    @Test
    void shouldRejectZeroLengthTemplatesAndNeverLoop()
    {
        assertEquals(DecodeStatus.INVALID, decode(new IpfixBytes().set(2, "0100 0001 0004 0000").set(256, "").message(EXPORT, 0, 1)));
        assertTrue(lines.get(0).contains("\"reason\":\"zero-length template\",\"offset\":20"), lines.get(0));
        assertEquals(DecodeStatus.INVALID, decode(new IpfixBytes().set(2, "0100 0001").message(EXPORT, 0, 1)));
        assertTrue(lines.get(1).contains("\"reason\":\"truncated template\""), lines.get(1));
    }

    @Test
    void shouldDecodeMessagesBackToBackAndReportTrailingGarbage()
    {
        final byte[] a = new IpfixBytes().set(2, "0100 0001 0004 0001").set(256, "06").message(EXPORT, 0, 1);
        final byte[] b = new IpfixBytes().set(256, "11").message(EXPORT, 1, 1);
        final byte[] both = new byte[a.length + b.length + 3];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);

        assertEquals(DecodeStatus.INVALID, decode(both));
        assertEquals(3, lines.size());
        assertEquals("{\"protocolIdentifier\":17}", fieldsOf(1));
        assertTrue(lines.get(2).contains("\"reason\":\"truncated header\",\"offset\":" + (a.length + b.length)), lines.get(2));
    }
}
