/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import org.dspace.utils.DSpace;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The Hibernate session of the current thread, which is the one DSpace's {@code Context} works in (DSpace binds
 * one session per thread). For the few things DSpace's services do not offer: one query over many metadata values,
 * a handle's row without its object ({@link Handles}), the ids of what policies and group memberships name (the index
 * queue's changed items), and writing pending changes before emptying the session in bulk work.
 */
public final class HibernateSession {

    private HibernateSession() {
    }

    /**
     * @return the current thread's session, from DSpace's {@code sessionFactory} bean
     */
    public static Session current() {
        return new DSpace().getServiceManager().getServiceByName("sessionFactory", SessionFactory.class)
                           .getCurrentSession();
    }

    /**
     * @return the current thread's session, its transaction begun if none is: DSpace's context begins it at its
     *     first use of the database, which a read of ours may come before (a query needs one)
     */
    public static Session inTransaction() {
        Session session = current();
        if (!session.getTransaction().isActive()) {
            session.beginTransaction();
        }
        return session;
    }
}
