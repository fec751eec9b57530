/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.servicemanager.DSpaceKernelInit;

/**
 * Runs a DSpace command the way {@code [dspace]/bin/dspace <name> ...} does (DSpace's script launcher finds it
 * among the registered script configurations), capturing its messages. A command a test runs to set things up
 * must succeed ({@link #run}); one whose failure is what the test checks is {@link #attempt}ed.
 */
public final class Scripts {

    private Scripts() {
    }

    /**
     * Runs a command that must succeed.
     *
     * @param args the command name and its arguments
     * @return the handler holding the command's info and warning messages
     * @throws Exception if the launcher cannot create the command
     * @throws AssertionError if the command fails (exit status, exception or error message)
     */
    public static TestDSpaceRunnableHandler run(String... args) throws Exception {
        TestDSpaceRunnableHandler handler = attempt(args);
        if (handler.getException() != null || !handler.getErrorMessages().isEmpty()) {
            throw new AssertionError("dspace " + String.join(" ", args) + " failed: " + handler.getErrorMessages(),
                                     handler.getException());
        }
        return handler;
    }

    /**
     * Runs a command that may fail: the test looks at how.
     *
     * @param args the command name and its arguments
     * @return the handler holding the command's info, warning and error messages and any exception
     * @throws Exception if the launcher cannot create the command
     */
    public static TestDSpaceRunnableHandler attempt(String... args) throws Exception {
        TestDSpaceRunnableHandler handler = new TestDSpaceRunnableHandler();
        int status = ScriptLauncher.handleScript(args, null, handler, DSpaceKernelInit.getKernel(null));
        if (status != 0 && handler.getException() == null && handler.getErrorMessages().isEmpty()) {
            throw new AssertionError("dspace " + String.join(" ", args) + " exited with " + status);
        }
        return handler;
    }
}
