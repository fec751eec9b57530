/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.util.regex.Pattern;

/**
 * A misconfiguration found while starting the runtime. Its message is one line that names the setting at fault
 * and what was found, so a launcher can print it instead of a stack trace.
 */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code //user:password@} of a URL's authority (up to its last {@code @}: a password may hold one). */
    private static final Pattern USER_PASSWORD = Pattern.compile("(//[^/?#:;@\\s]*:)[^/?#\\s]*@");

    /** Names of parameters whose value is a secret: {@code password=}, {@code sslpassword=}, {@code apiKey=} ... */
    private static final String SECRET_NAME = "[^=&;?\\s]*(?:password|passwd|pwd|secret|key|token|auth|credential)"
        + "[^=&;?\\s]*=";

    /** Such a parameter in a query ({@code ?} or {@code &}): its value runs to the next {@code &}. */
    private static final Pattern QUERY_SECRET = Pattern.compile("([?&]" + SECRET_NAME + ")[^&\\s]*",
                                                                Pattern.CASE_INSENSITIVE);

    /** Such a parameter after a {@code ;} (JDBC URLs): its value runs to the next {@code ;}. */
    private static final Pattern SEMICOLON_SECRET = Pattern.compile("(;" + SECRET_NAME + ")[^;&\\s]*",
                                                                    Pattern.CASE_INSENSITIVE);

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
     * A database or server URL (or a message that quotes one) as a start-up error may print it: a password in it
     * (user information {@code user:password@}, or a parameter such as {@code password=}, {@code token=} after
     * {@code ?}, {@code &} or {@code ;}) is replaced by {@code ***}, as the error goes to consoles and logs that
     * others read.
     *
     * @param url a URL or a message, may be null
     * @return the URL without its secrets
     */
    public static String withoutSecrets(String url) {
        if (url == null) {
            return null;
        }
        String shown = USER_PASSWORD.matcher(url).replaceAll("$1***@");
        shown = QUERY_SECRET.matcher(shown).replaceAll("$1***");
        return SEMICOLON_SECRET.matcher(shown).replaceAll("$1***");
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
