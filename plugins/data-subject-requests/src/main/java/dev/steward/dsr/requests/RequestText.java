package dev.steward.dsr.requests;

import org.jooq.Field;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

/** The words a request is found by: reference, requester name and email, exactly the trigram index's expression (V6). */
public final class RequestText {

    public static final Field<String> FIELD = field("({0} || ' ' || {1} || ' ' || {2})", String.class, REQUEST.REFERENCE,
            coalesce(REQUEST.REQUESTER_NAME, inline("")), coalesce(REQUEST.REQUESTER_EMAIL, inline("")));

    private RequestText() {
    }
}
