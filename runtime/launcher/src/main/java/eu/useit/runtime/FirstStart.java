/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import eu.useit.dspace.oai.index.IndexWorker;
import eu.useit.dspace.oai.index.OaiIndexConsumer;
import eu.useit.dspace.reindex.Reindex;
import eu.useit.dspace.reindex.SearchIndexCheck;
import eu.useit.dspace.structure.UseitStructure;
import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.core.Context;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;

/**
 * What the runnable repository does once its kernel is up: on the first start (no USE-IT! community yet) it
 * creates the USE-IT! structure and loads the USE-IT! sample ({@code useit.sample}) with the addon's own
 * commands; on every start it checks the search and OAI-PMH indexes against the database, as an anonymous user
 * sees it, and repairs what differs (documents left behind by a process killed before its commit, an access that
 * changed while the repository was down).
 */
final class FirstStart {

    private FirstStart() {
    }

    static void run(PrintStream out) throws Exception {
        boolean fresh;
        Context context = new Context(Context.Mode.READ_ONLY);
        try {
            fresh = UseitStructure.bean().findCommunity(context).isEmpty();
        } finally {
            context.abort();
        }
        if (fresh) {
            out.println("First start: creating the USE-IT! structure and loading the USE-IT! sample ...");
            command("useit-structure");
            Path sample = Path.of(RuntimeSettings.get("useit.sample", "sample/useit-sample.json"));
            if (Files.isRegularFile(sample)) {
                command("useit-import", "-f", sample.toString(), "-e",
                        RuntimeSettings.get("useit.admin.email", LocalAdministrator.DEFAULT_EMAIL));
            } else {
                out.println("  no sample at " + sample + " (useit.sample); the repository starts empty");
            }
        }
        // on the index worker's thread, as an anonymous user: the index holds what anybody may see, nothing more
        IndexWorker worker = OaiIndexConsumer.worker();
        worker.drainNow();
        String outcome = worker.call(anonymous -> {
            Reindex reindex = Reindex.onDSpace(null);
            List<UUID> ids = reindex.itemIds(anonymous);
            SearchIndexCheck.Differences search = reindex.verifyDiscovery(anonymous, SearchIndexCheck.onDSpace(),
                                                                          ids);
            int written = reindex.verifyOai(anonymous, OaiIndexConsumer.indexer(), ids);
            return ids.size() + " item(s) checked; search index: " + (search.total() == 0 ? "agrees"
                : search + ", repaired") + "; OAI-PMH index: " + written + " record(s) written";
        });
        out.println("Indexes: " + outcome);
    }

    private static void command(String... args) throws Exception {
        CommandLineDSpaceRunnableHandler handler = new CommandLineDSpaceRunnableHandler() {
            @Override
            public void handleException(String message, Exception e) {
                throw new StartupException(args[0] + " failed on first start: "
                                               + (message != null ? message : StartupException.rootMessage(e)), e);
            }
        };
        ScriptLauncher.handleScript(args, null, handler, null);
    }
}
