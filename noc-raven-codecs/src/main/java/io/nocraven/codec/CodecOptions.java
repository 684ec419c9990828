package io.nocraven.codec;

import io.nocraven.codec.flow.InformationElementRegistry;
import io.nocraven.codec.snmp.SnmpUser;
import io.nocraven.codec.syslog.framing.SyslogFramer;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Settings shared by the decoders, built once (from the CLI flags or the appliance configuration). Immutable.
 */
public final class CodecOptions
{
    /** Syslog parsing mode. */
    public enum SyslogMode
    {
        /** Valid RFC 5424, and RFC 3164 only with a valid TIMESTAMP after the PRI; everything else is invalid. */
        STRICT,
        /** Accept the common violations and vendor dialects. */
        LENIENT
    }

    private final SyslogMode syslogMode;
    private final ZoneId timezone;
    private final Integer year;
    private final List<SnmpUser> snmpUsers;
    private final long flowHoldBytes;
    private final long flowHoldMillis;
    private final Clock clock;
    private final int maxFrameBytes;
    private final InformationElementRegistry flowElements;

    private CodecOptions(final Builder b)
    {
        this.syslogMode = b.syslogMode;
        this.timezone = b.timezone;
        this.year = b.year;
        this.snmpUsers = List.copyOf(b.snmpUsers);
        this.flowHoldBytes = b.flowHoldBytes;
        this.flowHoldMillis = b.flowHoldMillis;
        this.clock = b.clock;
        this.maxFrameBytes = b.maxFrameBytes;
        this.flowElements = b.flowElements;
    }

    /**
     * @param other time source for template lifetimes and holding.
     * @return the same settings with another clock (for example the receive time of journaled input).
     */
    public CodecOptions withClock(final Clock other)
    {
        return builder().syslogMode(syslogMode).timezone(timezone).year(year).snmpUsers(snmpUsers)
            .flowHoldBytes(flowHoldBytes).flowHoldMillis(flowHoldMillis).maxFrameBytes(maxFrameBytes)
            .flowElements(flowElements).clock(other).build();
    }

    /**
     * @return a builder with the defaults.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return the defaults.
     */
    public static CodecOptions defaults()
    {
        return builder().build();
    }

    /**
     * @return syslog parsing mode (default lenient).
     */
    public SyslogMode syslogMode()
    {
        return syslogMode;
    }

    /**
     * @return the zone applied to timestamps that carry none (RFC 3164, Windows events); default UTC.
     */
    public ZoneId timezone()
    {
        return timezone;
    }

    /**
     * @return the year for RFC 3164 timestamps, or null to infer it from the receive time.
     */
    public Integer year()
    {
        return year;
    }

    /**
     * @return SNMPv3 users.
     */
    public List<SnmpUser> snmpUsers()
    {
        return snmpUsers;
    }

    /**
     * @return the most bytes of flow data held per exporter while waiting for a template.
     */
    public long flowHoldBytes()
    {
        return flowHoldBytes;
    }

    /**
     * @return how long flow data may wait for its template, in milliseconds.
     */
    public long flowHoldMillis()
    {
        return flowHoldMillis;
    }

    /**
     * @return the clock for template TTLs and holding (injectable for tests).
     */
    public Clock clock()
    {
        return clock;
    }

    /**
     * @return the longest syslog frame a TCP framer accepts (RFC 6587); longer frames are reported and skipped.
     */
    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    /**
     * @return the information elements NetFlow v9 and IPFIX names come from: the bundled IANA and vendor tables, plus
     *     a user mapping file when one was given ({@link InformationElementRegistry#withMappingFile}).
     */
    public InformationElementRegistry flowElements()
    {
        return flowElements;
    }

    /** Builds {@link CodecOptions}. */
    public static final class Builder
    {
        /** The smallest maximum frame length accepted: RFC 5424 §6.1 requires receivers to take 480 octets. */
        public static final int MIN_FRAME_BYTES = 480;

        private SyslogMode syslogMode = SyslogMode.LENIENT;
        private ZoneId timezone = ZoneOffset.UTC;
        private Integer year;
        private List<SnmpUser> snmpUsers = List.of();
        private long flowHoldBytes = 4L * 1024 * 1024;
        private int maxFrameBytes = SyslogFramer.DEFAULT_MAX_FRAME_LENGTH;
        private InformationElementRegistry flowElements = InformationElementRegistry.standard();
        private long flowHoldMillis = 60_000L;
        private Clock clock = Clock.systemUTC();

        private Builder()
        {
        }

        /**
         * @param mode syslog mode.
         * @return this.
         */
        public Builder syslogMode(final SyslogMode mode)
        {
            this.syslogMode = Objects.requireNonNull(mode, "syslogMode");
            return this;
        }

        /**
         * @param zone zone for zone-less timestamps.
         * @return this.
         */
        public Builder timezone(final ZoneId zone)
        {
            this.timezone = Objects.requireNonNull(zone, "timezone");
            return this;
        }

        /**
         * @param year fixed year for RFC 3164 timestamps, or null to infer.
         * @return this.
         */
        public Builder year(final Integer year)
        {
            this.year = year;
            return this;
        }

        /**
         * @param users SNMPv3 users.
         * @return this.
         */
        public Builder snmpUsers(final List<SnmpUser> users)
        {
            this.snmpUsers = Objects.requireNonNull(users, "snmpUsers");
            return this;
        }

        /**
         * @param bytes most bytes held per exporter waiting for templates.
         * @return this.
         */
        public Builder flowHoldBytes(final long bytes)
        {
            this.flowHoldBytes = bytes;
            return this;
        }

        /**
         * @param millis longest wait for a template.
         * @return this.
         */
        public Builder flowHoldMillis(final long millis)
        {
            this.flowHoldMillis = millis;
            return this;
        }

        /**
         * @param bytes longest syslog TCP frame accepted; at least {@value #MIN_FRAME_BYTES} (RFC 5424 §6.1).
         * @return this.
         * @throws IllegalArgumentException when below the minimum.
         */
        public Builder maxFrameBytes(final int bytes)
        {
            if (bytes < MIN_FRAME_BYTES)
            {
                throw new IllegalArgumentException("maxFrameBytes: " + bytes + " (expected at least " + MIN_FRAME_BYTES
                    + ", the size RFC 5424 requires every receiver to accept)");
            }
            this.maxFrameBytes = bytes;
            return this;
        }

        /**
         * @param registry information elements for NetFlow v9/IPFIX names (e.g. the standard registry with a user
         *                 mapping file applied).
         * @return this.
         */
        public Builder flowElements(final InformationElementRegistry registry)
        {
            this.flowElements = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @param clock time source.
         * @return this.
         */
        public Builder clock(final Clock clock)
        {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the options.
         */
        public CodecOptions build()
        {
            return new CodecOptions(this);
        }
    }
}
