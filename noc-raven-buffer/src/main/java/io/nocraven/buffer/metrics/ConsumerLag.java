package io.nocraven.buffer.metrics;

/**
 * How far one consumer is behind its stream.
 *
 * @param consumer       consumer name.
 * @param ackedSequence  last acknowledged sequence, -1 when none.
 * @param lagRecords     records written but not acknowledged.
 * @param lagBytes       estimated payload bytes not acknowledged (lag records x mean record size).
 * @param lagSeconds     newest timestamp minus the acknowledged record's timestamp, 0 when unknown.
 * @param missedRecords  records removed by retention before this consumer acknowledged them.
 */
public record ConsumerLag(
    String consumer, long ackedSequence, long lagRecords, long lagBytes, double lagSeconds, long missedRecords)
{
}
