package io.nocraven.codec.winevent;

import java.util.List;

/**
 * What became of one HTTP body of Windows events, in a form the HTTP layer maps straight to a status code.
 * <p>
 * HTTP mapping ({@link #httpStatus()}):
 * <table>
 * <caption>outcome to HTTP status</caption>
 * <tr><th>outcome</th><th>status</th><th>meaning</th></tr>
 * <tr><td>{@link Outcome#ACCEPTED}, {@code accepted > 0} or nothing rejected</td><td>202</td>
 *     <td>the body was well-formed; {@code accepted} events were written, {@code rejected} were written as
 *     {@code invalid} records (see {@link #rejections()})</td></tr>
 * <tr><td>{@link Outcome#ACCEPTED}, {@code accepted == 0} and {@code rejected > 0}</td><td>422</td>
 *     <td>well-formed JSON but not one event could be used</td></tr>
 * <tr><td>{@link Outcome#MALFORMED}</td><td>400</td><td>not JSON, truncated JSON, trailing data, bad gzip or bad
 *     UTF-16: nothing from the body was written except one {@code invalid} record</td></tr>
 * <tr><td>{@link Outcome#TOO_LARGE}</td><td>413</td><td>a size or count limit of {@link WindowsEventLimits}</td></tr>
 * <tr><td>{@link Outcome#UNSUPPORTED}</td><td>415</td><td>a Content-Type, charset or Content-Encoding that is
 *     not accepted</td></tr>
 * </table>
 * Authentication (the bearer token, 401) is the HTTP layer's job and happens before the body is decoded.
 *
 * @param outcome    what happened to the body as a whole.
 * @param accepted   events written as {@code windows-event} records.
 * @param rejected   events written as {@code invalid} records (always 0 unless {@code outcome} is ACCEPTED).
 * @param reason     why the body was refused (null when ACCEPTED): short, stable text.
 * @param offset     byte offset where the body was refused (in the decoded body for JSON errors), -1 when ACCEPTED.
 * @param rejections the first {@link #MAX_REJECTIONS} rejected events, in body order.
 */
public record IngestResult(Outcome outcome, int accepted, int rejected, String reason, long offset, List<Rejection> rejections)
{
    /** The most rejections listed one by one; {@link #rejected()} still counts them all. */
    public static final int MAX_REJECTIONS = 100;

    /**
     * @param outcome    what happened.
     * @param accepted   events written.
     * @param rejected   events rejected.
     * @param reason     why refused, or null.
     * @param offset     where refused, or -1.
     * @param rejections rejected events (copied).
     */
    public IngestResult
    {
        rejections = List.copyOf(rejections);
    }

    /**
     * A body refused as a whole.
     *
     * @param outcome MALFORMED, TOO_LARGE or UNSUPPORTED.
     * @param reason  why.
     * @param offset  where.
     * @return the result.
     */
    public static IngestResult refused(final Outcome outcome, final String reason, final long offset)
    {
        return new IngestResult(outcome, 0, 0, reason, offset, List.of());
    }

    /**
     * @return the HTTP status the appliance answers with (see the class javadoc).
     */
    public int httpStatus()
    {
        if (outcome == Outcome.ACCEPTED && accepted == 0 && rejected > 0)
        {
            return 422;
        }
        return outcome.httpStatus();
    }

    /** What happened to a body as a whole. */
    public enum Outcome
    {
        /** Well-formed; each event accepted or rejected on its own. HTTP 202 (or 422 when none was usable). */
        ACCEPTED(202),
        /** Not usable as JSON. HTTP 400. */
        MALFORMED(400),
        /** Over a limit. HTTP 413. */
        TOO_LARGE(413),
        /** Media type, charset or content coding not accepted. HTTP 415. */
        UNSUPPORTED(415);

        private final int httpStatus;

        Outcome(final int httpStatus)
        {
            this.httpStatus = httpStatus;
        }

        /**
         * @return the HTTP status for this outcome.
         */
        public int httpStatus()
        {
            return httpStatus;
        }
    }

    /**
     * One rejected event.
     *
     * @param index  its position in the body (0-based: array element or non-blank NDJSON line).
     * @param offset byte offset in the decoded body where it starts (or where its JSON broke).
     * @param reason why, as in its {@code invalid} record.
     */
    public record Rejection(int index, long offset, String reason)
    {
    }
}
