/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

public class CsvRecordsTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> problems(byte[] csv) {
        ImportException error = assertThrows(ImportException.class, () -> CsvRecords.read(csv));
        return error.problems().stream().map(ImportProblem::toString).collect(Collectors.toList());
    }

    @Test
    public void readsRecordsWithRepeatedValuesAndRelations() throws ImportException {
        List<ImportRecord> records = CsvRecords.read(utf8(
            "key,type,dc.title,useit.place,relation.isProjectOfCaseStudy\n"
                + "cs-1,CaseStudy,\"Title, with comma\",Ladywood||Soho,prj-1\n"));
        assertThat(records, hasSize(1));
        ImportRecord record = records.get(0);
        assertThat(record.where(), is("row 2"));
        assertThat(record.key(), is("cs-1"));
        assertThat(record.type(), is("CaseStudy"));
        assertThat(record.metadata().get("dc.title"), contains("Title, with comma"));
        assertThat(record.metadata().get("useit.place"), contains("Ladywood", "Soho"));
        assertThat(record.relations().get("isProjectOfCaseStudy"), contains("prj-1"));
        assertThat(record.metadata().containsKey("relation.isProjectOfCaseStudy"), is(false));
    }

    @Test
    public void blankCellsAreNoValueAndAByteOrderMarkIsIgnored() throws ImportException {
        List<ImportRecord> records = CsvRecords.read(utf8("\uFEFFkey,type,dc.title,dc.subject\nk,OrgUnit,T,\n"));
        assertThat(records.get(0).metadata().containsKey("dc.subject"), is(false));
    }

    @Test
    public void everyBadRowIsReportedNotJustTheFirst() {
        List<String> problems = problems(utf8("key,type,dc.title\n,OrgUnit,A\nBad Key,OrgUnit,B\nok,OrgUnit\n"));
        assertThat(problems, contains("row 2, column key: required",
                                      "row 3, column key: 'Bad Key' is not a key: use lower-case letters, digits "
                                          + "and '-', starting with a letter or digit, at most 100 characters",
                                      "row 4: has 2 cells; the header has 3"));
    }

    @Test
    public void aRowIsNamedByItsRowInASpreadsheetBlankLinesCounted() {
        assertThat(problems(utf8("\nkey,type,dc.title\nk1,OrgUnit,Fine\n\n  \n,,\nk2,OrgUnit\n\n")),
                   contains("row 7: has 2 cells; the header has 3"));
    }

    @Test
    public void headerProblemsAreNamed() {
        assertThat(problems(utf8("key,type,dc.title,dc.title\nk,OrgUnit,a,b\n")),
                   hasItem("row 1, column dc.title: column named twice"));
        assertThat(problems(utf8("key,type,notafield\nk,OrgUnit,x\n")),
                   hasItem(containsString("row 2, column notafield: not a metadata field name")));
        assertThat(problems(utf8("")), contains("file: empty: no header row"));
    }

    @Test
    public void fieldsTheImportOrDSpaceWriteAreNotTakenFromAFile() {
        assertThat(problems(utf8("key,type,dc.title,useit.key,dspace.entity.type,dc.date.accessioned,dspace.x.y\n"
                                     + "k,OrgUnit,T,other,Project,1900-01-01,z\n")),
                   contains("row 2, column useit.key: a file does not set this field: the import writes it from the "
                                + "'key' column",
                            "row 2, column dspace.entity.type: a file does not set this field: the import writes it "
                                + "from the 'type' column",
                            "row 2, column dc.date.accessioned: a file does not set this field: DSpace writes it "
                                + "when the item is archived",
                            "row 2, column dspace.x.y: a file does not set this field: DSpace writes its own schema"));
    }

    @Test
    public void malformedCsvIsOneClearProblem() {
        assertThat(problems(utf8("key,type,dc.title\nk,OrgUnit,\"open\n")).get(0), containsString(
            "file: malformed CSV"));
    }

    @Test
    public void textRulesApplyToEveryCell() {
        assertThat(problems(utf8("key,type,dc.title\nk,OrgUnit,a\u0000b\n")),
                   contains("row 2, column dc.title: control character U+0000 at position 2"));
        assertThat(problems(utf8("key,type,dc.title\nk,OrgUnit,a\uFDD0\n")),
                   contains("row 2, column dc.title: Unicode noncharacter U+FDD0 at position 2"));
    }

    @Test
    public void tabsAndLineBreaksInsideQuotedCellsAreFine() throws ImportException {
        List<ImportRecord> records = CsvRecords.read(utf8("key,type,dc.title\nk,OrgUnit,\"tab\tand\nbreak\"\n"));
        assertThat(records.get(0).metadata().get("dc.title"), contains("tab\tand\nbreak"));
    }

    @Test
    public void nonUtf8BytesAreRefusedWithTheirOffset() {
        byte[] latin1 = "key,type,dc.title\nk,OrgUnit,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1), contains("file: not UTF-8: byte 0xE9 at offset 31 (line 2); save the file "
                                                  + "as UTF-8"));
    }
}
