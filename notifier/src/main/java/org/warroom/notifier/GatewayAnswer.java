package org.warroom.notifier;

import io.vertx.core.Future;

/**
 * What an Indian SMS gateway's answer means. Such gateways answer HTTP 200 for refusals too, with the reason in the
 * body ({@code Message Rejected ... code=API2014 & info=Invalid template}), so after the status
 * ({@link HttpAnswers}) the body decides: matching {@link SmsGatewayConfig#accepted()} is a message taken; matching
 * {@link SmsGatewayConfig#retry()} is worth another attempt; anything else is permanent. The reason kept in the
 * delivery log is the body's first line, cut to 200 characters, with long digit runs (phone numbers) masked.
 */
final class GatewayAnswer {
    private GatewayAnswer() {
    }

    static Future<Void> judge(SmsGatewayConfig gateway, int status, String body) {
        String said = said(body);
        if (status < 200 || status >= 300) {
            return HttpAnswers.check("the SMS gateway", status).recover(e -> Future.failedFuture(
                    e instanceof Channel.PermanentFailure ? new Channel.PermanentFailure(e.getMessage() + ": " + said)
                            : new IllegalStateException(e.getMessage() + ": " + said)));
        }
        if (gateway.accepted().matcher(body).find()) {
            return Future.succeededFuture();
        }
        String reason = "the SMS gateway refused the message: " + said;
        if (gateway.retry().matcher(body).find()) {
            return Future.failedFuture(new IllegalStateException(reason));
        }
        return Future.failedFuture(new Channel.PermanentFailure(reason));
    }

    /** The body's first line, at most 200 characters, digit runs of 8 or more masked but their last 4 digits. */
    static String said(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        line = line.replaceAll("\\d{4,}(\\d{4})", "***$1");
        if (line.isEmpty()) {
            return "(empty answer)";
        }
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
