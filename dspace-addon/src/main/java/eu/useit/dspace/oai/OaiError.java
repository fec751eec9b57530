/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

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
     * @return the verb of the request the error is about, or null when it is not to be repeated
     */
    public String verb() {
        return verb;
    }

    /**
     * @return the resumption token of the request the error is about, or null
     */
    public String resumptionToken() {
        return resumptionToken;
    }
}
