package io.nocraven.appliance.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.health.HealthCheck;
import io.nocraven.appliance.health.ProcNetUdp;
import io.nocraven.appliance.pipeline.DecodeStage;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.appliance.pipeline.ListenerCounters;
import io.nocraven.appliance.pipeline.QuarantinedInput;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderStatus;
import io.nocraven.appliance.source.Listener;
import io.nocraven.appliance.source.ListenerSet;
import io.nocraven.appliance.source.NettyTransport;
import io.nocraven.appliance.source.TcpListener;
import java.util.HexFormat;
import java.util.List;

/** Builds the JSON documents of {@code /api/v1/status}, {@code /api/v1/health}, ports and quarantine. */
final class StatusView
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatusView()
    {
    }

    static ObjectNode status(final ListenerSet listeners, final IngressRing ring, final DecodeStage stage,
        final List<Forwarder> forwarders, final RateSampler rates, final int top, final long startedAtMillis)
    {
        final ObjectNode root = JSON.objectNode();
        root.put("uptimeSeconds", (System.currentTimeMillis() - startedAtMillis) / 1000);
        root.put("transport", NettyTransport.epoll() ? "epoll" : "nio");
        final ArrayNode ls = root.putArray("listeners");
        for (final ListenerConfig c : listeners.configs().values())
        {
            final ObjectNode n = port(c, listeners.get(c.type()));
            final ListenerCounters k = stage.counters(c.type());
            n.put("received", ring.received(c.type()));
            n.put("receivedBytes", ring.receivedBytes(c.type()));
            n.put("droppedRingFull", ring.dropped(c.type()));
            n.put("droppedTooLarge", ring.tooLarge(c.type()));
            n.put("decoded", k.decoded());
            n.put("records", k.records());
            n.put("quarantined", k.quarantined());
            final ObjectNode failures = n.putObject("decodeFailures");
            stage.decoder(c.type()).counters().failuresByReason().forEach(failures::put);
            if (listeners.get(c.type()) instanceof TcpListener tcp)
            {
                final ObjectNode framing = n.putObject("framingErrors");
                tcp.framingErrors().byReason().forEach(framing::put);
            }
            n.put("inputsPerSecond", rates.inputsPerSecond(c.type()));
            n.put("bytesPerSecond", rates.bytesPerSecond(c.type()));
            final ArrayNode ex = n.putArray("topExporters");
            for (final Object[] e : k.exporters().top(top))
            {
                ex.addObject().put("exporter", (String)e[0]).put("inputs", (Long)e[1]).put("bytes", (Long)e[2]);
            }
            ls.add(n);
        }
        root.putObject("pipeline").put("capacity", ring.capacity()).put("free", ring.remainingCapacity());
        final ArrayNode fs = root.putArray("forwarders");
        for (final Forwarder f : forwarders)
        {
            fs.add(forwarder(f.status()));
        }
        return root;
    }

    static ObjectNode port(final ListenerConfig c, final Listener l)
    {
        final ObjectNode n = JSON.objectNode();
        n.put("name", c.type().configName());
        n.put("protocol", c.type().family().cliName());
        n.put("transport", c.type().transport().name().toLowerCase(java.util.Locale.ROOT));
        n.put("enabled", c.enabled());
        n.put("bind", c.bind());
        n.put("port", c.port());
        n.put("bound", l != null && l.bound());
        n.put("boundPort", l == null ? -1 : l.boundPort());
        n.put("tls", c.tls());
        n.put("warning", l == null ? "" : l.warning());
        if (c.type().transport() == io.nocraven.appliance.config.ListenerType.Transport.UDP && l != null
            && l.bound())
        {
            n.put("kernelDrops", ProcNetUdp.drops(l.boundPort()));
        }
        return n;
    }

    static ObjectNode forwarder(final ForwarderStatus s)
    {
        return JSON.objectNode().put("name", s.name()).put("state", s.state()).put("healthy", s.healthy())
            .put("sent", s.sent()).put("failed", s.failed()).put("dropped", s.dropped()).put("pending", s.pending())
            .put("lastError", s.lastError());
    }

    static ObjectNode health(final List<HealthCheck> checks)
    {
        final ObjectNode root = JSON.objectNode();
        boolean ready = true;
        HealthCheck.Level worst = HealthCheck.Level.OK;
        final ArrayNode arr = JSON.arrayNode();
        for (final HealthCheck c : checks)
        {
            if (c.readiness() && c.level() == HealthCheck.Level.CRITICAL)
            {
                ready = false;
            }
            if (c.level().ordinal() > worst.ordinal())
            {
                worst = c.level();
            }
            arr.addObject().put("name", c.name()).put("level", c.level().name().toLowerCase(java.util.Locale.ROOT))
                .put("value", c.value()).put("message", c.message()).put("readiness", c.readiness());
        }
        root.put("live", true);
        root.put("ready", ready);
        root.put("status", worst.name().toLowerCase(java.util.Locale.ROOT));
        root.set("checks", arr);
        return root;
    }

    static ObjectNode quarantine(final ListenerSet listeners, final DecodeStage stage)
    {
        final ObjectNode root = JSON.objectNode();
        final ArrayNode arr = root.putArray("inputs");
        for (final ListenerConfig c : listeners.configs().values())
        {
            for (final QuarantinedInput q : stage.counters(c.type()).recent())
            {
                arr.addObject().put("listener", q.listener()).put("exporter", q.exporter())
                    .put("receivedAtNanos", q.receivedAtNanos()).put("reason", q.reason())
                    .put("length", q.bytes().length).put("hex", HexFormat.of().formatHex(q.bytes()));
            }
        }
        return root;
    }
}
