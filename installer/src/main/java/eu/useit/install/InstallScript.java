/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import eu.useit.dspace.support.UseitScript;

/**
 * {@code dspace useit-install [-n]}: installs the USE-IT! addon into this DSpace, or finds it installed; see
 * {@link Install}. One line per change, notes and backups, then a summary; a second run says there is nothing to
 * do. A failure is one error line (exit status 1), and no file is left half-written.
 */
public class InstallScript extends UseitScript<InstallScriptConfiguration> {

    @Override
    public void internalRun() throws Exception {
        boolean dryRun = commandLine.hasOption('n');
        InstallReport report;
        try {
            SiteContexts siteContexts = SiteContexts.of(commandLine);
            report = Install.ofRunningDSpace().with(siteContexts).run(dryRun);
        } catch (InstallException e) {
            handler.logError(Install.NAME + ": " + e.getMessage());
            // the line above says it all: exit status 1 (failed process through REST), no stack trace
            handler.handleException((String) null);
            return;
        }
        report.lines().forEach(handler::logInfo);
        handler.logInfo(report.summary());
    }
}
