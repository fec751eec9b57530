/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link HomeInstall} makes a DSpace home from a bare one as the install does on a site, anew each time, and
 * merges the install's settings into an administrator's own {@code local.cfg}.
 */
public class HomeInstallTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    public void theHomeIsTheBaseWithTheAddonInstalledAndTheBaseIsUntouched() throws Exception {
        Path base = SiteHome.install(folder.newFolder("base").toPath());
        Map<String, String> baseBefore = SiteHome.snapshot(base);
        Path home = folder.getRoot().toPath().resolve("home");

        assertThat(run(base.toString(), home.toString()), is(0));

        assertThat(SiteHome.snapshot(base), is(baseBefore));
        Map<String, String> made = SiteHome.snapshot(home);
        assertThat(made.get("config/modules/useit.cfg"),
                   is(new String(DropIns.bundled().read("modules/useit.cfg"), StandardCharsets.ISO_8859_1)));
        assertThat(made.get("config/dspace.cfg"), containsString("include = ${module_dir}/useit.cfg"));
        assertThat(made.get("config/local.cfg"), containsString("useitoai"));
        assertThat(made.get("config/item-submission.xml"), containsString("useit-case-study"));
        assertThat(made.get("config/crosswalks/oai/xoai.xml"), containsString("useit-oai_openaire"));
        // a build's home keeps no backups: the base is the copy of what was replaced
        assertThat(made.keySet().stream().filter(path -> path.contains(".useit-backup-")).toList(), is(empty()));
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("config/dspace.cfg: added include"));

        // made anew: a file left in the home from an earlier build is gone, and the result is the same
        Files.writeString(home.resolve("config/stale.xml"), "<stale/>");
        assertThat(run(base.toString(), home.toString()), is(0));
        assertThat(SiteHome.snapshot(home), is(made));
    }

    @Test
    public void withoutADSpaceHomeNothingIsMadeAndOneLineSaysWhy() throws Exception {
        Path empty = folder.newFolder("empty").toPath();
        Path home = folder.getRoot().toPath().resolve("home");

        assertThat(run(empty.toString(), home.toString()), is(1));

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList(),
                   contains(startsWith("useit-install: " + home + ": " + empty + ": not a DSpace home")));
        assertThat(Files.exists(home), is(false));
        assertThat(run(empty.toString()), is(2));
    }

    @Test
    public void ourCrosswalksWithoutAllContextsAreRefusedBeforeAnythingIsMade() throws Exception {
        Path base = SiteHome.install(folder.newFolder("base").toPath());
        Path home = folder.getRoot().toPath().resolve("home");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/local.cfg"), "# an earlier home's\n");

        assertThat(run("-x", base.toString(), home.toString()), is(1));

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList(),
                   contains(containsString("-x/--our-crosswalks applies to the site's own contexts")));
        assertThat("the earlier home is as it was", Files.readString(home.resolve("config/local.cfg")),
                   is("# an earlier home's\n"));
    }

    @Test
    public void aLocalCfgThatIncludesOursIsRefusedWithTheReason() throws Exception {
        Path home = SiteHome.install(folder.newFolder("site").toPath());
        Files.writeString(home.resolve("config/local.cfg"), "include = modules/useit.cfg\n");

        InstallException refused = assertThrows(InstallException.class, () -> HomeInstall.mergeSettings(home));

        assertThat(refused.getMessage(), startsWith("config/local.cfg includes useit.cfg: "));
        assertThat(Files.readString(home.resolve("config/local.cfg")), is("include = modules/useit.cfg\n"));
    }

    @Test
    public void anAdministratorsOwnLocalCfgGetsTheInstallsSettings() throws Exception {
        Path home = SiteHome.install(folder.newFolder("site").toPath());
        Files.writeString(home.resolve("config/local.cfg"), "# mine\ndspace.name = Mine\n");

        assertThat(HomeInstall.mergeSettings(home), hasItem(startsWith(
            "config/local.cfg: set event.dispatcher.default.consumers = ")));

        String local = Files.readString(home.resolve("config/local.cfg"));
        assertThat(local, startsWith("# mine\ndspace.name = Mine\n"));
        assertThat(local, containsString("useitoai"));
        assertThat(HomeInstall.mergeSettings(home), is(empty()));
        assertThat(Files.readString(home.resolve("config/local.cfg")), is(local));
    }

    private int run(String... args) {
        return HomeInstall.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                               new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
