package io.nocraven.codec.winevent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads one event object in a single streaming pass (Jackson {@link JsonParser}, no tree) into one
 * {@link EventSlots} per dialect, then decides the dialect:
 * <ul>
 *   <li>a {@code winlog} object: {@link Dialect#WINLOGBEAT};</li>
 *   <li>otherwise the dialect with more of its own marker keys: NXLog ({@code EventTime}, {@code Hostname},
 *       {@code EventType}, {@code SeverityValue}, {@code EventID}, {@code SourceName}, {@code RecordNumber},
 *       {@code OpcodeValue}, {@code SourceModuleType}, {@code EventReceivedTime}) or PowerShell ({@code Id},
 *       {@code TimeCreated}, {@code ProviderName}, {@code ProviderId}, {@code LogName}, {@code MachineName},
 *       {@code RecordId}, {@code LevelDisplayName}, {@code KeywordsDisplayNames}, {@code Properties});</li>
 *   <li>neither, or a tie: no dialect (the event is invalid).</li>
 * </ul>
 * NXLog flattens EventData into the top level, so every top-level member that is not an NXLog header field is kept
 * as NXLog event data, in order, including names PowerShell also uses ({@code ProcessId} is event data in a 4624
 * from NXLog and the process id in PowerShell output).
 */
final class WindowsEventReader
{
    final EventSlots winlogbeat = new EventSlots();
    final EventSlots nxlog = new EventSlots();
    final EventSlots powershell = new EventSlots();
    private final WinlogbeatReader winlogReader;
    private boolean winlog;
    private int nxlogMarkers;
    private int powershellMarkers;

    WindowsEventReader(final EventNameTables names)
    {
        this.winlogReader = new WinlogbeatReader(names);
    }

    /**
     * @param p parser on the event's {@code START_OBJECT}; on return it is on the matching {@code END_OBJECT}.
     * @return the dialect, or null when the shape is not recognised.
     * @throws IOException on malformed JSON.
     */
    Dialect read(final JsonParser p) throws IOException
    {
        winlogbeat.reset();
        nxlog.reset();
        powershell.reset();
        winlog = false;
        nxlogMarkers = 0;
        powershellMarkers = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            if (!winlogbeatField(name, p) && !nxlogField(name, p) && !powershellField(name, p) && !sharedField(name, p))
            {
                nxlogEventData(name, p);
            }
        }
        if (winlog)
        {
            return Dialect.WINLOGBEAT;
        }
        if (nxlogMarkers > powershellMarkers)
        {
            return Dialect.NXLOG;
        }
        return powershellMarkers > nxlogMarkers ? Dialect.POWERSHELL : null;
    }

    /**
     * @param dialect a dialect returned by {@link #read}.
     * @return the fields as that dialect named them.
     */
    EventSlots slots(final Dialect dialect)
    {
        return switch (dialect)
        {
            case WINLOGBEAT -> winlogbeat;
            case NXLOG -> nxlog;
            case POWERSHELL -> powershell;
        };
    }

    private boolean winlogbeatField(final String name, final JsonParser p) throws IOException
    {
        switch (name)
        {
            case "winlog" ->
            {
                winlog = true;
                winlogReader.readWinlog(p, winlogbeat);
            }
            case "@timestamp" -> winlogbeat.time = WinlogbeatReader.text(p, winlogbeat, "bad timeCreated");
            case "message" -> winlogbeat.message = WinlogbeatReader.text(p, winlogbeat, "bad message");
            case "log" -> winlogReader.readLog(p, winlogbeat);
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private boolean nxlogField(final String name, final JsonParser p) throws IOException
    {
        final EventSlots s = nxlog;
        switch (name)
        {
            case "EventTime" -> s.time = marker(p, s, "bad timeCreated");
            case "Hostname" -> s.computer = marker(p, s, "bad computer");
            case "EventType" -> s.levelName = marker(p, s, "bad level");
            case "SeverityValue" -> markerNumber(p, s.severityValue);
            case "EventID" -> markerNumber(p, s.eventId);
            case "SourceName" -> s.provider = marker(p, s, "bad provider");
            case "RecordNumber" -> markerNumber(p, s.recordId);
            case "OpcodeValue" -> markerNumber(p, s.opcode);
            case "SourceModuleType", "EventReceivedTime" -> marker(p, s, "bad header");
            case "ProviderGuid" -> s.providerGuid = WinlogbeatReader.text(p, s, "bad providerGuid");
            case "ActivityID" -> s.activityId = WinlogbeatReader.text(p, s, "bad activityId");
            case "ProcessID" -> s.processId.read(p);
            case "ThreadID" -> s.threadId.read(p);
            case "Channel" -> s.channel = WinlogbeatReader.text(p, s, "bad channel");
            case "Category" -> s.taskName = WinlogbeatReader.text(p, s, "bad taskName");
            case "UserID" -> s.user = WinlogbeatReader.text(p, s, "bad user");
            case "Severity", "SourceModuleName", "RelatedActivityID", "AccountType", "Domain", "AccountName" -> p.skipChildren();
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private boolean powershellField(final String name, final JsonParser p) throws IOException
    {
        final EventSlots s = powershell;
        switch (name)
        {
            case "Id" -> psNumber(name, p, s.eventId);
            case "Qualifiers" -> psNumber(name, p, s.qualifiers);
            case "Level" -> psNumber(name, p, s.level);
            case "RecordId" -> psNumber(name, p, s.recordId);
            case "ProcessId" -> psNumber(name, p, s.processId);
            case "ThreadId" -> psNumber(name, p, s.threadId);
            case "TimeCreated" -> s.time = psText(name, p, true);
            case "ProviderName" -> s.provider = psText(name, p, true);
            case "ProviderId" -> s.providerGuid = psText(name, p, true);
            case "LogName" -> s.channel = psText(name, p, true);
            case "MachineName" -> s.computer = psText(name, p, true);
            case "LevelDisplayName" -> psText(name, p, true);
            case "ActivityId" -> s.activityId = psText(name, p, false);
            case "TaskDisplayName" -> s.taskName = psText(name, p, false);
            case "OpcodeDisplayName" -> s.opcodeName = psText(name, p, false);
            case "UserId" -> s.user = p.currentToken() == JsonToken.START_OBJECT ? JsonValues.unwrapped(p) : psText(name, p, false);
            case "KeywordsDisplayNames" ->
            {
                powershellMarkers++;
                p.skipChildren();
            }
            case "Properties" -> readProperties(p, s);
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private boolean sharedField(final String name, final JsonParser p) throws IOException
    {
        switch (name)
        {
            case "Version" -> copyNumber(p, nxlog.version, powershell.version);
            case "Task" -> copyNumber(p, nxlog.task, powershell.task);
            case "Keywords" -> copyNumber(p, nxlog.keywords, powershell.keywords);
            case "Message" ->
            {
                nxlog.message = WinlogbeatReader.text(p, nxlog, "bad message");
                powershell.message = nxlog.message;
            }
            case "Opcode" ->
            {
                if (p.currentToken() == JsonToken.VALUE_STRING)
                {
                    nxlog.opcodeName = p.getText();
                }
                else
                {
                    powershell.opcode.read(p);
                }
            }
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private void nxlogEventData(final String name, final JsonParser p) throws IOException
    {
        if (!nxlog.eventData.add(name, JsonValues.text(p)))
        {
            nxlog.problem("too many eventData entries");
        }
    }

    private String marker(final JsonParser p, final EventSlots s, final String problem) throws IOException
    {
        nxlogMarkers++;
        return WinlogbeatReader.text(p, s, problem);
    }

    private void markerNumber(final JsonParser p, final NumberSlot slot) throws IOException
    {
        nxlogMarkers++;
        slot.read(p);
    }

    /** A PowerShell number; a scalar is also kept as NXLog event data (same name, other meaning there). */
    private void psNumber(final String name, final JsonParser p, final NumberSlot slot) throws IOException
    {
        if (!name.endsWith("Id") || name.equals("Id") || name.equals("RecordId"))
        {
            powershellMarkers++;
        }
        if (p.currentToken().isScalarValue())
        {
            nxlogEventData(name, p);
        }
        slot.read(p);
    }

    private String psText(final String name, final JsonParser p, final boolean isMarker) throws IOException
    {
        if (isMarker)
        {
            powershellMarkers++;
        }
        final boolean scalar = p.currentToken().isScalarValue();
        final String text = WinlogbeatReader.text(p, powershell, "bad " + name);
        if (scalar)
        {
            if (!nxlog.eventData.add(name, p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText()))
            {
                nxlog.problem("too many eventData entries");
            }
        }
        return text;
    }

    private static void copyNumber(final JsonParser p, final NumberSlot first, final NumberSlot second) throws IOException
    {
        first.read(p);
        second.copyFrom(first);
    }

    private void readProperties(final JsonParser p, final EventSlots s) throws IOException
    {
        powershellMarkers++;
        if (p.currentToken() == JsonToken.VALUE_NULL)
        {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY)
        {
            p.skipChildren();
            s.problem("bad Properties");
            return;
        }
        s.eventData.markPresent(true);
        while (p.nextToken() != JsonToken.END_ARRAY)
        {
            if (!s.eventData.add(null, JsonValues.unwrapped(p)))
            {
                s.problem("too many eventData entries");
            }
        }
    }
}
