/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The test site: a DSpace home without USE-IT!, from hand-written files shaped like a DSpace 8 site's
 * ({@code site/config/...} next to this class): its own submission processes and forms (with DOCTYPEs), a
 * workflow curation with a task set of its own, an OAI configuration with one context.
 */
final class SiteHome {

    /** The fixture's files, relative to the DSpace home. */
    static final List<String> FILES = List.of("config/dspace.cfg", "config/item-submission.xml",
                                              "config/submission-forms.xml", "config/submission-forms.dtd",
                                              "config/workflow-curation.xml", "config/crosswalks/oai/xoai.xml",
                                              "config/crosswalks/oai/metadataFormats/oai_dc.xsl");

    private SiteHome() {
    }

    /**
     * @param home an empty folder
     * @return the folder, now a DSpace home
     */
    static Path install(Path home) throws IOException {
        for (String file : FILES) {
            Path target = home.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, fixture(file));
        }
        return home;
    }

    /**
     * @param file a file of {@link #FILES}
     * @return its fixture content
     */
    static byte[] fixture(String file) throws IOException {
        try (InputStream in = SiteHome.class.getResourceAsStream("site/" + file)) {
            if (in == null) {
                throw new IOException("no fixture " + file);
            }
            return in.readAllBytes();
        }
    }

    /**
     * @param fileName a fixture's file name ({@code item-submission.xml})
     * @return its text
     */
    static String text(String fileName) throws IOException {
        for (String file : FILES) {
            if (file.endsWith("/" + fileName)) {
                return new String(fixture(file), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("no fixture " + fileName);
    }

    /**
     * @param home a DSpace home
     * @return every file under it with its content, by relative path
     */
    static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(home.relativize(path).toString(),
                          new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
