/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

/**
 * One broken rule: which field, and why.
 *
 * @param field  the metadata field (or "key", "type") at fault
 * @param reason what is wrong, in words a librarian understands
 */
public record Violation(String field, String reason) {
}
