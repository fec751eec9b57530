/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.tests.support.RestClient;

/**
 * One deposit driven through DSpace's REST submission, with the calls DSpace's web UI makes: a workspace item in a
 * collection, fields set by JSON Patch on the sections of the submission form, files uploaded, the licence granted,
 * the deposit sent to the workflow. Each call is made as the submitter the deposit belongs to.
 */
final class RestSubmission {

    private final RestClient submitter;
    private JsonNode workspaceItem;

    private RestSubmission(RestClient submitter, JsonNode workspaceItem) {
        this.submitter = submitter;
        this.workspaceItem = workspaceItem;
    }

    /**
     * Starts a deposit.
     *
     * @param submitter  the submitter's client
     * @param collection the collection's UUID
     * @return the deposit, a workspace item
     */
    static RestSubmission start(RestClient submitter, String collection) {
        return new RestSubmission(submitter, submitter.post("/api/submission/workspaceitems?owningCollection="
                                                                 + collection, "{}").expect(201).json());
    }

    /**
     * Goes on with a deposit that the workflow sent back to its submitter (a new workspace item of the same item).
     *
     * @param submitter the submitter's client
     * @param item      the item's UUID
     * @return the deposit
     */
    static RestSubmission sentBack(RestClient submitter, String item) {
        return new RestSubmission(submitter, submitter.get("/api/submission/workspaceitems/search/item?uuid=" + item)
                                                      .expect(200).json());
    }

    /** @return the workspace item as the last answer showed it */
    JsonNode workspaceItem() {
        return workspaceItem;
    }

    /** @return the item's UUID */
    String item() {
        return submitter.get("/api/submission/workspaceitems/" + id() + "/item").expect(200).json().path("uuid")
                        .asText();
    }

    /** @return the validation errors as DSpace lists them: message → the paths it applies to */
    Map<String, List<String>> errors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode error : workspaceItem.path("errors")) {
            List<String> paths = new ArrayList<>();
            error.path("paths").forEach(path -> paths.add(path.asText()));
            errors.put(error.path("message").asText(), paths);
        }
        return errors;
    }

    /**
     * Sets a field of a section to the given values (replacing what it had).
     *
     * @param section the section (the form's name)
     * @param field   the field, schema.element[.qualifier]
     * @param values  its values: a string, or a map with value, authority and confidence
     * @return this deposit
     */
    RestSubmission set(String section, String field, Object... values) {
        List<Object> entries = new ArrayList<>();
        for (Object value : values) {
            entries.add(value instanceof String ? Map.of("value", value) : value);
        }
        return patch(Map.of("op", "add", "path", "/sections/" + section + "/" + field, "value", entries));
    }

    /**
     * Applies JSON Patch operations to the deposit.
     *
     * @param operations the operations
     * @return this deposit
     */
    RestSubmission patch(Object... operations) {
        workspaceItem = submitter.patch("/api/submission/workspaceitems/" + id(), List.of(operations)).expect(200)
                                 .json();
        return this;
    }

    /**
     * Uploads a file.
     *
     * @param name    the file's name
     * @param content its bytes
     * @param type    its MIME type
     * @return this deposit
     */
    RestSubmission upload(String name, byte[] content, String type) {
        workspaceItem = submitter.upload("/api/submission/workspaceitems/" + id(), name, content, type).expect(201)
                                 .json();
        return this;
    }

    /** @return this deposit with the deposit licence granted */
    RestSubmission grantLicence() {
        return patch(Map.of("op", "add", "path", "/sections/license/granted", "value", "true"));
    }

    /**
     * Sends the deposit to the collection's workflow.
     *
     * @return the answer: 201 with the workflow item; 422 when the deposit has validation errors
     */
    RestClient.Response deposit() {
        return submitter.postUris("/api/workflow/workflowitems",
                                  submitter.server() + "/api/submission/workspaceitems/" + id());
    }

    private String id() {
        return workspaceItem.path("id").asText();
    }
}
