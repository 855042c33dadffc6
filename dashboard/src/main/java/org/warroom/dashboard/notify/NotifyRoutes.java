package org.warroom.dashboard.notify;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.dashboard.notify.store.NotifyStore;

/**
 * Alert delivery's routes in the dashboard server, all declared here; each job in its own class:
 * <ul>
 *   <li>{@link SubscriptionsApi}: {@code GET}/{@code POST /api/v1/subscriptions},
 *       {@code DELETE /api/v1/subscriptions/{user}};</li>
 *   <li>{@link DeliveryLogApi}: {@code GET /api/v1/alerts/{id}/deliveries};</li>
 *   <li>{@link AckPages}: {@code GET /ack/{token}}, {@code POST /ack/{token}}, {@code GET /ack/assets/ack.css}
 *       (pages from templates, {@link AckPageView}).</li>
 * </ul>
 * All of them read the {@link NotifyStore} (subscriptions, the delivery log, used tokens). Mount after the
 * dashboard's authentication and body handlers for {@code /api/v1/*}; {@code /ack/*} needs no session (the token is
 * the credential).
 */
public final class NotifyRoutes {
    private static final int MAX_FORM = 8 * 1024;

    private final NotifyStore store;

    private NotifyRoutes(NotifyStore store) {
        this.store = store;
    }

    /**
     * Declares the routes on {@code router} and starts reading subscriptions, the delivery log and used tokens; the
     * future completes once they are loaded (until then the API answers 503). The topics must exist
     * ({@link NotifyTopics#all()}, created by the caller with the others).
     */
    public static Future<NotifyRoutes> mount(Router router, NotifyDependencies deps) {
        NotifyStore store = new NotifyStore();
        SubscriptionsApi subscriptions = new SubscriptionsApi(deps, store);
        DeliveryLogApi deliveries = new DeliveryLogApi(deps, store);
        AckPages ack = new AckPages(deps, store);
        BodyHandler form = BodyHandler.create(false).setBodyLimit(MAX_FORM);
        router.get("/api/v1/subscriptions").handler(subscriptions::handleList);
        router.post("/api/v1/subscriptions").handler(subscriptions::handleSave);
        router.delete("/api/v1/subscriptions/:user").handler(subscriptions::handleRemove);
        router.get("/api/v1/alerts/:id/deliveries").handler(deliveries::handleDeliveries);
        router.get("/ack/assets/ack.css").handler(ack::handleCss);
        router.get("/ack/:token").handler(ack::handleAckPage);
        router.post("/ack/:token").handler(form).handler(ack::handleAck);
        NotifyRoutes routes = new NotifyRoutes(store);
        return store.start(deps.vertx(), deps.kafka()).map(routes);
    }

    public Future<Void> close() {
        return store.close();
    }
}
