/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * The test site: {@code site-xoai.xml} (shaped like DSpace 8's stock xoai.xml, with a site customisation) in a
 * folder with the crosswalks and transformer it names, each a small stylesheet of its own.
 */
final class SiteFixture {

    /** The site's own oai_openaire crosswalk, which stays as it is (ours is useit-oai_openaire.xsl). */
    static final String SITE_OPENAIRE = stylesheet("site-openaire");

    private SiteFixture() {
    }

    /**
     * @return the fixture's text
     */
    static String text() throws IOException {
        try (InputStream in = SiteFixture.class.getResourceAsStream("site-xoai.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Lays out a site's OAI configuration folder.
     *
     * @param folder the folder
     * @param xoai   the site's xoai.xml
     * @return the xoai.xml written
     */
    static Path install(Path folder, String xoai) throws IOException {
        write(folder.resolve("metadataFormats/oai_dc.xsl"), stylesheet("site-oai_dc"));
        write(folder.resolve("metadataFormats/mets.xsl"), stylesheet("site-mets"));
        write(folder.resolve("metadataFormats/oai_openaire.xsl"), SITE_OPENAIRE);
        write(folder.resolve("transformers/lab.xsl"), stylesheet("lab"));
        Path file = folder.resolve("xoai.xml");
        write(file, xoai);
        return file;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String stylesheet(String output) {
        return "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
            + "<xsl:template match=\"/\"><" + output + "/></xsl:template></xsl:stylesheet>\n";
    }
}
