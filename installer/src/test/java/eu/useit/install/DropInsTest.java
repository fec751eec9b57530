/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.util.Map;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.junit.Test;

public class DropInsTest {

    @Test
    public void theJarCarriesEveryDropInAtItsConfigPath() throws Exception {
        DropIns dropIns = DropIns.bundled();

        assertThat(dropIns.paths(), hasItems("modules/useit.cfg", "spring/api/useit-scripts.xml",
                                             "entities/useit-relationship-types.xml",
                                             "controlled-vocabularies/useit-strands.xml",
                                             "registries/useit-types.xml", "registries/useit-relation-types.xml",
                                             "item-submission.xml", "submission-forms.xml", "workflow-curation.xml"));
        // the OAI crosswalks travel with the OAI merge, not here
        assertThat(dropIns.paths().stream().anyMatch(p -> p.startsWith("crosswalks/")), is(false));
        assertThat(dropIns.registries(), contains("registries/useit-relation-types.xml",
                                                  "registries/useit-types.xml"));
        assertThat(StrandVocabulary.parse(new ByteArrayInputStream(
            dropIns.read("controlled-vocabularies/useit-strands.xml"))).all(), not(empty()));
    }

    @Test
    public void everyDropInIsCopiedOrMergedNoneWouldReplaceASiteFile() throws Exception {
        DropIns dropIns = DropIns.bundled();

        assertThat(dropIns.unknown(), empty());
        assertThat(dropIns.copies().contains("item-submission.xml"), is(false));
        // every file under spring/api named useit... is copied, whatever it is (Discovery's beans, ...)
        assertThat(dropIns.copies().containsAll(dropIns.paths().stream()
                                                       .filter(p -> p.startsWith("spring/api/")).toList()), is(true));
    }

    @Test
    public void aDropInWithASiteFilesNameIsUnknown() {
        DropIns dropIns = DropIns.of(Map.of("spring/api/discovery.xml", new byte[0],
                                            "spring/api/useit-discovery.xml", new byte[0]));

        assertThat(dropIns.unknown(), contains("spring/api/discovery.xml"));
        assertThat(dropIns.copies(), contains("spring/api/useit-discovery.xml"));
        assertThat(dropIns.read("nothing"), nullValue());
    }
}
