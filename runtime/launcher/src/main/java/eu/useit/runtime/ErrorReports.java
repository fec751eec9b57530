/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The servlet container's own error answers, for requests it refuses before DSpace sees them (a control character
 * or a malformed escape in the path, a header too large): below the OAI-PMH address an OAI-PMH {@code badArgument}
 * error as {@code text/xml}, so that a harvester always gets the protocol; elsewhere Tomcat's short page without the
 * server's name and version or any report.
 */
public final class ErrorReports extends ErrorReportValve {

    private static final String OAI_ERROR = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\
        <responseDate>%s</responseDate><request>%s</request>\
        <error code="badArgument">The address or the request is malformed.</error></OAI-PMH>
        """;

    private final String oaiPrefix;
    private final String baseUrl;

    /**
     * @param oaiPrefix the OAI-PMH addresses' path, context path included (e.g. {@code /server/oai})
     * @param baseUrl   the base URL named in the error's request element (an OAI-PMH base URL of the repository)
     */
    public ErrorReports(String oaiPrefix, String baseUrl) {
        this.oaiPrefix = oaiPrefix;
        this.baseUrl = baseUrl;
        setShowReport(false);
        setShowServerInfo(false);
    }

    /**
     * Makes this the host's error report valve (instead of Tomcat's, which the host adds unless one of this class is
     * there).
     *
     * @param host the host, not yet started
     */
    public void install(StandardHost host) {
        host.setErrorReportValveClass(ErrorReports.class.getName());
        host.getPipeline().addValve(this);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        boolean oai = uri != null && (uri.equals(oaiPrefix) || uri.startsWith(oaiPrefix + "/"));
        int status = response.getStatus();
        if (!oai || status < 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] xml = String.format(OAI_ERROR, now, escape(baseUrl)).getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentType("text/xml;charset=UTF-8");
            response.setContentLength(xml.length);
            OutputStream out = response.getOutputStream();
            out.write(xml);
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response cannot take a body: the status alone must do
            container.getLogger().debug("No OAI-PMH error body for " + status + ": " + e.getMessage());
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
