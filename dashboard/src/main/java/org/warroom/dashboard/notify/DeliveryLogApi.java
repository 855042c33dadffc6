package org.warroom.dashboard.notify;

import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.notify.AlertCategories;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.result.Alert;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.notify.store.NotifyStore;

/**
 * {@code GET /api/v1/alerts/{id}/deliveries}: every delivery attempt of the alert (oldest first), its state and who
 * acknowledged it; 404 for an alert neither live nor in the log, 403 outside the viewer's districts or categories.
 */
final class DeliveryLogApi {
    private final NotifyDependencies deps;
    private final NotifyStore store;

    DeliveryLogApi(NotifyDependencies deps, NotifyStore store) {
        this.deps = deps;
        this.store = store;
    }

    void handleDeliveries(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        StillLoading.refuse(store);
        String id = ctx.pathParam("id");
        Optional<Alert> alert = deps.alerts().apply(id);
        List<Delivery> log = store.deliveries(id);
        if (alert.isEmpty() && log.isEmpty()) {
            throw ApiError.notFound("no alert with id " + id);
        }
        String district = alert.map(Alert::district).orElse(log.isEmpty() ? null : log.get(0).district());
        Set<String> categories = alert.map(AlertCategories::of).orElse(Set.of());
        if (!Visibility.sees(viewer, district, categories)) {
            throw ApiError.forbidden("this alert is outside your districts or categories");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alert", id);
        alert.ifPresent(a -> {
            answer.put("state", a.state());
            answer.put("ackBy", a.ackBy());
            answer.put("ackAt", a.ackAt());
        });
        answer.put("items", log.stream().sorted(Comparator.comparing(Delivery::at)).toList());
        Answers.ok(ctx, answer);
    }
}
