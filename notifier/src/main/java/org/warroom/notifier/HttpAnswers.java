package org.warroom.notifier;

import io.vertx.core.Future;

/** How an HTTP provider's status code counts: 2xx taken; 408, 429, 5xx worth a retry; anything else permanent. */
final class HttpAnswers {
    private HttpAnswers() {
    }

    static Future<Void> check(String what, int status) {
        if (status >= 200 && status < 300) {
            return Future.succeededFuture();
        }
        String reason = what + " answered HTTP " + status;
        if (status == 408 || status == 429 || status >= 500) {
            return Future.failedFuture(new IllegalStateException(reason));
        }
        return Future.failedFuture(new Channel.PermanentFailure(reason));
    }
}
