/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the files of one install (or one {@code useit-oai-config}) and remembers how to take them back. A file
 * that exists is first copied to {@code <file>.useit-backup-<yyyyMMdd-HHmmss>}; every file is written to a
 * temporary file in its folder and moved into place, so a reader never sees half a file, with the access of the file
 * it replaces (or of the site's files beside it). {@link #rollback()} puts
 * back every file this journal wrote and removes the files it created and the backups it made.
 */
public final class Journal {

    /** What backups are named after: {@code xoai.xml.useit-backup-20250131-174502}. */
    public static final String BACKUP_SUFFIX = ".useit-backup-";

    private final String stamp;
    private final Map<Path, Path> backups = new LinkedHashMap<>();
    private final List<Path> created = new ArrayList<>();

    /**
     * @param stamp the time of the install, {@code yyyyMMdd-HHmmss}, which names the backups
     */
    Journal(String stamp) {
        this.stamp = stamp;
    }

    /**
     * Writes files: every one, or none.
     *
     * @param stamp the time of the install, {@code yyyyMMdd-HHmmss}, which names the backups
     * @param files the files to write, in order
     * @return the journal of what was written, for a rollback
     * @throws InstallException if a file cannot be written; then those already written were put back
     */
    static Journal writeAll(String stamp, List<FileChange> files) throws InstallException {
        Journal journal = new Journal(stamp);
        for (FileChange file : files) {
            try {
                journal.write(file.file(), file.content());
            } catch (IOException e) {
                List<String> left = journal.rollback();
                throw new InstallException(file.name() + ": cannot be written: " + e.getMessage()
                                               + (left.isEmpty() ? "; every file was put back"
                                                                 : "; NOT put back: " + String.join("; ", left)), e);
            }
        }
        return journal;
    }

    /**
     * Backs a file up (if it exists) and puts new content in its place, with the mode, group and owner of the file
     * replaced (or, for a new file, of the site's files beside it: {@link FileModes}). A symbolic link (a
     * {@code local.cfg} managed elsewhere) stays a link: the file it points to is written.
     *
     * @param link    the file
     * @param content its new content
     * @throws IOException if it cannot be backed up or written
     */
    void write(Path link, byte[] content) throws IOException {
        Path file = Files.isSymbolicLink(link) ? link.toRealPath() : link;
        boolean exists = Files.exists(file);
        if (exists) {
            backups.put(file, backup(file));
        } else {
            createFolders(file.getParent());
        }
        Path model = FileModes.model(file);
        Path temporary = temporaryBeside(file);
        try {
            Files.write(temporary, content);
            FileModes.follow(model, temporary);
            if (!exists) {
                created.add(file);
            }
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates the missing folders, each with the access of the folder it is made in. */
    private static void createFolders(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        Files.createDirectory(folder);
        FileModes.follow(folder.getParent(), folder);
    }

    /** A new empty file beside {@code file}, made as any new file is (the umask; not createTempFile's 0600). */
    private static Path temporaryBeside(Path file) throws IOException {
        return Files.createFile(file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
    }

    /**
     * @return the backups made (or adopted), in order
     */
    public List<Path> backups() {
        return List.copyOf(backups.values());
    }

    /**
     * @return whether nothing was written
     */
    public boolean isEmpty() {
        return backups.isEmpty() && created.isEmpty();
    }

    /**
     * Puts every file back as it was, as far as it can.
     *
     * @return one line per file that could not be put back (empty if all were)
     */
    public List<String> rollback() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Path, Path> entry : backups.entrySet()) {
            try {
                Path temporary = temporaryBeside(entry.getKey());
                try {
                    Files.copy(entry.getValue(), temporary, StandardCopyOption.REPLACE_EXISTING,
                               StandardCopyOption.COPY_ATTRIBUTES);
                    move(temporary, entry.getKey());
                } finally {
                    Files.deleteIfExists(temporary);
                }
                Files.delete(entry.getValue());
            } catch (IOException e) {
                failures.add(entry.getKey() + ": not put back (its backup is " + entry.getValue() + "): "
                                 + e.getMessage());
            }
        }
        for (Path file : created) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failures.add(file + ": not removed: " + e.getMessage());
            }
        }
        backups.clear();
        created.clear();
        return failures;
    }

    private Path backup(Path file) throws IOException {
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
