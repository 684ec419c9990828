package io.nocraven.buffer.inspect;

import io.nocraven.buffer.Compression;

/**
 * One segment file as the inspector sees it.
 *
 * @param fileName        file name.
 * @param baseSequence    first sequence (from the name).
 * @param storage         NONE, ZSTD or GZIP; null for a quarantined or unreadable file.
 * @param state           {@code active}, {@code sealed}, {@code compressed}, {@code quarantined} or {@code invalid}.
 * @param recordCount     records (sealed: from the header or index; active: counted by a verifying scan).
 * @param bytesOnDisk     file length.
 * @param uncompressed    bytes of records in the segment (up to its end marker or last valid record).
 * @param firstTimestamp  first record timestamp, epoch ms (0 when empty or unknown).
 * @param maxTimestamp    largest timestamp, epoch ms (0 when empty or unknown).
 */
public record SegmentSummary(
    String fileName, long baseSequence, Compression storage, String state, long recordCount, long bytesOnDisk,
    long uncompressed, long firstTimestamp, long maxTimestamp)
{
}
