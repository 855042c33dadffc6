package org.warroom.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.account.AccountTopics;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.campaign.CampaignTopics;
import org.warroom.contracts.complaint.ComplaintLifecycle;
import org.warroom.contracts.complaint.ComplaintNumbers;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.triage.TriageTopics;
import org.warroom.contracts.display.DisplayTopics;
import org.warroom.contracts.health.HealthReport;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.sso.ClaimMapping;
import org.warroom.dashboard.sso.OidcRoutes;
import org.warroom.dashboard.sso.SsoAccounts;
import org.warroom.contracts.report.ReportTopics;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.contracts.shift.ShiftTopics;
import org.warroom.contracts.social.PostLifecycle;
import org.warroom.contracts.social.SocialTopics;
import org.warroom.contracts.text.Words;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.TopicCreator;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.admin.AdminApi;
import org.warroom.dashboard.admin.FirstAdmin;
import org.warroom.dashboard.admin.KeyDirectory;
import org.warroom.dashboard.api.LiveApi;
import org.warroom.dashboard.api.QueryApi;
import org.warroom.dashboard.api.SessionApi;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.bulletin.BulletinBuilder;
import org.warroom.dashboard.bulletin.BulletinCache;
import org.warroom.dashboard.bulletin.BulletinRoutes;
import org.warroom.dashboard.bulletin.BulletinSwitch;
import org.warroom.dashboard.bulletin.BulletinTopics;
import org.warroom.dashboard.bulletin.PublicRateLimit;
import org.warroom.dashboard.bulletin.SmallCounts;
import org.warroom.dashboard.campaign.CampaignDependencies;
import org.warroom.dashboard.campaign.CampaignMembership;
import org.warroom.dashboard.campaign.CampaignStore;
import org.warroom.dashboard.campaign.CampaignsApi;
import org.warroom.dashboard.campaign.WorkerCards;
import org.warroom.dashboard.cluster.WritesGate;
import org.warroom.dashboard.cluster.WritesOwnership;
import org.warroom.dashboard.complaint.ComplaintApi;
import org.warroom.dashboard.complaint.CitizenDesk;
import org.warroom.dashboard.complaint.ComplaintBook;
import org.warroom.dashboard.complaint.RoutingApi;
import org.warroom.dashboard.directive.DirectiveApi;
import org.warroom.dashboard.directive.DirectiveBook;
import org.warroom.dashboard.triage.TriageApi;
import org.warroom.dashboard.triage.TriageBook;
import org.warroom.dashboard.triage.UnplacedMessages;
import org.warroom.dashboard.display.DisplayApi;
import org.warroom.dashboard.display.DisplayDevices;
import org.warroom.dashboard.display.DisplayDirectory;
import org.warroom.dashboard.display.DisplayPages;
import org.warroom.dashboard.export.ExportApi;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveMetrics;
import org.warroom.dashboard.live.LiveSocketHandler;
import org.warroom.dashboard.live.LiveState;
import org.warroom.dashboard.live.LiveStateVerticle;
import org.warroom.dashboard.notify.NotifyDependencies;
import org.warroom.dashboard.notify.NotifyRoutes;
import org.warroom.dashboard.query.AlertHistory;
import org.warroom.dashboard.query.ComplaintsToday;
import org.warroom.dashboard.query.DrillDownService;
import org.warroom.dashboard.query.SearchService;
import org.warroom.dashboard.query.SituationReportData;
import org.warroom.dashboard.query.WorkerSearch;
import org.warroom.dashboard.report.ReportArchive;
import org.warroom.dashboard.report.ReportPdf;
import org.warroom.dashboard.report.ReportPdfRoutes;
import org.warroom.dashboard.report.ScheduledReports;
import org.warroom.dashboard.security.Authenticator;
import org.warroom.dashboard.security.LoginThrottle;
import org.warroom.dashboard.security.PasswordHasher;
import org.warroom.dashboard.security.SecurityHeaders;
import org.warroom.dashboard.security.SessionStore;
import org.warroom.dashboard.security.SessionTopics;
import org.warroom.dashboard.security.SharedSessions;
import org.warroom.dashboard.settings.SettingsApi;
import org.warroom.dashboard.settings.SettingsBook;
import org.warroom.dashboard.posts.PostBook;
import org.warroom.dashboard.posts.PostDrafter;
import org.warroom.dashboard.posts.PostsApi;
import org.warroom.dashboard.shift.HandoverDrafter;
import org.warroom.dashboard.shift.ShiftApi;
import org.warroom.dashboard.shift.ShiftBook;
import org.warroom.dashboard.web.PageRoutes;
import org.warroom.dashboard.web.WebDependencies;
import org.warroom.dashboard.web.ReportSource;
import org.warroom.dashboard.web.WebRoutes;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.IndexNames;
import org.warroom.vertxkafka.TopicWriter;
import org.warroom.vertxkafka.UserDirectory;

/**
 * The dashboard service's main verticle. Start: topics ensured (off the event loop), users, API keys and the live
 * state loaded from Kafka (the live state by its own {@link LiveStateVerticle}), the first administrator made if
 * there is none, then every route declared together below and the server listening — deployment succeeds only
 * then. Handlers live in small single-purpose classes ({@link SessionApi}, {@link LiveApi}, {@link AdminApi},
 * {@link LiveSocketHandler}, {@link PageRoutes}).
 */
public final class DashboardVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardVerticle.class);
    private static final int MAX_BODY = 64 * 1024;

    private final DashboardConfig config;
    private final DependencyHealth health;
    private final ElasticsearchClient elastic;
    private final Clock clock;
    /** The single sign-on provider, discovered at start when configured (docs/SECURITY.md). */
    private io.vertx.ext.auth.oauth2.OAuth2Auth oidcProvider;
    private final ServiceMetrics metrics;
    private final ZoneId zone = ZoneId.of("Asia/Kolkata");
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final DistrictDirectory districts = DistrictDirectory.load();
    private final StateDirectory states = StateDirectory.load();
    private final LiveState live = new LiveState();
    private HttpServer server;
    private TopicWriter writer;
    private SessionStore sessions;
    private UserDirectory users;
    private KeyDirectory keys;
    private AuditLog audit;
    private FirstAdmin firstAdmin;
    private SharedSessions sharedSessions;
    private Future<NotifyRoutes> notifyRoutes;
    private CampaignStore campaigns;
    private BulletinSwitch bulletinSwitch;
    private BulletinCache bulletin;
    private ReportArchive reportArchive;
    private ScheduledReports scheduledReports;
    private WritesOwnership writesOwnership = WritesOwnership.single();
    private ComplaintBook complaints;
    private CitizenDesk citizenDesk;
    private DisplayDirectory displays;
    private DirectiveBook directives;
    private ShiftBook shift;
    private PostBook posts;
    private SettingsBook settingsBook;
    private TriageBook triage;

    /**
     * @param elastic the Elasticsearch client (search, drill-down, the audit log's search copy); the caller owns it
     * @param clock   time for sessions, throttling, audit and acknowledgements (tests move it)
     */
    public DashboardVerticle(DashboardConfig config, DependencyHealth health, ElasticsearchClient elastic, Clock clock) {
        this(config, health, elastic, clock, ServiceMetrics.create());
    }

    /** @param metrics the process's registry (the one its Vert.x reports to, see {@link DashboardMain}) */
    public DashboardVerticle(DashboardConfig config, DependencyHealth health, ElasticsearchClient elastic, Clock clock,
                             ServiceMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics);
        this.config = Objects.requireNonNull(config);
        this.health = Objects.requireNonNull(health);
        this.elastic = Objects.requireNonNull(elastic);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Future<?> start() {
        sessions = new SessionStore(config.sessions(), clock);
        return vertx.executeBlocking(this::ensureTopics)
                .compose(v -> vertx.executeBlocking(this::joinWritesOwnership))
                .compose(v -> {
                    writer = new TopicWriter(vertx, config.kafka(), java.time.Duration.ofSeconds(15));
                    audit = new AuditLog(vertx, writer, Optional.of(new org.warroom.elastic.AuditLog(elastic,
                            new IndexNames(config.elastic().indexPrefix()))), clock);
                    users = new UserDirectory(writer, this::userChanged);
                    keys = new KeyDirectory(writer);
                    displays = new DisplayDirectory(writer);
                    sharedSessions = new SharedSessions(writer, sessions);
                    campaigns = new CampaignStore(writer);
                    bulletinSwitch = new BulletinSwitch(writer, config.bulletin().enabledByDefault());
                    reportArchive = new ReportArchive(writer, config.kafka());
                    settingsBook = new SettingsBook(writer);
                    complaints = new ComplaintBook(new ComplaintNumbers(states),
                            new ComplaintLifecycle(() -> config.complaintSla().under(settingsBook.current())), writer);
                    directives = new DirectiveBook(writer);
                    shift = new ShiftBook(writer);
                    triage = new TriageBook(writer, districts, states);
                    posts = new PostBook(writer, new PostLifecycle(config.posts().limits()));
                    return Future.all(List.of(users.start(vertx, config.kafka(), instance),
                            campaigns.start(vertx, config.kafka(), instance),
                            complaints.start(vertx, config.kafka(), instance),
                            directives.start(vertx, config.kafka(), instance),
                            shift.start(vertx, config.kafka(), instance),
                            triage.start(vertx, config.kafka(), instance),
                            posts.start(vertx, config.kafka(), instance),
                            sharedSessions.start(vertx, config.kafka(), instance),
                            keys.start(vertx, config.kafka(), instance),
                            displays.start(vertx, config.kafka(), instance),
                            vertx.deployVerticle(new LiveStateVerticle(config.kafka(), live, instance)),
                            bulletinSwitch.start(vertx, config.kafka(), instance),
                            settingsBook.start(vertx, config.kafka(), instance),
                            reportArchive.start(vertx, instance)));
                })
                .compose(v -> {
                    // The citizens' STATUS / ratings / "not solved" (docs/COMPLAINTS.md): the writes owner acts on them.
                    citizenDesk = new CitizenDesk(vertx, config.kafka(), complaints, audit, writesOwnership::owns,
                            clock, zone, instance);
                    return citizenDesk.start();
                })
                .compose(v -> ensureFirstAdmin())
                .compose(v -> config.oidc().isEmpty() ? Future.<Void>succeededFuture()
                        : OidcRoutes.discover(vertx, config.oidc().get()).map(p -> {
                            oidcProvider = p;
                            return (Void) null;
                        }))
                .compose(v -> vertx.executeBlocking(() -> WebRoutes.Prepared.load(districts, zone)))
                .compose(web -> startBulletin(web).map(web))
                .compose(web -> {
                    Router router = router(web);
                    return notifyRoutes.map(router);
                })
                .compose(router -> vertx.createHttpServer(config.tls().serverOptions()
                                .setMaxWebSocketFrameSize(65_536).setMaxWebSocketMessageSize(65_536))
                        .requestHandler(router)
                        .invalidRequestHandler(new SecurityHeaders(config.tls().enabled())::refuseInvalid)
                        .listen(config.port(), config.host()))
                .onSuccess(s -> {
                    server = s;
                    vertx.setPeriodic(60_000, t -> sessions.purge());
                    if (scheduledReports != null) {
                        scheduledReports.makeOnlyWhen(writesOwnership::owns);
                        scheduledReports.start();
                    }
                    if (firstAdmin != null && firstAdmin.generated()) {
                        // Shown once, when generated; later starts find it in the secrets folder.
                        System.out.println(firstAdmin.banner(config.adminPasswordFile()));
                    }
                });
    }

    private Router router(WebRoutes.Prepared web) {
        DisplayDevices devices = new DisplayDevices(displays, districts);
        Authenticator auth = new Authenticator(sessions, users, districts, devices);
        LoginThrottle throttle = new LoginThrottle(config.login(), clock);
        SessionApi session = new SessionApi(vertx, users, sessions, throttle, auth, audit);
        LiveApi api = new LiveApi(live, districts, states, writer, audit, clock, zone);
        AdminApi admin = new AdminApi(vertx, users, keys, districts, states, audit, clock);
        IndexNames names = new IndexNames(config.elastic().indexPrefix());
        QueryApi query = new QueryApi(vertx, new SearchService(elastic, names), new WorkerSearch(elastic, names),
                new DrillDownService(elastic, names, zone, clock), new AlertHistory(elastic, names),
                new SituationReportData(elastic, names, zone, clock), districts, zone);
        LiveSocketHandler ws = new LiveSocketHandler(vertx, live, config.live(), sessions, auth,
                new LiveMetrics(metrics.registry()));
        displays.onChange(ws::recheckDevices);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);

        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeaders(config.tls().enabled())::handle);
        router.route().handler(org.warroom.dashboard.http.RequestIds::assign); // X-Request-Id (docs/LOGGING.md)
        router.get("/health").handler(this::handleHealth);
        router.get("/health/live").handler(this::handleLive);
        router.get("/health/ready").handler(this::handleReady);
        BulletinRoutes publicBulletin = new BulletinRoutes(bulletin, bulletinSwitch,
                new PublicRateLimit(config.bulletin().perAddressPerMinute()), web.geo(), states, audit, clock,
                config.bulletin().refresh());
        publicBulletin.mountPublic(router); // before authentication: public, never reads a session
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type", ServiceMetrics.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store").end(metrics.scrape()));
        router.route().handler(auth::identify);
        router.route().handler(new WritesGate(writesOwnership::owns)::handle); // only /api/ writes, see WritesGate
        router.post("/api/v1/session").handler(body).handler(session::handleLogin);
        if (oidcProvider != null) {
            new OidcRoutes(oidcProvider, config.oidc().get(), new ClaimMapping(config.oidc().get().claims(), districts,
                    states), new SsoAccounts(users, clock), sessions, auth, audit).mount(router);
        }
        router.route("/api/v1/*").handler(auth::requireApi);
        router.route("/api/v1/*").handler(body);
        router.delete("/api/v1/session").handler(session::handleLogout);
        router.get("/api/v1/me").handler(session::handleMe);
        router.get("/api/v1/overview").handler(api::handleOverview);
        router.get("/api/v1/districts/:code").handler(api::handleDistrict);
        router.get("/api/v1/shortages").handler(api::handleShortages);
        router.get("/api/v1/backlogs").handler(api::handleBacklogs);
        router.get("/api/v1/calls/load").handler(api::handleCallLoad);
        router.get("/api/v1/workers/distribution").handler(api::handleWorkerDistribution);
        router.get("/api/v1/alerts").handler(api::handleAlerts);
        router.post("/api/v1/alerts/:id/ack").handler(api::handleAck);
        router.route("/api/v1/admin/*").handler(auth::requireAdmin);
        router.get("/api/v1/admin/users").handler(admin::handleListUsers);
        router.get("/api/v1/admin/users/:username").handler(admin::handleGetUser);
        router.post("/api/v1/admin/users").handler(admin::handleSaveUser);
        router.get("/api/v1/admin/keys").handler(admin::handleListKeys);
        router.post("/api/v1/admin/keys").handler(admin::handleCreateKey);
        router.delete("/api/v1/admin/keys/:keyId").handler(admin::handleRevokeKey);
        router.get("/api/v1/audit").handler(auth::requireAdmin).handler(admin::handleAudit);
        DisplayApi displayApi = new DisplayApi(displays, districts, states, audit, clock);
        router.get("/api/v1/admin/displays").handler(displayApi::handleList);
        router.post("/api/v1/admin/displays").handler(displayApi::handleRegister);
        router.delete("/api/v1/admin/displays/:id").handler(displayApi::handleRevoke);
        publicBulletin.mountAdmin(router);
        ComplaintApi complaintApi = new ComplaintApi(complaints, districts, states, users, audit, clock, zone,
                config.complaintEscalation());
        RoutingApi routing = new RoutingApi(complaints, districts, audit, clock);
        router.post("/api/v1/complaints").handler(complaintApi::handleRegister);
        router.get("/api/v1/complaints").handler(complaintApi::handleList);
        router.get("/api/v1/complaints/recognise").handler(complaintApi::handleRecognise);
        router.get("/api/v1/complaints/:number").handler(complaintApi::handleGet);
        router.post("/api/v1/complaints/:number/actions").handler(complaintApi::handleAction);
        router.get("/api/v1/admin/routing").handler(routing::handleGet);
        router.put("/api/v1/admin/routing").handler(routing::handlePut);
        mountOperations(router);
        mountTriage(router, names);
        SettingsApi settingsApi = new SettingsApi(config.runtimeSettings(), settingsBook, districts, audit, clock);
        router.get("/api/v1/admin/settings").handler(settingsApi::handleGet);
        router.put("/api/v1/admin/settings").handler(settingsApi::handlePut);
        router.get("/api/v1/search").handler(query::handleSearch);
        router.get("/api/v1/workers/search").handler(query::handleWorkerSearch);
        router.get("/api/v1/districts/:code/trends").handler(query::handleTrends);
        router.get("/api/v1/alerts/history").handler(query::handleAlertHistory);
        new ExportApi(new ExportApi.Dependencies(vertx, new WorkerSearch(elastic, names), new AlertHistory(elastic, names),
                complaints, live, districts, audit, Words.bundled(), clock, zone)).mount(router);
        Optional<ReportPdf> pdf = config.reportFont().map(font -> new ReportPdf(web.charts(), districts, Words.bundled(),
                font, zone));
        // The situation report carries the running verification campaigns' progress (state-wide reports).
        ReportSource reports = ReportSource.withCampaigns(query.reportSource(),
                new org.warroom.dashboard.campaign.CampaignReportLines(campaigns::queues, clock));
        new ReportPdfRoutes(vertx, reports, pdf, reportArchive, districts, clock, zone).mount(router);
        pdf.ifPresent(renderer -> scheduledReports = new ScheduledReports(vertx, config.reports(), reports,
                renderer, reportArchive, clock, zone));
        WebRoutes.mount(router, new WebDependencies(vertx, districts, states, reports, clock, zone), web);
        notifyRoutes = NotifyRoutes.mount(router, new NotifyDependencies(vertx, config.kafka(), config.ackLinks(), writer, users, audit,
                id -> live.get(LiveChannel.ALERTS, id).map(value -> (Alert) value.value()), clock));
        new CampaignsApi(new CampaignDependencies(vertx, campaigns, new CampaignMembership(elastic, names),
                new WorkerCards(elastic, names), complaints, writer, audit, districts, states, Words.bundled(), clock, zone,
                config.dial().map(org.warroom.dashboard.campaign.dial.Dialer::of), users))
                .mount(router);
        router.get("/ws").handler(ws::handle);
        new DisplayPages(devices, displays, auth, audit, Words.bundled()).mount(router);
        new PageRoutes(districts).mount(router);
        router.route("/api/*").last().handler(ctx -> Answers.error(ctx, 404, "not found", null, "no such path"));
        router.route().last().handler(ctx -> ctx.response().setStatusCode(404)
                .putHeader("Content-Type", "text/plain; charset=utf-8").end("Not found."));
        router.route().failureHandler(this::handleFailure);
        return router;
    }

    /** Directives, the shift log and handovers (docs/OPERATIONS.md). */
    private void mountOperations(Router router) {
        DirectiveApi directiveApi = new DirectiveApi(directives, districts, audit, clock, zone);
        router.post("/api/v1/directives").handler(directiveApi::handleIssue);
        router.get("/api/v1/directives").handler(directiveApi::handleList);
        router.get("/api/v1/directives/:id").handler(directiveApi::handleGet);
        router.post("/api/v1/directives/:id/actions").handler(directiveApi::handleAction);
        ShiftApi shiftApi = new ShiftApi(shift, new HandoverDrafter(live, directives, complaints, shift, zone), districts,
                audit, clock, zone);
        router.post("/api/v1/log").handler(shiftApi::handleWrite);
        router.get("/api/v1/log").handler(shiftApi::handleLog);
        router.post("/api/v1/handovers").handler(shiftApi::handleDraft);
        router.get("/api/v1/handovers").handler(shiftApi::handleList);
        router.get("/api/v1/handovers/:id").handler(shiftApi::handleGet);
        router.post("/api/v1/handovers/:id/sign").handler(shiftApi::handleSign);
        router.post("/api/v1/handovers/:id/acknowledge").handler(shiftApi::handleAcknowledge);
        PostsApi postsApi = new PostsApi(posts, new PostDrafter(Words.bundled(), config.posts().limits(),
                config.posts().link()), new PostLifecycle(config.posts().limits()), config.posts().limits(), bulletin,
                audit, clock);
        router.get("/api/v1/posts").handler(postsApi::handleList);
        router.post("/api/v1/posts").handler(postsApi::handleDraft);
        router.put("/api/v1/posts/:id").handler(postsApi::handleEdit);
        router.post("/api/v1/posts/:id/approve").handler(postsApi::handleApprove);
    }

    /** Placing unplaced messages and the aliases they teach (docs/TRIAGE.md). */
    private void mountTriage(Router router, IndexNames names) {
        TriageApi triageApi = new TriageApi(vertx, triage, new UnplacedMessages(elastic, names), states, audit, clock, zone);
        router.get("/api/v1/triage/messages").handler(triageApi::handleQueue);
        router.post("/api/v1/triage/messages/:id/placement").handler(triageApi::handlePlace);
        router.get("/api/v1/triage/aliases").handler(triageApi::handleAliases);
        router.post("/api/v1/triage/aliases/decisions").handler(triageApi::handleDecide);
    }

    private void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError || (failure != null && ctx.statusCode() < 0)) {
            Answers.fail(ctx, failure);
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String reason = switch (status) {
            case 413 -> "request body too large (at most " + MAX_BODY + " bytes)";
            case 400 -> "bad request";
            case 404 -> "no such path";
            case 405 -> "method not allowed";
            default -> "internal error";
        };
        Answers.error(ctx, status, status == 500 ? "internal" : "invalid", null, reason);
    }

    /** With several instances (dashboard.writes.owner.group set): joins the group that picks the one owning writes. */
    private Void joinWritesOwnership() {
        config.writesOwner().group().ifPresent(group -> writesOwnership = WritesOwnership.member(config.kafka(), group,
                instance, config.writesOwner().session()));
        return null;
    }

    private Void ensureTopics() {
        List<Topic<?, ?>> topics = new ArrayList<>(ResultTopics.all());
        topics.addAll(SessionTopics.all());
        topics.addAll(AccountTopics.all());
        topics.addAll(AuditTopics.all());
        topics.addAll(NotifyTopics.all());
        topics.addAll(CampaignTopics.all());
        // Campaign outcomes write registry updates and complaints to these feeds (ingest creates them too).
        topics.add(Topics.WORKERS);
        topics.add(Topics.TICKETS);
        topics.add(Topics.API_KEYS);
        topics.add(Topics.MESSAGES); // triage writes placed messages back (ingest creates it too)
        topics.addAll(TriageTopics.all());
        topics.addAll(BulletinTopics.all());
        topics.addAll(ReportTopics.all());
        topics.addAll(ComplaintTopics.all());
        topics.addAll(DisplayTopics.all());
        topics.addAll(DirectiveTopics.all());
        topics.addAll(ShiftTopics.all());
        topics.addAll(SocialTopics.all());
        topics.addAll(SettingsTopics.all());
        new TopicCreator(config.kafka()).ensure(topics);
        return null;
    }

    /** The public bulletin's cache, its first snapshot under way (from whatever the live state holds by now). */
    private Future<Void> startBulletin(WebRoutes.Prepared web) {
        ComplaintsToday today = new ComplaintsToday(elastic, new IndexNames(config.elastic().indexPrefix()), zone, clock);
        BulletinBuilder builder = new BulletinBuilder(districts, states, web.geo().featureCounts().keySet(),
                new SmallCounts(config.bulletin().floor()));
        bulletin = new BulletinCache(vertx, live, builder, today::byDistrict, config.bulletin(), clock, zone);
        bulletin.start(); // not waited for: a slow Elasticsearch must not hold up the war room's start
        return Future.succeededFuture();
    }

    /** The scheduled situation reports (for tests); null when no PDF font is installed. */
    public ScheduledReports scheduledReports() {
        return scheduledReports;
    }

    /** The kept situation reports (for tests). */
    public ReportArchive reportArchive() {
        return reportArchive;
    }

    /** The public bulletin's cache (for tests). */
    public BulletinCache bulletin() {
        return bulletin;
    }

    /** Makes the user {@code admin} when there is none yet (the password from configuration, kept, or generated). */
    private Future<Void> ensureFirstAdmin() {
        if (users.find(FirstAdmin.USERNAME).isPresent()) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            FirstAdmin first = FirstAdmin.resolve(config.adminPassword(), config.adminPasswordFile());
            String hash = PasswordHasher.hash(first.password());
            firstAdmin = first;
            return new UserAccount(FirstAdmin.USERNAME, hash, Role.ADMIN.wire(), List.of(), List.of(), null, false,
                    clock.instant(), clock.instant(), "bootstrap");
        }).compose(admin -> audit.record("bootstrap", null, "admin.bootstrap", admin.username(), null, "ok", "local",
                Map.of("generated", Boolean.toString(firstAdmin.generated()))).compose(v -> users.save(admin)))
                .mapEmpty();
    }

    /** A user was disabled, removed or given a new password (here or on another instance): their sessions end. */
    private void userChanged(UserAccount previous, UserAccount current) {
        if (previous == null) {
            return;
        }
        if (current == null || current.disabled() || !Objects.equals(previous.passwordHash(), current.passwordHash())) {
            int ended = sessions.endAll(previous.username());
            if (ended > 0) {
                LOG.info("ended {} session(s) of {}", ended, previous.username());
            }
        }
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /** The live state (for tests and health). */
    public LiveState live() {
        return live;
    }

    /** The session store (for tests). */
    public SessionStore sessions() {
        return sessions;
    }

    private void handleHealth(RoutingContext ctx) {
        vertx.executeBlocking(health::check).onComplete(result -> {
            JsonObject body = new JsonObject();
            boolean ok = result.succeeded() && DependencyHealth.allOk(result.result());
            body.put("status", ok ? "ok" : "unavailable");
            if (result.succeeded()) {
                body.put("checks", new JsonObject(new java.util.LinkedHashMap<>(result.result())));
            }
            body.put("liveStateReady", live.ready());
            ctx.response().setStatusCode(ok ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        });
    }

    /** {@code GET /health/live}: 200 while the server answers; Kafka or Elasticsearch being down is no reason to restart. */
    private void handleLive(RoutingContext ctx) {
        health(ctx, HealthReport.of(Map.of()));
    }

    /** {@code GET /health/ready}: 200 when Kafka and Elasticsearch answer, else 503 naming what does not. */
    private void handleReady(RoutingContext ctx) {
        vertx.executeBlocking(health::check).onComplete(result -> health(ctx, result.succeeded()
                ? HealthReport.of(result.result())
                : HealthReport.of(Map.of("dependencies", "not checked: " + result.cause().getClass().getSimpleName()))));
    }

    private static void health(RoutingContext ctx, HealthReport report) {
        ctx.response().setStatusCode(report.httpStatus())
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(report.json()));
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed
                .eventually(() -> notifyRoutes == null ? Future.succeededFuture()
                        : notifyRoutes.compose(NotifyRoutes::close, e -> Future.succeededFuture()))
                .eventually(() -> {
                    if (bulletin != null) {
                        bulletin.stop();
                    }
                    if (scheduledReports != null) {
                        scheduledReports.stop();
                    }
                    if (reportArchive != null) {
                        reportArchive.close();
                    }
                    return bulletinSwitch == null ? Future.succeededFuture() : bulletinSwitch.close();
                })
                .eventually(() -> sharedSessions == null ? Future.succeededFuture() : sharedSessions.close())
                .eventually(() -> users == null ? Future.succeededFuture() : users.close())
                .eventually(() -> keys == null ? Future.succeededFuture() : keys.close())
                .eventually(() -> displays == null ? Future.succeededFuture() : displays.close())
                .eventually(() -> citizenDesk == null ? Future.succeededFuture() : citizenDesk.close())
                .eventually(() -> complaints == null ? Future.succeededFuture() : complaints.close())
                .eventually(() -> directives == null ? Future.succeededFuture() : directives.close())
                .eventually(() -> shift == null ? Future.succeededFuture() : shift.close())
                .eventually(() -> triage == null ? Future.succeededFuture() : triage.close())
                .eventually(() -> posts == null ? Future.succeededFuture() : posts.close())
                .eventually(() -> settingsBook == null ? Future.succeededFuture() : settingsBook.close())
                .eventually(() -> vertx.executeBlocking(() -> {
                    writesOwnership.close();
                    if (writer != null) {
                        writer.close();
                    }
                    return null;
                }));
    }
}
