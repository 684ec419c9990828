package io.nocraven.appliance.app;

import io.nocraven.appliance.pipeline.DecodeStage;
import io.nocraven.appliance.pipeline.TemplateTracker;
import io.nocraven.appliance.sink.ForwarderRunner;
import io.nocraven.codec.flow.FlowCounters;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Prometheus text for the durable flow template state: per flow stream the templates restored at start, written
 * into segment-head snapshots, live, and expired (in the decode stage); per forwarder the snapshots it applied and
 * the entries it read to rebuild its decoders.
 */
final class TemplateMetrics
{
    private TemplateMetrics()
    {
    }

    static String render(final TemplateTracker[] trackers, final DecodeStage stage,
        final Map<String, ForwarderRunner> runners)
    {
        final StringBuilder sb = new StringBuilder(2048);
        stream(sb, trackers, "noc_raven_templates_restored_total", "counter",
            "flow templates rebuilt from the stream at start (before the listeners opened)", TemplateTracker::templatesRestored);
        stream(sb, trackers, "noc_raven_templates_persisted_total", "counter",
            "flow templates written into segment-head snapshot entries", TemplateTracker::templatesPersisted);
        stream(sb, trackers, "noc_raven_template_snapshots_total", "counter",
            "template snapshot entries written at segment heads", TemplateTracker::snapshotEntries);
        stream(sb, trackers, "noc_raven_template_snapshots_incomplete_total", "counter",
            "segment-head template snapshots that could not be written completely", TemplateTracker::snapshotsIncomplete);
        stream(sb, trackers, "noc_raven_templates_live", "gauge",
            "flow templates live at the last snapshot or start", t -> t.liveTemplates());
        stream(sb, trackers, "noc_raven_templates_expired_total", "counter",
            "flow templates that expired without a refresh (decode stage)", t ->
            {
                final FlowCounters c = io.nocraven.appliance.pipeline.FlowTemplates.counters(stage.decoder(t.type()));
                return c == null ? 0 : c.templatesExpired();
            });
        header(sb, "noc_raven_forwarder_template_snapshots_applied_total", "counter",
            "template snapshot entries applied by the forwarder's flow decoders");
        runners.forEach((name, r) -> sb.append("noc_raven_forwarder_template_snapshots_applied_total{forwarder=\"")
            .append(name).append("\"} ").append(r.snapshotsApplied()).append('\n'));
        header(sb, "noc_raven_forwarder_template_primed_entries_total", "counter",
            "entries read to rebuild the forwarder's flow decoder state (start, replay, purge, rewind)");
        runners.forEach((name, r) -> sb.append("noc_raven_forwarder_template_primed_entries_total{forwarder=\"")
            .append(name).append("\"} ").append(r.primedEntries()).append('\n'));
        return sb.toString();
    }

    private static void stream(final StringBuilder sb, final TemplateTracker[] trackers, final String name,
        final String type, final String help, final ToLongFunction<TemplateTracker> value)
    {
        header(sb, name, type, help);
        for (final TemplateTracker t : trackers)
        {
            if (t != null)
            {
                sb.append(name).append("{stream=\"").append(t.type().configName()).append("\"} ")
                    .append(value.applyAsLong(t)).append('\n');
            }
        }
    }

    private static void header(final StringBuilder sb, final String name, final String type, final String help)
    {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
