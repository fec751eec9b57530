/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.reindex;

import java.util.List;
import java.util.UUID;

import eu.useit.dspace.oai.index.OaiIndexConsumer;
import eu.useit.dspace.support.UseitScript;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.utils.DSpace;

/**
 * {@code dspace useit-reindex [-d] [-o] [-v]}: rebuilds the search index ({@code -d}), the OAI-PMH index
 * ({@code -o}) or both (neither option) from the database, with progress, rate and time left in its output;
 * with {@code -v}, compares them with the database instead and repairs only what differs, reporting it.
 */
public class ReindexScript extends UseitScript<ReindexScriptConfiguration> {

    @Override
    public void internalRun() throws Exception {
        // neither -d nor -o: both
        boolean both = !commandLine.hasOption('d') && !commandLine.hasOption('o');
        boolean discovery = both || commandLine.hasOption('d');
        boolean oai = both || commandLine.hasOption('o');
        boolean verify = commandLine.hasOption('v');
        // as an anonymous user: the indexes hold what anybody may see (Discovery records who else may read what)
        Context context = new Context(Context.Mode.READ_ONLY);
        try {
            Reindex reindex = Reindex.onDSpace(handler::logInfo);
            List<UUID> ids = reindex.itemIds(context);
            handler.logInfo("useit-reindex: " + ids.size() + " items" + (verify ? ", checked against the database"
                                                                              : ""));
            List<String> refused = List.of();
            if (discovery && verify) {
                refused = reindex.verifyDiscovery(context, SearchIndexCheck.onDSpace(), ids).refused();
            } else if (discovery) {
                refused = reindex.discovery(context, new DSpace().getServiceManager()
                    .getServiceByName(IndexingService.class.getName(), IndexingService.class), ids);
            }
            if (oai) {
                // on the index worker, holding its claim: no other process (a web node) writes records meanwhile
                OaiIndexConsumer.worker().call(anonymous -> {
                    if (verify) {
                        reindex.verifyOai(anonymous, OaiIndexConsumer.indexer(), ids);
                    } else {
                        reindex.oai(anonymous, OaiIndexConsumer.indexer(), ids);
                    }
                    return null;
                });
            }
            if (!refused.isEmpty()) {
                throw new Failure("useit-reindex: the search core refused " + refused.size() + " document(s) (e.g. "
                    + refused.get(0) + "; the reasons are in the log); their items are queued for the index check: "
                    + "run useit-reindex -d again once Solr takes them");
            }
            handler.logInfo("useit-reindex: done");
        } finally {
            if (context.isValid()) {
                context.abort();
            }
        }
    }
}
