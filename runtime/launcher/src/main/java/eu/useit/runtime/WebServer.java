/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import eu.useit.dspace.support.SettingException;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * DSpace's web layer in this JVM, on an embedded servlet container bound to the configured address, with the
 * kernel's Spring context as parent (as DSpace's own server webapp does).
 */
public final class WebServer implements AutoCloseable {

    private final ServletWebServerApplicationContext context;

    private WebServer(ServletWebServerApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the web layer.
     *
     * @param dspace  the running DSpace
     * @param address address to bind (127.0.0.1 unless told otherwise)
     * @param port    port, or 0 for a free one
     * @return the running server
     * @throws StartupException if the port is taken or the context fails
     */
    public static WebServer start(DSpaceRuntime dspace, String address, int port) {
        String dspaceDir = dspace.configuration().getProperty("dspace.dir");
        Map<String, Object> properties = Map.of(
            "server.address", address,
            "server.port", port,
            "server.servlet.context-path", "/server",
            "server.servlet.encoding.charset", "UTF-8",
            "server.error.include-stacktrace", "never",
            // OAI-PMH arguments come in the query; a too-long one gets an OAI badArgument, not Tomcat's HTML 400
            "server.max-http-request-header-size", "64KB",
            "logging.config", dspaceDir + "/config/log4j2.xml",
            "dspace.dir", dspaceDir,
            "spring.main.allow-bean-definition-overriding", true);
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ServerWebApplication.class)
                .parent(dspace.kernel().getServiceManager().getApplicationContext())
                .bannerMode(Banner.Mode.OFF)
                .initializers(web -> web.getEnvironment().getPropertySources()
                    .addLast(new DSpaceSettingsPropertySource(dspace.configuration())))
                // as command-line arguments, ours win over the server webapp's application.properties (which
                // names /dspace paths) from the start, logging set-up included
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                               .toArray(String[]::new));
            return new WebServer((ServletWebServerApplicationContext) context);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SettingException setting) {
                    throw new StartupException(setting.getMessage(), e);
                }
            }
            throw new StartupException("useit.port=" + port + ": the web server did not start: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /**
     * @param address the address the server is bound to
     * @return the base URL of DSpace's server webapp, e.g. {@code http://127.0.0.1:8080/server}
     */
    public String serverUrl(String address) {
        return serverUrl(address, context.getWebServer().getPort());
    }

    /**
     * @param address an address
     * @param port    a port
     * @return the base URL DSpace's server webapp has there
     */
    public static String serverUrl(String address, int port) {
        return "http://" + address + ":" + port + "/server";
    }

    /**
     * @param address the address to bind
     * @return a port free there now (to know the public URL before DSpace starts)
     * @throws StartupException if none can be found
     */
    public static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("useit.address=" + address + ": no free port: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /**
     * Stops the web server.
     */
    @Override
    public void close() {
        context.close();
    }
}
