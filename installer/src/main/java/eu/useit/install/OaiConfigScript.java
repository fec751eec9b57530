/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.support.UseitScript;
import org.dspace.services.ConfigurationService;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * {@code dspace useit-oai-config [-f xoai.xml] [-s our-xoai.xml] [-a] [-n]}: the OAI part of the install alone
 * ({@link OaiFiles}): merges the USE-IT! OAI configuration (contexts, formats, filters, conditions, sets,
 * crosswalks) into the site's {@code xoai.xml}, keeping every site customisation; with {@code -a}, the site's own
 * contexts get our sets and formats too. Written through the install's {@link Journal} (backups, all or nothing).
 * One line per change, then a summary; a second run says nothing changed. A malformed file or an invalid result is
 * one error line, and nothing is written.
 */
public class OaiConfigScript extends UseitScript<OaiConfigScriptConfiguration> {

    /** The command's name. */
    public static final String NAME = "useit-oai-config";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Override
    public void internalRun() throws Exception {
        String file = commandLine.getOptionValue('f');
        String source = commandLine.getOptionValue('s');
        boolean dryRun = commandLine.hasOption('n');
        Path target = (file != null ? Path.of(file) : defaultTarget()).toAbsolutePath().normalize();
        OaiConfigSource ours = source != null ? OaiConfigSource.file(Path.of(source)) : OaiConfigSource.bundled();
        List<String> changes = new ArrayList<>();
        List<Path> backups = List.of();
        List<String> warnings = List.of();
        OaiFiles.Plan plan;
        try {
            SiteContexts siteContexts = SiteContexts.of(commandLine);
            // the configuration by its path, as given; our crosswalks by their path beside it
            plan = new OaiFiles(target, ours, siteContexts).plan(path -> path.equals(target) ? target.toString()
                : target.getParent().relativize(path).toString().replace('\\', '/'));
            for (FileChange change : plan.files()) {
                String prefix = change.file().equals(target) ? "" : change.name() + ": ";
                change.changes().forEach(line -> changes.add(prefix + line));
            }
            if (!dryRun && !plan.files().isEmpty()) {
                Journal journal = Journal.writeAll(LocalDateTime.now().format(STAMP), plan.files());
                backups = journal.backups();
                warnings = journal.warnings();
            }
        } catch (InstallException e) {
            handler.logError(NAME + ": " + e.getMessage());
            // the line above says it all: exit status 1 (failed process through REST), no stack trace
            handler.handleException((String) null);
            return;
        }
        ReportLines.of(changes, plan.notes(), warnings, backups, null).forEach(handler::logInfo);
        String count = changes.size() + (changes.size() == 1 ? " change" : " changes");
        handler.logInfo(NAME + ": " + (changes.isEmpty()
            ? "nothing changed: " + target + " already has the USE-IT! OAI configuration"
            : dryRun ? "dry run: " + count + " to make in " + target + "; nothing was written"
            : count + " written to " + target));
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
