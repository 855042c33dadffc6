package org.warroom.dashboard.display;

import io.vertx.core.http.HttpMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.display.Display;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.security.DeviceCredentials;
import org.warroom.dashboard.security.Tokens;

/**
 * Registered wall displays as principals: a live credential becomes a read-only {@link Role#DISPLAY} viewer whose
 * scope is the display's state or district (else all India), never with personal data, for as long as the display
 * is not revoked — no idle or absolute limit. What a display may request: GET of its pages, the live API that
 * those pages read, and {@code /ws}; nothing that writes, no search (citizens' texts), no administration.
 */
public final class DisplayDevices implements DeviceCredentials {
    private static final Pattern ALLOWED = Pattern.compile(String.join("|", List.of(
            "/", "/alerts", "/district/[A-Za-z0-9_-]{1,16}", "/display/[0-9a-f]{12}", "/ws",
            "/api/v1/me", "/api/v1/overview", "/api/v1/districts", "/api/v1/districts/[A-Za-z0-9_-]{1,16}",
            "/api/v1/districts/[A-Za-z0-9_-]{1,16}/trends", "/api/v1/shortages", "/api/v1/backlogs", "/api/v1/alerts",
            "/api/v1/calls/load", "/api/v1/workers/distribution", "/api/v1/geo", "/api/v1/geo/[A-Za-z0-9_-]{1,16}",
            "/api/v1/charts/[a-z-]{1,32}\\.png")));

    private final DisplayDirectory displays;
    private final DistrictDirectory districts;

    public DisplayDevices(DisplayDirectory displays, DistrictDirectory districts) {
        this.displays = displays;
        this.districts = districts;
    }

    @Override
    public boolean recognises(String token) {
        return DisplayCredentials.looksLikeOne(token);
    }

    @Override
    public Optional<Viewer> viewerOf(String credential) {
        return live(credential).map(this::viewerOf);
    }

    /** The registered, unrevoked display a credential belongs to. */
    public Optional<Display> live(String credential) {
        return DisplayCredentials.idOf(credential).flatMap(displays::find)
                .filter(d -> !d.revoked())
                .filter(d -> Tokens.equal(d.sha256(), Tokens.sha256(credential)));
    }

    @Override
    public boolean allows(HttpMethod method, String path) {
        return (method == HttpMethod.GET || method == HttpMethod.HEAD) && path != null && ALLOWED.matcher(path).matches();
    }

    Viewer viewerOf(Display display) {
        return new Viewer(display.principal(), Role.DISPLAY, scopeOf(display), List.of(), null, List.of());
    }

    private Scope scopeOf(Display display) {
        if (display.district() != null) {
            return Scope.districts(Set.of(display.district()), false);
        }
        if (display.state() != null) {
            Set<String> inState = new HashSet<>();
            districts.inState(display.state()).forEach(d -> inState.add(d.code()));
            return Scope.states(Set.of(display.state()), inState, false);
        }
        return Scope.everywhere(false);
    }
}
