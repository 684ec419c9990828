package io.nocraven.codec.syslog;

/**
 * Where and why parsing failed: a short stable reason (the {@code invalid} record's {@code reason} and the counter
 * label) and the 0-based offset of the offending byte in the message. Reused; parsers set it and return a
 * failure value.
 */
final class SyslogError
{
    static final String INVALID_PRI = "invalid pri";
    static final String INVALID_VERSION = "invalid version";
    static final String INVALID_TIMESTAMP = "invalid timestamp";
    static final String INVALID_HOSTNAME = "invalid hostname";
    static final String INVALID_APP_NAME = "invalid app-name";
    static final String INVALID_PROCID = "invalid procid";
    static final String INVALID_MSGID = "invalid msgid";
    static final String INVALID_STRUCTURED_DATA = "invalid structured data";
    static final String DUPLICATE_SD_ID = "duplicate sd-id";
    static final String INVALID_UTF8 = "invalid utf-8 after bom";
    static final String EMPTY_MESSAGE = "empty message";
    static final String TOO_MANY_FIELDS = "too many fields";

    String reason;
    int offset;

    /**
     * Records a failure.
     *
     * @return -1, so that parsers can {@code return error.fail(...)}.
     */
    int fail(final String why, final int at)
    {
        reason = why;
        offset = at;
        return -1;
    }
}
