package org.warroom.dashboard.notify;

import java.util.Locale;
import java.util.Optional;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;

/**
 * The acknowledge-from-the-message pages as HTML, from the templates in {@code notify/} on the class path
 * ({@code ack.html} the page, {@code ack-row.html}, {@code ack-severity-row.html}, {@code ack-form.html},
 * {@code ack-notice.html} its parts, {@code ack.css} its style): every text is escaped by {@link HtmlTemplate}.
 * Knows nothing of HTTP; {@link AckPages} answers with what this renders.
 */
final class AckPageView {
    /** A page: its HTTP status, title and rendered HTML. */
    record Page(int status, String title, String html) {
    }

    private static final HtmlTemplate PAGE = HtmlTemplate.load("notify/ack.html");
    private static final HtmlTemplate ROW = HtmlTemplate.load("notify/ack-row.html");
    private static final HtmlTemplate SEVERITY_ROW = HtmlTemplate.load("notify/ack-severity-row.html");
    private static final HtmlTemplate FORM = HtmlTemplate.load("notify/ack-form.html");
    private static final HtmlTemplate NOTICE = HtmlTemplate.load("notify/ack-notice.html");
    private static final String CSS = HtmlTemplate.load("notify/ack.css").text();

    private AckPageView() {
    }

    static String css() {
        return CSS;
    }

    /**
     * The page a valid link opens: what the alert is, who "you" are, and either the form (comment and button) or,
     * when the alert is no longer active, why there is nothing to acknowledge.
     */
    static Page ackPage(String token, AckTokens.Claim claim, Optional<Alert> alert, int maxComment) {
        StringBuilder body = new StringBuilder("<dl>");
        alert.ifPresentOrElse(a -> {
            body.append(SEVERITY_ROW.render("name", "Severity", "severity", a.severity().wire(),
                    "label", a.severity().wire().toUpperCase(Locale.ROOT)));
            body.append(text("Alert", a.message() == null ? a.rule() : a.message()));
            body.append(text("District", a.district() == null ? "state-wide" : a.district()));
            if (a.raisedAt() != null) {
                body.append(text("Raised", a.raisedAt().toString()));
            }
        }, () -> body.append(text("Alert", claim.alertId())));
        body.append(text("You", claim.user())).append("</dl>");
        if (alert.isPresent() && alert.get().state() != AlertState.ACTIVE) {
            Alert a = alert.get();
            body.append(notice(nothingToDo(a)));
            return page(200, "Alert " + a.state().wire(), body.toString());
        }
        body.append(FORM.render("token", token, "maxComment", maxComment));
        return page(200, "Acknowledge alert", body.toString());
    }

    /** 409: the alert cleared or someone acknowledged it first. */
    static Page nothingToAcknowledge(Alert alert) {
        return page(409, "Nothing to acknowledge", notice(nothingToDo(alert)));
    }

    static Page acknowledged(String user) {
        return page(200, "Acknowledged", notice("Thank you, " + user + ". The alert is acknowledged; escalation stops."));
    }

    static Page notSaved() {
        return page(503, "Try again", refusal("The acknowledgement could not be saved. Please try again in a minute."));
    }

    /** 403 for a forged link, 410 for an expired or used one. */
    static Page refused(AckTokens.Refusal why) {
        String reason = switch (why) {
            case FORGED -> "This link is not valid.";
            case EXPIRED -> "This link has expired. Acknowledge on the dashboard instead.";
            case USED -> "This link was already used.";
        };
        return page(why == AckTokens.Refusal.FORGED ? 403 : 410, "Link refused", refusal(reason));
    }

    private static String nothingToDo(Alert a) {
        return a.state() == AlertState.CLEARED ? "This alert has cleared."
                : "Already acknowledged by " + (a.ackBy() == null ? "" : a.ackBy()) + ".";
    }

    private static Page page(int status, String title, String body) {
        return new Page(status, title, PAGE.render("title", title, "body", body));
    }

    private static String text(String name, String value) {
        return ROW.render("name", name, "value", value);
    }

    private static String notice(String text) {
        return NOTICE.render("class", "notice", "text", text);
    }

    private static String refusal(String text) {
        return NOTICE.render("class", "notice refused", "text", text);
    }
}
