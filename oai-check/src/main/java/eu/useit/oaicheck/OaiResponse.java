/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import eu.useit.xml.SafeXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * What the endpoint answered to one {@link CheckRequest}: status, Content-Type and body, or why nothing came back.
 */
final class OaiResponse {

    private final CheckRequest request;
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String failure;
    private Document document;
    private String parseError;

    private OaiResponse(CheckRequest request, int status, String contentType, byte[] body, String failure) {
        this.request = request;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.failure = failure;
    }

    /**
     * @return an HTTP answer
     */
    static OaiResponse answered(CheckRequest request, int status, String contentType, byte[] body) {
        return new OaiResponse(request, status, contentType, body, null);
    }

    /**
     * @param why what went wrong (connection refused, timeout, ...)
     * @return a request that got no HTTP answer
     */
    static OaiResponse failed(CheckRequest request, String why) {
        return new OaiResponse(request, -1, null, new byte[0], why);
    }

    CheckRequest request() {
        return request;
    }

    int status() {
        return status;
    }

    /**
     * @return the Content-Type header, or null when there was none
     */
    String contentType() {
        return contentType;
    }

    /**
     * @return why no HTTP answer came, or null when one did
     */
    String failure() {
        return failure;
    }

    /**
     * @return the body decoded as UTF-8 (for looking at it, not for parsing)
     */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @return the body parsed as XML (no DTD, no external entities), or null when it is not well-formed
     */
    Document document() {
        if (document == null && parseError == null) {
            try {
                document = SafeXml.parse(new ByteArrayInputStream(body));
            } catch (SAXException | IOException e) {
                parseError = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        }
        return document;
    }

    /**
     * @return why the body is not well-formed XML, or null
     */
    String parseError() {
        document();
        return parseError;
    }
}
