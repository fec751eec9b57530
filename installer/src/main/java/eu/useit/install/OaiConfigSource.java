/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the USE-IT! OAI configuration comes from: its {@code xoai.xml} and the crosswalks its formats name, by
 * paths relative to that file ({@code metadataFormats/useit.xsl}).
 */
public abstract class OaiConfigSource {

    /** The path of the configuration itself, for {@link #read(String)}. */
    public static final String XOAI = "xoai.xml";

    /** The package folder of the copy of {@code config/crosswalks/oai} the addon jar carries. */
    private static final String BUNDLED = "/eu/useit/install/oai/";

    /**
     * @return the configuration the addon jar carries: the project's {@code config/crosswalks/oai/xoai.xml} and
     *         {@code metadataFormats/*.xsl} (the drop-ins cannot be read from the site's config folder, where the
     *         site's own {@code xoai.xml} is)
     */
    public static OaiConfigSource bundled() {
        return new OaiConfigSource() {
            @Override
            public byte[] read(String path) throws IOException {
                try (InputStream in = OaiConfigSource.class.getResourceAsStream(BUNDLED + safe(path))) {
                    return in == null ? null : in.readAllBytes();
                }
            }

            @Override
            public String toString() {
                return "the addon jar's " + BUNDLED.substring(1) + XOAI;
            }
        };
    }

    /**
     * @param xoaiXml an {@code xoai.xml} whose crosswalks are in its folder (such as the project's
     *                {@code config/crosswalks/oai/xoai.xml})
     * @return that configuration
     */
    public static OaiConfigSource file(Path xoaiXml) {
        Path folder = xoaiXml.toAbsolutePath().getParent();
        String name = xoaiXml.getFileName().toString();
        return new OaiConfigSource() {
            @Override
            public byte[] read(String path) throws IOException {
                Path file = XOAI.equals(path) ? folder.resolve(name) : folder.resolve(safe(path));
                try {
                    return Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String toString() {
                return xoaiXml.toString();
            }
        };
    }

    /**
     * @param path {@link #XOAI}, or a path relative to it (an XSLT of a format)
     * @return the file's content, or null if the source has no such file
     * @throws IOException if the file cannot be read
     */
    public abstract byte[] read(String path) throws IOException;

    private static String safe(String path) throws IOException {
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.contains("..") || normal.contains(":")) {
            throw new IOException("not a relative path below the configuration: " + path);
        }
        return normal;
    }
}
