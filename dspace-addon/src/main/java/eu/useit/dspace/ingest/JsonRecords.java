/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an import file in JSON (UTF-8): an array of objects, each with {@code key}, {@code type} and metadata
 * fields (or {@code relation.<type>}) whose values are a string or an array of strings. Records are numbered from
 * 1 in array order.
 */
public final class JsonRecords {

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonRecords() {
    }

    /**
     * @param bytes the file
     * @return its records
     * @throws ImportException with every problem found, if any
     */
    public static List<ImportRecord> read(byte[] bytes) throws ImportException {
        String text = TextRules.decode(bytes);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            // nested too deep, a string or number too long: Jackson's limits, given without a place
            throw new ImportException(new ImportProblem("file", null, "JSON beyond what an import takes: "
                + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ImportException(new ImportProblem("file", null, "malformed JSON" + (at == null ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ImportException(new ImportProblem("file", null, "unreadable JSON: " + e.getMessage()));
        }
        if (root == null || !root.isArray()) {
            throw new ImportException(new ImportProblem("file", null, "expected a JSON array of records"));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportRecord> records = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "record " + (i + 1);
            JsonNode object = root.get(i);
            if (!object.isObject()) {
                problems.add(new ImportProblem(where, null, "expected an object"));
                continue;
            }
            Map<String, List<String>> cells = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<String> values = values(field.getValue());
                if (values == null) {
                    problems.add(new ImportProblem(where, field.getKey(), "expected a string or an array of "
                        + "strings"));
                } else {
                    cells.put(field.getKey(), values);
                }
            }
            ImportRecord record = RecordBuilder.build(where, cells, problems);
            if (record != null) {
                records.add(record);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return records;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return null;
                }
                values.add(element.asText());
            }
        } else if (!node.isNull()) {
            return null;
        }
        values.removeIf(String::isBlank);
        return values;
    }
}
