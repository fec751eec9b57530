/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the files of one install (or one {@code useit-oai-config}) and remembers how to take them back. A file
 * that exists is first copied to {@code <file>.useit-backup-<yyyyMMdd-HHmmss>}; every file is written to a
 * temporary file in its folder and moved into place, so a reader never sees half a file, with the access of the file
 * it replaces (or of the site's files beside it). {@link #rollback()} puts
 * back every file this journal wrote and removes the files and folders it created and the backups it made.
 */
public final class Journal {

    /** What backups are named after: {@code xoai.xml.useit-backup-20250131-174502}. */
    public static final String BACKUP_SUFFIX = ".useit-backup-";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String stamp;
    private final Map<Path, Path> backups = new LinkedHashMap<>();
    private final List<Path> created = new ArrayList<>();
    private final List<Path> createdFolders = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Function<Path, PosixFileAttributeView> views;

    /**
     * @param stamp the time of the install, {@code yyyyMMdd-HHmmss}, which names the backups
     */
    Journal(String stamp) {
        this(stamp, path -> Files.getFileAttributeView(path, PosixFileAttributeView.class));
    }

    /**
     * @param stamp the time of the install, {@code yyyyMMdd-HHmmss}, which names the backups
     * @param views how a file's access is changed (a test gives views that refuse as a non-root user's would)
     */
    Journal(String stamp, Function<Path, PosixFileAttributeView> views) {
        this.stamp = stamp;
        this.views = views;
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
     * replaced (or, for a new file, of the site's files beside it: {@link FileModes}; a new {@code local.cfg}, where
     * a site keeps its secrets, without the rights of other users). A symbolic link (a
     * {@code local.cfg} managed elsewhere) stays a link: the file it points to is written, if the link's owner
     * owns it.
     *
     * @param link    the file
     * @param content its new content
     * @throws IOException if it cannot be backed up or written
     */
    void write(Path link, byte[] content) throws IOException {
        Path file = Files.isSymbolicLink(link) ? target(link) : link;
        boolean exists = Files.exists(file);
        if (exists) {
            backups.put(file, backup(file));
        } else {
            createFolders(file.getParent());
        }
        Path model = FileModes.model(file);
        // made for its owner only, given the access it follows while still empty, and only then written: nobody
        // else may open it while it holds a site's settings (a local.cfg's password)
        Path temporary = temporaryBeside(file, model != null);
        try {
            // opened before its mode changes: a read-only mode (0440) does not stop the writing
            try (OutputStream out = Files.newOutputStream(temporary)) {
                warnIfGroupless(file, model, FileModes.follow(model, views.apply(temporary)));
                if (!exists && (FileModes.holdsSecrets(link) || FileModes.holdsSecrets(file))) {
                    FileModes.closeToOthers(views.apply(temporary));
                }
                out.write(content);
            }
            if (!exists) {
                created.add(file);
            }
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates the missing folders, each with the access of the folder it is made in, and remembers them. */
    private void createFolders(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(folder)) {
                // made by someone else meanwhile: theirs, not the install's to remove
                return;
            }
            throw e;
        }
        createdFolders.add(folder);
        warnIfGroupless(folder, folder.getParent(), FileModes.follow(folder.getParent(), views.apply(folder)));
    }

    /** Notes a file or folder that could not be given the group of the one it follows. */
    private void warnIfGroupless(Path file, Path model, FileModes.GroupNotGiven lost) {
        if (lost != null) {
            warnings.add(file + ": not given the group " + lost.group() + " of " + model.getFileName() + " (only root"
                + " or a member of " + lost.group() + " may give it), so " + lost.group() + " has no rights to it:"
                + " if DSpace's server runs as another user, it may not read it; give them with: chgrp "
                + quoted(lost.group()) + " " + quoted(file.toString()) + " && chmod g+" + lost.rights() + " "
                + quoted(file.toString()));
        }
    }

    /**
     * A new empty file beside {@code file}: for its owner only, or made as any new file is (the umask) when no site
     * file gives it its access.
     */
    private static Path temporaryBeside(Path file, boolean ownerOnly) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return ownerOnly && FileModes.isPosix(temporary.getParent())
            ? Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createFile(temporary);
    }

    /**
     * The file a symbolic link points to, written in its place so that the link stays (a {@code local.cfg} kept
     * elsewhere); only when the link and its target have one owner, so that an install run as root never writes a
     * system file through a link another user put in the site's folder.
     */
    private static Path target(Path link) throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("is a symbolic link to " + Files.readSymbolicLink(link) + ", which does not exist");
        }
        if (!Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(target))) {
            throw new IOException("is a symbolic link to " + target + ", whose owner is not the link's; put the file "
                                      + "itself in its place, or link one of the link's owner");
        }
        return target;
    }

    /**
     * @return the backups made (or adopted), in order
     */
    public List<Path> backups() {
        return List.copyOf(backups.values());
    }

    /** A word for a POSIX shell: as it is when it is plain, else between single quotes. */
    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * @return one line per file or folder written without the group whose rights it was meant to have (empty if
     *     none)
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * @return whether nothing was written
     */
    public boolean isEmpty() {
        return backups.isEmpty() && created.isEmpty() && createdFolders.isEmpty();
    }

    /**
     * Puts every file back as it was, as far as it can, and removes the files and folders it created.
     *
     * @return one line per file that could not be put back or removed and per folder that could not be removed
     *     (empty if all were)
     */
    public List<String> rollback() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Path, Path> entry : backups.entrySet()) {
            try {
                Path temporary = temporaryBeside(entry.getKey(), true);
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
        // the folders it made, the deepest first; one that is not empty (a file of someone else's) stays
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            Path folder = createdFolders.get(i);
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                failures.add(folder + ": not removed: it is not empty");
            } catch (IOException e) {
                failures.add(folder + ": not removed: " + e.getMessage());
            }
        }
        backups.clear();
        created.clear();
        createdFolders.clear();
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
