package io.nocraven.codec.syslog;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

/**
 * Decodes one syslog message (a UDP datagram or one RFC 6587 frame) into a {@code syslog} record, detecting
 * RFC 5424 versus RFC 3164 per message: after the PRI, a VERSION ({@code 1}-{@code 999}) and a space mean
 * RFC 5424; anything else is RFC 3164 and its vendor dialects.
 * <p>
 * Trailing CR, LF and NUL bytes are trimmed first. PRI is {@code <0>}..{@code <191>}; strict mode requires it and
 * rejects leading zeros; lenient mode also accepts leading zeros, leading spaces/CR/LF/NUL/TAB before the message,
 * and a message without PRI (facility 1, severity 5 per RFC 3164 §4.3.3, flagged {@code priMissing}). A message
 * that is empty after trimming is invalid in both modes. In lenient mode an RFC 5424 message that fails even the
 * lenient rules ({@link Rfc5424Parser}) is read as Meraki's format ({@link MerakiDialect}) when it is that, else
 * as RFC 3164, which accepts any text.
 * <p>
 * Invalid input gives an {@code invalid} record with the reason, the 0-based {@code offset} and the 1-based
 * {@code column} of the offending byte. Hand-written over the byte array (no regex, no per-message allocation);
 * no maintained Java parser covers both RFCs, the vendor dialects and column-accurate errors.
 */
public final class SyslogDecoder implements DatagramDecoder
{
    private final DecodeCounters counters = new DecodeCounters();
    private final SyslogMessage msg = new SyslogMessage();
    private final SyslogError err = new SyslogError();
    private final SyslogRecords records = new SyslogRecords();
    private final Rfc5424Parser rfc5424;
    private final Rfc3164Parser rfc3164;
    private final boolean strict;
    private final CodecOptions options;

    /**
     * @param options mode ({@code syslogMode}), zone ({@code timezone}) and year ({@code year}) for RFC 3164.
     */
    public SyslogDecoder(final CodecOptions options)
    {
        this.options = options;
        this.strict = options.syslogMode() == CodecOptions.SyslogMode.STRICT;
        final ZoneOffsets zone = new ZoneOffsets(options.timezone());
        this.rfc5424 = new Rfc5424Parser(zone);
        this.rfc3164 = new Rfc3164Parser(zone, options.year());
    }

    @Override
    public DecodeStatus decode(final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        int end = offset + length;
        while (end > offset && (buf[end - 1] == '\n' || buf[end - 1] == '\r' || buf[end - 1] == 0))
        {
            end--;
        }
        int p = offset;
        if (!strict)
        {
            while (p < end && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r' || buf[p] == '\n' || buf[p] == 0))
            {
                p++;
            }
        }
        msg.reset(buf);
        if (p >= end)
        {
            return invalid(out, context, null, SyslogError.EMPTY_MESSAGE, p, buf, offset, length);
        }
        final int body = pri(buf, p, end);
        if (body < 0)
        {
            return invalid(out, context, null, err.reason, err.offset, buf, offset, length);
        }
        final long received = receivedEpochSecond(context);
        if (!msg.priMissing && Rfc5424Parser.looksLike5424(buf, body, end))
        {
            msg.protocol = Protocol.RFC5424;
            msg.dialect = "rfc5424";
            if (!rfc5424.parse(buf, body, end, strict, msg, err))
            {
                if (strict)
                {
                    return invalid(out, context, Protocol.RFC5424, err.reason, err.offset, buf, offset, length);
                }
                final int facility = msg.facility;
                final int severity = msg.severity;
                msg.reset(buf);
                msg.facility = facility;
                msg.severity = severity;
                if (!MerakiDialect.parse(buf, body, end, msg))
                {
                    rfc3164.parse(buf, body, end, false, received, msg, err);
                }
            }
        }
        else if (!rfc3164.parse(buf, body, end, strict, received, msg, err))
        {
            return invalid(out, context, Protocol.RFC3164, err.reason, err.offset, buf, offset, length);
        }
        records.write(out, context, msg);
        counters.onRecord();
        return DecodeStatus.OK;
    }

    /** Parses PRI at {@code p}; returns the offset after it, or -1 with err set. */
    private int pri(final byte[] buf, final int p, final int end)
    {
        if (buf[p] != '<')
        {
            if (strict)
            {
                return err.fail(SyslogError.INVALID_PRI, p);
            }
            msg.priMissing = true;
            msg.facility = 1;
            msg.severity = 5;
            return p;
        }
        final int de = SyslogBytes.digitRunEnd(buf, p + 1, end);
        final int n = de - p - 1;
        if (n == 0 || n > 3)
        {
            return err.fail(SyslogError.INVALID_PRI, n == 0 ? p + 1 : p + 4);
        }
        if (de >= end || buf[de] != '>')
        {
            return err.fail(SyslogError.INVALID_PRI, de);
        }
        if (strict && n > 1 && buf[p + 1] == '0')
        {
            return err.fail(SyslogError.INVALID_PRI, p + 1);
        }
        final int value = SyslogBytes.digits(buf, p + 1, n, end);
        if (value > 191)
        {
            return err.fail(SyslogError.INVALID_PRI, p + 1);
        }
        msg.facility = value >> 3;
        msg.severity = value & 7;
        return de + 1;
    }

    private long receivedEpochSecond(final RecordContext context)
    {
        final long nanos = context.receivedAtEpochNanos();
        return nanos != 0 ? Math.floorDiv(nanos, 1_000_000_000L) : Math.floorDiv(options.clock().millis(), 1000L);
    }

    private DecodeStatus invalid(
        final RecordWriter out, final RecordContext context, final Protocol protocol, final String reason, final int at,
        final byte[] buf, final int offset, final int length)
    {
        counters.onInvalid(reason);
        SyslogRecords.writeInvalid(out, protocol, context, reason, at - offset, buf, offset, length);
        return DecodeStatus.INVALID;
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }
}
