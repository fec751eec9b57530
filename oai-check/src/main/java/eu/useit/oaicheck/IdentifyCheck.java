/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import eu.useit.oaipmh.OaiDates;
import org.w3c.dom.Element;

/**
 * Identify: protocolVersion 2.0, baseURL equal to the URL harvested, earliestDatestamp, deletedRecord
 * {@code persistent}, granularity, adminEmail, and an oai-identifier description whose namespace is a domain name
 * with a dot. Records what later checks need (granularity, earliest datestamp, namespace).
 *
 * @param context the check's shared state
 */
record IdentifyCheck(CheckContext context) {

    private static final String AREA = "Identify";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * @param response the answer to {@code verb=Identify}
     * @return true when it is an Identify response the other checks can build on
     */
    boolean run(OaiResponse response) {
        Element identify = context.responses().verbElement(response, AREA);
        if (identify == null) {
            return false;
        }
        Findings findings = context.findings();
        String request = response.request().label();
        if (blank(OaiXml.childText(identify, OaiXml.OAI, "repositoryName"))) {
            findings.add(AREA, "no repositoryName", request);
        }
        String baseUrl = OaiXml.childText(identify, OaiXml.OAI, "baseURL");
        if (!context.client().baseUrl().equals(baseUrl)) {
            findings.add(AREA, "baseURL is '" + baseUrl + "', not the URL harvested: " + context.client().baseUrl(),
                         request);
        }
        String version = OaiXml.childText(identify, OaiXml.OAI, "protocolVersion");
        if (!"2.0".equals(version)) {
            findings.add(AREA, "protocolVersion is '" + version + "', not 2.0", request);
        }
        String granularity = granularity(OaiXml.childText(identify, OaiXml.OAI, "granularity"), request);
        Instant earliest = earliest(OaiXml.childText(identify, OaiXml.OAI, "earliestDatestamp"), granularity,
                                    request);
        String deleted = OaiXml.childText(identify, OaiXml.OAI, "deletedRecord");
        if (!"persistent".equals(deleted)) {
            findings.add(AREA, "deletedRecord is '" + deleted + "', not 'persistent': harvesters do not learn of "
                + "withdrawn or deleted items", request);
        }
        List<Element> emails = OaiXml.children(identify, OaiXml.OAI, "adminEmail");
        if (emails.isEmpty()) {
            findings.add(AREA, "no adminEmail", request);
        }
        for (Element email : emails) {
            if (!EMAIL.matcher(email.getTextContent().trim()).matches()) {
                findings.add(AREA, "adminEmail '" + email.getTextContent().trim() + "' is not an email address",
                             request);
            }
        }
        String namespace = oaiIdentifier(identify, request);
        context.identity(new Identity(granularity, earliest, namespace));
        return true;
    }

    /**
     * @return the granularity declared, or {@link Identity#UNKNOWN}'s when it is not a valid one
     */
    private String granularity(String granularity, String request) {
        if (OaiDates.DAY.equals(granularity) || OaiDates.SECONDS.equals(granularity)) {
            return granularity;
        }
        context.findings().add(AREA, "granularity is '" + granularity + "', not " + OaiDates.DAY + " or "
            + OaiDates.SECONDS, request);
        return Identity.UNKNOWN.granularity();
    }

    /**
     * @return the earliestDatestamp, or null when it cannot be read
     */
    private Instant earliest(String earliest, String granularity, String request) {
        Instant instant = earliest == null ? null : OaiDates.parse(earliest);
        if (instant == null) {
            context.findings().add(AREA, "earliestDatestamp '" + earliest + "' is not a UTC datestamp", request);
        } else if (!OaiDates.hasGranularity(earliest, granularity)) {
            context.findings().add(AREA, "earliestDatestamp '" + earliest + "' is not in the granularity "
                + granularity, request);
        }
        return instant;
    }

    /**
     * @return the repositoryIdentifier of the oai-identifier description, or null when there is none
     */
    private String oaiIdentifier(Element identify, String request) {
        Element description = null;
        for (Element holder : OaiXml.children(identify, OaiXml.OAI, "description")) {
            description = description != null ? description
                : OaiXml.child(holder, OaiXml.OAI_IDENTIFIER, "oai-identifier");
        }
        if (description == null) {
            context.findings().add(AREA, "no oai-identifier description (the namespace of the identifiers)",
                                   request);
            return null;
        }
        String namespace = OaiXml.childText(description, OaiXml.OAI_IDENTIFIER, "repositoryIdentifier");
        if (blank(namespace) || !namespace.contains(".")) {
            context.findings().add(AREA, "oai-identifier namespace '" + namespace + "' is not a domain name with a "
                + "dot (e.g. useit.example.ac.uk, as in oai:useit.example.ac.uk:123456789/42)", request);
        }
        String sample = OaiXml.childText(description, OaiXml.OAI_IDENTIFIER, "sampleIdentifier");
        if (sample != null && !sample.startsWith("oai:" + namespace + ":")) {
            context.findings().add(AREA, "sampleIdentifier '" + sample + "' is not in the namespace '" + namespace
                + "'", request);
        }
        return namespace;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
