/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import eu.useit.dspace.casestudy.MetadataRules;
import eu.useit.dspace.casestudy.Violation;
import eu.useit.dspace.structure.RelationshipTypeSpec;

/**
 * Checks a whole import file before anything is written: each record against the {@link MetadataRules}, field
 * names against the metadata registry, keys unique within the file, and every relation pointing at a record
 * (in the file or already in the repository) of the type the relationship joins.
 */
public final class ImportValidator {

    private final MetadataRules rules;
    private final Set<String> knownFields;
    private final List<RelationshipTypeSpec> relationshipTypes;
    private final Function<String, Optional<String>> typeInRepository;

    /**
     * @param rules             the record rules
     * @param knownFields       every field of the metadata registry, as schema.element[.qualifier]
     * @param relationshipTypes the relationship types records may use
     * @param typeInRepository  key → item type of an item already in the repository
     */
    public ImportValidator(MetadataRules rules, Set<String> knownFields,
                           List<RelationshipTypeSpec> relationshipTypes,
                           Function<String, Optional<String>> typeInRepository) {
        this.rules = rules;
        this.knownFields = knownFields;
        this.relationshipTypes = relationshipTypes;
        this.typeInRepository = typeInRepository;
    }

    /**
     * @param records the file's records
     * @return every problem, in file order; empty when the file can be imported
     */
    public List<ImportProblem> check(List<ImportRecord> records) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, ImportRecord> byKey = new HashMap<>();
        for (ImportRecord record : records) {
            ImportRecord earlier = byKey.putIfAbsent(record.key(), record);
            if (earlier != null) {
                problems.add(new ImportProblem(record.where(), "key", "'" + record.key() + "' is also the key of "
                    + earlier.where()));
            }
        }
        for (ImportRecord record : records) {
            // a record updates the item of its key: an item of another type cannot become this one
            typeInRepository.apply(record.key()).filter(type -> !type.equals(record.type())).ifPresent(
                type -> problems.add(new ImportProblem(record.where(), "type", "'" + record.key() + "' is a " + type
                    + " in the repository, not a " + record.type())));
            for (Violation violation : rules.check(record.type(), record.metadata())) {
                problems.add(new ImportProblem(record.where(), violation.field(), violation.reason()));
            }
            for (String field : record.metadata().keySet()) {
                if (!knownFields.contains(field)) {
                    problems.add(new ImportProblem(record.where(), field, "no such field in the metadata registry"));
                }
            }
            record.relations().forEach((name, keys) -> checkRelation(record, name, keys, byKey, problems));
        }
        return problems;
    }

    private void checkRelation(ImportRecord record, String name, List<String> keys, Map<String, ImportRecord> byKey,
                               List<ImportProblem> problems) {
        String column = ImportRecord.RELATION + name;
        Optional<RelationshipTypeSpec> spec = relationshipTypes.stream()
            .filter(s -> s.leftType().equals(record.type()) && s.leftwardType().equals(name)).findFirst();
        if (spec.isEmpty()) {
            problems.add(new ImportProblem(record.where(), column, "a " + record.type()
                + " has no relationship named " + name));
            return;
        }
        for (String key : keys) {
            ImportRecord inFile = byKey.get(key);
            Optional<String> type = inFile != null ? Optional.of(inFile.type()) : typeInRepository.apply(key);
            if (type.isEmpty()) {
                problems.add(new ImportProblem(record.where(), column, "no record with key '" + key
                    + "' in the file or the repository"));
            } else if (!type.get().equals(spec.get().rightType())) {
                problems.add(new ImportProblem(record.where(), column, "'" + key + "' is a " + type.get()
                    + ", not a " + spec.get().rightType()));
            }
        }
    }
}
