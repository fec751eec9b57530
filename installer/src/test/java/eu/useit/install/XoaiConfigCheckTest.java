/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class XoaiConfigCheckTest {

    private static final String VALID =
        "<Configuration xmlns='http://www.lyncode.com/XOAIConfiguration' maxListIdentifiersSize='100'"
            + " maxListRecordsSize='100' maxListSetsSize='100'>"
            + "<Contexts><Context baseurl='a'><Transformer ref='t'/><Filter ref='f'/><Set ref='s'/><Format ref='x'/>"
            + "<Description>A</Description></Context></Contexts>"
            + "<Formats><Format id='x'><Prefix>x</Prefix><XSLT>x.xsl</XSLT><Namespace>urn:x</Namespace>"
            + "<SchemaLocation>urn:x.xsd</SchemaLocation></Format>"
            + "<Format id='y'><Prefix>y</Prefix><XSLT>y.xsl</XSLT><Namespace>urn:y</Namespace>"
            + "<SchemaLocation>urn:y.xsd</SchemaLocation><Filter ref='c'/></Format></Formats>"
            + "<Transformers><Transformer id='t'><XSLT>t.xsl</XSLT></Transformer></Transformers>"
            + "<Filters><Filter id='f'><Definition><Not><Condition><Custom ref='c'/></Condition></Not></Definition>"
            + "</Filter><CustomCondition id='c'><Class>C</Class></CustomCondition></Filters>"
            + "<Sets><Set id='s'><Spec>s</Spec><Name>S</Name><Filter ref='f'/></Set></Sets></Configuration>";

    /** Asserts that the configuration has exactly the one problem. */
    private static void assertOnlyProblem(String xml, String problem) throws InstallException {
        assertThat(problems(xml), contains(problem));
    }

    /** Asserts that the configuration has the problem, among others. */
    private static void assertProblem(String xml, String problem) throws InstallException {
        assertThat(problems(xml), hasItem(problem));
    }

    private static List<String> problems(String xml) throws InstallException {
        return XoaiConfigCheck.problems(read(xml.getBytes(StandardCharsets.UTF_8)),
                                        path -> !path.equals("missing.xsl"));
    }

    private static XmlText read(byte[] xml) throws InstallException {
        return SiteXml.read(xml, "test.xml", XoaiConfigMerge.ROOT).xml();
    }

    @Test
    public void aValidConfigurationHasNoProblems() throws Exception {
        assertThat(problems(VALID), is(empty()));
    }

    @Test
    public void theAddonsOwnConfigurationIsValid() throws Exception {
        assertThat(XoaiConfigCheck.problems(read(OaiConfigSource.bundled().read(OaiConfigSource.XOAI)), path -> true),
                   is(empty()));
        assertThat(XoaiConfigCheck.problems(read(SiteFixture.text().getBytes(StandardCharsets.UTF_8)), path -> true),
                   is(empty()));
    }

    @Test
    public void everyReferenceMustBeDefined() throws Exception {
        assertOnlyProblem(VALID.replace("<Format ref='x'/>", "<Format ref='nope'/>"),
                          "context a: refers to format 'nope', which is not defined");
        assertOnlyProblem(VALID.replace("<Set ref='s'/>", "<Set ref='nope'/>"),
                          "context a: refers to set 'nope', which is not defined");
        assertOnlyProblem(VALID.replace("<Transformer ref='t'/>", "<Transformer ref='nope'/>"),
                          "context a: refers to transformer 'nope', which is not defined");
        assertOnlyProblem(VALID.replace("<Custom ref='c'/>", "<Custom ref='nope'/>"),
                          "filter f: refers to condition 'nope', which is not defined");
        assertOnlyProblem(VALID.replace("<Name>S</Name><Filter ref='f'/>", "<Name>S</Name><Filter ref='nope'/>"),
                          "set s: refers to filter 'nope', which is not defined");
        // a filter reference may name a custom condition, as XOAI's filter manager allows
        assertThat(problems(VALID.replace("<Filter ref='f'/><Set", "<Filter ref='c'/><Set")), is(empty()));
    }

    @Test
    public void aContextsChildrenComeInTheOrderXoaiReadsThem() throws Exception {
        assertProblem(VALID.replace("<Transformer ref='t'/><Filter ref='f'/>",
                                    "<Filter ref='f'/><Transformer ref='t'/>"),
                      "context a: <Transformer> out of order (expected Transformer, Filter, Set, Format, Description)");
        assertProblem(VALID.replace("<Set ref='s'/><Format ref='x'/>", "<Format ref='x'/><Set ref='s'/>"),
                      "context a: <Set> out of order (expected Transformer, Filter, Set, Format, Description)");
        assertOnlyProblem(VALID.replace("<Filter ref='f'/><Set", "<Filter ref='f'/><Filter ref='c'/><Set"),
                          "context a: more than one <Filter>");
        assertOnlyProblem(VALID.replace("<Description>A</Description>", ""),
                          "context a: <Description> missing");
        assertOnlyProblem(VALID.replace("<Format ref='x'/>", ""),
                          "context a: <Format> missing");
    }

    @Test
    public void theSectionsComeInTheSchemasOrder() throws Exception {
        String sets = "<Sets><Set id='s'><Spec>s</Spec><Name>S</Name><Filter ref='f'/></Set></Sets>";
        String moved = VALID.replace(sets, "").replace("<Filters>", sets + "<Filters>");
        assertThat(problems(moved), contains("<Configuration>: <Filters> out of order (expected Contexts, Formats, "
                                                 + "Transformers, Filters, Sets)"));
    }

    @Test
    public void formatsAndSetsHaveTheirChildrenInOrder() throws Exception {
        assertProblem(VALID.replace("<Prefix>x</Prefix><XSLT>x.xsl</XSLT>", "<XSLT>x.xsl</XSLT><Prefix>x</Prefix>"),
                      "format x: <Prefix> out of order (expected Prefix, XSLT, Namespace, SchemaLocation, Filter)");
        assertOnlyProblem(VALID.replace("<Spec>s</Spec><Name>S</Name>", "<Spec>s</Spec>"),
                          "set s: <Name> missing");
    }

    @Test
    public void everyXsltFileMustExist() throws Exception {
        assertOnlyProblem(VALID.replace("<XSLT>y.xsl</XSLT>", "<XSLT>missing.xsl</XSLT>"),
                          "format y: XSLT file missing.xsl not found");
        assertOnlyProblem(VALID.replace("<XSLT>t.xsl</XSLT>", "<XSLT>missing.xsl</XSLT>"),
                          "transformer t: XSLT file missing.xsl not found");
    }

    @Test
    public void idsAreDefinedOnceAndAContextOffersAPrefixOnce() throws Exception {
        assertOnlyProblem(VALID.replace("<Format id='y'><Prefix>y</Prefix>", "<Format id='x'><Prefix>y</Prefix>"),
                          "format id 'x' is defined twice");
        assertThat(problems(VALID.replace("<Prefix>y</Prefix>", "<Prefix>x</Prefix>")
                                 .replace("<Format ref='x'/>", "<Format ref='x'/><Format ref='y'/>")),
                   contains("context a: offers the prefix x twice"));
    }

    @Test
    public void theListSizesXoaiReadsAsNumbersArePresent() throws Exception {
        assertOnlyProblem(VALID.replace(" maxListSetsSize='100'", ""),
                          "<Configuration> needs the attribute maxListSetsSize (a number)");
    }
}
