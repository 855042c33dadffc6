package org.warroom.dashboard.campaign;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.campaign.CallAttempt;
import org.warroom.contracts.campaign.CallOutcome;
import org.warroom.contracts.campaign.Campaign;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.campaign.WorkerLease;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.complaint.Registration;
import org.warroom.contracts.complaint.RegistrationCheck;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Verification-call campaigns (API.md "Verification campaigns"): supervisors create them over the registry,
 * agents take one worker at a time ({@code next}) and record what each call came to ({@code attempts}). A verified
 * outcome is a registry update ({@code source: call}) on {@code warroom.workers}; a worker who needs help gets a
 * complaint on the grievance desk. Every write audited.
 */
public final class CampaignsApi {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CampaignsApi.class);
    private final Vertx vertx;
    private final CampaignStore store;
    private final CampaignMembership membership;
    private final WorkerCards cards;
    private final CampaignRequests requests;
    private final CallScript script;
    private final CampaignDependencies deps;
    private final DialedLeases dialed = new DialedLeases();

    public CampaignsApi(CampaignDependencies deps) {
        this.deps = deps;
        this.vertx = deps.vertx();
        this.store = deps.store();
        this.membership = deps.membership();
        this.cards = deps.cards();
        this.requests = new CampaignRequests(deps.districts(), deps.states());
        this.script = new CallScript(deps.words(), deps.districts());
    }

    /** Every campaign route; mounted behind authentication. */
    public void mount(Router router) {
        router.route("/api/v1/campaigns*").handler(this::requireLoaded);
        router.post("/api/v1/campaigns").handler(this::handleCreate);
        router.get("/api/v1/campaigns").handler(this::handleList);
        router.get("/api/v1/campaigns/:id").handler(this::handleGet);
        router.post("/api/v1/campaigns/:id/next").handler(this::handleNext);
        router.post("/api/v1/campaigns/:id/attempts").handler(this::handleAttempt);
        router.post("/api/v1/campaigns/:id/dial").handler(this::handleDial);
    }

    private void requireLoaded(RoutingContext ctx) {
        if (!store.loaded()) {
            Answers.fail(ctx, ApiError.unavailable("campaigns are still being loaded from Kafka; try again shortly"));
            return;
        }
        ctx.next();
    }

    private void handleCreate(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (viewer.role() != Role.SUPERVISOR && viewer.role() != Role.ADMIN) {
            throw ApiError.forbidden("only supervisors and administrators create campaigns");
        }
        Instant now = deps.clock().instant();
        Campaign asked = requests.parse(Answers.body(ctx), CampaignStore.newId(), viewer.username(), now);
        vertx.executeBlocking(() -> membership.select(asked.filter(), now), false)
                .recover(e -> Future.failedFuture(translate(e)))
                .compose(workers -> {
                    if (workers.isEmpty()) {
                        return Future.failedFuture(ApiError.invalid("filter", "selects no worker of the registry"));
                    }
                    Campaign campaign = new Campaign(asked.id(), asked.name(), asked.filter(), workers.size(),
                            asked.maxAttempts(), asked.retryAfter(), asked.leaseTime(), asked.hours(), asked.agents(),
                            asked.createdBy(), asked.createdAt());
                    return audit(ctx, viewer, "campaign.create", campaign.id(), null,
                            Map.of("name", campaign.name(), "size", Integer.toString(campaign.size())))
                            .compose(v -> store.create(campaign, workers))
                            .recover(e -> Future.failedFuture(e instanceof ApiError ? e
                                    : ApiError.unavailable("Kafka is unavailable; the campaign was not created")));
                })
                .onSuccess(queue -> Answers.json(ctx, 201, view(queue)))
                .onFailure(e -> Answers.fail(ctx, e));
    }

    private void handleList(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        List<Map<String, Object>> items = new ArrayList<>();
        store.queues().stream()
                .filter(q -> mayView(viewer, q.campaign()))
                .sorted(Comparator.comparing((CampaignQueue q) -> q.campaign().createdAt()).reversed())
                .forEach(q -> items.add(view(q)));
        Answers.items(ctx, items);
    }

    private void handleGet(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        CampaignQueue queue = queueOf(ctx);
        if (!mayView(viewer, queue.campaign())) {
            throw ApiError.forbidden("this campaign is not yours to see");
        }
        Answers.ok(ctx, view(queue));
    }

    private void handleNext(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        CampaignQueue queue = queueOf(ctx);
        requireWorker(viewer, queue.campaign());
        Instant now = deps.clock().instant();
        Handout handout = queue.next(viewer.username(), now, store::doNotCall).orElse(null);
        if (handout == null) {
            ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
            return;
        }
        WorkerLease lease = handout.lease();
        Future<WorkerLease> written = handout.renewed() ? Future.succeededFuture(lease) : store.lease(queue, lease);
        written.recover(e -> Future.failedFuture(ApiError.unavailable("Kafka is unavailable; no worker was handed out")))
                .compose(l -> audit(ctx, viewer, "campaign.next", queue.campaign().id(), null,
                        Map.of("worker", l.worker(), "lease", l.id())))
                .compose(v -> vertx.executeBlocking(() -> cards.find(lease.worker())
                        .orElse(new WorkerCard(lease.worker(), null, null, null, null, null, List.of(), null, null)), false))
                .recover(e -> Future.failedFuture(translate(e)))
                .onSuccess(card -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("worker", card);
                    body.put("lease", Map.of("id", lease.id(), "until", lease.until().toString()));
                    body.put("attempts", store.calls(queue.campaign().id(), lease.worker())
                            .map(WorkerCalls::attempts).orElse(List.of()));
                    body.put("script", script.of(card));
                    deps.dialer().ifPresent(d -> body.put("dial", d.provider().wire()));
                    Answers.ok(ctx, body);
                })
                .onFailure(e -> Answers.fail(ctx, e));
    }

    private void handleAttempt(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        CampaignQueue queue = queueOf(ctx);
        requireWorker(viewer, queue.campaign());
        Instant now = deps.clock().instant();
        AttemptRequest request = AttemptRequest.parse(Answers.body(ctx), deps.districts(), deps.states(), now);
        switch (queue.check(request.worker(), request.lease(), viewer.username(), now)) {
            case UNKNOWN_WORKER -> throw ApiError.notFound("campaign " + queue.campaign().id() + " holds no worker '"
                    + request.worker() + "'");
            case NOT_HELD -> throw ApiError.conflict("lease " + request.lease() + " is not held by you: it ran out or "
                    + "was never yours; take the next worker");
            case ALREADY_RECORDED -> {
                Answers.ok(ctx, Map.of("recorded", true, "repeated", true, "progress", queue.progress(now)));
                return;
            }
            case HELD -> { }
        }
        String campaign = queue.campaign().id();
        WorkerCalls before = store.calls(campaign, request.worker())
                .orElse(new WorkerCalls(campaign, request.worker(), List.of(), queue.homeDistrict(request.worker())));
        CallAttempt attempt = new CallAttempt(before.attempts().size() + 1, viewer.username(), request.lease(),
                request.outcome(), request.currentState(), request.currentDistrict(),
                request.status() == null ? null : request.status().wire(), request.callBackAt(), request.note(), now,
                dialed.call(request.lease()).orElse(request.call()));
        WorkerCalls after = before.with(attempt);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("worker", request.worker());
        details.put("outcome", request.outcome().wire());
        audit(ctx, viewer, "campaign.attempt", campaign, request.currentDistrict(), details)
                .compose(v -> consequence(request, attempt, campaign))
                .compose(v -> store.record(queue, after))
                .recover(e -> {
                    queue.reopen(request.worker(), request.lease());
                    if (!(e instanceof ApiError)) {
                        LOG.warn("outcome of lease {} in campaign {} not recorded: {}", request.lease(), campaign, e.toString());
                    }
                    return Future.failedFuture(e instanceof ApiError ? e
                            : ApiError.unavailable("Kafka is unavailable; the outcome was not recorded, try again"));
                })
                .onSuccess(calls -> Answers.ok(ctx, Map.of("recorded", true, "attempt", attempt,
                        "progress", queue.progress(deps.clock().instant()))))
                .onFailure(e -> Answers.fail(ctx, e));
    }

    /**
     * Click-to-call ({@code POST /api/v1/campaigns/{id}/dial}, {@code {"worker", "lease"}}): the configured provider
     * rings the agent's own phone (their user contact), then the worker they hold; {@code 404} without a provider.
     * The answer names the provider's call, never a phone number; the outcome recorded for the lease keeps it.
     */
    private void handleDial(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        CampaignQueue queue = queueOf(ctx);
        requireWorker(viewer, queue.campaign());
        org.warroom.dashboard.campaign.dial.Dialer dialer = deps.dialer().orElseThrow(() -> ApiError.notFound(
                "no click-to-call provider is configured (dial.provider): dial the worker by hand"));
        io.vertx.core.json.JsonObject body = Answers.body(ctx);
        String worker = Answers.string(body, "worker", 100);
        String leaseId = Answers.string(body, "lease", 100);
        if (worker == null || worker.isBlank()) {
            throw ApiError.invalid("worker", "is required");
        }
        if (leaseId == null || leaseId.isBlank()) {
            throw ApiError.invalid("lease", "is required");
        }
        if (!queue.holding(worker.strip(), leaseId.strip(), viewer.username(), deps.clock().instant())) {
            throw ApiError.conflict("lease " + leaseId + " is not held by you: it ran out or was never yours; take the "
                    + "next worker");
        }
        String agentPhone = deps.users().find(viewer.username()).map(u -> u.contact())
                .map(c -> c.phone()).filter(p -> p != null && !p.isBlank()).orElseThrow(() -> ApiError.invalid(
                        "contact.phone", "your account has no phone to ring first; an administrator adds it to your "
                                + "contact, or dial the worker by hand"));
        String campaign = queue.campaign().id();
        String lease = leaseId.strip();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("worker", worker.strip());
        details.put("lease", lease);
        details.put("provider", dialer.provider().wire());
        audit(ctx, viewer, "campaign.dial", campaign, null, details)
                .compose(v -> vertx.executeBlocking(() -> cards.find(worker.strip()), false))
                .recover(e -> Future.failedFuture(translate(e)))
                .compose(found -> {
                    WorkerCard card = found.filter(c -> c.phone() != null && !c.phone().isBlank())
                            .orElseThrow(() -> ApiError.invalid("worker", "the registry holds no phone for this worker"));
                    return vertx.executeBlocking(() -> dialer.dial(agentPhone, card.phone(), campaign + "/" + lease), false);
                })
                .recover(e -> {
                    if (e instanceof org.warroom.dashboard.campaign.dial.DialFailed f) {
                        LOG.warn("dial for lease {} in campaign {} failed: {}", lease, campaign, f.getMessage());
                        return Future.failedFuture(ApiError.unavailable("the call was not placed: " + f.getMessage()
                                + "; dial the worker by hand"));
                    }
                    return Future.failedFuture(e);
                })
                .map(call -> {
                    dialed.put(lease, call.call());
                    return call;
                })
                .onSuccess(call -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("call", call.call());
                    answer.put("provider", dialer.provider().wire());
                    if (call.status() != null) {
                        answer.put("status", call.status());
                    }
                    Answers.ok(ctx, answer);
                })
                .onFailure(e -> Answers.fail(ctx, e));
    }

    /** What an outcome changes beyond the campaign: the registry (verified), a complaint (needs help). */
    private Future<?> consequence(AttemptRequest request, CallAttempt attempt, String campaign) {
        if (request.outcome() != CallOutcome.VERIFIED && request.outcome() != CallOutcome.NEEDS_HELP) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> cards.find(request.worker()), false)
                .recover(e -> Future.failedFuture(translate(e)))
                .compose(found -> {
                    WorkerCard card = found.orElseThrow(() -> ApiError.notFound("worker " + request.worker()
                            + " is no longer in the registry"));
                    OffsetDateTime at = OffsetDateTime.ofInstant(attempt.at(), deps.zone());
                    TopicWriter writer = deps.writer();
                    if (request.outcome() == CallOutcome.VERIFIED) {
                        WorkerRecord update = new WorkerRecord(card.id(), card.name(), card.phone(), card.homeDistrict(),
                                request.skills().isEmpty() ? card.skills() : request.skills(),
                                request.status() != null ? request.status() : WorkerStatus.WORKING,
                                request.currentState(), request.currentDistrict(), at, WorkerSource.CALL, at);
                        return writer.write(Topics.WORKERS, update.id(), update).<Void>mapEmpty();
                    }
                    return needsHelp(card, request, attempt, campaign).<Void>mapEmpty();
                });
    }

    /**
     * A complaint on the grievance desk for the worker's district (current, else home), routed like any other by
     * its category; registered by the agent, channel {@code call}, the campaign named in its text.
     */
    private Future<?> needsHelp(WorkerCard card, AttemptRequest request, CallAttempt attempt, String campaign) {
        String code = card.currentDistrict() != null && deps.districts().byCode(card.currentDistrict()).isPresent()
                ? card.currentDistrict() : card.homeDistrict();
        District district = code == null ? null : deps.districts().byCode(code).orElse(null);
        if (district == null) {
            return Future.failedFuture(ApiError.invalid("worker", "the worker has no known district to raise a complaint in"));
        }
        String text = (request.note() == null ? "" : request.note() + " — ")
                + "verification call, campaign " + campaign;
        Registration registration;
        try {
            registration = new RegistrationCheck(deps.districts()).check(card.phone(), card.name(), district.code(),
                    request.category() == null ? "other" : request.category(), null, text, "call", null, null);
        } catch (InvalidField e) {
            return Future.failedFuture(ApiError.invalid(e.field(), e.reason()));
        }
        return deps.complaints().register(district, registration, attempt.agent(),
                OffsetDateTime.ofInstant(attempt.at(), deps.zone()), complaint -> deps.audit().record(attempt.agent(),
                        "agent", "complaint.register", complaint.number(), district.code(), "ok", "campaign:" + campaign,
                        Map.of("campaign", campaign, "worker", card.id())));
    }

    private Map<String, Object> view(CampaignQueue queue) {
        Map<String, Object> view = new LinkedHashMap<>();
        Campaign c = queue.campaign();
        CampaignProgress p = queue.progress(deps.clock().instant());
        view.put("id", c.id());
        view.put("name", c.name());
        view.put("filter", c.filter());
        view.put("size", p.size());
        view.put("verified", p.verified());
        view.put("reached", p.reached());
        view.put("pending", p.pending());
        view.put("exhausted", p.exhausted());
        view.put("closed", p.closed());
        view.put("leased", p.leased());
        view.put("attempts", p.attempts());
        view.put("maxAttempts", c.maxAttempts());
        view.put("retryAfterMinutes", c.retryAfter().toMinutes());
        view.put("leaseMinutes", c.leaseTime().toMinutes());
        view.put("callingHours", Map.of("from", c.hours().from().toString(), "to", c.hours().to().toString()));
        view.put("callingNow", c.hours().open(deps.clock().instant()));
        view.put("agents", c.agents());
        view.put("byAgent", queue.agents());
        view.put("byDistrict", queue.byDistrict(deps.clock().instant()));
        view.put("createdBy", c.createdBy());
        view.put("createdAt", c.createdAt().toString());
        return view;
    }

    private CampaignQueue queueOf(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return store.queue(id).orElseThrow(() -> ApiError.notFound("no campaign '" + id + "'"));
    }

    private static boolean mayView(Viewer viewer, Campaign campaign) {
        return switch (viewer.role()) {
            case ADMIN, SUPERVISOR -> true;
            case OPERATOR -> viewer.scope().allDistricts(); // a campaign spans the registry: not for a state-limited one
            case AGENT -> campaign.workedBy(viewer.username());
            default -> false;
        };
    }

    private static void requireWorker(Viewer viewer, Campaign campaign) {
        boolean allowed = switch (viewer.role()) {
            case ADMIN, SUPERVISOR -> true;
            case AGENT -> campaign.workedBy(viewer.username());
            default -> false;
        };
        if (!allowed) {
            throw ApiError.forbidden("only the campaign's agents, supervisors and administrators call workers");
        }
    }

    private Future<Void> audit(RoutingContext ctx, Viewer viewer, String action, String target, String district,
                               Map<String, String> details) {
        return deps.audit().record(viewer.username(), viewer.role().wire(), action, target, district, "ok",
                        Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was done")))
                .mapEmpty();
    }

    private static Throwable translate(Throwable e) {
        if (e instanceof QueryFailed) {
            return ApiError.unavailable("the registry index did not answer; try again");
        }
        if (e instanceof IllegalArgumentException) {
            return ApiError.invalid("filter", e.getMessage());
        }
        return e;
    }
}
