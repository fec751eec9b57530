/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file in CSV (RFC 4180, UTF-8): a header row naming the columns ({@code key}, {@code type},
 * metadata fields, {@code relation.<type>}), then one record per row; repeated values in one cell are separated
 * by {@value #SEPARATOR}. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
public final class CsvRecords {

    /** Separates repeated values in one cell (as in DSpace's own CSV import). */
    public static final String SEPARATOR = "||";

    private CsvRecords() {
    }

    /**
     * @param bytes the file
     * @return its records
     * @throws ImportException with every problem found, if any
     */
    public static List<ImportRecord> read(byte[] bytes) throws ImportException {
        String text = TextRules.decode(bytes);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportRecord> records = new ArrayList<>();
        // blank lines are read, and passed over, so that a row's number is its row in a spreadsheet
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            CSVRecord first = next(rows, parser);
            if (first == null) {
                throw new ImportException(new ImportProblem("file", null, "empty: no header row"));
            }
            List<String> header = header(first, problems);
            for (CSVRecord row = next(rows, parser); row != null; row = next(rows, parser)) {
                String where = "row " + row.getRecordNumber();
                if (row.size() != header.size()) {
                    problems.add(new ImportProblem(where, null, "has " + row.size() + " cells; the header has "
                        + header.size()));
                    continue;
                }
                Map<String, List<String>> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    List<String> values = new ArrayList<>();
                    for (String value : row.get(i).split(Pattern.quote(SEPARATOR), -1)) {
                        if (!value.isBlank()) {
                            values.add(value);
                        }
                    }
                    cells.put(header.get(i), values);
                }
                ImportRecord record = RecordBuilder.build(where, cells, problems);
                if (record != null) {
                    records.add(record);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new ImportProblem("file", null, "malformed CSV: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return records;
    }

    /** The next row that is not blank, or null at the end. */
    private static CSVRecord next(Iterator<CSVRecord> rows, CSVParser parser) {
        try {
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                if (!row.stream().allMatch(String::isBlank)) {
                    // a blank line, or one of commas only (as spreadsheets save an empty row), is passed over
                    return row;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalStateException("after row " + parser.getRecordNumber() + ": "
                                                + e.getMessage(), e);
        }
    }

    private static List<String> header(CSVRecord row, List<ImportProblem> problems) {
        List<String> header = new ArrayList<>(Arrays.asList(row.values()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            header.set(i, name);
            if (name.isEmpty()) {
                problems.add(new ImportProblem("row 1", "#" + (i + 1), "a header cell is empty"));
            } else if (!seen.add(name)) {
                problems.add(new ImportProblem("row 1", name, "column named twice"));
            }
        }
        return header;
    }
}
