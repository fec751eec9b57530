/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

/**
 * The OAI configuration could not be merged: a file is missing or malformed, or the merged configuration would
 * not be valid. The message is one line naming the file (and the line, for malformed XML); nothing was written.
 */
public class OaiConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the file and what is wrong
     */
    public OaiConfigException(String message) {
        super(message);
    }

    /**
     * @param message one line: the file and what is wrong
     * @param cause   the underlying error
     */
    public OaiConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
