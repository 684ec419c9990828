/**
 * Reading capture files (classic pcap with micro- or nanosecond timestamps, and pcapng) into UDP datagrams and
 * in-order TCP payload streams, with IPv4/IPv6 fragment reassembly ({@link io.nocraven.core.capture.CaptureReader}),
 * and writing UDP datagrams as a pcap ({@link io.nocraven.core.capture.PcapWriter}). Used by the {@code decode}
 * command, to hand out quarantined datagrams, and by tests.
 */
package io.nocraven.core.capture;
