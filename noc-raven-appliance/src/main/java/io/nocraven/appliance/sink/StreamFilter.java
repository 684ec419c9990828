package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ListenerType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which listeners a forwarder takes: the configured names, or all when the list is empty. */
final class StreamFilter
{
    private final Set<ListenerType> streams;

    StreamFilter(final List<String> names)
    {
        if (names.isEmpty())
        {
            streams = EnumSet.allOf(ListenerType.class);
        }
        else
        {
            streams = EnumSet.noneOf(ListenerType.class);
            for (final String n : names)
            {
                streams.add(ListenerType.byConfigName(n));
            }
        }
    }

    boolean accepts(final ListenerType t)
    {
        return streams.contains(t);
    }
}
