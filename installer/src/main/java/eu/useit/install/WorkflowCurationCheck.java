/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.xml.bind.JAXBException;
import org.dspace.workflow.CurationTaskConfig;
import org.xml.sax.SAXException;

/**
 * Reads a {@code workflow-curation.xml} the way DSpace does when a workflow step starts: with
 * {@code CurationTaskConfig}, which validates it against DSpace's schema and resolves every mapping to a task set.
 */
final class WorkflowCurationCheck {

    private WorkflowCurationCheck() {
    }

    /**
     * @param file the file's content
     * @return DSpace's complaint, or null if it reads the file
     */
    static String problem(byte[] file) {
        try {
            new CurationTaskConfig(new ByteArrayInputStream(file));
            return null;
        } catch (JAXBException | SAXException | IOException | RuntimeException e) {
            return "DSpace's CurationTaskConfig refuses it: " + message(e);
        }
    }

    private static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof JAXBException jaxb && jaxb.getLinkedException() != null) {
            cause = jaxb.getLinkedException();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage().strip();
    }
}
