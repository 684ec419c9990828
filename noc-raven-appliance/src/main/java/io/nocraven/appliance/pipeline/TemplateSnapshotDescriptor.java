package io.nocraven.appliance.pipeline;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;

/**
 * Layout of a template snapshot entry (buffer record type {@link JournalStage#TYPE_TEMPLATES}): the 32-byte
 * {@link JournalEntryDescriptor} header (listener, an all-zero IPv4 exporter with port 0, the snapshot time) and
 * then the templates as UTF-8 JSON in the codecs' {@code noc-raven-flow-templates} format (version 1):
 * <pre>
 * +---------------------------------------------------------------+
 * |  journal header (32 bytes): version 1, listener, 4, 0, 0, 0,  |
 * |  receivedAt = snapshot time (epoch ns), address 0.0.0.0       |
 * +---------------------------------------------------------------+
 * |  {"format":"noc-raven-flow-templates","version":1,            ~
 * ~   "exporters":[{"address","port","domain","templates":[..]}]} |
 * +---------------------------------------------------------------+
 * </pre>
 * The journal stage writes one or more of them at the head of every segment of a flow stream (the exporters are
 * split over several entries when they do not fit in one record); together they hold every live template of the
 * stream at that point. A reader applies them additively (define or redefine), in stream order.
 */
public final class TemplateSnapshotDescriptor
{
    private static final byte[] NO_ADDRESS = new byte[16];

    private TemplateSnapshotDescriptor()
    {
    }

    /**
     * @param listener    the stream's listener.
     * @param epochMillis snapshot time.
     * @param json        templates (codec JSON).
     * @return the entry bytes.
     */
    public static byte[] encode(final ListenerType listener, final long epochMillis, final byte[] json)
    {
        final byte[] entry = new byte[JournalEntryDescriptor.HEADER_LENGTH + json.length];
        final RecordContext context = new RecordContext().set(NO_ADDRESS, 0, 4, 0, listener.configName(),
            epochMillis * 1_000_000L);
        JournalEntryDescriptor.writeHeader(entry, 0, listener, context);
        System.arraycopy(json, 0, entry, JournalEntryDescriptor.HEADER_LENGTH, json.length);
        return entry;
    }

    /**
     * @param entry  entry bytes.
     * @param offset start.
     * @param length length.
     * @return the JSON part.
     * @throws IllegalArgumentException when the entry is shorter than the header.
     */
    public static byte[] json(final byte[] entry, final int offset, final int length)
    {
        if (length < JournalEntryDescriptor.HEADER_LENGTH)
        {
            throw new IllegalArgumentException("template snapshot: length = " + length + " (expected: at least "
                + JournalEntryDescriptor.HEADER_LENGTH + ")");
        }
        return java.util.Arrays.copyOfRange(entry, offset + JournalEntryDescriptor.HEADER_LENGTH, offset + length);
    }
}
