/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.reindex;

import eu.useit.dspace.support.UseitScriptConfiguration;
import org.apache.commons.cli.Options;

/**
 * Registers {@link ReindexScript} as the DSpace script {@code useit-reindex} (bean in
 * {@code config/spring/api/useit-scripts.xml}). It rewrites both indexes: through REST administrators only.
 */
public class ReindexScriptConfiguration extends UseitScriptConfiguration<ReindexScript> {

    /**
     * Runs the command with {@link ReindexScript}.
     */
    public ReindexScriptConfiguration() {
        super(ReindexScript.class, RestAccess.ADMINISTRATORS);
    }

    @Override
    protected void addOptions(Options options) {
        options.addOption("d", "discovery", false, "rebuild the search index");
        options.addOption("o", "oai", false, "rebuild the OAI-PMH index (tombstones kept)");
        options.addOption("v", "verify", false, "compare the index(es) with the database and repair only what "
            + "differs (documents of items that do not exist, missing or outdated ones), reporting each");
    }
}
