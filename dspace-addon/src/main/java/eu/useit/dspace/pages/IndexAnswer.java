/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer of a page made from the OAI-PMH index ({@link OaiCoreReader}): the page, or, while the index cannot be
 * read (Solr down or answering with an error), {@code 503} with {@code Retry-After}, as the OAI-PMH endpoint answers
 * then. The cause goes to the log, for administrators, never to the visitor.
 */
final class IndexAnswer {

    private static final Logger log = LogManager.getLogger(IndexAnswer.class);

    /** How long a visitor or crawler is asked to wait, in seconds. */
    static final String RETRY_AFTER = "60";

    private IndexAnswer() {
    }

    /** A page made from the index. */
    @FunctionalInterface
    interface Page {
        /**
         * @return the page
         * @throws IOException if the index cannot be read
         */
        ResponseEntity<String> make() throws IOException;
    }

    /**
     * @param what  the page, for the log
     * @param page  makes the page
     * @return the page, or 503 if the index cannot be read
     */
    static ResponseEntity<String> of(String what, Page page) {
        try {
            return page.make();
        } catch (IOException e) {
            log.error("{} could not be made: {}", what, e.getMessage(), e);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER)
                                 .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                                 .body("This page is unavailable for a moment; please retry.\n");
        }
    }
}
