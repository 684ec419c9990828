package io.nocraven.buffer.journal;

/**
 * Told when a stream starts a new segment, before the record that needed the room is appended, so the writer can
 * put records at the head of every segment (for example the state a reader needs to interpret the rest of the
 * segment, which keeps each segment self-sufficient once retention has removed the older ones).
 * <p>
 * Called on the writer thread from inside {@link StreamJournal#append}; the listener may call
 * {@link StreamJournal#append} itself, for at most {@code budgetBytes} of payload in total (more is refused with
 * {@link AppendStatus#TOO_LARGE} so the pending record always fits). It is not called again for the segments those
 * appends would start.
 */
@FunctionalInterface
public interface SegmentStartListener
{
    /**
     * @param journal      the stream.
     * @param baseSequence the new segment's first sequence.
     * @param budgetBytes  payload bytes the listener may append into this segment.
     */
    void onSegmentStart(StreamJournal journal, long baseSequence, int budgetBytes);
}
