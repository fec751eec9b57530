/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.tests.support;

import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.servicemanager.DSpaceKernelInit;

/**
 * Runs a DSpace command the way {@code [dspace]/bin/dspace <name> ...} does (DSpace's script launcher finds it
 * among the registered script configurations), capturing its messages.
 */
public final class Scripts {

    private Scripts() {
    }

    /**
     * @param args the command name and its arguments
     * @return the handler holding the command's info, warning and error messages and any exception
     * @throws Exception if the launcher cannot create the command
     */
    public static TestDSpaceRunnableHandler run(String... args) throws Exception {
        TestDSpaceRunnableHandler handler = new TestDSpaceRunnableHandler();
        int status = ScriptLauncher.handleScript(args, null, handler, DSpaceKernelInit.getKernel(null));
        if (status != 0 && handler.getException() == null) {
            throw new AssertionError("dspace " + String.join(" ", args) + " exited with " + status);
        }
        return handler;
    }
}
