/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a file the install writes the access the site's server needs to read it: the mode, group and owner of the
 * file it replaces or, for a new file, of a file beside it (DSpace's own, in the same folder or the nearest one
 * above). DSpace's webapp often runs as another user than the one installing (Tomcat's, or as root): a file it
 * cannot read stops it at the next restart. The owner is taken only where the installer's user may give it (root);
 * the group where that user belongs to it, and where it cannot be given the file has no group rights (they were
 * meant for another group), which the install's report says. Without a file to follow, a new file gets the
 * process's umask, as {@code cp} would give it.
 */
final class FileModes {

    /** How many folders up a new file looks for a file to follow. */
    private static final int LEVELS = 3;

    /** The files where a site keeps its secrets: DSpace's {@code local.cfg} (the database's password, mail). */
    private static final Set<String> SECRETS = Set.of("local.cfg");

    /** The rights of users who are neither the owner nor in the group. */
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private FileModes() {
    }

    /**
     * @param file a file about to be written
     * @return the file whose access it should get: itself if it exists, else a site file near it; or null
     * @throws IOException if a folder cannot be read
     */
    static Path model(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path folder = file.getParent();
        for (int level = 0; level < LEVELS && folder != null; level++, folder = folder.getParent()) {
            if (Files.isDirectory(folder)) {
                Path sibling = firstSiteFile(folder);
                if (sibling != null) {
                    return sibling;
                }
            }
        }
        return null;
    }

    /**
     * Gives {@code file} the group, owner and mode of {@code model}, as far as this process may.
     *
     * @param model the file to follow, or null to leave {@code file} as it is
     * @param file  the file to change
     * @return the group {@code file} should have had and was not given (this process may not: it is not root and
     *     not a member), with the rights it therefore does not get; null if it lost none
     * @throws IOException if the mode cannot be set
     */
    static GroupNotGiven follow(Path model, Path file) throws IOException {
        return follow(model, Files.getFileAttributeView(file, PosixFileAttributeView.class));
    }

    /**
     * As {@link #follow(Path, Path)}, through the file's attribute view (which a test may make refuse as a
     * non-root user's would).
     *
     * @param model  the file to follow, or null
     * @param target the attribute view of the file to change, or null where the file system has no POSIX modes
     * @return the group not given, with the rights lost, or null
     * @throws IOException if the mode cannot be set
     */
    static GroupNotGiven follow(Path model, PosixFileAttributeView target) throws IOException {
        if (model == null || target == null) {
            return null;
        }
        PosixFileAttributes wanted = Files.readAttributes(model, PosixFileAttributes.class);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        permissions.addAll(wanted.permissions());
        GroupNotGiven missing = null;
        if (!give(() -> target.setGroup(wanted.group()), wanted.group().equals(target.readAttributes().group()))) {
            // the group's rights were meant for the model's group, not for this user's: nobody gets them
            String rights = (permissions.remove(PosixFilePermission.GROUP_READ) ? "r" : "")
                + (permissions.remove(PosixFilePermission.GROUP_WRITE) ? "w" : "")
                + (permissions.remove(PosixFilePermission.GROUP_EXECUTE) ? "x" : "");
            missing = rights.isEmpty() ? null : new GroupNotGiven(wanted.group().getName(), rights);
        }
        give(() -> target.setOwner(wanted.owner()), wanted.owner().equals(target.readAttributes().owner()));
        target.setPermissions(permissions);
        return missing;
    }

    /**
     * @param file a file about to be written
     * @return whether it is one where a site keeps its secrets, which a new one must not let other users read
     *     whatever the files beside it allow
     */
    static boolean holdsSecrets(Path file) {
        return file.getFileName() != null && SECRETS.contains(file.getFileName().toString());
    }

    /**
     * Takes away the rights of users who are neither its owner nor in its group (the owner's and the group's stay:
     * DSpace's server may read it as either).
     *
     * @param target the attribute view of the file, or null where the file system has no POSIX modes
     * @throws IOException if the mode cannot be read or set
     */
    static void closeToOthers(PosixFileAttributeView target) throws IOException {
        if (target == null) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        permissions.addAll(target.readAttributes().permissions());
        if (permissions.removeAll(OTHERS)) {
            target.setPermissions(permissions);
        }
    }

    /** A change of owner or group: done, or already so; false where this process may not make it. */
    private static boolean give(Change change, boolean already) throws IOException {
        if (already) {
            return true;
        }
        try {
            change.make();
            return true;
        } catch (FileSystemException notPermitted) {
            // only root gives a file away, and only a member of a group gives it to that group
            return false;
        }
    }

    /**
     * A group a file was not given, and the rights that group would have had on it.
     *
     * @param group  the group's name
     * @param rights the group's rights lost, as {@code chmod} spells them ({@code r}, {@code rx}, ...)
     */
    record GroupNotGiven(String group, String rights) {
    }

    /** A change to a file's attributes. */
    private interface Change {
        void make() throws IOException;
    }

    /**
     * @param folder a folder
     * @return whether its file system has POSIX modes
     */
    static boolean isPosix(Path folder) {
        return Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
    }

    /** The first regular file of a folder by name, but the install's own backups and temporary files. */
    private static Path firstSiteFile(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && !name.startsWith(".")
                    && !name.contains(Journal.BACKUP_SUFFIX)) {
                    files.add(entry);
                }
            }
        }
        return files.stream().sorted().findFirst().orElse(null);
    }
}
