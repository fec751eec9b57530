/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import javax.xml.stream.XMLStreamException;

import com.lyncode.xoai.dataprovider.exceptions.OAIException;
import com.lyncode.xoai.dataprovider.exceptions.WritingXmlException;
import com.lyncode.xoai.dataprovider.xml.XmlOutputContext;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMH;
import eu.useit.dspace.support.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.solr.common.SolrException;
import org.dspace.core.Context;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The OAI-PMH endpoint, {@code /<oai.path>/<context>}, in front of DSpace's own controller, which it answers for
 * entirely: every request is checked strictly ({@link OaiRequest}) and answered by {@link OaiResponder} as
 * {@code text/xml} whatever the {@code Accept} header says (harvesters built on Java's HttpURLConnection prefer
 * text/html). Malformed requests get the protocol's error in a normal 200 response; an address below
 * {@code /<oai.path>/} that is no OAI context gets an OAI-PMH error with HTTP 404, a method other than GET, HEAD
 * and POST one with HTTP 405: never DSpace's own pages, HTML or a stack trace.
 */
public final class OaiEndpoint extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger log = LogManager.getLogger(OaiEndpoint.class);

    /** DSpace's OAI context service keeps the request's DSpace context in this request attribute. */
    private static final String DSPACE_CONTEXT = "OAI_CONTEXT";

    /** The methods OAI-PMH has (HEAD as GET, without the body). */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST");

    /** Largest POST body read; an OAI request is a few hundred bytes. */
    private static final int MAX_BODY = 64 * 1024;

    private final String oaiPath;
    private final transient OaiResponder responder;

    /**
     * @param oaiPath   DSpace's {@code oai.path} (e.g. "oai")
     * @param responder the responder
     */
    public OaiEndpoint(String oaiPath, OaiResponder responder) {
        this.oaiPath = "/" + oaiPath + "/";
        this.responder = responder;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        String contextName = contextName(request);
        if (contextName == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean bindRequest = RequestContextHolder.getRequestAttributes() == null;
        if (bindRequest) {
            // DSpace's Identify and set services find the request through Spring's holder
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        }
        try {
            if (!METHODS.contains(request.getMethod())) {
                response.setHeader("Allow", String.join(", ", METHODS));
                write(responder.error(new OaiError("badVerb", "OAI-PMH requests are GET or POST requests.")),
                      response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            } else if (contextName.isEmpty() || contextName.indexOf('/') >= 0 || !responder.serves(contextName)) {
                write(responder.error(new OaiError("badArgument", "No OAI-PMH repository answers at this address; "
                    + "see Identify of the repository's base URLs.")), response, HttpServletResponse.SC_NOT_FOUND);
            } else {
                answer(contextName, request, response);
            }
        } catch (OAIException | UncheckedIOException | SolrException e) {
            unavailable(request, response, e);
        } catch (RuntimeException e) {
            // the database cannot be read (DSpace's and Hibernate's exceptions wrap the driver's SQLException)
            if (ExceptionUtils.indexOfType(e, SQLException.class) < 0) {
                throw e;
            }
            unavailable(request, response, e);
        } finally {
            closeDSpaceContext(request);
            if (bindRequest) {
                RequestContextHolder.resetRequestAttributes();
            }
        }
    }

    /** What a harvester gets when Solr or the database cannot answer: 503 and when to retry, as OAI-PMH allows. */
    private static void unavailable(HttpServletRequest request, HttpServletResponse response, Exception e)
        throws IOException {
        log.error("OAI-PMH request {} failed: {}", request.getQueryString(), e.getMessage(), e);
        if (!response.isCommitted()) {
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println("OAI-PMH is unavailable for a moment; please retry.");
        }
    }

    private void answer(String contextName, HttpServletRequest request, HttpServletResponse response)
        throws IOException, OAIException {
        OAIPMH answer;
        try {
            answer = responder.respond(contextName, OaiRequest.parse(rawArguments(request)));
        } catch (OaiError e) {
            answer = responder.error(e);
        }
        write(answer, response, HttpServletResponse.SC_OK);
    }

    private static void write(OAIPMH answer, HttpServletResponse response, int status)
        throws IOException, OAIException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream(16 * 1024);
        try {
            XmlOutputContext output = XmlOutputContext.emptyContext(xml);
            output.getWriter().writeStartDocument("UTF-8", "1.0");
            answer.write(output);
            output.getWriter().writeEndDocument();
            output.getWriter().close();
        } catch (XMLStreamException | WritingXmlException e) {
            throw new OAIException(e);
        }
        response.setStatus(status);
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(xml.size());
        xml.writeTo(response.getOutputStream());
    }

    /** The context named by the address ("" for the OAI root itself), or null for an address not below it. */
    private String contextName(HttpServletRequest request) {
        String path = RequestPaths.mapped(request);
        if (path.equals(oaiPath.substring(0, oaiPath.length() - 1))) {
            return "";
        }
        return path.startsWith(oaiPath) ? path.substring(oaiPath.length()) : null;
    }

    /** The still-encoded arguments, so that {@link OaiRequest} decodes them strictly as UTF-8. */
    private static String rawArguments(HttpServletRequest request) throws IOException, OaiError {
        if (!"POST".equals(request.getMethod())) {
            return request.getQueryString();
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new OaiError("badArgument", "A POST request must be application/x-www-form-urlencoded.");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new OaiError("badArgument", "The request is too long.");
            }
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private static void closeDSpaceContext(HttpServletRequest request) {
        Object context = request.getAttribute(DSPACE_CONTEXT);
        if (context instanceof Context dspaceContext && dspaceContext.isValid()) {
            dspaceContext.abort();
        }
    }
}
