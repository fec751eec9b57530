/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.casestudy.ItemTypes;
import eu.useit.dspace.casestudy.MetadataRules;
import eu.useit.dspace.casestudy.RecordFields;
import eu.useit.dspace.casestudy.Violation;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.app.util.DCInput;
import org.dspace.app.util.DCInputSet;
import org.dspace.app.util.DCInputsReader;
import org.dspace.app.util.DCInputsReaderException;
import org.dspace.app.util.SubmissionStepConfig;
import org.dspace.content.InProgressSubmission;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.authority.Choices;
import org.dspace.content.service.ItemService;
import org.dspace.services.ConfigurationService;

/**
 * What a USE-IT! deposit form refuses, field by field, before a deposit can be sent to review: each value of a
 * field the step's form shows is checked on its own with {@link MetadataRules#checkValue} (a strand must be an id
 * of the strand vocabulary, chosen from the list, and its label that id's; dates ISO 8601; URLs absolute; no
 * placeholder), a drop-down's value is one of its choices (DSpace stores whatever a REST client sends), and a
 * single-value field holds one value. DSpace's REST submission runs it for every step of type
 * {@code submission-form} (bean in {@code config/spring/rest/useit-deposit.xml}); a deposit with errors is refused
 * (HTTP 422) and the errors name the section, field and value ({@code /sections/useit-case-study/useit.strand/0}).
 * The rules of the record as a whole (a sourced record names its source, an illustrative case study names
 * no practitioner) are checked too, on the step whose form shows the field; DSpace's own validation still checks
 * the fields a form requires. Items that are not USE-IT! item types are left alone.
 */
public class FieldRulesValidation extends StepValidation {

    /** The step type DSpace runs this validation for: its describe (form) steps. */
    public static final String STEP_TYPE = "submission-form";

    private static final Logger log = LogManager.getLogger(FieldRulesValidation.class);

    private final ConfigurationService configuration;
    private final ItemService itemService;
    private StrandVocabulary vocabulary;
    private MetadataRules rules;
    private DCInputsReader forms;

    /**
     * @param configuration DSpace's configuration (where the strand vocabulary is)
     * @param itemService   DSpace's item service
     */
    public FieldRulesValidation(ConfigurationService configuration, ItemService itemService) {
        super(STEP_TYPE);
        this.configuration = configuration;
        this.itemService = itemService;
    }

    /**
     * {@inheritDoc} A check that cannot run (its vocabulary or form cannot be read) is an error of the step, so the
     * deposit is refused rather than let through unchecked.
     */
    @Override
    void check(InProgressSubmission submission, SubmissionStepConfig step, StepErrors errors) {
        Item item = submission.getItem();
        String type = itemService.getMetadataFirstValue(item, "dspace", "entity", "type", Item.ANY);
        if (type == null || !ItemTypes.ALL.contains(type)) {
            return;
        }
        String section = "/sections/" + step.getId();
        try {
            DCInputSet form = forms().getInputsByFormName(step.getId());
            for (DCInput[] row : form.getFields()) {
                for (DCInput input : row) {
                    if (input.getFieldName() != null) {
                        check(item, input, section + "/" + input.getFieldName(), errors);
                    }
                }
            }
            checkRecord(item, type, form, section, errors);
        } catch (DCInputsReaderException | RuntimeException e) {
            log.error("the fields of step {} could not be checked", step.getId(), e);
            // the reason is for administrators (it may name files of the server), not for the depositor
            errors.add("The deposit could not be checked; the repository's administrators can see why in its log",
                       section);
        }
    }

    private void check(Item item, DCInput input, String path, StepErrors errors) {
        String field = input.getFieldName();
        List<MetadataValue> values = itemService.getMetadataByMetadataString(item, field);
        if (MetadataRules.isSingle(field) && values.size() > 1) {
            errors.add(field + ": takes one value, found " + values.size(), path);
        }
        List<String> choices = choices(input);
        for (MetadataValue value : values) {
            if ("useit.strand".equals(field)) {
                identifyStrand(value);
            }
            String place = path + "/" + value.getPlace();
            if (!choices.isEmpty() && !choices.contains(value.getValue())) {
                // DSpace stores whatever a REST client sends for a drop-down; the form offers only these
                errors.add(field + ": '" + value.getValue() + "' is not one of the form's choices ("
                    + String.join(", ", choices) + ")", place);
            } else {
                rules().checkValue(field, value.getValue(), value.getAuthority())
                       .ifPresent(reason -> errors.add(field + ": " + reason, place));
            }
        }
    }

    /**
     * The rules of the record as a whole (a sourced record names its source, an illustrative case study names no
     * practitioner, the fields its type requires), each on the step whose form shows its field, so that a
     * collection without review takes no deposit the review's {@code useit-validate} would send back. A field the
     * form requires is left to DSpace's own check, which says it in the form's words.
     */
    private void checkRecord(Item item, String type, DCInputSet form, String section, StepErrors errors) {
        for (Violation violation : rules().checkRecord(type, RecordFields.of(itemService, item))) {
            DCInput input = input(form, violation.field());
            boolean dspaceSaysIt = violation.reason().startsWith(MetadataRules.REQUIRED) && input != null
                && input.isRequired();
            if (input != null && !dspaceSaysIt) {
                errors.add(violation.field() + ": " + violation.reason(), section + "/" + violation.field());
            }
        }
    }

    /** The input of a form for a field, or null when the form does not show it. */
    private static DCInput input(DCInputSet form, String field) {
        for (DCInput[] row : form.getFields()) {
            for (DCInput input : row) {
                if (field.equals(input.getFieldName())) {
                    return input;
                }
            }
        }
        return null;
    }

    /** The values a drop-down or list of the form stores (its pairs' stored values); empty for any other input. */
    private static List<String> choices(DCInput input) {
        List<String> choices = new ArrayList<>();
        List<?> pairs = input.getPairs();
        if (pairs != null && ("dropdown".equals(input.getInputType()) || "list".equals(input.getInputType()))) {
            for (int i = 1; i < pairs.size(); i += 2) {
                choices.add(String.valueOf(pairs.get(i)));
            }
        }
        return choices;
    }

    /**
     * A strand chosen in DSpace's own web UI arrives as its label path without the node id (DSpace's vocabulary
     * endpoint gives controlled vocabularies no authority key); the id is what OAI-PMH sets and the strand rules
     * read, so it is added here from the vocabulary - as DSpace's own form validation also adjusts values (it
     * removes those a type does not allow). A node id sent as the value (by a REST client) gets its label path as
     * the value and becomes the key. A value already carrying an id, or naming no node, is left as it is.
     */
    private void identifyStrand(MetadataValue value) {
        if (value.getAuthority() == null || value.getAuthority().isBlank()) {
            vocabulary().findByIdOrLabelPath(value.getValue()).ifPresent(strand -> {
                // a node id sent as the value gets its label, which pages and facets show
                value.setValue(vocabulary().hierarchicalLabel(strand));
                value.setAuthority(strand.id());
                value.setConfidence(Choices.CF_ACCEPTED);
            });
        }
    }

    private synchronized MetadataRules rules() {
        if (rules == null) {
            rules = new MetadataRules(vocabulary());
        }
        return rules;
    }

    private synchronized StrandVocabulary vocabulary() {
        if (vocabulary == null) {
            try {
                vocabulary = StrandVocabulary.load(Path.of(configuration.getProperty("dspace.dir")));
            } catch (IOException e) {
                throw new UncheckedIOException("the strand vocabulary cannot be read: " + e.getMessage(), e);
            }
        }
        return vocabulary;
    }

    private synchronized DCInputsReader forms() throws DCInputsReaderException {
        if (forms == null) {
            forms = new DCInputsReader();
        }
        return forms;
    }
}
