/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.time.Instant;

import eu.useit.oaipmh.OaiDates;

/**
 * What Identify declares about the repository that the later checks hold its answers to.
 *
 * @param granularity the datestamp granularity ({@link OaiDates#SECONDS} unless Identify declared a valid one)
 * @param earliest    the earliestDatestamp, or null when it had none that could be read
 * @param namespace   the repositoryIdentifier of the oai-identifier description, or null
 */
record Identity(String granularity, Instant earliest, String namespace) {

    /** What is assumed before Identify has answered, or when it did not: seconds, nothing else known. */
    static final Identity UNKNOWN = new Identity(OaiDates.SECONDS, null, null);
}
