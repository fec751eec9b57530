/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.Date;

import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;
import com.lyncode.xoai.dataprovider.xml.oaipmh.ResumptionTokenType;

/**
 * The one place the addon changes what XOAI wrote: the {@code resumptionToken} element of a list response. XOAI
 * writes the page number as its {@code cursor} and no {@code expirationDate}; OAI-PMH 2.0 §3.5 wants the number of
 * records sent before this page, and our tokens expire. Both come from the request ({@link ListPosition}) and the
 * token issuer ({@link ResumptionTokens#expiry()}), not from XOAI's state.
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
}
