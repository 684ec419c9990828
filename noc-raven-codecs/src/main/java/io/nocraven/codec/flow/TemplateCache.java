package io.nocraven.codec.flow;

import io.nocraven.core.record.RecordContext;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates of every exporter, keyed by exporter address + port + observation domain / source id + template id,
 * bounded per exporter and in total (the oldest template goes first, counted), with a lifetime measured on an
 * injectable {@link Clock}. One per decoder; single-threaded.
 * <p>
 * The per-packet path ({@link #session}) compares against the last exporter seen and otherwise probes a hash map
 * with a reused key, so a steady stream allocates nothing.
 */
public final class TemplateCache
{
    private final FlowCacheLimits limits;
    private final Clock clock;
    private final FlowCounters counters;
    private final LinkedHashMap<ExporterKey, ExporterSession> sessions = new LinkedHashMap<>(64, 0.75f, true);
    private final ArrayDeque<Object[]> globalOrder = new ArrayDeque<>();
    private final ExporterKey probe = new ExporterKey();
    private ExporterSession last;
    private int totalTemplates;
    private long now;

    /**
     * @param limits   bounds.
     * @param clock    time source for lifetimes.
     * @param counters where evictions and expiries are counted.
     */
    public TemplateCache(final FlowCacheLimits limits, final Clock clock, final FlowCounters counters)
    {
        this.limits = limits;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Reads the clock once per packet; lifetimes are judged against this value.
     *
     * @return the current time in epoch millis.
     */
    public long tick()
    {
        now = clock.millis();
        return now;
    }

    /** @return the time of the last {@link #tick()}. */
    public long now()
    {
        return now;
    }

    /**
     * @param context  the envelope (exporter address and port).
     * @param domainId observation domain id or source id.
     * @return the session, created on first contact (the least recently seen one is dropped beyond the bound).
     */
    public ExporterSession session(final RecordContext context, final long domainId)
    {
        if (last != null && last.key.matches(context, domainId))
        {
            last.lastSeenMillis = now;
            return last;
        }
        ExporterSession s = sessions.get(probe.set(context, domainId));
        if (s == null)
        {
            s = new ExporterSession(probe.copy(), this);
            sessions.put(s.key, s);
        }
        s.lastSeenMillis = now;
        last = s;
        return s;
    }

    /**
     * @return the least recently seen exporter (never the current one) when more exporters than the bound are
     * tracked, else null; the caller flushes its held packets and then calls {@link #dropExporter}.
     */
    public ExporterSession exporterOverLimit()
    {
        if (sessions.size() <= limits.maxExporters())
        {
            return null;
        }
        for (final ExporterSession s : sessions.values())
        {
            if (s != last)
            {
                return s;
            }
        }
        return null;
    }

    /**
     * @param s an exporter to forget (its templates are dropped, counted as evicted).
     */
    public void dropExporter(final ExporterSession s)
    {
        sessions.remove(s.key);
        while (s.removeOldest() != null)
        {
            totalTemplates--;
            counters.onTemplateEvicted();
        }
        if (last == s)
        {
            last = null;
        }
        counters.onExporterEvicted();
    }

    /**
     * Defines or redefines a template; a re-sent identical template only restarts its lifetime.
     *
     * @param s the exporter.
     * @param t the template.
     */
    public void define(final ExporterSession s, final Template t)
    {
        final Template old = s.get(t.id());
        if (old != null && old.sameLayout(t))
        {
            old.refresh(t.definedAtMillis());
            return;
        }
        if (old == null)
        {
            totalTemplates++;
        }
        s.put(t);
        globalOrder.addLast(new Object[] {s, t});
        counters.onTemplateDefined();
        while (s.templateCount() > limits.maxTemplatesPerExporter())
        {
            if (s.removeOldest() == null)
            {
                break;
            }
            totalTemplates--;
            counters.onTemplateEvicted();
        }
        while (totalTemplates > limits.maxTemplatesTotal() && !globalOrder.isEmpty())
        {
            final Object[] e = globalOrder.pollFirst();
            final ExporterSession es = (ExporterSession)e[0];
            final Template et = (Template)e[1];
            if (es.get(et.id()) == et)
            {
                es.remove(et.id());
                totalTemplates--;
                counters.onTemplateEvicted();
            }
        }
        if (globalOrder.size() > 2 * totalTemplates + 64)
        {
            globalOrder.removeIf(e -> ((ExporterSession)e[0]).get(((Template)e[1]).id()) != e[1]);
        }
    }

    /**
     * @param s          the exporter.
     * @param templateId the template to withdraw.
     * @return true when it existed.
     */
    public boolean withdraw(final ExporterSession s, final int templateId)
    {
        if (s.remove(templateId) != null)
        {
            totalTemplates--;
            counters.onTemplatesWithdrawn(1);
            return true;
        }
        return false;
    }

    /**
     * Withdraws every template (or every options template) of an exporter.
     *
     * @param s       the exporter.
     * @param options true: options templates only; false: data templates only.
     */
    public void withdrawAll(final ExporterSession s, final boolean options)
    {
        for (final Template t : s.templates())
        {
            if (t.isOptions() == options)
            {
                withdraw(s, t.id());
            }
        }
    }

    boolean isExpired(final Template t)
    {
        return limits.templateTtlMillis() > 0 && now - t.definedAtMillis() > limits.templateTtlMillis();
    }

    void onExpired(final ExporterSession s)
    {
        totalTemplates--;
        counters.onTemplateExpired();
    }

    /** @return templates held in total. */
    public int totalTemplates()
    {
        return totalTemplates;
    }

    /** @return every exporter session (for export and end of input). */
    public Collection<ExporterSession> sessions()
    {
        return sessions.values();
    }

    /** @return a snapshot of every (session, live templates) pair, oldest first. */
    public Map<ExporterSession, List<Template>> snapshot()
    {
        final Map<ExporterSession, List<Template>> map = new LinkedHashMap<>();
        for (final ExporterSession s : new ArrayList<>(sessions.values()))
        {
            map.put(s, s.templates());
        }
        return map;
    }

    /**
     * Finds or creates a session from stored state (restore).
     *
     * @param address exporter address (4 or 16 bytes).
     * @param port    exporter port.
     * @param domain  observation domain / source id.
     * @return the session.
     */
    public ExporterSession restoreSession(final byte[] address, final int port, final long domain)
    {
        final ExporterKey key = new ExporterKey().set(address, port, domain);
        return sessions.computeIfAbsent(key, k -> new ExporterSession(k, this));
    }
}
