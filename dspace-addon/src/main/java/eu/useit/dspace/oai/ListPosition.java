/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

/**
 * Where the page a list request asks for starts: after the last record of the previous page, with the number of
 * records the list sent before it. Read from the request's resumption token before the page is read, and handed
 * to what reads the page ({@link UseitItemRepository}) and to what writes the response's cursor
 * ({@link TokenCursor}).
 *
 * @param after  the last record of the previous page, or null for the first page
 * @param cursor the number of records of the list sent before this page
 */
public record ListPosition(Keyset after, int cursor) {

    /** The first page of a list. */
    public static final ListPosition FIRST = new ListPosition(null, 0);
}
