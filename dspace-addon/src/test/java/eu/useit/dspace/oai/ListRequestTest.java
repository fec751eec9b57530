/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.lyncode.xoai.dataprovider.filter.ScopedFilter;
import com.lyncode.xoai.dataprovider.services.api.ItemRepository;
import org.junit.Test;

/**
 * {@link ListRequest#of}: each listing overload of XOAI's {@link ItemRepository} is read with its set, from and
 * until where XOAI's parameter names put them (the table below is written from the interface's declarations, not
 * from the rule the class applies).
 */
public class ListRequestTest {

    /**
     * Each overload, once for ListIdentifiers ({@code getItemIdentifiers…}) and once for ListRecords
     * ({@code getItems…}), by the end of its name and the types after filters, offset and length: what its
     * arguments are.
     */
    private static final String OVERLOADS = """
        ()                     |
        (Date)                 | from
        Until(Date)            | until
        (Date,Date)            | from until
        (String)               | set
        (String,Date)          | set from
        Until(String,Date)     | set until
        (String,Date,Date)     | set from until
        """;
    private static final List<ScopedFilter> FILTERS = new ArrayList<>();
    private static final String SET = "col_123456789_2";
    private static final Date FIRST = Date.from(Instant.parse("2019-01-01T00:00:00Z"));
    private static final Date SECOND = Date.from(Instant.parse("2020-06-30T12:00:00Z"));

    @Test
    public void everyListingOverloadIsReadWithItsSetFromAndUntil() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String line : OVERLOADS.lines().toList()) {
            String[] row = line.split("\\|", -1);
            expected.put("getItemIdentifiers" + row[0].strip(), "identifiers " + row[1].strip());
            expected.put("getItems" + row[0].strip(), "records " + row[1].strip());
        }
        int read = 0;
        for (Method method : ItemRepository.class.getMethods()) {
            if (method.getName().equals("getItem")) {
                continue;
            }
            String words = expected.get(signature(method));
            assertThat("an overload the table does not know: " + method, words != null, is(true));
            ListRequest request = ListRequest.of(method, arguments(method));
            List<String> said = Arrays.asList(words.split(" "));
            assertThat(words, request.identifiers(), is(said.contains("identifiers")));
            assertThat(words, request.filters(), is(sameInstance(FILTERS)));
            assertThat(words, request.offset(), is(100));
            assertThat(words, request.length(), is(50));
            assertThat(words, request.set(), is(said.contains("set") ? SET : null));
            assertThat(words, request.from(), is(said.contains("from") ? FIRST : null));
            Date until = said.contains("from") ? SECOND : FIRST;
            assertThat(words, request.until(), is(said.contains("until") ? until : null));
            read++;
        }
        assertThat(read, is(expected.size()));
    }

    @Test
    public void aMethodThatListsNothingIsRefused() throws Exception {
        Method getItem = ItemRepository.class.getMethod("getItem", String.class);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> ListRequest.of(getItem, new Object[] {"oai:x:1"}));

        assertThat(refused.getMessage().contains("getItem"), is(true));
        assertThat(ListRequest.of(ItemRepository.class.getMethod("getItems", List.class, int.class, int.class),
                                  new Object[] {FILTERS, 0, 10}).until(), is(nullValue()));
    }

    /** The name and the types after the first three, as the table writes them. */
    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).skip(3).map(Class::getSimpleName)
                                        .collect(Collectors.joining(",", "(", ")"));
    }

    /** Filters, offset 100, length 50, then the set and the dates in their order (the first date, then the second). */
    private static Object[] arguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        args[0] = FILTERS;
        args[1] = 100;
        args[2] = 50;
        int dates = 0;
        for (int i = 3; i < types.length; i++) {
            args[i] = types[i] == String.class ? SET : dates++ == 0 ? FIRST : SECOND;
        }
        return args;
    }
}
