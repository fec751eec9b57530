/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import org.dspace.core.Context;

/**
 * A read-only DSpace context with no user, for one request of a page: authorisation stays on, so DSpace's own
 * checks see an anonymous user whoever asks. The addresses of the pages are outside DSpace's Spring Security chain,
 * so no other context serves the request; this one is closed (its transaction rolled back) when the work is done.
 */
public final class AnonymousContext {

    /** Work that reads in an anonymous context. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param context the anonymous context
         * @return the result
         * @throws Exception if the work fails
         */
        T run(Context context) throws Exception;
    }

    private AnonymousContext() {
    }

    /**
     * @param work what to do
     * @param <T>  its result type
     * @return its result
     * @throws Exception what the work threw
     */
    public static <T> T call(Work<T> work) throws Exception {
        Context context = new Context(Context.Mode.READ_ONLY);
        try {
            context.setCurrentUser(null);
            return work.run(context);
        } finally {
            context.abort();
        }
    }
}
