/**
 * IPFIX (RFC 7011) over UDP and TCP: {@link io.nocraven.codec.ipfix.IpfixDecoder} and
 * {@link io.nocraven.codec.ipfix.IpfixMessageFramer}; the shared flow machinery is in {@code io.nocraven.codec.flow}.
 */
package io.nocraven.codec.ipfix;
