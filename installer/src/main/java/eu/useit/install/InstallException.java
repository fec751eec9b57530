/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

/**
 * The install cannot go on: a site file is missing or malformed, a merged file would not be valid, a file cannot
 * be written, or DSpace refuses what was installed. The message is one line naming the file (and the line, for
 * malformed XML). Nothing was left half-written: what this run had written was put back.
 */
public class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the file or check and what is wrong
     */
    public InstallException(String message) {
        super(message);
    }

    /**
     * @param message one line: the file or check and what is wrong
     * @param cause   the underlying error
     */
    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
