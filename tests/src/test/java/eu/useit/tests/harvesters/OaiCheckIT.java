/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;

import eu.useit.oaicheck.OaiCheck;
import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import org.junit.Test;

/**
 * The product's conformance checker, {@code useit-oai-check}, walks both OAI-PMH contexts of the running
 * repository over real HTTP (every verb, format and set, every token, schema validation, error probes, aggregator
 * rules) and reports no finding.
 */
public class OaiCheckIT extends AbstractUseitIT {

    private static int check(String oaiContext, List<String> out) {
        String url = TestRepository.serverUrl() + "/oai/" + oaiContext;
        int status = OaiCheck.run(new String[] {url, "--schemas", System.getProperty("useit.schemas")},
                                  line -> {
                                      out.add(line);
                                      System.out.println(line);
                                  }, System.out::println);
        return status;
    }

    @Test
    public void bothContextsPassTheConformanceCheck() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        OaiImport.run(false);
        for (String oaiContext : List.of("request", "useit")) {
            List<String> out = new ArrayList<>();
            assertThat(String.join("\n", out), check(oaiContext, out), is(OaiCheck.CLEAN));
        }
    }
}
