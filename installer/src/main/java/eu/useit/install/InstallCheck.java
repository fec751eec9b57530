/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.dspace.app.util.DCInputsReader;
import org.dspace.app.util.DCInputsReaderException;
import org.dspace.app.util.SubmissionConfigReader;
import org.dspace.app.util.SubmissionConfigReaderException;

/**
 * Checks an installed site the way DSpace will read it, after the files are written: the submission processes
 * and forms through DSpace's own readers ({@code SubmissionConfigReader}, which reads only
 * {@code ${dspace.dir}/config/item-submission.xml}, and {@code DCInputsReader}), each of our processes and the form
 * of each of its steps, the workflow curation through {@code CurationTaskConfig}, the strand vocabulary through
 * {@link StrandVocabulary}, and the OAI configuration through the OAI merge's checker ({@link XoaiConfigCheck}).
 * Needs a running DSpace kernel whose {@code dspace.dir} is the site checked.
 */
public final class InstallCheck {

    private final Path dspaceDir;
    private final Path xoai;

    /**
     * @param dspaceDir the DSpace home (the running kernel's {@code dspace.dir})
     * @param xoai      the site's {@code xoai.xml}
     */
    public InstallCheck(Path dspaceDir, Path xoai) {
        this.dspaceDir = dspaceDir;
        this.xoai = xoai;
    }

    /**
     * @param processes our submission processes
     * @param forms     the forms they show
     * @return one line per problem, naming the file; empty if DSpace reads everything
     */
    public List<String> problems(List<String> processes, Collection<String> forms) {
        List<String> problems = new ArrayList<>();
        readByDSpace(problems, ItemSubmissionMerge.FILE, "SubmissionConfigReader", () -> {
            SubmissionConfigReader reader = new SubmissionConfigReader();
            for (String process : processes) {
                reader.getSubmissionConfigByName(process);
            }
        });
        readByDSpace(problems, SubmissionFormsMerge.FILE, "DCInputsReader", () -> {
            DCInputsReader reader = new DCInputsReader();
            for (String form : forms) {
                reader.getInputsByFormName(form);
            }
        });
        try {
            String problem = WorkflowCurationCheck.problem(Files.readAllBytes(
                dspaceDir.resolve(WorkflowCurationMerge.FILE)));
            if (problem != null) {
                problems.add(WorkflowCurationMerge.FILE + ": " + problem);
            }
        } catch (IOException e) {
            problems.add(WorkflowCurationMerge.FILE + ": cannot be read: " + e.getMessage());
        }
        try {
            StrandVocabulary.load(dspaceDir);
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        problems.addAll(oai());
        return problems;
    }

    /** Reads a file through one of DSpace's readers, which throws what it refuses. */
    @FunctionalInterface
    private interface DSpaceRead {
        void run() throws SubmissionConfigReaderException, DCInputsReaderException;
    }

    /**
     * Adds a problem, naming the file and the reader, when DSpace's reader refuses the file.
     */
    private static void readByDSpace(List<String> problems, String file, String reader, DSpaceRead read) {
        try {
            read.run();
        } catch (SubmissionConfigReaderException | DCInputsReaderException | RuntimeException e) {
            problems.add(file + ": DSpace's " + reader + " refuses it: " + e.getMessage());
        }
    }

    private List<String> oai() {
        XmlText configuration;
        try {
            configuration = SiteXml.read(Files.readAllBytes(xoai), xoai.toString(), XoaiConfigMerge.ROOT).xml();
        } catch (IOException | InstallException e) {
            return List.of(xoai + ": " + e.getMessage());
        }
        Path folder = xoai.getParent();
        List<String> problems = new ArrayList<>();
        for (String problem : XoaiConfigCheck.problems(configuration,
                                                        path -> Files.isRegularFile(folder.resolve(path)))) {
            problems.add(xoai + ": " + problem);
        }
        return problems;
    }
}
