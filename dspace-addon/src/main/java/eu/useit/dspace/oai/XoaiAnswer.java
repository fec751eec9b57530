/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.Date;

import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;

/**
 * The one place where the addon changes what XOAI answered, after XOAI wrote it; each change is one XOAI cannot be
 * told to make:
 * <ol>
 *   <li>a ListSets page left with no set is a badResumptionToken error ({@link TokenCursor#refuseEmptySetsPage});</li>
 *   <li>the resumption token's cursor counts records (XOAI writes a page number) and a token that continues the list
 *       gets its expiry ({@link TokenCursor#write});</li>
 *   <li>the request element repeats {@code from} and {@code until} as the harvester wrote them, and a refused
 *       token's verb and token ({@link RequestEcho});</li>
 *   <li>the responseDate is the moment up to which the answer holds every change, a few seconds before now.</li>
 * </ol>
 */
final class XoaiAnswer {

    private XoaiAnswer() {
    }

    /**
     * @param info         the answer XOAI made
     * @param request      the request it answers
     * @param cursor       the number of records of the list sent before this page
     * @param expiry       when a continuing resumption token expires
     * @param responseDate the answer's responseDate
     */
    static void correct(OAIPMHtype info, OaiRequest request, int cursor, Date expiry, Date responseDate) {
        TokenCursor.refuseEmptySetsPage(info);
        TokenCursor.write(info, cursor, expiry);
        RequestEcho.echo(info, request);
        info.setResponseDate(responseDate);
    }
}
