/**
 * Reading capture files (classic pcap with micro- or nanosecond timestamps, and pcapng) into UDP datagrams and
 * in-order TCP payload streams, with IPv4/IPv6 fragment reassembly. Used by the {@code decode} command and by tests.
 */
package io.nocraven.core.capture;
