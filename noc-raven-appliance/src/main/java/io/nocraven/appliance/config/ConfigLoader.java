package io.nocraven.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the configuration from its layers, later layers winning: embedded defaults, the config file,
 * {@code NOCRAVEN_*} environment variables, {@code --set key=value} options and finally {@code --data-dir}.
 * When no file is given, {@code <dataDir>/config.yaml} is read if it exists (the admin API persists there).
 */
public final class ConfigLoader
{
    /** The file written by the admin API when no config file was given. */
    public static final String PERSISTED_NAME = "config.yaml";

    private ConfigLoader()
    {
    }

    /**
     * @param file    config file, or null.
     * @param env     the environment.
     * @param sets    {@code key=value} overrides.
     * @param dataDir data directory override, or null.
     * @return the validated configuration.
     * @throws ConfigException listing every problem.
     */
    public static ApplianceConfig load(final Path file, final Map<String, String> env, final List<String> sets,
        final Path dataDir) throws ConfigException
    {
        return ConfigBinder.bind(merge(file, env, sets, dataDir));
    }

    /**
     * @param file    config file, or null.
     * @param env     the environment.
     * @param sets    {@code key=value} overrides.
     * @param dataDir data directory override, or null.
     * @return the merged tree, not yet validated.
     * @throws ConfigException when the file cannot be read or a {@code --set} has no '='.
     */
    public static ObjectNode merge(final Path file, final Map<String, String> env, final List<String> sets,
        final Path dataDir) throws ConfigException
    {
        final List<String> errors = new ArrayList<>();
        final ObjectNode tree = ConfigTree.defaults();
        final List<String> overrides = new ArrayList<>();
        for (final String s : sets)
        {
            final int eq = s.indexOf('=');
            if (eq <= 0)
            {
                errors.add("--set: value '" + s + "' is invalid (expected dotted.key=value)");
            }
            else
            {
                overrides.add(s);
            }
        }
        Path source = file;
        if (source == null)
        {
            final Path dir = dataDir != null ? dataDir : dataDirHint(env, overrides);
            final Path persisted = dir.resolve(PERSISTED_NAME);
            source = Files.isRegularFile(persisted) ? persisted : null;
        }
        if (source != null)
        {
            readFile(source, tree, errors);
        }
        for (final String key : ConfigTree.leaves(ConfigTree.defaults()).keySet())
        {
            final String v = env.get(ConfigTree.envName(key));
            if (v != null)
            {
                ConfigTree.set(tree, key, ConfigTree.parseValue(v));
            }
        }
        for (final String s : overrides)
        {
            final int eq = s.indexOf('=');
            ConfigTree.set(tree, s.substring(0, eq).trim(), ConfigTree.parseValue(s.substring(eq + 1)));
        }
        if (dataDir != null)
        {
            tree.put("dataDir", dataDir.toString());
        }
        if (!errors.isEmpty())
        {
            throw new ConfigException(errors);
        }
        return tree;
    }

    private static void readFile(final Path source, final ObjectNode tree, final List<String> errors)
    {
        try
        {
            final JsonNode fromFile = ConfigTree.YAML.readTree(source.toFile());
            if (fromFile != null && fromFile.isObject())
            {
                ConfigTree.merge(tree, fromFile);
            }
            else if (fromFile != null && !fromFile.isMissingNode() && !fromFile.isNull())
            {
                errors.add("config file " + source + ": expected a YAML mapping at the top level");
            }
        }
        catch (final IOException ex)
        {
            errors.add("config file " + source + ": cannot be read (" + ex.getMessage().lines().findFirst().orElse("")
                + ")");
        }
    }

    private static Path dataDirHint(final Map<String, String> env, final List<String> overrides)
    {
        String dir = env.getOrDefault(ConfigTree.envName("dataDir"), "./noc-raven-data");
        for (final String s : overrides)
        {
            if (s.startsWith("dataDir="))
            {
                dir = s.substring("dataDir=".length());
            }
        }
        return Path.of(dir);
    }
}
