package io.nocraven.buffer.inspect;

/**
 * Result of verifying every record's CRC in one segment.
 *
 * @param fileName     file name.
 * @param validRecords records that verified.
 * @param ok           true when the segment ends properly (end marker, or zero-filled space after the last record
 *                     of the active segment).
 * @param detail       what was found when not ok (offset and kind of damage), empty when ok.
 */
public record SegmentVerification(String fileName, long validRecords, boolean ok, String detail)
{
}
