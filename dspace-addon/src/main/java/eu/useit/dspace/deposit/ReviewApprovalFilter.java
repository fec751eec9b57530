/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.dspace.casestudy.ItemCheck;
import eu.useit.dspace.support.AddonFilter;
import eu.useit.dspace.support.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.app.util.Util;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.workflow.CurationTaskConfig;
import org.dspace.workflow.TaskSet;
import org.dspace.xmlworkflow.storedcomponents.ClaimedTask;
import org.dspace.xmlworkflow.storedcomponents.service.ClaimedTaskService;

/**
 * A reviewer who approves a USE-IT! deposit that breaks the record rules is told so: HTTP 422 naming each problem,
 * and nothing changes (the task stays claimed by the reviewer, who may correct the record or send it back). Without
 * this, DSpace 8.1 runs the step's curation when the reviewer acts ({@code useit-validate} with the power to reject,
 * {@code config/workflow-curation.xml}), which sends the deposit back, and answers the approval with 204, which
 * DSpace's UI shows as approved. Only at a step where that task runs with that power (read from DSpace's own
 * {@link CurationTaskConfig}), and only to the task's owner: any other request goes on to DSpace unchanged, and so
 * does an approval whose check cannot be made (DSpace's curation still runs).
 */
public final class ReviewApprovalFilter extends AddonFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LogManager.getLogger(ReviewApprovalFilter.class);
    private static final Pattern CLAIMED_TASK = Pattern.compile("/api/workflow/claimedtasks/(\\d{1,9})");
    private static final String APPROVE = "submit_approve";
    private static final String TASK = "useit-validate";

    private final transient ClaimedTaskService tasks;
    private final transient CurationTaskConfig curation;
    private final transient ItemCheck.Source checks;

    /**
     * @param tasks    DSpace's claimed tasks
     * @param curation DSpace's workflow curation configuration
     * @param checks   the record rules' check of an item
     */
    public ReviewApprovalFilter(ClaimedTaskService tasks, CurationTaskConfig curation, ItemCheck.Source checks) {
        this.tasks = tasks;
        this.curation = curation;
        this.checks = checks;
    }

    @Override
    protected void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Matcher task = CLAIMED_TASK.matcher(RequestPaths.mapped(request));
        // the action DSpace takes: the first parameter whose name starts with "submit"
        if ("POST".equals(request.getMethod()) && task.matches()
            && APPROVE.equals(Util.getSubmitButton(request, null))) {
            Optional<List<String>> problems;
            try {
                problems = problems(ContextUtil.obtainContext(request), Integer.parseInt(task.group(1)));
            } catch (SQLException e) {
                throw new ServletException("The claimed task cannot be read", e);
            } catch (IOException | RuntimeException e) {
                log.warn("The approval of claimed task {} was not checked (DSpace's curation still runs): {}",
                         task.group(1), e.getMessage(), e);
                problems = Optional.empty();
            }
            if (problems.isPresent() && !problems.get().isEmpty()) {
                response.sendError(422, "Not approved: the deposit breaks the record rules and the review"
                    + " step's check would send it back to its submitter. " + String.join("; ", problems.get()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The problems of the task's item, when the caller owns the task at a step that checks it; else nothing. */
    private Optional<List<String>> problems(Context context, int taskId) throws SQLException, IOException {
        EPerson caller = context.getCurrentUser();
        ClaimedTask claimed = caller == null ? null : tasks.find(context, taskId);
        if (claimed == null || !caller.equals(claimed.getOwner()) || !checkedAt(claimed)) {
            return Optional.empty();
        }
        return checks.load().problems(claimed.getWorkflowItem().getItem());
    }

    /** Whether the task's step runs useit-validate now (not queued) with the power to send the deposit back. */
    private boolean checkedAt(ClaimedTask claimed) {
        return checks(curation, claimed.getWorkflowItem().getCollection().getHandle(), claimed.getStepID());
    }

    /**
     * @param curation DSpace's workflow curation configuration
     * @param handle   a collection's handle
     * @param step     a workflow step's id
     * @return whether the step, in that collection, runs useit-validate now (not queued) with the power to reject,
     *     as DSpace finds its task set (the collection's, or the default)
     */
    static boolean checks(CurationTaskConfig curation, String handle, String step) {
        TaskSet set = curation.findTaskSet(curation.containsKey(handle) ? handle
                                                                         : CurationTaskConfig.DEFAULT_TASKSET_NAME);
        return set.steps.stream().anyMatch(flow -> flow.step.equals(step)
            && (flow.queue == null || flow.queue.isEmpty())
            && flow.tasks.stream().anyMatch(task -> TASK.equals(task.name) && task.powers.contains("reject")));
    }
}
