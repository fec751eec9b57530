/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the runtime finds its pieces and where it listens, read from JVM system properties, falling back to
 * environment variables of the same name in upper case with dots as underscores ({@code useit.data.dir} →
 * {@code USEIT_DATA_DIR}).
 *
 * @param homeTemplate the DSpace home assembled at build time
 * @param solrLib      the Solr server's jars
 * @param dataDir      the data directory
 * @param address      the web server's bind address
 * @param port         the web server's port
 * @param solrPort     the project's Solr server port
 * @param externalSolr an external Solr base URL, or null to start the project's own
 */
public record RuntimeSettings(Path homeTemplate, Path solrLib, Path dataDir, String address, int port,
                              int solrPort, String externalSolr) {

    /**
     * @return the settings of this JVM
     * @throws StartupException if a port is not a number
     */
    public static RuntimeSettings fromSystem() {
        return new RuntimeSettings(
            Path.of(get("useit.home.template", "runtime/launcher/target/dspace-home")),
            Path.of(get("useit.solr.lib", "runtime/solr-server/target/lib")),
            Path.of(get("useit.data.dir", "data")),
            get("useit.address", "127.0.0.1"),
            port("useit.port", "8080"),
            port("useit.solr.port", "8983"),
            get("solr.server", null));
    }

    /**
     * For a program's {@code main}: reads the settings and, before any DSpace class logs, points DSpace at the
     * data directory's home and its log configuration. A bad setting ends the program with one line.
     *
     * @return the settings of this JVM
     */
    public static RuntimeSettings forMain() {
        try {
            RuntimeSettings settings = fromSystem();
            System.setProperty("dspace.dir", settings.dataDir().toAbsolutePath().resolve("dspace").toString());
            System.setProperty("log4j2.configurationFile",
                               settings.homeTemplate().toAbsolutePath().resolve("config/log4j2.xml").toString());
            return settings;
        } catch (StartupException e) {
            System.err.println("ERROR " + e.getMessage());
            System.exit(1);
            throw e;
        }
    }

    private static int port(String name, String fallback) {
        String value = get(name, fallback);
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException(value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StartupException(name + "=" + value + ": not a port number (0-65535)");
        }
    }

    /**
     * Reads one setting.
     *
     * @param name     the system property name
     * @param fallback value when neither the property nor the environment variable is set
     * @return the value
     */
    public static String get(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
