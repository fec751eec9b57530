/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import com.lyncode.xoai.dataprovider.services.api.ItemRepository;

/**
 * A {@link UseitItemRepository} as XOAI's {@link ItemRepository}: {@code getItem} is its {@code getItem}, and each
 * of the interface's sixteen listing overloads is one {@link ListRequest} for its {@code list}, instead of sixteen
 * methods of one line each.
 */
final class XoaiItemRepository implements InvocationHandler {

    private final UseitItemRepository records;

    private XoaiItemRepository(UseitItemRepository records) {
        this.records = records;
    }

    /**
     * @param records the records of one request
     * @return them as XOAI reads them
     */
    static ItemRepository of(UseitItemRepository records) {
        return (ItemRepository) Proxy.newProxyInstance(ItemRepository.class.getClassLoader(),
                                                       new Class<?>[] {ItemRepository.class},
                                                       new XoaiItemRepository(records));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "XOAI's view of " + records;
            };
        }
        if ("getItem".equals(method.getName())) {
            return records.getItem((String) args[0]);
        }
        ListRequest request = ListRequest.of(method, args);
        UseitItemRepository.Page page = records.list(request);
        return request.identifiers() ? page.identifiers() : page.records();
    }
}
