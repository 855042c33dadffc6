package org.warroom.dashboard.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * {@code GET /assets/words.js}: the pages' texts in every language, as an ES module
 * ({@code export const DICTIONARIES = {"en": {...}, "hi": {...}};}) rendered once from the same bundles the charts and
 * notifications use ({@link Words}), so each text exists once. Public, like the other assets (the sign-in page needs it).
 */
final class WordsScript {
    private final Buffer body;
    private final String etag;

    WordsScript(Words words) {
        Map<String, Map<String, String>> dictionaries = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            dictionaries.put(language.code(), words.all(language));
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(dictionaries);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the texts", e);
        }
        byte[] bytes = ("// Generated from i18n/words_*.properties (org.warroom.contracts.text.Words).\n"
                + "export const DICTIONARIES = " + json + ";\n").getBytes(StandardCharsets.UTF_8);
        this.body = Buffer.buffer(bytes);
        this.etag = "\"" + sha256(bytes).substring(0, 16) + "\"";
    }

    void handle(RoutingContext ctx) {
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).putHeader("ETag", etag).end();
            return;
        }
        ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=300").putHeader("ETag", etag).end(body);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
