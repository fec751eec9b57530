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
        assertThat(problems(VALID.replace("<Format ref='x'/>", "<Format ref='nope'/>")),
                   contains("context a: refers to format 'nope', which is not defined"));
        assertThat(problems(VALID.replace("<Set ref='s'/>", "<Set ref='nope'/>")),
                   contains("context a: refers to set 'nope', which is not defined"));
        assertThat(problems(VALID.replace("<Transformer ref='t'/>", "<Transformer ref='nope'/>")),
                   contains("context a: refers to transformer 'nope', which is not defined"));
        assertThat(problems(VALID.replace("<Custom ref='c'/>", "<Custom ref='nope'/>")),
                   contains("filter f: refers to condition 'nope', which is not defined"));
        assertThat(problems(VALID.replace("<Name>S</Name><Filter ref='f'/>", "<Name>S</Name><Filter ref='nope'/>")),
                   contains("set s: refers to filter 'nope', which is not defined"));
        // a filter reference may name a custom condition, as XOAI's filter manager allows
        assertThat(problems(VALID.replace("<Filter ref='f'/><Set", "<Filter ref='c'/><Set")), is(empty()));
    }

    @Test
    public void aContextsChildrenComeInTheOrderXoaiReadsThem() throws Exception {
        assertThat(problems(VALID.replace("<Transformer ref='t'/><Filter ref='f'/>",
                                          "<Filter ref='f'/><Transformer ref='t'/>")),
                   hasItem("context a: <Transformer> out of order (expected Transformer, Filter, Set, Format, "
                               + "Description)"));
        assertThat(problems(VALID.replace("<Set ref='s'/><Format ref='x'/>", "<Format ref='x'/><Set ref='s'/>")),
                   hasItem("context a: <Set> out of order (expected Transformer, Filter, Set, Format, "
                               + "Description)"));
        assertThat(problems(VALID.replace("<Filter ref='f'/><Set", "<Filter ref='f'/><Filter ref='c'/><Set")),
                   contains("context a: more than one <Filter>"));
        assertThat(problems(VALID.replace("<Description>A</Description>", "")),
                   contains("context a: <Description> missing"));
        assertThat(problems(VALID.replace("<Format ref='x'/>", "")), contains("context a: <Format> missing"));
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
        assertThat(problems(VALID.replace("<Prefix>x</Prefix><XSLT>x.xsl</XSLT>",
                                          "<XSLT>x.xsl</XSLT><Prefix>x</Prefix>")),
                   hasItem("format x: <Prefix> out of order (expected Prefix, XSLT, Namespace, SchemaLocation, "
                               + "Filter)"));
        assertThat(problems(VALID.replace("<Spec>s</Spec><Name>S</Name>", "<Spec>s</Spec>")),
                   contains("set s: <Name> missing"));
    }

    @Test
    public void everyXsltFileMustExist() throws Exception {
        assertThat(problems(VALID.replace("<XSLT>y.xsl</XSLT>", "<XSLT>missing.xsl</XSLT>")),
                   contains("format y: XSLT file missing.xsl not found"));
        assertThat(problems(VALID.replace("<XSLT>t.xsl</XSLT>", "<XSLT>missing.xsl</XSLT>")),
                   contains("transformer t: XSLT file missing.xsl not found"));
    }

    @Test
    public void idsAreDefinedOnceAndAContextOffersAPrefixOnce() throws Exception {
        assertThat(problems(VALID.replace("<Format id='y'><Prefix>y</Prefix>", "<Format id='x'><Prefix>y</Prefix>")),
                   contains("format id 'x' is defined twice"));
        assertThat(problems(VALID.replace("<Prefix>y</Prefix>", "<Prefix>x</Prefix>")
                                 .replace("<Format ref='x'/>", "<Format ref='x'/><Format ref='y'/>")),
                   contains("context a: offers the prefix x twice"));
    }

    @Test
    public void theListSizesXoaiReadsAsNumbersArePresent() throws Exception {
        assertThat(problems(VALID.replace(" maxListSetsSize='100'", "")),
                   contains("<Configuration> needs the attribute maxListSetsSize (a number)"));
    }
}
