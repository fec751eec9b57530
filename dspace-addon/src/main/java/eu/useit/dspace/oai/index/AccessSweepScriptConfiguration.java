/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link AccessSweepScript} as the DSpace script {@code useit-access-sweep} (bean in
 * {@code config/spring/api/useit-scripts.xml}). It rewrites index records: through REST administrators only.
 */
public class AccessSweepScriptConfiguration extends UseitScriptConfiguration<AccessSweepScript> {

    /**
     * Runs the command with {@link AccessSweepScript}.
     */
    public AccessSweepScriptConfiguration() {
        super(AccessSweepScript.class, RestAccess.ADMINISTRATORS);
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption("s", "since", true, "look for changes of access since this day (YYYY-MM-DD) or moment "
            + "(YYYY-MM-DDThh:mm:ssZ); default: two days ago");
    }
}
