/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

/**
 * The error codes of OAI-PMH 2.0 (section 3.6, "Error and Exception Conditions"), in the order the specification
 * lists them. A response carries a code in the {@code code} attribute of its {@code error} elements, as written
 * by {@link #code()}.
 */
enum OaiErrorCode {
    /** Illegal, missing or repeated arguments, or an argument's value of illegal syntax. */
    BAD_ARGUMENT("badArgument"),
    /** The value of the resumptionToken argument is invalid or expired. */
    BAD_RESUMPTION_TOKEN("badResumptionToken"),
    /** The verb argument is missing, repeated or not a legal OAI-PMH verb. */
    BAD_VERB("badVerb"),
    /** The metadataPrefix's format is supported neither by the item nor by the repository. */
    CANNOT_DISSEMINATE_FORMAT("cannotDisseminateFormat"),
    /** The value of the identifier argument is unknown or illegal in this repository. */
    ID_DOES_NOT_EXIST("idDoesNotExist"),
    /** The combination of from, until, set and metadataPrefix results in an empty list. */
    NO_RECORDS_MATCH("noRecordsMatch"),
    /** There are no metadata formats available for the item. */
    NO_METADATA_FORMATS("noMetadataFormats"),
    /** The repository does not support sets. */
    NO_SET_HIERARCHY("noSetHierarchy");

    private final String code;

    OaiErrorCode(String code) {
        this.code = code;
    }

    /**
     * @return the code as written in the protocol and in the {@code code} attribute of an {@code error} element
     *     (e.g. {@code badArgument})
     */
    String code() {
        return code;
    }
}
