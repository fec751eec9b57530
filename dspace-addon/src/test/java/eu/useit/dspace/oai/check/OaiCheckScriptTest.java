/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.check;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.useit.oaicheck.FakeOaiEndpoint;
import eu.useit.oaicheck.FakeOaiEndpoint.Breakage;
import org.dspace.scripts.handler.DSpaceRunnableHandler;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code dspace useit-oai-check} parses its options as DSpace's launcher passes them and reports through the
 * script handler; findings end the script as failed. Runs without a DSpace kernel.
 */
public class OaiCheckScriptTest {

    private final List<String> info = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private String dspaceDir;

    @Test
    public void conformantEndpointCompletesWithTheInstallationsSchemas() throws Exception {
        Path schemas = Path.of(System.getProperty("useit.schemas", "../../shared/schemas")).toAbsolutePath();
        Assume.assumeTrue(Files.isRegularFile(schemas.resolve("catalog.xml")));
        Path config = folder.newFolder("config").toPath();
        Files.createSymbolicLink(config.resolve("oai-schemas"), schemas);
        dspaceDir = folder.getRoot().toString();
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start()) {
            run("useit-oai-check", endpoint.baseUrl());
            assertThat(info, contains(startsWith("SUMMARY " + endpoint.baseUrl())));
            assertThat(failures, is(List.of()));
        }
    }

    @Test
    public void findingsFailTheScript() throws Exception {
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start(Breakage.NO_EMPTY_FINAL_TOKEN)) {
            run("useit-oai-check", "--url", endpoint.baseUrl(), "--max-records", "100", "--quiet");
            assertThat(info, hasItem(startsWith("FINDING ListRecords oai_dc: the last page of an incomplete list")));
            assertThat(failures, contains("useit-oai-check: the endpoint has findings"));
        }
    }

    private void run(String... args) throws Exception {
        OaiCheckScript script = new OaiCheckScript() {
            @Override
            public OaiCheckScriptConfiguration getScriptConfiguration() {
                return new OaiCheckScriptConfiguration();
            }

            @Override
            protected String dspaceDir() {
                return dspaceDir;
            }
        };
        DSpaceRunnableHandler handler = (DSpaceRunnableHandler) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {DSpaceRunnableHandler.class}, (proxy, method, arguments) -> {
                if ("logInfo".equals(method.getName())) {
                    info.add((String) arguments[0]);
                } else if ("handleException".equals(method.getName())) {
                    failures.add(String.valueOf(arguments[0]));
                }
                return null;
            });
        script.initialize(args, handler, null);
        script.run();
    }
}
