/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import eu.useit.runtime.LocalAdministrator;
import eu.useit.runtime.Repository;
import eu.useit.runtime.RuntimeHome;
import eu.useit.runtime.RuntimeSettings;
import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.core.Context;
import org.dspace.scripts.handler.impl.CommandLineDSpaceRunnableHandler;
import org.dspace.servicemanager.DSpaceKernelInit;

/**
 * What the benchmarks do on a booted repository before they measure: run DSpace commands as
 * {@code [dspace]/bin/dspace <command>} does, and make the administrator account the commands act as.
 */
final class BenchScripts {

    private BenchScripts() {
    }

    /**
     * Runs a DSpace command in this JVM; any failure ends the benchmark.
     *
     * @param args the command name and its arguments
     * @throws Exception if the command fails or exits with a non-zero status
     */
    static void run(String... args) throws Exception {
        CommandLineDSpaceRunnableHandler handler = new CommandLineDSpaceRunnableHandler() {
            @Override
            public void handleException(String message, Exception e) {
                throw new IllegalStateException(args[0] + " failed: " + message, e);
            }
        };
        int status = ScriptLauncher.handleScript(args, null, handler, DSpaceKernelInit.getKernel(null));
        if (status != 0) {
            throw new IllegalStateException(args[0] + " exited with " + status);
        }
    }

    /**
     * Starts a repository in this JVM on an emptied data folder ({@code useit.data.dir}), with the administrator
     * account the commands act as and the USE-IT! structure ({@code useit-structure}).
     *
     * @param administrator the administrator's e-mail address
     * @return the running repository
     * @throws Exception if it does not start
     */
    static Repository freshRepository(String administrator) throws Exception {
        RuntimeSettings defaults = RuntimeSettings.fromSystem();
        RuntimeHome.delete(defaults.dataDir());
        RuntimeSettings settings = new RuntimeSettings(defaults.homeTemplate(), defaults.solrLib(),
                                                       defaults.dataDir(), "127.0.0.1", 0, 0, null);
        Repository repository = new Repository().start(settings, System.out);
        administrator(administrator);
        run("useit-structure");
        return repository;
    }

    /**
     * Finds or creates an administrator account.
     *
     * @param email its e-mail address
     * @throws Exception if the account cannot be written
     */
    static void administrator(String email) throws Exception {
        Context context = new Context();
        LocalAdministrator.account(context, email, null);
        context.complete();
    }
}
