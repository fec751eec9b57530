/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that signs resumption tokens, so that a forged or altered token is refused. It is kept in a file of
 * the DSpace installation ({@code [dspace]/var/oai/useit-token.key}, made on first use) so that tokens stay valid
 * across restarts; {@code useit.oai.token.secret} overrides it, e.g. for several servers behind one address.
 */
public final class TokenKey {

    private TokenKey() {
    }

    /**
     * @param configured the configured secret, may be null or blank
     * @param dspaceDir  the DSpace installation directory
     * @return the secret's bytes
     * @throws IOException if the key file cannot be read or made
     */
    public static byte[] load(String configured, Path dspaceDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured.trim().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dspaceDir.resolve("var").resolve("oai").resolve("useit-token.key");
        synchronized (TokenKey.class) {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII,
                                  StandardOpenOption.CREATE_NEW);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
        }
    }
}
