/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

/**
 * What one list request knows about its page: where it starts (from the resumption token) and, once the page
 * is read, the position of its last record and the size of the complete list. Shared by the request's token
 * formatter and item repository, which XOAI calls in turn.
 */
public final class PageState {

    private Keyset after;
    private Keyset last;
    private int cursor;
    private long completeListSize = -1;

    /**
     * @return the position the page starts after, or null for the first page
     */
    public Keyset after() {
        return after;
    }

    /**
     * @param after   the position the page starts after
     * @param cursor  the number of records of the list before this page
     */
    public void startAfter(Keyset after, int cursor) {
        this.after = after;
        this.cursor = cursor;
    }

    /**
     * @return the number of records of the list before this page
     */
    public int cursor() {
        return cursor;
    }

    /**
     * @return the position of the page's last record, null before the page is read
     */
    public Keyset last() {
        return last;
    }

    /**
     * @return the size of the complete list, or -1 when not known
     */
    public long completeListSize() {
        return completeListSize;
    }

    /**
     * Records what a page read.
     *
     * @param last             the position of its last record
     * @param completeListSize the size of the complete list
     */
    public void read(Keyset last, long completeListSize) {
        this.last = last;
        this.completeListSize = completeListSize;
    }
}
