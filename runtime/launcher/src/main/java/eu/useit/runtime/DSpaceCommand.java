/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import eu.useit.dspace.oai.index.OaiIndexConsumer;
import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.scripts.configuration.ScriptConfiguration;
import org.dspace.scripts.factory.ScriptServiceFactory;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;
import org.dspace.scripts.service.ScriptService;
import org.dspace.utils.DSpace;

/**
 * {@code ./useit dspace <command> [args]}: runs a DSpace command on the embedded repository's data directory, as
 * {@code [dspace]/bin/dspace} does on an installed DSpace: a script bean (DSpace's own, such as {@code curate}, or
 * the addon's, such as {@code useit-import}) or a command of the home's {@code config/launcher.xml}
 * ({@code dsrun}, {@code oai}, {@code registry-loader}, {@code database} ...), both through DSpace's
 * {@code ScriptLauncher}. It shares the database with a running repository (H2
 * in automatic server mode) and uses its Solr server, or starts one for the duration of the command.
 */
public final class DSpaceCommand {

    /** A command of {@code bin/dspace} itself (a shell function there): the class path commands run with. */
    private static final String CLASSPATH = "classpath";

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
            status = run(args, repository.dspace());
        } catch (StartupException e) {
            System.err.println("ERROR " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("ERROR " + args[0] + ": " + StartupException.rootMessage(e));
            status = 1;
        }
        System.exit(status);
    }

    private static int run(String[] args, DSpaceRuntime dspace) throws Exception {
        ScriptService scripts = ScriptServiceFactory.getInstance().getScriptService();
        LauncherCommands launcher = LauncherCommands.of(Path.of(dspace.configuration().getProperty("dspace.dir")));
        if (scripts.getScriptConfiguration(args[0]) == null) {
            if (CLASSPATH.equals(args[0])) {
                System.out.println(System.getProperty("java.class.path"));
                return 0;
            }
            if (!launcher.has(args[0])) {
                System.err.println("ERROR unknown command '" + args[0] + "'; commands: "
                                       + String.join(", ", names(launcher)));
                return 2;
            }
            String missing = launcher.missingClass(args[0]);
            if (missing != null) {
                System.err.println("ERROR " + args[0] + ": this runtime does not have " + missing
                                       + " (config/launcher.xml)");
                return 1;
            }
        }
        int status = ScriptLauncher.handleScript(args, launcher.document(), new CommandLineDSpaceRunnableHandler(),
                                                 dspace.kernel());
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

    /**
     * Every command of the console: the script beans (DSpace's list for REST asks who may run what), the launcher's
     * and {@code classpath}.
     */
    private static List<String> names(LauncherCommands launcher) {
        Set<String> names = new TreeSet<>(launcher.names());
        new DSpace().getServiceManager().getServicesByType(ScriptConfiguration.class)
                    .forEach(script -> names.add(script.getName()));
        names.add(CLASSPATH);
        return List.copyOf(names);
    }
}
