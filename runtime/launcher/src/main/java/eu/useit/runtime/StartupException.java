/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

/**
 * A misconfiguration found while starting the runtime. Its message is one line that names the setting at fault
 * and what was found, so a launcher can print it instead of a stack trace.
 */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the setting, its value and what is wrong
     */
    public StartupException(String message) {
        super(message);
    }

    /**
     * @param message one line: the setting, its value and what is wrong
     * @param cause   the underlying failure, kept for logs
     */
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The innermost message of a failure chain, which is usually the one that tells a person what happened.
     *
     * @param error any failure
     * @return the root cause's class simple name and message
     */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
