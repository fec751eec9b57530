/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

/**
 * One problem with an import file: where, which column (field), why.
 *
 * @param where  "row 12", "record 3", or "file"
 * @param column the column or field at fault, or null when the whole row is
 * @param reason what is wrong
 */
public record ImportProblem(String where, String column, String reason) {

    @Override
    public String toString() {
        return where + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}
