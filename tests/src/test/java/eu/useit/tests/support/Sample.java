/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;

import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.core.Context;

/**
 * The USE-IT! sample ({@code sample/useit-sample.json}), loaded as a librarian does: the structure, then the import.
 */
public final class Sample {

    /** The sample file. */
    public static final Path FILE = Path.of(System.getProperty("useit.sample", "../sample/useit-sample.json"));

    private Sample() {
    }

    /**
     * Boots the test repository if needed, then runs {@code useit-structure} and {@code useit-import} of the
     * sample as the test administrator, failing on any error message (a rerun only updates: the import is keyed).
     *
     * @throws Exception if a command fails
     */
    public static void load() throws Exception {
        AbstractUseitIT.bootRepository();
        Context setup = new Context();
        AbstractUseitIT.administrator(setup);
        setup.complete();
        Scripts.run("useit-structure");
        TestDSpaceRunnableHandler run = Scripts.run("useit-import", "-f", FILE.toString(), "-e",
                                                    AbstractUseitIT.ADMIN_EMAIL);
        assertThat(run.getErrorMessages().toString(), run.getErrorMessages().isEmpty(), is(true));
        assertThat(run.getException(), nullValue());
    }
}
