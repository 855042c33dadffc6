package org.warroom.dashboard.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.State;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveState;
import org.warroom.dashboard.live.LiveValue;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The JSON answers built from the live state (API.md "Dashboard service"): overview, one district, shortages,
 * backlogs, call load, worker distributions, alerts, and acknowledging an alert. Every answer holds only what the
 * viewer may see ({@link Visibility}); asking explicitly for another district answers 403, for a state-wide figure
 * as a district-bound viewer 403 too.
 */
public final class LiveApi {
    private static final List<String> DISTRIBUTIONS = List.of(DistributionBucket.BY_CURRENT_STATE,
            DistributionBucket.BY_CURRENT_DISTRICT, DistributionBucket.BY_SKILL, DistributionBucket.BY_HOME_DISTRICT,
            DistributionBucket.BY_STATUS);
    private static final int MAX_COMMENT = 1000;

    private final LiveState live;
    private final DistrictDirectory districts;
    private final StateDirectory states;
    private final TopicWriter writer;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public LiveApi(LiveState live, DistrictDirectory districts, StateDirectory states, TopicWriter writer,
                   AuditLog audit, Clock clock, ZoneId zone) {
        this.live = live;
        this.districts = districts;
        this.states = states;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    // ------------------------------------------------------------------ overview

    public void handleOverview(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        boolean stateWide = Visibility.seesStateWide(viewer);
        List<ShortageStatus> shortages = visible(viewer, LiveChannel.SHORTAGES, ShortageStatus.class, null);
        List<BacklogStatus> backlogs = visible(viewer, LiveChannel.BACKLOGS, BacklogStatus.class, null);
        List<Alert> alerts = visible(viewer, LiveChannel.ALERTS, Alert.class, null);
        List<LineLoad> lines = stateWide ? sortedLines() : List.of();

        Map<String, Object> o = new LinkedHashMap<>();
        o.put("lines", lines);
        o.put("callsInProgress", lines.stream().mapToInt(LineLoad::inProgress).sum());
        o.put("callCapacity", lines.stream().mapToInt(LineLoad::capacity).sum());
        o.put("callsWaiting", lines.stream().mapToInt(LineLoad::waiting).sum());
        o.put("openTickets", backlogs.stream().mapToInt(BacklogStatus::open).sum());
        o.put("slaBreaches", backlogs.stream().mapToInt(BacklogStatus::slaBreaches).sum());
        o.put("criticalShortages", shortages.stream().filter(s -> s.status() == ShortageLevel.CRITICAL).count());
        o.put("lowShortages", shortages.stream().filter(s -> s.status() == ShortageLevel.LOW).count());
        o.put("staleReports", shortages.stream().filter(ShortageStatus::staleReport).count());
        o.put("activeAlerts", alerts.stream().filter(a -> a.state() == AlertState.ACTIVE).count());
        o.put("acknowledgedAlerts", alerts.stream().filter(a -> a.state() == AlertState.ACKNOWLEDGED).count());
        if (stateWide) {
            Optional<WorkerTotals> totals = record(LiveChannel.WORKER_TOTALS, WorkerTotals.KEY, WorkerTotals.class);
            o.put("workersTracked", totals.map(WorkerTotals::total).orElse(0L));
            o.put("workersVerifiedShare", totals.map(WorkerTotals::verifiedShare).orElse(0d));
            o.put("unlocatedMessagesLastHour", record(LiveChannel.UNLOCATED_MESSAGES, UnlocatedMessages.KEY,
                    UnlocatedMessages.class).map(UnlocatedMessages::lastHour).orElse(0));
        } else {
            o.put("workersTracked", workersIn(viewer, DistributionBucket.BY_CURRENT_DISTRICT, null));
        }
        o.put("workersInDistricts", stateWide ? null : workersIn(viewer, DistributionBucket.BY_CURRENT_DISTRICT, null));
        o.put("workersFromDistricts", stateWide ? null : workersIn(viewer, DistributionBucket.BY_HOME_DISTRICT, null));
        o.put("worstByDistrict", worstByDistrict(shortages));
        o.put("stateWide", stateWide);
        o.put("ready", live.ready());
        o.put("asOf", OffsetDateTime.now(clock.withZone(zone)));
        o.values().removeIf(java.util.Objects::isNull);
        Answers.ok(ctx, o);
    }

    private static Map<String, String> worstByDistrict(List<ShortageStatus> shortages) {
        Map<String, ShortageLevel> worst = new TreeMap<>();
        for (ShortageStatus s : shortages) {
            if (!s.reported()) {
                continue; // citizen signals about a commodity never reported: "no report", not a stale report
            }
            worst.merge(s.district(), s.status(), (a, b) -> rank(a) >= rank(b) ? a : b);
        }
        Map<String, String> out = new LinkedHashMap<>();
        worst.forEach((d, l) -> out.put(d, l.wire()));
        return out;
    }

    private static int rank(ShortageLevel level) {
        return switch (level) {
            case OK -> 0;
            case STALE -> 1;
            case LOW -> 2;
            case CRITICAL -> 3;
        };
    }

    // ------------------------------------------------------------------ one district

    public void handleDistrict(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        District district = districtInScope(viewer, ctx.pathParam("code"), "code");
        String code = district.code();
        Map<String, Object> d = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("code", code);
        about.put("name", district.name());
        about.put("nameHi", district.nameHi());
        about.put("stateCode", district.stateCode());
        states.byCode(district.stateCode()).ifPresent(s -> about.put("stateName", s.name()));
        d.put("district", about);
        d.put("shortages", visible(viewer, LiveChannel.SHORTAGES, ShortageStatus.class, code).stream()
                .sorted(Comparator.comparing(s -> s.commodity().wire())).toList());
        d.put("backlogs", visible(viewer, LiveChannel.BACKLOGS, BacklogStatus.class, code).stream()
                .sorted(Comparator.comparing(BacklogStatus::department)).toList());
        d.put("rating", record(LiveChannel.RATINGS, code, DistrictRating.class).orElse(null));
        d.put("alerts", visible(viewer, LiveChannel.ALERTS, Alert.class, code).stream().filter(Alert::open)
                .sorted(Comparator.comparing(Alert::raisedAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList());
        // the district control room's own line (docs/SETTINGS.md "Lines"); null before its first call
        d.put("controlRoom", record(LiveChannel.CALL_LOAD,
                org.warroom.contracts.event.ControlRoomLines.loadLine(org.warroom.contracts.event.ControlRoomLines.SHARED,
                        code), LineLoad.class).orElse(null));
        d.put("workersInDistrict", workersIn(viewer, DistributionBucket.BY_CURRENT_DISTRICT, code));
        d.put("workersFromDistrict", workersIn(viewer, DistributionBucket.BY_HOME_DISTRICT, code));
        Answers.ok(ctx, d);
    }

    // ------------------------------------------------------------------ lists

    public void handleShortages(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String district = optionalDistrict(viewer, ctx);
        Optional<ShortageLevel> status = param(ctx, "status").map(v -> WireEnum.parse(ShortageLevel.class, v)
                .orElseThrow(() -> ApiError.invalid("status", "must be OK, LOW, CRITICAL or STALE")));
        Optional<Commodity> commodity = param(ctx, "commodity").map(v -> WireEnum.parse(Commodity.class, v)
                .orElseThrow(() -> ApiError.invalid("commodity", "allowed: " + WireEnum.allowed(Commodity.class))));
        Answers.items(ctx, visible(viewer, LiveChannel.SHORTAGES, ShortageStatus.class, district).stream()
                .filter(s -> status.isEmpty() || s.status() == status.get())
                .filter(s -> commodity.isEmpty() || s.commodity() == commodity.get())
                .sorted(Comparator.comparing(ShortageStatus::district).thenComparing(s -> s.commodity().wire()))
                .toList());
    }

    public void handleBacklogs(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String district = optionalDistrict(viewer, ctx);
        Answers.items(ctx, visible(viewer, LiveChannel.BACKLOGS, BacklogStatus.class, district).stream()
                .sorted(Comparator.comparing(BacklogStatus::district).thenComparing(BacklogStatus::department))
                .toList());
    }

    public void handleCallLoad(RoutingContext ctx) {
        requireStateWide(Viewer.of(ctx), "call load per line is a state-wide figure");
        Answers.items(ctx, sortedLines());
    }

    private List<LineLoad> sortedLines() {
        return live.records(LiveChannel.CALL_LOAD, LineLoad.class).stream()
                .sorted(Comparator.comparing(LineLoad::line)).toList();
    }

    public void handleWorkerDistribution(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String by = param(ctx, "by").orElseThrow(() -> ApiError.invalid("by", "is required: one of " + DISTRIBUTIONS));
        if (!DISTRIBUTIONS.contains(by)) {
            throw ApiError.invalid("by", "must be one of " + DISTRIBUTIONS);
        }
        boolean perDistrict = by.equals(DistributionBucket.BY_CURRENT_DISTRICT) || by.equals(DistributionBucket.BY_HOME_DISTRICT);
        if (!perDistrict) {
            requireStateWide(viewer, "the distribution by " + by + " is state-wide; ask for currentDistrict or homeDistrict");
        }
        List<Map<String, Object>> buckets = new ArrayList<>();
        long sum = 0;
        for (LiveValue v : live.values(LiveChannel.WORKER_DISTRIBUTION)) {
            DistributionBucket b = (DistributionBucket) v.value();
            if (!b.by().equals(by) || b.count() <= 0 || !Visibility.sees(viewer, v.district(), v.categories())) {
                continue;
            }
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("key", b.key());
            String name = nameOf(by, b);
            if (name != null) {
                bucket.put("name", name);
            }
            bucket.put("count", b.count());
            buckets.add(bucket);
            sum += b.count();
        }
        buckets.sort(Comparator.comparing((Map<String, Object> m) -> (Long) m.get("count")).reversed()
                .thenComparing(m -> (String) m.get("key")));
        long total = Visibility.seesStateWide(viewer)
                ? record(LiveChannel.WORKER_TOTALS, WorkerTotals.KEY, WorkerTotals.class).map(WorkerTotals::total).orElse(sum)
                : sum;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("by", by);
        answer.put("total", total);
        answer.put("buckets", buckets);
        Answers.ok(ctx, answer);
    }

    private String nameOf(String by, DistributionBucket b) {
        if (DistributionBucket.UNKNOWN.equals(b.key())) {
            return null;
        }
        return switch (by) {
            case DistributionBucket.BY_CURRENT_STATE -> states.byCode(b.key()).map(State::name).orElse(b.name());
            case DistributionBucket.BY_CURRENT_DISTRICT, DistributionBucket.BY_HOME_DISTRICT ->
                    districts.byCode(b.key()).map(District::name).orElse(b.name());
            default -> null;
        };
    }

    // ------------------------------------------------------------------ alerts

    public void handleAlerts(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String district = optionalDistrict(viewer, ctx);
        Optional<AlertState> state = param(ctx, "state").map(v -> WireEnum.parse(AlertState.class, v)
                .orElseThrow(() -> ApiError.invalid("state", "must be active, acknowledged or cleared")));
        Optional<Severity> severity = param(ctx, "severity").map(v -> WireEnum.parse(Severity.class, v)
                .orElseThrow(() -> ApiError.invalid("severity", "allowed: " + WireEnum.allowed(Severity.class))));
        Optional<String> rule = param(ctx, "rule");
        int limit = param(ctx, "limit").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw ApiError.invalid("limit", "must be a whole number");
            }
        }).orElse(500);
        if (limit < 1 || limit > 5000) {
            throw ApiError.invalid("limit", "must be between 1 and 5000");
        }
        Answers.items(ctx, visible(viewer, LiveChannel.ALERTS, Alert.class, district).stream()
                .filter(a -> state.isEmpty() || a.state() == state.get())
                .filter(a -> severity.isEmpty() || a.severity() == severity.get())
                .filter(a -> rule.isEmpty() || rule.get().equals(a.rule()))
                .sorted(Comparator.comparing(Alert::raisedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Alert::id))
                .limit(limit)
                .toList());
    }

    public void handleAck(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String id = ctx.pathParam("id");
        LiveValue value = live.get(LiveChannel.ALERTS, id)
                .orElseThrow(() -> ApiError.notFound("no alert with id " + id));
        if (!Visibility.sees(viewer, value.district(), value.categories())) {
            throw ApiError.forbidden("this alert is outside your districts or categories");
        }
        Alert alert = (Alert) value.value();
        if (alert.state() == AlertState.CLEARED) {
            throw ApiError.conflict("the alert was cleared at " + alert.clearedAt());
        }
        if (alert.state() == AlertState.ACKNOWLEDGED) {
            throw ApiError.conflict("the alert was already acknowledged by " + alert.ackBy() + " at " + alert.ackAt());
        }
        JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : Answers.body(ctx);
        String comment = Answers.string(body, "comment", MAX_COMMENT);
        if (comment != null) {
            comment = comment.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
            if (comment.isEmpty()) {
                comment = null;
            }
        }
        AlertAck ack = new AlertAck(alert.id(), viewer.username(), OffsetDateTime.now(clock.withZone(zone)), comment);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rule", alert.rule());
        if (alert.district() != null) {
            details.put("district", alert.district());
        }
        if (comment != null) {
            details.put("comment", comment);
        }
        audit.record(viewer.username(), viewer.role().wire(), "alert.ack", alert.id(), alert.district(), "ok", Answers.address(ctx), details)
                .recover(e -> io.vertx.core.Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was acknowledged")))
                .compose(v -> writer.write(ResultTopics.ALERT_ACKS, alert.id(), ack)
                        .recover(e -> io.vertx.core.Future.failedFuture(ApiError.unavailable("Kafka is unavailable; try again"))))
                .onSuccess(meta -> Answers.json(ctx, 202, ack))
                .onFailure(e -> Answers.fail(ctx, e));
    }

    // ------------------------------------------------------------------ helpers

    /** Visible values of a channel, optionally of one district only. */
    private <T> List<T> visible(Viewer viewer, LiveChannel channel, Class<T> type, String district) {
        Stream<LiveValue> values = live.values(channel).stream()
                .filter(v -> Visibility.sees(viewer, v.district(), v.categories()));
        if (district != null) {
            values = values.filter(v -> district.equals(v.district()));
        }
        return values.map(v -> type.cast(v.value())).toList();
    }

    private <T> Optional<T> record(LiveChannel channel, String key, Class<T> type) {
        return live.get(channel, key).map(v -> type.cast(v.value()));
    }

    private long workersIn(Viewer viewer, String by, String district) {
        long n = 0;
        for (LiveValue v : live.values(LiveChannel.WORKER_DISTRIBUTION)) {
            DistributionBucket b = (DistributionBucket) v.value();
            if (b.by().equals(by) && v.district() != null && Visibility.sees(viewer, v.district())
                    && (district == null || district.equals(v.district()))) {
                n += b.count();
            }
        }
        return n;
    }

    private String optionalDistrict(Viewer viewer, RoutingContext ctx) {
        return param(ctx, "district").map(code -> districtInScope(viewer, code, "district").code()).orElse(null);
    }

    /** A known district the viewer may see: 404 when unknown, 403 when outside the viewer's scope. */
    private District districtInScope(Viewer viewer, String code, String field) {
        District district = districts.byCode(code).orElseThrow(() ->
                new ApiError(404, "not found", field, "unknown LGD district code '" + code + "'"));
        if (!viewer.scope().sees(district.code())) {
            throw ApiError.forbidden("district " + district.code() + " is outside your scope");
        }
        return district;
    }

    private static void requireStateWide(Viewer viewer, String reason) {
        if (!Visibility.seesStateWide(viewer)) {
            throw ApiError.forbidden(reason);
        }
    }

    private static Optional<String> param(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
