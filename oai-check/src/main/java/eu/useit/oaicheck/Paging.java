/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * Follows one list (ListSets, ListIdentifiers, ListRecords) from its first page through every resumptionToken to
 * its end, and checks the flow control: {@code cursor} counts the elements returned before the page (it is not a
 * page number), the last page of an incomplete list carries an empty token, {@code completeListSize} agrees with
 * what was harvested, and a token never repeats.
 *
 * @param context the check's shared state
 */
record Paging(CheckContext context) {

    private static final int MAX_EMPTY_PAGES = 20;

    /**
     * What one list gave.
     *
     * @param count            elements harvested
     * @param complete         true when the list was followed to its end
     * @param completeListSize the last completeListSize announced, or null
     * @param firstToken       the first non-empty resumptionToken, or null
     */
    record Result(long count, boolean complete, Long completeListSize, String firstToken) {
    }

    /**
     * Reads the elements of one page.
     */
    interface Page {

        /**
         * @param verbElement the page's verb element (e.g. {@code ListRecords})
         * @param request     the request that fetched it
         * @return how many elements (sets, headers, records) it holds
         */
        int read(Element verbElement, CheckRequest request);
    }

    /**
     * @param verb       the list verb
     * @param firstQuery the query of the first page
     * @param area       the area of findings
     * @param max        stop once this many elements were read (the list is then not complete)
     * @param emptyCodes error codes that mean an empty list on the first page (noRecordsMatch, noSetHierarchy)
     * @param page       reads each page
     * @return what the list gave
     */
    Result follow(String verb, String firstQuery, String area, long max, Set<OaiErrorCode> emptyCodes, Page page) {
        Findings findings = context.findings();
        CheckRequest request = CheckRequest.get(firstQuery);
        long count = 0;
        int pages = 0;
        int emptyPages = 0;
        Long listSize = null;
        String firstToken = null;
        String previousToken = null;
        while (true) {
            Element root = context.responses().check(context.client().send(request), area);
            if (root == null) {
                return new Result(count, false, listSize, firstToken);
            }
            String label = request.label();
            List<String> codes = ResponseChecks.errorCodes(root);
            if (!codes.isEmpty()) {
                if (pages == 0 && emptyCodes.stream().map(OaiErrorCode::code).toList().containsAll(codes)) {
                    return new Result(0, true, null, null);
                }
                findings.add(area, pages == 0 ? "answered error " + codes
                    : "the resumptionToken of the previous page was answered with error " + codes, label);
                return new Result(count, false, listSize, firstToken);
            }
            Element verbElement = OaiXml.child(root, OaiXml.OAI, verb);
            if (verbElement == null) {
                findings.add(area, "the response has neither an error nor a " + verb + " element", label);
                return new Result(count, false, listSize, firstToken);
            }
            int read = page.read(verbElement, request);
            Element token = OaiXml.child(verbElement, OaiXml.OAI, "resumptionToken");
            if (token != null) {
                checkCursor(token.getAttribute("cursor"), count, area, label);
                listSize = size(token.getAttribute("completeListSize"), listSize);
            }
            count += read;
            pages++;
            String value = token == null ? "" : token.getTextContent().trim();
            if (value.isEmpty()) {
                if (token == null && pages > 1) {
                    findings.add(area, "the last page of an incomplete list has no resumptionToken element "
                        + "(it must carry an empty one)", label);
                }
                if (listSize != null && listSize != count) {
                    findings.add(area, "completeListSize is " + listSize + " but the whole list had " + count
                        + " elements", label);
                }
                return new Result(count, true, listSize, firstToken);
            }
            if (value.equals(previousToken)) {
                findings.add(area, "the same resumptionToken came back for the next page: the list does not advance",
                             label);
                return new Result(count, false, listSize, firstToken);
            }
            emptyPages = read == 0 ? emptyPages + 1 : 0;
            if (emptyPages >= MAX_EMPTY_PAGES) {
                findings.add(area, MAX_EMPTY_PAGES + " pages in a row with nothing but a resumptionToken", label);
                return new Result(count, false, listSize, firstToken);
            }
            if (firstToken == null) {
                firstToken = value;
            }
            if (count >= max) {
                if (listSize != null && listSize < count) {
                    findings.add(area, "completeListSize is " + listSize + " but " + count
                        + " elements were already returned", label);
                }
                context.capped(true);
                return new Result(count, false, listSize, firstToken);
            }
            previousToken = value;
            request = CheckRequest.get(CheckRequest.query("verb", verb, "resumptionToken", value));
        }
    }

    private void checkCursor(String cursor, long returned, String area, String label) {
        if (!cursor.isEmpty() && !cursor.equals(Long.toString(returned))) {
            context.findings().add(area, "cursor is not the number of elements already returned (it counts "
                + "elements, not pages)", label + "; cursor=" + cursor + ", expected " + returned);
        }
    }

    private static Long size(String value, Long previous) {
        try {
            return value.isEmpty() ? previous : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return previous;
        }
    }
}
