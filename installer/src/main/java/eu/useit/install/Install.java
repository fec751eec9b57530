/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;
import org.dspace.services.ConfigurationService;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * Installs the USE-IT! addon into the DSpace it runs in, whose administrator has only added the addon jar:
 * <ol>
 * <li>the site's files ({@link InstallFiles}): our drop-ins copied when missing or different, our settings,
 * submission processes, forms, workflow curation and OAI configuration merged into the site's files, each merged
 * file checked before anything is written, every replaced file backed up;</li>
 * <li>a check of the installed files as DSpace reads them ({@link InstallCheck}); if DSpace refuses them, every
 * file is put back;</li>
 * <li>the database ({@link InstallLoad}): our metadata registries, item types and relationship types.</li>
 * </ol>
 * One line per change, then a summary; a second run finds nothing to do. Run it as
 * {@code [dspace]/bin/dspace useit-install} once the addon's {@code useit-scripts.xml} is in
 * {@code [dspace]/config/spring/api}; before that (the first time) as
 * {@code [dspace]/bin/dspace dsrun eu.useit.install.Install}, which DSpace's launcher runs after starting
 * its kernel, like any class with a {@code main} method.
 */
public final class Install {

    /** The command's name. */
    public static final String NAME = "useit-install";

    private final InstallFiles files;

    /**
     * @param dspaceDir the DSpace home; the running kernel's {@code dspace.dir}
     * @param xoai      the site's {@code xoai.xml}
     * @param dropIns   our drop-ins
     * @param clock     the clock that dates the backups
     */
    public Install(Path dspaceDir, Path xoai, DropIns dropIns, Clock clock) {
        this(new InstallFiles(dspaceDir, xoai, dropIns, clock));
    }

    private Install(InstallFiles files) {
        this.files = files;
    }

    /**
     * @param siteContexts what to do to the site's own OAI contexts ({@code -a}, {@code -x})
     * @return this install, with that choice
     */
    public Install with(SiteContexts siteContexts) {
        return new Install(files.with(siteContexts));
    }

    /**
     * @return the install of the DSpace whose kernel runs: {@code dspace.dir}, {@code oai.config.dir}, and the
     *         drop-ins of the addon jar
     * @throws InstallException if the addon jar carries no drop-ins
     */
    public static Install ofRunningDSpace() throws InstallException {
        ConfigurationService configuration = DSpaceServicesFactory.getInstance().getConfigurationService();
        Path dspaceDir = Path.of(configuration.getProperty("dspace.dir"));
        String oaiFolder = configuration.getProperty("oai.config.dir");
        Path xoai = oaiFolder == null || oaiFolder.isBlank() ? InstallFiles.defaultXoai(dspaceDir)
                                                            : Path.of(oaiFolder, "xoai.xml");
        try {
            return new Install(dspaceDir, xoai, DropIns.bundled(), Clock.systemDefaultZone());
        } catch (IOException e) {
            throw new InstallException(e.getMessage(), e);
        }
    }

    /**
     * Installs, or reports what it would do.
     *
     * @param dryRun report what would change; write nothing, load nothing
     * @return what changed (or would change)
     * @throws InstallException if a file is missing or malformed, a merge would not be valid, DSpace refuses the
     *                          installed files (then they were put back) or the database refuses a load
     */
    public InstallReport run(boolean dryRun) throws InstallException {
        Path dspaceDir = files.dspaceDir();
        InstallPlan plan = files.plan();
        InstallLoad load = files.load();
        List<String> changes = new ArrayList<>(plan.changes());
        if (dryRun) {
            changes.addAll(load.run(true));
            return new InstallReport(dspaceDir, changes, plan.notes(), List.of(), List.of(), true);
        }
        Journal journal = files.apply(plan);
        List<String> problems;
        try {
            problems = files.check().problems(plan.processes(), plan.forms());
        } catch (RuntimeException e) {
            problems = List.of("the installed files could not be checked: " + e);
        }
        if (!problems.isEmpty()) {
            boolean written = !journal.isEmpty();
            List<String> left = journal.rollback();
            throw new InstallException(String.join("; ", problems) + (!written ? ""
                : left.isEmpty() ? "; every file this run wrote was put back"
                : "; NOT put back: " + String.join("; ", left)));
        }
        try {
            changes.addAll(load.run(false));
        } catch (InstallException e) {
            // the warnings would not be given again: the next run finds the files written
            String warnings = journal.warnings().isEmpty() ? "" : "; warning: " + String.join("; warning: ",
                                                                                              journal.warnings());
            throw new InstallException(e.getMessage() + (plan.isEmpty() ? "" : " (the files were installed; run "
                + NAME + " again once the database is fixed)") + warnings, e);
        }
        return new InstallReport(dspaceDir, changes, plan.notes(), journal.warnings(), journal.backups(),
                                 false);
    }

    /**
     * {@code [dspace]/bin/dspace dsrun eu.useit.install.Install [-n] [-h]}: the install for a site that
     * does not know the {@code useit-install} command yet. Exits with status 1 on failure (one error line).
     *
     * @param args the options
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the install as {@link #main} does, printing to the given streams, without leaving the JVM.
     *
     * @param args the options
     * @param out  where the report goes
     * @param err  where an error line goes
     * @return the exit status: 0 done (or nothing to do), 1 failed
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(InstallOptions.options(), args);
        } catch (ParseException e) {
            err.println(NAME + ": " + e.getMessage());
            help(err);
            return 1;
        }
        if (line.hasOption('h')) {
            help(out);
            return 0;
        }
        try {
            SiteContexts siteContexts = SiteContexts.of(line);
            InstallReport report = ofRunningDSpace().with(siteContexts).run(line.hasOption('n'));
            report.lines().forEach(out::println);
            out.println(report.summary());
            return 0;
        } catch (InstallException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        }
    }

    private static void help(PrintStream stream) {
        PrintWriter writer = new PrintWriter(stream);
        new HelpFormatter().printHelp(writer, HelpFormatter.DEFAULT_WIDTH,
                                      "dspace dsrun " + Install.class.getName() + " [-n] [-a [-x]]",
                                      "Install the USE-IT! addon into this DSpace (later runs: dspace " + NAME + ")",
                                      InstallOptions.options(), HelpFormatter.DEFAULT_LEFT_PAD,
                                      HelpFormatter.DEFAULT_DESC_PAD, null);
        writer.flush();
    }
}
