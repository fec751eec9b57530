/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import com.lyncode.xoai.dataprovider.xml.oaipmh.RequestType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.VerbType;

/**
 * An OAI-PMH error: the protocol's error code and a message for the harvester's operator.
 */
public final class OaiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String verb;
    private final String resumptionToken;

    /**
     * @param code    the OAI-PMH error code (badArgument, badResumptionToken, ...)
     * @param message what was wrong
     */
    public OaiError(String code, String message) {
        this(code, message, null, null);
    }

    private OaiError(String code, String message, String verb, String resumptionToken) {
        super(message);
        this.code = code;
        this.verb = verb;
        this.resumptionToken = resumptionToken;
    }

    /**
     * OAI-PMH repeats a request's verb and arguments in the response's request element for every error but badVerb
     * and badArgument.
     *
     * @param requestVerb  the request's verb
     * @param requestToken its resumption token, or null to leave it out (one too long to repeat)
     * @return this error, about a request of that verb and token
     */
    public OaiError about(String requestVerb, String requestToken) {
        return new OaiError(code, getMessage(), requestVerb, requestToken);
    }

    /**
     * @return the OAI-PMH error code
     */
    public String code() {
        return code;
    }

    /**
     * Repeats the request's verb and resumption token in a response's request element, when the error is
     * {@linkplain #about(String, String) about} them.
     *
     * @param request the response's request element
     */
    void echoInto(RequestType request) {
        if (verb != null) {
            request.setVerb(VerbType.fromValue(verb));
            request.setResumptionToken(resumptionToken);
        }
    }
}
