/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.check;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link OaiCheckScript} as the DSpace script {@code useit-oai-check}
 * (bean in {@code config/spring/api/useit-scripts.xml}). Through REST only administrators may run it (it sends
 * requests to any URL it is given), without {@code --schemas} (a folder of the server).
 */
public class OaiCheckScriptConfiguration extends UseitScriptConfiguration<OaiCheckScript> {

    /**
     * Runs the command with {@link OaiCheckScript}.
     */
    public OaiCheckScriptConfiguration() {
        super(OaiCheckScript.class, RestAccess.ADMINISTRATORS, "s");
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption("u", "url", true, "the OAI-PMH base URL (or give it as the only argument)");
        options.addOption("s", "schemas", true, "folder of the official schemas and their catalog.xml "
            + "(default: [dspace]/config/oai-schemas)");
        options.addOption("m", "max-records", true, "harvest at most this many records of each list");
        options.addOption("t", "timeout", true, "seconds allowed for one request (default 60)");
        options.addOption("q", "quiet", false, "print only findings and the summary");
    }
}
