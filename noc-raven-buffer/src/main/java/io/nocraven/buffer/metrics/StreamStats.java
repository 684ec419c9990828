package io.nocraven.buffer.metrics;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one stream for export (admin API, Prometheus).
 *
 * @param stream             stream name.
 * @param recordsIn          records appended since open.
 * @param bytesIn            payload bytes appended since open.
 * @param recordsOnDisk      records retained.
 * @param bytesOnDisk        bytes of segment files on disk.
 * @param segments           segment files.
 * @param oldestTimestamp    first timestamp of the oldest segment, epoch ms (0 when empty).
 * @param newestTimestamp    largest timestamp written, epoch ms (0 when empty).
 * @param compressionRatio   uncompressed / compressed bytes over the compressed segments (1.0 when none).
 * @param drops              dropped records by {@link DropReason#metricName()}.
 * @param consumers          per consumer lag.
 * @param ingestBytesPerSec  recent ingest rate (payload bytes per second).
 * @param quotaSecondsLeft   seconds until the quota (or total cap) is full at that rate; -1 when unbounded.
 * @param writtenSequence    highest written sequence.
 * @param durableSequence    highest durable sequence.
 */
public record StreamStats(
    String stream, long recordsIn, long bytesIn, long recordsOnDisk, long bytesOnDisk, int segments,
    long oldestTimestamp, long newestTimestamp, double compressionRatio, Map<String, Long> drops,
    List<ConsumerLag> consumers, double ingestBytesPerSec, double quotaSecondsLeft, long writtenSequence,
    long durableSequence)
{
}
