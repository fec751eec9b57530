/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import com.lyncode.xoai.dataprovider.core.ResumptionToken;
import com.lyncode.xoai.dataprovider.exceptions.BadResumptionToken;
import com.lyncode.xoai.dataprovider.services.api.ResumptionTokenFormatter;

/**
 * XOAI's resumption token formatter for one request: the request's token as its {@link ListPage} read it before
 * XOAI ran (read once), and the next token written after the last record of the page the request read.
 *
 * @param tokens the request's token writer
 * @param page   the request's place in the list
 */
public record PageTokens(ResumptionTokens tokens, ListPage page) implements ResumptionTokenFormatter {

    @Override
    public ResumptionToken parse(String token) throws BadResumptionToken {
        return page.list(token);
    }

    @Override
    public String format(ResumptionToken token) {
        return tokens.format(token, page.last());
    }
}
