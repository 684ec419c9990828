/**
 * Example: decode pcap/pcapng captures into JSON lines with the capture reader, the protocol families and the
 * codecs ({@link io.nocraven.examples.decode.DecodeCaptureExample}).
 */
package io.nocraven.examples.decode;
