package org.warroom.dashboard.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.result.Alert;
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
import org.warroom.dashboard.access.Role;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.access.Viewer;

/**
 * Test-only stand-in for the server half of {@code docs/DASHBOARD-PROTOCOL.md}, so the pages can be tested in a real
 * browser on their own: cookie sessions with CSRF, {@code /api/v1/me}, page guards serving {@code webroot/*.html},
 * the {@code /ws} snapshot/update protocol over an in-memory store of result records, alerts with acknowledgement,
 * search, worker search; plus the real {@link WebRoutes}. Every answer carries {@code Content-Security-Policy:
 * default-src 'self'}, as the real server does, so a page that needs inline script or style fails here too.
 *
 * <p>Test hooks (not part of the protocol): {@code POST /test/push {"channel","key","value"}} stores and pushes an
 * update; {@code POST /test/drop-sockets?pauseMs=} closes every websocket and refuses new ones for a while.
 */
final class ProtocolStandIn {
    static final String COOKIE = "warroom_session";
    static final List<String> CHANNELS = List.of("shortages", "backlogs", "call-load", "worker-distribution",
            "worker-totals", "ratings", "alerts", "unlocated-messages");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final String SCRIPT_MESSAGE = "<script>window.__xss=1</script> भोपाल में दवा नहीं मिल रही "
            + "<img src=x onerror=\"window.__xss=2\"> medicine out of stock at PHC";

    private record Account(String password, Viewer viewer) {
    }

    private record Subscriber(ServerWebSocket socket, Viewer viewer, Set<String> channels, String district) {
    }

    private final Vertx vertx;
    private final DistrictDirectory districts = DistrictDirectory.load();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Viewer> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, JsonObject>> store = new ConcurrentHashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<JsonObject> acks = new ArrayList<>();
    private long refuseSocketsUntil;
    private HttpServer server;

    ProtocolStandIn(Vertx vertx) {
        this.vertx = vertx;
        account("operator", "operator-pass", Role.OPERATOR, Scope.everywhere(false), List.of());
        account("admin", "admin-pass", Role.ADMIN, Scope.everywhere(true), List.of());
        account("commander", "commander-pass", Role.COMMANDER, Scope.districts(Set.of("396"), true), List.of());
        account("responder", "responder-pass", Role.RESPONDER, Scope.districts(Set.of("396", "427"), false),
                List.of("medicine", "ration"));
        CHANNELS.forEach(c -> store.put(c, new ConcurrentHashMap<>()));
        seed();
    }

    private void account(String name, String password, Role role, Scope scope, List<String> categories) {
        accounts.put(name, new Account(password, new Viewer(name, role, scope, categories, UUID.randomUUID().toString())));
    }

    Future<Integer> start() {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", "default-src 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        });
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        WebRoutes.mountAssets(router);
        router.post("/api/v1/session").handler(this::login);
        router.delete("/api/v1/session").handler(ctx -> {
            Cookie c = ctx.request().getCookie(COOKIE);
            if (c != null) {
                sessions.remove(c.getValue());
            }
            ctx.response().addCookie(Cookie.cookie(COOKIE, "").setMaxAge(0).setPath("/")).setStatusCode(204).end();
        });
        router.post("/test/push").handler(this::push);
        router.post("/test/drop-sockets").handler(this::dropSockets);
        router.get("/login").handler(ctx -> page(ctx, "login.html"));
        router.route("/api/*").handler(this::authenticate);
        router.route("/ws").handler(this::authenticate);
        router.get("/ws").handler(this::websocket);
        router.get("/api/v1/me").handler(this::me);
        router.get("/api/v1/alerts").handler(this::alerts);
        router.post("/api/v1/alerts/:id/ack").handler(this::ack);
        router.get("/api/v1/search").handler(this::search);
        router.get("/api/v1/workers/search").handler(this::workerSearch);
        router.get("/api/v1/admin/users").handler(ctx -> json(ctx, 200, new JsonObject().put("items", new JsonArray(
                accounts.values().stream().map(a -> new JsonObject().put("username", a.viewer().username())
                        .put("role", a.viewer().role().wire())
                        .put("districts", new JsonArray(List.copyOf(a.viewer().scope().districts())))
                        .put("categories", new JsonArray(a.viewer().categories()))).toList()))));
        router.get("/api/v1/audit").handler(ctx -> json(ctx, 200, new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("at", OffsetDateTime.now(IST).toString()).put("user", "responder")
                        .put("action", "alert.ack").put("detail", "<b>not bold</b>")))));
        WebRoutes.mount(router, new WebDependencies(vertx, districts, StateDirectory.load(),
                (scope, date, district) -> SampleReports.report(date, district), java.time.Clock.systemUTC(), IST));
        Map<String, String> pages = Map.of("/", "wall.html", "/alerts", "alerts.html", "/workers", "workers.html",
                "/search", "search.html", "/report", "report.html", "/admin", "admin.html");
        pages.forEach((path, file) -> router.get(path).handler(ctx -> guardedPage(ctx, file, null)));
        router.get("/district/:code").handler(ctx -> guardedPage(ctx, "district.html", ctx.pathParam("code")));
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    List<JsonObject> acks() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    // ---- seed: every Madhya Pradesh district, as the result records serialise

    private static JsonObject json(Object record) {
        try {
            return new JsonObject(Json.mapper().writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String channel, String key, Object record) {
        store.get(channel).put(key, json(record));
    }

    private void seed() {
        OffsetDateTime now = OffsetDateTime.now(IST);
        List<District> mp = districts.inState("23");
        for (int i = 0; i < mp.size(); i++) {
            String d = mp.get(i).code();
            if (i % 13 == 5) {
                continue; // a district that never reported
            }
            ShortageLevel medicine = d.equals("396") || i % 7 == 0 ? ShortageLevel.CRITICAL
                    : i % 11 == 0 ? ShortageLevel.STALE : ShortageLevel.OK;
            ShortageLevel milk = i % 5 == 0 ? ShortageLevel.LOW : ShortageLevel.OK;
            put("shortages", d + "|medicine", shortage(d, Commodity.MEDICINE, medicine, now));
            put("shortages", d + "|milk", shortage(d, Commodity.MILK, milk, now));
            put("shortages", d + "|ration", shortage(d, Commodity.RATION, ShortageLevel.OK, now));
            put("backlogs", d + "|food", new BacklogStatus(d, "food", 3 + i % 9, now.minusHours(2 + i % 30), i % 3,
                    1, 1, 0));
            put("backlogs", d + "|health", new BacklogStatus(d, "health", 1 + i % 4, now.minusHours(1), 0, 0, 1, 0));
            put("ratings", d, new DistrictRating(d, 1 + i % 5, (i % 5) / 4.0, 0.9, 0.8, 0.6, 5.0, 4, i % 3, 3, 0, 1));
        }
        put("call-load", "181", new LineLoad("181", 320, 500, 12, 40, 0.64, 0));
        put("call-load", "104", new LineLoad("104", 92, 100, 7, 11, 0.92, 0));
        put("call-load", "1075", new LineLoad("1075", 12, 50, 0, 2, 0.24, 0));
        put("call-load", "district-control", new LineLoad("district-control", 41, 110, 3, 6, 0.37, 0));
        put("call-load", "worker-helpline", new LineLoad("worker-helpline", 100, 100, 25, 14, 1.0, 0));
        put("worker-totals", WorkerTotals.KEY, new WorkerTotals(1_600_000, 1_180_000, 1_180_000 / 1_600_000.0, 30));
        put("unlocated-messages", UnlocatedMessages.KEY, new UnlocatedMessages(7));
        String[][] buckets = {{"status", "home", null, "610000"}, {"status", "working", null, "930000"},
                {"status", "unreachable", null, "60000"}, {"currentState", "10", "Bihar", "850000"},
                {"currentState", "27", "Maharashtra", "310000"}, {"currentState", "7", "Delhi", "150000"},
                {"currentDistrict", "396", "Bhopal", "42000"}, {"currentDistrict", "230", "Patna", "120000"},
                {"homeDistrict", "396", "Bhopal", "18000"}, {"homeDistrict", "216", "Muzaffarpur", "95000"},
                {"skill", "mason", null, "400000"}, {"skill", "driver", null, "210000"},
                {"skill", "electrician", null, "90000"}, {"skill", "unknown", null, "30000"}};
        for (String[] b : buckets) {
            put("worker-distribution", b[0] + "|" + b[1], new DistributionBucket(b[0], b[1], b[2], Long.parseLong(b[3])));
        }
        alert(new Alert("shortage-critical|396|medicine|1775047380", "shortage-critical", "396", Commodity.MEDICINE,
                Severity.CRITICAL, AlertState.ACTIVE, now.minusMinutes(40), null, null, null, "396|medicine", 2, 0.4,
                1.0, "medicine cover 0.4 days < 1", null, now.minusMinutes(10), 1));
        alert(new Alert("backlog-breaches|427|food|1775040000", "backlog-breaches", "427", null, Severity.HIGH,
                AlertState.ACKNOWLEDGED, now.minusHours(3), "responder", now.minusHours(2), null, "427|food", 1, 6, 5,
                "6 complaints past SLA", "team sent", now.minusHours(3), 0));
        alert(new Alert("line-load|181|1775030000", "line-load", null, null, Severity.MEDIUM, AlertState.CLEARED,
                now.minusHours(6), null, null, now.minusHours(5), "181", 1, 0.97, 0.95, "181 at 97%", null,
                now.minusHours(6), 0));
    }

    private void alert(Alert a) {
        put("alerts", a.id(), a);
    }

    private static ShortageStatus shortage(String d, Commodity c, ShortageLevel level, OffsetDateTime now) {
        double need = 100;
        double stock = switch (level) {
            case CRITICAL -> 40;
            case LOW -> 180;
            default -> 900;
        };
        return new ShortageStatus(d, c, level == ShortageLevel.STALE ? null : stock, need, stock / need, level, 2,
                now.minusHours(level == ShortageLevel.STALE ? 50 : 2), 20.0, "units", 95.0,
                now.plusHours((long) (24 * stock / 95)), "r-" + d);
    }

    // ---- sessions

    private void login(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        Account account = body == null ? null : accounts.get(body.getString("username", ""));
        if (account == null || !account.password().equals(body.getString("password"))) {
            json(ctx, 401, new JsonObject().put("error", "bad credentials"));
            return;
        }
        String token = UUID.randomUUID().toString();
        sessions.put(token, account.viewer());
        ctx.response().addCookie(Cookie.cookie(COOKIE, token).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setPath("/"));
        json(ctx, 200, new JsonObject().put("token", token).put("csrf", account.viewer().csrfToken())
                .put("expiresAt", OffsetDateTime.now(IST).plusHours(8).toString()));
    }

    private Viewer sessionViewer(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(COOKIE);
        return c == null ? null : sessions.get(c.getValue());
    }

    private void authenticate(RoutingContext ctx) {
        Viewer viewer = sessionViewer(ctx);
        if (viewer == null) {
            json(ctx, 401, new JsonObject().put("error", "not signed in"));
            return;
        }
        viewer.attachTo(ctx);
        ctx.next();
    }

    private void me(RoutingContext ctx) {
        Viewer v = Viewer.of(ctx);
        json(ctx, 200, new JsonObject().put("username", v.username()).put("role", v.role().wire())
                .put("districts", new JsonArray(List.copyOf(v.scope().districts())))
                .put("categories", new JsonArray(v.categories())).put("personalData", v.scope().personalData())
                .put("csrf", v.csrfToken()));
    }

    private void guardedPage(RoutingContext ctx, String file, String district) {
        Viewer viewer = sessionViewer(ctx);
        if (viewer == null) {
            String next = java.net.URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
            ctx.response().setStatusCode(302).putHeader("Location", "/login?next=" + next).end();
            return;
        }
        if ((district != null && !viewer.scope().sees(district)) || (file.equals("admin.html") && !viewer.isAdmin())) {
            ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8").end("forbidden");
            return;
        }
        page(ctx, file);
    }

    private static void page(RoutingContext ctx, String file) {
        try (InputStream in = ProtocolStandIn.class.getClassLoader().getResourceAsStream("webroot/" + file)) {
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    // ---- JSON API pieces the pages call

    private boolean visible(Viewer v, JsonObject item, String channel) {
        String district = item.getString("district");
        if (channel.equals("worker-distribution")) {
            String by = item.getString("by");
            if (by.equals("currentDistrict") || by.equals("homeDistrict")) {
                return v.scope().sees(item.getString("key"));
            }
            return true;
        }
        if (channel.equals("alerts") && district == null) {
            return v.scope().allDistricts();
        }
        return district == null || v.scope().sees(district);
    }

    private void alerts(RoutingContext ctx) {
        Viewer v = Viewer.of(ctx);
        String state = ctx.request().getParam("state");
        JsonArray items = new JsonArray();
        store.get("alerts").values().stream().filter(a -> visible(v, a, "alerts"))
                .filter(a -> state == null || state.equals(a.getString("state"))).forEach(items::add);
        json(ctx, 200, new JsonObject().put("items", items));
    }

    private void ack(RoutingContext ctx) {
        Viewer v = Viewer.of(ctx);
        if (!v.csrfToken().equals(ctx.request().getHeader("X-CSRF-Token"))) {
            json(ctx, 403, new JsonObject().put("error", "missing or wrong CSRF token"));
            return;
        }
        String id = ctx.pathParam("id");
        JsonObject alert = store.get("alerts").get(id);
        if (alert == null || !visible(v, alert, "alerts")) {
            json(ctx, 404, new JsonObject().put("error", "no such alert"));
            return;
        }
        JsonObject body = ctx.body().asJsonObject();
        String comment = body == null ? "" : body.getString("comment", "");
        synchronized (acks) {
            acks.add(new JsonObject().put("id", id).put("by", v.username()).put("comment", comment));
        }
        JsonObject updated = alert.copy().put("state", "acknowledged").put("ackBy", v.username())
                .put("ackAt", OffsetDateTime.now(IST).toString()).put("ackComment", comment);
        publish("alerts", id, updated);
        json(ctx, 202, new JsonObject().put("id", id).put("state", "acknowledged"));
    }

    private void search(RoutingContext ctx) {
        Viewer v = Viewer.of(ctx);
        String q = ctx.request().getParam("q", "").toLowerCase();
        String district = ctx.request().getParam("district");
        if (district != null && !district.isBlank() && !v.scope().sees(district)) {
            json(ctx, 403, new JsonObject().put("error", "district outside your scope"));
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(IST);
        List<JsonObject> all = List.of(
                new JsonObject().put("feed", "messages").put("id", "m-1").put("district", "396")
                        .put("at", now.minusMinutes(5).toString()).put("text", SCRIPT_MESSAGE),
                new JsonObject().put("feed", "messages").put("id", "m-2").put("district", "396")
                        .put("at", now.minusMinutes(20).toString()).put("text", "राशन की दुकान बंद है, कोलार रोड"),
                new JsonObject().put("feed", "tickets").put("id", "t-9").put("district", "427")
                        .put("at", now.minusHours(1).toString()).put("text", "Milk supply short in Sehore town"));
        JsonArray items = new JsonArray();
        all.stream().filter(m -> v.scope().sees(m.getString("district")))
                .filter(m -> district == null || district.isBlank() || district.equals(m.getString("district")))
                .filter(m -> q.isBlank() || java.util.Arrays.stream(q.split("\\s+"))
                        .anyMatch(w -> m.getString("text").toLowerCase().contains(w)))
                .forEach(items::add);
        json(ctx, 200, new JsonObject().put("total", items.size()).put("items", items));
    }

    private void workerSearch(RoutingContext ctx) {
        Viewer v = Viewer.of(ctx);
        boolean clear = v.scope().personalData();
        json(ctx, 200, new JsonObject().put("total", 1).put("items", new JsonArray().add(new JsonObject()
                .put("id", "W-000123").put("name", clear ? "रामेश्वर <b>यादव</b>" : "रा****** य***")
                .put("phone", clear ? "+919876543210" : "+91******3210").put("homeDistrict", "396")
                .put("skills", new JsonArray().add("mason")).put("status", "working").put("currentState", "27")
                .put("currentDistrict", "519").put("verifiedAt", OffsetDateTime.now(IST).minusDays(3).toString()))));
    }

    // ---- websocket

    private void websocket(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (System.currentTimeMillis() < refuseSocketsUntil) {
            ctx.response().setStatusCode(503).end();
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> {
            ws.textMessageHandler(text -> {
                JsonObject msg = new JsonObject(text);
                if (!"subscribe".equals(msg.getString("type"))) {
                    return;
                }
                Set<String> channels = Set.copyOf(msg.getJsonArray("channels", new JsonArray()).getList());
                String district = msg.getString("district");
                if (district != null && !viewer.scope().sees(district)) {
                    ws.close((short) 4403, "district outside scope");
                    return;
                }
                Subscriber sub = new Subscriber(ws, viewer, channels, district);
                synchronized (subscribers) {
                    subscribers.add(sub);
                }
                for (String channel : channels) {
                    if (!store.containsKey(channel)) {
                        continue;
                    }
                    JsonArray items = new JsonArray();
                    store.get(channel).values().stream().filter(item -> wants(sub, channel, item)).forEach(items::add);
                    ws.writeTextMessage(new JsonObject().put("type", "snapshot").put("channel", channel)
                            .put("items", items).encode());
                }
            });
            ws.closeHandler(v -> {
                synchronized (subscribers) {
                    subscribers.removeIf(s -> s.socket() == ws);
                }
            });
        });
    }

    private boolean wants(Subscriber sub, String channel, JsonObject item) {
        if (!sub.channels().contains(channel) || !visible(sub.viewer(), item, channel)) {
            return false;
        }
        if (sub.district() == null) {
            return true;
        }
        String district = channel.equals("worker-distribution") ? item.getString("key") : item.getString("district");
        return district == null || district.equals(sub.district());
    }

    private void publish(String channel, String key, JsonObject value) {
        if (value == null) {
            store.get(channel).remove(key);
        } else {
            store.get(channel).put(key, value);
        }
        String frame = new JsonObject().put("type", "update").put("channel", channel).put("key", key)
                .put("value", value).encode();
        List<Subscriber> now;
        synchronized (subscribers) {
            now = List.copyOf(subscribers);
        }
        for (Subscriber s : now) {
            if (value == null || wants(s, channel, value)) {
                s.socket().writeTextMessage(frame);
            }
        }
    }

    private void push(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        publish(body.getString("channel"), body.getString("key"), body.getJsonObject("value"));
        ctx.response().setStatusCode(204).end();
    }

    private void dropSockets(RoutingContext ctx) {
        long pause = Long.parseLong(ctx.request().getParam("pauseMs", "0"));
        refuseSocketsUntil = System.currentTimeMillis() + pause;
        List<Subscriber> now;
        synchronized (subscribers) {
            now = List.copyOf(subscribers);
            subscribers.clear();
        }
        now.forEach(s -> s.socket().close((short) 1001, "going away"));
        ctx.response().setStatusCode(204).end();
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
