/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.reindex;

import java.util.List;
import java.util.UUID;

import eu.useit.dspace.oai.index.OaiIndexConsumer;
import org.apache.commons.cli.ParseException;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.scripts.DSpaceRunnable;
import org.dspace.utils.DSpace;

/**
 * {@code dspace useit-reindex [-d] [-o]}: rebuilds the search index ({@code -d}), the OAI-PMH index ({@code -o}) or
 * both (no option) from the database, with progress, rate and time left on standard error.
 */
public class ReindexScript extends DSpaceRunnable<ReindexScriptConfiguration> {

    private boolean discovery;
    private boolean oai;

    @Override
    public ReindexScriptConfiguration getScriptConfiguration() {
        return new DSpace().getServiceManager().getServiceByName("useit-reindex", ReindexScriptConfiguration.class);
    }

    @Override
    public void setup() throws ParseException {
        discovery = commandLine.hasOption('d');
        oai = commandLine.hasOption('o');
        if (!discovery && !oai) {
            discovery = true;
            oai = true;
        }
    }

    @Override
    public void internalRun() throws Exception {
        // as an anonymous user: the indexes hold what anybody may see (Discovery records who else may read what)
        Context context = new Context(Context.Mode.READ_ONLY);
        try {
            Reindex reindex = new Reindex(handler::logInfo);
            List<UUID> ids = reindex.itemIds(context);
            handler.logInfo("useit-reindex: " + ids.size() + " items");
            if (discovery) {
                IndexingService indexing = new DSpace().getServiceManager()
                    .getServiceByName(IndexingService.class.getName(), IndexingService.class);
                reindex.discovery(context, indexing, ids);
            }
            if (oai) {
                reindex.oai(context, OaiIndexConsumer.indexer(), ids);
            }
            handler.logInfo("useit-reindex: done");
        } finally {
            if (context.isValid()) {
                context.abort();
            }
        }
    }
}
