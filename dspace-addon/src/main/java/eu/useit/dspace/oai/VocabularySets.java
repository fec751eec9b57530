/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;

import eu.useit.dspace.taxonomy.StrandVocabulary;

/**
 * The strand sets of the vocabulary file as it is now: the file is read again when it changes, so an edited
 * vocabulary changes the OAI sets without a restart.
 */
public final class VocabularySets implements Supplier<StrandSets> {

    private final Path dspaceDir;
    private final Path file;
    private FileTime loadedVersion;
    private StrandSets loaded;

    /**
     * @param dspaceDir the DSpace installation directory
     */
    public VocabularySets(Path dspaceDir) {
        this.dspaceDir = dspaceDir;
        this.file = dspaceDir.resolve("config").resolve("controlled-vocabularies")
                             .resolve(StrandVocabulary.NAME + ".xml");
    }

    @Override
    public synchronized StrandSets get() {
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (!version.equals(loadedVersion)) {
                loaded = new StrandSets(StrandVocabulary.load(dspaceDir));
                loadedVersion = version;
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("The strand vocabulary " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
