/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dspace.app.util.DCInputsReader;
import org.dspace.app.util.DCInputsReaderException;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks merged submission files before they are written: {@code item-submission.xml} against the rules of
 * DSpace 8.1's {@code SubmissionConfigReader} (which reads only the installed file, so it runs after writing, in
 * {@link InstallCheck}), our processes against both files, and {@code submission-forms.xml} with DSpace's own
 * {@code DCInputsReader} on a temporary copy.
 */
final class SubmissionCheck {

    private SubmissionCheck() {
    }

    /**
     * What DSpace's {@code SubmissionConfigReader} would refuse in an {@code item-submission.xml}: a missing
     * section or default binding, a binding without what it binds or without a process, a binding to a process
     * that is not defined, a step definition without id or processing class, an id or process name used twice, a
     * process without steps or with a step that is not defined.
     *
     * @param file the file
     * @param name the file, for messages
     * @return the problems, one line each
     * @throws InstallException if the file is not well-formed XML
     */
    static Set<String> itemSubmission(byte[] file, String name) throws InstallException {
        Element root = XmlFiles.parse(file, name).getDocumentElement();
        Set<String> problems = new LinkedHashSet<>();
        Element map = child(root, "submission-map");
        Element steps = child(root, "step-definitions");
        Element processes = child(root, "submission-definitions");
        for (String section : List.of("submission-map", "step-definitions", "submission-definitions")) {
            if (child(root, section) == null) {
                problems.add("no <" + section + ">");
            }
        }
        Set<String> stepIds = new HashSet<>();
        for (Element step : children(steps, "step-definition")) {
            String id = step.getAttribute("id").strip();
            if (id.isEmpty()) {
                problems.add("a step-definition has no id");
            } else if (!stepIds.add(id)) {
                problems.add("two step-definitions " + id);
            }
            if (child(step, "processing-class") == null) {
                problems.add("step-definition " + id + " has no processing-class");
            }
        }
        Set<String> processNames = new HashSet<>();
        for (Element process : children(processes, "submission-process")) {
            String processName = process.getAttribute("name").strip();
            if (!processNames.add(processName)) {
                problems.add("two submission-processes " + processName);
            }
            List<Element> processSteps = children(process, "step");
            if (processSteps.isEmpty()) {
                problems.add("submission-process " + processName + " has no step");
            }
            for (Element step : processSteps) {
                String id = step.getAttribute("id").strip();
                if (!id.isEmpty() && !stepIds.contains(id)) {
                    problems.add("submission-process " + processName + " uses step " + id
                                     + ", which no step-definition defines");
                }
            }
        }
        boolean defaultMap = false;
        for (Element nameMap : children(map, "name-map")) {
            String process = nameMap.getAttribute("submission-name").strip();
            defaultMap |= "default".equals(nameMap.getAttribute("collection-handle").strip());
            if (ItemSubmissionMerge.BINDS.stream().noneMatch(nameMap::hasAttribute)) {
                problems.add("a name-map binds neither collection-handle, community-handle nor "
                                 + "collection-entity-type");
            }
            if (process.isEmpty()) {
                problems.add("a name-map has no submission-name");
            } else if (!processNames.contains(process)) {
                problems.add("a name-map names submission-process " + process + ", which is not defined");
            }
        }
        if (map != null && !defaultMap) {
            problems.add("no name-map for collection-handle default");
        }
        return problems;
    }

    /**
     * Whether our processes are whole in the merged files: each defined, each step defined, each form a step
     * shows defined.
     *
     * @param itemSubmission the merged {@code item-submission.xml}
     * @param forms          the merged {@code submission-forms.xml}
     * @param processes      our process names
     * @return the problems, one line each
     * @throws InstallException if a file is not well-formed XML
     */
    static List<String> ourProcesses(byte[] itemSubmission, byte[] forms, List<String> processes)
        throws InstallException {
        Element submission = XmlFiles.parse(itemSubmission, ItemSubmissionMerge.FILE).getDocumentElement();
        Element inputs = XmlFiles.parse(forms, SubmissionFormsMerge.FILE).getDocumentElement();
        Set<String> formNames = new HashSet<>();
        for (Element form : children(child(inputs, "form-definitions"), "form")) {
            formNames.add(form.getAttribute("name").strip());
        }
        List<String> problems = new ArrayList<>();
        for (String name : processes) {
            Element process = named(children(child(submission, "submission-definitions"), "submission-process"),
                                    "name", name);
            if (process == null) {
                problems.add(ItemSubmissionMerge.FILE + ": no submission-process " + name);
                continue;
            }
            for (Element step : children(process, "step")) {
                String id = step.getAttribute("id").strip();
                Element definition = named(children(child(submission, "step-definitions"), "step-definition"),
                                           "id", id);
                if (definition == null) {
                    problems.add(ItemSubmissionMerge.FILE + ": no step-definition " + id + " (process " + name + ")");
                } else if ("submission-form".equals(text(child(definition, "type"))) && !formNames.contains(id)) {
                    problems.add(SubmissionFormsMerge.FILE + ": no form " + id + " (process " + name + ")");
                }
            }
        }
        return problems;
    }

    /**
     * Reads a {@code submission-forms.xml} with DSpace's {@code DCInputsReader}, from a temporary folder that also
     * holds the DTD its DOCTYPE names (copied from the site's config folder, as DSpace reads it from there).
     *
     * @param forms     the file
     * @param configDir the site's config folder
     * @return the reader's complaint, or null if it reads the file
     * @throws InstallException if the temporary copy cannot be made
     */
    static String formsReader(byte[] forms, Path configDir) throws InstallException {
        Document document = XmlFiles.parse(forms, SubmissionFormsMerge.FILE);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("useit-install");
            Path file = folder.resolve("submission-forms.xml");
            Files.write(file, forms);
            DocumentType doctype = document.getDoctype();
            String dtd = doctype == null ? null : doctype.getSystemId();
            if (dtd != null && dtd.matches("[A-Za-z0-9._-]+") && Files.isRegularFile(configDir.resolve(dtd))) {
                Files.copy(configDir.resolve(dtd), folder.resolve(dtd));
            }
            new DCInputsReader(file.toString());
            return null;
        } catch (DCInputsReaderException e) {
            return "DSpace's DCInputsReader refuses it: " + e.getMessage();
        } catch (IOException e) {
            throw new InstallException("cannot make a temporary copy of " + SubmissionFormsMerge.FILE + ": "
                                           + e.getMessage(), e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static Element named(List<Element> elements, String attribute, String value) {
        for (Element element : elements) {
            if (value.equals(element.getAttribute(attribute).strip())) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
