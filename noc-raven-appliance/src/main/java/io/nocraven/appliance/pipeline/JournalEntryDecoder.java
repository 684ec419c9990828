package io.nocraven.appliance.pipeline;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.Decoders;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

/**
 * Decodes journaled inputs ({@link JournalEntryDescriptor} entries read back from a buffer stream) into records:
 * the header gives the listener and the envelope, the listener's decoder decodes the payload. One instance per
 * stream being read, holding one stateful decoder per listener, so NetFlow v9/IPFIX templates carry from entry to
 * entry. Used by the forwarders ({@code ForwarderRunner}) and by {@code noc-raven buffer export}. Single-threaded.
 */
public final class JournalEntryDecoder
{
    /** {@code invalid} reason of an entry whose header cannot be read (short, unknown version or listener). */
    public static final String UNREADABLE_ENTRY = "unreadable journal entry";
    /** {@code invalid} reason of a buffer record whose type is not {@link JournalStage#TYPE_INPUT}. */
    public static final String UNKNOWN_ENTRY_TYPE = "unknown journal entry type";
    /** Reason of the invalid record written for a template snapshot entry that cannot be read. */
    public static final String BAD_TEMPLATE_SNAPSHOT = "bad template snapshot";

    private static final byte[] NO_ADDRESS = new byte[4];

    private final DatagramDecoder[] decoders = new DatagramDecoder[ListenerType.values().length];
    private final RecordContext context = new RecordContext();
    private final ReceiveTimeClock clock = new ReceiveTimeClock();
    private final CodecOptions options;

    /**
     * @param options decoder options; template lifetimes are judged on each entry's receive time, not the wall clock.
     */
    public JournalEntryDecoder(final CodecOptions options)
    {
        this.options = options.withClock(clock);
        for (final ListenerType t : ListenerType.values())
        {
            decoders[t.ordinal()] = Decoders.create(t.family(), this.options);
        }
    }

    /**
     * Replaces a listener's decoder with a fresh one (no templates), before its state is rebuilt from the stream.
     *
     * @param type the listener.
     */
    public void reset(final ListenerType type)
    {
        decoders[type.ordinal()] = Decoders.create(type.family(), options);
    }

    /**
     * @param type a listener.
     * @return its current decoder (for template counters).
     */
    public DatagramDecoder decoder(final ListenerType type)
    {
        return decoders[type.ordinal()];
    }

    /**
     * Restores a flow decoder's templates from a template snapshot entry whose header {@link #readHeader} has just
     * read.
     *
     * @param type   the listener returned by {@link #readHeader}.
     * @param buf    the entry.
     * @param offset where the entry (its header) starts.
     * @param length the entry's length.
     * @throws IllegalArgumentException when the snapshot cannot be read.
     */
    public void applySnapshot(final ListenerType type, final byte[] buf, final int offset, final int length)
    {
        clock.set(context.receivedAtEpochNanos() / 1_000_000L);
        FlowTemplates.restore(decoders[type.ordinal()], TemplateSnapshotDescriptor.json(buf, offset, length));
    }

    /**
     * Reads an entry's header into {@link #context()}.
     *
     * @param buf    the entry.
     * @param offset where it starts.
     * @param length its length.
     * @return the listener that received it, or null when the header is unreadable.
     */
    public ListenerType readHeader(final byte[] buf, final int offset, final int length)
    {
        return JournalEntryDescriptor.readHeader(buf, offset, length, context);
    }

    /**
     * Decodes the payload of an entry whose header {@link #readHeader} has just read.
     *
     * @param type   the listener returned by {@link #readHeader}.
     * @param buf    the entry.
     * @param offset where the entry (its header) starts.
     * @param length the entry's length.
     * @param out    where records go.
     * @return the decoder's status.
     */
    public DecodeStatus decodePayload(final ListenerType type, final byte[] buf, final int offset, final int length,
        final RecordWriter out)
    {
        clock.set(context.receivedAtEpochNanos() / 1_000_000L);
        return decoders[type.ordinal()].decode(context, buf, offset + JournalEntryDescriptor.HEADER_LENGTH,
            length - JournalEntryDescriptor.HEADER_LENGTH, out);
    }

    /**
     * Decodes one buffer record. A template snapshot ({@link JournalStage#TYPE_TEMPLATES}) restores the flow decoder's
     * templates and writes nothing. Nothing is dropped: a record of another type or with an unreadable header comes out
     * as one {@code invalid} record (protocol null, exporter {@code 0.0.0.0:0}, listener = the stream's name,
     * receivedAt = the buffer timestamp, hex = the whole entry).
     *
     * @param recordType  the buffer record's type.
     * @param timestampMs the buffer record's timestamp, epoch ms.
     * @param stream      the stream's name (listener of an unreadable entry).
     * @param buf         the entry.
     * @param offset      where it starts.
     * @param length      its length.
     * @param out         where records go.
     * @return the decoder's status, or {@link DecodeStatus#INVALID} for an unreadable entry.
     */
    public DecodeStatus decode(final int recordType, final long timestampMs, final String stream, final byte[] buf,
        final int offset, final int length, final RecordWriter out)
    {
        if (recordType == JournalStage.TYPE_TEMPLATES)
        {
            final ListenerType owner = readHeader(buf, offset, length);
            if (owner != null && FlowTemplates.hasTemplates(owner.family()))
            {
                try
                {
                    // Decoder state, not telemetry: restore it so the entries that follow decode even when the
                    // segment that carried the templates is gone. No record is written for it.
                    applySnapshot(owner, buf, offset, length);
                    return DecodeStatus.OK;
                }
                catch (final IllegalArgumentException ex)
                {
                    context.set(NO_ADDRESS, 0, 4, 0, stream, timestampMs * 1_000_000L);
                    InvalidRecords.write(out, null, context, BAD_TEMPLATE_SNAPSHOT, 0, buf, offset, length);
                    return DecodeStatus.INVALID;
                }
            }
        }
        final ListenerType type = recordType == JournalStage.TYPE_INPUT ? readHeader(buf, offset, length) : null;
        if (type == null)
        {
            context.set(NO_ADDRESS, 0, 4, 0, stream, timestampMs * 1_000_000L);
            InvalidRecords.write(out, null, context, recordType == JournalStage.TYPE_INPUT ? UNREADABLE_ENTRY :
                UNKNOWN_ENTRY_TYPE, 0, buf, offset, length);
            return DecodeStatus.INVALID;
        }
        return decodePayload(type, buf, offset, length, out);
    }

    /**
     * Writes what the decoders still hold (data whose template never came) at the end of the input.
     *
     * @param out where records go.
     */
    public void finish(final RecordWriter out)
    {
        for (final DatagramDecoder d : decoders)
        {
            d.finish(out);
        }
    }

    /**
     * @return the envelope of the entry last read.
     */
    public RecordContext context()
    {
        return context;
    }
}
