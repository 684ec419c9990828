package io.nocraven.core.capture;

import io.nocraven.core.record.AddressText;
import io.nocraven.testing.Captures;
import io.nocraven.testing.Fixtures;
import io.nocraven.testing.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared captures read as tshark 4.0.17 reads them.
 */
class CaptureReaderFixtureTest
{
    /**
     * Per capture: frames ({@code tshark -r F | wc -l}), UDP datagrams
     * ({@code tshark -r F -Y "udp and not icmp and not icmpv6" | wc -l}) and TCP segments
     * ({@code tshark -r F -Y "tcp and not icmp and not icmpv6 and not sflow" | wc -l}); sFlow samples carry copies
     * of sampled headers, which are not segments of this capture, and some of them are ICMP: for the sFlow capture
     * the UDP count is {@code tshark -r F -Y "udp.dstport == 6343" | wc -l}.
     */
    private static final String[] COUNTS = {
        "/fixtures/capture/logger_rfc5424_tcp_octet.pcapng, 90, 0, 90",
        "/fixtures/capture/logger_rfc5424_udp.nsec.pcap, 29, 29, 0",
        "/fixtures/capture/merged_two_interfaces.pcapng, 34, 34, 0",
        "/fixtures/capture/raw_ip_nsec.pcap, 5, 5, 0",
        "/fixtures/capture/softflowd_v9.pcapng, 17, 17, 0",
        "/fixtures/corpora/graylog-netflow/netflow5.pcap, 3, 3, 0",
        "/fixtures/corpora/graylog-netflow/netflow9.pcap, 9, 9, 0",
        "/fixtures/corpora/graylog-netflow/netgraph-netflow5.pcap, 4, 4, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9-2.pcap, 3, 3, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9-3.pcap, 72, 72, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9-4.pcap, 4, 4, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9.pcap, 9, 9, 0",
        "/fixtures/corpora/graylog-netflow/pmacctd-netflow5.pcap, 3, 3, 0",
        "/fixtures/corpora/graylog-netflow/pmacctd-netflow9.pcap, 2, 2, 0",
        "/fixtures/netflow/fprobe_v5.pcap, 7, 7, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix.pcap, 73, 73, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix_full.pcap, 128, 128, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix_sampled.pcap, 29, 29, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix_template_late.pcap, 72, 72, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v5.pcap, 14, 14, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9.pcap, 73, 73, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9_full.pcap, 107, 107, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9_sampled.pcap, 30, 30, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9_template_late.pcap, 72, 72, 0",
        "/fixtures/netflow/pmacctd_sfprobe_rate8.pcap, 63, 63, 0",
        "/fixtures/netflow/softflowd_ipfix.pcap, 17, 17, 0",
        "/fixtures/netflow/softflowd_ipfix_abs_micro.pcap, 20, 20, 0",
        "/fixtures/netflow/softflowd_ipfix_abs_milli.pcap, 20, 20, 0",
        "/fixtures/netflow/softflowd_ipfix_abs_nano.pcap, 20, 20, 0",
        "/fixtures/netflow/softflowd_ipfix_ether.pcap, 23, 23, 0",
        "/fixtures/netflow/softflowd_v1_unsupported.pcap, 14, 14, 0",
        "/fixtures/netflow/softflowd_v5.pcap, 14, 14, 0",
        "/fixtures/netflow/softflowd_v9.pcap, 17, 17, 0",
        "/fixtures/netflow/softflowd_v9_template_late.pcap, 16, 16, 0",
        "/fixtures/netflow/softflowd_v9_vlan_sampled.pcap, 12, 12, 0",
        "/fixtures/snmp/snmp_rejected.pcap, 3, 3, 0",
        "/fixtures/snmp/snmp_v1_traps.pcap, 7, 7, 0",
        "/fixtures/snmp/snmp_v2c_informs.pcap, 6, 6, 0",
        "/fixtures/snmp/snmp_v2c_traps.pcap, 5, 5, 0",
        "/fixtures/snmp/snmp_v3_traps_authpriv.pcap, 7, 7, 0",
        "/fixtures/snmp/snmp_v3_traps_noauth_authnopriv.pcap, 2, 2, 0",
        "/fixtures/syslog/logger_rfc3164_udp.pcap, 25, 25, 0",
        "/fixtures/syslog/logger_rfc5424_tcp_octet.pcap, 90, 0, 90",
        "/fixtures/syslog/logger_rfc5424_udp.pcap, 29, 29, 0",
        "/fixtures/syslog/logger_tcp_lf.pcap, 40, 0, 40",
        "/fixtures/syslog/rsyslog_fwd_rfc3164_udp.pcap, 6, 6, 0",
        "/fixtures/traffic/traffic.pcap, 3331, 781, 2459",
    };

    @ParameterizedTest
    @CsvSource({
        "/fixtures/capture/logger_rfc5424_tcp_octet.pcapng, 90, 0, 90",
        "/fixtures/capture/logger_rfc5424_udp.nsec.pcap, 29, 29, 0",
        "/fixtures/capture/merged_two_interfaces.pcapng, 34, 34, 0",
        "/fixtures/capture/raw_ip_nsec.pcap, 5, 5, 0",
        "/fixtures/capture/softflowd_v9.pcapng, 17, 17, 0",
        "/fixtures/corpora/graylog-netflow/netflow5.pcap, 3, 3, 0",
        "/fixtures/corpora/graylog-netflow/netflow9.pcap, 9, 9, 0",
        "/fixtures/corpora/graylog-netflow/netgraph-netflow5.pcap, 4, 4, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9-2.pcap, 3, 3, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9-3.pcap, 72, 72, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9-4.pcap, 4, 4, 0",
        "/fixtures/corpora/graylog-netflow/nprobe-netflow9.pcap, 9, 9, 0",
        "/fixtures/corpora/graylog-netflow/pmacctd-netflow5.pcap, 3, 3, 0",
        "/fixtures/corpora/graylog-netflow/pmacctd-netflow9.pcap, 2, 2, 0",
        "/fixtures/netflow/fprobe_v5.pcap, 7, 7, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix.pcap, 73, 73, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix_full.pcap, 128, 128, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix_sampled.pcap, 29, 29, 0",
        "/fixtures/netflow/pmacctd_nfprobe_ipfix_template_late.pcap, 72, 72, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v5.pcap, 14, 14, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9.pcap, 73, 73, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9_full.pcap, 107, 107, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9_sampled.pcap, 30, 30, 0",
        "/fixtures/netflow/pmacctd_nfprobe_v9_template_late.pcap, 72, 72, 0",
        "/fixtures/netflow/pmacctd_sfprobe_rate8.pcap, 63, 63, 0",
        "/fixtures/netflow/softflowd_ipfix.pcap, 17, 17, 0",
        "/fixtures/netflow/softflowd_ipfix_abs_micro.pcap, 20, 20, 0",
        "/fixtures/netflow/softflowd_ipfix_abs_milli.pcap, 20, 20, 0",
        "/fixtures/netflow/softflowd_ipfix_abs_nano.pcap, 20, 20, 0",
        "/fixtures/netflow/softflowd_ipfix_ether.pcap, 23, 23, 0",
        "/fixtures/netflow/softflowd_v1_unsupported.pcap, 14, 14, 0",
        "/fixtures/netflow/softflowd_v5.pcap, 14, 14, 0",
        "/fixtures/netflow/softflowd_v9.pcap, 17, 17, 0",
        "/fixtures/netflow/softflowd_v9_template_late.pcap, 16, 16, 0",
        "/fixtures/netflow/softflowd_v9_vlan_sampled.pcap, 12, 12, 0",
        "/fixtures/snmp/snmp_rejected.pcap, 3, 3, 0",
        "/fixtures/snmp/snmp_v1_traps.pcap, 7, 7, 0",
        "/fixtures/snmp/snmp_v2c_informs.pcap, 6, 6, 0",
        "/fixtures/snmp/snmp_v2c_traps.pcap, 5, 5, 0",
        "/fixtures/snmp/snmp_v3_traps_authpriv.pcap, 7, 7, 0",
        "/fixtures/snmp/snmp_v3_traps_noauth_authnopriv.pcap, 2, 2, 0",
        "/fixtures/syslog/logger_rfc3164_udp.pcap, 25, 25, 0",
        "/fixtures/syslog/logger_rfc5424_tcp_octet.pcap, 90, 0, 90",
        "/fixtures/syslog/logger_rfc5424_udp.pcap, 29, 29, 0",
        "/fixtures/syslog/logger_tcp_lf.pcap, 40, 0, 40",
        "/fixtures/syslog/rsyslog_fwd_rfc3164_udp.pcap, 6, 6, 0",
        "/fixtures/traffic/traffic.pcap, 3331, 781, 2459"
    })
    void shouldCountFramesDatagramsAndSegmentsLikeTshark(final String resource, final long frames, final long udp, final long tcp)
    {
        final CaptureStats stats = Captures.read(resource, new Packets.Recorded());
        assertEquals(frames, stats.frames(), "frames");
        assertEquals(udp, stats.udpDatagrams(), "UDP datagrams");
        assertEquals(tcp, stats.tcpSegments(), "TCP segments");
    }

    @Test
    void shouldHaveATsharkCountForEveryCaptureFixture()
    {
        final Set<String> counted = new HashSet<>();
        for (final String row : COUNTS)
        {
            counted.add(row.substring(0, row.indexOf(',')));
        }
        for (final String entry : Fixtures.index())
        {
            if (entry.endsWith(".pcap") || entry.endsWith(".pcapng"))
            {
                assertTrue(counted.contains("/fixtures/" + entry),
                    "add the tshark counts of /fixtures/" + entry + " to COUNTS and the table");
            }
        }
    }

    @Test
    void shouldReadTrafficWithVlanMplsAndIpv6AsTsharkDoes()
    {
        final CaptureStats stats = Captures.read("/fixtures/traffic/traffic.pcap", new Packets.Recorded());
        // tshark -r traffic.pcap -Y "icmp or icmpv6" | wc -l  -> 91 ; -Y "not ip and not ipv6" | wc -l -> 0
        assertEquals(91, stats.otherIpPackets());
        assertEquals(0, stats.nonIpFrames());
        assertEquals(0, stats.malformedPackets());
        assertEquals(0, stats.truncatedFrames());
    }

    @ParameterizedTest
    @CsvSource({
        "/fixtures/netflow/softflowd_v5.pcap, softflowd_v5",
        "/fixtures/netflow/softflowd_v9.pcap, softflowd_v9",
        "/fixtures/netflow/softflowd_v9_vlan_sampled.pcap, softflowd_v9_vlan_sampled",
        "/fixtures/syslog/logger_rfc5424_udp.pcap, logger_rfc5424_udp",
        "/fixtures/snmp/snmp_v2c_traps.pcap, snmp_v2c_traps",
        "/fixtures/traffic/traffic.pcap, traffic",
        "/fixtures/capture/merged_two_interfaces.pcapng, merged_two_interfaces",
    })
    void shouldGiveEveryDatagramAsTsharkDoes(final String resource, final String name)
    {
        final List<String> actual = new ArrayList<>();
        for (final Captures.Datagram d : Captures.udp(resource))
        {
            actual.add(oracleLine(d));
        }
        final List<String> expected = List.of(Fixtures.text("/fixtures/capture/" + name + ".udp.tsv").split("\n"));
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertEquals(expected.get(i), actual.get(i), "datagram " + i + " of " + name);
        }
    }

    @Test
    void shouldGiveThePayloadBytesTsharkShows()
    {
        // tshark -r syslog/logger_rfc5424_udp.pcap -c 1 -T fields -e udp.payload
        final String first = "3c383e3120323032362d31312d32365430393a35383a32392e3836323233312b30303a303020766d2061707031202d204d534731"
            + "205b74696d655175616c69747920747a4b6e6f776e3d22312220697353796e6365643d2230225d207266633534323420756470206d65737361"
            + "6765203120666163696c6974793d6b65726e2073657665726974793d656d657267";
        final Captures.Datagram d = Captures.udp("/fixtures/syslog/logger_rfc5424_udp.pcap").get(0);
        assertEquals(first, Hex.format(d.payload()));
        assertEquals(1_795_687_109_862_276_000L, d.timestampNanos());
        assertEquals(new InetSocketAddress("127.0.0.1", 52963), d.source());
        assertEquals(new InetSocketAddress("127.0.0.1", 514), d.destination());
        // tshark -r netflow/softflowd_v9.pcap -T fields -e udp.payload | sed -n 17p | cut -c1-64
        final List<byte[]> v9 = Captures.udpPayloads("/fixtures/netflow/softflowd_v9.pcap");
        assertEquals("0009000c0003a28365f41d0e0000001100000000000000480400001000080004", Hex.format(v9.get(16), 0, 32));
    }

    static String oracleLine(final Captures.Datagram d)
    {
        final long ts = d.timestampNanos();
        return String.format("%d.%09d", Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L)) + '\t'
            + address(d.source()) + '\t' + d.source().getPort() + '\t' + address(d.destination()) + '\t' + d.destination().getPort() + '\t'
            + d.payload().length + '\t' + sha256(d.payload());
    }

    private static String address(final InetSocketAddress a)
    {
        final byte[] bytes = a.getAddress().getAddress();
        final StringBuilder sb = new StringBuilder();
        if (bytes.length == 4)
        {
            AddressText.appendIpv4(sb, bytes, 0);
        }
        else
        {
            AddressText.appendIpv6(sb, bytes, 0);
        }
        return sb.toString();
    }

    static String sha256(final byte[] bytes)
    {
        try
        {
            return Hex.format(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
