package io.nocraven.appliance.health;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import io.nocraven.appliance.config.HealthThresholds;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderStatus;
import io.nocraven.appliance.source.Listener;
import io.nocraven.appliance.source.ListenerSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the health checks: every enabled listener bound, every forwarder delivering, the data directory writable,
 * free disk space on it, heap use, process CPU and open file descriptors against the configured thresholds.
 */
public final class HealthMonitor
{
    private final ListenerSet listeners;
    private final List<Forwarder> forwarders;
    private final IngressRing ring;
    private final Path dataDir;
    private final Supplier<HealthThresholds> thresholds;

    /**
     * @param listeners  running listeners.
     * @param forwarders forwarders.
     * @param ring       the ingest ring.
     * @param dataDir    the data directory.
     * @param thresholds current thresholds.
     */
    public HealthMonitor(final ListenerSet listeners, final List<Forwarder> forwarders, final IngressRing ring,
        final Path dataDir, final Supplier<HealthThresholds> thresholds)
    {
        this.listeners = listeners;
        this.forwarders = forwarders;
        this.ring = ring;
        this.dataDir = dataDir;
        this.thresholds = thresholds;
    }

    /**
     * @return every check, listeners first.
     */
    public List<HealthCheck> check()
    {
        final HealthThresholds t = thresholds.get();
        final List<HealthCheck> out = new ArrayList<>();
        for (final ListenerConfig c : listeners.configs().values())
        {
            if (!c.enabled())
            {
                continue;
            }
            final Listener l = listeners.get(c.type());
            final boolean up = l != null && l.bound();
            final String warn = l == null ? "" : l.warning();
            out.add(new HealthCheck("listener:" + c.type().configName(),
                !up ? HealthCheck.Level.CRITICAL : warn.isEmpty() ? HealthCheck.Level.OK : HealthCheck.Level.WARNING,
                up ? "bound" : "not bound", up ? (warn.isEmpty() ? c.bind() + ":" + l.boundPort() : warn)
                    : "not bound to " + c.bind() + ":" + c.port(), true));
        }
        for (final Forwarder f : forwarders)
        {
            final ForwarderStatus s = f.status();
            out.add(new HealthCheck("forwarder:" + s.name(), s.healthy() ? HealthCheck.Level.OK
                : HealthCheck.Level.WARNING, s.state(), s.lastError(), false));
        }
        final long free = ring.remainingCapacity();
        final double used = 100.0 * (ring.capacity() - free) / ring.capacity();
        out.add(new HealthCheck("pipeline", HealthCheck.above(used, 80, 98), pct(used), "ingest ring fill", true));
        out.add(dataDir());
        out.add(disk(t));
        out.add(memory(t));
        out.addAll(process(t));
        return out;
    }

    private HealthCheck dataDir()
    {
        try
        {
            Files.createDirectories(dataDir);
            final Path probe = Files.createTempFile(dataDir, ".health-", ".probe");
            Files.delete(probe);
            return new HealthCheck("buffer-writable", HealthCheck.Level.OK, "writable", dataDir.toString(), true);
        }
        catch (final IOException | SecurityException ex)
        {
            return new HealthCheck("buffer-writable", HealthCheck.Level.CRITICAL, "not writable",
                dataDir + ": " + ex, true);
        }
    }

    private HealthCheck disk(final HealthThresholds t)
    {
        try
        {
            final FileStore store = Files.getFileStore(dataDir);
            final double freePct = 100.0 * store.getUsableSpace() / Math.max(1, store.getTotalSpace());
            final HealthCheck.Level level = freePct <= t.diskFreeCritical() ? HealthCheck.Level.CRITICAL
                : freePct <= t.diskFreeWarning() ? HealthCheck.Level.WARNING : HealthCheck.Level.OK;
            return new HealthCheck("disk-free", level, pct(freePct), store.getUsableSpace() + " bytes free on "
                + dataDir, false);
        }
        catch (final IOException ex)
        {
            return new HealthCheck("disk-free", HealthCheck.Level.CRITICAL, "unknown", ex.toString(), false);
        }
    }

    private static HealthCheck memory(final HealthThresholds t)
    {
        final MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        final long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        final double usedPct = 100.0 * heap.getUsed() / Math.max(1, max);
        return new HealthCheck("memory", HealthCheck.above(usedPct, t.memoryWarning(), t.memoryCritical()),
            pct(usedPct), heap.getUsed() + " of " + max + " heap bytes used", false);
    }

    private static List<HealthCheck> process(final HealthThresholds t)
    {
        final List<HealthCheck> out = new ArrayList<>();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)
        {
            final double cpu = Math.max(0, os.getProcessCpuLoad()) * 100.0;
            out.add(new HealthCheck("cpu", HealthCheck.above(cpu, t.cpuWarning(), t.cpuCritical()), pct(cpu),
                "process CPU load over " + os.getAvailableProcessors() + " processors", false));
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)
        {
            final long open = unix.getOpenFileDescriptorCount();
            final long max = unix.getMaxFileDescriptorCount();
            final double p = 100.0 * open / Math.max(1, max);
            out.add(new HealthCheck("open-files", HealthCheck.above(p, t.openFilesWarning(), t.openFilesCritical()),
                pct(p), open + " of " + max + " file descriptors", false));
        }
        return out;
    }

    private static String pct(final double v)
    {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    /**
     * @param type a listener type.
     * @return its name for checks.
     */
    static String checkName(final ListenerType type)
    {
        return "listener:" + type.configName();
    }
}
