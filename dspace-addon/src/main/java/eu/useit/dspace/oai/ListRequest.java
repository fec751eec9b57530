/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.lyncode.xoai.dataprovider.filter.ScopedFilter;
import com.lyncode.xoai.dataprovider.services.api.ItemRepository;

/**
 * XOAI's request for a page of records. XOAI's {@link ItemRepository} asks for one through sixteen overloads, one
 * for each combination of set, from and until a harvest has (XOAI's {@code ItemRepositoryHelper} calls the one
 * whose arguments it holds); {@link #of} reads any of them as this one value.
 *
 * @param filters     the filters of the OAI context and of the format
 * @param offset      the number of records before the page, as XOAI counts them
 * @param length      the page's length
 * @param set         the set asked for, or null
 * @param from        the earliest datestamp asked for, or null
 * @param until       the latest datestamp asked for, or null
 * @param identifiers whether the request lists identifiers (ListIdentifiers) rather than records (ListRecords)
 */
record ListRequest(List<ScopedFilter> filters, int offset, int length, String set, Date from, Date until,
                   boolean identifiers) {

    private static final String IDENTIFIERS = "getItemIdentifiers";
    private static final String RECORDS = "getItems";
    private static final String UNTIL = "Until";

    /**
     * @param method one of the listing methods of {@link ItemRepository}
     * @param args   its arguments: the filters, offset and length, then the set (a string) and the dates (two are
     *               from and until; one is until for the methods named {@code …Until}, from for the others)
     * @return the request
     * @throws IllegalArgumentException if the method is not one of them
     */
    @SuppressWarnings("unchecked")
    static ListRequest of(Method method, Object[] args) {
        String name = method.getName();
        Class<?>[] types = method.getParameterTypes();
        boolean identifiers = name.equals(IDENTIFIERS) || name.equals(IDENTIFIERS + UNTIL);
        if (!identifiers && !name.equals(RECORDS) && !name.equals(RECORDS + UNTIL) || types.length < 3
            || types[0] != List.class) {
            throw new IllegalArgumentException("Not a listing of XOAI's ItemRepository: " + method);
        }
        String set = null;
        List<Date> dates = new ArrayList<>();
        for (int i = 3; i < types.length; i++) {
            if (types[i] == String.class) {
                set = (String) args[i];
            } else if (types[i] == Date.class) {
                dates.add((Date) args[i]);
            } else {
                throw new IllegalArgumentException("Not a listing of XOAI's ItemRepository: " + method);
            }
        }
        boolean untilOnly = name.endsWith(UNTIL);
        Date from = dates.size() == 2 || dates.size() == 1 && !untilOnly ? dates.get(0) : null;
        Date until = dates.size() == 2 ? dates.get(1) : dates.size() == 1 && untilOnly ? dates.get(0) : null;
        return new ListRequest((List<ScopedFilter>) args[0], (Integer) args[1], (Integer) args[2], set, from, until,
                               identifiers);
    }
}
