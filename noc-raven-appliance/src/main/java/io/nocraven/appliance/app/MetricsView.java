package io.nocraven.appliance.app;

import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.health.HealthCheck;
import io.nocraven.appliance.health.ProcNetUdp;
import io.nocraven.appliance.pipeline.DecodeStage;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderStatus;
import io.nocraven.appliance.source.Listener;
import io.nocraven.appliance.source.ListenerSet;
import io.nocraven.appliance.source.TcpListener;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text exposition (format 0.0.4) of the appliance's counters: {@code noc_raven_} prefix, base units,
 * {@code _total} for counters, labels {@code listener}, {@code forwarder}, {@code check}, {@code reason}.
 */
final class MetricsView
{
    private final StringBuilder sb = new StringBuilder(8192);

    private MetricsView()
    {
    }

    static String render(final ListenerSet listeners, final IngressRing ring, final DecodeStage stage,
        final List<Forwarder> forwarders, final List<HealthCheck> checks)
    {
        final MetricsView m = new MetricsView();
        final Map<ListenerType, ListenerConfig> configs = listeners.configs();
        m.help("noc_raven_listener_up", "gauge", "1 when the listener is bound");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_up", "listener", t, bound(listeners.get(t)) ? 1 : 0));
        m.help("noc_raven_listener_received_total", "counter", "datagrams or frames accepted into the pipeline");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_received_total", "listener", t, ring.received(t)));
        m.help("noc_raven_listener_received_bytes_total", "counter", "bytes accepted into the pipeline");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_received_bytes_total", "listener", t,
            ring.receivedBytes(t)));
        m.help("noc_raven_listener_dropped_total", "counter", "inputs dropped because the ingest ring was full");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_dropped_total", "listener", t, ring.dropped(t)));
        m.help("noc_raven_listener_too_large_total", "counter",
            "inputs refused whole because they exceed the listener's largest input (never truncated)");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_too_large_total", "listener", t, ring.tooLarge(t)));
        m.help("noc_raven_listener_records_total", "counter", "records decoded (all kinds)");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_records_total", "listener", t,
            stage.counters(t).records()));
        m.help("noc_raven_listener_quarantined_total", "counter", "undecodable inputs");
        configs.forEach((t, c) -> m.sample("noc_raven_listener_quarantined_total", "listener", t,
            stage.counters(t).quarantined()));
        m.help("noc_raven_decode_failures_total", "counter", "undecodable inputs by reason");
        configs.forEach((t, c) -> stage.decoder(t).counters().failuresByReason().forEach((reason, n) ->
            m.sb.append("noc_raven_decode_failures_total{listener=\"").append(t.configName()).append("\",reason=\"")
                .append(escape(reason)).append("\"} ").append(n).append('\n')));
        m.help("noc_raven_listener_framing_errors_total", "counter", "runs of TCP bytes skipped because they could not "
            + "be framed, by reason");
        configs.forEach((t, c) ->
        {
            if (listeners.get(t) instanceof TcpListener tcp)
            {
                tcp.framingErrors().byReason().forEach((reason, n) -> m.sb.append(
                    "noc_raven_listener_framing_errors_total{listener=\"").append(t.configName()).append("\",reason=\"")
                    .append(escape(reason)).append("\"} ").append(n).append('\n'));
            }
        });
        m.help("noc_raven_listener_kernel_drops_total", "counter", "datagrams dropped by the kernel (/proc/net/udp)");
        configs.forEach((t, c) ->
        {
            final Listener l = listeners.get(t);
            if (t.transport() == ListenerType.Transport.UDP && bound(l))
            {
                final long d = ProcNetUdp.drops(l.boundPort());
                if (d >= 0)
                {
                    m.sample("noc_raven_listener_kernel_drops_total", "listener", t, d);
                }
            }
        });
        m.help("noc_raven_pipeline_ring_free_slots", "gauge", "free slots in the ingest ring");
        m.sb.append("noc_raven_pipeline_ring_free_slots ").append(ring.remainingCapacity()).append('\n');
        forwarderMetrics(m, forwarders);
        m.help("noc_raven_health_level", "gauge", "0 ok, 1 warning, 2 critical");
        for (final HealthCheck c : checks)
        {
            m.sb.append("noc_raven_health_level{check=\"").append(escape(c.name())).append("\"} ")
                .append(c.level().ordinal()).append('\n');
        }
        return m.sb.toString();
    }

    private static void forwarderMetrics(final MetricsView m, final List<Forwarder> forwarders)
    {
        final ForwarderStatus[] s = forwarders.stream().map(Forwarder::status).toArray(ForwarderStatus[]::new);
        m.help("noc_raven_forwarder_up", "gauge", "1 while the forwarder can deliver");
        for (final ForwarderStatus f : s)
        {
            m.fsample("noc_raven_forwarder_up", f.name(), f.healthy() ? 1 : 0);
        }
        m.help("noc_raven_forwarder_sent_total", "counter", "records or datagrams delivered");
        for (final ForwarderStatus f : s)
        {
            m.fsample("noc_raven_forwarder_sent_total", f.name(), f.sent());
        }
        m.help("noc_raven_forwarder_failed_total", "counter", "deliveries that failed");
        for (final ForwarderStatus f : s)
        {
            m.fsample("noc_raven_forwarder_failed_total", f.name(), f.failed());
        }
        m.help("noc_raven_forwarder_dropped_total", "counter", "inputs not delivered (rate limit, target down)");
        for (final ForwarderStatus f : s)
        {
            m.fsample("noc_raven_forwarder_dropped_total", f.name(), f.dropped());
        }
        m.help("noc_raven_forwarder_pending", "gauge", "deliveries in flight");
        for (final ForwarderStatus f : s)
        {
            m.fsample("noc_raven_forwarder_pending", f.name(), f.pending());
        }
    }

    private static boolean bound(final Listener l)
    {
        return l != null && l.bound();
    }

    private void help(final String name, final String type, final String help)
    {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(final String name, final String label, final ListenerType t, final long value)
    {
        sb.append(name).append('{').append(label).append("=\"").append(t.configName()).append("\"} ").append(value)
            .append('\n');
    }

    private void fsample(final String name, final String forwarder, final long value)
    {
        sb.append(name).append("{forwarder=\"").append(forwarder).append("\"} ").append(value).append('\n');
    }

    static String escape(final String v)
    {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
