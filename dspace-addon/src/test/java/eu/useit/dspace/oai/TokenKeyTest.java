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

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aKeyFileIsMadeOnceForItsOwnerOnlyAndKept() throws Exception {
        Path dspaceDir = temporary.getRoot().toPath();
        byte[] first = TokenKey.load(null, dspaceDir);
        byte[] again = TokenKey.load("", dspaceDir);

        Path file = dspaceDir.resolve("var/oai/useit-token.key");
        assertThat(first.length, is(64));
        assertThat(again, is(first));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), is("rw-------"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.filter(p -> !p.equals(file)).toList(), empty());
        }
    }

    @Test
    public void aKeyFileTooShortToSignWithIsRefusedNotUsed() throws Exception {
        Path dspaceDir = temporary.getRoot().toPath();
        Path file = Files.createDirectories(dspaceDir.resolve("var/oai")).resolve("useit-token.key");
        Files.writeString(file, "\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                                                        () -> TokenKey.load(null, dspaceDir));

        assertThat(refused.getMessage(), containsString("useit-token.key holds a key of 0 bytes"));
        assertThat(refused.getMessage(), containsString("useit.oai.token.secret"));
    }

    @Test
    public void aConfiguredSecretTooShortIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                                                        () -> TokenKey.load("short", temporary.getRoot().toPath()));
        assertThat(refused.getMessage(), containsString("useit.oai.token.secret is 5 bytes long"));
    }
}
