package io.nocraven.appliance.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ApplianceConfig;
import io.nocraven.appliance.config.ConfigBinder;
import io.nocraven.appliance.config.ConfigException;
import io.nocraven.appliance.config.ConfigStore;
import io.nocraven.appliance.config.ConfigTree;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.config.PortConflicts;
import io.nocraven.appliance.source.BindFailure;
import io.nocraven.appliance.source.Listener;
import io.nocraven.appliance.source.ListenerSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Applies configuration changes at run time: validate the whole new configuration, rebind the listeners whose
 * address or enabled flag changed (each with rollback; a failure undoes the listeners already changed), persist
 * atomically, then swap the configuration. Keys that only take effect at start (forwarders, pipeline, admin) are
 * persisted and reported as {@code restartRequired}.
 */
final class ConfigChanges
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Appliance appliance;
    private final ListenerSet listeners;
    private final ConfigStore store;

    ConfigChanges(final Appliance appliance, final ListenerSet listeners, final ConfigStore store)
    {
        this.appliance = appliance;
        this.listeners = listeners;
        this.store = store;
    }

    synchronized ObjectNode put(final JsonNode body) throws ConfigException, BindFailure, IOException
    {
        if (body == null || !body.isObject())
        {
            throw new ConfigException(List.of("body: expected a configuration mapping (YAML or JSON object)"));
        }
        final ObjectNode tree = ConfigTree.defaults();
        ConfigTree.merge(tree, body);
        Secrets.restore(tree, appliance.currentConfig().tree());
        return apply(ConfigBinder.bind(tree));
    }

    synchronized ObjectNode changePort(final String name, final String bind, final Integer port,
        final Boolean enabled) throws ConfigException, BindFailure, IOException
    {
        final ListenerType type = ListenerType.byConfigName(name);
        if (type == null)
        {
            throw new ConfigException(List.of("listener: value '" + name + "' is invalid (expected one of "
                + String.join(", ", names()) + ")"));
        }
        final ObjectNode tree = appliance.currentConfig().tree().deepCopy();
        final String p = "listeners." + name + '.';
        if (bind != null)
        {
            ConfigTree.set(tree, p + "bind", JSON.textNode(bind));
        }
        if (port != null)
        {
            ConfigTree.set(tree, p + "port", JSON.numberNode(port));
        }
        if (enabled != null)
        {
            ConfigTree.set(tree, p + "enabled", JSON.booleanNode(enabled));
        }
        apply(ConfigBinder.bind(tree));
        return ports();
    }

    /**
     * Configured ports can be 0 (ephemeral) and SO_REUSEPORT sockets can share a port, so the conflict check also
     * looks at the ports the other listeners and the admin API are actually bound to.
     */
    private void checkBoundPorts(final ListenerConfig want) throws ConfigException
    {
        if (!want.enabled() || want.port() == 0)
        {
            return;
        }
        for (final ListenerType other : ListenerType.values())
        {
            final Listener l = listeners.get(other);
            if (other != want.type() && l != null && l.bound() && other.transport() == want.type().transport()
                && l.boundPort() == want.port() && PortConflicts.overlap(l.config().bind(), want.bind()))
            {
                throw new ConfigException(List.of(want.keyPrefix() + ".port: value '" + want.port() + "' is invalid "
                    + "(expected a port not already used by " + l.config().keyPrefix() + " on " + other.transport() + ")"));
            }
        }
        if (want.type().transport() == ListenerType.Transport.TCP && appliance.adminPort() == want.port()
            && PortConflicts.overlap(appliance.currentConfig().admin().bind(), want.bind()))
        {
            throw new ConfigException(List.of(want.keyPrefix() + ".port: value '" + want.port() + "' is invalid "
                + "(expected a port not already used by admin.port)"));
        }
    }

    private ObjectNode apply(final ApplianceConfig next) throws ConfigException, BindFailure, IOException
    {
        final ApplianceConfig current = appliance.currentConfig();
        for (final ListenerType t : ListenerType.values())
        {
            if (!Objects.equals(listeners.config(t), next.listener(t)))
            {
                checkBoundPorts(next.listener(t));
            }
        }
        final List<ListenerConfig> done = new ArrayList<>();
        final ArrayNode applied = JSON.arrayNode();
        for (final ListenerType t : ListenerType.values())
        {
            final ListenerConfig now = listeners.config(t);
            final ListenerConfig want = next.listener(t);
            if (!Objects.equals(now, want))
            {
                try
                {
                    listeners.apply(want);
                }
                catch (final BindFailure ex)
                {
                    rollback(done);
                    throw ex;
                }
                done.add(now);
                applied.add(want.keyPrefix());
            }
        }
        store.save(next.tree());
        appliance.replaceConfig(next);
        final ObjectNode result = JSON.objectNode();
        result.set("applied", applied);
        final ArrayNode restart = result.putArray("restartRequired");
        for (final String key : changedKeys(current.tree(), next.tree()))
        {
            if (!key.startsWith("listeners.") && !key.startsWith("health.") && !key.startsWith("status."))
            {
                restart.add(key);
            }
        }
        result.put("persistedTo", store.target().toString());
        return result;
    }

    private void rollback(final List<ListenerConfig> done)
    {
        for (final ListenerConfig previous : done)
        {
            try
            {
                listeners.apply(previous);
            }
            catch (final BindFailure ex)
            {
                org.slf4j.LoggerFactory.getLogger(ConfigChanges.class).error("rollback of {} failed: {}",
                    previous.keyPrefix(), ex.getMessage());
            }
        }
    }

    ObjectNode ports()
    {
        final ObjectNode root = JSON.objectNode();
        final ArrayNode arr = root.putArray("listeners");
        for (final ListenerConfig c : listeners.configs().values())
        {
            arr.add(StatusView.port(c, listeners.get(c.type())));
        }
        final ApplianceConfig cfg = appliance.currentConfig();
        root.putObject("admin").put("bind", cfg.admin().bind()).put("port", cfg.admin().port())
            .put("boundPort", appliance.adminPort());
        return root;
    }

    private static List<String> names()
    {
        final List<String> out = new ArrayList<>();
        for (final ListenerType t : ListenerType.values())
        {
            out.add(t.configName());
        }
        return out;
    }

    private static TreeSet<String> changedKeys(final ObjectNode a, final ObjectNode b)
    {
        final Map<String, JsonNode> la = ConfigTree.leaves(a);
        final Map<String, JsonNode> lb = ConfigTree.leaves(b);
        final TreeSet<String> keys = new TreeSet<>();
        for (final Map.Entry<String, JsonNode> e : lb.entrySet())
        {
            if (!e.getValue().equals(la.get(e.getKey())))
            {
                keys.add(e.getKey());
            }
        }
        return keys;
    }
}
