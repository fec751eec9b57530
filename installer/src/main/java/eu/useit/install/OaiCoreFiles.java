/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The configuration of DSpace's OAI-PMH Solr core that the addon serves from: the project's
 * {@code runtime/home/solr/oai/conf}, which the installer jar carries. DSpace 8.1's own OAI core lacks the field
 * {@code item.since} by which harvests are ordered and paged, and the {@code useit-place} update chain, so every
 * list request would fail on it. The install puts ours where DSpace's installation keeps its cores' configuration,
 * {@code [dspace]/solr/oai/conf} (the site's files backed up), and says what the administrator does next: Solr
 * reads its cores' configuration from its own folders or from ZooKeeper, never from {@code [dspace]}. A home
 * without that folder keeps its Solr configuration elsewhere and is left alone.
 */
final class OaiCoreFiles {

    /** The core's folder, relative to the DSpace home. */
    static final String FOLDER = "solr/oai/conf";

    /** The files of the configuration. */
    static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

    private static final String BUNDLED = "/eu/useit/install/solr/oai/conf/";

    private OaiCoreFiles() {
    }

    /**
     * @param dspaceDir the DSpace home
     * @param stamp     the install's time, which names the backups
     * @param name      names a file as reports do
     * @param notes     where the next step for the administrator goes, when a file changes
     * @return the files to write: each that is missing or differs from ours; none when the site has no
     *     {@value #FOLDER}
     * @throws InstallException if the installer jar lacks a file, or a site file cannot be read
     */
    static List<FileChange> plan(Path dspaceDir, String stamp, Function<Path, String> name, List<String> notes)
        throws InstallException {
        List<FileChange> files = new ArrayList<>();
        if (!Files.isDirectory(dspaceDir.resolve(FOLDER))) {
            // the site keeps its Solr configuration elsewhere (the project's own runtime does): see the docs
            return files;
        }
        for (String file : FILES) {
            Path path = dspaceDir.resolve(FOLDER).resolve(file);
            byte[] ours = bundled(file);
            byte[] theirs = SiteFiles.readIfThere(path, name.apply(path));
            if (theirs == null) {
                files.add(new FileChange(path, name.apply(path), ours,
                                         List.of("added (USE-IT!'s OAI-PMH core configuration)")));
            } else if (!Arrays.equals(theirs, ours)) {
                files.add(new FileChange(path, name.apply(path), ours, List.of(
                    "replaced by USE-IT!'s OAI-PMH core configuration (the site's is kept as " + file
                        + ".useit-backup-" + stamp + ")")));
            }
        }
        if (!files.isEmpty()) {
            notes.add(FOLDER + ": give your Solr's oai core this configuration and an empty index (DSpace's has no "
                + "item.since, by which USE-IT! pages harvests: until then every OAI-PMH list fails): standalone, "
                + "replace the core's conf/ folder with it and delete the core's data/ folder; on SolrCloud, upload "
                + "it as the oai collection's configset and create the collection anew; restart Solr, then rebuild "
                + "the OAI-PMH index: [dspace]/bin/dspace useit-reindex -o");
        }
        return files;
    }

    private static byte[] bundled(String file) throws InstallException {
        try (InputStream in = OaiCoreFiles.class.getResourceAsStream(BUNDLED + file)) {
            if (in == null) {
                throw new InstallException("the installer jar carries no " + BUNDLED.substring(1) + file
                                               + " (a broken build?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InstallException(BUNDLED.substring(1) + file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
