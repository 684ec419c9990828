package io.nocraven.appliance.health;

/**
 * One health check result.
 *
 * @param name      check name ({@code listener:syslog-udp}, {@code forwarder:kafka}, {@code disk}, {@code memory}...).
 * @param level     {@link Level}.
 * @param value     the measured value (percent, state, ...), as text.
 * @param message   a human explanation.
 * @param readiness whether a failure makes the appliance not ready.
 */
public record HealthCheck(String name, Level level, String value, String message, boolean readiness)
{
    /** Severity. */
    public enum Level
    {
        /** Fine. */
        OK,
        /** Needs attention. */
        WARNING,
        /** Broken or about to break. */
        CRITICAL
    }

    /**
     * @param pct       measured percent (higher is worse).
     * @param warning   warning threshold.
     * @param critical  critical threshold.
     * @return the level.
     */
    public static Level above(final double pct, final int warning, final int critical)
    {
        return pct >= critical ? Level.CRITICAL : pct >= warning ? Level.WARNING : Level.OK;
    }
}
