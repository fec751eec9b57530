/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TokenKeyTest {

    /** Where a DSpace installation keeps the key file. */
    private static final String KEY_FILE = "var/oai/useit-token.key";

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aKeyFileIsMadeOnceForItsOwnerOnlyAndKept() throws Exception {
        byte[] first = TokenKey.load(null, dspaceDir());
        byte[] again = TokenKey.load("", dspaceDir());

        Path file = dspaceDir().resolve(KEY_FILE);
        assertThat(first.length, is(64));
        assertThat(again, is(first));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), is("rw-------"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.filter(p -> !p.equals(file)).toList(), empty());
        }
    }

    @Test
    public void aKeyFileTooShortToSignWithIsRefusedNotUsed() throws Exception {
        Path file = dspaceDir().resolve(KEY_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                                                        () -> TokenKey.load(null, dspaceDir()));

        assertThat(refused.getMessage(), containsString("useit-token.key holds a key of 0 bytes"));
        assertThat(refused.getMessage(), containsString("useit.oai.token.secret"));
    }

    @Test
    public void aConfiguredSecretTooShortIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                                                        () -> TokenKey.load("short", dspaceDir()));
        assertThat(refused.getMessage(), containsString("useit.oai.token.secret is 5 bytes long"));
    }

    /** The DSpace installation directory of a test: its temporary folder. */
    private Path dspaceDir() {
        return temporary.getRoot().toPath();
    }
}
