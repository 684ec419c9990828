package io.nocraven.codec.syslog;

/**
 * Completes a zone-less {@link LegacyTimestamp} into an ISO-8601 timestamp with offset, in the configured zone
 * ({@code --timezone}, default UTC).
 * <p>
 * Year: the timestamp's own year when it has one; else {@code --year} when set (and the date exists in it); else
 * inferred from the receive time: the latest year that puts the timestamp no more than {@value #FUTURE_DAYS} days
 * after the receive time (both as local times in the configured zone). So a {@code Dec 31} message received on
 * January 1st belongs to the previous year, a {@code Jan 1} message received on December 31st (sender clock a
 * little ahead) to the next year, and {@code Feb 29} to the latest leap year that fits.
 */
final class YearResolver
{
    /** How far in the future of the receive time a timestamp may be before it is taken for the previous year. */
    static final int FUTURE_DAYS = 31;

    private final ZoneOffsets zone;
    private final Integer fixedYear;

    YearResolver(final ZoneOffsets zone, final Integer fixedYear)
    {
        this.zone = zone;
        this.fixedYear = fixedYear;
    }

    /**
     * Writes the completed timestamp into {@code msg.timestamp}.
     *
     * @param ts              the parsed timestamp.
     * @param receivedEpochSec receive time, seconds since the epoch.
     */
    void complete(final LegacyTimestamp ts, final byte[] buf, final long receivedEpochSec, final SyslogMessage msg)
    {
        final long secondOfDay = ts.hour * 3600L + ts.minute * 60L + ts.second;
        long year;
        if (ts.year >= 0)
        {
            year = ts.year;
        }
        else if (fixedYear != null && ts.day <= SyslogBytes.daysInMonth(fixedYear, ts.month))
        {
            year = fixedYear;
        }
        else
        {
            year = infer(ts.month, ts.day, secondOfDay, receivedEpochSec);
        }
        final long local = SyslogBytes.epochDay(year, ts.month, ts.day) * 86_400L + secondOfDay;
        final int offset = ts.utc ? 0 : zone.offsetOfLocal(local);
        msg.timestampLength = TimestampText.write(msg.timestamp, year, ts.month, ts.day, ts.hour, ts.minute, ts.second,
            buf, ts.fracStart, ts.fracLength, offset);
    }

    private long infer(final int month, final int day, final long secondOfDay, final long receivedEpochSec)
    {
        final long receivedLocal = receivedEpochSec + zone.offsetOfInstant(receivedEpochSec);
        final long receivedYear = yearOfEpochDay(Math.floorDiv(receivedLocal, 86_400L));
        final long limit = receivedLocal + FUTURE_DAYS * 86_400L;
        for (long y = receivedYear + 1; y >= receivedYear - 8; y--)
        {
            if (day <= SyslogBytes.daysInMonth(y, month)
                && SyslogBytes.epochDay(y, month, day) * 86_400L + secondOfDay <= limit)
            {
                return y;
            }
        }
        return receivedYear;
    }

    /** The proleptic Gregorian year of a day count since 1970-01-01 (Hinnant's civil_from_days). */
    static long yearOfEpochDay(final long epochDay)
    {
        final long z = epochDay + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long doe = z - era * 146_097L;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        return yoe + era * 400 + (month <= 2 ? 1 : 0);
    }
}
