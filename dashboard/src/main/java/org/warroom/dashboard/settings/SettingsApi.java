package org.warroom.dashboard.settings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.settings.InvalidSetting;
import org.warroom.contracts.settings.SettingDefinition;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsCatalog;
import org.warroom.contracts.settings.SettingsSnapshot;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * {@code GET /api/v1/admin/settings} and {@code PUT /api/v1/admin/settings} {@code {"key", "value", "district"?,
 * "version"?}} (administrators; docs/SETTINGS.md): every run-time setting with its default and the value in force,
 * and one change — checked (400 naming {@code key}, {@code value} or {@code district}), audited with the value
 * before and after, then stored on {@code warroom.settings}, from where streams takes it within seconds. A stale
 * {@code version}: 409. Routing defaults are the grievance desk's {@code /api/v1/admin/routing}.
 */
public final class SettingsApi {
    static final String ROUTING = "/api/v1/admin/routing";

    private final SettingsCatalog catalog;
    private final SettingsBook book;
    private final DistrictDirectory districts;
    private final AuditLog audit;
    private final Clock clock;

    public SettingsApi(SettingsCatalog catalog, SettingsBook book, DistrictDirectory districts, AuditLog audit,
                       Clock clock) {
        this.catalog = catalog;
        this.book = book;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    public void handleGet(RoutingContext ctx) {
        SettingsSnapshot current = book.current();
        List<Map<String, Object>> items = new ArrayList<>();
        for (SettingDefinition d : catalog.all()) {
            items.add(item(d, null, current));
            if (d.perDistrict()) {
                current.values().stream().filter(v -> v.key().equals(d.key()) && v.district() != null)
                        .sorted(Comparator.comparing(SettingValue::district))
                        .forEach(v -> items.add(item(d, v.district(), current)));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("routing", ROUTING);
        Answers.ok(ctx, body);
    }

    public void handlePut(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        JsonObject body = Answers.body(ctx);
        String key = text(body, "key");
        String district = districtOf(body);
        Double value = number(body);
        Long version = version(body);
        SettingDefinition definition;
        try {
            definition = catalog.check(key, district, value, book.current(), code -> districts.byCode(code).isPresent());
        } catch (InvalidSetting e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
        book.claim(key, district, version);
        double before = catalog.valueOf(book.current(), key, district);
        SettingValue change = new SettingValue(key, district, value, before, admin.username(), clock.instant(),
                book.versionOf(key, district) + 1);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("before", plain(before));
        details.put("after", plain(value));
        details.put("version", Long.toString(change.version()));
        audit.record(admin.username(), admin.role().wire(), "settings.update", key, district, "ok",
                        Answers.address(ctx), details)
                .recover(e -> {
                    book.release(key, district);
                    return Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed"));
                })
                .compose(v -> book.save(change))
                .onSuccess(saved -> Answers.ok(ctx, item(definition, district, book.current())))
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the setting could not be stored: " + e.getMessage())));
    }

    private Map<String, Object> item(SettingDefinition d, String district, SettingsSnapshot current) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("key", d.key());
        o.put("group", d.group().wire());
        o.put("subject", d.subject());
        if (district != null) {
            o.put("district", district);
            Optional<District> named = districts.byCode(district);
            named.ifPresent(n -> {
                o.put("districtName", n.name());
                o.put("districtNameHi", n.nameHi());
            });
        }
        o.put("value", catalog.valueOf(current, d.key(), district));
        o.put("default", d.defaultValue());
        o.put("unit", d.unit());
        o.put("min", d.min());
        o.put("max", d.max());
        o.put("perDistrict", d.perDistrict());
        Optional<SettingValue> set = current.exactly(d.key(), district);
        o.put("version", set.map(SettingValue::version).orElse(0L));
        set.ifPresent(v -> {
            o.put("previous", v.previous());
            o.put("changedBy", v.changedBy());
            o.put("changedAt", v.changedAt().toString());
        });
        return o;
    }

    private static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) {
            throw ApiError.invalid(field, "must be a string");
        }
        return v == null ? null : ((String) v).strip();
    }

    private static String districtOf(JsonObject body) {
        Object v = body.getValue("district");
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        if (v instanceof String s) {
            return s.strip();
        }
        throw ApiError.invalid("district", "must be an LGD district code");
    }

    private static Double number(JsonObject body) {
        Object v = body.getValue("value");
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw ApiError.invalid("value", "must be a number");
    }

    private static Long version(JsonObject body) {
        Object v = body.getValue("version");
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.longValue() >= 0 && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw ApiError.invalid("version", "must be the whole number GET gave for this setting");
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
