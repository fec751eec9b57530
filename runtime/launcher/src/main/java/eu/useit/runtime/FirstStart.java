/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.runtime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.useit.dspace.structure.UseitStructure;
import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.core.Context;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;

/**
 * What the runnable repository does once its kernel is up: on the first start (no USE-IT! community yet) it
 * creates the USE-IT! structure and loads the USE-IT! sample ({@code useit.sample}) with the addon's own
 * commands; on every start it brings the OAI-PMH index up to date (DSpace's OAI import, incremental).
 */
final class FirstStart {

    private FirstStart() {
    }

    static void run(PrintStream out) throws Exception {
        boolean fresh;
        Context context = new Context(Context.Mode.READ_ONLY);
        try {
            fresh = new UseitStructure().findCommunity(context).isEmpty();
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
        Context oai = new Context(Context.Mode.READ_ONLY);
        try {
            oai.turnOffAuthorisationSystem();
            int imported = OaiImport.run(oai, false);
            out.println("OAI-PMH index: " + imported + " item(s) updated");
        } finally {
            oai.abort();
        }
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
