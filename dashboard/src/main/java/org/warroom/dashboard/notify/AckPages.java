package org.warroom.dashboard.notify;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.notify.TokenUse;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.notify.store.NotifyStore;

/**
 * Acknowledge from the message, without a session (the signed, single-use, expiring token is the credential):
 * {@code GET /ack/{token}} the page (no script; a plain form), {@code POST /ack/{token}} (form field
 * {@code comment}) the acknowledgement — the token's use written to {@code warroom.token-uses}, audited
 * ({@code alert.ack}, {@code via=link}), then written to {@code warroom.alert-acks} as the token's user — and
 * {@code GET /ack/assets/ack.css}. Pages come from {@link AckPageView}.
 */
final class AckPages {
    private static final Logger LOG = LoggerFactory.getLogger(AckPages.class);
    static final int MAX_COMMENT = 1000;

    private final NotifyDependencies deps;
    private final NotifyStore store;
    private final AckTokens tokens;

    AckPages(NotifyDependencies deps, NotifyStore store) {
        this.deps = deps;
        this.store = store;
        this.tokens = deps.ack().tokens(deps.clock());
    }

    void handleCss(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=3600").end(AckPageView.css());
    }

    void handleAckPage(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        AckTokens.Result result = tokens.check(token);
        if (!result.ok() || store.tokenUsed(result.claim().get().tokenId())) {
            answer(ctx, AckPageView.refused(result.refusal().orElse(AckTokens.Refusal.USED)));
            return;
        }
        AckTokens.Claim claim = result.claim().get();
        answer(ctx, AckPageView.ackPage(token, claim, deps.alerts().apply(claim.alertId()), MAX_COMMENT));
    }

    void handleAck(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        AckTokens.Result result = tokens.check(token);
        String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        if (!result.ok() || store.tokenUsed(result.claim().get().tokenId())) {
            AckTokens.Refusal why = result.refusal().orElse(AckTokens.Refusal.USED);
            String actor = result.claim().map(AckTokens.Claim::user).orElse("anonymous");
            String target = result.claim().map(AckTokens.Claim::alertId).orElse(null);
            deps.audit().record(actor, null, "alert.ack", target, null, "refused: " + why.name().toLowerCase(Locale.ROOT)
                    + " link", address, Map.of("via", "link"))
                    .onComplete(ar -> answer(ctx, AckPageView.refused(why)));
            return;
        }
        AckTokens.Claim claim = result.claim().get();
        String comment = comment(ctx.request().getFormAttribute("comment"));
        Optional<UserAccount> account = deps.users().find(claim.user());
        if (account.isEmpty() || account.get().disabled()) {
            answer(ctx, AckPageView.refused(AckTokens.Refusal.FORGED));
            return;
        }
        Optional<Alert> alert = deps.alerts().apply(claim.alertId());
        if (alert.isPresent() && alert.get().state() != AlertState.ACTIVE) {
            answer(ctx, AckPageView.nothingToAcknowledge(alert.get()));
            return;
        }
        Instant now = deps.clock().instant();
        AlertAck ack = new AlertAck(claim.alertId(), claim.user(), OffsetDateTime.ofInstant(now, ZoneId.of("Asia/Kolkata")),
                comment);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("via", "link");
        alert.ifPresent(a -> details.put("rule", a.rule()));
        if (comment != null) {
            details.put("comment", comment);
        }
        String district = alert.map(Alert::district).orElse(null);
        store.useToken(claim.tokenId());
        deps.writer().write(NotifyTopics.TOKEN_USES, claim.tokenId(), new TokenUse(claim.tokenId(), claim.alertId(),
                        claim.user(), now))
                .compose(v -> deps.audit().record(claim.user(), account.get().role(), "alert.ack", claim.alertId(),
                        district, "ok", address, details))
                .compose(v -> deps.writer().write(ResultTopics.ALERT_ACKS, claim.alertId(), ack))
                .onSuccess(v -> answer(ctx, AckPageView.acknowledged(claim.user())))
                .onFailure(e -> {
                    LOG.error("acknowledgement of {} by {} through a link failed: {}", claim.alertId(), claim.user(),
                            e.toString());
                    store.releaseToken(claim.tokenId());
                    answer(ctx, AckPageView.notSaved());
                });
    }

    /** The comment without control characters (but new lines and tabs), at most {@link #MAX_COMMENT}; null if empty. */
    static String comment(String raw) {
        if (raw == null) {
            return null;
        }
        String comment = raw.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (comment.length() > MAX_COMMENT) {
            comment = comment.substring(0, MAX_COMMENT);
        }
        return comment.isEmpty() ? null : comment;
    }

    private static void answer(RoutingContext ctx, AckPageView.Page page) {
        ctx.response().setStatusCode(page.status())
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(page.html());
    }
}
