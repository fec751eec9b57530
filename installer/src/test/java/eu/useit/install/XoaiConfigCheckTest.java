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

import org.hamcrest.Matcher;
import org.junit.Test;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Enclosed.class)
public class XoaiConfigCheckTest {

    private static final String SETS = "<Sets><Set id='s'><Spec>s</Spec><Name>S</Name><Filter ref='f'/></Set></Sets>";

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
            + SETS + "</Configuration>";

    private static final String CONTEXT_ORDER = "(expected Transformer, Filter, Set, Format, Description)";

    /** The problems of a configuration in which only the XSLT file {@code missing.xsl} does not exist. */
    private static List<String> problems(String xml) throws InstallException {
        return XoaiConfigCheck.problems(read(xml.getBytes(StandardCharsets.UTF_8)),
                                        path -> !path.equals("missing.xsl"));
    }

    private static XmlText read(byte[] xml) throws InstallException {
        return SiteXml.read(xml, "test.xml", XoaiConfigMerge.ROOT).xml();
    }

    public static class WholeConfigurations {

        @Test
        public void aValidConfigurationHasNoProblems() throws Exception {
            assertThat(problems(VALID), is(empty()));
        }

        @Test
        public void theAddonsOwnConfigurationIsValid() throws Exception {
            assertThat(XoaiConfigCheck.problems(read(OaiConfigSource.bundled().read(OaiConfigSource.XOAI)),
                                                path -> true),
                       is(empty()));
            assertThat(XoaiConfigCheck.problems(read(SiteFixture.text().getBytes(StandardCharsets.UTF_8)),
                                                path -> true),
                       is(empty()));
        }
    }

    /** One edit of the valid configuration (replacements applied in order) and the problems it must cause. */
    @RunWith(Parameterized.class)
    public static class Edits {

        @Parameter(0)
        public String name;

        @Parameter(1)
        public Matcher<? super List<String>> expected;

        @Parameter(2)
        public String[] replacements;

        @Parameters(name = "{0}")
        public static List<Object[]> edits() {
            return List.of(
                // every reference must be defined
                only("a context's format is not defined",
                     "context a: refers to format 'nope', which is not defined",
                     "<Format ref='x'/>", "<Format ref='nope'/>"),
                only("a context's set is not defined",
                     "context a: refers to set 'nope', which is not defined",
                     "<Set ref='s'/>", "<Set ref='nope'/>"),
                only("a context's transformer is not defined",
                     "context a: refers to transformer 'nope', which is not defined",
                     "<Transformer ref='t'/>", "<Transformer ref='nope'/>"),
                only("a filter's condition is not defined",
                     "filter f: refers to condition 'nope', which is not defined",
                     "<Custom ref='c'/>", "<Custom ref='nope'/>"),
                only("a set's filter is not defined",
                     "set s: refers to filter 'nope', which is not defined",
                     "<Name>S</Name><Filter ref='f'/>", "<Name>S</Name><Filter ref='nope'/>"),
                edit("a filter reference may name a custom condition, as XOAI's filter manager allows",
                     empty(),
                     "<Filter ref='f'/><Set", "<Filter ref='c'/><Set"),
                // a context's children come in the order XOAI reads them
                among("a context's Transformer after its Filter",
                      "context a: <Transformer> out of order " + CONTEXT_ORDER,
                      "<Transformer ref='t'/><Filter ref='f'/>", "<Filter ref='f'/><Transformer ref='t'/>"),
                among("a context's Set after its Format",
                      "context a: <Set> out of order " + CONTEXT_ORDER,
                      "<Set ref='s'/><Format ref='x'/>", "<Format ref='x'/><Set ref='s'/>"),
                only("a context with two filters",
                     "context a: more than one <Filter>",
                     "<Filter ref='f'/><Set", "<Filter ref='f'/><Filter ref='c'/><Set"),
                only("a context without Description",
                     "context a: <Description> missing",
                     "<Description>A</Description>", ""),
                only("a context without Format",
                     "context a: <Format> missing",
                     "<Format ref='x'/>", ""),
                // the sections come in the schema's order
                only("Sets before Filters",
                     "<Configuration>: <Filters> out of order (expected Contexts, Formats, Transformers, Filters, "
                         + "Sets)",
                     SETS, "", "<Filters>", SETS + "<Filters>"),
                // formats and sets have their children in order
                among("a format's Prefix after its XSLT",
                      "format x: <Prefix> out of order (expected Prefix, XSLT, Namespace, SchemaLocation, Filter)",
                      "<Prefix>x</Prefix><XSLT>x.xsl</XSLT>", "<XSLT>x.xsl</XSLT><Prefix>x</Prefix>"),
                only("a set without Name",
                     "set s: <Name> missing",
                     "<Spec>s</Spec><Name>S</Name>", "<Spec>s</Spec>"),
                // every XSLT file must exist
                only("a format's XSLT file is missing",
                     "format y: XSLT file missing.xsl not found",
                     "<XSLT>y.xsl</XSLT>", "<XSLT>missing.xsl</XSLT>"),
                only("a transformer's XSLT file is missing",
                     "transformer t: XSLT file missing.xsl not found",
                     "<XSLT>t.xsl</XSLT>", "<XSLT>missing.xsl</XSLT>"),
                // ids are defined once and a context offers a prefix once
                only("a format id defined twice",
                     "format id 'x' is defined twice",
                     "<Format id='y'><Prefix>y</Prefix>", "<Format id='x'><Prefix>y</Prefix>"),
                only("a context offers a prefix twice",
                     "context a: offers the prefix x twice",
                     "<Prefix>y</Prefix>", "<Prefix>x</Prefix>",
                     "<Format ref='x'/>", "<Format ref='x'/><Format ref='y'/>"),
                // the list sizes XOAI reads as numbers are present
                only("maxListSetsSize is missing",
                     "<Configuration> needs the attribute maxListSetsSize (a number)",
                     " maxListSetsSize='100'", ""));
        }

        /** The edit causes exactly the one problem. */
        private static Object[] only(String name, String problem, String... replacements) {
            return edit(name, contains(problem), replacements);
        }

        /** The edit causes the problem, among others. */
        private static Object[] among(String name, String problem, String... replacements) {
            return edit(name, hasItem(problem), replacements);
        }

        private static Object[] edit(String name, Matcher<? super List<String>> expected, String... replacements) {
            return new Object[] {name, expected, replacements};
        }

        @Test
        public void causesTheProblems() throws Exception {
            String xml = VALID;
            for (int i = 0; i < replacements.length; i += 2) {
                xml = xml.replace(replacements[i], replacements[i + 1]);
            }
            assertThat(problems(xml), expected);
        }
    }
}
