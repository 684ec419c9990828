package io.nocraven.codec.netflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: runs a decoder over datagrams and returns its output parsed back from the JSON lines, so tests
 * assert on exactly what {@code decode} would print.
 */
public final class FlowJson
{
    /** Shared mapper (unsigned 64-bit values come back as BigInteger nodes). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private FlowJson()
    {
    }

    /**
     * @param decoder   the decoder.
     * @param datagrams the input, in order.
     * @param listener  listener name for the envelope.
     * @return every record written, parsed.
     */
    public static List<JsonNode> decode(final DatagramDecoder decoder, final List<PcapUdp.Datagram> datagrams,
        final String listener)
    {
        final List<JsonNode> out = new ArrayList<>();
        final JsonRecordWriter writer = new JsonRecordWriter((kind, line) -> out.add(parse(line.toString())));
        final RecordContext context = new RecordContext();
        for (final PcapUdp.Datagram d : datagrams)
        {
            context.set(d.source(), 0, d.source().length, d.sourcePort(), listener, d.epochNanos());
            decoder.decode(context, d.payload(), 0, d.payload().length, writer);
        }
        decoder.finish(writer);
        return out;
    }

    /**
     * @param decoder the decoder.
     * @param payload one raw datagram.
     * @return every record written, parsed.
     */
    public static List<JsonNode> decode(final DatagramDecoder decoder, final byte[] payload)
    {
        return decode(decoder, List.of(new PcapUdp.Datagram(1, new byte[] {127, 0, 0, 1}, 40000, 2055, 0L, payload)),
            "udp/2055");
    }

    /**
     * @param line one JSON object.
     * @return it parsed.
     */
    public static JsonNode parse(final String line)
    {
        try
        {
            return MAPPER.readTree(line);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
