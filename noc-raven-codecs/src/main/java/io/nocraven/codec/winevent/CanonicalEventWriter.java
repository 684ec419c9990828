package io.nocraven.codec.winevent;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import java.time.ZoneId;

/**
 * Checks the fields of one event ({@link EventSlots} of its {@link Dialect}) and writes the canonical
 * {@code windows-event} record described in {@code docs/record-schema.md}. Everything is checked before the first
 * key is written, so an event is either written whole or not at all (then {@link #write} returns the reason).
 * Resolution rules per dialect: level from the number (PowerShell), from {@code EventType} then
 * {@code SeverityValue} (NXLog) or from {@code log.level} (Winlogbeat; {@code information} with an audit keyword is
 * level 0, as Windows logs audits); task, opcode and keywords from names through {@link EventNameTables} when the
 * shipper sends only names. Reusable, single-threaded.
 */
final class CanonicalEventWriter
{
    private static final long NONE = -1;
    private static final long MAX_EVENT_ID = 0xFFFF;
    private static final long MAX_FULL_EVENT_ID = 0xFFFF_FFFFL;

    private final EventNameTables names;
    private final EventTimeParser timeParser = new EventTimeParser();
    private final StringBuilder keywordText = new StringBuilder(18);
    private long eventId;
    private long qualifiers;
    private long version;
    private long level;
    private long task;
    private long opcode;
    private long recordId;
    private long processId;
    private long threadId;
    private long keywords;
    private boolean hasKeywords;
    private boolean hasTime;

    CanonicalEventWriter(final EventNameTables names)
    {
        this.names = names;
    }

    /**
     * @param dialect the event's dialect.
     * @param s       its fields.
     * @param zone    zone for times without one.
     * @param context the envelope.
     * @param out     where the record goes.
     * @return null when the record was written, else why the event is invalid (nothing written).
     */
    String write(final Dialect dialect, final EventSlots s, final ZoneId zone, final RecordContext context, final RecordWriter out)
    {
        final String reason = resolve(dialect, s, zone);
        if (reason != null)
        {
            return reason;
        }
        out.beginRecord(RecordKind.WINDOWS_EVENT, Protocol.WINDOWS_EVENT, context);
        out.field("dialect", dialect.wireName());
        out.name("timeCreated");
        if (hasTime)
        {
            out.timestampValue(timeParser.epochSecond(), timeParser.nanos(), 7);
        }
        else
        {
            out.nullValue();
        }
        out.field("computer", s.computer);
        out.field("channel", s.channel);
        out.field("provider", s.provider);
        out.field("providerGuid", Guids.normalize(s.providerGuid));
        number(out, "eventId", eventId);
        number(out, "qualifiers", qualifiers);
        number(out, "version", version);
        number(out, "level", level);
        out.field("levelName", level == NONE ? null : WindowsLevels.name(level));
        number(out, "task", task);
        out.field("taskName", s.taskName);
        number(out, "opcode", opcode);
        out.field("opcodeName", s.opcodeName);
        out.field("keywords", hasKeywords ? keywordsHex() : null);
        number(out, "recordId", recordId);
        number(out, "processId", processId);
        number(out, "threadId", threadId);
        out.field("user", s.user);
        out.field("activityId", Guids.normalize(s.activityId));
        out.field("message", trimLineEnd(s.message));
        out.name("eventData");
        s.eventData.write(out);
        out.name("userData");
        s.userData.write(out);
        out.endRecord();
        return null;
    }

    private String resolve(final Dialect dialect, final EventSlots s, final ZoneId zone)
    {
        if (s.problem != null)
        {
            return s.problem;
        }
        if (!s.eventId.hasValue())
        {
            return "missing eventId";
        }
        if (!s.eventId.resolve(MAX_FULL_EVENT_ID))
        {
            return "bad eventId";
        }
        eventId = s.eventId.value() & MAX_EVENT_ID;
        qualifiers = s.eventId.value() > MAX_EVENT_ID ? s.eventId.value() >>> 16 : NONE;
        if (s.qualifiers.hasValue())
        {
            qualifiers = s.qualifiers.resolve(0xFFFF) ? s.qualifiers.value() : -2;
        }
        version = optional(s.version, 0xFF);
        task = optional(s.task, 0xFFFF);
        opcode = optional(s.opcode, 0xFF);
        recordId = optional(s.recordId, Long.MAX_VALUE);
        processId = optional(s.processId, 0xFFFF_FFFFL);
        threadId = optional(s.threadId, 0xFFFF_FFFFL);
        level = optional(s.level, 0xFF);
        if (qualifiers == -2 || version == -2 || task == -2 || opcode == -2 || recordId == -2 || processId == -2
            || threadId == -2 || level == -2)
        {
            return badNumberReason(s);
        }
        hasKeywords = s.keywords.hasValue();
        if (hasKeywords)
        {
            if (!s.keywords.resolveBits())
            {
                return "bad keywords";
            }
            keywords = s.keywords.value();
        }
        hasTime = s.time != null;
        if (hasTime && !timeParser.parse(s.time, zone))
        {
            return "bad timeCreated";
        }
        if (dialect == Dialect.WINLOGBEAT)
        {
            resolveNames(s);
        }
        else if (dialect == Dialect.NXLOG && level == NONE)
        {
            level = WindowsLevels.fromName(s.levelName);
            if (level < 0 && s.severityValue.resolve(5))
            {
                level = WindowsLevels.fromNxlogSeverity(s.severityValue.value());
            }
            level = level < 0 ? NONE : level;
        }
        return null;
    }

    private void resolveNames(final EventSlots s)
    {
        if (s.keywordNamesSeen && !hasKeywords)
        {
            hasKeywords = true;
            keywords = s.keywordNameBits | names.channelKeywords(s.provider);
        }
        if (level == NONE)
        {
            final int fromName = WindowsLevels.fromName(s.levelName);
            level = fromName == 4 && hasKeywords && (keywords & WindowsLevels.AUDIT_BITS) != 0 ? 0 : fromName;
            level = level < 0 ? NONE : level;
        }
        if (task == NONE && s.taskName != null)
        {
            final Long t = names.taskIsEventId(s.provider) ? Long.valueOf(eventId) : names.task(s.provider, s.taskName);
            task = t == null ? NONE : t;
        }
        if (opcode == NONE && s.opcodeName != null)
        {
            final Long o = names.opcode(s.provider, s.opcodeName);
            opcode = o == null ? NONE : o;
        }
    }

    private static long optional(final NumberSlot slot, final long max)
    {
        if (!slot.hasValue())
        {
            return NONE;
        }
        return slot.resolve(max) ? slot.value() : -2;
    }

    private String badNumberReason(final EventSlots s)
    {
        if (qualifiers == -2)
        {
            return "bad qualifiers";
        }
        if (version == -2)
        {
            return "bad version";
        }
        if (task == -2)
        {
            return "bad task";
        }
        if (opcode == -2)
        {
            return "bad opcode";
        }
        if (recordId == -2)
        {
            return "bad recordId";
        }
        return level == -2 ? "bad level" : (processId == -2 ? "bad processId" : "bad threadId");
    }

    private static void number(final RecordWriter out, final String name, final long value)
    {
        out.name(name);
        if (value == NONE)
        {
            out.nullValue();
        }
        else
        {
            out.longValue(value);
        }
    }

    private CharSequence keywordsHex()
    {
        keywordText.setLength(0);
        keywordText.append("0x");
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            keywordText.append(Character.forDigit((int)(keywords >>> shift) & 0xF, 16));
        }
        return keywordText;
    }

    private static String trimLineEnd(final String message)
    {
        if (message == null)
        {
            return null;
        }
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r'))
        {
            end--;
        }
        return end == message.length() ? message : message.substring(0, end);
    }
}
