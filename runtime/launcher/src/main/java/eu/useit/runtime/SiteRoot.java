/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

/**
 * The root of the run command's web server, where crawlers and people arrive first: {@code /robots.txt} and
 * {@code /sitemap.xml} lead to the addon's (below the server webapp's pages), {@code /} to the search page; any
 * other address is not found. Crawlers read robots.txt only at the root of a host, and follow its redirect.
 */
public final class SiteRoot extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String pages;

    /**
     * @param pages the path of the addon's pages, e.g. {@code /server/useit}
     */
    public SiteRoot(String pages) {
        this.pages = pages;
    }

    /**
     * Adds the root context to the host, once.
     *
     * @param host the web server's host
     */
    public void install(StandardHost host) {
        if (host.findChild("") != null) {
            return;
        }
        Context root = new org.apache.catalina.core.StandardContext();
        root.setName("");
        root.setPath("");
        root.setDocBase(null);
        root.addLifecycleListener(new Tomcat.FixContextListener());
        host.addChild(root);
        Tomcat.addServlet(root, "siteRoot", this);
        root.addServletMappingDecoded("/", "siteRoot");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        switch (path) {
            case "/robots.txt", "/sitemap.xml" -> {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", pages + path);
            }
            case "/", "" -> {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", pages + "/");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
