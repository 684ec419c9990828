package io.nocraven.appliance.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time arguments of {@code noc-raven buffer export --from/--to}: an ISO-8601 instant
 * ({@code 2026-12-01T10:00:00Z}), a date-time with an offset ({@code 2026-12-01T11:00:00+01:00}), or a duration
 * before now: {@code -2h}, {@code -30m}, {@code -45s}, {@code -7d}, {@code -500ms}, or ISO {@code -PT1H30M}.
 */
final class TimeArgument
{
    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,12})(ms|s|m|h|d|w)");

    private TimeArgument()
    {
    }

    /**
     * @param option the option's name, for the error message.
     * @param text   the argument.
     * @param now    the present.
     * @return the instant.
     * @throws IllegalArgumentException naming the option, the value and what is expected.
     */
    static Instant parse(final String option, final String text, final Instant now)
    {
        final String t = text.trim();
        final Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
        try
        {
            if (m.matches())
            {
                final long n = Long.parseLong(m.group(1));
                final Duration d = switch (m.group(2))
                {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                };
                return now.minus(d);
            }
            if (t.startsWith("-P") || t.startsWith("-p"))
            {
                return now.minus(Duration.parse(t.substring(1)));
            }
            if (t.endsWith("Z") || t.endsWith("z"))
            {
                return Instant.parse(t.toUpperCase(Locale.ROOT));
            }
            return OffsetDateTime.parse(t).toInstant();
        }
        catch (final DateTimeException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a time (expected: an ISO-8601 instant "
                + "like 2026-12-01T10:00:00Z or 2026-12-01T11:00:00+01:00, or a duration before now like -2h, -30m, "
                + "-7d, -PT1H30M)", ex);
        }
    }
}
