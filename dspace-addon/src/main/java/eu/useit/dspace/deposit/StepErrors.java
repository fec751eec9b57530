/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import java.util.ArrayList;
import java.util.List;

import org.dspace.app.rest.model.ErrorRest;

/**
 * The errors one step of a deposit has, as DSpace's REST submission reports them: one error per message, listing
 * every path it applies to ({@code /sections/<step>[/<field>[/<place>]]}).
 */
final class StepErrors {

    private final List<ErrorRest> errors = new ArrayList<>();

    /**
     * Adds a path to the error of this message, or a new error.
     *
     * @param message the message
     * @param path    where it applies
     */
    void add(String message, String path) {
        for (ErrorRest error : errors) {
            if (error.getMessage().equals(message)) {
                error.getPaths().add(path);
                return;
            }
        }
        ErrorRest error = new ErrorRest();
        error.setMessage(message);
        error.getPaths().add(path);
        errors.add(error);
    }

    /**
     * @return the errors so far, in the order their messages were first added
     */
    List<ErrorRest> list() {
        return errors;
    }
}
