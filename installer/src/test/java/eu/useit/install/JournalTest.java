/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
        Path created = folder.resolve("new/b.xml");
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
        assertThat(Files.exists(backup), is(false));
        assertThat(Files.readString(folder.resolve("a.cfg.useit-backup-20250304-050607")), is("an earlier backup"));
        assertThat(journal.isEmpty(), is(true));
    }
}
