/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import eu.useit.dspace.support.SecretFile;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.eperson.Group;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.EPersonService;
import org.dspace.eperson.service.GroupService;

/**
 * The administrator account of a local (embedded) repository: created on first start with a random password,
 * which is written to {@code [data]/dspace/admin-login.txt} (readable by the owner only) so the person who started
 * the repository can log in and run commands as it. Email from {@code useit.admin.email}.
 */
public final class LocalAdministrator {

    /** The email used when {@code useit.admin.email} is not set. */
    public static final String DEFAULT_EMAIL = "admin@useit.example.ac.uk";

    private LocalAdministrator() {
    }

    /**
     * Makes sure the account exists.
     *
     * @param dspaceDir the DSpace home (the login file goes there)
     * @return the file holding the login
     * @throws Exception if the account or the file cannot be written
     */
    public static Path ensure(Path dspaceDir) throws Exception {
        String email = RuntimeSettings.get("useit.admin.email", DEFAULT_EMAIL);
        Path login = dspaceDir.resolve("admin-login.txt");
        Context context = new Context();
        try {
            if (EPersonServiceFactory.getInstance().getEPersonService().findByEmail(context, email) == null) {
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random(15));
                account(context, email, password);
                SecretFile.write(login, "email: " + email + "\npassword: " + password + "\n");
            }
            context.complete();
            return login;
        } finally {
            if (context.isValid()) {
                context.abort();
            }
        }
    }

    /**
     * Finds or creates an account in the Administrator group (also used by tests and benchmarks). The caller
     * commits the context.
     *
     * @param context  a DSpace context
     * @param email    the account's email
     * @param password its password, or null for none (no password login)
     * @return the administrator
     * @throws Exception if the account cannot be written
     */
    public static EPerson account(Context context, String email, String password) throws Exception {
        EPersonService people = EPersonServiceFactory.getInstance().getEPersonService();
        GroupService groups = EPersonServiceFactory.getInstance().getGroupService();
        EPerson found = people.findByEmail(context, email);
        if (found != null) {
            return found;
        }
        context.turnOffAuthorisationSystem();
        try {
            groups.initDefaultGroupNames(context);
            EPerson admin = people.create(context);
            admin.setEmail(email);
            admin.setCanLogIn(true);
            people.setMetadataSingleValue(context, admin, "eperson", "firstname", null, null, "Repository");
            people.setMetadataSingleValue(context, admin, "eperson", "lastname", null, null, "Administrator");
            if (password != null) {
                people.setPassword(admin, password);
            }
            people.update(context, admin);
            Group administrators = groups.findByName(context, Group.ADMIN);
            groups.addMember(context, administrators, admin);
            groups.update(context, administrators);
            return admin;
        } finally {
            context.restoreAuthSystemState();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
