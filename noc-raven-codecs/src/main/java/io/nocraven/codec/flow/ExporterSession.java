package io.nocraven.codec.flow;

import java.util.ArrayDeque;

/**
 * The state of one exporter + observation domain (IPFIX) or source id (NetFlow v9): its templates, what its
 * options data said about sampling and system start time, sequence tracking and the packets held for templates.
 * Created on first contact; template lookups by id go through a two-level array (no hashing, no boxing).
 */
public final class ExporterSession implements TemplateLookup
{
    private static final int MAX_SAMPLERS = 256;

    final ExporterKey key;
    private final Template[][] pages = new Template[256][];
    private final ArrayDeque<Template> order = new ArrayDeque<>();
    private final ArrayDeque<HeldPacket> held = new ArrayDeque<>();
    private final long[] samplerIds = new long[MAX_SAMPLERS];
    private final long[] samplerIntervals = new long[MAX_SAMPLERS];
    private int samplerCount;
    private int templateCount;
    private long heldBytes;
    private long samplingInterval = -1;
    private long systemInitMillis = -1;
    private long expectedSequence = -1;
    long lastSeenMillis;
    private final TemplateCache cache;

    ExporterSession(final ExporterKey key, final TemplateCache cache)
    {
        this.key = key;
        this.cache = cache;
    }

    /**
     * @param templateId an id.
     * @return the live template (expired ones are dropped here), or null.
     */
    @Override
    public Template find(final int templateId)
    {
        final Template[] page = pages[(templateId >>> 8) & 0xFF];
        if (page == null)
        {
            return null;
        }
        final Template t = page[templateId & 0xFF];
        if (t != null && cache.isExpired(t))
        {
            remove(templateId);
            cache.onExpired(this);
            return null;
        }
        return t;
    }

    Template get(final int templateId)
    {
        final Template[] page = pages[(templateId >>> 8) & 0xFF];
        return page == null ? null : page[templateId & 0xFF];
    }

    void put(final Template t)
    {
        Template[] page = pages[(t.id() >>> 8) & 0xFF];
        if (page == null)
        {
            page = new Template[256];
            pages[(t.id() >>> 8) & 0xFF] = page;
        }
        if (page[t.id() & 0xFF] == null)
        {
            templateCount++;
        }
        page[t.id() & 0xFF] = t;
        order.addLast(t);
        if (order.size() > 2 * templateCount + 64)
        {
            order.removeIf(x -> get(x.id()) != x);
        }
    }

    Template remove(final int templateId)
    {
        final Template[] page = pages[(templateId >>> 8) & 0xFF];
        if (page == null || page[templateId & 0xFF] == null)
        {
            return null;
        }
        final Template t = page[templateId & 0xFF];
        page[templateId & 0xFF] = null;
        templateCount--;
        return t;
    }

    /** @return the oldest live template, removed, or null. */
    Template removeOldest()
    {
        while (!order.isEmpty())
        {
            final Template t = order.pollFirst();
            if (get(t.id()) == t)
            {
                remove(t.id());
                return t;
            }
        }
        return null;
    }

    /** @return number of live templates (expired ones included until looked up). */
    public int templateCount()
    {
        return templateCount;
    }

    /** @return every template, oldest first (for export). */
    java.util.List<Template> templates()
    {
        final java.util.List<Template> list = new java.util.ArrayList<>();
        for (final Template t : order)
        {
            if (get(t.id()) == t && !list.contains(t))
            {
                list.add(t);
            }
        }
        return list;
    }

    /** @return the exporter key. */
    public ExporterKey key()
    {
        return key;
    }

    /** @return the packets held for templates, oldest first. */
    public ArrayDeque<HeldPacket> held()
    {
        return held;
    }

    /** @return bytes held. */
    public long heldBytes()
    {
        return heldBytes;
    }

    /**
     * @param delta bytes added (positive) or released (negative).
     */
    public void addHeldBytes(final long delta)
    {
        heldBytes += delta;
    }

    /**
     * @param samplerId a sampler (v9 FLOW_SAMPLER_ID / IPFIX selectorId), or -1 for the exporter-wide value.
     * @param interval  1 in {@code interval} packets.
     */
    public void setSamplingInterval(final long samplerId, final long interval)
    {
        if (samplerId < 0)
        {
            samplingInterval = interval;
            return;
        }
        for (int i = 0; i < samplerCount; i++)
        {
            if (samplerIds[i] == samplerId)
            {
                samplerIntervals[i] = interval;
                return;
            }
        }
        if (samplerCount < MAX_SAMPLERS)
        {
            samplerIds[samplerCount] = samplerId;
            samplerIntervals[samplerCount++] = interval;
        }
    }

    /**
     * @param samplerId a sampler id, or -1 for the exporter-wide value.
     * @return the sampling interval, or -1 when unknown.
     */
    public long samplingInterval(final long samplerId)
    {
        for (int i = 0; samplerId >= 0 && i < samplerCount; i++)
        {
            if (samplerIds[i] == samplerId)
            {
                return samplerIntervals[i];
            }
        }
        return samplingInterval;
    }

    /** @return the exporter's systemInitTimeMilliseconds from options data, or -1. */
    public long systemInitMillis()
    {
        return systemInitMillis;
    }

    /** @param millis systemInitTimeMilliseconds. */
    public void systemInitMillis(final long millis)
    {
        this.systemInitMillis = millis;
    }

    /**
     * @param sequence the received sequence number (unsigned 32-bit).
     * @return how many were missed since the previous packet (0 = in order or nothing expected; negative: late or
     * repeated).
     */
    public long sequenceGap(final long sequence)
    {
        return expectedSequence < 0 ? 0 : (int)(sequence - expectedSequence);
    }

    /**
     * @param next the sequence number expected next (unsigned 32-bit, wrapped here), or -1 when unknown.
     */
    public void expectNext(final long next)
    {
        expectedSequence = next < 0 ? -1 : next & 0xFFFFFFFFL;
    }

    /** @return the sequence number expected next, or -1. */
    public long expectedSequence()
    {
        return expectedSequence;
    }
}
