/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.structure;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import eu.useit.dspace.support.UseitScript;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * {@code dspace useit-structure [-e admin-email]}: creates the USE-IT! collection model, or reports that it is
 * there. One line per object ("created ..." or "found ..."), then a summary. Run from the command line it acts
 * with authorisation off, as DSpace's own structure tools do; run through REST it acts as the calling
 * administrator.
 */
public class StructureScript extends UseitScript<StructureScriptConfiguration> {

    @Override
    public void internalRun() throws Exception {
        Context context = new Context(Context.Mode.READ_WRITE);
        try {
            EPerson user = currentUser(context);
            context.setCurrentUser(user);
            if (getEpersonIdentifier() == null) {
                context.turnOffAuthorisationSystem();
            }
            String dspaceDir = DSpaceServicesFactory.getInstance().getConfigurationService()
                                                    .getProperty("dspace.dir");
            List<UseitStructure.Outcome> outcomes = UseitStructure.bean().ensure(context, Path.of(dspaceDir));
            context.complete();
            outcomes.forEach(o -> handler.logInfo(o.toString()));
            long created = outcomes.stream().filter(UseitStructure.Outcome::created).count();
            handler.logInfo(created == 0
                                ? "useit-structure: nothing changed, all " + outcomes.size() + " objects were there"
                                : "useit-structure: " + created + " created, " + (outcomes.size() - created)
                                    + " already there");
        } finally {
            if (context.isValid()) {
                context.abort();
            }
        }
    }

    private EPerson currentUser(Context context) throws SQLException {
        String email = commandLine.getOptionValue('e');
        EPerson user = startingUser(context, email);
        if (user == null && email != null) {
            throw new IllegalArgumentException("-e " + email + ": no such user");
        }
        return user;
    }
}
