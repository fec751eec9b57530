/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What tests build through DSpace's REST API as an administrator, as a librarian would in DSpace's web UI: files in
 * an item's ORIGINAL bundle, READ policies for anonymous users taken away or given for a period, accounts and the
 * collection roles they are given (submitters, reviewers), and look-ups of collections and groups by name.
 */
public final class RestContent {

    private final RestClient admin;

    /**
     * @param admin a client logged in as an administrator
     */
    public RestContent(RestClient admin) {
        this.admin = admin;
    }

    /**
     * Adds a file to an item's ORIGINAL bundle (made if missing).
     *
     * @param item    the item's UUID
     * @param name    the file's name
     * @param content its bytes
     * @param type    its MIME type
     * @return the file's UUID
     */
    public String file(String item, String name, byte[] content, String type) {
        return file(item, "ORIGINAL", name, content, type);
    }

    /**
     * Adds a file to one of an item's bundles (made if missing).
     *
     * @param item    the item's UUID
     * @param bundle  the bundle's name: ORIGINAL (deposited files), TEXT (text extracted from them), ...
     * @param name    the file's name
     * @param content its bytes
     * @param type    its MIME type
     * @return the file's UUID
     */
    public String file(String item, String bundle, String name, byte[] content, String type) {
        String uuid = bundle(item, bundle);
        if (uuid == null) {
            uuid = admin.post("/api/core/items/" + item + "/bundles", Map.of("name", bundle, "metadata", Map.of()))
                        .expect(201).json().path("uuid").asText();
        }
        return admin.upload("/api/core/bundles/" + uuid + "/bitstreams", name, content, type).expect(201).json()
                    .path("uuid").asText();
    }

    /**
     * @param item   an item's UUID
     * @param bundle a bundle name
     * @return the UUID of the item's bundle of that name, or null
     */
    public String bundle(String item, String bundle) {
        for (JsonNode existing : admin.get("/api/core/items/" + item + "/bundles").expect(200).json()
                                      .at("/_embedded/bundles")) {
            if (bundle.equals(existing.path("name").asText())) {
                return existing.path("uuid").asText();
            }
        }
        return null;
    }

    /**
     * Takes every READ policy from an object (item, bundle or file).
     *
     * @param object its UUID
     */
    public void removeReads(String object) {
        for (JsonNode policy : policies(object, "READ")) {
            admin.delete("/api/authz/resourcepolicies/" + policy.path("id").asText()).expect(204);
        }
    }

    /**
     * Lets anonymous users READ an object for a period.
     *
     * @param object its UUID
     * @param start  the first day, or null
     * @param end    the last day, or null
     */
    public void addAnonymousRead(String object, LocalDate start, LocalDate end) {
        addRead(object, group("Anonymous"), start, end);
    }

    /**
     * Lets a group READ an object for a period.
     *
     * @param object its UUID
     * @param group  the group's UUID
     * @param start  the first day, or null
     * @param end    the last day, or null
     */
    public void addRead(String object, String group, LocalDate start, LocalDate end) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("policyType", "TYPE_CUSTOM");
        policy.put("action", "READ");
        policy.put("startDate", start == null ? null : start.toString());
        policy.put("endDate", end == null ? null : end.toString());
        policy.put("type", "resourcepolicy");
        admin.post("/api/authz/resourcepolicies?resource=" + object + "&group=" + group, policy).expect(201);
    }

    /**
     * @param object an object's UUID
     * @param action an action, e.g. READ
     * @return its policies for that action
     */
    public JsonNode policies(String object, String action) {
        return admin.get("/api/authz/resourcepolicies/search/resource?uuid=" + object + "&action=" + action)
                    .expect(200).json().at("/_embedded/resourcepolicies");
    }

    /**
     * @param name a collection's name
     * @return its UUID
     */
    public String collection(String name) {
        for (JsonNode collection : admin.get("/api/core/collections?size=200").expect(200).json()
                                        .at("/_embedded/collections")) {
            if (name.equals(collection.path("name").asText())) {
                return collection.path("uuid").asText();
            }
        }
        throw new AssertionError("no collection " + name);
    }

    /**
     * @param name a group's name
     * @return its UUID
     */
    public String group(String name) {
        for (JsonNode group : admin.get("/api/eperson/groups/search/byMetadata?query=" + name).expect(200).json()
                                   .at("/_embedded/groups")) {
            if (name.equals(group.path("name").asText())) {
                return group.path("uuid").asText();
            }
        }
        throw new AssertionError("no group " + name);
    }

    /**
     * Creates a plain account that can log in.
     *
     * @param email     its e-mail address
     * @param password  its password
     * @param firstName its first name
     * @param lastName  its last name
     * @return its UUID
     */
    public String account(String email, String password, String firstName, String lastName) {
        return admin.post("/api/eperson/epersons", Map.of("canLogIn", true, "email", email, "requireCertificate",
            false, "password", password, "type", "eperson", "metadata", Map.of(
                "eperson.firstname", List.of(Map.of("value", firstName)),
                "eperson.lastname", List.of(Map.of("value", lastName))))).expect(201).json().path("uuid").asText();
    }

    /**
     * Gives an account a role in a collection, making the role's group if the collection has none yet.
     *
     * @param collection the collection's UUID
     * @param role       the role's path under the collection: {@code submittersGroup} (may deposit) or
     *                   {@code workflowGroups/reviewerRole} (reviews deposits)
     * @param account    the account's UUID
     */
    public void giveRole(String collection, String role, String account) {
        String path = "/api/core/collections/" + collection + "/" + role;
        RestClient.Response existing = admin.get(path);
        String group = existing.status() == 200 ? existing.json().path("uuid").asText()
            : admin.post(path, "{\"metadata\":{},\"type\":\"group\"}").expect(201).json().path("uuid").asText();
        admin.postUris("/api/eperson/groups/" + group + "/epersons",
                       admin.server() + "/api/eperson/epersons/" + account).expect(204);
    }
}
