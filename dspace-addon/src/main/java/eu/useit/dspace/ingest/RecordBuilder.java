/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one row of cells (column name → values), as a CSV or JSON reader found it, into an {@link ImportRecord},
 * checking what does not depend on DSpace: text rules, the key's shape, column names.
 */
final class RecordBuilder {

    /** Column of the stable key. */
    static final String KEY = "key";
    /** Column of the item type. */
    static final String TYPE = "type";

    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern FIELD_SHAPE = Pattern.compile("[a-z][a-zA-Z0-9]*\\.[a-zA-Z][a-zA-Z0-9-]*"
                                                                   + "(\\.[a-zA-Z][a-zA-Z0-9-]*)?");

    /** Fields the import or DSpace write themselves, and who writes them: a file may not set them. */
    private static final Map<String, String> WRITTEN_ELSEWHERE = Map.of(
        "useit.key", "the import writes it from the 'key' column",
        "dspace.entity.type", "the import writes it from the 'type' column",
        "dc.date.accessioned", "DSpace writes it when the item is archived",
        "dc.date.available", "DSpace writes it when the item is archived",
        "dc.description.provenance", "DSpace writes it when the item is archived");

    private RecordBuilder() {
    }

    /**
     * @param where    "row 12" / "record 3"
     * @param cells    column → values, in file order; blank values already dropped
     * @param problems where problems are collected
     * @return the record, or null if the row cannot become one
     */
    static ImportRecord build(String where, Map<String, List<String>> cells, List<ImportProblem> problems) {
        int before = problems.size();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> cell : cells.entrySet()) {
            String column = cell.getKey();
            List<String> values = new ArrayList<>();
            for (String value : cell.getValue()) {
                String problem = TextRules.problem(column, value);
                if (problem != null) {
                    problems.add(new ImportProblem(where, column, problem));
                } else {
                    values.add(value.strip());
                }
            }
            if (!KEY.equals(column) && !TYPE.equals(column) && !FIELD_SHAPE.matcher(column).matches()) {
                problems.add(new ImportProblem(where, column, "not a metadata field name (schema.element or "
                    + "schema.element.qualifier), nor 'key' or 'type'"));
            } else if (values.isEmpty()) {
                continue;
            } else if (WRITTEN_ELSEWHERE.containsKey(column) || column.startsWith("dspace.")) {
                problems.add(new ImportProblem(where, column, "a file does not set this field: "
                    + WRITTEN_ELSEWHERE.getOrDefault(column, "DSpace writes its own schema")));
            } else {
                fields.put(column, values);
            }
        }
        String key = single(where, fields.remove(KEY), KEY, problems);
        String type = single(where, fields.remove(TYPE), TYPE, problems);
        if (key != null && !KEY_SHAPE.matcher(key).matches()) {
            problems.add(new ImportProblem(where, KEY, "'" + key + "' is not a key: use lower-case letters, digits "
                + "and '-', starting with a letter or digit, at most 100 characters"));
        }
        return problems.size() > before ? null : new ImportRecord(where, key, type, fields);
    }

    private static String single(String where, List<String> values, String column, List<ImportProblem> problems) {
        if (values == null || values.isEmpty()) {
            problems.add(new ImportProblem(where, column, "required"));
            return null;
        }
        if (values.size() > 1) {
            problems.add(new ImportProblem(where, column, "takes one value, found " + values.size()));
        }
        return values.get(0);
    }
}
