/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai;

import java.time.Instant;

/**
 * A position in a list of records sorted by datestamp, then handle: the last record a page showed. The next page
 * starts after it, so a page costs the same at any depth and records changed during a harvest are neither skipped
 * nor repeated out of order (a changed record moves to the end, where the harvest will meet it again).
 *
 * @param datestamp the last record's datestamp, to the millisecond
 * @param handle    the last record's handle
 */
public record Keyset(Instant datestamp, String handle) {
}
