/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.util.List;
import java.util.stream.Collectors;

import eu.useit.dspace.oai.index.OaiIndexConsumer;
import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.scripts.configuration.ScriptConfiguration;
import org.dspace.scripts.factory.ScriptServiceFactory;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;
import org.dspace.scripts.service.ScriptService;
import org.dspace.utils.DSpace;

/**
 * {@code ./useit dspace <command> [args]}: runs a DSpace command (DSpace's own, such as {@code curate}, or the
 * addon's, such as {@code useit-import}) on the embedded repository's data directory, as
 * {@code [dspace]/bin/dspace} does on an installed DSpace. It shares the database with a running repository (H2
 * in automatic server mode) and uses its Solr server, or starts one for the duration of the command.
 */
public final class DSpaceCommand {

    private DSpaceCommand() {
    }

    /**
     * @param args the command name and its arguments
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ./useit dspace <command> [arguments]   (e.g. useit-structure)");
            System.exit(2);
        }
        RuntimeSettings settings = RuntimeSettings.forMain();
        int status;
        try (Repository repository = new Repository().startForCommand(settings)) {
            status = run(args);
        } catch (StartupException e) {
            System.err.println("ERROR " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("ERROR " + args[0] + ": " + StartupException.rootMessage(e));
            status = 1;
        }
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        ScriptService scripts = ScriptServiceFactory.getInstance().getScriptService();
        if (scripts.getScriptConfiguration(args[0]) == null) {
            System.err.println("ERROR unknown command '" + args[0] + "'; commands: " + String.join(", ", names()));
            return 2;
        }
        int status = ScriptLauncher.handleScript(args, null, new CommandLineDSpaceRunnableHandler(), null);
        writeQueuedIndexRecords();
        return status;
    }

    /** The command's changes reach the OAI-PMH index before the process ends (the index worker is a daemon). */
    private static void writeQueuedIndexRecords() {
        try {
            OaiIndexConsumer.worker().drainNow();
            int waiting = OaiIndexConsumer.worker().queue().size();
            if (waiting > 0) {
                System.err.println("WARNING " + waiting + " change(s) wait in the index queue (see dspace.log); "
                                       + "the repository writes them when it can");
            }
        } catch (Exception e) {
            System.err.println("WARNING the index queue could not be emptied: " + StartupException.rootMessage(e)
                                   + "; the repository writes the changes when it can");
        }
    }

    /** Every command of the console, from the script beans (DSpace's list for REST asks who may run what). */
    private static List<String> names() {
        return new DSpace().getServiceManager().getServicesByType(ScriptConfiguration.class).stream()
                           .map(ScriptConfiguration::getName).sorted().collect(Collectors.toList());
    }
}
