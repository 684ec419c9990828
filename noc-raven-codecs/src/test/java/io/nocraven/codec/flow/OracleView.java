package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Compares one decoded record with one record of a fixture's {@code X.expected.jsonl} (tshark-derived, stable
 * names of FIXTURES-README.md) by mapping each stable name to the IANA name(s) we write. Every expected key must be
 * mapped and equal; the differences that are tshark's and not ours are handled here and explained where they are.
 */
final class OracleView
{
    /** Stable oracle name to the IANA element names that may carry it (first one present wins). */
    static final Map<String, List<String>> NAMES = Map.ofEntries(
        entry("src_addr", List.of("sourceIPv4Address", "sourceIPv6Address")),
        entry("dst_addr", List.of("destinationIPv4Address", "destinationIPv6Address")),
        entry("src_port", List.of("sourceTransportPort")),
        entry("dst_port", List.of("destinationTransportPort")),
        entry("protocol", List.of("protocolIdentifier")),
        entry("packets", List.of("packetDeltaCount")),
        entry("bytes", List.of("octetDeltaCount")),
        entry("first_switched_ms", List.of("flowStartSysUpTime")),
        entry("last_switched_ms", List.of("flowEndSysUpTime")),
        entry("tcp_flags", List.of("tcpControlBits")),
        entry("tos", List.of("ipClassOfService")),
        entry("input_ifindex", List.of("ingressInterface")),
        entry("output_ifindex", List.of("egressInterface")),
        entry("next_hop", List.of("ipNextHopIPv4Address", "ipNextHopIPv6Address")),
        entry("bgp_next_hop", List.of("bgpNextHopIPv4Address", "bgpNextHopIPv6Address")),
        entry("src_as", List.of("bgpSourceAsNumber")),
        entry("dst_as", List.of("bgpDestinationAsNumber")),
        entry("src_mask", List.of("sourceIPv4PrefixLength", "sourceIPv6PrefixLength")),
        entry("dst_mask", List.of("destinationIPv4PrefixLength", "destinationIPv6PrefixLength")),
        entry("src_vlan", List.of("vlanId")),
        entry("dst_vlan", List.of("postVlanId")),
        entry("dot1q_vlan", List.of("dot1qVlanId")),
        entry("post_dot1q_vlan", List.of("postDot1qVlanId")),
        entry("src_mac", List.of("sourceMacAddress")),
        entry("dst_mac", List.of("destinationMacAddress")),
        entry("post_src_mac", List.of("postSourceMacAddress")),
        entry("post_dst_mac", List.of("postDestinationMacAddress")),
        entry("direction", List.of("flowDirection")),
        entry("flow_end_reason", List.of("flowEndReason")),
        entry("ip_version", List.of("ipVersion")),
        entry("icmp_type_code", List.of("icmpTypeCodeIPv4", "icmpTypeCodeIPv6")),
        entry("mpls_top_label_exp", List.of("mplsTopLabelExp")),
        entry("sampling_interval", List.of("samplingInterval")),
        entry("sampling_algorithm", List.of("samplingAlgorithm")),
        entry("sampler_id", List.of("samplerId")),
        entry("sampler_mode", List.of("samplerMode")),
        entry("sampler_random_interval", List.of("samplerRandomInterval")),
        entry("sampling_packet_interval", List.of("samplingPacketInterval")),
        entry("sampling_packet_space", List.of("samplingPacketSpace")),
        entry("selector_algorithm", List.of("selectorAlgorithm")),
        entry("flow_id", List.of("flowId")),
        entry("ip_ttl", List.of("ipTTL")),
        entry("min_ttl", List.of("minimumTTL")),
        entry("max_ttl", List.of("maximumTTL")),
        entry("ipv6_flow_label", List.of("flowLabelIPv6")),
        entry("ethertype", List.of("ethernetType")),
        entry("metering_process_id", List.of("meteringProcessId")),
        entry("if_name", List.of("interfaceName")),
        entry("flow_exporter", List.of("exportingProcessId")),
        entry("scope_interface", List.of("scopeInterface")),
        entry("scope_system", List.of("scopeSystem")),
        entry("bytes_squared", List.of("octetDeltaSumOfSquares")),
        entry("section_offset", List.of("sectionOffset")),
        entry("section_exported_octets", List.of("sectionExportedOctets")),
        entry("data_link_frame_size", List.of("dataLinkFrameSize")),
        entry("ip_header_length", List.of("ipHeaderLength")),
        entry("ip_total_length", List.of("ipTotalLength")),
        entry("exporter_addr", List.of("exporterIPv4Address", "exporterIPv6Address")),
        entry("biflow_direction", List.of("biflowDirection")),
        entry("forwarding_status", List.of("forwardingStatus")),
        entry("selection_sequence_id", List.of("selectionSequenceId")));

    private static final List<String> LABEL_SECTIONS = List.of("mplsTopLabelStackSection", "mplsLabelStackSection2",
        "mplsLabelStackSection3", "mplsLabelStackSection4", "mplsLabelStackSection5", "mplsLabelStackSection6");

    private OracleView()
    {
    }

    /**
     * @param expected an oracle record.
     * @param actual   our record.
     * @param quirks   per-capture exporter/tshark quirks.
     * @return the mismatches, empty when equal.
     */
    static List<String> diff(final JsonNode expected, final JsonNode actual, final Quirks quirks)
    {
        final List<String> d = new ArrayList<>();
        // PSAMP packet reports are data records of a template: flow records here.
        check(d, "kind", expected.get("kind").asText().replace("psamp_packet", "flow"), actual.get("kind").asText());
        check(d, "templateId", expected.get("set_id").asText(), actual.path("templateId").asText());
        header(d, expected.get("header"), actual);
        final JsonNode flow = expected.get("flow");
        flow.fieldNames().forEachRemaining(k -> field(d, k, flow.get(k), actual, quirks));
        return d;
    }

    private static void header(final List<String> d, final JsonNode e, final JsonNode actual)
    {
        final JsonNode h = actual.get("header");
        if (!e.has("tshark_expected_sequence") && h.has("sequenceGap"))
        {
            // tshark's sequence analysis (expected = previous sequence + previous data records) found no gap here.
            d.add("sequenceGap " + h.get("sequenceGap") + " where tshark saw none");
        }
        e.fieldNames().forEachRemaining(k ->
        {
            final JsonNode v = e.get(k);
            switch (k)
            {
                case "frame", "tshark_sequence_previous_frame" ->
                {
                    // Not on the wire: the frame number.
                }
                case "tshark_expected_sequence" -> check(d, "sequenceGap", String.valueOf((int)(e.get("sequence").asLong() - v.asLong())),
                    h.path("sequenceGap").asText());
                case "capture_time" -> check(d, k, new BigInteger(v.asText().replace(".", "")).toString(),
                    String.valueOf(nanos(actual.get("receivedAt").asText())));
                case "version", "count", "length" -> check(d, k, v.asText(), h.path(k).asText());
                case "sys_uptime_ms" -> check(d, k, v.asText(), h.path("sysUpTime").asText());
                case "sequence" -> check(d, k, v.asText(), h.path("sequenceNumber").asText());
                case "source_id" -> check(d, k, v.asText(), h.path("sourceId").asText());
                case "observation_domain_id" -> check(d, k, v.asText(), h.path("observationDomainId").asText());
                case "export_time" -> check(d, k, v.asText(),
                    String.valueOf(Instant.parse(h.path("exportTime").asText()).getEpochSecond()));
                default -> d.add("header key not mapped: " + k);
            }
        });
    }

    private static void field(final List<String> d, final String k, final JsonNode e, final JsonNode actual, final Quirks quirks)
    {
        switch (k)
        {
            case "flow_start_ns", "flow_end_ns" -> time(d, k, e, actual, quirks);
            case "system_init_time_ns" -> check(d, k, e.asText(), String.valueOf(nanos(value(actual, "systemInitTimeMilliseconds"))));
            case "icmp_type", "icmp_code" -> icmp(d, k, e, actual);
            case "mpls_labels", "mpls_exp", "mpls_bos" -> mpls(d, k, e, actual);
            case "scope_system" -> check(d, k, e.asText().replace(":", ""), value(actual, "scopeSystem"));
            case "data_link_frame_section" -> check(d, k, e.asText().replace(":", ""), value(actual, "dataLinkFrameSection"));
            case "observation_time_ns" -> time(d, "observation_time_ns", e, actual, quirks);
            case "decoded" ->
            {
                // tshark's dissection of a PSAMP record's sampled frame: not a wire field of the record.
            }
            default ->
            {
                final List<String> names = k.startsWith("reverse_") ? reverseNames(k.substring("reverse_".length())) : NAMES.get(k);
                if (names == null)
                {
                    d.add("oracle key not mapped: " + k);
                    return;
                }
                check(d, k, e.asText(), firstPresent(actual, names));
            }
        }
    }

    /** RFC 5103 reverse elements (PEN 29305): {@code reverse} + the forward name with a capital. */
    private static List<String> reverseNames(final String forward)
    {
        final List<String> names = NAMES.get(forward);
        return names == null ? null : names.stream()
            .map(n -> "reverse" + Character.toUpperCase(n.charAt(0)) + n.substring(1))
            .collect(java.util.stream.Collectors.toList());
    }

    private static void time(final List<String> d, final String k, final JsonNode e, final JsonNode actual, final Quirks quirks)
    {
        final String prefix = k.startsWith("flow_start") ? "flowStart" : k.startsWith("flow_end") ? "flowEnd" : "observationTime";
        final String upTime = value(actual, prefix + "SysUpTime");
        if (e.asLong() == 0 && upTime != null)
        {
            // tshark shows a sysUpTime-relative IE 22/21 whose value is 0 as an absolute time of 0 ns.
            check(d, k, "0", upTime);
            return;
        }
        final String iso = firstPresent(actual, List.of(prefix + "Nanoseconds", prefix + "Microseconds",
            prefix + "Milliseconds", prefix + "Seconds"));
        if (iso == null)
        {
            d.add(k + ": no absolute time in " + actual.get("fields"));
            return;
        }
        final long ours = nanos(iso);
        final long expected = quirks.tsharkTime(ours, actual);
        if (Math.abs(expected - e.asLong()) > quirks.timeToleranceNanos())
        {
            d.add(k + ": expected " + e.asLong() + " got " + expected + " (" + iso + ")");
        }
    }

    private static void icmp(final List<String> d, final String k, final JsonNode e, final JsonNode actual)
    {
        final boolean type = k.equals("icmp_type");
        final String direct = firstPresent(actual, type ? List.of("icmpTypeIPv4", "icmpTypeIPv6")
            : List.of("icmpCodeIPv4", "icmpCodeIPv6"));
        if (direct != null)
        {
            check(d, k, e.asText(), direct);
            return;
        }
        final String combined = firstPresent(actual, List.of("icmpTypeCodeIPv4", "icmpTypeCodeIPv6"));
        // tshark splits the ICMPv6 type/code element into type and code.
        check(d, k, e.asText(), combined == null ? null : String.valueOf(type ? Integer.parseInt(combined) >> 8
            : Integer.parseInt(combined) & 0xFF));
    }

    private static void mpls(final List<String> d, final String k, final JsonNode e, final JsonNode actual)
    {
        for (int i = 0; i < e.size(); i++)
        {
            final String hex = value(actual, LABEL_SECTIONS.get(i));
            if (hex == null || hex.length() != 6)
            {
                d.add(k + "[" + i + "]: no 3-octet label stack section: " + hex);
                continue;
            }
            final int entry = Integer.parseInt(hex, 16);
            final int v = k.equals("mpls_labels") ? entry >>> 4 : k.equals("mpls_exp") ? (entry >>> 1) & 7 : entry & 1;
            check(d, k + "[" + i + "]", e.get(i).asText(), String.valueOf(v));
        }
    }

    static String firstPresent(final JsonNode actual, final List<String> names)
    {
        for (final String n : names)
        {
            final String v = value(actual, n);
            if (v != null)
            {
                return v;
            }
        }
        return null;
    }

    /** A field from {@code fields} or {@code scope}, as text. */
    static String value(final JsonNode actual, final String name)
    {
        JsonNode v = actual.path("fields").get(name);
        if (v == null)
        {
            v = actual.path("scope").get(name);
        }
        return v == null ? null : v.asText();
    }

    static long nanos(final String iso)
    {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static void check(final List<String> d, final String what, final String expected, final String actual)
    {
        if (!expected.equals(actual))
        {
            d.add(what + ": expected " + expected + " got " + actual);
        }
    }

    /** Per-capture differences between the oracle and the wire that are tshark's, not ours. */
    interface Quirks
    {
        /** No quirks: times compare to the nanosecond. */
        Quirks NONE = new Quirks()
        {
        };

        /**
         * @param oursNanos our absolute time.
         * @param actual    our record.
         * @return what tshark shows for it.
         */
        default long tsharkTime(final long oursNanos, final JsonNode actual)
        {
            return oursNanos;
        }

        /** @return how far tshark's nanoseconds may be from ours. */
        default long timeToleranceNanos()
        {
            return 0;
        }
    }
}
