/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

public class JsonRecordsTest {

    private static List<String> problems(String json) {
        ImportException error = assertThrows(ImportException.class,
            () -> JsonRecords.read(json.getBytes(StandardCharsets.UTF_8)));
        return error.problems().stream().map(ImportProblem::toString).collect(Collectors.toList());
    }

    @Test
    public void readsStringsAndArrays() throws ImportException {
        List<ImportRecord> records = JsonRecords.read(("[{\"key\":\"p-1\",\"type\":\"Project\","
            + "\"dc.title\":\"HOP\",\"useit.place\":[\"Smethwick\",\"Ladywood\"],\"dc.subject\":null}]")
                                                          .getBytes(StandardCharsets.UTF_8));
        assertThat(records.get(0).where(), is("record 1"));
        assertThat(records.get(0).metadata().get("useit.place"), contains("Smethwick", "Ladywood"));
        assertThat(records.get(0).metadata().containsKey("dc.subject"), is(false));
    }

    @Test
    public void wrongShapesAreNamed() {
        assertThat(problems("{\"key\":\"a\"}"), contains("file: expected a JSON array of records"));
        assertThat(problems("[1]"), contains("record 1: expected an object"));
        assertThat(problems("[{\"key\":\"a\",\"type\":\"OrgUnit\",\"dc.title\":[\"x\",{}]}]"),
                   contains("record 1, column dc.title: expected a string or an array of strings"));
    }

    @Test
    public void jsonBeyondLimitsOrWithALoneSurrogateIsRefusedByName() {
        assertThat(problems("[".repeat(200_000)).get(0), containsString("file: JSON beyond what an import takes"));
        assertThat(problems("[{\"key\":\"a\",\"type\":\"OrgUnit\",\"dc.title\":\"x\\ud800y\"}]"),
                   contains("record 1, column dc.title: lone surrogate U+D800 at position 2"));
    }

    @Test
    public void duplicateFieldsAndBrokenJsonAreRefused() {
        assertThat(problems("[{\"key\":\"a\",\"key\":\"b\"}]").get(0), containsString("Duplicate field 'key'"));
        assertThat(problems("[{\"key\": ").get(0), containsString("file: malformed JSON at line 1"));
    }
}
