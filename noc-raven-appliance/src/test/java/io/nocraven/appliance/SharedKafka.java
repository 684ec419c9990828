package io.nocraven.appliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving test classes ONE real Kafka broker ({@link EmbeddedKafka}) for the whole test run: started
 * on first use, stored in the root context and stopped when the run ends. Inject it as an {@link EmbeddedKafka}
 * parameter; each class keeps its records apart with its own topics ({@link #topicSets}).
 */
final class SharedKafka implements ParameterResolver
{
    /** Record kinds, one topic each (docs/configuration.md, {@code forwarders.kafka.topics.<kind>}). */
    static final List<String> KINDS = List.of("flow", "options", "counters", "syslog", "snmp-trap", "windows-event",
        "invalid");

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context)
    {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context)
    {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedKafka.class))
            .getOrComputeIfAbsent("broker", k -> Running.start(), Running.class).kafka;
    }

    /**
     * @param kafka  the broker.
     * @param prefix the class's topic prefix.
     * @return the {@code --set} lines that enable the Kafka forwarder with topics {@code <prefix>.<kind>}.
     */
    static List<String> topicSets(final EmbeddedKafka kafka, final String prefix)
    {
        final List<String> sets = new ArrayList<>();
        sets.add("forwarders.kafka.enabled=true");
        sets.add("forwarders.kafka.bootstrapServers=" + kafka.bootstrap());
        sets.add("forwarders.kafka.lingerMs=5");
        for (final String kind : KINDS)
        {
            sets.add("forwarders.kafka.topics." + kind + "=" + prefix + "." + kind);
        }
        return sets;
    }

    /** The running broker and its directory, closed by JUnit at the end of the run. */
    static final class Running implements AutoCloseable
    {
        final EmbeddedKafka kafka;
        final Path dir;

        private Running(final EmbeddedKafka kafka, final Path dir)
        {
            this.kafka = kafka;
            this.dir = dir;
        }

        static Running start()
        {
            try
            {
                final Path dir = Files.createTempDirectory("noc-raven-kafka");
                final EmbeddedKafka kafka = new EmbeddedKafka(dir);
                kafka.start();
                return new Running(kafka, dir);
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("cannot start the shared test broker", ex);
            }
        }

        @Override
        public void close() throws IOException
        {
            kafka.close();
            try (Stream<Path> files = Files.walk(dir))
            {
                for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
