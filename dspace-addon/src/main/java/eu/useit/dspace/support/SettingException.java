/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

/**
 * A setting that keeps the addon from starting: the message is one line that begins with the setting's name and
 * says what is wrong, for an administrator to read as it is (a launcher prints it instead of a stack trace).
 */
public class SettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the setting's name, then what is wrong
     */
    public SettingException(String message) {
        super(message);
    }
}
