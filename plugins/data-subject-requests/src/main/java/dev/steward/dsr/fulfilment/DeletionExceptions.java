package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

import static dev.steward.dsr.db.Tables.DELETION_EXCEPTION;

/** Exceptions to deletion, one per data category of a request, each with its legal basis and reason. */
@Service
public class DeletionExceptions {

    private final DSLContext dsl;
    private final RightsRequests requests;
    private final PrivacyCatalog catalog;
    private final RequestTimeline timeline;
    private final CategoryNames names;

    DeletionExceptions(DSLContext dsl, RightsRequests requests, PrivacyCatalog catalog, RequestTimeline timeline, CategoryNames names) {
        this.names = names;
        this.dsl = dsl;
        this.requests = requests;
        this.catalog = catalog;
        this.timeline = timeline;
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public DeletionException record(long requestId, String category, ExceptionBasis basis, String reason) {
        RightsRequest request = requests.find(requestId).orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        if (!request.open()) {
            throw new InvalidInputException("request", "Request " + request.reference() + " is closed");
        }
        if (!request.types().contains(RequestType.DELETION)) {
            throw new InvalidInputException("request", "Request " + request.reference() + " does not ask for deletion");
        }
        String code = Inputs.required("category", category, "Choose the category of data kept", 100);
        if (!catalog.exists(CatalogKind.DATA_CATEGORY, code)) {
            throw new InvalidInputException("category", "There is no data category " + code + " in the catalogue");
        }
        Inputs.present("basis", basis, "Choose the legal basis for keeping the data");
        if (!ExceptionBasis.offeredFor(request.regime()).contains(basis)) {
            throw new InvalidInputException("basis", basis.citation() + " does not apply to a request under " + request.regime().label());
        }
        String why = Inputs.required("reason", reason, "Say why the data is kept: the requester is told", 2000);
        if (dsl.fetchExists(DELETION_EXCEPTION, DELETION_EXCEPTION.REQUEST_ID.eq(requestId).and(DELETION_EXCEPTION.CATEGORY.eq(code)))) {
            throw new InvalidInputException("category", "An exception for " + name(code) + " is already recorded; remove it first to change it");
        }
        long id = dsl.insertInto(DELETION_EXCEPTION)
                .set(DELETION_EXCEPTION.REQUEST_ID, requestId)
                .set(DELETION_EXCEPTION.CATEGORY, code)
                .set(DELETION_EXCEPTION.BASIS, basis.name())
                .set(DELETION_EXCEPTION.REASON, why)
                .set(DELETION_EXCEPTION.RECORDED_BY, CurrentUser.username().orElseThrow())
                .set(DELETION_EXCEPTION.RECORDED_AT, Instant.now())
                .returning(DELETION_EXCEPTION.ID).fetchOne().getId();
        timeline.record(requestId, RequestTimeline.Kind.TASK, "Deletion exception for " + name(code) + ": " + basis.citation());
        return of(requestId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public void remove(long exceptionId) {
        var r = dsl.selectFrom(DELETION_EXCEPTION).where(DELETION_EXCEPTION.ID.eq(exceptionId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("exception", "There is no deletion exception " + exceptionId));
        if (!requests.find(r.getRequestId()).orElseThrow().open()) {
            throw new InvalidInputException("request", "The request is closed");
        }
        r.delete();
        timeline.record(r.getRequestId(), RequestTimeline.Kind.TASK, "Deletion exception for " + name(r.getCategory()) + " removed");
    }

    /** The catalogue's data categories to choose from: code to name. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public java.util.Map<String, String> categories() {
        return names.all();
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<DeletionException> of(long requestId) {
        return dsl.selectFrom(DELETION_EXCEPTION).where(DELETION_EXCEPTION.REQUEST_ID.eq(requestId)).orderBy(DELETION_EXCEPTION.CATEGORY)
                .fetch(r -> new DeletionException(r.getId(), r.getRequestId(), r.getCategory(), name(r.getCategory()),
                        ExceptionBasis.valueOf(r.getBasis()), r.getReason(), r.getRecordedBy(), r.getRecordedAt()));
    }

    private String name(String code) {
        return names.of(code);
    }
}
