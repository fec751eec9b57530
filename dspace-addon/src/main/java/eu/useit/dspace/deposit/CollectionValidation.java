/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import java.sql.SQLException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.app.util.SubmissionStepConfig;
import org.dspace.authorize.service.AuthorizeService;
import org.dspace.content.InProgressSubmission;
import org.dspace.content.WorkspaceItem;
import org.dspace.core.Constants;
import org.dspace.core.Context;

/**
 * A deposit goes only to a collection its depositor may deposit to. DSpace 8.1's collection step lets a depositor
 * move a draft to any collection by its UUID ({@code PATCH replace /sections/collection}) without asking whether
 * they may add to it, and the deposit then goes to that collection's review, or, where it has none, straight into
 * the repository. DSpace's REST submission runs this check for every step of type {@code collection} (bean in
 * {@code config/spring/rest/useit-deposit.xml}): a draft in a collection its depositor may not add to has an error
 * on that step, so its deposit is refused (HTTP 422) until it is moved back.
 */
public class CollectionValidation extends StepValidation {

    private static final Logger log = LogManager.getLogger(CollectionValidation.class);

    /** The step type DSpace runs this validation for: its collection step. */
    public static final String STEP_TYPE = "collection";

    private final AuthorizeService authorize;

    /**
     * @param authorize DSpace's authorisation service
     */
    public CollectionValidation(AuthorizeService authorize) {
        super(STEP_TYPE);
        this.authorize = authorize;
    }

    /**
     * {@inheritDoc} Only drafts (workspace items) are checked: an item in review stays in its collection.
     */
    @Override
    void check(InProgressSubmission submission, SubmissionStepConfig step, StepErrors errors) {
        if (!(submission instanceof WorkspaceItem) || submission.getCollection() == null) {
            return;
        }
        String problem;
        try {
            Context context = ContextUtil.obtainCurrentRequestContext();
            problem = context != null
                && authorize.authorizeActionBoolean(context, submission.getCollection(), Constants.ADD)
                ? null : "error.validation.collection.notAllowed: you may not deposit to this collection";
        } catch (SQLException | RuntimeException e) {
            // a check that cannot run is an error of the step: the deposit is refused, not let through unchecked
            log.error("Cannot tell whether the depositor may deposit to collection {}",
                      submission.getCollection().getID(), e);
            problem = "error.validation.collection.unchecked: whether you may deposit here could not be checked";
        }
        if (problem != null) {
            errors.add(problem, "/sections/" + step.getId());
        }
    }
}
