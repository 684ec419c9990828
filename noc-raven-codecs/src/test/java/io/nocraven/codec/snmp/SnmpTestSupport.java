package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test-only helpers: the fixture users, decoding one datagram to parsed JSON records. */
final class SnmpTestSupport
{
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FIXTURES = "/fixtures/snmp/";

    private SnmpTestSupport()
    {
    }

    static List<SnmpUser> fixtureUsers()
    {
        return SnmpUsers.parse(resourceJson(FIXTURES + "credentials.json"), "credentials.json");
    }

    static JsonNode resourceJson(final String resource)
    {
        try (InputStream in = SnmpTestSupport.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<JsonNode> resourceJsonLines(final String resource)
    {
        try (InputStream in = SnmpTestSupport.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + resource);
            }
            final List<JsonNode> out = new ArrayList<>();
            for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
            {
                if (!line.isBlank())
                {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static SnmpTrapDecoder decoder(final List<SnmpUser> users)
    {
        return new SnmpTrapDecoder(CodecOptions.builder().snmpUsers(users).build());
    }

    /** One decode: its status and the records written (parsed). */
    record Result(DecodeStatus status, List<JsonNode> records)
    {
        JsonNode single()
        {
            if (records.size() != 1)
            {
                throw new AssertionError("expected one record, got " + records);
            }
            return records.get(0);
        }
    }

    static Result decode(final SnmpTrapDecoder decoder, final byte[] datagram)
    {
        final List<JsonNode> records = new ArrayList<>();
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) ->
        {
            try
            {
                records.add(JSON.readTree(line.toString()));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("not JSON: " + line, ex);
            }
        });
        final RecordContext ctx = new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 40000, "udp/162",
            1_795_687_132_000_000_000L);
        final DecodeStatus status = decoder.decode(ctx, datagram, 0, datagram.length, out);
        return new Result(status, records);
    }

    static byte[] hex(final String hex)
    {
        return HexFormat.of().parseHex(hex);
    }
}
