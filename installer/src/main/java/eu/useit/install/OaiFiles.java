/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The OAI part of the install, planned like every other file: the site's {@code xoai.xml} with ours merged in
 * ({@link XoaiConfigMerge}), and our crosswalks beside it ({@code metadataFormats/useit*.xsl}) added when missing
 * or different — they have names of their own, so no crosswalk of the site's is ever written. The merged
 * configuration is checked as XOAI reads it ({@link XoaiConfigCheck}) before anything is written; the install's
 * {@link Journal} writes, backs up and rolls back.
 */
public final class OaiFiles {

    private final Path xoai;
    private final Path folder;
    private final OaiConfigSource source;
    private final SiteContexts siteContexts;

    /**
     * What the OAI part would write.
     *
     * @param files the files, with their new content and one line per change
     * @param notes site settings kept where USE-IT! differs, one line each (without the file's name)
     */
    public record Plan(List<FileChange> files, List<String> notes) {

        /**
         * @param files the files
         * @param notes the notes
         */
        public Plan {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param xoai         the site's {@code xoai.xml}
     * @param source       ours, usually {@link OaiConfigSource#bundled()}
     * @param siteContexts what to do to the site's own contexts ({@code -a}, {@code -x})
     */
    public OaiFiles(Path xoai, OaiConfigSource source, SiteContexts siteContexts) {
        this.xoai = xoai.toAbsolutePath().normalize();
        this.folder = this.xoai.getParent();
        this.source = source;
        this.siteContexts = siteContexts;
    }

    /**
     * @param name how reports name a file
     * @return the files to write and the notes; writes nothing
     * @throws InstallException if a file is missing or malformed, or the merged configuration would not be valid
     */
    public Plan plan(Function<Path, String> name) throws InstallException {
        byte[] ourFile = read(OaiConfigSource.XOAI);
        if (ourFile == null) {
            throw new InstallException(source + ": no such file");
        }
        XoaiConfigMerge merge = new XoaiConfigMerge(ourFile, source.toString(), siteContexts);
        byte[] site = readSite(xoai, name);
        Merged merged = merge.mergeInto(site, name.apply(xoai));
        List<FileChange> files = new ArrayList<>();
        List<Path> crosswalks = new ArrayList<>();
        for (String path : merge.crosswalks()) {
            Path file = folder.resolve(path).normalize();
            byte[] ours = read(path);
            if (ours == null) {
                // a crosswalk we do not carry: DSpace's own (oai_dc.xsl), which the site has
                continue;
            }
            String relative = folder.relativize(file).toString().replace('\\', '/');
            if (!file.startsWith(folder) || !relative.startsWith(XoaiConfigMerge.OUR_CROSSWALKS)) {
                // a crosswalk of ours under another name could take the place of one of the site's
                throw new InstallException(source + ": our crosswalk " + path + " is not named "
                                               + XoaiConfigMerge.OUR_CROSSWALKS + "*");
            }
            crosswalks.add(file);
            byte[] theirs = Files.exists(file) ? readSite(file, name) : null;
            if (theirs == null) {
                files.add(new FileChange(file, name.apply(file), ours, List.of("added (USE-IT!'s crosswalk)")));
            } else if (!Arrays.equals(theirs, ours)) {
                files.add(new FileChange(file, name.apply(file), ours,
                                         List.of("replaced by USE-IT!'s crosswalk (the site's differed)")));
            }
        }
        if (merged.changed()) {
            byte[] result = merged.content();
            List<String> problems = XoaiConfigCheck.problems(
                SiteXml.read(result, name.apply(xoai) + " (merged)", XoaiConfigMerge.ROOT).xml(),
                path -> crosswalks.contains(folder.resolve(path).normalize())
                    || Files.isRegularFile(folder.resolve(path)));
            if (!problems.isEmpty()) {
                throw new InstallException(name.apply(xoai) + ": the merged file would not be valid, nothing was "
                                               + "written: " + String.join("; ", problems));
            }
            files.add(new FileChange(xoai, name.apply(xoai), result, merged.changes()));
        }
        return new Plan(files, merged.notes());
    }

    private byte[] read(String path) throws InstallException {
        try {
            return source.read(path);
        } catch (IOException e) {
            throw new InstallException(source + ": " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readSite(Path file, Function<Path, String> name) throws InstallException {
        byte[] content = SiteFiles.readIfThere(file, name.apply(file));
        if (content == null) {
            throw new InstallException(name.apply(file) + ": no such file");
        }
        return content;
    }
}
