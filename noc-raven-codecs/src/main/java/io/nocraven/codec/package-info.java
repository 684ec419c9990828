/**
 * Pure decoders, bytes in and records out: the shared contracts ({@link io.nocraven.codec.DatagramDecoder},
 * {@link io.nocraven.codec.StreamFramer}, {@link io.nocraven.codec.DecodeCounters}) and protocol detection.
 * Each protocol lives in a sub-package ({@code netflow}, {@code ipfix}, {@code sflow}, {@code syslog},
 * {@code snmp}, {@code winevent}). No sockets, no threads, no Netty, no Disruptor.
 */
package io.nocraven.codec;
