/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Brings a site's {@code [dspace]/config/crosswalks/oai/xoai.xml} up to the USE-IT! OAI configuration, and the
 * crosswalks ({@code metadataFormats/useit*.xsl}) next to it: what is missing is added (see {@link XoaiConfigMerge}),
 * a crosswalk of ours that is missing or different is written. Our crosswalks have names of their own, so no
 * crosswalk of the site's is ever written. Idempotent: when nothing is missing nothing is
 * written, not even a backup.
 * <p>
 * Before anything is written the merged configuration is checked ({@link XoaiConfigCheck}: well-formed, in the
 * order XOAI reads, every reference defined, every XSLT file there); each file replaced is first copied to
 * {@code <name>.useit-backup-<yyyyMMdd-HHmmss>}, then written through a temporary file moved into place.
 */
public final class OaiConfigUpdate {

    /** What backups are named after: {@code xoai.xml.useit-backup-20250131-174502}. */
    public static final String BACKUP_SUFFIX = ".useit-backup-";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path target;
    private final Path folder;
    private final OaiConfigSource source;
    private final Clock clock;
    private boolean siteContexts;

    /**
     * @param target the site's {@code xoai.xml}
     * @param source the USE-IT! configuration, usually {@link OaiConfigSource#bundled()}
     */
    public OaiConfigUpdate(Path target, OaiConfigSource source) {
        this(target, source, Clock.systemDefaultZone());
    }

    /**
     * @param target the site's {@code xoai.xml}
     * @param source the USE-IT! configuration
     * @param clock  the clock that dates backups
     */
    public OaiConfigUpdate(Path target, OaiConfigSource source, Clock clock) {
        this.target = target.toAbsolutePath().normalize();
        this.folder = this.target.getParent();
        this.source = source;
        this.clock = clock;
    }

    /**
     * Also brings the site's own contexts up to ours (see {@link XoaiConfigMerge#includingSiteContexts()}).
     *
     * @return this update
     */
    public OaiConfigUpdate includingSiteContexts() {
        this.siteContexts = true;
        return this;
    }

    /**
     * Merges, checks, and (unless it is a dry run) writes.
     *
     * @param dryRun report what would change, write nothing
     * @return what changed (or would change)
     * @throws OaiConfigException if a file is missing or malformed, or the merged configuration is not valid;
     *                            then nothing was written
     */
    public OaiConfigReport run(boolean dryRun) throws OaiConfigException {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        byte[] original = read(target);
        Document site = XoaiFile.parse(original, target.toString());
        byte[] ourBytes = readSource(OaiConfigSource.XOAI);
        if (ourBytes == null) {
            throw new OaiConfigException(source + ": no such file");
        }
        Document ours = XoaiFile.parse(ourBytes, source.toString());

        XoaiConfigMerge merge = new XoaiConfigMerge(ours);
        if (siteContexts) {
            merge.includingSiteContexts();
        }
        List<String> changes = new ArrayList<>(merge.mergeInto(site));
        boolean configurationChanged = !changes.isEmpty();
        Map<Path, byte[]> crosswalks = crosswalks(ours, changes, stamp);
        if (changes.isEmpty()) {
            return new OaiConfigReport(target, changes, merge.notes(), List.of(), false);
        }

        byte[] merged = configurationChanged ? XoaiFile.write(site, original) : original;
        List<String> problems = XoaiConfigCheck.problems(
            XoaiFile.parse(merged, target + " (merged)"),
            path -> crosswalks.containsKey(resolve(path)) || Files.isRegularFile(resolve(path)));
        if (!problems.isEmpty()) {
            throw new OaiConfigException(target + ": the merged configuration would not be valid, nothing was "
                                             + "written: " + String.join("; ", problems));
        }
        if (dryRun) {
            return new OaiConfigReport(target, changes, merge.notes(), List.of(), false);
        }

        List<Path> backups = new ArrayList<>();
        for (Map.Entry<Path, byte[]> crosswalk : crosswalks.entrySet()) {
            replace(crosswalk.getKey(), crosswalk.getValue(), stamp, backups);
        }
        if (configurationChanged) {
            replace(target, merged, stamp, backups);
        }
        return new OaiConfigReport(target, changes, merge.notes(), backups, true);
    }

    /** Our crosswalks the site lacks or has otherwise, by where they go; one change line each. */
    private Map<Path, byte[]> crosswalks(Document ours, List<String> changes, String stamp)
        throws OaiConfigException {
        Map<Path, byte[]> crosswalks = new LinkedHashMap<>();
        for (Element formats : Dom.children(ours.getDocumentElement(), "Formats")) {
            for (Element format : Dom.children(formats, "Format")) {
                String path = Dom.text(format, "XSLT");
                byte[] ourCrosswalk = path.isEmpty() ? null : readSource(path);
                Path file = resolve(path);
                if (ourCrosswalk == null || crosswalks.containsKey(file)) {
                    continue;
                }
                if (!file.startsWith(folder)) {
                    throw new OaiConfigException(source + ": format " + Dom.id(format) + ": XSLT " + path
                                                     + " is outside " + folder);
                }
                if (!XoaiConfigMerge.isOurs(format)) {
                    // a crosswalk of ours under another name could take the place of one of the site's
                    throw new OaiConfigException(source + ": format " + Dom.id(format) + ": our crosswalk " + path
                                                     + " is not named " + XoaiConfigMerge.OUR_CROSSWALKS + "*");
                }
                if (!Files.exists(file)) {
                    crosswalks.put(file, ourCrosswalk);
                    changes.add("added crosswalk " + path);
                } else if (!Arrays.equals(read(file), ourCrosswalk)) {
                    crosswalks.put(file, ourCrosswalk);
                    changes.add("replaced crosswalk " + path + " (the site's is kept as " + file.getFileName()
                                    + BACKUP_SUFFIX + stamp + ")");
                }
            }
        }
        return crosswalks;
    }

    private Path resolve(String path) {
        return folder.resolve(path).normalize();
    }

    private byte[] readSource(String path) throws OaiConfigException {
        try {
            return source.read(path);
        } catch (IOException e) {
            throw new OaiConfigException(source + ": " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws OaiConfigException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OaiConfigException(file + ": no such file", e);
        } catch (IOException e) {
            throw new OaiConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Backs {@code file} up (if it exists), then puts {@code content} in its place through a temporary file. */
    private void replace(Path file, byte[] content, String stamp, List<Path> backups) throws OaiConfigException {
        try {
            if (Files.exists(file)) {
                backups.add(backup(file, stamp));
            } else {
                Files.createDirectories(file.getParent());
            }
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
            try {
                Files.write(temporary, content);
                Path like = Files.exists(file) ? file : target;
                PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
                if (view != null) {
                    view.setPermissions(Files.getFileAttributeView(like, PosixFileAttributeView.class)
                                             .readAttributes().permissions());
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                               StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new OaiConfigException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static Path backup(Path file, String stamp) throws IOException {
        String name = file.getFileName() + BACKUP_SUFFIX + stamp;
        for (int attempt = 1; ; attempt++) {
            Path backup = file.resolveSibling(attempt == 1 ? name : name + "-" + attempt);
            try {
                return Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (FileAlreadyExistsException e) {
                // a backup of this second already exists: number this one
            }
        }
    }
}
