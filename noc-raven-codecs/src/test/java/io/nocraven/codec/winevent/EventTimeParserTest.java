package io.nocraven.codec.winevent;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three time forms of Windows event shippers, zones, the leap second and the invalid cases. */
class EventTimeParserTest
{
    private final EventTimeParser parser = new EventTimeParser();

    @Test
    void shouldParseIsoTimesWithEveryOffsetForm()
    {
        assertEquals(Instant.parse("2024-03-10T01:59:59.9999999Z"), parse("2024-03-10T01:59:59.9999999Z", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-10T01:59:59.123456789Z"), parse("2024-03-10T01:59:59.1234567891Z", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-10T00:59:59.5Z"), parse("2024-03-10T01:59:59.5+01:00", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-10T03:29:59Z"), parse("2024-03-10T01:59:59-0130", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-10T04:59:59Z"), parse("2024-03-10t01:59:59-03", ZoneOffset.UTC));
    }

    @Test
    void shouldInterpretZonelessTimesInTheConfiguredZone()
    {
        assertEquals(Instant.parse("2024-03-10T01:59:59Z"), parse("2024-03-09 20:59:59", ZoneId.of("-05:00")));
        assertEquals(Instant.parse("2024-07-01T10:00:00Z"), parse("2024-07-01 12:00:00", ZoneId.of("Europe/Berlin")));
        assertEquals(Instant.parse("2024-01-01T11:00:00Z"), parse("2024-01-01T12:00:00", ZoneId.of("Europe/Berlin")));
        assertEquals(Instant.parse("2024-03-31T01:30:00Z"), parse("2024-03-31 02:30:00", ZoneId.of("Europe/Berlin")),
            "a time in the spring gap moves forward by the gap");
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"), parse("2024-10-27 02:30:00", ZoneId.of("Europe/Berlin")),
            "a time in the autumn overlap takes the earlier offset");
    }

    @Test
    void shouldParseDotNetDates()
    {
        assertEquals(Instant.parse("2024-03-10T01:59:59.999Z"), parse("/Date(1710035999999)/", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-10T01:59:59.999Z"), parse("/Date(1710035999999+0100)/", ZoneOffset.UTC));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999Z"), parse("/Date(-1)/", ZoneOffset.UTC));
    }

    @Test
    void shouldReadALeapSecondAsSecond59()
    {
        assertEquals(Instant.parse("2024-12-31T23:59:59.5Z"), parse("2024-12-31T23:59:60.5Z", ZoneOffset.UTC));
        assertEquals(Instant.parse("2038-01-19T03:14:08Z"), parse("2038-01-18 22:14:08", ZoneId.of("-05:00")));
    }

    @Test
    void shouldRejectInvalidTimes()
    {
        for (final String bad : new String[] {"", "2024-02-30T00:00:00Z", "2023-02-29 00:00:00", "2024-13-01 00:00:00",
            "2024-01-01 24:00:00", "2024-01-01 00:60:00", "2024-01-01 00:00:61", "2024-01-01X00:00:00", "2024-01-01 00:00:00.",
            "2024-01-01 00:00:00Q", "2024-01-01 00:00:00+1", "2024-01-01 00:00:00+19:00", "0000-01-01 00:00:00",
            "/Date()/", "/Date(12a)/", "/Date(1234567890123456)/", "/Date(1+01)/", "yesterday"})
        {
            assertFalse(parser.parse(bad, ZoneOffset.UTC), bad);
        }
    }

    private Instant parse(final String text, final ZoneId zone)
    {
        assertTrue(parser.parse(text, zone), text);
        return Instant.ofEpochSecond(parser.epochSecond(), parser.nanos());
    }
}
