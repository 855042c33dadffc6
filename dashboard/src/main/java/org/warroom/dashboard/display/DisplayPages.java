package org.warroom.dashboard.display;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.display.Display;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.security.Authenticator;

/**
 * {@code GET /display/{id}}: where a wall screen is pointed once, with {@code ?key=<credential>} (the address the
 * registration answered). A live credential of that display is exchanged for the display's own long-lived cookie and
 * the screen is sent on to {@code /display/{id}} (the credential leaves the address bar), and from there to its view
 * ({@link #target(Display)}). Nobody logs a display in again; a revoked or unknown one gets a plain page in Hindi
 * and English, never the login page. Every opening and every refusal is in the audit log under the display's name.
 */
public final class DisplayPages {
    private final DisplayDevices devices;
    private final DisplayDirectory displays;
    private final Authenticator auth;
    private final AuditLog audit;
    private final Words words;

    public DisplayPages(DisplayDevices devices, DisplayDirectory displays, Authenticator auth, AuditLog audit,
                        Words words) {
        this.devices = devices;
        this.displays = displays;
        this.auth = auth;
        this.audit = audit;
        this.words = words;
    }

    public void mount(Router router) {
        router.get("/display/:id").handler(this::handle);
    }

    /** The page a display shows, with {@code display=<id>} so the page knows it is one (no login, no navigation). */
    public static String target(Display d) {
        return switch (d.view()) {
            case WALL -> "/?display=" + d.id() + (d.state() != null ? "&state=" + d.state() : "")
                    + (d.rotate() ? "&kiosk=1" : "");
            case DISTRICT -> "/district/" + d.district() + "?display=" + d.id();
            case ALERTS -> "/alerts?display=" + d.id();
        };
    }

    private void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String key = ctx.request().getParam("key");
        if (key != null) {
            Optional<Display> display = devices.live(key).filter(d -> d.id().equals(id));
            if (display.isEmpty()) {
                refuse(ctx, id, "bad or revoked credential");
                return;
            }
            record(ctx, display.get(), "display.enrol");
            ctx.response().addCookie(auth.deviceCookie(key));
            redirect(ctx, "/display/" + id);
            return;
        }
        Optional<Display> display = Authenticator.device(ctx).flatMap(devices::live).filter(d -> d.id().equals(id));
        if (display.isEmpty()) {
            boolean person = Viewer.find(ctx).isPresent();
            refuse(ctx, id, person ? "opened with a person's session, not the display's credential" : "no credential");
            return;
        }
        record(ctx, display.get(), "display.open");
        redirect(ctx, target(display.get()));
    }

    private void refuse(RoutingContext ctx, String id, String why) {
        String principal = displays.find(id).map(Display::principal).orElse("display/unknown");
        audit.record(principal, "display", "display.refused", id, null, "denied", Answers.address(ctx), Map.of("reason", why));
        String text = words.get(Language.EN, "display.refused") + "\n\n" + words.get(Language.HI, "display.refused") + "\n";
        ctx.response().setStatusCode(401).putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(text);
    }

    private void record(RoutingContext ctx, Display d, String action) {
        audit.record(d.principal(), "display", action, d.id(), d.district(), "ok", Answers.address(ctx),
                Map.of("name", d.name(), "view", d.view().wire()));
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
    }
}
