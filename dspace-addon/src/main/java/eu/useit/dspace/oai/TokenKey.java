/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import eu.useit.dspace.support.SecretFile;

/**
 * The secret that signs resumption tokens, so that a forged or altered token is refused. It is kept in a file of
 * the DSpace installation ({@code [dspace]/var/oai/useit-token.key}, made on first use, readable by its owner only)
 * so that tokens stay valid across restarts; {@code useit.oai.token.secret} (at least 32 bytes) overrides it, e.g.
 * for several servers behind one address.
 */
public final class TokenKey {

    /** The shortest secret accepted, in bytes: an HMAC-SHA256 key should be as long as the hash. */
    public static final int MIN_SECRET_BYTES = 32;

    /** The setting that overrides the key file. */
    public static final String SETTING = "useit.oai.token.secret";

    private TokenKey() {
    }

    /**
     * @param configured the configured secret, may be null or blank (then the key file is used)
     * @return what is wrong with it, or null when it can sign tokens
     */
    public static String problem(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        int length = configured.trim().getBytes(StandardCharsets.UTF_8).length;
        return length >= MIN_SECRET_BYTES ? null : SETTING + " is " + length + " bytes long; it needs at least "
            + MIN_SECRET_BYTES + " (for example the output of `openssl rand -hex 32`)";
    }

    /**
     * @param configured the configured secret, may be null or blank
     * @param dspaceDir  the DSpace installation directory
     * @return the secret's bytes
     * @throws IOException              if the key file cannot be read or made
     * @throws IllegalArgumentException if the configured secret is too short ({@link #problem}), or the key file
     *                                  holds a key too short to sign with
     */
    public static byte[] load(String configured, Path dspaceDir) throws IOException {
        String problem = problem(configured);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (configured != null && !configured.isBlank()) {
            return configured.trim().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dspaceDir.resolve("var").resolve("oai").resolve("useit-token.key");
        synchronized (TokenKey.class) {
            if (Files.exists(file)) {
                SecretFile.restrict(file);
            } else {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[MIN_SECRET_BYTES];
                new SecureRandom().nextBytes(random);
                SecretFile.write(file, HexFormat.of().formatHex(random) + "\n");
            }
            byte[] key = Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
            if (key.length < MIN_SECRET_BYTES) {
                // not one this class wrote (it writes 64): signing with it would let anybody forge a token
                throw new IllegalArgumentException(file + " holds a key of " + key.length + " bytes; it needs at "
                                                       + "least " + MIN_SECRET_BYTES + ": delete the file (a new "
                                                       + "key is made at the next start) or set " + SETTING);
            }
            return key;
        }
    }
}
