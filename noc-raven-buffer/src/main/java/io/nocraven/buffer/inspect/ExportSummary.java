package io.nocraven.buffer.inspect;

/**
 * What {@link BufferInspector#export} delivered.
 *
 * @param delivered     records handed to the handler (in the requested range).
 * @param missedRecords records the reader had to skip: gaps left by eviction or quarantine, and the rest of a sealed
 *                      segment after an invalid record.
 * @param nextSequence  the sequence after the last one read (where reading stopped).
 */
public record ExportSummary(long delivered, long missedRecords, long nextSequence)
{
}
