/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.nio.file.Path;

import org.apache.commons.cli.ParseException;
import org.dspace.scripts.DSpaceRunnable;
import org.dspace.services.ConfigurationService;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.utils.DSpace;

/**
 * {@code dspace useit-oai-config [-f xoai.xml] [-s our-xoai.xml] [-a] [-n]}: merges the USE-IT! OAI configuration
 * (contexts, formats, filters, conditions, sets, crosswalks) into the site's {@code xoai.xml}, keeping every site
 * customisation; with {@code -a}, the site's own contexts get our sets and formats too; see
 * {@link OaiConfigUpdate}. One line per change, then a summary; a second run says nothing
 * changed. A malformed file or an invalid result is one error line, and nothing is written.
 */
public class OaiConfigScript extends DSpaceRunnable<OaiConfigScriptConfiguration> {

    private Path file;
    private Path source;
    private boolean dryRun;
    private boolean siteContexts;

    @Override
    public OaiConfigScriptConfiguration getScriptConfiguration() {
        return new DSpace().getServiceManager()
                           .getServiceByName("useit-oai-config", OaiConfigScriptConfiguration.class);
    }

    @Override
    public void setup() throws ParseException {
        file = commandLine.hasOption('f') ? Path.of(commandLine.getOptionValue('f')) : null;
        source = commandLine.hasOption('s') ? Path.of(commandLine.getOptionValue('s')) : null;
        dryRun = commandLine.hasOption('n');
        siteContexts = commandLine.hasOption('a');
    }

    @Override
    public void internalRun() throws Exception {
        Path target = file != null ? file : defaultTarget();
        OaiConfigSource ours = source != null ? OaiConfigSource.file(source) : OaiConfigSource.bundled();
        OaiConfigReport report;
        try {
            OaiConfigUpdate update = new OaiConfigUpdate(target, ours);
            report = (siteContexts ? update.includingSiteContexts() : update).run(dryRun);
        } catch (OaiConfigException e) {
            handler.logError("useit-oai-config: " + e.getMessage());
            // the line above says it all: exit status 1 (failed process through REST), no stack trace
            handler.handleException((String) null);
            return;
        }
        report.lines().forEach(handler::logInfo);
        handler.logInfo("useit-oai-config: " + report.summary());
    }

    /** Where DSpace's OAI reads its configuration: {@code oai.config.dir}, by default under {@code dspace.dir}. */
    private static Path defaultTarget() {
        ConfigurationService configuration = DSpaceServicesFactory.getInstance().getConfigurationService();
        String folder = configuration.getProperty("oai.config.dir");
        if (folder == null || folder.isBlank()) {
            folder = Path.of(configuration.getProperty("dspace.dir"), "config", "crosswalks", "oai").toString();
        }
        return Path.of(folder, OaiConfigSource.XOAI);
    }
}
