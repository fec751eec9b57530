/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JournalTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void writesWithBackupsAndTakesEverythingBack() throws Exception {
        Path folder = temporary.getRoot().toPath();
        Path existing = folder.resolve("a.cfg");
        Files.writeString(existing, "site", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("a.cfg.useit-backup-20250304-050607"), "an earlier backup");
        Path created = folder.resolve("new/deeper/b.xml");
        Journal journal = new Journal("20250304-050607");

        journal.write(existing, "ours".getBytes(StandardCharsets.UTF_8));
        journal.write(created, "<b/>".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(existing), is("ours"));
        assertThat(Files.readString(created), is("<b/>"));
        Path backup = folder.resolve("a.cfg.useit-backup-20250304-050607-2");
        assertThat(journal.backups(), contains(backup));
        assertThat(Files.readString(backup), is("site"));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), empty());
        }

        assertThat(journal.rollback(), empty());

        assertThat(Files.readString(existing), is("site"));
        assertThat(Files.exists(created), is(false));
        assertThat("the folders the install made", Files.exists(folder.resolve("new")), is(false));
        assertThat(Files.exists(backup), is(false));
        assertThat(Files.readString(folder.resolve("a.cfg.useit-backup-20250304-050607")), is("an earlier backup"));
        assertThat(journal.isEmpty(), is(true));
    }

    @Test
    public void aFolderItMadeThatNowHoldsAnotherFileStaysAndIsNamed() throws Exception {
        Path folder = temporary.getRoot().toPath();
        Journal journal = new Journal("20250304-050607");
        journal.write(folder.resolve("made/ours.xml"), "<ours/>".getBytes(StandardCharsets.UTF_8));
        Path theirs = Files.writeString(folder.resolve("made/theirs.xml"), "<theirs/>");

        assertThat(journal.rollback(), contains(folder.resolve("made")
                                                    + ": not removed: it is not empty"));

        assertThat(Files.exists(folder.resolve("made/ours.xml")), is(false));
        assertThat(Files.readString(theirs), is("<theirs/>"));
    }

    @Test
    public void writtenFilesKeepTheAccessTheSitesServerReadsThemWith() throws Exception {
        Path config = temporary.getRoot().toPath().resolve("config");
        Path spring = Files.createDirectories(config.resolve("spring/api"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-x--x"));
        Path dspaceCfg = Files.writeString(config.resolve("dspace.cfg"), "dspace.dir = /srv/dspace");
        Files.setPosixFilePermissions(dspaceCfg, PosixFilePermissions.fromString("rw-r-----"));
        Path springFile = Files.writeString(spring.resolve("core-services.xml"), "<beans/>");
        Files.setPosixFilePermissions(springFile, PosixFilePermissions.fromString("r--rw-r--"));
        Path local = Files.writeString(config.resolve("local.cfg"), "db.url = x");
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rw--w-r--"));
        Journal journal = new Journal("20250304-050607");

        journal.write(local, "db.url = y".getBytes(StandardCharsets.UTF_8));
        journal.write(config.resolve("modules/useit.cfg"), "useit.x = 1".getBytes(StandardCharsets.UTF_8));
        journal.write(spring.resolve("useit.xml"), "<beans/>".getBytes(StandardCharsets.UTF_8));

        // replaced: as it was; new: as the site's files beside it (not createTempFile's rw-------), modes no umask
        // gives; a read-only one is written all the same
        assertThat(mode(local), is("rw--w-r--"));
        assertThat(Files.readString(local), is("db.url = y"));
        assertThat(mode(config.resolve("modules/useit.cfg")), is("rw-r-----"));
        assertThat(mode(spring.resolve("useit.xml")), is("r--rw-r--"));
        assertThat(Files.readString(spring.resolve("useit.xml")), is("<beans/>"));
        Path modules = config.resolve("modules");
        assertThat(mode(modules), is("rwxr-x--x"));
        assertThat(Files.getOwner(modules), is(Files.getOwner(config)));
    }

    @Test
    public void aNewLocalCfgIsReadByNoOtherUserWhateverTheFilesBesideIt() throws Exception {
        Path config = temporary.newFolder("site-config").toPath();
        Path definition = Files.writeString(config.resolve("config-definition.xml"), "<configuration/>");
        Files.setPosixFilePermissions(definition, PosixFilePermissions.fromString("rw-r--r--"));
        Path alone = temporary.newFolder("a", "b", "c", "d", "config").toPath();
        Journal journal = new Journal("20250304-050607");

        journal.write(config.resolve("local.cfg"), "db.password = x".getBytes(StandardCharsets.UTF_8));
        journal.write(alone.resolve("local.cfg"), "db.password = x".getBytes(StandardCharsets.UTF_8));
        journal.write(config.resolve("useit.cfg"), "useit.x = 1".getBytes(StandardCharsets.UTF_8));

        // the group's rights stay (DSpace's server may read it as the group), other users' go
        assertThat(mode(config.resolve("local.cfg")), is("rw-r-----"));
        assertThat(mode(alone.resolve("local.cfg")).substring(6), is("---"));
        assertThat(mode(config.resolve("useit.cfg")), is("rw-r--r--"));
    }

    @Test
    public void aNewFileWithNoSiteFileNearGetsTheUmasksMode() throws Exception {
        Path folder = temporary.getRoot().toPath().resolve("empty/a/b/c");
        Path plain = Files.writeString(temporary.newFolder("plain").toPath().resolve("f"), "as cp makes it");
        Journal journal = new Journal("20250304-050607");

        journal.write(folder.resolve("new.xml"), "<x/>".getBytes(StandardCharsets.UTF_8));

        assertThat(mode(folder.resolve("new.xml")), is(mode(plain)));
    }

    @Test
    public void aSymbolicLinkStaysALinkAndItsTargetIsWrittenAndPutBack() throws Exception {
        Path managed = Files.writeString(temporary.newFolder("managed").toPath().resolve("local.cfg"), "site");
        Path config = temporary.newFolder("config").toPath();
        Path link = Files.createSymbolicLink(config.resolve("local.cfg"), managed);
        Journal journal = new Journal("20250304-050607");

        journal.write(link, "ours".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.isSymbolicLink(link), is(true));
        assertThat(Files.readString(managed), is("ours"));
        assertThat(journal.rollback(), empty());
        assertThat(Files.isSymbolicLink(link), is(true));
        assertThat(Files.readString(managed), is("site"));
    }

    @Test
    public void aLinkToNothingIsNamedAndNothingIsWritten() throws Exception {
        Path config = temporary.newFolder("config").toPath();
        Path link = Files.createSymbolicLink(config.resolve("local.cfg"), config.resolve("../nowhere/local.cfg"));
        Journal journal = new Journal("20250304-050607");

        IOException refused = assertThrows(IOException.class,
                                           () -> journal.write(link, "ours".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.getMessage(), containsString("nowhere/local.cfg, which does not exist"));
        assertThat(Files.isSymbolicLink(link), is(true));
        assertThat(journal.isEmpty(), is(true));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /**
     * An install run by a user who may not give a file the group of the site's file it follows (not root, not a
     * member): the file gets no group rights, and the journal says which file and what to do. As root the group can
     * always be given, so the refusal of a non-root user's system is played by the file's attribute view.
     */
    @Test
    public void aGroupThatCannotBeGivenIsNamedWithWhatToDo() throws Exception {
        Path folder = temporary.getRoot().toPath();
        Path site = Files.writeString(folder.resolve("dspace.cfg"), "dspace.dir = /srv/dspace");
        GroupPrincipal daemon = null;
        try {
            daemon = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
            Files.getFileAttributeView(site, PosixFileAttributeView.class).setGroup(daemon);
        } catch (IOException notRoot) {
            // the site's file of another group is made by root (as CI runs); a developer's own account cannot
            Assume.assumeNoException("made as root, on a system with the group daemon", notRoot);
        }
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rw-r-----"));
        Journal journal = new Journal("20250304-050607", path -> new NotRoot(
            Files.getFileAttributeView(path, PosixFileAttributeView.class)));

        Path ours = folder.resolve("useit.cfg");
        journal.write(ours, "useit.x = 1".getBytes(StandardCharsets.UTF_8));

        assertThat(journal.warnings(), contains(ours + ": not given the group daemon of dspace.cfg (only root or a"
            + " member of daemon may give it), so daemon has no rights to it: if DSpace's server runs as another"
            + " user, it may not read it; give them with: chgrp daemon " + ours + " && chmod g+r " + ours));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours)), is("rw-------"));
        assertThat(new InstallReport(folder, List.of("useit.cfg: added"), List.of(), journal.warnings(), List.of(),
                                     false).lines(),
                   hasItem(startsWith("warning: " + ours + ": not given the group daemon")));

        // a path the shell would split is quoted
        Path spaced = Files.createDirectories(folder.resolve("my site"));
        Path spacedSite = Files.writeString(spaced.resolve("dspace.cfg"), "dspace.dir = /srv/my site");
        Files.getFileAttributeView(spacedSite, PosixFileAttributeView.class).setGroup(daemon);
        Files.setPosixFilePermissions(spacedSite, PosixFilePermissions.fromString("rw-r-----"));
        journal.write(spaced.resolve("useit.cfg"), "useit.x = 1".getBytes(StandardCharsets.UTF_8));
        assertThat(journal.warnings().get(1), endsWith("give them with: chgrp daemon '" + spaced.resolve("useit.cfg")
            + "' && chmod g+r '" + spaced.resolve("useit.cfg") + "'"));

        Journal asRoot = new Journal("20250304-050607");
        asRoot.write(folder.resolve("other.cfg"), "useit.y = 2".getBytes(StandardCharsets.UTF_8));
        assertThat("given where it may be", asRoot.warnings(), empty());
        assertThat(Files.readAttributes(folder.resolve("other.cfg"), PosixFileAttributes.class).group(), is(daemon));
    }

    /** A file's attributes as a user who is neither root nor a member of other groups may change them. */
    private record NotRoot(PosixFileAttributeView view) implements PosixFileAttributeView {

        @Override
        public String name() {
            return view.name();
        }

        @Override
        public PosixFileAttributes readAttributes() throws IOException {
            return view.readAttributes();
        }

        @Override
        public void setTimes(FileTime modified, FileTime accessed, FileTime created) throws IOException {
            view.setTimes(modified, accessed, created);
        }

        @Override
        public UserPrincipal getOwner() throws IOException {
            return view.getOwner();
        }

        @Override
        public void setOwner(UserPrincipal owner) throws IOException {
            throw new FileSystemException(null, null, "Operation not permitted");
        }

        @Override
        public void setPermissions(Set<PosixFilePermission> permissions) throws IOException {
            view.setPermissions(permissions);
        }

        @Override
        public void setGroup(GroupPrincipal group) throws IOException {
            throw new FileSystemException(null, null, "Operation not permitted");
        }
    }
}
