/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.Date;

import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHerrorType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHerrorcodeType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;
import com.lyncode.xoai.dataprovider.xml.oaipmh.ResumptionTokenType;

/**
 * Changes to what XOAI wrote about resumption (made, with the others, in {@link XoaiAnswer}): the
 * {@code resumptionToken} element of a list response, and a ListSets page its token left empty.
 * XOAI writes the page number as the {@code cursor} and no {@code expirationDate}; OAI-PMH 2.0 §3.5 wants the number
 * of records sent before this page, and our tokens expire. Both come from the request ({@link ListPosition}) and the
 * token issuer ({@link ResumptionTokens#expiry()}), not from XOAI's state. XOAI answers a ListSets token past the
 * end of the sets left with an empty page, which OAI-PMH does not have.
 */
public final class TokenCursor {

    private TokenCursor() {
    }

    /**
     * @param info   the response XOAI made
     * @param cursor the number of records of the list sent before this page
     * @param expiry when the response's token expires (not written on the empty token that ends a list)
     */
    public static void write(OAIPMHtype info, int cursor, Date expiry) {
        ResumptionTokenType token = info.getListRecords() != null ? info.getListRecords().getResumptionToken()
            : info.getListIdentifiers() != null ? info.getListIdentifiers().getResumptionToken()
            : info.getListSets() != null ? info.getListSets().getResumptionToken() : null;
        if (token == null) {
            return;
        }
        token.setCursor(cursor);
        if (token.getValue() != null && !token.getValue().isEmpty()) {
            token.setExpirationDate(expiry);
        }
    }

    /**
     * A ListSets page with no set (sets closed or removed since its token was given left fewer than its offset) is
     * not a page: OAI-PMH has no empty ListSets, and the harvester must start again.
     *
     * @param info the response XOAI made; a ListSets page with no set becomes a badResumptionToken error
     */
    public static void refuseEmptySetsPage(OAIPMHtype info) {
        if (info.getListSets() != null && info.getListSets().getSet().isEmpty()) {
            info.setListSets(null);
            OAIPMHerrorType error = new OAIPMHerrorType();
            error.setCode(OAIPMHerrorcodeType.BAD_RESUMPTION_TOKEN);
            error.setValue("The list of sets has changed since this resumptionToken was issued; start ListSets again");
            info.getError().add(error);
        }
    }
}
