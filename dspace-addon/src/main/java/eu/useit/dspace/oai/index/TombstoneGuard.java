/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Run when a harvest starts: writes the kept tombstones back if a full reindex of the OAI core removed them, so
 * deletions stay persistent even after {@code dspace oai import -c}. Costs two counts when nothing is missing.
 */
public final class TombstoneGuard implements Runnable {

    private static final Logger log = LogManager.getLogger(TombstoneGuard.class);

    @Override
    public void run() {
        try {
            int restored = OaiIndexConsumer.indexer().restoreTombstones();
            if (restored > 0) {
                log.info("Wrote {} deleted record(s) back into the OAI index", restored);
            }
        } catch (Exception e) {
            log.error("The deleted records could not be checked in the OAI index: {}", e.getMessage(), e);
        }
    }
}
