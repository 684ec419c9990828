package io.nocraven.buffer.inspect;

/**
 * A consumer cursor as stored.
 *
 * @param consumer       consumer name.
 * @param ackedSequence  last acknowledged sequence (-1 none).
 * @param ackedTimestamp its timestamp, epoch ms (0 unknown).
 * @param generation     checkpoint generation (0 when no valid slot).
 */
public record CursorSummary(String consumer, long ackedSequence, long ackedTimestamp, long generation)
{
}
