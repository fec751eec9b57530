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
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.core.Context;
import org.dspace.curate.service.XmlWorkflowCuratorService;
import org.dspace.eperson.EPerson;
import org.dspace.xmlworkflow.storedcomponents.ClaimedTask;
import org.dspace.xmlworkflow.storedcomponents.service.ClaimedTaskService;

/**
 * A reviewer who approves a USE-IT! deposit that breaks the record rules is told so: HTTP 422 naming each problem,
 * and nothing changes (the task stays claimed by the reviewer, who may correct the record or send it back). Without
 * this, DSpace 8.1 runs the step's curation when the reviewer acts ({@code useit-validate},
 * {@code config/workflow-curation.xml}), which sends the deposit back, and answers the approval with 204, which
 * DSpace's UI shows as approved. Only at a step with curation, and only to the task's owner: any other request
 * ({@code POST /api/workflow/claimedtasks/<id>} by somebody else, another action, an item of another type) goes on
 * to DSpace unchanged.
 */
public final class ReviewApprovalFilter extends AddonFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern CLAIMED_TASK = Pattern.compile("/api/workflow/claimedtasks/(\\d{1,9})");
    private static final String APPROVE = "submit_approve";

    private final transient ClaimedTaskService tasks;
    private final transient XmlWorkflowCuratorService curation;
    private final transient ItemCheck.Source checks;

    /**
     * @param tasks    DSpace's claimed tasks
     * @param curation DSpace's workflow curation (whether a step has tasks)
     * @param checks   the record rules' check of an item
     */
    public ReviewApprovalFilter(ClaimedTaskService tasks, XmlWorkflowCuratorService curation,
                                ItemCheck.Source checks) {
        this.tasks = tasks;
        this.curation = curation;
        this.checks = checks;
    }

    @Override
    protected void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Matcher task = CLAIMED_TASK.matcher(RequestPaths.mapped(request));
        if ("POST".equals(request.getMethod()) && task.matches() && request.getParameter(APPROVE) != null) {
            try {
                Optional<List<String>> problems = problems(ContextUtil.obtainContext(request),
                                                           Integer.parseInt(task.group(1)));
                if (problems.isPresent() && !problems.get().isEmpty()) {
                    response.sendError(422, "Not approved: the deposit breaks the record rules and the review"
                        + " step's check would send it back to its submitter. " + String.join("; ", problems.get()));
                    return;
                }
            } catch (SQLException e) {
                throw new ServletException("The claimed task cannot be read", e);
            }
        }
        chain.doFilter(request, response);
    }

    /** The problems of the task's item, when the caller owns the task at a step with curation; else nothing. */
    private Optional<List<String>> problems(Context context, int taskId) throws SQLException, IOException {
        EPerson caller = context.getCurrentUser();
        ClaimedTask claimed = caller == null ? null : tasks.find(context, taskId);
        if (claimed == null || !caller.equals(claimed.getOwner())
            || !curation.needsCuration(context, claimed.getWorkflowItem())) {
            return Optional.empty();
        }
        return checks.load().problems(claimed.getWorkflowItem().getItem());
    }
}
