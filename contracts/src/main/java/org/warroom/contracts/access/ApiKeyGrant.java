package org.warroom.contracts.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An ingest API key as stored: never the key itself, only its SHA-256 hash. Topic {@code warroom.apikeys}
 * (compacted), keyed by {@link #keyId()}; written by the dashboard's administration (and by ingest for the
 * first key), read by ingest. A key is presented as {@code wr_<keyId>_<secret>}.
 *
 * @param feeds     the feeds this key may send to ({@code calls}, {@code messages}, {@code reports},
 *                  {@code workers}); empty means all
 * @param districts the districts it may send for; empty means all
 * @param revokedAt when set, the key is refused from then on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyGrant(String keyId, String source, String sha256, List<String> feeds, List<String> districts,
                          Instant createdAt, String createdBy, Instant revokedAt) {
    public ApiKeyGrant {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    public boolean allowsFeed(String feed) {
        return revokedAt == null && (feeds.isEmpty() || feeds.contains(feed));
    }

    public boolean allowsDistrict(String district) {
        return revokedAt == null && (districts.isEmpty() || districts.contains(district));
    }
}
