/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import java.util.List;

import org.dspace.app.rest.model.ErrorRest;
import org.dspace.app.rest.submit.SubmissionService;
import org.dspace.app.rest.submit.step.validation.Validation;
import org.dspace.app.util.SubmissionStepConfig;
import org.dspace.content.InProgressSubmission;

/**
 * A check DSpace's REST submission runs on every step of one type (the bean's {@link #getName()}) whenever a
 * deposit is read or sent: a step with errors keeps the deposit from being sent (HTTP 422).
 */
abstract class StepValidation implements Validation {

    private final String stepType;

    /**
     * @param stepType the type of step (item-submission.xml's {@code <type>}) this check runs for
     */
    protected StepValidation(String stepType) {
        this.stepType = stepType;
    }

    @Override
    public final String getName() {
        return stepType;
    }

    @Override
    public final List<ErrorRest> validate(SubmissionService submissionService, InProgressSubmission submission,
                                          SubmissionStepConfig step) {
        StepErrors errors = new StepErrors();
        check(submission, step, errors);
        return errors.list();
    }

    /**
     * Checks one step of a deposit. A check that cannot run adds an error, so the deposit is refused rather than
     * sent unchecked.
     *
     * @param submission the deposit (a draft, or an item in review)
     * @param step       the step
     * @param errors     where its errors go
     */
    abstract void check(InProgressSubmission submission, SubmissionStepConfig step, StepErrors errors);
}
