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

    /**
     * @param code    the OAI-PMH error code (badArgument, badResumptionToken, ...)
     * @param message what was wrong
     */
    public OaiError(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @return the OAI-PMH error code
     */
    public String code() {
        return code;
    }
}
