/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.Date;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.lyncode.xoai.dataprovider.exceptions.WritingXmlException;
import com.lyncode.xoai.dataprovider.xml.XmlOutputContext;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHerrorcodeType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;
import com.lyncode.xoai.dataprovider.xml.oaipmh.RequestType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.VerbType;

/**
 * The {@code request} element with {@code from} and {@code until} as the harvester wrote them. OAI-PMH 2.0 §3.2
 * wants the element's attributes to match the request's arguments; XOAI keeps the dates as {@code Date}s and writes
 * them at the repository's granularity, so {@code from=2024-01-01} came back as {@code 2024-01-01T00:00:00Z} (and
 * {@code until}, which the addon reads to the day's last second, as {@code T23:59:59Z}); and a refused resumption
 * token's verb and token, which XOAI leaves out. One of the changes the addon makes to what XOAI answered, all
 * made in {@link XoaiAnswer}.
 */
final class RequestEcho extends RequestType {

    private static final OAIPMHerrorcodeType BAD_TOKEN = OAIPMHerrorcodeType.BAD_RESUMPTION_TOKEN;

    /** The year XML Schema 1.0's dates do not have. */
    private static final String NO_YEAR = "0000";

    private final String fromGiven;
    private final String untilGiven;

    private RequestEcho(RequestType written, String fromGiven, String untilGiven) {
        setValue(written.getValue());
        setVerb(written.getVerb());
        setIdentifier(written.getIdentifier());
        setMetadataPrefix(written.getMetadataPrefix());
        setSet(written.getSet());
        setResumptionToken(written.getResumptionToken());
        setFrom(written.getFrom());
        setUntil(written.getUntil());
        this.fromGiven = fromGiven;
        this.untilGiven = untilGiven;
    }

    /**
     * @param info    the response XOAI made
     * @param request the request it answers
     */
    static void echo(OAIPMHtype info, OaiRequest request) {
        RequestType written = info.getRequest();
        if (written != null && written.getVerb() == null && request.get("resumptionToken") != null
            && info.getError().stream().anyMatch(error -> error.getCode() == BAD_TOKEN)) {
            // XOAI writes the base URL alone for a token it cannot read: OAI-PMH leaves the arguments out for
            // badVerb and badArgument only
            written.setVerb(VerbType.fromValue(request.verb()));
            written.setResumptionToken(request.get("resumptionToken"));
        }
        if (written != null && (written.getFrom() != null || written.getUntil() != null)) {
            info.setRequest(new RequestEcho(written, request.given("from"), request.given("until")));
        }
    }

    @Override
    public void write(XmlOutputContext context) throws WritingXmlException {
        try {
            XMLStreamWriter writer = context.getWriter();
            if (getVerb() != null) {
                writer.writeAttribute("verb", getVerb().value());
            }
            attribute(writer, "identifier", getIdentifier());
            attribute(writer, "metadataPrefix", getMetadataPrefix());
            attribute(writer, "from", getFrom() == null ? null : shown(fromGiven, getFrom(), context));
            attribute(writer, "until", getUntil() == null ? null : shown(untilGiven, getUntil(), context));
            attribute(writer, "set", getSet());
            attribute(writer, "resumptionToken", getResumptionToken());
            if (getValue() != null) {
                writer.writeCharacters(getValue());
            }
        } catch (XMLStreamException e) {
            throw new WritingXmlException(e);
        }
    }

    /**
     * The date as sent, where OAI-PMH's schema takes it: XML Schema 1.0 has no year 0000, which the addon reads as a
     * date all the same (a list from the beginning), so such a date is written as XOAI writes it.
     */
    private static String shown(String given, Date read, XmlOutputContext context) {
        return given == null || given.startsWith(NO_YEAR) ? context.format(read) : given;
    }

    private static void attribute(XMLStreamWriter writer, String name, String value) throws XMLStreamException {
        if (value != null) {
            writer.writeAttribute(name, value);
        }
    }
}
