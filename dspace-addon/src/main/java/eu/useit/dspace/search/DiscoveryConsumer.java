/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.core.Context;
import org.dspace.discovery.IndexEventConsumer;

/**
 * DSpace's {@code discovery} event consumer that never fails the change it reports. DSpace's own puts the context in
 * read-only mode while it indexes and leaves it so when the search index cannot be written (Solr down): the commit
 * that follows then fails, and a librarian's deposit is lost. Here the context's mode is always given back, and a
 * failure is only the search index's: the {@code useitoai} consumer's queue checks every changed item's search
 * document after the commit and writes what is missing ({@link SearchDocuments#verify}).
 * <p>
 * Configured as {@code event.consumer.discovery.class} in place of DSpace's class.
 */
public class DiscoveryConsumer extends IndexEventConsumer {

    private static final Logger log = LogManager.getLogger(DiscoveryConsumer.class);

    @Override
    public void end(Context context) throws Exception {
        Context.Mode mode = context.getCurrentMode();
        try {
            super.end(context);
        } catch (Exception e) {
            log.error("The search index could not be written; the index queue writes it later: {}", e.getMessage(),
                      e);
        } finally {
            if (context.getCurrentMode() != mode) {
                context.setMode(mode);
            }
        }
    }
}
