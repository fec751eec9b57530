/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * Hibernate's H2 dialect plus the four regular-expression functions DSpace's queries name (matches, imatches,
 * not_matches, not_imatches), mapped onto H2's own {@code REGEXP_LIKE}. DSpace ships such functions only for
 * PostgreSQL ({@code DSpacePostgreSQLDialect}); this makes the embedded H2 database answer the same queries.
 */
public class H2RegexDialect extends H2Dialect {

    @Override
    public void initializeFunctionRegistry(FunctionContributions functions) {
        super.initializeFunctionRegistry(functions);
        BasicType<Boolean> bool = functions.getTypeConfiguration().getBasicTypeRegistry()
                                           .resolve(StandardBasicTypes.BOOLEAN);
        functions.getFunctionRegistry().registerPattern("matches", "regexp_like(?1, ?2)", bool);
        functions.getFunctionRegistry().registerPattern("imatches", "regexp_like(?1, ?2, 'i')", bool);
        functions.getFunctionRegistry().registerPattern("not_matches", "not regexp_like(?1, ?2)", bool);
        functions.getFunctionRegistry().registerPattern("not_imatches", "not regexp_like(?1, ?2, 'i')", bool);
    }
}
