/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The runtime's {@code config/launcher.xml} (in the home the build made): every command of DSpace 8.1's launcher,
 * each class loadable on the runtime's class path but the Handle server's, read without following a DOCTYPE.
 */
public class LauncherCommandsTest {

    private static final Path HOME = Path.of("target", "dspace-home");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void everyCommandRunsAClassOfThisRuntimeButTheHandleServers() {
        LauncherCommands commands = LauncherCommands.of(HOME);

        assertThat(commands.names(), hasItems("dsrun", "oai", "registry-loader", "database", "dsprop", "version",
                                              "structure-builder", "packager", "checker", "solr-export-statistics"));
        // DSpace 8.1's launcher.xml has 47 commands; the 47th, classpath, is answered by DSpaceCommand itself
        assertThat(commands.names().size(), is(46));
        Map<String, String> missing = new TreeMap<>();
        for (String name : commands.names()) {
            String className = commands.missingClass(name);
            if (className != null) {
                missing.put(name, className);
            }
        }
        assertThat(missing, is(Map.of("make-handle-config", "net.handle.server.SimpleSetup")));
        assertThat(commands.has("OAI"), is(true));
        assertThat(commands.has("classpath"), is(false));
        assertThat(commands.missingClass("no-such-command"), nullValue());
    }

    @Test
    public void aDoctypeIsRefused() throws Exception {
        Path config = folder.newFolder("dspace", "config").toPath();
        Files.writeString(config.resolve("launcher.xml"), "<?xml version='1.0'?>\n"
            + "<!DOCTYPE commands [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<commands>&x;</commands>\n");

        StartupException refused = assertThrows(StartupException.class,
                                                () -> LauncherCommands.of(config.getParent()));

        assertThat(refused.getMessage(), containsString("config/launcher.xml cannot be read: "));
    }
}
