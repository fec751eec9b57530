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
 *
 * @param request     the request
 * @param status      the HTTP status, or -1 when there was no HTTP answer
 * @param contentType the Content-Type header, or null when there was none
 * @param body        the body as received (empty when there was no HTTP answer)
 * @param failure     why no HTTP answer came, or null when one did
 */
record OaiResponse(CheckRequest request, int status, String contentType, byte[] body, String failure) {

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

    /**
     * @return the body decoded as UTF-8 (for looking at it, not for parsing)
     */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @return the body parsed as XML (no DTD, no external entities)
     * @throws SAXException if the body is not well-formed XML (or declares a DOCTYPE)
     * @throws IOException  if it cannot be read
     */
    Document document() throws SAXException, IOException {
        return SafeXml.parse(new ByteArrayInputStream(body));
    }
}
