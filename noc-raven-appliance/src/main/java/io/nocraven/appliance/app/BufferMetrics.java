package io.nocraven.appliance.app;

import io.nocraven.appliance.sink.ForwarderRunner;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.metrics.StreamStats;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text for the durable buffer: per stream size, records, written and durable sequences, drops by reason;
 * per forwarder lag.
 */
final class BufferMetrics
{
    private BufferMetrics()
    {
    }

    static String render(final DurableBuffer buffer, final Map<String, ForwarderRunner> runners)
    {
        final List<StreamStats> stats = buffer.stats();
        final StringBuilder sb = new StringBuilder(4096);
        gauge(sb, "noc_raven_buffer_bytes_on_disk", "gauge", "bytes the stream keeps on disk");
        stats.forEach(s -> line(sb, "noc_raven_buffer_bytes_on_disk", s.stream(), s.bytesOnDisk()));
        gauge(sb, "noc_raven_buffer_records_on_disk", "gauge", "records the stream keeps");
        stats.forEach(s -> line(sb, "noc_raven_buffer_records_on_disk", s.stream(), s.recordsOnDisk()));
        gauge(sb, "noc_raven_buffer_records_in_total", "counter", "records appended since start");
        stats.forEach(s -> line(sb, "noc_raven_buffer_records_in_total", s.stream(), s.recordsIn()));
        gauge(sb, "noc_raven_buffer_written_sequence", "gauge",
            "sequence of the newest record written to the stream (-1 when none since the stream was created)");
        stats.forEach(s -> line(sb, "noc_raven_buffer_written_sequence", s.stream(), s.writtenSequence()));
        gauge(sb, "noc_raven_buffer_durable_sequence", "gauge",
            "sequence of the newest record forced to disk (fsync); records up to it survive a crash");
        stats.forEach(s -> line(sb, "noc_raven_buffer_durable_sequence", s.stream(), s.durableSequence()));
        gauge(sb, "noc_raven_buffer_oldest_timestamp_seconds", "gauge", "time of the oldest record kept");
        stats.forEach(s -> line(sb, "noc_raven_buffer_oldest_timestamp_seconds", s.stream(), s.oldestTimestamp() / 1000));
        gauge(sb, "noc_raven_buffer_dropped_total", "counter", "records dropped by the buffer, by reason");
        for (final StreamStats s : stats)
        {
            s.drops().forEach((reason, n) -> sb.append("noc_raven_buffer_dropped_total{stream=\"").append(s.stream())
                .append("\",reason=\"").append(MetricsView.escape(reason)).append("\"} ").append(n).append('\n'));
        }
        gauge(sb, "noc_raven_forwarder_lag_records", "gauge", "buffered records not yet delivered by the forwarder");
        runners.forEach((name, r) -> sb.append("noc_raven_forwarder_lag_records{forwarder=\"").append(name)
            .append("\"} ").append(r.lag()).append('\n'));
        gauge(sb, "noc_raven_forwarder_faults_total", "counter",
            "batches not acknowledged because the forwarder threw (retried after backoff)");
        runners.forEach((name, r) -> sb.append("noc_raven_forwarder_faults_total{forwarder=\"").append(name)
            .append("\"} ").append(r.faults()).append('\n'));
        gauge(sb, "noc_raven_forwarder_unreadable_entries_total", "counter",
            "journal entries skipped by the forwarder because their header could not be read");
        runners.forEach((name, r) -> sb.append("noc_raven_forwarder_unreadable_entries_total{forwarder=\"")
            .append(name).append("\"} ").append(r.unreadableEntries()).append('\n'));
        return sb.toString();
    }

    private static void gauge(final StringBuilder sb, final String name, final String type, final String help)
    {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(final StringBuilder sb, final String name, final String stream, final long value)
    {
        sb.append(name).append("{stream=\"").append(stream).append("\"} ").append(value).append('\n');
    }
}
