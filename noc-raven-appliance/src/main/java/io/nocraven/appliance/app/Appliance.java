package io.nocraven.appliance.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.admin.AdminServer;
import io.nocraven.appliance.admin.AdminToken;
import io.nocraven.appliance.admin.ApplianceControl;
import io.nocraven.appliance.config.ApplianceConfig;
import io.nocraven.appliance.config.ConfigException;
import io.nocraven.appliance.config.ConfigStore;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.health.HealthMonitor;
import io.nocraven.appliance.pipeline.DecodeStage;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.appliance.pipeline.JournalStage;
import io.nocraven.appliance.pipeline.TemplateTracker;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderRunner;
import io.nocraven.appliance.source.BindFailure;
import io.nocraven.appliance.source.ListenerSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running appliance. Start order: data directory and admin token, the durable buffer (recovering its streams),
 * the flow template state (rebuilt from each flow stream's newest segment, given to the decode stage), the pipeline
 * (ring -> journal stage -> decode stage), the forwarders (each a buffer consumer on its own thread,
 * resuming after its last acknowledgement), then the listeners (nothing is received before it can be stored), then
 * the admin API. Stop: listeners close, the ring drains through the journal (which forces the streams), the
 * forwarders stop after their current batch, the buffer closes (checkpoint, unlock), the admin API stops.
 */
public final class Appliance implements ApplianceControl, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);

    private final ConfigStore store;
    private final PrintStream console;
    private volatile ApplianceConfig config;
    private AdminToken token;
    private List<Forwarder> forwarders;
    private DecodeStage stage;
    private JournalStage journal;
    private BufferWiring wiring;
    private IngressRing ring;
    private ListenerSet listeners;
    private HealthMonitor health;
    private RateSampler rates;
    private AdminServer admin;
    private ConfigChanges changes;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "noc-raven-sampler");
        t.setDaemon(true);
        return t;
    });
    private long startedAt;

    /**
     * @param config  the validated configuration.
     * @param store   where configuration changes are persisted.
     * @param console where the generated admin token is shown once.
     */
    public Appliance(final ApplianceConfig config, final ConfigStore store, final PrintStream console)
    {
        this.config = config;
        this.store = store;
        this.console = console;
    }

    /**
     * Starts everything in order.
     *
     * @throws IOException when the data directory or token cannot be set up.
     * @throws BindFailure when a listener or the admin API cannot bind (everything started is stopped again).
     */
    public void start() throws IOException, BindFailure
    {
        startedAt = System.currentTimeMillis();
        Files.createDirectories(config.dataDir());
        token = AdminToken.loadOrCreate(config.dataDir(), config.admin().token(), console);
        forwarders = Forwarders.create(config);
        wiring = new BufferWiring(config);
        journal = new JournalStage(wiring.journals(), wiring.trackers());
        stage = new DecodeStage(config.codec(), wiring.quarantine());
        for (final TemplateTracker tracker : wiring.trackers())
        {
            if (tracker != null)
            {
                stage.restoreTemplates(tracker.type(), tracker.export());
            }
        }
        final int[] maxInput = new int[ListenerType.values().length];
        for (final ListenerType t : ListenerType.values())
        {
            maxInput[t.ordinal()] = config.maxInputBytes(t);
        }
        ring = new IngressRing(config.ringSize(), config.slotBytes(), maxInput, journal, stage);
        wiring.startRunners(forwarders, config);
        listeners = new ListenerSet(ring, config.codec());
        health = new HealthMonitor(listeners, forwarders, ring, config.dataDir(), () -> config.health());
        rates = new RateSampler(ring);
        changes = new ConfigChanges(this, listeners, store);
        try
        {
            listeners.startAll(config.listeners());
            if (config.admin().enabled())
            {
                admin = new AdminServer(config.admin(), this);
                admin.start();
            }
        }
        catch (final BindFailure ex)
        {
            close();
            throw ex;
        }
        sampler.scheduleAtFixedRate(rates::sample, 1, 1, TimeUnit.SECONDS);
        LOG.info("NoC Raven started: data directory {}, admin API {}", config.dataDir().toAbsolutePath(),
            admin == null ? "off" : config.admin().bind() + ":" + admin.boundPort());
    }

    /**
     * @return the admin API's actual port, or -1.
     */
    public int adminPort()
    {
        return admin == null ? -1 : admin.boundPort();
    }

    /**
     * @return the running listeners.
     */
    public ListenerSet listeners()
    {
        return listeners;
    }

    /**
     * @return the current configuration.
     */
    public ApplianceConfig currentConfig()
    {
        return config;
    }

    void replaceConfig(final ApplianceConfig next)
    {
        this.config = next;
    }

    @Override
    public ObjectNode health()
    {
        return StatusView.health(health.check());
    }

    @Override
    public ObjectNode status()
    {
        final ObjectNode status = StatusView.status(listeners, ring, stage, forwarders, rates, config.topExporters(),
            startedAt);
        status.set("buffer", buffer());
        return status;
    }

    @Override
    public String metrics()
    {
        return MetricsView.render(listeners, ring, stage, forwarders, health.check())
            + BufferMetrics.render(wiring.buffer(), wiring.runners())
            + TemplateMetrics.render(wiring.trackers(), stage, wiring.runners());
    }

    @Override
    public ObjectNode config()
    {
        return Secrets.redact(config.tree());
    }

    @Override
    public ObjectNode putConfig(final JsonNode tree) throws ConfigException, BindFailure, IOException
    {
        return changes.put(tree);
    }

    @Override
    public ObjectNode ports()
    {
        return changes.ports();
    }

    @Override
    public ObjectNode changePort(final String listener, final String bind, final Integer port, final Boolean enabled)
        throws ConfigException, BindFailure, IOException
    {
        return changes.changePort(listener, bind, port, enabled);
    }

    @Override
    public ObjectNode buffer()
    {
        return BufferView.render(wiring.buffer(), wiring.runners());
    }

    @Override
    public ObjectNode bufferAction(final String action, final String forwarder, final long fromMs)
        throws ConfigException
    {
        final java.util.List<ForwarderRunner> targets = new java.util.ArrayList<>();
        if (forwarder == null)
        {
            targets.addAll(wiring.runners().values());
        }
        else if (wiring.runners().containsKey(forwarder))
        {
            targets.add(wiring.runners().get(forwarder));
        }
        else
        {
            throw new ConfigException(java.util.List.of("forwarder: value '" + forwarder + "' is invalid (expected one of "
                + wiring.runners().keySet() + ")"));
        }
        for (final ForwarderRunner r : targets)
        {
            switch (action)
            {
                case "pause" -> r.pause();
                case "resume" -> r.resume();
                case "replay" -> r.replayFrom(fromMs);
                case "purge" -> r.purgeBacklog();
                default -> throw new ConfigException(java.util.List.of("action: value '" + action
                    + "' is invalid (expected pause, resume, replay or purge)"));
            }
        }
        return buffer();
    }

    @Override
    public ObjectNode quarantine()
    {
        return StatusView.quarantine(listeners, stage);
    }

    @Override
    public byte[] quarantinePcap()
    {
        return io.nocraven.appliance.panel.QuarantinePcap.write(quarantine(), ports());
    }

    @Override
    public String rotateToken() throws IOException
    {
        return token.rotate();
    }

    @Override
    public AdminToken token()
    {
        return token;
    }

    /** Stops listeners, drains the pipeline, flushes and closes the forwarders, stops the admin API. */
    @Override
    public synchronized void close()
    {
        sampler.shutdownNow();
        if (listeners != null)
        {
            listeners.close();
        }
        if (ring != null)
        {
            journal.stop();
            ring.drainAndStop(30_000);
            ring = null;
        }
        if (wiring != null)
        {
            try
            {
                wiring.close();
            }
            catch (final IOException | RuntimeException ex)
            {
                LOG.error("buffer did not close cleanly: {}", ex.toString());
            }
            wiring = null;
        }
        if (admin != null)
        {
            admin.close();
            admin = null;
        }
    }
}
