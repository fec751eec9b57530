/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.util.List;
import java.util.Optional;

import org.dspace.core.Context;
import org.dspace.scripts.DSpaceCommandLineParameter;

/**
 * A command that tells a caller of the REST API who may run it why their parameters are refused (an option for the
 * server's command line only, one the command does not know): DSpace 8.1 answers every refusal with a bare
 * "Access is denied" (HTTP 403), so {@link ScriptParametersFilter} answers these with HTTP 400 and the reason
 * before DSpace makes a process. The command's {@code isAllowedToExecute} still refuses them.
 */
public interface ExplainedRefusal {

    /**
     * @param context    the caller's context
     * @param parameters the parameters the caller sent, in order
     * @return why they are refused, one line naming the command and the option; empty when they are not refused,
     *     or when the caller may not run the command at all (DSpace answers that, 401 or 403, and says no more)
     */
    Optional<String> refusal(Context context, List<DSpaceCommandLineParameter> parameters);
}
