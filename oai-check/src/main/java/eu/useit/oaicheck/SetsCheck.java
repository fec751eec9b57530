/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.Set;

import org.w3c.dom.Element;

/**
 * ListSets, followed through its resumptionTokens: no setSpec twice, and every set {@code a:b} has its parent
 * {@code a} in the list too (setSpecs joined by ':' form a hierarchy). A repository without sets answers
 * noSetHierarchy.
 *
 * @param context the check's shared state
 */
record SetsCheck(CheckContext context) {

    private static final String AREA = "ListSets";

    /**
     * Harvests the sets and records them in the context.
     */
    void run() {
        Findings findings = context.findings();
        Paging.Result result = new Paging(context).follow(AREA, CheckRequest.query("verb", AREA), AREA,
                                                          Long.MAX_VALUE, Set.of(OaiErrorCode.NO_SET_HIERARCHY),
                                                          this::read);
        context.setsComplete(result.complete());
        for (String spec : context.sets()) {
            int colon = spec.lastIndexOf(':');
            if (colon > 0 && result.complete() && !context.sets().contains(spec.substring(0, colon))) {
                findings.add(AREA, "set '" + spec + "' has no parent set '" + spec.substring(0, colon) + "'",
                             CheckRequest.get(CheckRequest.query("verb", AREA)).label());
            }
        }
        context.progress("sets: " + context.sets().size());
    }

    private int read(Element list, CheckRequest request) {
        int read = 0;
        for (Element set : OaiXml.children(list, OaiXml.OAI, "set")) {
            String spec = OaiXml.childText(set, OaiXml.OAI, "setSpec");
            read++;
            if (spec == null || spec.isEmpty()) {
                context.findings().add(AREA, "a set without setSpec", request.label());
            } else if (context.sets().contains(spec)) {
                context.findings().add(AREA, "setSpec '" + spec + "' is listed twice", request.label());
            } else {
                context.sets().add(spec);
            }
        }
        return read;
    }
}
