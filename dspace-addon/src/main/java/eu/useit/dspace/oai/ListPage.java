/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import com.lyncode.xoai.dataprovider.core.ResumptionToken;
import com.lyncode.xoai.dataprovider.exceptions.BadResumptionToken;

/**
 * One OAI-PMH request's place in a list, the one value its parts share: the request's resumption token, read once
 * before XOAI runs (the list it continues and where its page starts, or why it was refused), and the last record
 * of the page the request read, where the next page starts. The page read ({@link UseitItemRepository}) records
 * that last record, once; XOAI then has the next token written ({@link PageTokens}), which reads it. One instance
 * per request, made by {@link OaiResponder}.
 */
public final class ListPage {

    private final String token;
    private final ResumptionToken list;
    private final ListPosition start;
    private final String refusal;
    private Keyset last;

    private ListPage(String token, ResumptionToken list, ListPosition start, String refusal) {
        this.token = token;
        this.list = list;
        this.start = start;
        this.refusal = refusal;
    }

    /**
     * @param tokens the request's token reader
     * @param token  the request's resumption token, or null
     * @return the request's place, the token read once
     */
    public static ListPage of(ResumptionTokens tokens, String token) {
        if (token == null) {
            return new ListPage(null, new ResumptionToken(), ListPosition.FIRST, null);
        }
        try {
            ResumptionTokens.Read read = tokens.read(token);
            return new ListPage(token, read.token(), read.position(), null);
        } catch (BadResumptionToken e) {
            // the page starts nowhere; XOAI asks for the token and gets the same refusal (badResumptionToken)
            return new ListPage(token, null, ListPosition.FIRST, e.getMessage());
        }
    }

    /**
     * @return where the request's page starts ({@link ListPosition#FIRST} without a token, or with a refused one)
     */
    public ListPosition start() {
        return start;
    }

    /**
     * @param requested the token XOAI read from the request
     * @return the list it continues, as XOAI takes it
     * @throws BadResumptionToken       if the token was refused when it was read
     * @throws IllegalArgumentException if it is not the request's token
     */
    ResumptionToken list(String requested) throws BadResumptionToken {
        if (requested == null ? token != null : !requested.equals(token)) {
            throw new IllegalArgumentException("not the request's resumption token");
        }
        if (refusal != null) {
            throw new BadResumptionToken(refusal);
        }
        return list;
    }

    /**
     * Records the last record of the page the request read.
     *
     * @param record the page's last record
     * @throws IllegalStateException if the request read a page already
     */
    void read(Keyset record) {
        if (last != null) {
            throw new IllegalStateException("the request read a page already, ending at " + last.handle());
        }
        last = record;
    }

    /**
     * @return the last record of the page the request read, where the next page starts; null before the page is
     *     read, when it was empty, or when the list is not of records (sets)
     */
    public Keyset last() {
        return last;
    }
}
