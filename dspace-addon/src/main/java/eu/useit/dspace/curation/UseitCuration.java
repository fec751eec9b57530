/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.curation;

import java.sql.SQLException;

import org.apache.commons.cli.ParseException;
import org.dspace.core.Context;
import org.dspace.curate.Curation;
import org.dspace.eperson.EPerson;

/**
 * DSpace's curation command, run as the account it was started for: through DSpace's REST API, the caller (DSpace
 * gives the process its account); on the server's command line, the account named by {@code -e}, as DSpace's own
 * command-line variant does. A REST caller may not send {@code -e} ({@link UseitCurationScriptConfiguration}).
 */
public class UseitCuration extends Curation {

    @Override
    protected void assignCurrentUserInContext() throws ParseException {
        if (getEpersonIdentifier() != null) {
            super.assignCurrentUserInContext();
            return;
        }
        String email = commandLine.getOptionValue('e');
        if (email == null) {
            throw new ParseException("curate on the command line needs -e <e-mail address of the curating account>");
        }
        context = new Context(Context.Mode.BATCH_EDIT);
        try {
            EPerson account = ePersonService.findByEmail(context, email);
            if (account == null) {
                throw new IllegalArgumentException("curate: no account has the e-mail address " + email);
            }
            context.setCurrentUser(account);
        } catch (SQLException e) {
            throw new IllegalStateException("curate: cannot look up the account " + email, e);
        }
    }
}
