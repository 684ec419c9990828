package io.nocraven.appliance.panel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The panel's static files, read from the jar: the panel itself from {@code io/nocraven/appliance/web/} and the
 * chart library from its WebJar ({@code META-INF/resources/webjars/uplot/<version>/}), whose version is read from
 * the WebJar's own {@code pom.properties} so the URL {@code /vendor/uplot/...} does not change with the version.
 * Paths are checked before any lookup: only {@code [A-Za-z0-9._/-]} segments, no {@code ..}.
 */
final class StaticAssets
{
    /** URL prefix of the panel files. */
    static final String PANEL_PREFIX = "/panel/";
    /** URL prefix of the chart library. */
    static final String UPLOT_PREFIX = "/vendor/uplot/";

    private static final String WEB_ROOT = "io/nocraven/appliance/web/";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "svg", "image/svg+xml",
        "png", "image/png",
        "json", "application/json");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final String uplotRoot;

    StaticAssets()
    {
        this.uplotRoot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/";
    }

    /**
     * @param path request path.
     * @return the classpath resource name for it, or null when the path is not a panel asset.
     */
    String resourceFor(final String path)
    {
        if ("/".equals(path) || "/panel".equals(path) || "/panel/".equals(path))
        {
            return WEB_ROOT + "index.html";
        }
        if (path.startsWith(PANEL_PREFIX) && safe(path.substring(PANEL_PREFIX.length())))
        {
            return WEB_ROOT + path.substring(PANEL_PREFIX.length());
        }
        if (path.startsWith(UPLOT_PREFIX) && safe(path.substring(UPLOT_PREFIX.length())))
        {
            return uplotRoot + path.substring(UPLOT_PREFIX.length());
        }
        return null;
    }

    /**
     * @param resource classpath resource name.
     * @return its bytes, or null when there is no such resource.
     */
    byte[] read(final String resource)
    {
        final byte[] hit = cache.get(resource);
        if (hit != null)
        {
            return hit;
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource))
        {
            if (in == null)
            {
                return null;
            }
            final byte[] bytes = in.readAllBytes();
            cache.put(resource, bytes);
            return bytes;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    static String contentType(final String resource)
    {
        final int dot = resource.lastIndexOf('.');
        final String ext = dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static boolean safe(final String rest)
    {
        if (rest.isEmpty() || rest.startsWith("/") || rest.contains("..") || rest.contains("//"))
        {
            return false;
        }
        for (int i = 0; i < rest.length(); i++)
        {
            final char c = rest.charAt(i);
            final boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '/';
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static String uplotVersion()
    {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(UPLOT_POM))
        {
            if (in == null)
            {
                throw new IllegalStateException(UPLOT_POM + " missing: the uplot WebJar is not on the class path");
            }
            final Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + UPLOT_POM, ex);
        }
    }
}
