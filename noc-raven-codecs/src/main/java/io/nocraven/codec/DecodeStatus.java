package io.nocraven.codec;

/**
 * What a decoder did with one datagram or frame. Decoders never throw on wire bytes: they return one of these.
 */
public enum DecodeStatus
{
    /** Decoded; zero or more records were written. */
    OK,
    /** Kept by the decoder (for example data waiting for its template); records may come later. */
    HELD,
    /** Undecodable: one {@code invalid} record was written with the reason and offset. */
    INVALID
}
