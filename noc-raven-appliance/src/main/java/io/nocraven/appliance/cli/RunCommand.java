package io.nocraven.appliance.cli;

import io.nocraven.appliance.app.Appliance;
import io.nocraven.appliance.config.ApplianceConfig;
import io.nocraven.appliance.config.ConfigException;
import io.nocraven.appliance.config.ConfigLoader;
import io.nocraven.appliance.config.ConfigStore;
import io.nocraven.appliance.source.BindFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noc-raven run}: starts the appliance on the embedded defaults, overridden by {@code --config},
 * {@code NOCRAVEN_*} variables, {@code --set} and {@code --data-dir}; runs until SIGTERM/SIGINT, then drains the
 * pipeline, flushes the forwarders and exits (the JVM reports 143 = 128 + SIGTERM). Exit codes: 2 invalid configuration, 3 a
 * socket could not be bound, 1 other start failures.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the appliance: listeners -> pipeline -> forwarders, with the admin API and panel.")
public final class RunCommand implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: embedded defaults, "
        + "plus <dataDir>/config.yaml when present).")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (overrides dataDir).")
    private Path dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key, e.g. "
        + "--set listeners.syslog-udp.port=5514 (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Override
    public Integer call()
    {
        final ApplianceConfig cfg;
        try
        {
            cfg = ConfigLoader.load(config, System.getenv(), sets, dataDir);
        }
        catch (final ConfigException ex)
        {
            System.err.println(ex.getMessage());
            return 2;
        }
        final Path target = config != null ? config : cfg.dataDir().resolve(ConfigLoader.PERSISTED_NAME);
        final Appliance appliance = new Appliance(cfg, new ConfigStore(target), System.out);
        try
        {
            appliance.start();
        }
        catch (final BindFailure ex)
        {
            System.err.println("noc-raven: " + ex.getMessage());
            return 3;
        }
        catch (final IOException ex)
        {
            System.err.println("noc-raven: cannot start: " + ex);
            return 1;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            appliance.close();
            stopped.countDown();
        }, "noc-raven-shutdown"));
        try
        {
            stopped.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
