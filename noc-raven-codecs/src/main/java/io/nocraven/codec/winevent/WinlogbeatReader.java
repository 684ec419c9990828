package io.nocraven.codec.winevent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads the Winlogbeat-only parts of an event into {@link EventSlots}: the {@code winlog} object
 * ({@code channel}, {@code computer_name}, {@code event_id}, {@code keywords}, {@code opcode},
 * {@code process.pid}, {@code process.thread.id}, {@code provider_name}, {@code provider_guid},
 * {@code record_id}, {@code task}, {@code version}, {@code event_data}, {@code user_data},
 * {@code user.identifier}, {@code activity_id}) and {@code log.level}. Other members are skipped. A member of the
 * wrong JSON type is skipped and noted as the event's problem; the parser always ends on the object's last token.
 */
final class WinlogbeatReader
{
    private final EventNameTables names;

    WinlogbeatReader(final EventNameTables names)
    {
        this.names = names;
    }

    /**
     * @param p parser on the value of {@code winlog}.
     * @param s where the fields go.
     * @throws IOException on malformed JSON.
     */
    void readWinlog(final JsonParser p, final EventSlots s) throws IOException
    {
        if (!startObject(p, s, "bad winlog"))
        {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            switch (name)
            {
                case "channel" -> s.channel = text(p, s, "bad channel");
                case "computer_name" -> s.computer = text(p, s, "bad computer");
                case "event_id" -> s.eventId.read(p);
                case "keywords" -> readKeywords(p, s);
                case "opcode" -> numberOrName(p, s.opcode, s, true);
                case "task" -> numberOrName(p, s.task, s, false);
                case "process" -> readProcess(p, s);
                case "provider_name" -> s.provider = text(p, s, "bad provider");
                case "provider_guid" -> s.providerGuid = text(p, s, "bad providerGuid");
                case "record_id" -> s.recordId.read(p);
                case "version" -> s.version.read(p);
                case "event_data" -> readPairs(p, s.eventData, s, "bad eventData");
                case "user_data" -> readPairs(p, s.userData, s, "bad userData");
                case "user" -> s.user = member(p, s, "identifier", "bad user");
                case "activity_id" -> s.activityId = text(p, s, "bad activityId");
                default -> p.skipChildren();
            }
        }
    }

    /**
     * @param p parser on the value of {@code log}.
     * @param s where {@code log.level} goes.
     * @throws IOException on malformed JSON.
     */
    void readLog(final JsonParser p, final EventSlots s) throws IOException
    {
        s.levelName = member(p, s, "level", "bad log.level");
    }

    private void readKeywords(final JsonParser p, final EventSlots s) throws IOException
    {
        if (p.currentToken() == JsonToken.VALUE_NULL)
        {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY)
        {
            p.skipChildren();
            s.problem("bad keywords");
            return;
        }
        s.keywordNamesSeen = true;
        while (p.nextToken() != JsonToken.END_ARRAY)
        {
            if (p.currentToken() == JsonToken.VALUE_STRING)
            {
                final Long bits = names.keywordBits(p.getText());
                if (bits != null)
                {
                    s.keywordNameBits |= bits;
                }
            }
            else
            {
                p.skipChildren();
                s.problem("bad keywords");
            }
        }
    }

    private static void numberOrName(final JsonParser p, final NumberSlot slot, final EventSlots s, final boolean opcode)
        throws IOException
    {
        if (p.currentToken() == JsonToken.VALUE_STRING)
        {
            if (opcode)
            {
                s.opcodeName = p.getText();
            }
            else
            {
                s.taskName = p.getText();
            }
        }
        else
        {
            slot.read(p);
        }
    }

    private static void readProcess(final JsonParser p, final EventSlots s) throws IOException
    {
        if (!startObject(p, s, "bad process"))
        {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            if ("pid".equals(name))
            {
                s.processId.read(p);
            }
            else if ("thread".equals(name) && startObject(p, s, "bad thread"))
            {
                while (p.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String inner = p.currentName();
                    p.nextToken();
                    if ("id".equals(inner))
                    {
                        s.threadId.read(p);
                    }
                    else
                    {
                        p.skipChildren();
                    }
                }
            }
            else
            {
                p.skipChildren();
            }
        }
    }

    private static void readPairs(final JsonParser p, final NamedValues into, final EventSlots s, final String problem)
        throws IOException
    {
        if (p.currentToken() == JsonToken.VALUE_NULL)
        {
            return;
        }
        if (!startObject(p, s, problem))
        {
            return;
        }
        into.markPresent(false);
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            if (!into.add(name, JsonValues.text(p)))
            {
                s.problem("too many eventData entries");
            }
        }
    }

    /** Reads {@code {"key": "text", ...}} and returns the text of {@code key}; null when absent. */
    private static String member(final JsonParser p, final EventSlots s, final String key, final String problem)
        throws IOException
    {
        if (p.currentToken() == JsonToken.VALUE_NULL || !startObject(p, s, problem))
        {
            return null;
        }
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            if (key.equals(name))
            {
                value = text(p, s, problem);
            }
            else
            {
                p.skipChildren();
            }
        }
        return value;
    }

    /**
     * @return the text of a scalar value (numbers as their JSON text), null for null; other values are skipped and
     *     noted as {@code problem}.
     */
    static String text(final JsonParser p, final EventSlots s, final String problem) throws IOException
    {
        final JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT)
        {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL)
        {
            p.skipChildren();
            s.problem(problem);
        }
        return null;
    }

    private static boolean startObject(final JsonParser p, final EventSlots s, final String problem) throws IOException
    {
        if (p.currentToken() == JsonToken.START_OBJECT)
        {
            return true;
        }
        p.skipChildren();
        s.problem(problem);
        return false;
    }
}
