/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayWithSize;
import static org.hamcrest.Matchers.is;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dspace.services.ConfigurationService;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * {@link InstallerSpringLoader} names the installed folder of the installer's commands as Spring reads it: the
 * drop-in there is found, and nothing of {@code config/spring/api} (which the web application loads).
 */
public class InstallerSpringLoaderTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void springFindsTheInstalledCommandsAndOnlyThem() throws Exception {
        Path dspace = temporary.getRoot().toPath().resolve("dspace home");
        Path spring = dspace.resolve("config").resolve("spring");
        String dropIn = InstallerSpringLoader.FOLDER + "/useit-install-scripts.xml";
        Files.createDirectories(spring.resolve(InstallerSpringLoader.FOLDER));
        Files.write(spring.resolve(dropIn), DropIns.bundled().read("spring/" + dropIn));
        Files.createDirectories(spring.resolve("api"));
        Files.writeString(spring.resolve("api").resolve("useit-scripts.xml"), "<beans/>");

        String[] paths = new InstallerSpringLoader().getResourcePaths(settings(dspace));

        assertThat(paths, arrayWithSize(1));
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(paths[0]);
        assertThat(found, arrayWithSize(1));
        assertThat(Path.of(found[0].getURI()), is(spring.resolve(dropIn)));
    }

    /** DSpace's settings with {@code dspace.dir} only. */
    private static ConfigurationService settings(Path dspaceDir) {
        return (ConfigurationService) Proxy.newProxyInstance(ConfigurationService.class.getClassLoader(),
            new Class<?>[] {ConfigurationService.class},
            (proxy, method, args) -> "getProperty".equals(method.getName()) && "dspace.dir".equals(args[0])
                ? dspaceDir.toString() : null);
    }
}
