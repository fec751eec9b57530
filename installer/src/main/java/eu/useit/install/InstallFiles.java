/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The file part of the install, which needs no running DSpace: plans every change to a site's
 * {@code [dspace]/config} (drop-ins copied, {@code .cfg} settings, submission processes and forms, workflow
 * curation, OAI), checks every merged file, and writes them all, or none.
 * <ol>
 * <li>{@link #plan()} reads the site's files and merges ours in memory; each merged file is checked as DSpace will
 * read it (see {@link SubmissionCheck}, {@link WorkflowCurationCheck}, and the OAI merge's own check). A
 * missing or malformed site file, or a merge that would not be valid, ends here: nothing is written.</li>
 * <li>{@link #apply(InstallPlan)} writes the planned files through a {@link Journal} (backups, atomic writes);
 * if one cannot be written, those already written are put back.</li>
 * </ol>
 */
public final class InstallFiles {

    /** Where installs before the installer's own Spring folder put its commands (DSpace's web app loads it too). */
    static final String EARLIER_INSTALL_SCRIPTS = "spring/api/useit-install-scripts.xml";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dspaceDir;
    private final Path config;
    private final DropIns dropIns;
    private final Path xoai;
    private final OaiFiles oai;
    private final Clock clock;

    /**
     * @param dspaceDir the DSpace home
     * @param xoai      the site's OAI configuration ({@code ${oai.config.dir}/xoai.xml})
     * @param dropIns   our drop-ins, usually {@link DropIns#bundled()}
     * @param clock     the clock that dates the backups
     */
    public InstallFiles(Path dspaceDir, Path xoai, DropIns dropIns, Clock clock) {
        this(dspaceDir, xoai, dropIns, clock, SiteContexts.LEFT);
    }

    /**
     * @param dspaceDir    the DSpace home
     * @param xoai         the site's OAI configuration ({@code ${oai.config.dir}/xoai.xml})
     * @param dropIns      our drop-ins, usually {@link DropIns#bundled()}
     * @param clock        the clock that dates the backups
     * @param siteContexts what to do to the site's own OAI contexts (the administrator's explicit choice:
     *                     {@code -a}, {@code -x}); by default they are left as they are
     */
    public InstallFiles(Path dspaceDir, Path xoai, DropIns dropIns, Clock clock, SiteContexts siteContexts) {
        this.dspaceDir = dspaceDir.toAbsolutePath().normalize();
        this.config = this.dspaceDir.resolve("config");
        this.dropIns = dropIns;
        this.clock = Clock.fixed(clock.instant(), clock.getZone());
        this.xoai = xoai.toAbsolutePath().normalize();
        this.oai = new OaiFiles(xoai, OaiConfigSource.bundled(), siteContexts);
    }

    /** The date and time in the names of this install's backups (its clock is fixed). */
    private String stamp() {
        return LocalDateTime.now(clock).format(STAMP);
    }

    /**
     * @param siteContexts what to do to the site's own OAI contexts ({@code -a}, {@code -x})
     * @return the same install's files, with that choice
     */
    public InstallFiles with(SiteContexts siteContexts) {
        return new InstallFiles(dspaceDir, xoai, dropIns, clock, siteContexts);
    }

    /**
     * @return the DSpace home
     */
    public Path dspaceDir() {
        return dspaceDir;
    }

    /**
     * @return the database part of this install: our metadata registries, item and relationship types
     */
    public InstallLoad load() {
        return new InstallLoad(dspaceDir, dropIns);
    }

    /**
     * @return the check of this install's files as DSpace reads them, once they are written
     */
    public InstallCheck check() {
        return new InstallCheck(dspaceDir, xoai);
    }

    /**
     * @param dspaceDir the DSpace home
     * @return where DSpace's OAI reads its configuration unless {@code oai.config.dir} says otherwise
     */
    public static Path defaultXoai(Path dspaceDir) {
        return dspaceDir.resolve("config").resolve("crosswalks").resolve("oai").resolve("xoai.xml");
    }

    /**
     * Works out every change, and checks the merged files. Writes nothing.
     *
     * @return the plan
     * @throws InstallException if a site file is missing or malformed, or a merged file would not be valid
     */
    public InstallPlan plan() throws InstallException {
        if (!Files.isRegularFile(config.resolve("dspace.cfg"))) {
            throw new InstallException(dspaceDir + ": not a DSpace home (it has no config/dspace.cfg)");
        }
        if (!dropIns.unknown().isEmpty()) {
            throw new InstallException("the addon jar carries drop-ins that would replace site files: "
                                           + String.join(", ", dropIns.unknown()));
        }
        List<FileChange> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String path : dropIns.copies()) {
            copy(path, files);
        }
        Path earlierScripts = config.resolve(EARLIER_INSTALL_SCRIPTS);
        if (Files.exists(earlierScripts)) {
            // not removed by the install: the journal writes and puts back, it does not delete a site's file
            notes.add(name(earlierScripts) + ": an earlier install's; the installer's commands are now in config/"
                          + "spring/" + InstallerSpringLoader.FOLDER + ", which the web application does not load:"
                          + " remove this file, then the installer jar may leave the web application's WEB-INF/lib");
        }

        Path dspaceCfg = dspaceDir.resolve(CfgMerge.DSPACE_CFG);
        Path localCfg = dspaceDir.resolve(CfgMerge.LOCAL_CFG);
        CfgMerge.Result cfg = CfgMerge.merge(read(dspaceCfg), readIfThere(localCfg));
        add(dspaceCfg, cfg.dspaceCfg(), files, notes);
        add(localCfg, cfg.localCfg(), files, notes);

        Path submissionFile = dspaceDir.resolve(ItemSubmissionMerge.FILE);
        byte[] siteSubmission = read(submissionFile);
        ItemSubmissionMerge submission = new ItemSubmissionMerge(ours("item-submission.xml"));
        Merged mergedSubmission = submission.mergeInto(siteSubmission, ItemSubmissionMerge.FILE);
        add(submissionFile, mergedSubmission, files, notes);

        Path formsFile = dspaceDir.resolve(SubmissionFormsMerge.FILE);
        byte[] siteForms = read(formsFile);
        Merged mergedForms = new SubmissionFormsMerge(ours("submission-forms.xml"), submission.forms())
            .mergeInto(siteForms, SubmissionFormsMerge.FILE);
        add(formsFile, mergedForms, files, notes);

        Path workflowFile = dspaceDir.resolve(WorkflowCurationMerge.FILE);
        byte[] siteWorkflow = readIfThere(workflowFile);
        byte[] ourWorkflow = ours("workflow-curation.xml");
        Merged mergedWorkflow = siteWorkflow == null
            ? new Merged(ourWorkflow, List.of("added (USE-IT!'s drop-in)"), List.of())
            : new WorkflowCurationMerge(ourWorkflow).mergeInto(siteWorkflow, WorkflowCurationMerge.FILE);
        add(workflowFile, mergedWorkflow, files, notes);

        check(siteSubmission, mergedSubmission, siteForms, mergedForms, mergedWorkflow, submission.processNames());
        OaiFiles.Plan oaiPlan = oai.plan(this::name);
        files.addAll(oaiPlan.files());
        for (String note : oaiPlan.notes()) {
            notes.add(oaiName() + ": " + note);
        }
        files.addAll(OaiCoreFiles.plan(dspaceDir, stamp(), this::name, notes));
        return new InstallPlan(stamp(), files, notes, submission.processNames(),
                               new LinkedHashSet<>(submission.forms()));
    }

    /**
     * Writes a plan: every file, or none.
     *
     * @param plan a plan of this install
     * @return the journal of what was written, for a rollback
     * @throws InstallException if a file cannot be written; then those already written were put back
     */
    public Journal apply(InstallPlan plan) throws InstallException {
        return Journal.writeAll(plan.stamp(), plan.files());
    }

    private void check(byte[] siteSubmission, Merged submission, byte[] siteForms, Merged forms, Merged workflow,
                       List<String> processes) throws InstallException {
        byte[] newSubmission = submission.changed() ? submission.content() : siteSubmission;
        byte[] newForms = forms.changed() ? forms.content() : siteForms;
        if (submission.changed()) {
            Set<String> introduced = SubmissionCheck.itemSubmission(newSubmission, ItemSubmissionMerge.FILE);
            introduced.removeAll(SubmissionCheck.itemSubmission(siteSubmission, ItemSubmissionMerge.FILE));
            if (!introduced.isEmpty()) {
                throw invalid(ItemSubmissionMerge.FILE, String.join("; ", introduced));
            }
        }
        List<String> missing = SubmissionCheck.ourProcesses(newSubmission, newForms, processes);
        if (!missing.isEmpty()) {
            throw new InstallException("the USE-IT! submission processes would not be whole, nothing was written: "
                                           + String.join("; ", missing));
        }
        if (forms.changed()) {
            String problem = SubmissionCheck.formsReader(newForms, config);
            if (problem != null) {
                String before = SubmissionCheck.formsReader(siteForms, config);
                throw before == null ? invalid(SubmissionFormsMerge.FILE, problem)
                    : new InstallException(SubmissionFormsMerge.FILE + ": already as it is, " + before
                                               + " (fix it first; nothing was written)");
            }
        }
        if (workflow.changed()) {
            String problem = WorkflowCurationCheck.problem(workflow.content());
            if (problem != null) {
                throw invalid(WorkflowCurationMerge.FILE, problem);
            }
        }
    }

    private static InstallException invalid(String file, String problem) {
        return new InstallException(file + ": the merged file would not be valid, nothing was written: " + problem);
    }

    private void copy(String path, List<FileChange> files) throws InstallException {
        Path site = config.resolve(path);
        byte[] ours = dropIns.read(path);
        byte[] theirs = readIfThere(site);
        if (theirs == null) {
            files.add(new FileChange(site, name(site), ours, List.of("added (USE-IT!'s drop-in)")));
        } else if (!Arrays.equals(theirs, ours)) {
            files.add(new FileChange(site, name(site), ours,
                                     List.of("replaced by USE-IT!'s drop-in (the site's differed; it is kept as "
                                                 + site.getFileName() + ".useit-backup-" + stamp() + ")")));
        }
    }

    private void add(Path file, Merged merged, List<FileChange> files, List<String> notes) {
        String name = name(file);
        merged.notes().forEach(note -> notes.add(name + ": " + note));
        if (merged.changed()) {
            files.add(new FileChange(file, name, merged.content(), merged.changes()));
        }
    }

    private byte[] ours(String path) throws InstallException {
        byte[] content = dropIns.read(path);
        if (content == null) {
            throw new InstallException("the addon jar carries no " + path + " (a broken build?)");
        }
        return content;
    }

    private String oaiName() {
        return name(xoai);
    }

    /** A file as reports name it: relative to the DSpace home when it is inside, else absolute. */
    private String name(Path file) {
        return file.startsWith(dspaceDir) ? dspaceDir.relativize(file).toString().replace('\\', '/')
                                          : file.toString();
    }

    private byte[] read(Path file) throws InstallException {
        byte[] content = readIfThere(file);
        if (content == null) {
            throw new InstallException(name(file) + ": no such file in " + dspaceDir);
        }
        return content;
    }

    private byte[] readIfThere(Path file) throws InstallException {
        return SiteFiles.readIfThere(file, name(file));
    }
}
