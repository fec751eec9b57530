/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import eu.useit.install.oai.OaiConfigException;
import eu.useit.install.oai.OaiConfigReport;
import eu.useit.install.oai.OaiConfigSource;
import eu.useit.install.oai.OaiConfigUpdate;

/**
 * The OAI part of the install, done by the OAI merge ({@link OaiConfigUpdate}, the engine of
 * {@code useit-oai-config}): the site's {@code xoai.xml} gets what it lacks of ours, and our crosswalks are written
 * beside it. A dry run first checks the merged configuration; the real run's backups and new files are then handed
 * to the install's {@link Journal}, so that a later failure puts them back too.
 */
final class OaiStep {

    private final Path xoai;
    private final Clock clock;
    private final boolean siteContexts;

    /**
     * @param xoai         the site's {@code xoai.xml}
     * @param clock        the install's clock (fixed: the OAI backups carry the install's time)
     * @param siteContexts whether the site's own contexts get our formats and sets too (an administrator's explicit
     *                     choice, {@code -a})
     */
    OaiStep(Path xoai, Clock clock, boolean siteContexts) {
        this.xoai = xoai.toAbsolutePath().normalize();
        this.clock = clock;
        this.siteContexts = siteContexts;
    }

    /**
     * @return what the merge would change; its result is checked as XOAI reads it
     * @throws InstallException if the site's configuration is missing or malformed, or the result would not be
     *                          valid
     */
    OaiConfigReport plan() throws InstallException {
        return run(true);
    }

    /**
     * Merges and writes.
     *
     * @param journal the install's journal, which adopts the files written
     * @param stamp   the install's time, which names the backups
     * @return what changed
     * @throws InstallException if the merge fails (what it wrote is in the journal)
     */
    OaiConfigReport apply(Journal journal, String stamp) throws InstallException {
        Path folder = xoai.getParent();
        Set<Path> before;
        try {
            before = files(folder);
        } catch (IOException e) {
            throw new InstallException(folder + ": cannot be listed: " + e.getMessage(), e);
        }
        try {
            return run(false);
        } finally {
            adopt(journal, stamp, folder, before);
        }
    }

    /** Hands the files the merge wrote to the journal: its backups by their stamp, and the files it created. */
    private static void adopt(Journal journal, String stamp, Path folder, Set<Path> before) {
        Set<Path> after;
        try {
            after = files(folder);
        } catch (IOException e) {
            return;
        }
        for (Path file : after) {
            if (before.contains(file)) {
                continue;
            }
            String name = file.getFileName().toString();
            int suffix = name.indexOf(OaiConfigUpdate.BACKUP_SUFFIX + stamp);
            if (suffix > 0) {
                journal.adoptReplaced(file.resolveSibling(name.substring(0, suffix)), file);
            } else {
                journal.adoptCreated(file);
            }
        }
    }

    private OaiConfigReport run(boolean dryRun) throws InstallException {
        try {
            OaiConfigUpdate update = new OaiConfigUpdate(xoai, OaiConfigSource.bundled(), clock);
            return (siteContexts ? update.includingSiteContexts() : update).run(dryRun);
        } catch (OaiConfigException e) {
            throw new InstallException(e.getMessage(), e);
        }
    }

    private static Set<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return new HashSet<>(files.filter(Files::isRegularFile).toList());
        }
    }
}
