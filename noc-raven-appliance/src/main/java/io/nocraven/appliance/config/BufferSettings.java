package io.nocraven.appliance.config;

import java.nio.file.Path;

/**
 * The durable buffer ({@code buffer.*}): one stream per listener plus {@code quarantine}, all under one directory.
 *
 * @param directory        buffer directory.
 * @param totalCapBytes    bytes all streams may keep together, 0 = no cap.
 * @param minFreeBytes     free space to leave on the file system.
 * @param segmentBytes     bytes per segment file.
 * @param streamQuotaBytes bytes each stream may keep, 0 = no quota.
 * @param maxAgeHours      records older than this are removed, 0 = no limit.
 * @param durability       {@code page_cache}, {@code periodic} or {@code group_commit}.
 * @param flushIntervalMs  fsync period for {@code periodic}.
 * @param compression      {@code zstd}, {@code gzip} or {@code none} for sealed segments.
 * @param overflowPolicy   {@code drop_oldest}, {@code drop_newest} or {@code block}.
 */
public record BufferSettings(Path directory, long totalCapBytes, long minFreeBytes, int segmentBytes,
    long streamQuotaBytes, long maxAgeHours, String durability, long flushIntervalMs, String compression,
    String overflowPolicy)
{
    static BufferSettings bind(final ConfigReader r, final Path dataDir)
    {
        final String dir = r.text("buffer.directory");
        final int segment = (int)r.integer("buffer.segmentBytes", 1 << 20, 1 << 30);
        if (segment % 4096 != 0)
        {
            r.error("buffer.segmentBytes", segment, "a multiple of 4096");
        }
        final long quota = r.integer("buffer.streamQuotaBytes", 0, Long.MAX_VALUE);
        if (quota != 0 && quota < 2L * segment)
        {
            r.error("buffer.streamQuotaBytes", quota, "0 (no quota) or at least two segments (" + 2L * segment + ")");
        }
        return new BufferSettings(dir.isEmpty() ? dataDir.resolve("buffer") : Path.of(dir),
            r.integer("buffer.totalCapBytes", 0, Long.MAX_VALUE), r.integer("buffer.minFreeBytes", 0, Long.MAX_VALUE),
            segment, quota, r.integer("buffer.maxAgeHours", 0, 24L * 3660),
            r.oneOf("buffer.durability", "periodic", "page_cache", "group_commit"),
            r.integer("buffer.flushIntervalMs", 1, 3_600_000), r.oneOf("buffer.compression", "zstd", "gzip", "none"),
            r.oneOf("buffer.overflowPolicy", "drop_oldest", "drop_newest", "block"));
    }
}
